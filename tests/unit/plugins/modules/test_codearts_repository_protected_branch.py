"""codearts_repository_protected_branch against the emulator: rules created, changed in place, removed, and what the
task says when the service cannot show a value or refuses a rule."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules.codearts_repository_protected_branch import main

SERVICE = "3001"  # demo-project/backend/api/service: master protected, branches master, develop, release/1.0


def args(emulator, **options):
    return dict(dict(endpoint=emulator.url, ca_path=emulator.session.verify, token="alice-token", repository=SERVICE), **options)


def writes(emulator):
    return [(entry["method"], entry["path"]) for entry in emulator.log() if entry["method"] != "GET"]


def test_a_new_rule_for_an_existing_branch_is_created_once_and_then_left_alone(run_module, emulator):
    first = run_module(main, args(emulator, name="develop", push={"users": ["alice"]}, merge={"users": ["alice", "carol"]}))
    again = run_module(main, args(emulator, name="develop", push={"users": ["alice"]}, merge={"users": ["carol", "alice"]}))
    assert first["changed"] is True and again["changed"] is False, (first.get("msg"), again.get("msg"))
    rule = [view for view in again["protected_branches"] if view["name"] == "develop"][0]
    assert rule["push"]["users"] == ["alice"] and rule["merge"]["users"] == ["alice", "carol"]
    assert [method for method, _path in writes(emulator)] == ["POST"]


def test_a_changed_rule_is_changed_in_place_never_deleted_and_created_again(run_module, emulator):
    result = run_module(main, args(emulator, name="master", merge={"users": ["carol"]}))
    assert result["changed"] is True and [method for method, _path in writes(emulator)] == ["PUT"]
    assert [view["name"] for view in result["updated"]] == ["master"] and result["added"] == result["removed"] == []


def test_check_mode_predicts_the_real_diff(run_module, emulator):
    options = dict(name="release/*", push={"users": ["alice"]}, merge={"roles": []})
    predicted = run_module(main, args(emulator, **options), check_mode=True)
    assert writes(emulator) == []
    real = run_module(main, args(emulator, **options))
    assert predicted["changed"] is real["changed"] is True and predicted["diff"] == real["diff"]


def test_check_mode_shows_null_for_a_setting_a_new_rule_leaves_to_the_services_default(run_module, emulator):
    predicted = run_module(main, args(emulator, name="release/*", push={"users": ["alice"]}), check_mode=True)
    assert [view["merge"] for view in predicted["added"]] == [None]


@pytest.mark.parametrize("check_mode", [True, False], ids=["check mode", "real run"])
def test_a_rule_for_a_name_no_branch_matches_is_refused_before_any_write_saying_so(run_module, emulator, check_mode):
    result = run_module(main, args(emulator, name="feature/*", push={}), check_mode=check_mode)
    assert result["failed"] is True and result["changed"] is False and writes(emulator) == []
    assert "No branch of the repository with id 3001 matches feature/*" in result["msg"] and "push the branch first" in result["msg"]


def test_a_wildcard_is_checked_against_the_branches_once_and_matches_across_slashes(run_module, emulator):
    result = run_module(main, args(emulator, rules=[{"name": "release/*", "push": {}}, {"name": "rel*", "push": {}}]))
    branch_reads = [entry for entry in emulator.log() if entry["path"].endswith("/repository/branches")]
    assert result["changed"] is True and len(branch_reads) == 1, result.get("msg")


@pytest.mark.parametrize("check_mode", [True, False], ids=["check mode", "real run"])
def test_allow_force_push_on_a_new_rule_without_push_fails_before_any_write_naming_push(run_module, emulator, check_mode):
    result = run_module(main, args(emulator, name="develop", allow_force_push=True), check_mode=check_mode)
    assert result["failed"] is True and "give push" in result["msg"] and writes(emulator) == []


def test_allow_force_push_with_push_on_a_new_rule_is_stored(run_module, emulator):
    result = run_module(main, args(emulator, name="develop", push={"users": ["alice"]}, allow_force_push=True))
    rule = [rule for rule in emulator.stored(3001)["protected_branches"] if rule["name"] == "develop"][0]
    assert result["changed"] is True and {"name": "allowed_force_push", "enable": True} in rule["actions"]["push"]["addition_switchers"]


def test_a_refusal_that_is_not_about_branches_does_not_tell_to_push_a_branch(run_module, emulator):
    result = run_module(main, args(emulator, name="develop", push={"member_groups": [999]}))
    assert result["failed"] is True and "push the branch" not in result["msg"] and "its message says which" in result["msg"]


def test_a_rule_someone_else_creates_meanwhile_is_settled_by_listing(run_module, emulator, monkeypatch):
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository import protected_branches
    real_list, listings = protected_branches.ProtectedBranches.list, []

    def listing_then_someone_else_protects_develop(self, client):
        listed = real_list(self, client)
        if not listings:
            emulator.send("POST", "/v4/repositories/3001/protected-branches", body={"names": ["develop"], "actions": [
                {"action": "push", "enable": True, "user_ids": [], "user_team_ids": [], "related_role_ids": []}]})
        listings.append(listed)
        return listed
    monkeypatch.setattr(protected_branches.ProtectedBranches, "list", listing_then_someone_else_protects_develop)
    result = run_module(main, args(emulator, name="develop", push={}))
    assert result.get("failed") is not True and result["changed"] is True, result.get("msg")
    assert any("added meanwhile by someone else" in str(warning) for warning in result["warnings"])


def test_two_members_with_one_user_name_are_refused_before_any_write_naming_both(run_module, emulator):
    emulator.arm(kind="listing", method="GET", path="/v4/repositories/3001/members", items=2,
                 wrong_types={"user_name": "alice"}, count=5)
    result = run_module(main, args(emulator, name="develop", push={"users": ["alice"]}))
    assert result["failed"] is True and "several members with one user name" in result["msg"] and writes(emulator) == []


def test_a_user_who_is_no_member_is_refused_before_any_write(run_module, emulator):
    result = run_module(main, args(emulator, name="develop", push={"users": ["mallory"]}))
    assert result["failed"] is True and "mallory is no member" in result["msg"] and writes(emulator) == []


def test_allow_force_push_the_service_cannot_show_is_said_never_changed_forever(run_module, emulator):
    result = run_module(main, args(emulator, name="master", allow_force_push=True))
    assert result["changed"] is False and writes(emulator) == []
    assert any("cannot be read back" in str(warning) for warning in result["warnings"])
    rule = [view for view in result["protected_branches"] if view["name"] == "master"][0]
    assert rule["allow_force_push"] is None


def test_exclusive_removes_every_other_rule_after_creating_the_new_ones(run_module, emulator):
    result = run_module(main, args(emulator, exclusive=True, rules=[{"name": "develop", "push": {}}]))
    assert result["changed"] is True and [view["name"] for view in result["protected_branches"]] == ["develop"]
    assert [method for method, _path in writes(emulator)] == ["POST", "DELETE"]


def test_an_absent_rule_is_removed_and_a_second_run_changes_nothing(run_module, emulator):
    first = run_module(main, args(emulator, name="master", state="absent"))
    again = run_module(main, args(emulator, name="master", state="absent"))
    assert first["changed"] is True and again["changed"] is False and again["protected_branches"] == []


@pytest.mark.parametrize("options, says", [
    (dict(name="x" * 1001), "name is not usable"),
    (dict(rules=[{"name": "master", "push": {"member_groups": ["not a number"]}}]), "member_groups"),
    (dict(rules=[{"name": "master"}, {"name": "master"}]), "rules[1] names"),
    (dict(repository="0", name="master"), "repository is not usable: an id is a number from 1"),
    (dict(repository="not a path", name="master"), "repository is not usable"),
    (dict(repository="a/b", project_id="123", name="master"), "project_id is not usable"),
])
def test_bad_input_fails_before_any_request(run_module, emulator, options, says):
    result = run_module(main, args(emulator, **options))
    assert result["failed"] is True and says in result["msg"] and emulator.log() == []


def test_removing_from_a_repository_that_is_not_there_is_no_change_and_says_so(run_module, emulator):
    gone = dict(endpoint=emulator.url, ca_path=emulator.session.verify, token="alice-token", repository="demo-project/backend/gone")
    removed = run_module(main, dict(gone, **dict(name="master", state="absent")))
    added = run_module(main, dict(gone, **dict(name="master", push={})))
    assert removed["changed"] is False and any("nothing to remove" in str(warning) for warning in removed["warnings"])
    assert added["failed"] is True and "matches no repository" in added["msg"]
