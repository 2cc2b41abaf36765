#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_user_https_clone_info
short_description: Read whether HTTPS clone and push to CodeArts Repo accept the Huawei Cloud login password
version_added: 0.4.0
description:
  - Reads the HTTPS clone authentication mode of the user the credentials belong to
    (C(GET /v4/user/https-password-setting)), for an audit that must report C(ok) and change nothing.
  - The service's answer is read leniently (a bare V(true), the text V("true") or a JSON boolean); any other answer
    fails the task.
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
seealso:
  - module: huaweicloud.codearts.codearts_user_https_clone
"""

EXAMPLES = r"""
- name: Read the HTTPS clone mode
  huaweicloud.codearts.codearts_user_https_clone_info:
    region: cn-north-4
    token: "{{ codearts_token }}"
  register: https_mode

- name: Flag a user whose HTTPS clone still accepts the login password
  ansible.builtin.debug:
    msg: "HTTPS clone accepts the Huawei Cloud login password"
  when: https_mode.iam_auth
"""

RETURN = r"""
iam_auth:
  description: Whether HTTPS clone and push accept the user's Huawei Cloud (IAM) login password.
  returned: success
  type: bool
  sample: false
msg:
  description: On failure, what the service answered (HTTP status, its error code and message, the request id) and what to do.
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
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.https_clone import read_iam_auth


def read(module):
    return dict(changed=False, iam_auth=read_iam_auth(build_client(module)))


def main():
    CodeArtsModule(codearts_argument_spec()).run(read)


if __name__ == "__main__":
    main()
