"""Protected branches in the emulator: a rule needs a matching branch, the read side expands ids and has no
force-push switch, updates take a bare array, and a deletion of nothing answers 200 "fail"."""

import pytest
from huaweicloudsdkcodeartsrepo import v4

SERVICE = 3001  # branches master, develop, release/1.0; master protected; members alice (admin), bob, carol
ALICE, BOB, CAROL, FRANK = 21820, 21821, 21822, 21825


def action(name="push", **fields):
    switchers = fields.pop("switchers", None)
    if switchers is not None:
        fields["addition_switchers"] = [v4.ProtectedActionSwitcher(name=key, enable=value)
                                        for key, value in switchers.items()]
    return v4.ProtectedBranchProtectedActionBodyDto(action=name, **fields)


def create(emulator, names, actions=None):
    return emulator.call("v4", "batch_create_protected_branch", v4.BatchCreateProtectedBranchRequest(
        SERVICE, v4.RepositoryProtectedBranchBodyDto(names=names, actions=actions or [action(enable=True)])))


def role_ids(emulator):
    """{role name: related_role_id}, as the members list shows them (repository_role_Id)."""
    members = emulator.call("v4", "list_members", v4.ListMembersRequest(SERVICE)).body
    return dict((member["repository_role_name"], member["repository_role_Id"]) for member in members)


@pytest.mark.parametrize("name", ["feature/login", "hotfix/*", "Master"])
def test_a_rule_that_matches_no_branch_is_refused_and_nothing_is_stored(emulator, name):
    answer = create(emulator, [name])
    assert answer.status == 400 and answer.body["error_code"] == "CH.00406101"
    assert [rule["name"] for rule in emulator.stored(SERVICE)["protected_branches"]] == ["master"]
    assert emulator.log()[-1]["applied"] is False


def test_the_rule_is_accepted_once_the_branch_exists(emulator):
    assert create(emulator, ["feature/*"]).status == 400
    emulator.control("POST", "repositories/%d/branches" % SERVICE, {"names": ["feature/login"]})
    created = create(emulator, ["feature/*"])
    assert created.status == 201 and [rule["name"] for rule in created.body] == ["feature/*"]


def test_one_unmatched_name_refuses_the_whole_batch(emulator):
    assert create(emulator, ["develop", "nope"]).status == 400
    assert [rule["name"] for rule in emulator.stored(SERVICE)["protected_branches"]] == ["master"]


def test_a_branch_already_protected_is_refused_on_create(emulator):
    answer = create(emulator, ["master"])
    assert answer.status == 400 and answer.body["error_code"] == "CH.00406102"


def test_the_force_push_switch_is_stored_but_never_read_back(emulator):
    created = create(emulator, ["develop"], [action(enable=True, switchers={"allowed_force_push": True})])
    assert created.status == 201
    read = emulator.call("v4", "show_protected_branch", v4.ShowProtectedBranchRequest(SERVICE, "develop")).body
    assert "addition_switchers" not in str(read) and "force" not in str(read)
    [stored] = [rule for rule in emulator.stored(SERVICE)["protected_branches"] if rule["name"] == "develop"]
    assert stored["actions"]["push"]["addition_switchers"] == [{"name": "allowed_force_push", "enable": True}]


def test_the_read_expands_ids_into_objects_in_its_own_order(emulator):
    roles = role_ids(emulator)
    create(emulator, ["develop"], [action(enable=True, user_ids=[BOB, CAROL], user_team_ids=[801, 802],
                                          related_role_ids=[roles["Viewer"], roles["Admin"]])])
    read = emulator.call("v4", "show_protected_branch", v4.ShowProtectedBranchRequest(SERVICE, "develop")).body
    push = read["actions"][0]
    assert [user["id"] for user in push["users"]] == [CAROL, BOB]
    assert push["users"][0]["name"] == "carol" and len(push["users"][0]["username"]) == 32
    assert [team["name"] for team in push["user_teams"]] == ["ci-robots", "release-managers"]
    assert sorted(role["related_role_id"] for role in push["roles"]) == sorted([roles["Viewer"], roles["Admin"]])
    assert all(isinstance(role["id"], int) and str(role["id"]) != role["related_role_id"] for role in push["roles"])


def test_an_action_not_sent_gets_the_servers_default(emulator):
    created = create(emulator, ["develop"], [action("push", enable=False)]).body[0]
    merge = created["actions"][1]
    assert merge["action"] == "merge" and merge["enable"] is True
    assert [role["name"] for role in merge["roles"]] == ["Admin"]


def test_update_takes_a_bare_array_and_resets_the_action_left_out(emulator):
    answer = emulator.call("v4", "update_protected_branch", v4.UpdateProtectedBranchRequest(
        SERVICE, "master", [action("merge", enable=False, user_ids=[CAROL])]))
    assert answer.status == 200
    sent = [entry for entry in emulator.log() if entry["method"] == "PUT"][-1]
    assert isinstance(sent["body"], list)
    push, merge = answer.body["actions"]
    assert (merge["enable"], [user["id"] for user in merge["users"]]) == (False, [CAROL])
    assert push["user_teams"] == [] and push["enable"] is True  # the seeded team whitelist is gone


def test_a_wildcard_rule_is_named_in_the_query_encoded(emulator):
    create(emulator, ["release/*"])
    answer = emulator.call("v4", "update_protected_branch", v4.UpdateProtectedBranchRequest(
        SERVICE, "release/*", [action(enable=True)]))
    assert answer.status == 200 and answer.body["name"] == "release/*"
    assert "release%2F%2A" in answer.response.url


@pytest.mark.parametrize("bad, detail", [
    (action(enable=True, user_ids=[FRANK]), "not a member"),  # frank exists, but is no member
    (action(enable=True, user_ids=[99999]), "not a member"),
    (action(enable=True, user_team_ids=[1]), "member groups"),
    (action(enable=True, related_role_ids=["6101"]), "related_role_id"),  # a role's numeric id is not accepted
    (action("force", enable=True), "push or merge"),
])
def test_whitelists_must_name_members_teams_and_related_role_ids(emulator, bad, detail):
    answer = create(emulator, ["develop"], [bad])
    assert answer.status == 400 and detail in answer.body["error_msg"]


def test_deleting_a_rule_that_is_not_there_answers_200_fail_and_is_not_applied(emulator):
    answer = emulator.call("v4", "delete_protected_branch", v4.DeleteProtectedBranchRequest(SERVICE, "develop"))
    assert answer.status == 200 and answer.body == {"status": "fail"}
    assert emulator.log()[-1]["applied"] is False
    done = emulator.call("v4", "delete_protected_branch", v4.DeleteProtectedBranchRequest(SERVICE, "master"))
    assert done.body == {"status": "success"} and emulator.log()[-1]["applied"] is True


def test_batch_update_needs_existing_rules_and_bulk_deletion_ignores_unknown_names(emulator):
    missing = emulator.call("v4", "batch_update_protected_branches", v4.BatchUpdateProtectedBranchesRequest(
        SERVICE, v4.BatchUpdateProtectedBranchesBodyDto(names=["master", "develop"], actions=[action(enable=False)])))
    assert missing.status == 404
    bulk = emulator.call("v4", "batch_delete_protected_branches", v4.BatchDeleteProtectedBranchesRequest(
        SERVICE, v4.BatchDeleteProtectedBranchesBodyDto(names=["master", "nothing"])))
    assert bulk.body == {"status": "success"} and emulator.stored(SERVICE)["protected_branches"] == []


def test_the_list_pages_without_x_total_and_searches_by_substring(emulator):
    emulator.control("POST", "repositories/%d/branches" % SERVICE, {"names": ["b%d" % number for number in range(5)]})
    create(emulator, ["b%d" % number for number in range(5)])
    first = emulator.call("v4", "list_protected_branches", v4.ListProtectedBranchesRequest(SERVICE, offset=0, limit=4))
    assert "X-Total" not in first.headers and len(first.body) == 4
    rest = emulator.call("v4", "list_protected_branches", v4.ListProtectedBranchesRequest(SERVICE, offset=4, limit=4))
    assert [rule["name"] for rule in first.body + rest.body] == ["master", "b0", "b1", "b2", "b3", "b4"]
    found = emulator.call("v4", "list_protected_branches", v4.ListProtectedBranchesRequest(SERVICE, search="B"))
    assert [rule["name"] for rule in found.body] == ["b0", "b1", "b2", "b3", "b4"]


def test_a_seeded_rule_may_outlive_its_branch(emulator):
    emulator.reset(projects=[{"project_id": "c" * 32, "path": "c", "repositories": [
        {"id": 4100, "name": "r", "branches": ["main"],
         "protected_branches": [{"name": "gone", "actions": [{"action": "push", "enable": True}]}]}]}])
    listed = emulator.call("v4", "list_protected_branches", v4.ListProtectedBranchesRequest(4100)).body
    assert [rule["name"] for rule in listed] == ["gone"]


def test_the_branches_are_listed_as_the_sdk_reads_them_paged_with_their_total(emulator):
    first = emulator.call("v4", "list_branches", v4.ListBranchesRequest(SERVICE, offset=0, limit=2))
    rest = emulator.call("v4", "list_branches", v4.ListBranchesRequest(SERVICE, offset=2, limit=2))
    assert first.status == rest.status == 200 and first.model.x_total == "3"
    assert [branch.name for branch in first.model.body + rest.model.body] == ["master", "develop", "release/1.0"]
    assert [branch.default for branch in first.model.body] == [True, False]
