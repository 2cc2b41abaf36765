"""No secret is printed: a private key in an answer of the service is hidden by the output gate, and a credential
the service echoes in the forms real systems produce is masked. (The older properties of this promise, any escape
and any cut, are in tests/unit/plugins/module_utils/test_invariant_properties.py.)"""

import base64
import binascii
import html
import json
import os
from collections import Counter
from unittest import mock
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import credentials_from_params
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.client import CodeArtsClient
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RetryPolicy
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import MIN_MASKED_CHARS, fold
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS
from ansible_collections.huaweicloud.codearts.plugins.modules import (
    codearts_user_email,
    codearts_user_email_info,
    codearts_user_gpg_key_info,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import (
    connection_module,
    TOKEN,
    response,
    shown,
    warning_texts,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.properties import SETTINGS, run_with_answers, texts_in
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.results import assert_failure
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.socket_email_service import LONG_TOKEN, OLD


ARGS = dict(endpoint="https://codearts.test", token=TOKEN)
PGP_PRIVATE = ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgEZkXK1xYJKwYBBAHaRw8BAQdAz7b0Yq3cQ3m1hZr8nq3QmV4pWm9x\n"
               "T2sdWQABAKc9vQp3Yz0mKk8N9Xfd8w1aVJ4jP2mZr7sLq5ePq3hQEG0=\n=4Xz1\n-----END PGP PRIVATE KEY BLOCK-----")
OPENSSH_PRIVATE = ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n"
                   "c2gtZWQyNTUxOQAAACBk3ts5w8sXo0c9Z1x2m6b9V1tT3fQJ0f1mQz7c2b0qXwAAAJg=\n-----END OPENSSH PRIVATE KEY-----")
GPG_KEY = {"id": 1, "title": "laptop", "fingerprint": "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2",
           "primary_keyid": "3AA5C34371567BD2"}


@pytest.mark.parametrize("where", ["key", "subkey"])
def test_a_private_key_listed_as_a_gpg_key_is_never_returned(run_module, session, where):
    key = dict(GPG_KEY, key=PGP_PRIVATE) if where == "key" else dict(GPG_KEY, subkeys=[{"id": 2, "key": OPENSSH_PRIVATE}])
    session.script(response(200, [key]))
    result = run_module(codearts_user_gpg_key_info.main, ARGS)
    text = json.dumps(result)
    assert "failed" not in result and result["gpg_keys"][0]["title"] == "laptop"
    assert "PRIVATE KEY" not in text and "b3BlbnNzaC1rZXktdjE" not in text and "lFgEZkXK1xYJ" not in text
    assert "(hidden: a private key)" in text


ECHOES = {
    "upper case": lambda secret: secret.upper(),
    "lower case": lambda secret: secret.lower(),
    "base64": lambda secret: base64.b64encode(secret.encode()).decode(),
    "URL-safe base64 inside a longer text": lambda secret: base64.urlsafe_b64encode(b"X-Auth-Token: " + secret.encode()).decode(),
    "hexadecimal": lambda secret: binascii.hexlify(secret.encode()).decode(),
    "full-width": lambda secret: "".join(chr(ord(char) + 0xFEE0) if 0x21 <= ord(char) < 0x7F else char for char in secret),
}
TOKEN_FORMS_SECRET = "MIIdjAYJKoZIhvcNAQcCoIIdfTCCHXkCAQExDTALBglghkgBZQMEAgEwghveBgkq"


@pytest.mark.parametrize("echo", sorted(ECHOES), ids=sorted(ECHOES))
def test_a_token_the_service_echoes_transformed_as_real_systems_do_is_masked(run_module, session, echo):
    echoed = ECHOES[echo](TOKEN_FORMS_SECRET)
    session.script(response(400, {"error_code": "X.1", "error_msg": "you sent %s, which is wrong" % echoed}))
    result = run_module(codearts_user_email_info.main, dict(ARGS, token=TOKEN_FORMS_SECRET))
    middle = echoed[len(echoed) // 2 - 4:len(echoed) // 2 + 4]  # wherever the secret starts in what was encoded
    assert result["failed"] is True and middle not in json.dumps(result, ensure_ascii=False)


def test_an_echoed_proxy_authorization_header_is_masked_whole():
    basic = "Basic " + base64.b64encode(b"proxy-user:proxy-password").decode()
    assert base64.b64encode(b"proxy-user:proxy-password").decode() not in shown(
        "the proxy said: Proxy-Authorization: %s" % basic, "proxy-user:proxy-password")


def _upper_hex_json(secret):
    """The JSON form .NET's System.Text.Json (and Jackson with ESCAPE_NON_ASCII) write: \\u escapes in upper case."""
    return "".join("\\u%04X" % ord(char) if ord(char) > 127 else char for char in secret)


# (name, token, how a server quotes it back): every one is a standard encoding of the same text.
ECHOED_FORMS = [
    # Gson's default (HTML-safe) escaping writes = < > & ' as \u003d \u003c \u003e \u0026 \u0027.
    ("json_gson_html_safe_escapes", "ab=cd=ef=gh=ij", "ab\\u003dcd\\u003def\\u003dgh\\u003dij"),
    # JSON allows \u escapes in either case; .NET escapes non-ASCII by default, in upper case.
    ("json_upper_case_unicode_escapes", "\xc4\xd6\xdc\xdf\xe4\xf6\xfc\xe9", _upper_hex_json("\xc4\xd6\xdc\xdf\xe4\xf6\xfc\xe9")),
    # JSON allows \/ for /; PHP's json_encode writes it by default.
    ("json_escaped_solidus", "ab/cd/ef/gh/ij", "ab\\/cd\\/ef\\/gh\\/ij"),
    # RFC 3986: percent-encoding hex digits are case-insensitive; many encoders write lower case.
    ("url_lower_case_percent_escapes", "ab/cd/ef/gh/ij", "ab%2fcd%2fef%2fgh%2fij"),
    # HTML numeric character references; Go's html.EscapeString writes " as &#34;.
    ("html_decimal_character_references", 'ab"cd"ef"gh"ij', "ab&#34;cd&#34;ef&#34;gh&#34;ij"),
]


@pytest.mark.parametrize("token, echoed", [case[1:] for case in ECHOED_FORMS], ids=[case[0] for case in ECHOED_FORMS])
def test_a_token_echoed_in_another_standard_json_url_or_html_encoding_is_masked(run_module, session, token, echoed):
    """Promise (the gate masks every secret in raw, JSON, repr, URL and HTML forms, and any 8-char piece).

    Situation: codearts_user_email_info with token set (each token is a valid header value);
    """
    body = ("invalid token %s for this request" % echoed).encode("utf-8")
    session.script(response(400, raw=body, headers={"Content-Type": "text/plain"}))
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", token=token))
    assert result["failed"] is True
    assert echoed not in result["msg"], "the token is printed, encoded: %s" % result["msg"]
    assert echoed not in (result["error_msg"] or "")


def test_a_long_token_quoted_past_the_cut_is_masked(run_module, session):
    session.script(response(401, {"error_code": "APIGW.0301", "error_msg": "bad token " + LONG_TOKEN}))
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", token=LONG_TOKEN))
    assert_failure(result)
    text = json.dumps(result)
    assert all(LONG_TOKEN[index:index + 8] not in text for index in range(len(LONG_TOKEN) - 7))


def test_a_password_quoted_with_its_white_space_collapsed_is_masked(run_module, session):
    password = "Horse  Battery\tStaple9"
    session.script(response(401, {"error_msg": "user pw %s refused" % " ".join(password.split())}))
    result = run_module(codearts_user_email_info.main, dict(
        endpoint="https://codearts.test", auth_url="https://iam.test/v3", region="cn-north-4",
        user_name="u", password=password, domain_name="d"))
    assert_failure(result)
    assert "Battery" not in json.dumps(result) and "Staple9" not in json.dumps(result)


def test_a_verify_code_with_a_line_break_is_masked_stripped_too(run_module, session):
    session.script(response(200, OLD), response(400, {"error_code": "CH.1", "error_msg": "code 482913 is wrong"}))
    result = run_module(codearts_user_email.main, dict(
        endpoint="https://codearts.test", token=TOKEN, email="new@example.com", verify_code="482913\n"))
    assert_failure(result)
    assert "482913" not in json.dumps(result)


def test_a_piece_of_the_token_quoted_in_a_warning_is_masked(run_module, session):
    # A piece of the token, which Ansible's own masking (exact values only) would not recognise.
    session.script(response(200, OLD), response(200, dict(OLD, commit_email="echo " + TOKEN[2:-2])))
    result = run_module(codearts_user_email.main, dict(endpoint="https://codearts.test", token=TOKEN, email="new@example.com"))
    assert warning_texts(result)
    assert TOKEN[2:10] not in json.dumps(result) and TOKEN[-10:-2] not in json.dumps(result)


def test_a_piece_whose_white_space_folds_below_eight_characters_is_masked(run_module, session):
    """Found by the secrets property on ansible-core 2.16: "000000  " (six characters and two spaces) of a token."""
    token = "0000000000000  0"
    session.script(response(200, dict(OLD, name=token[7:15])))
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", token=token))
    assert result["user"]["name"] == "********"


# Secrets built from the pieces that change under some escape, and ordinary ones, up to 5,000 characters.
SPECIAL = [" ", "  ", "\t", " \t\n ", '"', "\\", "<", "&", ">", "/", "+", "%", "'", "\u00e9", "\u4e2d", "\U0001f600", "="]
secrets = st.lists(st.one_of(st.text("abcdefXYZ0123456789-_", min_size=1, max_size=40), st.sampled_from(SPECIAL)),
                   min_size=1, max_size=400).map("".join).map(lambda text: text[:5000]).filter(lambda text: text.strip())
LATIN1_PRINTABLE = "".join(chr(code) for code in range(32, 256) if not 127 <= code < 160)


def header_safe(secret):
    """What a header-bound option can hold: printable Latin-1 (others are refused before any request)."""
    return "".join(char if char in LATIN1_PRINTABLE else "x" for char in secret).strip() or "x" * 9


ESCAPES = {
    "raw": lambda text: text,
    "json": lambda text: json.dumps(text)[1:-1],
    "json-ascii-off": lambda text: json.dumps(text, ensure_ascii=False)[1:-1],
    "json twice": lambda text: json.dumps(json.dumps(text))[3:-3],
    "python repr": lambda text: repr(text)[1:-1],
    "url": lambda text: quote(text.encode("utf-8"), safe=""),
    "html": html.escape,
    "white space collapsed": lambda text: " ".join(text.split()),
}
WHERE = ("error_msg", "error_code", "html title", "plain text", "user field", "request id")


def echo_answer(where, echoed):
    if where == "error_msg":
        return response(401, {"error_code": "APIGW.0301", "error_msg": "refused: " + echoed})
    if where == "error_code":
        return response(400, {"error_code": echoed, "error_msg": "bad"})
    if where == "html title":
        return response(502, raw=("<html><title>%s</title></html>" % echoed).encode("utf-8"), headers={"Content-Type": "text/html"})
    if where == "plain text":
        return response(500, raw=echoed.encode("utf-8"), headers={"Content-Type": "text/plain"})
    if where == "request id":
        return response(403, {"error_msg": "no"}, headers={"X-Request-Id": echoed.encode("utf-8").decode("latin-1")})
    return response(200, dict(OLD, name=echoed, extra={echoed: [echoed]}))


def test_no_piece_of_a_secret_leaves_a_module():
    reached = Counter()

    @settings(max_examples=200, **SETTINGS)
    @given(secret=secrets, option=st.sampled_from(("token", "password", "verify_code", "HW_AUTH_TOKEN", "proxy password")),
           escape=st.sampled_from(sorted(ESCAPES)), where=st.sampled_from(WHERE),
           cut=st.tuples(st.integers(0, 5000), st.integers(8, 5000)))
    def attack(secret, option, escape, where, cut):
        args = dict(endpoint="https://codearts.test", retries=0)
        environment = {}
        if option == "token":
            secret = header_safe(secret)
            args["token"] = secret
        elif option == "HW_AUTH_TOKEN":
            secret = header_safe(secret)
            environment["HW_AUTH_TOKEN"] = secret
        elif option == "password":
            args.update(user_name="u", password=secret, domain_name="d", auth_url="https://iam.test/v3", region="cn-north-4")
        elif option == "proxy password":
            environment["HTTPS_PROXY"] = "http://user:%s@127.0.0.1:3128" % quote(secret.encode("utf-8"), safe="")
            args["token"] = TOKEN
        else:
            args.update(token=TOKEN, verify_code=secret, email="new@example.com")
        echoed = ESCAPES[escape](secret)
        start = cut[0] % len(echoed)
        echoed = echoed[start:start + cut[1]] if len(echoed) >= 16 else echoed
        answers = [echo_answer(where, echoed)]
        if option == "password":
            answers.insert(0, response(201, {"token": {}}, headers={"X-Subject-Token": "iam-issued-token-0123456789"}))
        if option == "verify_code":
            answers = [response(200, OLD), echo_answer(where, echoed)]
        main = codearts_user_email.main if option == "verify_code" else codearts_user_email_info.main
        with mock.patch.dict(os.environ, environment):
            result, session = run_with_answers(main, args, answers)
        reached["option %s" % option] += 1
        reached["echoed by the service" if session.sent else "refused before any request"] += 1
        reached["in %s, %s" % (where, escape)] += 1
        shown = "\n".join(texts_in(dict((key, value) for key, value in result.items() if key != "invocation")))
        # The secret itself, and the escaped form the service sent: a dense escape (a<b<c as a&lt;b&lt;c) leaves no
        # eight raw characters of the secret in a row, yet shows it plainly.
        too_short = len(secret.strip()) < MIN_MASKED_CHARS  # masked only as a whole option value, by design
        for form in set() if too_short else set((secret, fold(secret.strip()), secret.strip(), ESCAPES[escape](secret))):
            if len(form) >= 8:
                pieces = [form[index:index + 8] for index in range(len(form) - 7)]
                assert not [piece for piece in pieces if piece in shown], (option, escape, where)
            elif len(form.strip()) >= MIN_MASKED_CHARS:
                assert form.strip() not in shown
        if "invocation" in result and option in args:  # ansible-core 2.20+ returns no invocation
            assert "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" in json.dumps(result["invocation"])

    attack()
    assert reached["echoed by the service"] >= 150, reached
    assert all(reached["option %s" % option] >= 10 for option in ("token", "password", "verify_code", "HW_AUTH_TOKEN")), \
        sorted((key, count) for key, count in reached.items() if key.startswith("option"))
    assert all(reached[key] > 0 for key in ("option proxy password",)), reached
    assert sum(1 for key in reached if key.startswith("in ")) >= 20, reached


SPECIAL_TOKEN = 'tok/en+with"quote&<amp>'


@pytest.mark.parametrize("echo", [
    SPECIAL_TOKEN,
    quote(SPECIAL_TOKEN, safe=""),
    quote_plus(SPECIAL_TOKEN),
    html.escape(SPECIAL_TOKEN),
    repr(SPECIAL_TOKEN.encode("latin-1"))[2:-1],
])
def test_an_echoed_secret_in_any_escaped_form_is_masked_in_the_error(session, sleeps, echo):
    session.script(response(400, raw=b"token was " + echo.encode(), headers={"Content-Type": "text/plain"}))
    client = CodeArtsClient("https://codearts.test", credentials_from_params({"token": SPECIAL_TOKEN}, None, environ={}),
                            True, 30.0, RetryPolicy(0))

    with pytest.raises(CodeArtsRequestError) as caught:
        client.call(READ_USER_EMAILS)

    assert echo not in shown(caught.value, SPECIAL_TOKEN)
    assert shown(caught.value.error_msg, SPECIAL_TOKEN) == "the answer was not JSON: token was ********"


IAM_TOKEN = "iam-issued-token-0123456789"


def test_the_token_iam_issues_is_masked_like_a_no_log_option(session):
    session.script(response(201, {"token": {}}, headers={"X-Subject-Token": IAM_TOKEN}),
                   response(500, {"error_code": "X", "error_msg": "your token %s is bad" % IAM_TOKEN}))
    task = connection_module(user_name="alice", password="pw-hostile", domain_name="d", endpoint="https://codearts.test")
    client = build_client(task)

    with pytest.raises(CodeArtsRequestError) as caught:
        client.call(READ_USER_EMAILS)

    assert IAM_TOKEN in task.no_log_values
    assert IAM_TOKEN not in task.shown(caught.value)
