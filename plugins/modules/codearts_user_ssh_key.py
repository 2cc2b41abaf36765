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
  - huaweicloud.codearts.codearts.IAM_PROJECT
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
      - Mutually exclusive with O(keys) and O(fingerprint).
    type: str
  title:
    description:
      - The title of O(key). Defaults to the key's comment, or V(ansible) when it has none. 1 to 1,000 characters.
      - With O(state=absent) and neither O(key) nor O(keys), the exact title of the key to remove. Two different keys
        sharing it are refused, naming both; remove one by O(fingerprint) then.
      - Refused beside O(keys), whose items have their own titles.
    type: str
  keys:
    description:
      - Several keys in one task. Each item is a public key line (as the lines of a C(.pub) file or an C(authorized_keys)
        file are), or a dictionary with C(key), the line, and C(title), its title (the key's comment, or V(ansible),
        when omitted). Each line is checked like O(key).
    type: list
    elements: raw
  fingerprint:
    description:
      - With O(state=absent), remove the key with this SHA-256 fingerprint, as C(ssh-keygen -l) prints it (with or
        without C(SHA256:)), in every copy the service lists; the way to remove a key whose C(.pub) file is gone.
        RV(huaweicloud.codearts.codearts_user_ssh_key_info#module:ssh_keys[].fingerprint) lists them.
      - Anything else, an MD5 fingerprint included, is refused before any request; so is O(fingerprint) with O(key) or O(keys).
    type: str
  state:
    description: Whether the keys named should be V(present) or V(absent).
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With V(true), the user has exactly the keys of O(keys) afterwards, each once. Every other key is deleted, after the
        new ones are added. Needs O(keys); an empty list is refused unless O(allow_no_keys=true).
    type: bool
    default: false
  allow_no_keys:
    description: Let O(exclusive) with an empty O(keys) delete every key of the user.
    type: bool
    default: false
  retitle:
    description:
      - When a key is present under another title, delete it (every copy the service lists) and add it again with the
        task's title. Access with that key drops for a moment.
      - With V(false) (the default) the title of a present key is left as it is, and a warning says so.
      - A title the service stores HTML-escaped, normalised (NFC) or cut to its length limit counts as the same title.
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
      - "{{ lookup('ansible.builtin.file', 'ci.pub') }}"

- name: Remove a key whose .pub file is gone, by the fingerprint ssh-keygen -l printed for it
  huaweicloud.codearts.codearts_user_ssh_key:
    region: cn-north-4
    token: "{{ codearts_token }}"
    fingerprint: "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"
    state: absent
"""

RETURN = r"""
ssh_keys:
  description:
    - The user's keys after the task, as the service lists them (in check mode, as the real run would leave them; new
      keys have no id yet).
  returned: success
  type: list
  elements: dict
  contains:
    id: {description: The key's id., type: int}
    title: {description: Its title., type: str}
    type: {description: Its type., type: str, sample: ssh-ed25519}
    fingerprint: {description: "Its SHA-256 fingerprint, as C(ssh-keygen -l) shows it.", type: str}
    key: {description: "Its public key line, as the service lists it (V(null) when that does not parse).", type: str}
    created_at: {description: When it was added., type: str}
added:
  description: The keys the task added, with the fields of RV(ssh_keys).
  returned: success
  type: list
  elements: dict
removed:
  description: The keys the task deleted (a retitled key is both removed and added), with the fields of RV(ssh_keys).
  returned: success
  type: list
  elements: dict
diff:
  description:
    - Under C(before) and C(after), C(ssh_keys) maps each key's fingerprint to its title, type and fingerprint, so a
      removed and an added key show as such.
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
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.ssh_key_task import wanted_keys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.ssh_keys import UserSshKeys


def run(module):
    params = module.params
    wanted = wanted_keys(params)
    return reconcile(module, build_client(module), UserSshKeys(), wanted, params["state"], params["exclusive"])


def main():
    CodeArtsModule(codearts_argument_spec(
        # Public keys are not secrets; a private key pasted by mistake is, wherever it is (CodeArtsModule masks it).
        key=dict(type="str", no_log=False), title=dict(type="str"), fingerprint=dict(type="str"),
        keys=dict(type="list", elements="raw", no_log=False),
        state=dict(type="str", choices=["present", "absent"], default="present"),
        exclusive=dict(type="bool", default=False), allow_no_keys=dict(type="bool", default=False),
        retitle=dict(type="bool", default=False),
    ), mutually_exclusive=[("key", "keys")]).run(run)


if __name__ == "__main__":
    main()
