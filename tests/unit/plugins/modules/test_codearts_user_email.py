"""codearts_user_email: the change, the verification-code flow, and what the task reports."""

import pytest
import requests

from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import (
    NOTHING,
    SEND_CODE,
    WRITE,
    choose_action,
)
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email
from ansible_collections.huaweicloud.codearts.plugins.modules.codearts_user_email import main
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response, warning_texts


CODE = "SECRETCODE"
OLD = {"id": 1, "name": "alice", "commit_email": "alice@example.com"}
NEW = {"id": 1, "name": "alice", "commit_email": "alice.new@example.com"}


def needs_a_code():
    """The service's refusal of a change without a code, for a user who needs one."""
    return response(400, {"error": {"code": "DEV.CH.10001", "message": "Param invalid: verify_code is required"},
                          "status": "failed"})


def args(**overrides):
    values = dict(endpoint="https://codearts.test", token=TOKEN, email="alice.new@example.com")
    values.update(overrides)
    return values


@pytest.mark.parametrize("current, verify_code, send_code, action", [
    ("alice.new@example.com", None, False, NOTHING),
    ("ALICE.NEW@example.com ", CODE, True, NOTHING),
    ("alice@example.com", CODE, False, WRITE),
    ("alice@example.com", CODE, True, WRITE),
    ("alice@example.com", None, True, SEND_CODE),
    ("alice@example.com", None, False, WRITE),
    (None, None, False, WRITE),
])
def test_choose_action(current, verify_code, send_code, action):
    assert choose_action(current, "alice.new@example.com", verify_code, send_code) == action


def test_an_email_that_already_matches_sends_nothing_more(run_module, session):
    session.script(response(200, dict(OLD, commit_email="Alice.New@Example.com")))

    result = run_module(main, args(email="  alice.new@example.com ", verify_code=CODE, send_verify_code=True))

    assert result["changed"] is False
    assert result["verify_code_sent"] is False
    assert result["diff"]["before"] == result["diff"]["after"]
    assert session.methods == ["GET"]


def test_a_change_with_a_code_is_one_put_and_returns_its_answer(run_module, session):
    answer = dict(NEW, updated_at="now")
    session.script(response(200, OLD), response(200, answer))

    result = run_module(main, args(verify_code=CODE))

    assert result["changed"] is True
    assert result["user"] == answer
    assert result["diff"] == {"before": {"commit_email": "alice@example.com"},
                              "after": {"commit_email": "alice.new@example.com"}}
    assert session.methods == ["GET", "PUT"]
    assert session.sent[1].json == {"email": "alice.new@example.com", "verify_code": CODE}
    assert CODE not in str(result)
    assert "warnings" not in result


@pytest.mark.parametrize("extra", [dict(verify_code=CODE), dict(send_verify_code=True), {}])
def test_check_mode_only_reads_and_predicts_the_real_run(run_module, session, extra):
    session.script(response(200, OLD))
    predicted = run_module(main, args(**extra), check_mode=True)
    assert session.methods == ["GET"]

    session.script(response(200, OLD), response(200, NEW))
    real = run_module(main, args(**extra))

    assert predicted["changed"] is True
    assert real["changed"] is True
    assert predicted["diff"] == real["diff"]
    assert predicted["verify_code_sent"] == real["verify_code_sent"]
    assert predicted["user"] == OLD


def test_send_verify_code_tries_the_change_and_mails_a_code_when_the_service_wants_one_saying_so_at_default_verbosity(
        run_module, session):
    session.script(response(200, OLD), needs_a_code(), response(201, {"result": "Verification Code Sent"}))

    result = run_module(main, args(send_verify_code=True))

    assert session.methods == ["GET", "PUT", "POST"]
    assert session.sent[1].json == {"email": "alice.new@example.com"}
    assert session.sent[2].url == "https://codearts.test/v4/user/email-verify-code"
    assert session.sent[2].json == {"email": "alice.new@example.com"}
    assert result["changed"] is True
    assert result["verify_code_sent"] is True
    assert result["diff"]["after"] == result["diff"]["before"] == {"commit_email": "alice@example.com"}
    assert "Run the task again with verify_code" in result["msg"]
    assert any("not set yet" in warning and "mailed to alice.new@example.com" in warning for warning in warning_texts(result))


def test_check_mode_says_it_cannot_tell_whether_the_service_will_want_a_code(run_module, session):
    session.script(response(200, OLD))
    predicted = run_module(main, args(send_verify_code=True), check_mode=True)
    assert predicted["changed"] is True and predicted["diff"]["after"] == {"commit_email": "alice.new@example.com"}
    assert "known only by trying the change" in predicted["msg"] and "mails a code to alice.new@example.com" in predicted["msg"]


def test_send_verify_code_for_a_user_who_needs_no_code_changes_the_email_and_mails_nothing(run_module, session):
    session.script(response(200, OLD), response(200, NEW))

    result = run_module(main, args(send_verify_code=True))

    assert session.methods == ["GET", "PUT"]
    assert result["changed"] is True and result["verify_code_sent"] is False
    assert result["diff"]["after"] == {"commit_email": "alice.new@example.com"}


def test_a_plain_rerun_while_a_code_is_pending_mails_none_so_the_code_stays_valid(run_module, session):
    session.script(response(200, OLD), needs_a_code())

    result = run_module(main, args())

    assert session.methods == ["GET", "PUT"] and result["failed"] is True and result["changed"] is False
    assert "send_verify_code: true" in result["msg"] and "mails nothing" in result["msg"]


def test_the_diff_shows_the_email_the_service_stores(run_module, session):
    session.script(response(200, OLD), response(200, dict(NEW, commit_email="dora.second@example.com")))

    result = run_module(main, args(email="Dora.Second@Example.com", verify_code=CODE))

    assert result["diff"]["after"] == {"commit_email": "dora.second@example.com"}


def test_a_change_refused_for_want_of_a_code_points_at_send_verify_code(run_module, session):
    session.script(response(200, OLD),
                   response(400, {"error": {"code": "DEV.CH.10001", "message": "verify_code is required"}}))

    result = run_module(main, args())

    assert session.sent[1].json == {"email": "alice.new@example.com"}
    assert result["failed"] is True
    assert (result["status"], result["error_code"]) == (400, "DEV.CH.10001")
    assert "send_verify_code: true" in result["msg"]


def test_a_refused_code_says_how_to_get_a_new_one(run_module, session):
    session.script(response(200, OLD), response(400, {"error": {"code": "DEV.CH.10002", "message": "bad code"}}))

    result = run_module(main, args(verify_code=CODE))

    assert result["failed"] is True
    assert "wrong, used or expired" in result["msg"]
    assert "run again without verify_code and with send_verify_code: true" in result["msg"]
    assert CODE not in str(result)


def test_a_service_that_reports_another_email_is_warned_about(run_module, session):
    session.script(response(200, OLD), response(200, dict(NEW, commit_email="someone.else@example.com")))

    result = run_module(main, args(verify_code=CODE))

    assert result["changed"] is True
    [warning] = warning_texts(result)
    assert "'someone.else@example.com'" in warning and "'alice.new@example.com'" in warning


def test_a_lost_answer_is_settled_by_reading_and_reported_as_a_change(run_module, session):
    session.script(response(200, OLD), requests.exceptions.ReadTimeout(), response(200, NEW))

    result = run_module(main, args(verify_code=CODE))

    assert session.methods == ["GET", "PUT", "GET"]
    assert result["changed"] is True
    assert result["user"] == NEW
    assert any("answer to the change was lost" in warning for warning in warning_texts(result))


@pytest.mark.parametrize("email", ["", "no-at-sign", "two@@example.com", "x" * 1001])
def test_a_bad_email_fails_before_any_request(run_module, session, email):
    result = run_module(main, args(email=email))

    assert result["failed"] is True
    assert result["msg"].startswith("email is not a usable address")
    assert session.sent == []


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_a_blank_code_means_no_code_so_one_is_mailed(run_module, session, blank):
    session.script(response(200, OLD), needs_a_code(), response(201, {"result": "Verification Code Sent"}))

    result = run_module(main, args(verify_code=blank, send_verify_code=True))

    assert result["changed"] is True and result["verify_code_sent"] is True
    assert session.methods == ["GET", "PUT", "POST"] and "verify_code" not in session.sent[1].json


def test_a_code_is_sent_without_surrounding_white_space(run_module, session):
    session.script(response(200, OLD), response(200, NEW))

    run_module(main, args(verify_code="  %s \n" % CODE))

    assert session.sent[1].json == {"email": "alice.new@example.com", "verify_code": CODE}


@pytest.mark.parametrize("code, problem", [
    ("C" * 1001, "it is 1001 characters long"), ("AB\r\nCD", "it contains a control character"),
    ("AB\x00CD", "it contains a control character"),
])
def test_a_code_the_service_cannot_take_is_refused_before_any_request_without_quoting_it(run_module, session, code, problem):
    result = run_module(main, args(verify_code=code))

    assert result["failed"] is True
    assert result["msg"].startswith("verify_code is not usable: %s" % problem)
    assert result["msg"].endswith("Nothing was sent to the service.")
    assert "AB" not in result["msg"].replace("ABLE", "")
    assert session.sent == []


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)
DEV_USER = {"name": "dev", "commit_email": "old@example.com"}


@pytest.mark.parametrize("body", [b"", b"success"], ids=["empty_body", "bare_word"])
def test_a_code_request_the_service_answered_200_is_reported_as_a_change(run_module, session, body):
    """Promise: never hide a change that landed ("a task that fails after a change landed reports changed: true").

    Situation: email: new@example.com, send_verify_code: true;
    """
    refused = response(400, {"error": {"code": "DEV.CH.10001", "message": "verify_code is required"}, "status": "failed"})
    session.script(response(200, DEV_USER), refused, response(200, raw=body, headers={"Content-Type": "text/plain"}))
    result = run_module(codearts_user_email.main, dict(ARGS, email="new@example.com", send_verify_code=True))
    assert session.methods == ["GET", "PUT", "POST"]
    assert result.get("changed") is True, result["msg"]


def test_an_email_change_answered_with_the_old_email_fails_saying_the_email_is_unchanged(run_module, session):
    """The service answers the PUT 200 with the user as before (a code it did not take, a change it queued, or a write
    it ignored): the task fails saying which email the service holds, and, as the service called the write done,
    reports changed and names it."""
    session.script(response(200, DEV_USER), response(200, DEV_USER))
    result = run_module(codearts_user_email.main, dict(ARGS, email="new@example.com", verify_code="123456"))
    assert session.methods == ["GET", "PUT"]
    assert result["failed"] is True and result["changed"] is True
    assert "still 'old@example.com'" in result["msg"] and "change the user's email (PUT /v4/user/emails" in result["msg"]
