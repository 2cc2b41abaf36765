"""An outside attacker's findings against the promises of the one output gate, the never-sent allow-list and
the re-read after an unclear write. Each test fails on the code it was written against, for the reason in
its docstring.
"""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email, codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response

OLD = {"id": 1, "name": "alice", "commit_email": "old@example.com"}
NEW = dict(OLD, commit_email="new@example.com")


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
def test_a_token_echoed_in_another_standard_json_url_or_html_encoding_is_printed(run_module, session, token, echoed):
    """Promise 1 (the gate masks every secret in raw, JSON, repr, URL and HTML forms, and any 8-char piece).

    Reproduction: codearts_user_email_info with token set (each token is a valid header value); the service,
    or a gateway in front of it, answers 400 with a text body that quotes the token in a standard encoding
    redaction.forms_of does not generate: Gson's \\u003d for =, upper-case \\u00C4, \\/ for /, lower-case %2f,
    or &#34; for ". forms_of knows exactly one spelling per encoding (Python's), so no 8-character window of
    these texts is known, and none is masked.

    What the user sees: msg and error_msg hold the whole token, trivially decodable, e.g.
    "... service error (no code): the answer was not JSON: invalid token ab\\u003dcd\\u003def\\u003dgh\\u003dij ...".
    """
    body = ("invalid token %s for this request" % echoed).encode("utf-8")
    session.script(response(400, raw=body, headers={"Content-Type": "text/plain"}))
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", token=token))
    assert result["failed"] is True
    assert echoed not in result["msg"], "the token is printed, encoded: %s" % result["msg"]
    assert echoed not in (result["error_msg"] or "")


def test_a_407_from_inside_an_https_proxy_tunnel_after_a_put_hides_the_landed_change(run_module, session, monkeypatch):
    """Promise 2 ("anything else after a PUT is re-read") and promise 5's message.

    Reproduction: HTTPS_PROXY=http://127.0.0.1:9 (any loopback proxy), endpoint https://... . For an https URL
    the request goes through a CONNECT tunnel; a proxy's own 407 on CONNECT is raised by urllib3 as ProxyError
    before anything is sent. So a 407 *answer* (a Response) to the PUT itself can only come from the far end
    of the tunnel, after the PUT was delivered: the service or the gateway in front of it. http_client._attempt
    still turns it into "the proxy ... refused the proxy credentials" with may_have_been_applied False, so
    write_email does not read the user again.

    What the user sees: "PUT /v4/user/emails failed: the proxy http://127.0.0.1:9 (from HTTPS_PROXY) refused the
    proxy credentials (HTTP 407 ...)", status 407, no re-read: the email that was set is reported as a failure
    blamed on proxy credentials that were in fact accepted.
    """
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    session.script(response(200, OLD), response(407, {"error_msg": "Proxy Authentication Required"}), response(200, NEW))
    result = run_module(codearts_user_email.main, dict(endpoint="https://codearts.test", token=TOKEN,
                                                       email="new@example.com", verify_code="123456"))
    assert session.methods == ["GET", "PUT", "GET"], "no re-read after the PUT: %s; msg: %s" % (session.methods, result["msg"])
    assert not result.get("failed"), result["msg"]


def test_a_407_answer_loses_the_request_id_the_answer_carried(run_module, session, monkeypatch):
    """Promise 4 (every failure has request_id, None only where unknown).

    Reproduction: HTTPS_PROXY set; the GET is answered 407 with X-Request-Id: req-407 (fakes.response sets it).
    http_client._attempt builds the 407 error without request_id, although every other status error carries it.

    What the user sees: "... HTTP status 407; request id (none returned)." and request_id null, so the id that
    support would need is gone.
    """
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    session.script(response(407, {"error_msg": "who are you"}))
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", token=TOKEN))
    assert result["failed"] is True
    assert result["request_id"] == "req-407", result["msg"]
