import pytest
import requests

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import write_email
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import dropped_connection, response

OLD = {"name": "alice", "commit_email": "alice@example.com"}
NEW = {"name": "alice", "commit_email": "alice.new@example.com"}


def test_a_clean_write_returns_the_answer(make_client, session):
    session.script(response(200, NEW))

    assert write_email(make_client(), "alice.new@example.com", "CODE") == (NEW, False)
    assert session.sent[0].json == {"email": "alice.new@example.com", "verify_code": "CODE"}


def test_no_code_means_no_code_field(make_client, session):
    session.script(response(200, NEW))

    write_email(make_client(), "alice.new@example.com")

    assert session.sent[0].json == {"email": "alice.new@example.com"}


@pytest.mark.parametrize("lost_answer", [requests.exceptions.ReadTimeout, dropped_connection,
                                         lambda: response(502, raw=b"<html><title>Bad Gateway</title></html>")])
def test_a_lost_answer_is_settled_by_reading_not_by_writing_again(make_client, session, lost_answer):
    session.script(lost_answer(), response(200, NEW))

    assert write_email(make_client(), "alice.new@example.com", "CODE") == (NEW, True)
    assert session.methods == ["PUT", "GET"]


def test_a_lost_answer_of_a_write_that_did_not_land_is_raised(make_client, session):
    session.script(requests.exceptions.ReadTimeout(), response(200, OLD))

    with pytest.raises(CodeArtsRequestError) as caught:
        write_email(make_client(), "alice.new@example.com", "CODE")

    assert session.methods == ["PUT", "GET"]
    assert "no answer from" in str(caught.value)
    assert "shows the change was not applied" in str(caught.value)


def test_when_the_confirming_read_fails_too_both_are_reported(make_client, session):
    session.script(requests.exceptions.ReadTimeout(), *[response(503, {"error_code": "E", "error_msg": "busy"})] * 4)

    with pytest.raises(CodeArtsRequestError) as caught:
        write_email(make_client(), "alice.new@example.com", "CODE")

    assert session.methods == ["PUT", "GET", "GET", "GET", "GET"]
    assert caught.value.method == "PUT"
    assert "may or may not have been applied" in str(caught.value)


def test_a_refused_write_is_not_followed_by_a_read(make_client, session):
    session.script(response(400, {"error": {"code": "DEV.CH.10002", "message": "bad code"}}))

    with pytest.raises(CodeArtsRequestError) as caught:
        write_email(make_client(), "alice.new@example.com", "CODE")

    assert session.methods == ["PUT"]
    assert caught.value.error_code == "DEV.CH.10002"
