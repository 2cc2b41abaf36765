"""The client: requests sent, answers read, errors typed, retries and redirects."""

import pytest
import requests

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import (
    READ_USER_EMAILS,
    SEND_EMAIL_VERIFY_CODE,
    UPDATE_USER_EMAIL,
)
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import (
    NotStarted,
    TOKEN,
    connect_failure,
    dropped_connection,
    response,
    shown,
    streamed,
)


USER = {"id": 7, "name": "alice", "commit_email": "alice@example.com", "brand_new_field": [1, 2]}


def test_get_returns_the_body_and_sends_the_token_without_following_redirects(make_client, session):
    session.script(response(200, USER))

    assert make_client(verify="/ca.pem", timeout=12.5).call(READ_USER_EMAILS) == USER

    [sent] = session.sent
    assert (sent.method, sent.url) == ("GET", "https://codearts.test/v4/user/emails")
    assert sent.headers["X-Auth-Token"] == TOKEN
    assert sent.options == {"timeout": 12.5, "verify": "/ca.pem", "proxies": {}}
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.headers["User-Agent"].startswith("huaweicloud.codearts/")


def test_put_sends_the_body_as_json(make_client, session):
    session.script(response(200, USER))

    make_client().call(UPDATE_USER_EMAIL, {"email": "a@example.com", "verify_code": "ABC"})

    assert session.sent[0].json == {"email": "a@example.com", "verify_code": "ABC"}


@pytest.mark.parametrize("status, body, code, message", [
    (401, {"error_code": "DEV.00000003", "error_msg": "Authentication information expired."},
     "DEV.00000003", "Authentication information expired."),
    (400, {"error": {"code": "DEV.CH.10001", "message": "Param invalid"}, "status": "failed"},
     "DEV.CH.10001", "Param invalid"),
    (403, {"errorCode": "CH.004403", "errorMsg": "Insufficient permissions."}, "CH.004403", "Insufficient permissions."),
    (404, {"code": "APIGW.0101", "message": "The API does not exist"}, "APIGW.0101", "The API does not exist"),
])
def test_every_documented_error_shape_is_read(make_client, session, status, body, code, message):
    session.script(response(status, body))

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)

    error = caught.value
    assert (error.status, error.error_code, error.error_msg, error.request_id) == (status, code, message, "req-%d" % status)
    for part in ("GET /v4/user/emails", "HTTP status %d" % status, code, message, "req-%d" % status):
        assert part in shown(error)
    assert TOKEN not in str(error)
    assert shown(error.fail_result()) == {
        "msg": shown(error), "status": status, "error_code": code, "error_msg": message, "request_id": "req-%d" % status}


@pytest.mark.parametrize("raw, content_type, expected", [
    (b"<html><head><title>502 Bad Gateway</title></head></html>", "text/html", "HTML page (title: 502 Bad Gateway)"),
    (b"", "application/json", "the response body was empty"),
    (b"upstream connect error", "text/plain", "not JSON: upstream connect error"),
])
def test_gateway_bodies_become_a_message_without_a_code(make_client, session, raw, content_type, expected):
    session.script(response(400, raw=raw, headers={"Content-Type": content_type}))

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)

    assert caught.value.error_code is None
    assert expected in shown(caught.value.error_msg)
    assert "HTTP status 400" in str(caught.value)


def test_a_missing_request_id_is_said_plainly(make_client, session):
    answer = response(401, {"error_code": "X", "error_msg": "y"})
    del answer.headers["X-Request-Id"]
    session.script(answer)

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)

    assert caught.value.request_id is None
    assert "request id (none returned)" in str(caught.value)


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"\"text\""])
def test_a_success_that_is_not_a_json_object_is_an_error(make_client, session, raw):
    session.script(response(200, raw=raw))

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)

    assert "answered 200 but not with a JSON object" in str(caught.value)


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_reads_are_retried_on_throttling_and_server_errors(make_client, session, sleeps, status):
    session.script(response(status, {"error_code": "E", "error_msg": "busy"}), response(200, USER))

    assert make_client().call(READ_USER_EMAILS) == USER
    assert session.methods == ["GET", "GET"]
    assert sleeps.delays == [0.75]  # half of the 1 s ceiling fixed, half scaled by the jitter (0.5 here)


def test_backoff_doubles_until_the_retries_run_out(make_client, session, sleeps):
    session.script(*[response(503, {"error_code": "E", "error_msg": "busy"})] * 4)

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client(retries=3).call(READ_USER_EMAILS)

    assert caught.value.status == 503
    assert len(session.sent) == 4
    assert sleeps.delays == [0.75, 1.5, 3.0]
    assert "run again later" in str(caught.value)


def test_retries_zero_sends_once(make_client, session, sleeps):
    session.script(response(503, {"error_code": "E", "error_msg": "busy"}))

    with pytest.raises(CodeArtsRequestError):
        make_client(retries=0).call(READ_USER_EMAILS)

    assert len(session.sent) == 1
    assert sleeps.delays == []


def test_retry_after_is_waited_out(make_client, session, sleeps):
    session.script(response(429, {"error_code": "APIGW.0308", "error_msg": "throttled"}, {"Retry-After": "7"}),
                   response(200, USER))

    make_client().call(READ_USER_EMAILS)

    assert sleeps.delays == [7.0]


def test_a_retry_after_beyond_a_minute_fails_now(make_client, session, sleeps):
    session.script(response(429, {"error_code": "APIGW.0308", "error_msg": "throttled"}, {"Retry-After": "3600"}))

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)

    assert caught.value.status == 429
    assert sleeps.delays == []
    assert "throttling" in str(caught.value)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 501])
def test_other_errors_are_not_retried(make_client, session, status):
    session.script(response(status, {"error_code": "E", "error_msg": "no"}))

    with pytest.raises(CodeArtsRequestError):
        make_client().call(READ_USER_EMAILS)

    assert len(session.sent) == 1


@pytest.mark.parametrize("failure", [connect_failure, dropped_connection, requests.exceptions.ReadTimeout,
                                     requests.exceptions.ConnectTimeout])
def test_reads_are_retried_after_connection_problems(make_client, session, failure):
    session.script(failure(), response(200, USER))

    assert make_client().call(READ_USER_EMAILS) == USER
    assert len(session.sent) == 2


@pytest.mark.parametrize("failure", [connect_failure, requests.exceptions.ConnectTimeout])
def test_a_write_is_retried_when_the_connection_was_never_made(make_client, session, failure):
    session.script(failure(), response(200, USER))

    assert make_client().call(UPDATE_USER_EMAIL, {"email": "a@example.com"}) == USER
    assert session.methods == ["PUT", "PUT"]


def test_a_throttled_write_is_retried(make_client, session, sleeps):
    session.script(response(429, {"error_code": "E", "error_msg": "throttled"}, {"Retry-After": "2"}), response(200, USER))

    assert make_client().call(UPDATE_USER_EMAIL, {"email": "a@example.com"}) == USER
    assert session.methods == ["PUT", "PUT"]
    assert sleeps.delays == [2.0]


@pytest.mark.parametrize("failure, summary", [
    (lambda: response(503, {"error_code": "E", "error_msg": "busy"}), "answered with an error"),
    (lambda: response(500, {"error_code": "E", "error_msg": "oops"}), "answered with an error"),
    (dropped_connection, "broke before an answer arrived"),
    (requests.exceptions.ReadTimeout, "no answer from https://codearts.test within 30.0 seconds"),
])
def test_a_write_that_may_have_landed_is_never_repeated(make_client, session, failure, summary):
    answer = failure()
    session.script(answer)

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(UPDATE_USER_EMAIL, {"email": "a@example.com", "verify_code": "SECRET-CODE"})

    assert session.methods == ["PUT"]
    assert caught.value.may_have_been_applied
    assert summary in str(caught.value)
    assert "SECRET-CODE" not in str(caught.value)


def test_a_failed_connection_of_a_write_is_marked_as_not_applied(make_client, session):
    session.script(*[connect_failure()] * 4)

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(SEND_EMAIL_VERIFY_CODE, {"email": "a@example.com"})

    assert not caught.value.may_have_been_applied
    assert caught.value.status is None
    assert "could not connect to https://codearts.test" in str(caught.value)
    assert len(session.sent) == 4


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirects_are_refused_and_not_followed(make_client, session, status):
    session.script(response(status, raw=b"", headers={"Location": "https://elsewhere.test/v4/user/emails?t=1"}))

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)

    assert len(session.sent) == 1
    assert caught.value.status == status
    assert "redirect to https://elsewhere.test/v4/user/emails, which is not followed" in shown(caught.value)
    assert "credentials would be sent to another address" in str(caught.value)
    assert "t=1" not in str(caught.value)


def test_a_tls_failure_names_the_cause_and_ca_path_without_retrying(make_client, session):
    cause = requests.exceptions.SSLError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    session.script(NotStarted(cause))

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)

    assert len(session.sent) == 1
    assert "certificate verify failed" in str(caught.value)
    assert "ca_path" in str(caught.value)


def test_a_407_answer_keeps_the_request_id_it_carried(run_module, session, monkeypatch):
    """Promise (every failure has request_id, None only where unknown).

    Situation: HTTPS_PROXY set;
    """
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    session.script(response(407, {"error_msg": "who are you"}))
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", token=TOKEN))
    assert result["failed"] is True
    assert result["request_id"] == "req-407", result["msg"]


ALICE = {"id": 7, "name": "alice", "commit_email": "alice@example.com"}
BROKEN = ConnectionResetError(104, "Connection reset by peer")


def test_a_read_that_breaks_mid_body_is_retried(make_client, session):
    session.script(streamed(200, [b'{"id": 7, '], failure=BROKEN), response(200, ALICE))

    assert make_client().call(READ_USER_EMAILS) == ALICE
    assert session.methods == ["GET", "GET"]
