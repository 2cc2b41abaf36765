"""Repositories as a keyed collection: keyed by group path and name, read from the v2 listing, created and waited for."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.repositories import (
    Repositories,
    key_of,
    listed_repository,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import emulator_client
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.repository_emulator import DEMO_PROJECT


def test_a_root_repository_has_no_group_in_its_key():
    assert key_of("demo-project", "svc") == (None, "svc")
    assert key_of("demo-project/backend", "svc") == ("demo-project/backend", "svc")


def test_a_v2_listing_entry_is_read_with_its_visibility_and_status_named():
    item = listed_repository({"repository_id": 5, "repository_uuid": "u", "repository_name": "svc",
                              "group_name": "demo-project/backend", "visibility_level": 20, "status": 1})
    assert item.key == ("demo-project/backend", "svc") and item.values == {"visibility": "public"}
    assert item.view["status"] == "creating" and item.view["group"] == "demo-project/backend"
    odd = listed_repository({"status": 9, "group_name": 7, "repository_name": "svc"})
    assert odd.view["status"] == "unknown" and odd.key == (None, "svc")


def test_the_listing_keeps_only_repositories_of_the_wanted_name_in_any_group(emulator):
    listed = Repositories(DEMO_PROJECT, "service", None, 120).list(emulator_client(emulator))
    assert sorted(item.key for item in listed) == [("demo-project/backend/api", "service"), ("demo-project/frontend", "service")]
    assert all("description" not in item.values for item in listed)


def test_the_description_is_read_only_when_the_task_gives_one(emulator):
    listed = Repositories(DEMO_PROJECT, "service", None, 120, read_description=True).list(emulator_client(emulator))
    assert all(isinstance(item.values["description"], str) for item in listed)


def test_a_creation_is_waited_for_until_the_service_reads_it_as_ready(emulator):
    client = emulator_client(emulator)
    resource = Repositories(DEMO_PROJECT, "fresh", None, 120)
    values = dict(description=None, visibility=None, gitignore=None, readme=True, import_members=False)
    resource.create(client, Wanted((None, "fresh"), values, frozenset(), "name"))
    [item] = resource.list(client)
    assert item.key == (None, "fresh") and item.view["status"] == "ready" and item.values["visibility"] == "private"


@pytest.mark.parametrize("code, gone", [("CH.010117", True), ("CH.080401", True), ("CH.004403", False)])
def test_a_refused_delete_means_gone_only_for_the_unknown_repository_codes(code, gone):
    error = CodeArtsRequestError("DELETE", "/v1/repositories/u", "failed", status=200, error_code=code)
    assert Repositories(DEMO_PROJECT, "x", None, 1).says_gone(error) is gone
