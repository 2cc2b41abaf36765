"""A deploy key task: keys identified by SHA-256, titles and can_push checked before any request."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.deploy_key_task import wanted_deploy_keys
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, fingerprint

CI, BACKUP = ed25519("ci@build"), ed25519("backup@host")


def params(**values):
    return dict(dict(key=None, keys=None, title=None, can_push=None, state="present", exclusive=False, allow_no_keys=False),
                **values)


def test_a_key_is_identified_by_its_sha256_fingerprint_and_can_push_is_managed_only_when_given():
    [item], [public] = wanted_deploy_keys(params(key=CI))
    assert item.key == ("sha256", fingerprint(CI)[len("SHA256:"):]) and item.values["title"] == "ci@build"
    assert item.managed == frozenset(("title",)) and item.values["can_push"] is False
    [pushing], _keys = wanted_deploy_keys(params(key=CI, can_push=True))
    assert pushing.managed == frozenset(("title", "can_push")) and public.md5_fingerprint


@pytest.mark.parametrize("values, says", [
    (dict(), "Give key (one deploy key) or keys"),
    (dict(key=CI, keys=[BACKUP]), "not both"),
    (dict(keys=[CI], title="x"), "title applies to key only"),
    (dict(key=CI, exclusive=True), "exclusive needs keys"),
    (dict(keys=[], exclusive=True), "set allow_no_keys: true"),
    (dict(keys=[CI, {"key": CI}]), "keys[1].key is the same key as keys[0]"),
    (dict(keys=[{"key": CI, "push": True}]), "keys[0] is not usable"),
    (dict(key=CI, title="t" * 256), "title"),
])
def test_each_key_that_cannot_mean_one_thing_is_refused_naming_where(values, says):
    with pytest.raises(CodeArtsConfigError) as caught:
        wanted_deploy_keys(params(**values))
    assert says in str(caught.value)
