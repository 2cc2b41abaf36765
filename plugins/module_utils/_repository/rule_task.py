# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a protected-branch task asks for, checked before any request: one rule (name, push, merge,
allow_force_push) or a list of them, with who may push and merge; user names resolved to the repository's members'
numeric ids with one listing, and only when a rule names users."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.calls import LIST_MEMBERS

MAX_NAME_CHARS = 1000
RULE_FIELDS = ("name", "push", "merge", "allow_force_push")
WHO_FIELDS = ("users", "member_groups", "roles")


def _who(value, where):
    """{users: [names], member_groups: [ids], roles: [ids]} from a push or merge option, or CodeArtsConfigError."""
    if not isinstance(value, dict):
        raise CodeArtsConfigError("%s is not usable: give a dictionary of users, member_groups and roles." % where)
    unknown = sorted(str(name) for name in value if name not in WHO_FIELDS)
    if unknown:
        raise CodeArtsConfigError("%s has %s, which is not one of users, member_groups and roles." % (where, ", ".join(unknown)))
    who = {}
    for name, kind in (("users", str), ("member_groups", int), ("roles", str)):
        items = value.get(name) or []
        if not isinstance(items, list) or not all(isinstance(item, kind) and not isinstance(item, bool) for item in items):
            raise CodeArtsConfigError("%s is not usable: give a list of %s." % (
                _at(where, name), "CodeArts user names" if name == "users" else "member group ids (numbers)" if kind is int
                else "role ids"))
        who[name] = sorted(set(item.strip() if kind is str else item for item in items))
    return who


def _at(where, field):
    """How a message names a field: push for the task's own rule, rules[2].push for an item of rules."""
    return "%s.%s" % (where, field) if where else field


def _rule(item, where):
    unknown = sorted(str(name) for name in item if name not in RULE_FIELDS)
    if unknown:
        raise CodeArtsConfigError("%s has %s, which is not one of %s." % (where, ", ".join(unknown), ", ".join(RULE_FIELDS)))
    name = item.get("name")
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > MAX_NAME_CHARS:
        raise CodeArtsConfigError("%s is not usable: a branch name or wildcard of 1 to %d characters." % (_at(where, "name"), MAX_NAME_CHARS))
    values, managed = {}, set()
    for action in ("push", "merge"):
        if item.get(action) is not None:
            values[action] = _who(item[action], _at(where, action))
            managed.add(action)
    if item.get("allow_force_push") is not None:
        values["allow_force_push"] = bool(item["allow_force_push"])
        managed.add("allow_force_push")
    return name.strip(), values, frozenset(managed)


def checked_rules(params):
    """[(where, name, values, managed)] for the task, or CodeArtsConfigError before any request."""
    one = params.get("name") is not None
    if one and params.get("rules") is not None:
        raise CodeArtsConfigError("name and rules cannot both be given: name is one rule, rules the whole list.")
    if not one and params.get("rules") is None:
        raise CodeArtsConfigError("Give name (one rule) or rules (a list of them).")
    if params.get("exclusive") and params.get("rules") is None:
        raise CodeArtsConfigError("exclusive needs rules, the whole list of rules the repository should have.")
    if params.get("exclusive") and params.get("state") == "absent":
        raise CodeArtsConfigError("exclusive applies with state present only.")
    if params.get("exclusive") and not params["rules"] and not params.get("allow_no_rules"):
        raise CodeArtsConfigError("exclusive with an empty rules list would unprotect every branch; set allow_no_rules: true "
                                  "if that is what you want.")
    items = [("", dict((field, params.get(field)) for field in RULE_FIELDS))] if one else \
        [("rules[%d]" % index, item) for index, item in enumerate(params["rules"])]
    rules, seen = [], {}
    for where, item in items:
        if not isinstance(item, dict):
            raise CodeArtsConfigError("%s is not usable: give a dictionary with name, push, merge and allow_force_push." % where)
        name, values, managed = _rule(item, where)
        label = where or "name"
        if name in seen:
            raise CodeArtsConfigError("%s names %s again, as %s does." % (label, quoted(name, 100), seen[name]))
        seen[name] = label
        rules.append((where, name, values, managed))
    return rules


def wanted_rules(client, repository, rules):
    """The reconciler's items, with user names turned into the members' numeric ids (one listing, if any is named)."""
    names = sorted(set(user for _w, _n, values, _m in rules for action in ("push", "merge") for user in values.get(action, {}).get("users", ())))
    ids = {}
    if names:
        members = read_all_pages(client, LIST_MEMBERS, id_key="user_id", repository_id=repository.id)
        by_name = {}
        for member in members:
            by_name.setdefault(member.get("user_name"), []).append(member.get("user_id"))
        shared = ["%s (ids %s)" % (quoted(name, 60), ", ".join(str(user_id) for user_id in by_name[name]))
                  for name in names if len(by_name.get(name, ())) > 1]
        if shared:
            raise CodeArtsStateError("The repository %s lists several members with one user name: %s. Which one the rule means "
                                     "is a guess, so none is made: ask Huawei Cloud support." % (repository.named, "; ".join(shared)))
        ids = dict((name, user_ids[0]) for name, user_ids in by_name.items())
        unknown = [name for name in names if not isinstance(ids.get(name), int)]
        if unknown:
            raise CodeArtsStateError("%s %s no member of the repository %s: a rule can name only members." % (
                ", ".join(quoted(name, 60) for name in unknown), "is" if len(unknown) == 1 else "are", repository.named))
    wanted = []
    for where, name, values, managed in rules:
        resolved = dict(values)
        for action in ("push", "merge"):
            if action in values:
                resolved[action] = dict(values[action], users=sorted(ids[user] for user in values[action]["users"]))
                resolved[action + "_user_names"] = values[action]["users"]
        wanted.append(Wanted(name, resolved, managed, where or "name"))
    return wanted
