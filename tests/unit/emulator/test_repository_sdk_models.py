"""Every repository-level route answers in the shape of the official SDK's response model.

Each call is built from the SDK's own declaration (method, path, query names, body model), and its answer goes
through the SDK's response handler: no member of the answer may be lost or changed on the way (round trip), and
the answer fills every field the model has, except the few named here with the reason.
"""

import pytest
from huaweicloudsdkcodeartsrepo import v3, v4

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.repository_emulator import (
    DEMO_PROJECT, UUID_PREFIX, assert_complete, assert_round_trip)

SERVICE = 3001  # demo-project/backend/api/service: a protected master, one webhook (see repository_seeds.py)
KEY = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvGOUbQDHnj5Crb8fYEk2ZOHPLoHN6Ctn0CgaCCvTXO deploy@ci")
HOOK = v4.WebhookParamsDto(url="https://hooks.example.com/a", name="a", description="d", push_events=True,
                           push_events_branch_regex_filter="^main$", note_events=True,
                           note_plain_text_filter=["deploy"], token="s3cret")


@pytest.fixture
def developer_role(emulator):
    """The developer role's related_role_id: a member's repository_role_Id (carol is a developer of SERVICE)."""
    answer = emulator.call("v4", "list_members", v4.ListMembersRequest(SERVICE, search="carol"))
    return answer.body[0]["repository_role_Id"]


def _actions(related_role_id):
    return [v4.ProtectedBranchProtectedActionBodyDto(
        action="push", enable=True, user_ids=[21822], user_team_ids=[802], related_role_ids=[related_role_id],
        addition_switchers=[v4.ProtectedActionSwitcher(name="allowed_force_push", enable=True)])]


def check(answer, status=200, missing=()):
    assert answer.status == status, answer.body
    assert_round_trip(answer)
    assert_complete(answer, missing)


# Fields no emulated answer carries, and why: a success of the legacy wrapper has no error member (as Huawei's
# examples show), and the rest are fields of models that describe other cases than the one answered.
WRAPPED_SUCCESS = ("error",)


def test_v1_create_status_delete_and_v2_read_deserialise(emulator):
    created = emulator.call("v3", "create_repository", v3.CreateRepositoryRequest(v3.CreateRepoRequest(
        name="api-gateway", project_uuid=DEMO_PROJECT, group_id=2001, description="gw", visibility_level=0,
        gitignore_id="Python", enable_readme=1, import_members=1, license_id=1)))
    check(created, missing=WRAPPED_SUCCESS)
    uuid = created.model.result.repository_uuid
    check(emulator.call("v3", "list_repository_status", v3.ListRepositoryStatusRequest(uuid)), missing=WRAPPED_SUCCESS)
    check(emulator.call("v3", "show_repository_by_uuid", v3.ShowRepositoryByUuidRequest(uuid)), missing=WRAPPED_SUCCESS)
    deleted = emulator.call("v3", "delete_repository", v3.DeleteRepositoryRequest(uuid))
    assert deleted.status == 200 and deleted.body == {"result": "false", "status": "success"}
    # The SDK types result as a bool and turns the string "false" into True: the one value that does not survive.
    assert deleted.model.result is True and deleted.model.status == "success"


def test_a_wrapped_refusal_deserialises_with_its_error(emulator):
    refused = emulator.call("v3", "create_repository", v3.CreateRepositoryRequest(v3.CreateRepoRequest(
        name="service", project_uuid=DEMO_PROJECT, group_id=2002)))
    check(refused, missing=("result",))
    assert refused.model.status == "failed" and refused.model.error.code == "CH.010110"


def test_v2_project_list_deserialises(emulator):
    answer = emulator.call("v3", "show_all_repository_by_two_project_id", v3.ShowAllRepositoryByTwoProjectIdRequest(
        page_index=1, page_size=2, project_uuid=DEMO_PROJECT, search="serv"))
    check(answer, missing=WRAPPED_SUCCESS)
    assert answer.model.result.total == 2


def test_v4_repository_read_fills_every_field(emulator):
    answer = emulator.call("v4", "show_repository", v4.ShowRepositoryRequest(SERVICE))
    check(answer)
    assert answer.model.uuid == UUID_PREFIX + "3001"
    assert answer.model.path_with_namespace == "demo-project/backend/api/service"


@pytest.mark.parametrize("name, request_object", [
    ("list_project_repositories", v4.ListProjectRepositoriesRequest(DEMO_PROJECT, search="s", offset=0, limit=10,
                                                                    order_by="name", sort="asc")),
    ("list_group_repositories", v4.ListGroupRepositoriesRequest(2002, search="service", offset=0, limit=10)),
    ("list_groups", v4.ListGroupsRequest(search="backend", offset=0, limit=10)),
    ("list_project_subgroups_and_repositories", v4.ListProjectSubgroupsAndRepositoriesRequest(DEMO_PROJECT, offset=0,
                                                                                              limit=10)),
    ("list_group_subgroups_and_repositories", v4.ListGroupSubgroupsAndRepositoriesRequest(2001)),
])
def test_v4_repository_and_group_lists_deserialise(emulator, name, request_object):
    answer = emulator.call("v4", name, request_object)
    check(answer)
    assert answer.body and "X-Total" not in answer.headers


def test_members_deserialise_with_the_sdks_odd_spellings(emulator):
    answer = emulator.call("v4", "list_members", v4.ListMembersRequest(SERVICE, offset=0, limit=10, permission="code",
                                                                       action="push"))
    check(answer)
    assert answer.model.x_total == "3"
    assert all("repository_role_Id" in member and "is_Project_admin" in member for member in answer.body)


def test_protected_branch_calls_deserialise(emulator, developer_role):
    related = developer_role
    check(emulator.call("v4", "list_protected_branches", v4.ListProtectedBranchesRequest(SERVICE, 0, 10, "mas")))
    check(emulator.call("v4", "show_protected_branch", v4.ShowProtectedBranchRequest(SERVICE, "master")))
    created = emulator.call("v4", "batch_create_protected_branch", v4.BatchCreateProtectedBranchRequest(
        SERVICE, v4.RepositoryProtectedBranchBodyDto(names=["release/*", "develop"], actions=_actions(related))))
    check(created, status=201)
    check(emulator.call("v4", "update_protected_branch", v4.UpdateProtectedBranchRequest(
        SERVICE, "release/*", _actions(related))))
    check(emulator.call("v4", "batch_update_protected_branches", v4.BatchUpdateProtectedBranchesRequest(
        SERVICE, v4.BatchUpdateProtectedBranchesBodyDto(names=["develop"], actions=_actions(related)))))
    check(emulator.call("v4", "delete_protected_branch", v4.DeleteProtectedBranchRequest(SERVICE, "develop")))
    check(emulator.call("v4", "batch_delete_protected_branches", v4.BatchDeleteProtectedBranchesRequest(
        SERVICE, v4.BatchDeleteProtectedBranchesBodyDto(names=["release/*"]))))


def test_webhook_calls_deserialise(emulator):
    listed = emulator.call("v4", "list_repository_webhooks", v4.ListRepositoryWebhooksRequest(SERVICE, False, 0, 10))
    check(listed)
    assert listed.model.x_total == "1"
    created = emulator.call("v4", "add_repository_webhook", v4.AddRepositoryWebhookRequest(SERVICE, HOOK))
    check(created, status=201)
    hook_id = created.model.id
    check(emulator.call("v4", "show_repository_webhook", v4.ShowRepositoryWebhookRequest(SERVICE, hook_id)))
    check(emulator.call("v4", "update_repository_webhook", v4.UpdateRepositoryWebhookRequest(SERVICE, hook_id, HOOK)))
    removed = emulator.call("v4", "remove_repository_webhook", v4.RemoveRepositoryWebhookRequest(SERVICE, hook_id))
    assert removed.status == 204 and removed.response.content == b""


def test_deploy_key_calls_deserialise(emulator):
    added = emulator.call("v3", "add_deploy_key_v2", v3.AddDeployKeyV2Request(SERVICE, v3.AddDeployKeyRequestBody(
        application="ansible", can_push=False, key=KEY, key_title="ci")))
    check(added, missing=WRAPPED_SUCCESS)
    listed = emulator.call("v4", "list_repository_deploy_keys", v4.ListRepositoryDeployKeysRequest(SERVICE, 0, 10))
    check(listed)
    assert listed.model.x_total == "1"
    removed = emulator.call("v4", "remove_deploy_key", v4.RemoveDeployKeyRequest(SERVICE, int(added.model.result.key_id)))
    assert removed.status == 204
