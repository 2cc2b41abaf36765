#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_user_ssh_key
short_description: Make the SSH keys of a CodeArts Repo user what the task says
version_added: 0.3.0
description:
  - Adds (C(POST /v4/user/keys)) and deletes (C(DELETE /v4/user/keys/{id})) SSH public keys of the user the credentials
    belong to, after reading every page of the user's keys (C(GET /v4/user/keys)).
  - A key is identified by its type and its decoded blob. The comment and the white space between the fields do not
    count, and neither does the title, since the API cannot rename a key (see O(retitle)).
  - A key can belong to one CodeArts Repo user only. Adding a key another user holds fails saying so.
  - An add is never sent twice. After an unclear failure the keys are listed again and the key looked for first.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description: Only the reads are sent. The task reports the same C(changed), diff and keys the real run would.
    support: full
  diff_mode:
    description: The diff lists the keys before and after, each as its title, type and SHA-256 fingerprint.
    support: full
options:
  key:
    description:
      - One public key line, C(TYPE BASE64 [COMMENT]), as in a C(.pub) file. Fields may be split by any white space.
      - The blob must decode, and the type it holds must be the declared one. At most 1,000 characters, so an RSA key of
        8,192 bits does not fit. A private key is refused before any request, and never shown.
      - Mutually exclusive with O(keys).
    type: str
  title:
    description: The title of O(key). Defaults to the key's comment, or V(ansible) when it has none. At most 1,000 characters.
    type: str
  keys:
    description: Several keys in one task, each with its own O(keys[].key) and O(keys[].title), checked like O(key).
    type: list
    elements: dict
    suboptions:
      key:
        description: The public key line.
        type: str
        required: true
      title:
        description: Its title.
        type: str
  state:
    description: Whether the keys named should be V(present) or V(absent).
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With V(true), the user has exactly the keys of O(keys) afterwards. Every other key is deleted, after the new ones
        are added. Needs O(keys); an empty list is refused unless O(allow_no_keys=true).
    type: bool
    default: false
  allow_no_keys:
    description: Let O(exclusive) with an empty O(keys) delete every key of the user.
    type: bool
    default: false
  retitle:
    description:
      - When a key is present under another title, delete it and add it again with the task's title. Access with that key
        drops for a moment. With V(false) (the default) the title of a present key is left as it is.
    type: bool
    default: false
seealso:
  - module: huaweicloud.codearts.codearts_user_ssh_key_info
"""

EXAMPLES = r"""
- name: Give the user their laptop key
  huaweicloud.codearts.codearts_user_ssh_key:
    region: cn-north-4
    token: "{{ codearts_token }}"
    key: "{{ lookup('ansible.builtin.file', 'id_ed25519.pub') }}"
    title: laptop

- name: Exactly these keys, nothing else
  huaweicloud.codearts.codearts_user_ssh_key:
    region: cn-north-4
    token: "{{ codearts_token }}"
    exclusive: true
    keys:
      - {key: "{{ laptop_key }}", title: laptop}
      - {key: "{{ ci_key }}", title: ci}
"""

RETURN = r"""
ssh_keys:
  description: The user's keys after the task (in check mode, as the real run would leave them; new keys have no id yet).
  returned: success
  type: list
  elements: dict
  contains:
    id: {description: The key's id., type: int}
    title: {description: Its title., type: str}
    type: {description: Its type., type: str, sample: ssh-ed25519}
    fingerprint: {description: "Its SHA-256 fingerprint, as C(ssh-keygen -l) shows it.", type: str}
    created_at: {description: When it was added., type: str}
diff:
  description:
    - Under C(before) and C(after), C(ssh_keys) is the list of the keys, each as its title, type and fingerprint.
  returned: success
  type: dict
msg:
  description: On failure, what the service answered and what to do.
  returned: failure
  type: str
status: {description: The HTTP status of the answer that made the task fail; V(null) when there was none., returned: failure, type: int}
error_code: {description: The service's error code; V(null) when it gave none., returned: failure, type: str}
error_msg: {description: The service's error message; V(null) when it gave none., returned: failure, type: str}
request_id: {description: The C(X-Request-Id) of the answer; V(null) when there was none., returned: failure, type: str}
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.reconcile import reconcile
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.ssh_keys import wanted_keys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.ssh_keys import UserSshKeys


def run(module):
    params = module.params
    wanted = wanted_keys(params)
    return reconcile(module, build_client(module), UserSshKeys(), wanted, params["state"], params["exclusive"])


def main():
    CodeArtsModule(codearts_argument_spec(
        # Public keys are not secrets; a private key pasted by mistake is, wherever it is (CodeArtsModule masks it).
        key=dict(type="str", no_log=False), title=dict(type="str"),
        keys=dict(type="list", elements="dict", no_log=False,
                  options=dict(key=dict(type="str", required=True, no_log=False), title=dict(type="str"))),
        state=dict(type="str", choices=["present", "absent"], default="present"),
        exclusive=dict(type="bool", default=False), allow_no_keys=dict(type="bool", default=False),
        retitle=dict(type="bool", default=False),
    ), mutually_exclusive=[("key", "keys")], required_one_of=[("key", "keys")]).run(run)


if __name__ == "__main__":
    main()
