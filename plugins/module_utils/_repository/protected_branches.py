# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A repository's protected branches as a keyed collection: a rule is named by its branch name or wildcard, changed
in place (PUT), never deleted and created again, so a branch is never left unprotected in between.

Who may push and who may merge are compared as sets of numeric user ids, member group ids and role ids (the read
side expands them into objects). allow_force_push is compared only where the listing shows it: the repository-level
read has no force-push flag, so it is sent when a rule is created or changed, and otherwise said to be unverified.
"""

import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import KeyedResource, Listed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.calls import (
    CREATE_RULE,
    DELETE_RULE,
    LIST_BRANCHES,
    LIST_RULES,
    UPDATE_RULE,
)

ACTIONS = ("push", "merge")
WHO = ("users", "member_groups", "roles")
FORCE_PUSH = "allowed_force_push"
# The service's error codes for these refusals are not documented; ALREADY_PROTECTED is the emulator's guess, in the form
# of the v4 codes (tests/emulator/REPOSITORIES.md). Any other 400 gets a hint that names every documented cause.
ALREADY_PROTECTED = "CH.00406102"
UNKNOWN_WILDCARD = re.compile(r"[?\[\]{}]")
REFUSED_RULE_HINT = ("The service creates a rule only for a name or wildcard that matches an existing branch, and only with "
                     "users, member groups and roles of the repository: its message says which one it refused.")


def matches(pattern, branch):
    """Whether a rule's name covers a branch: exactly, or as a wildcard whose * stands for any characters, / too (the
    widest reading: a branch it wrongly takes to match is refused by the service itself, which the task then says)."""
    return re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), branch) is not None


def _ids(items, key):
    return sorted(item.get(key) for item in items or () if isinstance(item, dict) and item.get(key) is not None)


def _listed_action(action):
    return {"users": _ids(action.get("users"), "id"), "member_groups": _ids(action.get("user_teams"), "id"),
            "roles": _ids(action.get("roles"), "related_role_id")}


def _names_of(action):
    return sorted(str(user.get("name")) for user in action.get("users") or () if isinstance(user, dict))


def listed_rule(item):
    actions = dict((action.get("action"), action) for action in item.get("actions") or () if isinstance(action, dict))
    values = dict((name, _listed_action(actions[name])) for name in ACTIONS if name in actions)
    switches = [switch for action in actions.values() for switch in action.get("addition_switchers") or ()
                if isinstance(switch, dict) and switch.get("name") == FORCE_PUSH]
    if switches:  # shown by some reads only: compared where shown
        values["allow_force_push"] = bool(switches[0].get("enable"))
    view = {"id": item.get("id"), "name": item.get("name"), "allow_force_push": values.get("allow_force_push")}
    for name in ACTIONS:
        who = values.get(name, {"users": [], "member_groups": [], "roles": []})
        view[name] = {"users": _names_of(actions.get(name, {})), "member_groups": who["member_groups"], "roles": who["roles"]}
    return Listed(item.get("id"), item.get("name"), values, view)


def action_body(name, who, allow_force_push=None):
    body = {"action": name, "enable": True, "user_ids": who["users"], "user_team_ids": who["member_groups"],
            "related_role_ids": who["roles"]}
    if name == "push" and allow_force_push is not None:
        body["addition_switchers"] = [{"name": FORCE_PUSH, "enable": bool(allow_force_push)}]
    return body


class ProtectedBranches(KeyedResource):
    noun = "protected branch"
    result_key = "protected_branches"
    list_call = LIST_RULES
    in_place = frozenset(ACTIONS + ("allow_force_push",))
    unreadable = {"allow_force_push": "the repository-level rule read has no force-push flag"}

    def __init__(self, repository, warn):
        self.repository = repository
        self.warn = warn
        self.branches = None

    def list(self, client):
        return read_all_pages(client, LIST_RULES, keep=listed_rule, repository_id=self.repository.id)

    def _actions(self, wanted, listed=None):
        """Both actions for a PUT (it replaces both): the task's where it says, the listing's elsewhere."""
        force = wanted.values.get("allow_force_push") if "allow_force_push" in wanted.managed else \
            (listed.values.get("allow_force_push") if listed else None)
        if listed is not None and force is None and "allow_force_push" not in listed.values:
            self.warn("The protected branch %s changes, and the service cannot show whether it allows force pushes: set "
                      "allow_force_push in the task, or the change may reset it to not allowed." % wanted.key)
        chosen = [(name, wanted.values[name] if name in wanted.managed else listed.values.get(name) if listed else None)
                  for name in ACTIONS]
        return [action_body(name, who, force) for name, who in chosen if who is not None]

    def create(self, client, wanted):
        try:
            client.call(CREATE_RULE, {"names": [wanted.key], "actions": self._actions(wanted)}, about=wanted.key,
                        repository_id=self.repository.id)
        except CodeArtsRequestError as error:
            if error.status == 400 and not self.refused_as_duplicate(error):
                raise error.with_hint(REFUSED_RULE_HINT) from None
            raise

    def refused_as_duplicate(self, error):
        return plain(error.error_code) == ALREADY_PROTECTED

    def refused_add(self, client, wanted, current):
        if "allow_force_push" in wanted.managed and "push" not in wanted.managed:
            return ("The protected branch %s is new, and the service takes allow_force_push only with who may push: give push "
                    "too (an empty push: {} means nobody may push)." % wanted.key)
        if UNKNOWN_WILDCARD.search(wanted.key):  # what ? or [ mean to the service is not documented: it decides
            return None
        if self.branches is None:  # read once, and only for a rule to add
            self.branches = read_all_pages(client, LIST_BRANCHES, keep=lambda item: item.get("name"), id_key="name",
                                           repository_id=self.repository.id)
        if not any(matches(wanted.key, branch) for branch in self.branches if isinstance(branch, str)):
            return ("No branch of the repository %s matches %s, and the service protects only a name or wildcard that matches "
                    "an existing branch: push the branch first, or check the name." % (self.repository.named, wanted.key))
        return None

    def update(self, client, listed, wanted):
        client.call(UPDATE_RULE, self._actions(wanted, listed), query={"branch_name": wanted.key}, about=wanted.key,
                    repository_id=self.repository.id)

    def delete(self, client, listed):
        client.call(DELETE_RULE, query={"branch_name": listed.key}, about=listed.key, repository_id=self.repository.id)

    def says_gone(self, error):
        """A 404, or the HTTP-200 {"status": "fail"} this delete answers for a rule that is not there."""
        return error.status in (200, 404)

    def predicted(self, wanted, listed=None):
        # A setting a new rule leaves to the service is its default, which only the service knows: null until then.
        view = dict(listed.view) if listed else {"id": None, "name": wanted.key, "allow_force_push": None, "push": None,
                                                 "merge": None}
        for name in ACTIONS:
            if name in wanted.managed:
                view[name] = dict(wanted.values[name], users=sorted(wanted.values[name + "_user_names"]))
        if "allow_force_push" in wanted.managed and listed is not None and "allow_force_push" in listed.values:
            view["allow_force_push"] = wanted.values["allow_force_push"]  # else the listing will not show it either
        return view

    def diff_view(self, view):
        return dict((key, value) for key, value in view.items() if key != "id")

    def diff_label(self, view):
        return view["name"]
