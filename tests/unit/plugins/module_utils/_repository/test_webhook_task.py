"""A webhook task: hooks checked before any request, what a new hook gets where the task is silent, the secret."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.webhook_task import wanted_hooks

URL = "https://ci.example.test/hook"


def params(**values):
    fields = ("url", "webhooks", "name", "events", "push_branch_regex", "note_filter", "secret", "secret_header")
    return dict(dict(dict.fromkeys(fields), state="present", exclusive=False, allow_no_webhooks=False,
                     secret_update="on_create"), **values)


def test_a_new_hook_gets_push_events_on_every_branch_and_manages_only_what_the_task_names():
    [item] = wanted_hooks(params(url=URL))
    assert item.values == {"name": "", "events": ["push"], "push_branch_regex": ".*", "note_filter": [],
                           "secret_header": "X-Repo-Token"}
    assert item.managed == frozenset()


def test_events_and_notes_are_compared_as_sets():
    [item] = wanted_hooks(params(url=URL, events=["tag_push", "note", "push", "note"], note_filter=["b", "a"]))
    assert item.values["events"] == ["note", "push", "tag_push"] and item.values["note_filter"] == ["a", "b"]
    assert item.managed == frozenset(("events", "note_filter"))


def test_the_secret_is_sent_on_creation_and_managed_only_with_secret_update_always():
    [created] = wanted_hooks(params(url=URL, secret="s3cret"))
    [always] = wanted_hooks(params(url=URL, secret="s3cret", secret_update="always"))
    assert created.values["secret"] == "s3cret" and "secret" not in created.managed
    assert "secret" in always.managed


@pytest.mark.parametrize("values, says", [
    (dict(), "Give url (one webhook) or webhooks"),
    (dict(url=URL, webhooks=[]), "not both"),
    (dict(url="https://user:pw@ci.test/x"), "holds a user name or password"),
    (dict(url="ftp://ci.test"), "give an http:// or https:// address"),
    (dict(url=URL, events=["note"]), "needs note_filter"),
    (dict(url=URL, events=["deploy"]), "events is not usable"),
    (dict(url=URL, events=[]), "events is not usable"),
    (dict(url=URL, push_branch_regex="(["), "not a regular expression"),
    (dict(url=URL, secret_header="Authorization"), "secret_header is not usable"),
    (dict(url=URL, note_filter=["x" * 51]), "note_filter is not usable"),
    (dict(url=URL, exclusive=True), "exclusive needs webhooks"),
    (dict(webhooks=[], exclusive=True), "set allow_no_webhooks: true"),
    (dict(webhooks=[{"url": URL}, {"url": URL}]), "webhooks[1] names"),
    (dict(webhooks=[{"url": URL, "secrett": "x"}]), "webhooks[0] has secrett"),
])
def test_each_hook_that_cannot_mean_one_thing_is_refused_naming_where(values, says):
    with pytest.raises(CodeArtsConfigError) as caught:
        wanted_hooks(params(**values))
    assert says in str(caught.value) and "pw" not in str(caught.value)
