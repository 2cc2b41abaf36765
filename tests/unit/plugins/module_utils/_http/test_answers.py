"""What an answer read in full means: the error its status says, with the hint that fits and the request id."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import Call
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.answers import (
    MAX_SAID_CHARS,
    Answer,
    redirect_error,
    status_error,
)

READ = Call("list keys", "GET", "/v4/user/keys", "codeartsrepo:user:listKeys")
WRITE = Call("add a key", "POST", "/v4/user/keys", "codeartsrepo:user:addKey")


def answer(status, body=b"", headers=None):
    return Answer(status, dict({"X-Request-Id": "req-1"}, **(headers or {})), body)


@pytest.mark.parametrize("status, hint", [
    (403, "lacks the permission codeartsrepo:user:listKeys"),
    (404, "check that endpoint or region points at CodeArts Repo"),
    (429, "throttling"),
    (503, "The service had a problem"),
])
def test_each_status_gets_the_hint_that_says_what_to_do(status, hint):
    error = status_error(READ, "/v4/user/keys", answer(status), refused_hint="check the token")
    assert error.status == status and hint in error.hint and error.request_id == "req-1"


def test_a_404_with_the_services_own_error_code_says_the_thing_does_not_exist_not_to_check_the_endpoint():
    body = b'{"error_code": "CH.00404001", "error_msg": "The repository does not exist"}'
    error = status_error(READ, "/v4/repositories/9", answer(404, body, {"Content-Type": "application/json"}), refused_hint="-")
    assert "does not exist" in error.hint and "endpoint" not in error.hint and error.error_code == "CH.00404001"


def test_a_refusal_of_the_credentials_gets_the_hint_of_the_way_they_were_given():
    error = status_error(READ, "/v4/user/keys", answer(401), refused_hint="Check the token option.")
    assert error.hint == "Check the token option."


@pytest.mark.parametrize("call, status, may_have_landed", [
    (READ, 502, False), (WRITE, 400, False), (WRITE, 502, True), (WRITE, 407, True),
])
def test_only_a_write_answered_by_a_server_error_or_from_inside_a_tunnel_may_have_landed(call, status, may_have_landed):
    assert status_error(call, call.path, answer(status), None).may_have_been_applied is may_have_landed


def test_the_code_and_message_in_the_body_are_read():
    body = b'{"error_code": "CH.004403", "error_msg": "no permission"}'
    error = status_error(READ, "/v4/user/keys", answer(403, body, {"Content-Type": "application/json"}), None)
    assert (error.error_code, error.error_msg) == ("CH.004403", "no permission")


def test_a_redirect_is_an_error_that_shows_where_without_the_query_and_may_have_landed_for_a_write():
    error = redirect_error(WRITE, "/v4/user/keys", answer(302, headers={"Location": "https://elsewhere.test/x?token=abc"}))
    assert "https://elsewhere.test/x" in plain(str(error)) and "token=abc" not in plain(str(error))
    assert error.status == 302 and error.may_have_been_applied is True


def test_a_request_id_is_stripped_and_bounded():
    assert answer(200, headers={"X-Request-Id": "  r-2 "}).request_id == "r-2"
    assert len(answer(200, headers={"X-Request-Id": "r" * 10000}).request_id) == MAX_SAID_CHARS
    assert Answer(200, {}, b"").request_id is None
