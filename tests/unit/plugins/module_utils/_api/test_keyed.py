"""Planning a keyed collection: from what the service lists to what a task wants, identified by natural key."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import plan, predicted_after, unmet
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.keyed_resources import Hooks, Keys, listed, wanted


def test_an_unlisted_item_is_added_and_a_matching_one_is_left_alone():
    steps = plan(Hooks(), [listed(1, "https://a", events=["push"])],
                 [wanted("https://a", ["events"], events=["push"]), wanted("https://b", ["events"], events=["push"])])
    assert [item.key for item in steps.adds] == ["https://b"] and not (steps.updates or steps.deletes or steps.replaces)


def test_a_managed_difference_is_changed_in_place_when_the_adapter_can_else_replaced():
    hook = plan(Hooks(), [listed(1, "https://a", events=["push"])], [wanted("https://a", ["events"], events=["tag"])])
    assert [(item.id, want.key) for item, want in hook.updates] == [(1, "https://a")] and not hook.replaces
    key = plan(Keys(), [listed(7, "k", title="old")], [wanted("k", ["title"], title="new")])
    assert [[copy.id for copy in copies] for copies, _want in key.replaces] == [[7]] and not key.updates


def test_a_field_the_task_does_not_manage_is_not_compared():
    assert not any(plan(Keys(), [listed(7, "k", title="old")], [wanted("k", title="new")]))


def test_several_copies_of_a_governed_key_are_refused_naming_their_ids_unless_copies_are_allowed():
    copies = [listed(1, "https://a", events=["push"]), listed(2, "https://a", events=["push"])]
    with pytest.raises(CodeArtsStateError, match="2 webhooks have https://a: ids 1, 2. Delete all but one"):
        plan(Hooks(), copies, [wanted("https://a")])
    plan(Hooks(), copies, [wanted("https://other")])  # copies of a key the task does not govern are left alone


def test_copies_of_a_key_keep_one_that_matches_and_exclusive_deletes_the_rest():
    copies = [listed(1, "k", title="copy"), listed(2, "k", title="wanted")]
    assert not any(plan(Keys(), copies, [wanted("k", ["title"], title="wanted")]))
    exclusive = plan(Keys(), copies, [wanted("k", ["title"], title="wanted")], exclusive=True)
    assert [item.id for item in exclusive.deletes] == [1]


def test_copies_none_of_which_match_are_all_replaced_by_one():
    steps = plan(Keys(), [listed(1, "k", title="a"), listed(2, "k", title="b")], [wanted("k", ["title"], title="c")])
    assert [[copy.id for copy in copies] for copies, _want in steps.replaces] == [[1, 2]]


def test_absent_deletes_every_copy_and_exclusive_deletes_every_unwanted_item():
    assert [item.id for item in plan(Keys(), [listed(1, "k"), listed(2, "k")], [wanted("k")], "absent").deletes] == [1, 2]
    steps = plan(Hooks(), [listed(1, "https://a"), listed(2, "https://b")], [wanted("https://a")], exclusive=True)
    assert [item.id for item in steps.deletes] == [2]


def test_check_mode_predicts_the_items_after_the_steps():
    current = [listed(1, "https://a", events=["push"]), listed(2, "https://b", events=["push"])]
    steps = plan(Hooks(), current, [wanted("https://a", ["events"], events=["tag"]), wanted("https://c", events=["push"])],
                 exclusive=True)
    assert predicted_after(Hooks(), current, steps) == [("https://a", {"id": 1, "url": "https://a", "events": ["tag"]}),
                                                        ("https://c", {"id": None, "url": "https://c", "events": ["push"]})]


def test_what_the_listing_after_contradicts_is_said_statement_by_statement():
    want = [wanted("k", ["title"], title="new"), wanted("m", ["title"], title="x")]
    steps = plan(Keys(), [listed(1, "k", title="old")], want)
    after = [listed(1, "k", title="old"), listed(3, "z", title="z")]
    assert [plain(problem) for problem in unmet(Keys(), steps, want, after, "present", exclusive=True)] == [
        "the SSH key k holds title 'old'", "the SSH key m is not listed", "the SSH key z is still listed"]
    assert unmet(Keys(), steps, [wanted("k")], [listed(1, "k")], "absent", False) == ["the SSH key k is still listed"]


def test_a_replace_that_leaves_two_copies_is_a_contradiction():
    want = [wanted("k", ["title"], title="new")]
    steps = plan(Keys(), [listed(1, "k", title="a"), listed(2, "k", title="b")], want)
    after = [listed(2, "k", title="new"), listed(3, "k", title="new")]
    assert unmet(Keys(), steps, want, after, "present", False) == ["the SSH key k is listed 2 times"]
