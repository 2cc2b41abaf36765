#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_repository_webhook
short_description: Make the webhooks of a CodeArts Repo repository what the task says
version_added: 0.4.0
description:
  - Adds (C(POST /v4/repositories/{id}/hooks)), changes in place (C(PUT .../hooks/{hook_id})) and deletes webhooks of a
    repository, after reading every page of them (C(GET .../hooks)). A webhook is named by its O(url).
  - Two webhooks with one URL are refused, naming their ids, since which one the task means would be a guess.
  - The secret is never compared or returned, since the service shows only a mask of it. A masked value is never sent back.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.REPOSITORY
  - huaweicloud.codearts.codearts.IAM_PROJECT_ID
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description: Only the reads are sent. The task reports the same C(changed), diff and webhooks the real run would.
    support: full
  diff_mode:
    description: The diff maps each webhook's URL to its settings, never its secret.
    support: full
options:
  url:
    description:
      - The webhook's address, V(http://) or V(https://), at most 500 characters. A user name or password in it is refused
        before any request. Mutually exclusive with O(webhooks).
    type: str
  name:
    description: Its name, at most 200 characters. Omitted, an existing hook's name is left as it is (a new hook gets none).
    type: str
  events:
    description:
      - What triggers it. Omitted, an existing hook's events are left as they are; a new hook gets V(push).
      - V(note) (comments) needs O(note_filter).
    type: list
    elements: str
    choices: [push, tag_push, merge_request, note]
  push_branch_regex:
    description:
      - A regular expression (not a wildcard) for the branches whose pushes trigger the hook; it must compile. At most 500
        characters. A new hook with V(push) and none gets V(.*), every branch. An empty one is refused with V(push) events
        (the service takes push events only with a filter).
    type: str
  note_filter:
    description: The comment texts that trigger the hook on V(note) events; at most 10 texts of at most 50 characters.
    type: list
    elements: str
  secret:
    description:
      - The secret the service sends with each delivery (the API calls it C(token)), at most 2,000 characters.
      - It cannot be compared, since the service shows only a mask. See O(secret_update) for when it is sent.
    type: str
  secret_header:
    description:
      - The header the secret travels in. Omitted, an existing hook's is left as it is; a new hook gets V(X-Repo-Token).
    type: str
    choices: [X-Repo-Token, X-Gitlab-Token, X-Auth-Token]
  secret_update:
    description:
      - V(on_create) sends O(secret) only when the hook is created; changing another setting of the hook keeps the secret
        the service holds.
      - V(always) sends it on every run (to rotate it); each such run reports C(changed), since nobody can tell whether it
        differed.
    type: str
    choices: [on_create, always]
    default: on_create
  webhooks:
    description:
      - Several webhooks in one task, each with C(url) and the settings above. Mutually exclusive with O(url).
    type: list
    elements: dict
    suboptions:
      url: {description: As O(url)., type: str, required: true}
      name: {description: As O(name)., type: str}
      events:
        description: As O(events).
        type: list
        elements: str
        choices: [push, tag_push, merge_request, note]
      push_branch_regex: {description: As O(push_branch_regex)., type: str}
      note_filter: {description: As O(note_filter)., type: list, elements: str}
      secret: {description: As O(secret)., type: str}
      secret_header: {description: As O(secret_header)., type: str, choices: [X-Repo-Token, X-Gitlab-Token, X-Auth-Token]}
  state:
    description: Whether the webhooks named should be V(present) or V(absent).
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With V(true), the repository has exactly the webhooks of O(webhooks) afterwards; every other one is deleted, after
        the new ones are added. An empty list is refused unless O(allow_no_webhooks=true).
    type: bool
    default: false
  allow_no_webhooks:
    description: Let O(exclusive) with an empty O(webhooks) delete every webhook of the repository.
    type: bool
    default: false
seealso:
  - module: huaweicloud.codearts.codearts_repository
"""

EXAMPLES = r"""
- name: The CI webhook, its secret from a vault
  huaweicloud.codearts.codearts_repository_webhook:
    region: cn-north-4
    token: "{{ codearts_token }}"
    repository: my-project/backend/api/service
    url: https://ci.example.com/hook
    name: ci
    events: [push, merge_request]
    push_branch_regex: "^(master|release/.*)$"
    secret: "{{ vault_ci_hook_secret }}"

- name: Rotate the secret
  huaweicloud.codearts.codearts_repository_webhook:
    region: cn-north-4
    token: "{{ codearts_token }}"
    repository: my-project/backend/api/service
    url: https://ci.example.com/hook
    secret: "{{ vault_ci_hook_new_secret }}"
    secret_update: always
"""

RETURN = r"""
webhooks:
  description: The repository's webhooks after the task, as the service lists them, without their secrets.
  returned: success
  type: list
  elements: dict
  contains:
    id: {description: The hook's id (V(null) for one check mode predicts)., type: int}
    url: {description: Its address., type: str}
    name: {description: Its name., type: str}
    events: {description: What triggers it., type: list, elements: str}
    push_branch_regex: {description: The branches whose pushes trigger it., type: str}
    note_filter: {description: The comment texts that trigger it., type: list, elements: str}
    secret_header: {description: The header its secret travels in., type: str}
    created_at: {description: When it was added., type: str}
added: {description: The webhooks the task added., returned: success, type: list, elements: dict}
removed: {description: The webhooks the task deleted., returned: success, type: list, elements: dict}
updated: {description: The webhooks the task changed in place., returned: success, type: list, elements: dict}
diff:
  description: Under C(before) and C(after), C(webhooks) maps each webhook's URL to its settings.
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
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.webhook_task import wanted_hooks
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.webhooks import Webhooks


def run(module):
    params = module.params
    repository, project_id = checked_repository(params["repository"]), checked_project_id(params["project_id"])
    wanted = wanted_hooks(params)
    client = build_client(module)
    found = find_repository_unless_gone(client, repository, project_id, params["state"], module.warn)
    if found is None:
        return nothing_there(Webhooks(found))
    return reconcile(module, client, Webhooks(found), wanted, params["state"], params["exclusive"])


def hook_options(**url):
    return dict(url=dict(type="str", **url), name=dict(type="str"),
                events=dict(type="list", elements="str", choices=["push", "tag_push", "merge_request", "note"]),
                push_branch_regex=dict(type="str"), note_filter=dict(type="list", elements="str"),
                secret=dict(type="str", no_log=True),
                secret_header=dict(type="str", choices=["X-Repo-Token", "X-Gitlab-Token", "X-Auth-Token"], no_log=False))


def main():
    CodeArtsModule(repository_argument_spec(
        secret_update=dict(type="str", choices=["on_create", "always"], default="on_create", no_log=False),
        webhooks=dict(type="list", elements="dict", options=hook_options(required=True)),
        state=dict(type="str", choices=["present", "absent"], default="present"),
        exclusive=dict(type="bool", default=False), allow_no_webhooks=dict(type="bool", default=False),
        **hook_options()), mutually_exclusive=[("url", "webhooks")],
        ignored_when_absent=("name", "events", "push_branch_regex", "note_filter", "secret", "secret_header")).run(run)


if __name__ == "__main__":
    main()
