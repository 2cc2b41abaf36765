"""A protected-branch task: rules checked before any request, user names resolved through the members once."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import RepositoryRef
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.rule_task import checked_rules, wanted_rules
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import emulator_client


def params(**values):
    return dict(dict(name=None, rules=None, push=None, merge=None, allow_force_push=None, state="present", exclusive=False,
                     allow_no_rules=False), **values)


def test_one_rule_manages_only_what_it_names():
    [(where, name, values, managed)] = checked_rules(params(name=" master ", push={"roles": ["r1"]}))
    assert (where, name, managed) == ("", "master", frozenset(("push",)))
    assert values == {"push": {"users": [], "member_groups": [], "roles": ["r1"]}}


@pytest.mark.parametrize("values, says", [
    (dict(name="m", rules=[]), "name and rules cannot both be given"),
    (dict(), "Give name (one rule) or rules"),
    (dict(name="m", exclusive=True), "exclusive needs rules"),
    (dict(rules=[], exclusive=True), "set allow_no_rules: true"),
    (dict(rules=[{"name": "a"}, {"name": "a"}]), "rules[1] names"),
    (dict(rules=[{"name": "a", "pushh": {}}]), "rules[0] has pushh"),
    (dict(rules=[{"name": "a", "push": {"users": "bob"}}]), "rules[0].push.users is not usable"),
    (dict(rules=[{"name": "a", "merge": {"member_groups": ["801"]}}]), "member group ids (numbers)"),
    (dict(rules=[{"name": " "}]), "rules[0].name is not usable"),
    (dict(rules=["master"]), "rules[0] is not usable"),
])
def test_each_rule_that_cannot_mean_one_thing_is_refused_naming_where(values, says):
    with pytest.raises(CodeArtsConfigError) as caught:
        checked_rules(params(**values))
    assert says in str(caught.value)


def test_user_names_become_member_ids_with_one_listing_and_the_names_are_kept(emulator):
    rules = checked_rules(params(name="develop", push={"users": ["carol", "bob"]}))
    [item] = wanted_rules(emulator_client(emulator), RepositoryRef(3001), rules)
    assert item.values["push_user_names"] == ["bob", "carol"]
    assert len(item.values["push"]["users"]) == 2 and all(isinstance(user, int) for user in item.values["push"]["users"])
    assert [entry["method"] for entry in emulator.log()] == ["GET"]


def test_a_user_who_is_no_member_is_refused_by_name(emulator):
    rules = checked_rules(params(name="develop", merge={"users": ["mallory"]}))
    with pytest.raises(CodeArtsStateError, match="is no member of the repository with id 3001"):
        wanted_rules(emulator_client(emulator), RepositoryRef(3001), rules)


def test_rules_that_name_no_user_cost_no_request(session):
    assert wanted_rules(None, RepositoryRef(3001), checked_rules(params(name="develop", push={"roles": []})))
    assert session.sent == []


@pytest.mark.parametrize("values, message", [
    (dict(name="b" * 1001), "name is not usable: a branch name or wildcard of 1 to 1000 characters."),
    (dict(name="m", push={"users": "bob"}), "push.users is not usable: give a list of CodeArts user names."),
    (dict(name="m", merge=["bob"]), "merge is not usable: give a dictionary of users, member_groups and roles."),
])
def test_the_tasks_own_rule_names_its_options_as_the_task_does(values, message):
    with pytest.raises(CodeArtsConfigError) as caught:
        checked_rules(params(**values))
    assert str(caught.value).startswith(message)
