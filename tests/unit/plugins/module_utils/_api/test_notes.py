"""What the reconciler says beside its plan: a difference left alone, a value it cannot verify, a value a replace resets."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import plan
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.notes import left_alone, reset_by_replace, unverified
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.keyed_resources import Hooks, Keys, listed, wanted


class NoInPlaceHooks(Hooks):
    """Hooks whose every change is a replace."""

    in_place = frozenset()


def test_a_difference_left_alone_is_said_with_the_option_that_would_change_it():
    [note] = left_alone(Keys(), [listed(1, "k", title="old")], [wanted("k", title="new")], "present")
    assert plain(note) == ("The SSH key k is listed with title 'old', not 'new' as the task says, and is left as it is: "
                           "set retitle: true to change it.")
    [note] = left_alone(Hooks(), [listed(1, "https://a", name="x")], [wanted("https://a", name="y")], "present")
    assert plain(note).endswith("the API cannot change it.")


def test_a_managed_value_the_listing_cannot_show_is_said_to_be_unverified():
    current = [listed(1, "https://a", events=["push"])]
    want = [wanted("https://a", ["secret"], secret="s3cret")]
    [note] = unverified(Hooks(), current, want, plan(Hooks(), current, want))
    assert note.startswith("secret of the webhook https://a cannot be read back (the service shows it masked)")


def test_a_replace_is_said_and_so_is_each_value_the_listing_cannot_show_unless_the_task_sets_it():
    current, want = [listed(1, "https://a", events=["push"])], [wanted("https://a", ["events"], events=["tag_push"])]
    [note] = reset_by_replace(NoInPlaceHooks(), plan(NoInPlaceHooks(), current, want))
    assert "deleted and added again to change events" in note and "set secret in the task" in note
    set_secret = [wanted("https://a", ["events", "secret"], events=["tag_push"], secret="s")]
    [note] = reset_by_replace(NoInPlaceHooks(), plan(NoInPlaceHooks(), current, set_secret))
    assert note.endswith("cannot change it in place.") and "secret" not in note
