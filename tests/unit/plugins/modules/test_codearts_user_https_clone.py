import pytest
import requests

from ansible_collections.huaweicloud.codearts.plugins.modules.codearts_user_https_clone import main
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response, warning_texts

ARGS = dict(endpoint="https://codearts.test", token=TOKEN)


@pytest.mark.parametrize("answer", [b"true", b'"true"', b'" True "'])
def test_a_setting_that_matches_sends_nothing_more(run_module, session, answer):
    session.script(response(200, raw=answer))
    result = run_module(main, dict(ARGS, iam_auth=True))
    assert result["changed"] is False and result["iam_auth"] is True
    assert result["diff"] == {"before": {"iam_auth": True}, "after": {"iam_auth": True}}
    assert session.methods == ["GET"]


def test_a_change_is_one_put_with_the_sdks_string(run_module, session):
    session.script(response(200, raw=b"true"), response(200, raw=b"success"))
    result = run_module(main, dict(ARGS, iam_auth=False))
    assert result["changed"] is True and result["iam_auth"] is False
    assert result["diff"] == {"before": {"iam_auth": True}, "after": {"iam_auth": False}}
    assert session.methods == ["GET", "PUT"]
    assert session.sent[1].url.endswith("/v4/user/https-password-setting")
    assert session.sent[1].json == {"https_clone_iam_auth": "false"}


def test_check_mode_predicts_the_change_and_sends_only_the_read(run_module, session):
    session.script(response(200, raw=b"false"))
    result = run_module(main, dict(ARGS, iam_auth=True), check_mode=True)
    assert result["changed"] is True
    assert result["diff"] == {"before": {"iam_auth": False}, "after": {"iam_auth": True}}
    assert session.methods == ["GET"]


def test_a_lost_answer_is_settled_by_reading_and_never_sent_twice(run_module, session):
    session.script(response(200, raw=b"true"), requests.exceptions.ReadTimeout(), response(200, raw=b"false"))
    result = run_module(main, dict(ARGS, iam_auth=False))
    assert result["changed"] is True
    assert session.methods == ["GET", "PUT", "GET"]
    assert any("reading the setting again" in warning for warning in warning_texts(result))


def test_a_lost_answer_that_did_not_land_fails_saying_so(run_module, session):
    session.script(response(200, raw=b"true"), requests.exceptions.ReadTimeout(), response(200, raw=b"true"))
    result = run_module(main, dict(ARGS, iam_auth=False))
    assert result["failed"] is True and "shows the change was not applied" in result["msg"]
    assert session.methods == ["GET", "PUT", "GET"]


@pytest.mark.parametrize("answer", [b"yes", b"1", b"{}", b"<html>"])
def test_an_answer_that_is_not_true_or_false_is_a_clear_error(run_module, session, answer):
    session.script(response(200, raw=answer))
    result = run_module(main, dict(ARGS, iam_auth=True))
    assert result["failed"] is True and result["status"] in (None, 200)
    assert "true or false" in result["msg"] or "not with any JSON value" in result["msg"]
    assert session.methods == ["GET"]


def test_a_refused_change_names_the_permission_it_needs(run_module, session):
    session.script(response(200, raw=b"true"), response(403, {"error_code": "CH.004403", "error_msg": "Insufficient"}))
    result = run_module(main, dict(ARGS, iam_auth=False))
    assert result["status"] == 403 and "codeartsrepo::updateUserSetting" in result["msg"]


def test_iam_auth_is_required(run_module, session):
    result = run_module(main, ARGS)
    assert result["failed"] is True and "iam_auth" in result["msg"] and session.sent == []


@pytest.mark.parametrize("answer, iam_auth", [(b"true", True), (b"false", False), (b'"true"', True)])
def test_the_info_module_reads_the_mode_and_reports_ok(run_module, session, answer, iam_auth):
    from ansible_collections.huaweicloud.codearts.plugins.modules.codearts_user_https_clone_info import main as info
    session.script(response(200, raw=answer))
    result = run_module(info, dict(endpoint="https://codearts.test", token=TOKEN), check_mode=True)
    assert result["changed"] is False and result["iam_auth"] is iam_auth and session.methods == ["GET"]
