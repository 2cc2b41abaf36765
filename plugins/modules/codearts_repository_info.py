#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_repository_info
short_description: Read CodeArts Repo repositories
version_added: 0.4.0
description:
  - Reads one repository by O(repository) (its id or its path, C(GET /v4/repositories/{id})), or every repository of a
    project (every page of C(GET /v4/projects/{project_id}/repositories), optionally narrowed by O(search)).
  - Changes nothing.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.IAM_PROJECT_ID
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description: Can run in check mode and return the same data, since it only reads.
    support: full
  diff_mode:
    description: Reads only, so there is never a difference to show.
    support: N/A
options:
  repository:
    description:
      - One repository, by its numeric id, or by its path as in its clone URL without C(.git). A path must match exactly one
        repository (a path at a project's root needs O(project_id)). Omitted, every repository of O(project_id).
    type: str
  project_id:
    description: The CodeArts project, its id of 32 hexadecimal digits. Needed without O(repository).
    type: str
  search:
    description: With O(project_id) alone, only the repositories whose name holds this text (the service's filter).
    type: str
seealso:
  - module: huaweicloud.codearts.codearts_repository
"""

EXAMPLES = r"""
- name: Read a repository by its path
  huaweicloud.codearts.codearts_repository_info:
    region: cn-north-4
    token: "{{ codearts_token }}"
    repository: my-project/backend/api/service
  register: found

- name: Every repository of a project
  huaweicloud.codearts.codearts_repository_info:
    region: cn-north-4
    token: "{{ codearts_token }}"
    project_id: 9f6c1d2e3b4a59687f8e9d0c1b2a3f4e
"""

RETURN = r"""
repositories:
  description: The repository named, or every repository of the project (in the service's order).
  returned: success
  type: list
  elements: dict
  contains:
    id: {description: Its numeric id., type: int}
    uuid: {description: "Its 32-character id (V(null) in a project's list, which does not show it).", type: str}
    name: {description: Its name., type: str}
    path: {description: "Its path, as in its clone URL.", type: str}
    description: {description: Its description (V(null) in a project's list)., type: str}
    default_branch: {description: "Its default branch (V(null) in a project's list, or when it has no branch).", type: str}
    visibility: {description: "V(private), V(internal) or V(public).", type: str}
    ssh_url: {description: Its SSH clone URL (V(null) in a project's list)., type: str}
    http_url: {description: Its HTTPS clone URL (V(null) in a project's list)., type: str}
    project_id: {description: Its project's id (V(null) in a project's list)., type: str}
    status: {description: "V(ready), or what the service says (V(creating), V(failed), V(frozen)...).", type: str}
msg: {description: "On failure, what the service answered and what to do.", returned: failure, type: str}
status: {description: The HTTP status of the answer that made the task fail; V(null) when there was none., returned: failure, type: int}
error_code: {description: The service's error code; V(null) when it gave none., returned: failure, type: str}
error_msg: {description: The service's error message; V(null) when it gave none., returned: failure, type: str}
request_id: {description: The C(X-Request-Id) of the answer; V(null) when there was none., returned: failure, type: str}
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.calls import LIST_PROJECT_REPOSITORIES, READ_REPOSITORY
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import (
    checked_project_id,
    checked_repository,
    find_repository,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.views import repository_view


def read(module):
    params = module.params
    project_id = checked_project_id(params["project_id"])
    if params["repository"] is None:
        if project_id is None:
            raise CodeArtsConfigError("Give repository (one repository), or project_id (every repository of a project).")
        client = build_client(module)
        query = {"search": params["search"]} if params["search"] else {}
        return dict(changed=False, repositories=[repository_view(item) for item in read_all_pages(
            client, LIST_PROJECT_REPOSITORIES, query=query, project_id=project_id)])
    if params["search"] is not None:
        raise CodeArtsConfigError("search narrows a project's list: give it with project_id alone, not with repository.")
    repository = checked_repository(params["repository"])
    client = build_client(module)
    found = find_repository(client, repository, project_id)
    return dict(changed=False, repositories=[repository_view(client.call(READ_REPOSITORY, repository_id=found.id))])


def main():
    CodeArtsModule(codearts_argument_spec(repository=dict(type="str"), project_id=dict(type="str"),
                                          search=dict(type="str"))).run(read)


if __name__ == "__main__":
    main()
