"""Finding a repository and a code group: by id without a request, by path with one listing, never by a guess."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import (
    checked_project_id,
    checked_repository,
    find_group,
    find_repository,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import emulator_client
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.repository_emulator import DEMO_PROJECT


@pytest.mark.parametrize("value, checked", [("3001", 3001), (" 3001 ", 3001), ("/demo-project/backend/api/service/", "demo-project/backend/api/service")])
def test_a_repository_is_an_id_or_a_path(value, checked):
    assert checked_repository(value) == checked


@pytest.mark.parametrize("value", ["0", "-1", "2147483648", "service", "group/service.git", "a b/c", "g/" + "x" * 1000, ""])
def test_a_repository_that_is_neither_is_refused_before_any_request(value):
    with pytest.raises(CodeArtsConfigError, match="repository is not usable"):
        checked_repository(value)


@pytest.mark.parametrize("value, says", [("0a1b2c3d4e5f60718293a4b5c6d73003", "looks like a uuid"),
                                         ("https://codehub.example.com/g/service.git", "looks like a clone URL"),
                                         ("git@codehub.example.com:g/service.git", "looks like a clone URL")])
def test_a_uuid_or_a_clone_url_given_as_the_repository_is_named_as_such(value, says):
    with pytest.raises(CodeArtsConfigError, match=says):
        checked_repository(value)


def test_a_project_id_is_32_hex_digits_read_in_lower_case():
    assert checked_project_id(" %s " % DEMO_PROJECT.upper()) == DEMO_PROJECT
    assert checked_project_id(None) is None
    with pytest.raises(CodeArtsConfigError, match="32 hexadecimal digits"):
        checked_project_id("demo-project")


def test_an_id_is_used_without_any_request(session):
    assert find_repository(None, 3001).id == 3001 and session.sent == []


def test_a_path_is_found_through_its_code_group_or_its_project(emulator):
    client = emulator_client(emulator)
    by_group = find_repository(client, "demo-project/backend/api/service")
    by_project = find_repository(client, "demo-project/frontend/service", DEMO_PROJECT)
    assert (by_group.id, by_project.id) == (3001, 3002)
    assert by_group.named == "demo-project/backend/api/service (id 3001)"


def test_a_path_whose_group_does_not_exist_says_a_root_repository_needs_project_id(emulator):
    with pytest.raises(CodeArtsStateError) as caught:
        find_repository(emulator_client(emulator), "demo-project/nothing/service")
    assert "found only with project_id" in plain(str(caught.value))


def test_a_path_no_repository_has_is_refused_naming_where_it_looked(emulator):
    with pytest.raises(CodeArtsStateError, match="matches no repository in code group demo-project/backend"):
        find_repository(emulator_client(emulator), "demo-project/backend/missing")


def test_a_group_is_found_by_its_full_path_in_its_project(emulator):
    client = emulator_client(emulator)
    assert find_group(client, DEMO_PROJECT, "demo-project/backend/api") == 2002
    with pytest.raises(CodeArtsStateError, match="is no code group in project"):
        find_group(client, DEMO_PROJECT, "demo-project/api")
