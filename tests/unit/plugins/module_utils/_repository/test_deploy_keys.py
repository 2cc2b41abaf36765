"""Deploy keys as a keyed collection: a listed fingerprint in either form read as the key it names."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.deploy_keys import (
    DeployKeys,
    fingerprint_key,
    identity,
    listed_key,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import RepositoryRef
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import parse_public_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import emulator_client
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519

KEY = parse_public_key(ed25519("ci@build"), "key")


@pytest.mark.parametrize("text, key", [
    (KEY.fingerprint, ("sha256", KEY.fingerprint[7:])),
    (KEY.md5_fingerprint.upper(), ("md5", KEY.md5_fingerprint)),
    ("MD5:" + KEY.md5_fingerprint, ("md5", KEY.md5_fingerprint)),
    ("not a fingerprint", None), (None, None),
], ids=["sha256", "md5_upper_case", "md5_prefixed", "no_fingerprint", "nothing"])
def test_a_listed_fingerprint_is_read_in_the_forms_the_service_shows(text, key):
    assert fingerprint_key(text) == key


def test_a_listed_md5_fingerprint_of_a_key_the_task_names_is_that_keys_identity():
    item = listed_key({"id": 4, "title": "ci", "fingerprint": "MD5:" + KEY.md5_fingerprint}, DeployKeys(None, [KEY]).known)
    assert item.key == identity(KEY) and item.view["fingerprint"] == KEY.fingerprint
    assert item.view["listed_fingerprint"] == "MD5:" + KEY.md5_fingerprint and item.view["can_push"] is None


def test_a_listed_key_in_no_known_form_is_kept_by_its_id():
    assert listed_key({"id": 5, "fingerprint": "??"}).view["fingerprint"] == "with id 5"


@pytest.mark.parametrize("repository", [3001, 3002], ids=["listed_as_md5", "listed_as_sha256"])
def test_a_key_added_is_listed_as_the_same_key_whichever_fingerprint_form_the_service_shows(emulator, repository):
    client = emulator_client(emulator)
    keys = DeployKeys(RepositoryRef(repository), [KEY])
    values = {"title": "ci", "can_push": False, "line": KEY.line, "fingerprint": KEY.fingerprint}
    keys.create(client, Wanted(identity(KEY), values, frozenset(("title",)), "key"))
    [listed] = keys.list(client)
    assert listed.key == identity(KEY) and listed.values == {"title": "ci"}
