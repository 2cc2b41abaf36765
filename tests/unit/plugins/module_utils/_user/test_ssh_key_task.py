"""What an SSH key task names: keys to add or keep, or a key to remove by fingerprint or title; bad combinations
refused before any request."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Listed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.ssh_key_task import wanted_keys
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, fingerprint

LAPTOP, DESKTOP = ed25519("laptop@host"), ed25519("desktop@host")


def params(**values):
    return dict(dict(key=None, keys=None, title=None, fingerprint=None, state="present", exclusive=False,
                     retitle=False, allow_no_keys=False), **values)


def listed(item_id, line, title):
    return Listed(item_id, ("ssh-ed25519", line.split()[1]), {"title": title},
                  {"id": item_id, "title": title, "fingerprint": fingerprint(line)})


def test_a_key_without_a_title_takes_its_comment_and_a_title_is_managed_only_with_retitle():
    [item] = wanted_keys(params(key=LAPTOP))
    assert item.values["title"] == "laptop@host" and item.managed == frozenset()
    [item] = wanted_keys(params(key=LAPTOP, title="work", retitle=True))
    assert item.values["title"] == "work" and item.managed == frozenset(("title",))


def test_keys_take_lines_or_dictionaries_and_name_each_by_its_place():
    items = wanted_keys(params(keys=[LAPTOP, dict(key=DESKTOP, title="desk")]))
    assert [(item.where, item.values["title"]) for item in items] == [("keys[0]", "laptop@host"), ("keys[1].key", "desk")]


@pytest.mark.parametrize("values, says", [
    (dict(keys=[LAPTOP, LAPTOP]), "keys[1] is the same key as keys[0]"),
    (dict(keys=[dict(key=LAPTOP, titel="x")]), "keys[0] has titel, which is not one of key and title"),
    (dict(keys=[7]), "keys[0] is not usable"),
    (dict(keys=[LAPTOP], title="x"), "title applies to key only"),
    (dict(fingerprint="SHA256:x", key=LAPTOP), "fingerprint names a key to remove"),
    (dict(fingerprint=fingerprint(LAPTOP)), "use them with state: absent"),
    (dict(), "Give key or keys"),
    (dict(key=LAPTOP, exclusive=True), "exclusive needs keys"),
    (dict(keys=[], exclusive=True), "set allow_no_keys: true"),
    (dict(keys=[LAPTOP], exclusive=True, state="absent"), "exclusive applies with state present only"),
])
def test_each_combination_that_cannot_mean_one_thing_is_refused(values, says):
    with pytest.raises(CodeArtsConfigError) as caught:
        wanted_keys(params(**values))
    assert says in str(caught.value) and str(caught.value).endswith("Nothing was sent to the service.")


def test_a_removal_by_fingerprint_picks_the_listed_key_or_nothing():
    select = wanted_keys(params(fingerprint=fingerprint(LAPTOP), state="absent"))
    [item] = select([listed(1, LAPTOP, "a"), listed(2, DESKTOP, "b")])
    assert item.values["fingerprint"] == fingerprint(LAPTOP)
    assert select([listed(2, DESKTOP, "b")]) == []


def test_a_removal_by_a_title_two_keys_share_is_refused_naming_both():
    select = wanted_keys(params(title="shared", state="absent"))
    with pytest.raises(CodeArtsStateError, match="names 2 different keys") as caught:
        select([listed(1, LAPTOP, "shared"), listed(2, DESKTOP, "shared")])
    assert fingerprint(LAPTOP) in str(caught.value) and fingerprint(DESKTOP) in str(caught.value)
