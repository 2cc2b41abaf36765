"""The promises as properties, attacked with generated input (issue 13, item 8).

- No piece of 8 or more characters of any secret leaves a module, whatever the service echoes it in.
- After a write landed, whatever bytes come back, the result is changed (after a re-read) or the
  service's own refusal; never "not sent".
- Arbitrary strings in every option and environment variable give success or a failure with the five keys,
  never a traceback and never the catch-all for errors nobody foresaw.
- Arbitrary redirect and error answers keep memory bounded.

Each property counts the branches its examples reach, and asserts that each was reached.
"""

import contextlib
import html
import io
import json
import os
import tracemalloc
import zlib
from collections import Counter
from unittest import mock
from urllib.parse import quote

from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import ENVIRONMENT_NAMES
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import UNEXPECTED
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import LONE_SURROGATE, MIN_MASKED_CHARS, fold
from ansible_collections.huaweicloud.codearts.plugins.modules import (
    codearts_user_email,
    codearts_user_email_info,
    codearts_user_gpg_key_info,
    codearts_user_https_clone,
    codearts_user_ssh_key,
    codearts_user_ssh_key_info,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, FakeSession, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import RawServer, http_answer
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS

SETTINGS = dict(deadline=None, derandomize=True)
FAILURE_KEYS = {"msg", "status", "error_code", "error_msg", "request_id"}
OLD = {"id": 1, "name": "alice", "commit_email": "old@example.com"}


def run(main, args, answers=()):
    """Run a module's main() against a FakeSession with answers; return (result, session)."""
    session = FakeSession(answers)
    output = io.StringIO()
    with mock.patch.object(http_client, "Transport", lambda headers: session), patch_module_args(args), \
            contextlib.redirect_stdout(output):
        try:
            main()
        except SystemExit:
            pass
    return json.loads(output.getvalue()), session


def texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(key)
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


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
            result, session = run(main, args, answers)
        reached["option %s" % option] += 1
        reached["echoed by the service" if session.sent else "refused before any request"] += 1
        reached["in %s, %s" % (where, escape)] += 1
        shown = "\n".join(texts(dict((key, value) for key, value in result.items() if key != "invocation")))
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


CONNECTION_VALUES = dict(endpoint="https://codearts.test", region="cn-north-4", token=TOKEN, timeout="5", retries="0",
                         auth_url="https://iam.test/v3", user_name="u", password="pw-123456", domain_name="d",
                         project_name="cn-north-4", access_key="AK", secret_key="SK" * 8,
                         security_token="temporary-security-token", project_id="p1", ca_path="/nonexistent/ca.pem")
PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZhaXJseSByYW5kb20gMzIgYnl0ZXMgb2Yga2V5ISEh dev@example.test"


def keys_page(*lines):
    return response(200, {"keys": [dict(id=index + 1, title="laptop", key=line) for index, line in enumerate(lines)]})


# Each module: its main, its own options with good values, and answers that let a good task succeed.
GPG_FINGERPRINT = "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2"
MODULES = {
    "email_info": (codearts_user_email_info.main, {}, lambda args: [response(200, OLD)]),
    "email": (codearts_user_email.main, dict(email="new@example.com", verify_code="123456"),
              lambda args: [response(200, OLD), response(200, dict(OLD, commit_email=args.get("email")))]),
    "https_clone": (codearts_user_https_clone.main, dict(iam_auth="true"),
                    lambda args: [response(200, raw=b"false"), response(200, raw=b"success")]),
    "gpg_key_info": (codearts_user_gpg_key_info.main, dict(fingerprint=GPG_FINGERPRINT, primary_keyid=GPG_FINGERPRINT[-16:]),
                     lambda args: [response(200, [{"id": 1, "fingerprint": GPG_FINGERPRINT,
                                                   "primary_keyid": GPG_FINGERPRINT[-16:]}])]),
    "ssh_key": (codearts_user_ssh_key.main, dict(key=PUBLIC_KEY, title="laptop", state="present", exclusive="false",
                                                 retitle="false", allow_no_keys="false"),
                lambda args: [keys_page(), response(201, dict(id=1, title="laptop", key=PUBLIC_KEY)), keys_page(PUBLIC_KEY)]),
    "ssh_key_info": (codearts_user_ssh_key_info.main, dict(title="laptop", fingerprint="SHA256:" + "x" * 43),
                     lambda args: [keys_page(PUBLIC_KEY)]),
}
OPTION_NAMES = sorted(set(CONNECTION_VALUES) | set(name for _main, own, _answers in MODULES.values() for name in own))
ENVIRONMENT = sorted(set(name for names in ENVIRONMENT_NAMES.values() for name in names)
                     | {"HW_REGION_NAME", "HW_CODEARTS_ENDPOINT", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "NO_PROXY",
                        "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"})
environment_text = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)) |
                           st.sampled_from(["\udcf6", "\udc80"]), max_size=60)
hostile_text = st.lists(st.text(max_size=8) | st.sampled_from(["\r\n", "\x00", "\ud83d", "[", "]", "@", "#", "%zz", ":0", "://",
                                                              "-----BEGIN OPENSSH PRIVATE KEY-----"]),
                        max_size=12).map("".join)


def test_arbitrary_options_and_environment_never_raise():
    """Every module, its good options kept or mutated into arbitrary strings, and arbitrary environment variables."""
    reached = Counter()

    @settings(max_examples=300, **SETTINGS)
    @given(module=st.sampled_from(sorted(MODULES)), kept=st.sets(st.sampled_from(sorted(CONNECTION_VALUES)), min_size=3),
           mutated=st.dictionaries(st.sampled_from(OPTION_NAMES), hostile_text, max_size=3),
           environment=st.dictionaries(st.sampled_from(ENVIRONMENT), environment_text, max_size=3))
    def attack(module, kept, mutated, environment):
        main, own, answers = MODULES[module]
        args = dict((key, CONNECTION_VALUES[key]) for key in kept | {"endpoint", "token"})
        args.update(own)
        args.update(mutated)
        with mock.patch.dict(os.environ, dict((name, value) for name, value in environment.items())):
            result, session = run(main, args, answers(args))
        text = json.dumps(result)
        assert "Traceback" not in text and "MODULE FAILURE" not in text
        assert not any(LONE_SURROGATE.search(piece) for piece in texts(result)), "ansible-core 2.19+ refuses this result"
        if result.get("failed"):
            assert FAILURE_KEYS <= set(result), result
            assert not result["msg"].startswith(UNEXPECTED.split("(", maxsplit=1)[0]), result["msg"]
            reached["refused after a request" if session.sent else "refused before any request"] += 1
        else:
            reached["succeeded"] += 1
            reached["%s succeeded" % module] += 1

    attack()
    assert all(reached[key] >= 20 for key in ("succeeded", "refused before any request")), reached
    assert all(reached["%s succeeded" % module] >= 3 for module in MODULES), reached


def after_put_answers():
    """What comes back after a PUT that landed: answers built from good ones, then broken in many ways."""
    document = json.dumps(dict(OLD, commit_email="new@example.com")).encode()
    good = http_answer(200, document, [("Content-Type", "application/json"), ("Content-Length", str(len(document)))])
    goods = [("good", good), ("good, deflate", http_answer(200, zlib.compress(document), [("Content-Encoding", "deflate")]))]
    return st.one_of(
        st.tuples(st.sampled_from(goods), st.binary(max_size=40)).map(lambda pair: (pair[0][0], pair[0][1] + pair[1])),
        st.binary(max_size=300).map(lambda junk: ("junk", junk)),
        st.integers(1, len(good) - 1).map(lambda cut: ("cut short", good[:cut])),
        st.tuples(st.integers(100, 599), st.binary(max_size=200)).map(
            lambda pair: ("any status", http_answer(pair[0], pair[1], [("Content-Length", str(len(pair[1])))]))),
        st.sampled_from([
            ("two lengths", http_answer(200, document, [("Content-Length", "44"), ("Content-Length", "45")])),
            ("bad chunk", http_answer(200, b"zz\r\n{}\r\n", [("Transfer-Encoding", "chunked")])),
            ("corrupt gzip", http_answer(200, b"\x1f\x8bnope", [("Content-Encoding", "gzip"), ("Content-Length", "6")])),
            ("nothing", b""),
            ("redirect", http_answer(302, b"", [("Location", "http://[::1/x"), ("Content-Length", "0")])),
        ]))


def test_a_landed_write_is_never_reported_as_unsent():
    reached = Counter()
    state = {}

    def service(method, path, headers, body, connection):
        if method == "PUT":
            state["email"] = json.loads(body)["email"]
            connection.sendall(state["after"])
        else:
            document = json.dumps(dict(OLD, commit_email=state["email"])).encode()
            connection.sendall(http_answer(200, document, [("Content-Type", "application/json"),
                                                           ("Content-Length", str(len(document)))]))

    with RawServer(service) as server:
        @settings(max_examples=120, **SETTINGS)
        @given(after=after_put_answers())
        def attack(after):
            kind, state["after"] = after
            state["email"] = OLD["commit_email"]
            before = len(server.received)
            result = run_with_real_transport(codearts_user_email.main, dict(
                endpoint=server.url, token=TOKEN, email="new@example.com", retries=0, timeout=2))
            assert state["email"] == "new@example.com"
            assert [entry[0] for entry in server.received[before:]][:2] == ["GET", "PUT"]
            message = result.get("msg", "")
            assert "Nothing was sent" not in message and "could not connect" not in message
            if result.get("changed"):
                reached["changed"] += 1
                reached["changed after a re-read" if len(server.received) - before == 3 else "changed from the answer"] += 1
            else:
                assert result.get("failed") and result["status"] is not None and 400 <= result["status"] < 500, result
                reached["the service's own refusal"] += 1
            reached[kind] += 1

        attack()
    assert all(reached[key] >= 10 for key in ("changed after a re-read", "changed from the answer")), reached
    assert reached["the service's own refusal"] >= 3, reached


def run_with_real_transport(main, args):
    output = io.StringIO()
    with patch_module_args(args), contextlib.redirect_stdout(output):
        try:
            main()
        except SystemExit:
            pass
    return json.loads(output.getvalue())


def test_arbitrary_redirect_and_error_answers_keep_memory_bounded():
    from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import codearts_client, gzip_of_zeros
    bomb = gzip_of_zeros(256)
    reached = Counter()
    state = {}

    def answer(method, path, headers, body, connection):
        connection.sendall(state["answer"])

    bodies = st.one_of(st.just(("gzip bomb", bomb, "gzip")), st.binary(max_size=2000).map(lambda data: ("bytes", data, "identity")),
                       st.integers(2, 4).map(lambda size: ("large", b"x" * (size * 1024 * 1024), "identity")))
    with RawServer(answer) as server:
        @settings(max_examples=40, **SETTINGS)
        @given(status=st.sampled_from([301, 302, 303, 307, 308, 400, 401, 403, 404, 429, 500, 502, 503]), body=bodies,
               location=hostile_text, declare_length=st.booleans())
        def attack(status, body, location, declare_length):
            kind, data, encoding = body
            headers = [("Location", location.encode("utf-8", "surrogatepass").decode("latin-1").replace("\r", "").replace("\n", "")),
                       ("Content-Encoding", encoding)] + ([("Content-Length", str(len(data)))] if declare_length else [])
            state["answer"] = http_answer(status, data, headers)
            client = codearts_client(server.url, timeout=2.0)
            tracemalloc.start()
            try:
                client.call(READ_USER_EMAILS)
            except CodeArtsRequestError as error:
                reached["failed with status" if error.status else "failed without status"] += 1
            finally:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            assert peak < 24 * 1024 * 1024, (kind, peak)
            reached[kind] += 1

        attack()
    assert all(reached[key] >= 3 for key in ("gzip bomb", "bytes", "large")), reached
