#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_repository
short_description: Create or delete a CodeArts Repo repository
version_added: 0.4.0
description:
  - Makes a repository of a CodeArts project exist (C(POST /v1/repositories)) or not (C(DELETE /v1/repositories/{uuid})),
    after listing the project's repositories of that name (C(GET /v2/projects/{project_id}/repositories)).
  - Creation is asynchronous. The task waits, within O(wait_timeout), until the repository reads as ready
    (C(GET /v2/repositories/{uuid})), then returns its id and uuid. A creation that fails says so; one still running when
    the wait ends says that, with the uuid, and a later run waits for it.
  - A v1 answer is a success only when its C(status) says so, whatever the HTTP status or its C(result) say.
  - Nothing of a repository can be changed after it is created. An existing repository whose visibility or description
    differs from the task is never replaced; a warning names each difference.
  - A create is never sent twice; after an unclear failure the project's repositories are listed again.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.IAM_PROJECT_ID
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description: Only the reads are sent. The task reports the same C(changed) and diff the real run would.
    support: full
  diff_mode:
    description: The diff shows the repository, named by its group and name, before and after.
    support: full
options:
  project_id:
    description: The CodeArts project, its id of 32 hexadecimal digits as in the project's URL.
    type: str
    required: true
  name:
    description:
      - The repository's name, 1 to 256 letters, digits, C(-), C(_) and C(.), starting with a letter, digit or C(_), and not
        ending in C(.git), C(.atom) or a dot.
    type: str
    required: true
  group:
    description:
      - The full path of the code group to create it in, as its repositories' clone URLs show it, such as
        V(my-project/backend). Omitted, the project's root.
    type: str
  description:
    description: Its description, at most 2,000 characters. Applied when it is created.
    type: str
  visibility:
    description: V(private) or V(public) (read-only for everyone). Applied when it is created; V(private) when omitted.
    type: str
    choices: [private, public]
  gitignore:
    description: The language whose C(.gitignore) it starts with, such as V(Python). Applied when it is created.
    type: str
  readme:
    description: Whether it starts with a README (and so a first branch). Applied when it is created.
    type: bool
    default: true
  import_members:
    description: Whether the project's members become its members, as the API's default. Applied when it is created.
    type: bool
    default: false
  state:
    description: Whether the repository should be V(present) or V(absent).
    type: str
    choices: [present, absent]
    default: present
  wait_timeout:
    description: The most seconds to wait for a new repository to be ready (within O(task_timeout)), at most 3,600.
    type: int
    default: 120
seealso:
  - module: huaweicloud.codearts.codearts_repository_info
  - module: huaweicloud.codearts.codearts_repository_protected_branch
"""

EXAMPLES = r"""
- name: A new service's repository
  huaweicloud.codearts.codearts_repository:
    region: cn-north-4
    token: "{{ codearts_token }}"
    project_id: 9f6c1d2e3b4a59687f8e9d0c1b2a3f4e
    group: my-project/backend
    name: billing
    description: The billing service
    gitignore: Python
  register: repository

- name: Protect its master branch
  huaweicloud.codearts.codearts_repository_protected_branch:
    region: cn-north-4
    token: "{{ codearts_token }}"
    repository: "{{ repository.repositories[0].id }}"
    name: master
    push: {users: [alice]}
"""

RETURN = r"""
repositories:
  description: The repository after the task, as the service lists it, in a list of one (none when absent).
  returned: success
  type: list
  elements: dict
  contains:
    id: {description: "Its numeric id, which the other repository modules take (V(null) for one check mode predicts).", type: int}
    uuid: {description: "Its 32-character id, which v1 and v2 calls take.", type: str}
    name: {description: Its name., type: str}
    group: {description: Its code group's full path; V(null) at the project's root., type: str}
    visibility: {description: V(private) or V(public)., type: str}
    status: {description: "V(ready) (also after a wait), V(creating) or V(failed).", type: str}
    ssh_url: {description: Its SSH clone URL., type: str}
    http_url: {description: Its HTTPS clone URL., type: str}
    project_id: {description: Its project's id., type: str}
added: {description: The repository the task created., returned: success, type: list, elements: dict}
removed: {description: The repository the task deleted., returned: success, type: list, elements: dict}
diff:
  description: Under C(before) and C(after), C(repositories) maps the repository's path to its name, group, visibility and status.
  returned: success
  type: dict
msg: {description: "On failure, what the service answered and what to do.", returned: failure, type: str}
status: {description: The HTTP status of the answer that made the task fail; V(null) when there was none., returned: failure, type: int}
error_code: {description: The service's error code; V(null) when it gave none., returned: failure, type: str}
error_msg: {description: The service's error message; V(null) when it gave none., returned: failure, type: str}
request_id: {description: The C(X-Request-Id) of the answer; V(null) when there was none., returned: failure, type: str}
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.reconcile import reconcile
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import find_group
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.repositories import Repositories
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.repository_task import wanted_repository


def run(module):
    params = module.params
    project_id, group, wanted = wanted_repository(params)
    client = build_client(module)
    group_id = find_group(client, project_id, group) if group and params["state"] == "present" else None
    repositories = Repositories(project_id, params["name"].strip(), group_id, params["wait_timeout"],
                                read_description=params["description"] is not None)
    return reconcile(module, client, repositories, wanted, params["state"])


def main():
    CodeArtsModule(codearts_argument_spec(
        project_id=dict(type="str", required=True), name=dict(type="str", required=True), group=dict(type="str"),
        description=dict(type="str"), visibility=dict(type="str", choices=["private", "public"]),
        gitignore=dict(type="str"), readme=dict(type="bool", default=True), import_members=dict(type="bool", default=False),
        state=dict(type="str", choices=["present", "absent"], default="present"), wait_timeout=dict(type="int", default=120),
    ), ignored_when_absent=("description", "visibility", "gitignore")).run(run)


if __name__ == "__main__":
    main()
