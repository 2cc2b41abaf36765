"""Protected branches (v4): list, show, batch create, update one, batch update, delete one, bulk deletion.

Written with ProtectedBranchProtectedActionBodyDto (user_ids, user_team_ids, related_role_ids,
addition_switchers); read as RepositoryProtectedBranchDto, which expands the ids into user, team and role
objects and has no addition_switchers: the force-push switch is stored (the admin view shows it) and never read
back. Every rule has both actions: an action not sent gets the server's default (DEFAULT_ACTION).
"""

import re

from codearts_emulator import v4_answers
from codearts_emulator.repository_access import v4_repository
from codearts_emulator.roles import ROLES, by_related_id, role_dto, user_dto

ACTIONS = ("push", "merge")
DEFAULT_ACTION = {"enable": True, "user_ids": [], "user_team_ids": [],
                  "related_role_ids": [ROLES["admin"]["related_role_id"]], "addition_switchers": []}


def matches(pattern, branch):
    """A rule name matches a branch exactly, or as a wildcard where '*' stands for any characters ('/' too)."""
    return re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), branch) is not None


def _ints(value):
    return isinstance(value, list) and all(isinstance(item, int) and not isinstance(item, bool) for item in value)


def _parse_action(store, repo, action):
    """(name, stored action) or (None, why not)."""
    if not isinstance(action, dict) or action.get("action") not in ACTIONS:
        return None, "every action needs action push or merge"
    if not isinstance(action.get("enable", False), bool):
        return None, "enable must be true or false"
    user_ids, team_ids = action.get("user_ids") or [], action.get("user_team_ids") or []
    role_ids, switchers = action.get("related_role_ids") or [], action.get("addition_switchers") or []
    if not _ints(user_ids) or not _ints(team_ids) or not isinstance(role_ids, list) or not isinstance(switchers, list):
        return None, "user_ids and user_team_ids must be lists of integers, related_role_ids and addition_switchers lists"
    for user_id in user_ids:
        user = store.repositories.user_by_id(user_id)
        if user is None or repo.member(user.name) is None:
            return None, "user %s is not a member of the repository (user_ids are numeric CodeArts user ids)" % user_id
    known_teams = set(team["id"] for team in repo.user_teams)
    if any(team_id not in known_teams for team_id in team_ids):
        return None, "user_team_ids must name member groups of the repository"
    if any(by_related_id(role_id) is None for role_id in role_ids):
        return None, "related_role_ids must be roles' related_role_id strings"
    if any(not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("enable"), bool)
           for item in switchers):
        return None, "addition_switchers must be objects with name and enable"
    return action["action"], {"enable": action.get("enable", False), "user_ids": list(user_ids),
                              "user_team_ids": list(team_ids), "related_role_ids": list(role_ids),
                              "addition_switchers": [dict(item) for item in switchers]}


def parse_actions(store, repo, actions):
    """({'push': ..., 'merge': ...}, None), or (None, why not). Actions not sent get DEFAULT_ACTION."""
    if not isinstance(actions, list):
        return None, "actions must be a list"
    stored = {}
    for action in actions:
        name, parsed = _parse_action(store, repo, action)
        if name is None:
            return None, parsed
        if name in stored:
            return None, "each action may be given once"
        stored[name] = parsed
    for name in ACTIONS:
        stored.setdefault(name, dict(DEFAULT_ACTION))
    return stored, None


def rule_dto(store, repo, rule):
    """RepositoryProtectedBranchDto: ids expanded into objects, newest id first (not the order sent)."""
    teams = dict((team["id"], team) for team in repo.user_teams)
    actions = []
    for name in ACTIONS:
        action = rule["actions"][name]
        users = [store.repositories.user_by_id(user_id) for user_id in action["user_ids"]]
        actions.append({
            "action": name, "enable": action["enable"],
            "users": sorted((user_dto(user) for user in users if user), key=lambda item: -item["id"]),
            "user_teams": sorted(({"id": team_id, "name": teams[team_id]["name"]} for team_id in action["user_team_ids"]
                                  if team_id in teams), key=lambda item: -item["id"]),
            "roles": sorted((role_dto(by_related_id(role_id)) for role_id in action["related_role_ids"]),
                            key=lambda item: -item["id"])})
    return {"id": rule["id"], "name": rule["name"], "actions": actions}


def _rule(repo, name):
    return next((rule for rule in repo.rules if rule["name"] == name), None)


def add_rule(store, repo, name, actions):
    rule = {"id": store.repositories.next_id("rule"), "name": name, "actions": actions}
    repo.rules.append(rule)
    return rule


def _names(body):
    names = body.get("names") if isinstance(body, dict) else None
    if not isinstance(names, list) or not names or not all(isinstance(name, str) and name for name in names):
        return None
    return names


def list_rules(store, user, body, request):
    repo, refusal = v4_repository(store, user, request, "read")
    if refusal:
        return refusal
    search = v4_answers.query(request).get("search", "").lower()
    status, items, headers = v4_answers.page([rule for rule in repo.rules if search in rule["name"].lower()], request)
    return (status, items, headers) if status != 200 else (200, [rule_dto(store, repo, rule) for rule in items], {})


def list_branches(store, user, body, request):
    """GET .../repository/branches: the repository's branches as BranchSimpleDto, paged, with X-Total."""
    repo, refusal = v4_repository(store, user, request, "read")
    if refusal:
        return refusal
    status, items, headers = v4_answers.page(list(repo.branches), request, total_header=True)
    if status != 200:
        return status, items, headers
    return 200, [{"name": name, "default": name == repo.default_branch, "can_delete": name != repo.default_branch,
                  "can_read": True, "can_download": True, "can_push": True} for name in items], headers


def _named_rule(store, user, request, need):
    """(repo, rule name, rule or None, refusal) for the ?branch_name= calls."""
    repo, refusal = v4_repository(store, user, request, need)
    if refusal:
        return None, None, None, refusal
    name = v4_answers.query(request).get("branch_name")
    if not name:
        return None, None, None, v4_answers.bad_request("branch_name is required")
    return repo, name, _rule(repo, name), None


def show_rule(store, user, body, request):
    repo, name, rule, refusal = _named_rule(store, user, request, "read")
    if refusal:
        return refusal
    return (200, rule_dto(store, repo, rule)) if rule else v4_answers.not_found("The protected branch %s" % name)


def create_rules(store, user, body, request):
    """POST .../protected-branches: every name must match an existing branch, and not be protected yet; all or none.
    Answered 201 (Huawei does not document the code)."""
    repo, refusal = v4_repository(store, user, request, "write")
    if refusal:
        return refusal
    names = _names(body)
    if names is None:
        return v4_answers.bad_request("names must be a non-empty list of branch names or wildcards")
    for name in names:
        if not any(matches(name, branch) for branch in repo.branches):
            return v4_answers.bad_request("%s matches no branch of the repository" % name, v4_answers.NO_MATCHING_BRANCH)
        if _rule(repo, name) is not None:
            return v4_answers.bad_request("%s is already protected" % name, v4_answers.ALREADY_PROTECTED)
    actions, problem = parse_actions(store, repo, body.get("actions", []))
    if problem:
        return v4_answers.bad_request(problem)
    created = [add_rule(store, repo, name, {key: dict(value) for key, value in actions.items()}) for name in names]
    return 201, [rule_dto(store, repo, rule) for rule in created]


def update_rule(store, user, body, request):
    """PUT .../protected-branch?branch_name=: the body is a bare array of actions; it replaces both actions."""
    repo, name, rule, refusal = _named_rule(store, user, request, "write")
    if refusal:
        return refusal
    if rule is None:
        return v4_answers.not_found("The protected branch %s" % name)
    actions, problem = parse_actions(store, repo, body)
    if problem:
        return v4_answers.bad_request(problem)
    rule["actions"] = actions
    return 200, rule_dto(store, repo, rule)


def update_rules(store, user, body, request):
    """PUT .../protected-branches {names, actions}: every name must be a rule already; all or none."""
    repo, refusal = v4_repository(store, user, request, "write")
    if refusal:
        return refusal
    names = _names(body)
    if names is None:
        return v4_answers.bad_request("names must be a non-empty list of protected branch names")
    missing = [name for name in names if _rule(repo, name) is None]
    if missing:
        return v4_answers.not_found("The protected branch %s" % missing[0])
    actions, problem = parse_actions(store, repo, body.get("actions", []))
    if problem:
        return v4_answers.bad_request(problem)
    for name in names:
        _rule(repo, name)["actions"] = {key: dict(value) for key, value in actions.items()}
    return 200, [rule_dto(store, repo, _rule(repo, name)) for name in names]


def delete_rule(store, user, body, request):
    """DELETE .../protected-branch?branch_name=: {"status": "success"}, or HTTP 200 {"status": "fail"} for no rule."""
    repo, name, rule, refusal = _named_rule(store, user, request, "write")
    if refusal:
        return refusal
    if rule is None:
        return 200, {"status": "fail"}
    repo.rules.remove(rule)
    return 200, {"status": "success"}


def delete_rules(store, user, body, request):
    """POST .../protected-branches/bulk-deletion {names}: names that are no rule are ignored; always success."""
    repo, refusal = v4_repository(store, user, request, "write")
    if refusal:
        return refusal
    names = _names(body)
    if names is None:
        return v4_answers.bad_request("names must be a non-empty list of protected branch names")
    repo.rules = [rule for rule in repo.rules if rule["name"] not in names]
    return 200, {"status": "success"}
