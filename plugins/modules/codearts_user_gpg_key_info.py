#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_user_gpg_key_info
short_description: List the GPG keys of a CodeArts Repo user
version_added: 0.3.0
description:
  - Reads the GPG keys of the user the credentials belong to, with C(GET /v4/user/gpg-keys). Changes nothing.
  - The API reference and the official SDK describe the answer as one key object, not a list; a service that sends a
    list is read too. Either way the module returns a list.
  - CodeArts Repo v4 has no call to add or delete a GPG key.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.IAM_PROJECT
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description: Can run in check mode and return the same data, since it only reads.
    support: full
  diff_mode:
    description: Reads only, so there is never a difference to show.
    support: N/A
options:
  fingerprint:
    description:
      - Return only the key with this fingerprint, 40 hexadecimal digits (64 for OpenPGP v5 keys). Letter case, spaces
        and a leading C(0x) are ignored; any other value is refused before any request.
    type: str
  primary_keyid:
    description:
      - Return only the key with this primary key id, the 16 hexadecimal digits of the long key id. Letter case, spaces
        and a leading C(0x) are ignored; any other value, a short 8-digit id included, is refused before any request.
    type: str
seealso:
  - module: huaweicloud.codearts.codearts_user_email_info
"""

EXAMPLES = r"""
- name: Read the user's GPG keys
  huaweicloud.codearts.codearts_user_gpg_key_info:
    region: cn-north-4
    token: "{{ codearts_token }}"
  register: codearts_gpg

- name: Check that the signing key is registered
  ansible.builtin.assert:
    that: codearts_gpg.gpg_keys | selectattr('primary_keyid', 'equalto', '3AA5C34371567BD2') | list | length == 1
"""

RETURN = r"""
gpg_keys:
  description: The user's GPG keys that match the filters, each as the service sends it (unknown fields included).
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The key's id.
      type: int
      sample: 10
    title:
      description: The key's title.
      type: str
      sample: laptop
    fingerprint:
      description: The key's fingerprint.
      type: str
      sample: 5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2
    primary_keyid:
      description: The primary key's id.
      type: str
      sample: 3AA5C34371567BD2
    key:
      description: The public key, ASCII-armoured.
      type: str
    emails_with_verified_status:
      description: Each email of the key, and whether CodeArts Repo has verified it.
      type: dict
    subkeys:
      description: The key's subkeys.
      type: list
      elements: dict
    created_at:
      description: When the key was added.
      type: str
msg:
  description: On failure, what the service answered (HTTP status, its error code and message, the request id) and what to do.
  returned: failure
  type: str
status:
  description: The HTTP status of the answer that made the task fail; V(null) when there was none.
  returned: failure
  type: int
error_code:
  description: The service's error code; V(null) when it gave none.
  returned: failure
  type: str
error_msg:
  description: The service's error message; V(null) when it gave none.
  returned: failure
  type: str
request_id:
  description: The C(X-Request-Id) of the answer, to quote to Huawei Cloud support; V(null) when there was none.
  returned: failure
  type: str
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.gpg_keys import list_gpg_keys, matching
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec


def read(module):
    fingerprint, primary_keyid = module.params["fingerprint"], module.params["primary_keyid"]
    matching([], fingerprint, primary_keyid)  # the filters are checked before any request
    return dict(changed=False, gpg_keys=matching(list_gpg_keys(build_client(module)), fingerprint, primary_keyid))


def main():
    CodeArtsModule(codearts_argument_spec(fingerprint=dict(type="str"), primary_keyid=dict(type="str", no_log=False))).run(read)


if __name__ == "__main__":
    main()
