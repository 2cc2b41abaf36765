#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_repository_deploy_key
short_description: Make the deploy keys of a CodeArts Repo repository what the task says
version_added: 0.4.0
description:
  - Adds (C(POST /v2/repositories/{id}/deploy-keys)) and deletes (C(DELETE /v4/repositories/{id}/deploy-keys/{key_id}))
    deploy keys of a repository, after reading every page of them (C(GET /v4/repositories/{id}/deploy-keys)).
  - A key is identified by its fingerprint, computed from O(key) here and compared with the listing's, in SHA-256 or MD5
    form (the service does not document which it shows). The title does not identify a key.
  - The API can change nothing of a deploy key. Another title means the key is deleted, then added again (access with it
    drops for a moment); a warning says so, and the result lists the key under RV(removed) and RV(added).
  - An add is never sent twice. After an unclear failure, or a refusal saying the key exists, the keys are listed again.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.REPOSITORY
  - huaweicloud.codearts.codearts.IAM_PROJECT_ID
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description: Only the reads are sent. The task reports the same C(changed), diff and keys the real run would.
    support: full
  diff_mode:
    description: The diff maps each key's fingerprint to its title.
    support: full
options:
  key:
    description:
      - One public key line, C(TYPE BASE64 [COMMENT]), as in a C(.pub) file, checked as the user SSH key module checks it.
        A private key is refused before any request, and never shown. Mutually exclusive with O(keys).
    type: str
  title:
    description: The title of O(key), 1 to 255 characters. Defaults to the key's comment, or V(ansible) when it has none.
    type: str
  can_push:
    description:
      - Whether the key may push, not only read. Applied when the key is added; the listing cannot show it, so for a key
        that is present it cannot be verified, and a warning says so. When the answer to the add shows another value
        (the service decides), a warning says so.
      - A key deleted and added again to change its title gets V(false) unless the task sets it, and a warning says so.
    type: bool
  keys:
    description:
      - Several keys in one task. Each item is a public key line, or a dictionary with C(key), C(title) and C(can_push).
    type: list
    elements: raw
  state:
    description: Whether the keys named should be V(present) or V(absent).
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With V(true), the repository has exactly the keys of O(keys) afterwards; every other key is deleted, after the new
        ones are added. An empty list is refused unless O(allow_no_keys=true).
    type: bool
    default: false
  allow_no_keys:
    description: Let O(exclusive) with an empty O(keys) delete every deploy key of the repository.
    type: bool
    default: false
seealso:
  - module: huaweicloud.codearts.codearts_user_ssh_key
"""

EXAMPLES = r"""
- name: The CI server's read-only deploy key
  huaweicloud.codearts.codearts_repository_deploy_key:
    region: cn-north-4
    token: "{{ codearts_token }}"
    repository: my-project/backend/api/service
    key: "{{ lookup('ansible.builtin.file', 'ci_deploy.pub') }}"
    title: ci
    can_push: false
"""

RETURN = r"""
deploy_keys:
  description: The repository's deploy keys after the task, as the service lists them.
  returned: success
  type: list
  elements: dict
  contains:
    id: {description: The key's id (V(null) for one check mode predicts)., type: int}
    title: {description: Its title., type: str}
    fingerprint:
      description:
        - Its identity, C(SHA256:) and the SHA-256 fingerprint as C(ssh-keygen -l) shows it, for a key the task names or one
          the service lists in that form; else C(MD5:) and the MD5 fingerprint the service shows.
      type: str
    listed_fingerprint: {description: The fingerprint as the service lists it (V(null) for a key check mode predicts)., type: str}
    can_push: {description: "Always V(null), since the service does not show it.", type: bool}
    created_at: {description: When it was added., type: str}
added: {description: The keys the task added., returned: success, type: list, elements: dict}
removed: {description: The keys the task deleted (a retitled key is both removed and added)., returned: success, type: list, elements: dict}
diff:
  description: Under C(before) and C(after), C(deploy_keys) maps each key's fingerprint to its title.
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
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.deploy_key_task import wanted_deploy_keys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.deploy_keys import DeployKeys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import (
    checked_project_id,
    checked_repository,
    find_repository_unless_gone,
)


def run(module):
    params = module.params
    repository, project_id = checked_repository(params["repository"]), checked_project_id(params["project_id"])
    wanted, public_keys = wanted_deploy_keys(params)
    client = build_client(module)
    found = find_repository_unless_gone(client, repository, project_id, params["state"], module.warn)
    if found is None:
        return nothing_there(DeployKeys(found, public_keys, module.warn))
    return reconcile(module, client, DeployKeys(found, public_keys, module.warn), wanted, params["state"], params["exclusive"])


def main():
    CodeArtsModule(repository_argument_spec(
        # Public keys are not secrets; a private key pasted by mistake is, wherever it is (CodeArtsModule masks it).
        key=dict(type="str", no_log=False), title=dict(type="str"), can_push=dict(type="bool"),
        keys=dict(type="list", elements="raw", no_log=False),
        state=dict(type="str", choices=["present", "absent"], default="present"),
        exclusive=dict(type="bool", default=False), allow_no_keys=dict(type="bool", default=False),
    ), mutually_exclusive=[("key", "keys")], ignored_when_absent=("title", "can_push")).run(run)


if __name__ == "__main__":
    main()
