#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_repository_protected_branch
short_description: Make the protected branches of a CodeArts Repo repository what the task says
version_added: 0.4.0
description:
  - Protects branches of a repository, and says who may push to them and who may merge into them, after reading every
    page of its rules (C(GET /v4/repositories/{id}/protected-branches)).
  - A rule is created with C(POST .../protected-branches) and changed in place with C(PUT .../protected-branch), never
    deleted and created again, so a branch is never left unprotected in between. A rule is removed with
    C(DELETE .../protected-branch).
  - The service creates a rule only for a name or wildcard that matches an existing branch; before adding a rule the
    task reads the branches once, and a task for a branch that is not pushed yet fails saying so before any change, in
    check mode too.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.REPOSITORY
  - huaweicloud.codearts.codearts.IAM_PROJECT_ID
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description: Only the reads are sent. The task reports the same C(changed), diff and rules the real run would.
    support: full
  diff_mode:
    description: The diff maps each rule's name to who may push and merge, and whether force pushes are allowed.
    support: full
options:
  name:
    description:
      - One rule's branch name, or a wildcard such as V(release/*), matched exactly against the rules' names. 1 to 1,000
        characters. Mutually exclusive with O(rules).
    type: str
  push:
    description:
      - Who may push to the branch; omitted, the rule's push setting is left as it is (a new rule gets the service's default).
      - The dictionary is the whole list of who may push, so a key left out means none of that kind (O(push.users) left
        out with O(push.roles) given removes every user). An empty dictionary means nobody may push.
    type: dict
    suboptions:
      users:
        description: CodeArts user names of repository members, turned into their ids from the repository's members.
        type: list
        elements: str
      member_groups:
        description: Member group ids (numbers), as the service shows them.
        type: list
        elements: int
      roles:
        description: Role ids, as the service's role objects give them (C(related_role_id)).
        type: list
        elements: str
  merge:
    description: Who may merge into the branch, as O(push) says who may push (the whole list, as there).
    type: dict
    suboptions:
      users:
        description: CodeArts user names of repository members.
        type: list
        elements: str
      member_groups:
        description: Member group ids.
        type: list
        elements: int
      roles:
        description: Role ids (C(related_role_id)).
        type: list
        elements: str
  allow_force_push:
    description:
      - Whether force pushes to the branch are allowed.
      - The service's repository-level rule read has no force-push flag. So the value is sent whenever the rule is created
        or changed, and when nothing else of an existing rule differs it cannot be verified, and the task then leaves the rule
        as it is and a warning says so; it is never reported C(changed) for it on every run. The result shows V(null) for
        a value the service does not show.
      - The service takes it inside who may push, so a new rule with O(allow_force_push) needs O(push) too; without it
        the task fails before any change, in check mode as well.
    type: bool
  rules:
    description:
      - Several rules in one task, each with C(name), C(push), C(merge) and C(allow_force_push) as above.
      - Mutually exclusive with O(name).
    type: list
    elements: dict
    suboptions:
      name: {description: As O(name)., type: str, required: true}
      push:
        description: As O(push).
        type: dict
        suboptions:
          users: {description: CodeArts user names., type: list, elements: str}
          member_groups: {description: Member group ids., type: list, elements: int}
          roles: {description: Role ids., type: list, elements: str}
      merge:
        description: As O(merge).
        type: dict
        suboptions:
          users: {description: CodeArts user names., type: list, elements: str}
          member_groups: {description: Member group ids., type: list, elements: int}
          roles: {description: Role ids., type: list, elements: str}
      allow_force_push: {description: As O(allow_force_push)., type: bool}
  state:
    description: Whether the rules named should be V(present) or V(absent) (the branches unprotected).
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With V(true), the repository has exactly the rules of O(rules) afterwards; every other rule is removed, after the
        new ones are created. An empty list is refused unless O(allow_no_rules=true).
    type: bool
    default: false
  allow_no_rules:
    description: Let O(exclusive) with an empty O(rules) unprotect every branch.
    type: bool
    default: false
seealso:
  - module: huaweicloud.codearts.codearts_repository
"""

EXAMPLES = r"""
- name: Only the release managers may push to master; developers may merge
  huaweicloud.codearts.codearts_repository_protected_branch:
    region: cn-north-4
    token: "{{ codearts_token }}"
    repository: my-project/backend/api/service
    name: master
    push: {member_groups: [801]}
    merge: {users: [alice, carol]}
    allow_force_push: false

- name: Exactly these rules
  huaweicloud.codearts.codearts_repository_protected_branch:
    region: cn-north-4
    token: "{{ codearts_token }}"
    repository: "3001"
    exclusive: true
    rules:
      - {name: master, push: {}, merge: {users: [alice]}}
      - {name: "release/*", push: {users: [alice]}}
"""

RETURN = r"""
protected_branches:
  description: The repository's rules after the task, as the service lists them (in check mode, as the real run would).
  returned: success
  type: list
  elements: dict
  contains:
    id: {description: The rule's id (V(null) for a rule check mode predicts)., type: int}
    name: {description: The branch name or wildcard., type: str}
    push: {description: "Who may push: C(users) (names), C(member_groups) and C(roles) (ids).", type: dict}
    merge: {description: "Who may merge, as RV(protected_branches[].push).", type: dict}
    allow_force_push: {description: Whether force pushes are allowed; V(null) when the service does not show it., type: bool}
added: {description: The rules the task created., returned: success, type: list, elements: dict}
removed: {description: The rules the task removed., returned: success, type: list, elements: dict}
updated: {description: The rules the task changed in place., returned: success, type: list, elements: dict}
diff:
  description: Under C(before) and C(after), C(protected_branches) maps each rule's name to its settings.
  returned: success
  type: dict
msg: {description: "On failure, what the service answered and what to do.", returned: failure, type: str}
status: {description: The HTTP status of the answer that made the task fail; V(null) when there was none., returned: failure, type: int}
error_code: {description: The service's error code; V(null) when it gave none., returned: failure, type: str}
error_msg: {description: The service's error message; V(null) when it gave none., returned: failure, type: str}
request_id: {description: The C(X-Request-Id) of the answer; V(null) when there was none., returned: failure, type: str}
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.reconcile import nothing_there, reconcile
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import repository_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import (
    checked_project_id,
    checked_repository,
    find_repository_unless_gone,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.protected_branches import ProtectedBranches
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.rule_task import checked_rules, wanted_rules

WHO = dict(users=dict(type="list", elements="str"), member_groups=dict(type="list", elements="int"),
           roles=dict(type="list", elements="str", no_log=False))


def run(module):
    params = module.params
    repository, project_id = checked_repository(params["repository"]), checked_project_id(params["project_id"])
    rules = checked_rules(params)
    client = build_client(module)
    found = find_repository_unless_gone(client, repository, project_id, params["state"], module.warn)
    if found is None:
        return nothing_there(ProtectedBranches(found, module.warn))
    return reconcile(module, client, ProtectedBranches(found, module.warn), wanted_rules(client, found, rules),
                     params["state"], params["exclusive"])


def main():
    CodeArtsModule(repository_argument_spec(
        name=dict(type="str"), push=dict(type="dict", options=WHO), merge=dict(type="dict", options=WHO),
        allow_force_push=dict(type="bool"),
        rules=dict(type="list", elements="dict", options=dict(name=dict(type="str", required=True), push=dict(type="dict", options=WHO),
                                                              merge=dict(type="dict", options=WHO), allow_force_push=dict(type="bool"))),
        state=dict(type="str", choices=["present", "absent"], default="present"),
        exclusive=dict(type="bool", default=False), allow_no_rules=dict(type="bool", default=False),
    ), mutually_exclusive=[("name", "rules")], ignored_when_absent=("push", "merge", "allow_force_push")).run(run)


if __name__ == "__main__":
    main()
