"""Faults and hostile answers on the repository-level routes: every fault kind, the apply flag, path globs, and
hostile listings of made-up items for every list (endless, long, lying totals, one page, wrong types, masks)."""

import gzip
import json

import pytest
import requests
from huaweicloudsdkcodeartsrepo import v3, v4

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.repository_emulator import (
    DEMO_PROJECT, assert_round_trip)

HOOKS = "/v4/repositories/3001/hooks"
HOOK = {"url": "https://hooks.example.com/f", "tag_push_events": True, "token": "fault-secret"}

# Every list call and its SDK request, to show a hostile page deserialises through the list's own model.
LISTS = [
    ("v4", "list_project_repositories", "/v4/projects/%s/repositories" % DEMO_PROJECT,
     lambda offset, limit: v4.ListProjectRepositoriesRequest(DEMO_PROJECT, offset=offset, limit=limit)),
    ("v4", "list_group_repositories", "/v4/groups/2002/repositories",
     lambda offset, limit: v4.ListGroupRepositoriesRequest(2002, offset=offset, limit=limit)),
    ("v4", "list_groups", "/v4/groups/list", lambda offset, limit: v4.ListGroupsRequest(offset=offset, limit=limit)),
    ("v4", "list_project_subgroups_and_repositories", "/v4/projects/%s/subgroups-and-repositories" % DEMO_PROJECT,
     lambda offset, limit: v4.ListProjectSubgroupsAndRepositoriesRequest(DEMO_PROJECT, offset=offset, limit=limit)),
    ("v4", "list_protected_branches", "/v4/repositories/3001/protected-branches",
     lambda offset, limit: v4.ListProtectedBranchesRequest(3001, offset=offset, limit=limit)),
    ("v4", "list_members", "/v4/repositories/3001/members",
     lambda offset, limit: v4.ListMembersRequest(3001, offset=offset, limit=limit)),
    ("v4", "list_repository_webhooks", HOOKS,
     lambda offset, limit: v4.ListRepositoryWebhooksRequest(3001, offset=offset, limit=limit)),
    ("v4", "list_repository_deploy_keys", "/v4/repositories/3001/deploy-keys",
     lambda offset, limit: v4.ListRepositoryDeployKeysRequest(3001, offset=offset, limit=limit)),
    ("v3", "show_all_repository_by_two_project_id", "/v2/projects/%s/repositories" % DEMO_PROJECT,
     lambda offset, limit: v3.ShowAllRepositoryByTwoProjectIdRequest(
         page_index=offset // limit + 1, page_size=limit, project_uuid=DEMO_PROJECT)),
]
IDS = [name for _version, name, _path, _request in LISTS]


def items(answer):
    return answer.body["result"]["repositories"] if isinstance(answer.body, dict) else answer.body


@pytest.mark.parametrize("version, name, path, make", LISTS, ids=IDS)
def test_an_endless_listing_fills_every_page_with_items_of_the_lists_own_shape(emulator, version, name, path, make):
    emulator.arm(kind="listing", method="GET", path=path, count=3)
    pages = [emulator.call(version, name, make(offset, 20)) for offset in (0, 20, 40)]
    assert [len(items(page)) for page in pages] == [20, 20, 20]
    for page in pages:
        assert_round_trip(page)
    ids = [item.get("id", item.get("repository_id", item.get("user_id"))) for page in pages for item in items(page)]
    assert len(set(ids)) == 60
    assert [entry["fault"] for entry in emulator.log()] == ["listing"] * 3


def test_a_long_listing_ends_and_its_total_is_what_lists_with_x_total_send(emulator):
    emulator.arm(kind="listing", method="GET", path=HOOKS, items=10000, count=2)
    last = emulator.send("GET", HOOKS, {"offset": 9990, "limit": 100})
    after = emulator.send("GET", HOOKS, {"offset": 10000, "limit": 100})
    assert len(last.json()) == 10 and after.json() == []
    assert last.headers["X-Total"] == "10000"


@pytest.mark.parametrize("path, total, header", [
    (HOOKS, 999, "999"),  # too high
    (HOOKS, 1, "1"),  # too low
    ("/v4/repositories/3001/protected-branches", None, None),  # a list without X-Total sends none
    ("/v4/repositories/3001/protected-branches", 7, "7"),  # unless told to lie with one
])
def test_the_claimed_total_lies_as_told(emulator, path, total, header):
    fault = dict(kind="listing", method="GET", path=path, items=5)
    if total is not None:
        fault["total"] = total
    emulator.arm(**fault)
    answer = emulator.send("GET", path)
    assert len(answer.json()) == 5 and answer.headers.get("X-Total") == header


def test_the_same_page_comes_back_whatever_the_offset(emulator):
    emulator.arm(kind="listing", method="GET", path="/v4/repositories/3001/members", same_page=True, count=2)
    first = emulator.send("GET", "/v4/repositories/3001/members", {"offset": 0, "limit": 5}).json()
    second = emulator.send("GET", "/v4/repositories/3001/members", {"offset": 5, "limit": 5}).json()
    assert first == second and len(first) == 5


def test_wrong_types_and_masks_land_in_every_item(emulator):
    emulator.arm(kind="listing", method="GET", path="/v4/repositories/3001/deploy-keys", items=2,
                 wrong_types={"id": "70000"}, masked="SHA256:********")
    answer = emulator.call("v4", "list_repository_deploy_keys", v4.ListRepositoryDeployKeysRequest(3001))
    assert [(item["id"], item["fingerprint"]) for item in answer.body] == [("70000", "SHA256:********")] * 2
    assert answer.model.body[0].id == 70000  # the SDK quietly turns the text into a number


def test_a_hostile_webhook_listing_carries_the_services_mask_unless_told_otherwise(emulator):
    emulator.arm(kind="listing", method="GET", path=HOOKS, items=1, count=2)
    emulator.arm(kind="listing", method="GET", path=HOOKS, items=1, masked="looks-like-a-real-secret")
    assert emulator.send("GET", HOOKS).json()[0]["token"] == "********"
    emulator.send("GET", HOOKS)
    assert emulator.send("GET", HOOKS).json()[0]["token"] == "looks-like-a-real-secret"


def test_the_ssh_key_listing_answers_as_before(emulator):
    emulator.arm(kind="key_listing", method="GET", path="/v4/user/keys", keys=3, total=1000000, line_chars=200)
    body = emulator.send("GET", "/v4/user/keys", {"offset": 0, "limit": 20}).json()
    assert body["total"] == 1000000 and [len(key["key"]) for key in body["keys"]] == [200] * 3


def test_a_fault_path_may_use_a_glob_for_one_segment(emulator):
    emulator.arm(kind="status", status=503, method="GET", path="/v4/repositories/*/hooks", count=2)
    assert emulator.send("GET", "/v4/repositories/3002/hooks").status_code == 503
    assert emulator.send("GET", "/v4/repositories/3001/hooks/6001").status_code == 200  # * stays in its segment
    assert emulator.send("GET", HOOKS).status_code == 503


def test_apply_makes_the_change_and_only_the_answer_is_bad(emulator):
    emulator.arm(kind="status", status=502, body="html", method="POST", path=HOOKS, apply=True)
    assert emulator.send("POST", HOOKS, body=HOOK).status_code == 502
    assert [hook["token"] for hook in emulator.stored(3001)["webhooks"]] == ["ci-hook-secret", "fault-secret"]
    [entry] = emulator.log()
    assert (entry["applied"], entry["status"], entry["body"]["token"]) == (True, 502, "<redacted>")


def test_a_lost_answer_to_a_create_leaves_a_repository_being_made(emulator):
    emulator.arm(kind="lost_answer", method="POST", path="/v1/repositories")
    with pytest.raises(requests.ConnectionError):
        emulator.send("POST", "/v1/repositories", body={"name": "lost", "project_uuid": DEMO_PROJECT})
    made = [repo for repo in emulator.control("GET", "repositories")["repositories"]
            if repo["path_with_namespace"] == "demo-project/lost"]
    assert [repo["status"] for repo in made] == ["creating"] and emulator.log()[0]["applied"] is True


def test_wrong_type_sets_one_field_in_every_item_of_a_real_list(emulator):
    emulator.arm(kind="wrong_type", field="id", value="6001", method="GET", path=HOOKS, apply=True)
    body = emulator.send("GET", HOOKS).json()
    assert [hook["id"] for hook in body] == ["6001"] and body[0]["url"] == "https://ci.example.com/hook"


# Every fault kind, on a new route. endless and a full-size huge or gzip_bomb take long or much memory: they are
# armed small here or not at all (endless is the same code on every route).
KINDS = [
    ({"kind": "status", "status": 429, "retry_after": 3}, 429),
    ({"kind": "redirect"}, 302),
    ({"kind": "slow", "seconds": 0.01}, 200),
    ({"kind": "huge", "bytes": 4096}, 200),
    ({"kind": "gzip_bomb", "bytes": 1048576}, 200),
    ({"kind": "drip", "seconds": 0, "apply": True}, 200),
    ({"kind": "nested"}, 200),
    ({"kind": "wrong_type", "apply": True}, 200),
    ({"kind": "echo", "status": 418}, 418),
    ({"kind": "bad_gzip"}, 200),
    ({"kind": "header_flood", "headers": 10}, 200),
]


@pytest.mark.parametrize("fault, status", KINDS, ids=[fault["kind"] for fault, _status in KINDS])
def test_every_answering_fault_kind_is_taken_on_a_repository_route(emulator, fault, status):
    emulator.arm(method="GET", path="/v4/repositories/3001", **fault)
    with requests.Session() as session:  # its own connection: a hostile answer leaves one no other test may reuse
        session.verify, session.trust_env = emulator.session.verify, False
        response = session.get(emulator.url + "/v4/repositories/3001", headers={"X-Auth-Token": "alice-token"},
                               allow_redirects=False, stream=True, timeout=10)
        assert response.status_code == status
        raw = response.raw.read(decode_content=False)
    if fault["kind"] == "gzip_bomb":
        assert len(gzip.decompress(raw)) == 1048576
    if fault["kind"] == "drip":
        assert json.loads(raw)["id"] == 3001
    if fault["kind"] == "wrong_type":
        assert json.loads(raw)["commit_email"] == 12345 and json.loads(raw)["id"] == 3001
    assert emulator.log()[0]["fault"] == fault["kind"]


@pytest.mark.parametrize("kind", ["reset", "lost_answer", "broken_chunked"])
def test_every_dropping_fault_kind_is_taken_on_a_repository_route(emulator, kind):
    emulator.arm(kind=kind, method="GET", path="/v4/repositories/3001/members")
    with requests.Session() as session, pytest.raises(requests.RequestException):
        session.verify, session.trust_env = emulator.session.verify, False
        session.get(emulator.url + "/v4/repositories/3001/members", headers={"X-Auth-Token": "alice-token"}, timeout=10).json()
