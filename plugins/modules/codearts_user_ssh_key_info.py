#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_user_ssh_key_info
short_description: List the SSH keys of a CodeArts Repo user
version_added: 0.3.0
description:
  - Reads every page of the SSH keys of the user the credentials belong to (C(GET /v4/user/keys)), 100 keys a page,
    until a short page. The answer's C(total) and the service's title filter are not relied on. Changes nothing.
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
  title:
    description: Return only the keys with exactly this title.
    type: str
  fingerprint:
    description:
      - Return only the key with this SHA-256 fingerprint, as C(ssh-keygen -l) shows it (with or without C(SHA256:)).
      - Anything else, an MD5 fingerprint included, is refused before any request.
    type: str
seealso:
  - module: huaweicloud.codearts.codearts_user_ssh_key
"""

EXAMPLES = r"""
- name: List the user's SSH keys
  huaweicloud.codearts.codearts_user_ssh_key_info:
    region: cn-north-4
    token: "{{ codearts_token }}"
  register: codearts_keys

- name: Show their fingerprints
  ansible.builtin.debug:
    msg: "{{ codearts_keys.ssh_keys | map(attribute='fingerprint') | list }}"
"""

RETURN = r"""
ssh_keys:
  description: The user's keys that match the filters.
  returned: success
  type: list
  elements: dict
  contains:
    id: {description: The key's id., type: int}
    title: {description: Its title., type: str}
    type: {description: Its type (V(null) when the service's key line does not parse)., type: str, sample: ssh-ed25519}
    fingerprint: {description: "Its SHA-256 fingerprint, as C(ssh-keygen -l) shows it.", type: str}
    key:
      description:
        - Its public key line, as the service lists it (white space between the fields made single); V(null) when that
          does not parse.
        - Feed it back to M(huaweicloud.codearts.codearts_user_ssh_key) to keep or remove the key.
      type: str
    created_at: {description: When it was added., type: str}
msg:
  description: On failure, what the service answered and what to do.
  returned: failure
  type: str
status: {description: The HTTP status of the answer that made the task fail; V(null) when there was none., returned: failure, type: int}
error_code: {description: The service's error code; V(null) when it gave none., returned: failure, type: str}
error_msg: {description: The service's error message; V(null) when it gave none., returned: failure, type: str}
request_id: {description: The C(X-Request-Id) of the answer; V(null) when there was none., returned: failure, type: str}
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.ssh_keys import UserSshKeys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import checked_fingerprint


def read(module):
    title, fingerprint = module.params["title"], module.params["fingerprint"]
    fingerprint = checked_fingerprint(fingerprint) if fingerprint is not None else None
    views = [key.view for key in UserSshKeys().list(build_client(module))]
    return dict(changed=False, ssh_keys=[view for view in views if (title is None or view["title"] == title)
                                         and (fingerprint is None or view["fingerprint"] == fingerprint)])


def main():
    CodeArtsModule(codearts_argument_spec(title=dict(type="str"), fingerprint=dict(type="str"))).run(read)


if __name__ == "__main__":
    main()
