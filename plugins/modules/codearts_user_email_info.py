#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_user_email_info
short_description: Read the email settings of a CodeArts Repo user
version_added: 0.1.0
description:
  - Reads the email information of the user the credentials belong to, with C(GET /v4/user/emails).
  - Changes nothing.
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
  - module: huaweicloud.codearts.codearts_user_email
"""

EXAMPLES = r"""
- name: Read the CodeArts Repo user's email settings
  huaweicloud.codearts.codearts_user_email_info:
    region: cn-north-4
    token: "{{ codearts_token }}"
  register: codearts

- name: Show the commit email
  ansible.builtin.debug:
    msg: "{{ codearts.user.name }} commits as {{ codearts.user.commit_email }}"
"""

RETURN = r"""
msg:
  description:
    - What happened, in words.
    - On failure, what the service answered (HTTP status, its error code and message, the request id) and what to do.
  returned: failure
  type: str
  sample: "GET /v4/user/emails failed: the service answered with an error; HTTP status 403; ..."
status:
  description: The HTTP status of the answer that made the task fail; V(null) when there was none (for example a refused option).
  returned: failure
  type: int
  sample: 403
error_code:
  description: The service's error code, from any of the error body shapes it uses; V(null) when it gave none.
  returned: failure
  type: str
  sample: CH.004403
error_msg:
  description: The service's error message; V(null) when it gave none. Never holds a credential.
  returned: failure
  type: str
  sample: Insufficient permissions. Apply for the required permissions and try again.
request_id:
  description: The C(X-Request-Id) of the answer, to quote to Huawei Cloud support; V(null) when there was none.
  returned: failure
  type: str
  sample: 89ad47482c174e47a88777626c2efa35
user:
  description:
    - The user as the service reports it. Fields the service adds beyond those listed here are returned as they come.
  returned: success
  type: dict
  contains:
    id:
      description: User ID.
      type: int
      sample: 21820
    name:
      description: User name.
      type: str
      sample: tr8
    username:
      description: Long user ID.
      type: str
      sample: ac105e52a4764a4c8f29b306508f016d
    state:
      description: V(active), or V(blocked) for a locked user.
      type: str
      sample: active
    created_at:
      description: When the user was created.
      type: str
      sample: "2025-03-27T14:17:11.000+08:00"
    updated_at:
      description: When the user was last updated.
      type: str
      sample: "2025-05-20T15:42:31.351+08:00"
    last_activity_on:
      description: The day of the user's last activity.
      type: str
      sample: "2025-05-17"
    commit_email:
      description: The email address the user commits with.
      type: str
      sample: dev@example.com
    is_default:
      description: Whether the commit email is the default one. Not every service version sends it.
      type: bool
      returned: when the service sends it
      sample: true
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import read_user


def argument_spec():
    return codearts_argument_spec()


def read(module):
    return dict(changed=False, user=read_user(build_client(module)))


def main():
    CodeArtsModule(argument_spec()).run(read)


if __name__ == "__main__":
    main()
