"""Repositories in the emulator: asynchronous creation, refusals with HTTP 200, the 401 after deletion, lookups,
paging without X-Total, and who may do what."""

import pytest
from huaweicloudsdkcodeartsrepo import v3, v4

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.repository_emulator import (
    DEMO_PROJECT, OTHER_PROJECT, UUID_PREFIX)

TOOLS_UUID = UUID_PREFIX + "3003"


def create(emulator, name, token="alice-token", **fields):
    fields.setdefault("project_uuid", DEMO_PROJECT)
    return emulator.call("v3", "create_repository", v3.CreateRepositoryRequest(v3.CreateRepoRequest(name=name, **fields)),
                         token=token)


def status(emulator, uuid):
    return emulator.call("v3", "list_repository_status", v3.ListRepositoryStatusRequest(uuid)).body["result"]


def v2(emulator, uuid, token="alice-token"):
    return emulator.call("v3", "show_repository_by_uuid", v3.ShowRepositoryByUuidRequest(uuid), token=token)


def v4_read(emulator, repository_id, token="alice-token"):
    return emulator.call("v4", "show_repository", v4.ShowRepositoryRequest(repository_id), token=token)


def test_a_new_repository_stays_creating_for_the_configured_reads_while_the_status_call_says_success(emulator):
    emulator.control("POST", "creation", {"creating_reads": 3})
    uuid = create(emulator, "slow-one", enable_readme=1).body["result"]["repository_uuid"]
    answer = emulator.call("v3", "list_repository_status", v3.ListRepositoryStatusRequest(uuid))
    assert answer.body == {"result": 1, "status": "success"}  # "success" although the repository is not there yet
    created = v2(emulator, uuid).body["result"]
    assert created["status"] == 1
    assert v4_read(emulator, created["repository_id"]).status == 404  # the third read: still being created
    assert status(emulator, uuid) == 0
    assert v4_read(emulator, created["repository_id"]).body["branch_count"] == 1


def test_a_repository_made_without_readme_is_empty_and_has_no_branch(emulator):
    emulator.reset(creation={"creating_reads": 0})
    uuid = create(emulator, "bare").body["result"]["repository_uuid"]
    stored = emulator.stored(uuid)
    assert stored["branches"] == [] and stored["default_branch"] is None
    assert v4_read(emulator, stored["id"]).body["empty_repo"] is True


def test_a_failed_creation_reads_status_2_and_keeps_its_name_until_deleted(emulator):
    emulator.reset(creation_by_name={"doomed": {"creating_reads": 1, "outcome": "failed"}})
    uuid = create(emulator, "doomed").body["result"]["repository_uuid"]
    assert [status(emulator, uuid), status(emulator, uuid)] == [1, 2]
    assert v2(emulator, uuid).body["result"]["status"] == 2
    assert v4_read(emulator, emulator.stored(uuid)["id"]).status == 404
    listed = emulator.call("v4", "list_project_repositories", v4.ListProjectRepositoriesRequest(DEMO_PROJECT, "doomed"))
    assert listed.body == []
    again = create(emulator, "doomed")
    assert again.status == 200 and again.body["status"] == "failed" and again.body["error"]["code"] == "CH.010110"
    emulator.call("v3", "delete_repository", v3.DeleteRepositoryRequest(uuid))
    assert create(emulator, "doomed").body["status"] == "success"


@pytest.mark.parametrize("fields, token, code", [
    ({"name": "service", "group_id": 2002}, "alice-token", "CH.010110"),  # taken in that group
    ({"name": "SERVICE", "group_id": 2002}, "alice-token", "CH.010110"),  # names clash whatever their case
    ({"name": "-dash-first"}, "alice-token", "DEV.CH.10001"),
    ({"name": "my.repo"}, "alice-token", "DEV.CH.10001"),  # the SDK's older rule, the default
    ({"name": "ok", "project_uuid": "f" * 32}, "alice-token", "CH.010111"),
    ({"name": "ok", "project_uuid": "short"}, "alice-token", "DEV.CH.10001"),
    ({"name": "ok", "group_id": 9999}, "alice-token", "CH.010112"),
    ({"name": "ok", "group_id": 2001, "project_uuid": OTHER_PROJECT}, "alice-token", "CH.010112"),
    ({"name": "ok", "visibility_level": 10}, "alice-token", "DEV.CH.10001"),
    ({"name": "ok"}, "bob-token", "CH.004403"),  # bob may read, not write
])
def test_create_refusals_come_with_http_200_and_are_not_logged_as_applied(emulator, fields, token, code):
    answer = create(emulator, token=token, **fields)
    assert answer.status == 200
    assert answer.body["status"] == "failed" and answer.body["error"]["code"] == code
    assert "result" not in answer.body
    assert emulator.log()[-1]["applied"] is False


def test_the_same_name_is_accepted_in_another_group_and_the_doc_rule_allows_dots(emulator):
    assert create(emulator, "service", group_id=2001).body["status"] == "success"
    emulator.control("POST", "repository-settings", {"name_rule": "doc"})
    assert create(emulator, "my.repo").body["status"] == "success"
    assert create(emulator, "bad.git").body["status"] == "failed"
    assert emulator.log()[-2]["applied"] is True


def test_delete_answers_result_false_then_v2_answers_401_and_v4_404(emulator):
    deleted = emulator.call("v3", "delete_repository", v3.DeleteRepositoryRequest(TOOLS_UUID))
    assert deleted.status == 200 and deleted.body == {"result": "false", "status": "success"}
    gone = v2(emulator, TOOLS_UUID)
    assert gone.status == 401 and gone.body["error_code"] == "CH.080401"
    assert v4_read(emulator, 3003).status == 404
    again = emulator.call("v3", "delete_repository", v3.DeleteRepositoryRequest(TOOLS_UUID))
    assert again.status == 200 and again.body["error"]["code"] == "CH.010117"
    assert [entry["applied"] for entry in emulator.log() if entry["method"] == "DELETE"] == [True, False]
    assert emulator.stored(TOOLS_UUID)["deleted"] is True


def test_an_expired_token_is_401_too_but_with_the_gateways_code(emulator):
    assert v2(emulator, TOOLS_UUID, token="nobody").body["error_code"] == "DEV.00000003"
    assert v2(emulator, "f" * 32).body["error_code"] == "CH.080401"  # a uuid that never existed


def test_two_repositories_of_one_name_are_told_apart_by_namespace(emulator):
    listed = emulator.call("v4", "list_project_repositories", v4.ListProjectRepositoriesRequest(DEMO_PROJECT, "service"))
    assert sorted((item["namespace"], item["id"]) for item in listed.body) == [
        ("demo-project/backend/api", 3001), ("demo-project/frontend", 3002)]
    in_group = emulator.call("v4", "list_group_repositories", v4.ListGroupRepositoriesRequest(2003, "service"))
    assert [item["id"] for item in in_group.body] == [3002]
    tools = v4_read(emulator, 3003).body
    assert (tools["name"], tools["path"], tools["path_with_namespace"]) == ("Tools", "tools", "demo-project/tools")


def test_search_is_fuzzy_so_an_exact_name_must_be_picked_out(emulator):
    create(emulator, "service-proxy", enable_readme=1, group_id=2001)
    emulator.control("POST", "creation", {"creating_reads": 0})
    listed = emulator.call("v4", "list_project_repositories", v4.ListProjectRepositoriesRequest(DEMO_PROJECT, "SERV"))
    assert sorted(item["name"] for item in listed.body) == ["service", "service"]  # the new one is still creating
    groups = emulator.call("v4", "list_groups", v4.ListGroupsRequest(search="api"))
    assert [(group["id"], group["full_path"], group["parent_id"]) for group in groups.body] == [
        (2002, "demo-project/backend/api", 2001)]
    children = emulator.call("v4", "list_project_subgroups_and_repositories",
                             v4.ListProjectSubgroupsAndRepositoriesRequest(DEMO_PROJECT))
    assert [(child["descendant_type"], child["id"]) for child in children.body] == [
        ("group", 2001), ("group", 2003), ("project", 3003)]


def _many(count):
    return [{"project_id": "a" * 32, "name": "Many", "path": "many",
             "repositories": [{"name": "repo-%02d" % number} for number in range(count)]}]


def test_v4_lists_page_by_item_offset_without_x_total_until_a_short_page(emulator):
    emulator.reset(projects=_many(25))
    pages, offset = [], 0
    while True:
        answer = emulator.call("v4", "list_project_repositories", v4.ListProjectRepositoriesRequest(
            "a" * 32, offset=offset, limit=10, order_by="name", sort="asc"))
        assert answer.status == 200 and "X-Total" not in answer.headers
        pages.append([item["name"] for item in answer.body])
        if len(answer.body) < 10:
            break
        offset += 10
    assert [len(page) for page in pages] == [10, 10, 5]
    assert sum(pages, []) == ["repo-%02d" % number for number in range(25)]
    shifted = emulator.call("v4", "list_project_repositories", v4.ListProjectRepositoriesRequest(
        "a" * 32, offset=5, limit=2, order_by="name", sort="asc"))
    assert [item["name"] for item in shifted.body] == ["repo-05", "repo-06"]  # offset counts items, not pages
    default = emulator.call("v4", "list_project_repositories", v4.ListProjectRepositoriesRequest("a" * 32))
    assert len(default.body) == 20


@pytest.mark.parametrize("offset, limit", [(0, 0), (0, 101), (-1, 10)])
def test_v4_paging_out_of_range_is_400(emulator, offset, limit):
    answer = emulator.send("GET", "/v4/projects/%s/repositories" % DEMO_PROJECT, {"offset": offset, "limit": limit})
    assert answer.status_code == 400 and answer.json()["error_code"] == "CH.00401001"


def test_v2_list_pages_from_1_with_a_total(emulator):
    emulator.reset(projects=_many(5))
    listed = emulator.call("v3", "show_all_repository_by_two_project_id", v3.ShowAllRepositoryByTwoProjectIdRequest(
        page_index=2, page_size=2, project_uuid="a" * 32))
    assert listed.body["result"]["total"] == 5
    assert [repo["repository_name"] for repo in listed.body["result"]["repositories"]] == ["repo-02", "repo-03"]
    zero = emulator.call("v3", "show_all_repository_by_two_project_id", v3.ShowAllRepositoryByTwoProjectIdRequest(
        page_index=0, project_uuid="a" * 32))
    assert zero.status == 200 and zero.body["status"] == "failed"


def test_permissions_refuse_in_each_versions_shape(emulator):
    emulator.reset(projects=[{"project_id": "b" * 32, "path": "p", "repositories": [
        {"id": 4001, "name": "locked", "access": {"carol": "none", "dora": "read"}}]}])
    forbidden = v4_read(emulator, 4001, token="carol-token")
    assert forbidden.status == 403 and forbidden.body["error_code"] == "CH.004403"
    assert v2(emulator, emulator.stored(4001)["uuid"], token="carol-token").status == 401
    assert v4_read(emulator, 4001, token="erin-token").status == 403  # erin may do nothing at all
    hook = v4.WebhookParamsDto(url="https://h.example.com", tag_push_events=True)
    refused = emulator.call("v4", "add_repository_webhook", v4.AddRepositoryWebhookRequest(4001, hook), token="dora-token")
    assert refused.status == 403
    delete = emulator.call("v3", "delete_repository", v3.DeleteRepositoryRequest(emulator.stored(4001)["uuid"]),
                           token="bob-token")
    assert delete.status == 200 and delete.body["error"]["code"] == "CH.004403"
    assert emulator.stored(4001)["deleted"] is False


def test_members_carry_numeric_ids_iam_ids_and_role_ids_and_count_in_x_total(emulator):
    answer = emulator.call("v4", "list_members", v4.ListMembersRequest(3001, limit=1, offset=1))
    assert answer.headers["X-Total"] == "3" and len(answer.body) == 1
    [bob] = answer.body
    assert (bob["user_id"], bob["user_name"], bob["repository_role_name"]) == (21821, "bob", "Viewer")
    assert len(bob["user_iam_id"]) == 32 and len(bob["repository_role_Id"]) == 32
    creator = emulator.call("v4", "list_members", v4.ListMembersRequest(3001, search="ALI")).body
    assert [(member["user_name"], member["is_repo_creator"], member["is_Project_admin"]) for member in creator] == [
        ("alice", 1, 1)]


def test_import_members_brings_the_projects_members(emulator):
    emulator.reset(creation={"creating_reads": 0})
    uuid = create(emulator, "with-team", import_members=1).body["result"]["repository_uuid"]
    assert [member["user"] for member in emulator.stored(uuid)["members"]] == ["alice", "bob", "carol"]
    alone = create(emulator, "alone").body["result"]["repository_uuid"]
    assert [member["user"] for member in emulator.stored(alone)["members"]] == ["alice"]


def test_the_v4_read_echoes_the_import_url_decoded_credentials_and_all(emulator):
    emulator.reset(creation={"creating_reads": 0})
    import_url = "aHR0cHM6Ly91c2VyOnBhc3NAZ2l0LmV4YW1wbGUuY29tL3IuZ2l0"  # https://user:pass@git.example.com/r.git
    uuid = create(emulator, "imported", import_url=import_url).body["result"]["repository_uuid"]
    assert v4_read(emulator, emulator.stored(uuid)["id"]).body["import_url"] == "https://user:pass@git.example.com/r.git"


@pytest.mark.parametrize("projects, reason", [
    ([{"project_id": "a" * 32, "repositories": [{"name": "r", "group": "missing"}]}], "no group missing"),
    ([{"project_id": "a" * 32, "repositories": [{"name": "r", "members": [{"user": "nobody", "role": "admin"}]}]}],
     "existing user"),
    ([{"project_id": "a" * 32, "repositories": [{"name": "r", "webhooks": [{"url": "https://h.example.com"}]}]}],
     "at least one of"),
])
def test_a_bad_seed_spec_is_refused_with_the_reason(emulator, projects, reason):
    response = emulator.session.post(emulator.url + "/_emulator/reset", json={"projects": projects}, timeout=10)
    assert response.status_code == 400 and reason in response.json()["error"]
