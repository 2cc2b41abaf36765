"""What a call is: whether it writes and whether it may be sent again, decided once, here."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import Call
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.answers import NOTHING
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository import calls as repository_calls
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user import calls as user_calls


@pytest.mark.parametrize("method, writes, repeatable", [
    ("GET", False, True), ("DELETE", True, True), ("POST", True, False), ("PUT", True, False)])
def test_reads_and_deletes_may_be_repeated_posts_and_puts_may_not_by_default(method, writes, repeatable):
    call = Call("a call", method, "/v4/x", "codeartsrepo:x:y", answer=NOTHING)
    assert call.writes is writes and call.repeatable is repeatable


def test_a_put_may_be_declared_repeatable_and_a_delete_not():
    assert Call("set", "PUT", "/v4/x", "a", repeatable=True).repeatable is True
    assert Call("delete once", "DELETE", "/v4/x", "a", repeatable=False).repeatable is False


def test_an_unknown_answer_kind_is_refused_when_the_table_is_built():
    with pytest.raises(ValueError, match="answer must be one of"):
        Call("odd", "GET", "/v4/x", "a", answer="whatever")


@pytest.mark.parametrize("table", [user_calls, repository_calls], ids=["user", "repository"])
def test_no_post_in_any_table_may_be_repeated(table):
    posts = [value for value in vars(table).values() if isinstance(value, Call) and value.method == "POST"]
    assert posts and not any(call.repeatable for call in posts)


@pytest.mark.parametrize("table", [user_calls, repository_calls], ids=["user", "repository"])
def test_every_call_in_a_table_has_its_own_name_and_an_iam_action(table):
    calls = [value for value in vars(table).values() if isinstance(value, Call)]
    assert len(set(call.name for call in calls)) == len(calls)
    assert all(call.iam_action and call.path.startswith("/v") for call in calls)
