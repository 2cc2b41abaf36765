"""Protected branches as a keyed collection: read as sets of ids, changed in place with both actions, never dropped."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import RepositoryRef
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.protected_branches import (
    ProtectedBranches,
    action_body,
    listed_rule,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import emulator_client

PUSH = {"users": [7], "member_groups": [801], "roles": []}


def test_a_listed_rule_is_read_as_sets_of_ids_and_its_force_push_only_where_shown():
    item = listed_rule({"id": 1, "name": "master", "actions": [
        {"action": "push", "users": [{"id": 9, "name": "carol"}, {"id": 7, "name": "bob"}], "user_teams": [{"id": 801}],
         "roles": [{"related_role_id": "r1"}], "addition_switchers": [{"name": "allowed_force_push", "enable": False}]},
        {"action": "merge", "users": [], "user_teams": [], "roles": []}]})
    assert item.values == {"push": {"users": [7, 9], "member_groups": [801], "roles": ["r1"]},
                           "merge": {"users": [], "member_groups": [], "roles": []}, "allow_force_push": False}
    assert item.view["push"]["users"] == ["bob", "carol"]
    assert "allow_force_push" not in listed_rule({"name": "m", "actions": [{"action": "push"}]}).values


def test_the_force_push_switch_is_sent_with_push_only():
    assert action_body("push", PUSH, True)["addition_switchers"] == [{"name": "allowed_force_push", "enable": True}]
    assert "addition_switchers" not in action_body("merge", PUSH, True)
    assert "addition_switchers" not in action_body("push", PUSH)


def test_an_update_sends_the_action_the_task_does_not_manage_as_listed_and_warns_about_force_push(emulator):
    warnings = []
    rules = ProtectedBranches(RepositoryRef(3001), warnings.append)
    [master] = [item for item in rules.list(emulator_client(emulator)) if item.key == "master"]
    actions = rules._actions(Wanted("master", {"merge": PUSH, "merge_user_names": ["bob"]}, frozenset(("merge",)), "name"), master)
    by_action = dict((action["action"], action) for action in actions)
    assert by_action["merge"]["user_ids"] == [7]
    assert by_action["push"]["user_team_ids"] == master.values["push"]["member_groups"] == [801]
    assert "allow_force_push" not in master.values and "addition_switchers" not in by_action["push"]
    assert warnings == ["The protected branch master changes, and the service cannot show whether it allows force pushes: "
                        "set allow_force_push in the task, or the change may reset it to not allowed."]


def test_a_new_rule_predicts_null_for_what_the_service_decides():
    view = ProtectedBranches(RepositoryRef(1), None).predicted(
        Wanted("develop", {"push": PUSH, "push_user_names": ["bob"]}, frozenset(("push",)), "name"))
    assert view == {"id": None, "name": "develop", "allow_force_push": None,
                    "push": {"users": ["bob"], "member_groups": [801], "roles": []}, "merge": None}
