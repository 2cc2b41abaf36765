"""A write never sent twice: after a failure that may have left it applied, the setting is read instead."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import Call
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.confirmed_write import write_confirmed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError

CHANGE = Call("change the user's email", "PUT", "/v4/user/emails", "codeartsrepo::updateUserSetting", repeatable=False)


class OneWriteClient(object):
    """Answers the write with answer (or raises it), counts the writes, and keeps what it is told landed."""

    def __init__(self, answer):
        self.answer, self.writes, self.landed = answer, 0, []

    def call(self, call, body=None):
        self.writes += 1
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def note_landed(self, words):
        self.landed.append(words)


def lost(**details):
    return CodeArtsRequestError("PUT", "/v4/user/emails", "the answer was lost", may_have_been_applied=True, **details)


def test_a_clean_write_returns_its_answer_without_reading():
    client = OneWriteClient({"commit_email": "new@example.com"})
    answer, confirmed = write_confirmed(client, CHANGE, {}, read=pytest.fail, landed=pytest.fail, what="the email")
    assert (answer, confirmed, client.writes) == ({"commit_email": "new@example.com"}, False, 1)


def test_a_lost_answer_is_settled_by_reading_and_noted_as_landed():
    client = OneWriteClient(lost())
    answer, confirmed = write_confirmed(client, CHANGE, {}, read=lambda c: "new@example.com",
                                        landed=lambda read: read == "new@example.com", what="the email")
    assert (answer, confirmed, client.writes) == ("new@example.com", True, 1)
    assert client.landed == ["change the user's email (PUT /v4/user/emails: its answer was lost, and reading again "
                             "shows it applied)"]


def test_a_lost_answer_whose_read_shows_no_change_is_raised_as_not_applied():
    client = OneWriteClient(lost())
    with pytest.raises(CodeArtsRequestError) as caught:
        write_confirmed(client, CHANGE, {}, read=lambda c: "old@example.com", landed=lambda read: False, what="the email")
    assert caught.value.may_have_been_applied is False and "shows the change was not applied" in str(caught.value)
    assert client.writes == 1 and client.landed == []


def test_when_the_read_fails_too_the_write_stays_unknown_and_says_what_to_check():
    def failing_read(client):
        raise CodeArtsRequestError("GET", "/v4/user/emails", "the connection broke")
    with pytest.raises(CodeArtsRequestError) as caught:
        write_confirmed(OneWriteClient(lost()), CHANGE, {}, read=failing_read, landed=pytest.fail, what="the email")
    assert caught.value.may_have_been_applied is True
    assert "may or may not have been applied" in str(caught.value) and "Check the email in CodeArts Repo" in str(caught.value)


def test_a_refused_write_is_raised_without_a_read():
    refused = CodeArtsRequestError("PUT", "/v4/user/emails", "refused", status=400)
    with pytest.raises(CodeArtsRequestError) as caught:
        write_confirmed(OneWriteClient(refused), CHANGE, {}, read=pytest.fail, landed=pytest.fail, what="the email")
    assert caught.value is refused
