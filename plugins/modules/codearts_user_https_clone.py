#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_user_https_clone
short_description: Set whether HTTPS clone and push to CodeArts Repo accept the Huawei Cloud login password
version_added: 0.3.0
description:
  - Makes the HTTPS clone authentication mode of the user the credentials belong to what the task says, with
    C(PUT /v4/user/https-password-setting), after reading it (C(GET /v4/user/https-password-setting)).
  - When the setting already matches, nothing else is sent and the task reports no change.
  - An account upgraded to a HUAWEI ID loses the tenant-level option to use the login password (IAM users keep it),
    and federated users cannot use HTTPS clone at all; the service refuses the change for them.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.IAM_PROJECT
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description: Only the read is sent. The task reports the same C(changed) and diff the real run would.
    support: full
  diff_mode:
    description: The diff holds the setting before and after.
    support: full
options:
  iam_auth:
    description:
      - V(true) to let HTTPS clone and push accept the user's Huawei Cloud (IAM) login password; V(false) to accept only
        the user's own HTTPS password set in CodeArts Repo.
      - The service's answer is read leniently (a bare V(true), the text V("true") or a JSON boolean). The change is sent
        as the official SDK sends it, with C(https_clone_iam_auth) set to the text V(true) or V(false).
    type: bool
    required: true
seealso:
  - module: huaweicloud.codearts.codearts_user_email
"""

EXAMPLES = r"""
- name: Let HTTPS clone accept only the user's own HTTPS password
  huaweicloud.codearts.codearts_user_https_clone:
    region: cn-north-4
    token: "{{ codearts_token }}"
    iam_auth: false
"""

RETURN = r"""
iam_auth:
  description: Whether HTTPS clone accepts the login password after the task (in check mode, after the real run would).
  returned: success
  type: bool
  sample: false
diff:
  description: The setting before and after the task.
  returned: success
  type: dict
  sample: {before: {iam_auth: true}, after: {iam_auth: false}}
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
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.https_clone import read_iam_auth, write_iam_auth
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.setting import ensure_setting


def run(module):
    return ensure_setting(build_client(module), "iam_auth", module.params["iam_auth"], read_iam_auth, write_iam_auth,
                          module.check_mode, module.warn)


def main():
    CodeArtsModule(codearts_argument_spec(iam_auth=dict(type="bool", required=True))).run(run)


if __name__ == "__main__":
    main()
