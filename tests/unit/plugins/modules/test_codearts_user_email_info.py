from ansible_collections.huaweicloud.codearts.plugins.modules.codearts_user_email_info import main
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response

ARGS = dict(endpoint="https://codearts.test", token=TOKEN)
USER = {"id": 1, "name": "alice", "commit_email": "alice@example.com", "is_default": True, "future_field": {"a": 1}}


def test_returns_the_user_as_sent_and_changes_nothing(run_module, session):
    session.script(response(200, USER))

    result = run_module(main, ARGS)

    assert result["changed"] is False
    assert result["user"] == USER
    assert session.methods == ["GET"]


def test_check_mode_reads_the_same(run_module, session):
    session.script(response(200, USER))

    assert run_module(main, ARGS, check_mode=True)["user"] == USER


def test_a_refusal_fails_with_the_service_answer_and_no_token(run_module, session):
    session.script(response(401, {"error_code": "DEV.00000003", "error_msg": "Authentication information expired."}))

    result = run_module(main, ARGS)

    assert result["failed"] is True
    assert (result["status"], result["error_code"], result["request_id"]) == (401, "DEV.00000003", "req-401")
    assert result["error_msg"] == "Authentication information expired."
    assert "HW_AUTH_TOKEN" in result["msg"]
    assert TOKEN not in str(result)


def test_bad_settings_fail_without_a_request(run_module, session):
    result = run_module(main, dict(ARGS, endpoint="https://codearts.test/path"))

    assert result["failed"] is True
    assert "no path" in result["msg"]
    assert session.sent == []
