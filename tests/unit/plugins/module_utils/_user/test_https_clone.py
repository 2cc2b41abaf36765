"""The HTTPS clone setting: read as the service answers it, written as the SDK writes it, never written twice."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.https_clone import read_iam_auth, write_iam_auth
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import dropped_connection, response


@pytest.mark.parametrize("raw, value", [(b"true", True), (b"false", False), (b'"true"', True), (b'"False "', False)])
def test_the_setting_is_read_as_a_bare_word_a_boolean_or_a_string(make_client, session, raw, value):
    session.script(response(200, raw=raw))
    assert read_iam_auth(make_client()) is value


@pytest.mark.parametrize("raw", [b"1", b'"yes"', b"{}"])
def test_any_other_answer_is_refused_quoting_it(make_client, session, raw):
    session.script(response(200, raw=raw))
    with pytest.raises(CodeArtsRequestError, match="not true or false"):
        read_iam_auth(make_client())


def test_the_change_is_sent_as_the_sdk_sends_it(make_client, session):
    session.script(response(200, raw=b"success"))
    assert write_iam_auth(make_client(), True) is False
    assert session.sent[0].json == {"https_clone_iam_auth": "true"}


def test_a_change_whose_answer_was_lost_is_read_back_not_sent_again(make_client, session):
    session.script(dropped_connection(), response(200, raw=b"true"))
    assert write_iam_auth(make_client(), True) is True
    assert session.methods == ["PUT", "GET"]
