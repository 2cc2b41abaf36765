#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: codearts_user_email
short_description: Set the email of a CodeArts Repo user
version_added: 0.1.0
description:
  - Makes the email of the user the credentials belong to what the task says, with C(PUT /v4/user/emails).
  - Reads the user first (C(GET /v4/user/emails)). When the user's C(commit_email) already equals O(email), ignoring
    surrounding white space and letter case, nothing else is sent and the task reports no change. Case is ignored
    so that a service which stores addresses in another case cannot make every run report a change.
  - The change is tried first, with O(verify_code) when given. A service that needs no code for this user changes the
    email at once. One that needs a code refuses the change; with O(send_verify_code=true) the task then has a code
    mailed to the new address (RV(verify_code_sent=true), a warning says so), and a run with O(verify_code) set to it
    changes the email.
author:
  - huaweicloud.codearts contributors (@huaweicloud)
extends_documentation_fragment:
  - huaweicloud.codearts.codearts
  - huaweicloud.codearts.codearts.IAM_PROJECT
  - huaweicloud.codearts.codearts.ACTION_GROUP
attributes:
  check_mode:
    description:
      - Only the first read is sent. The task reports the same C(changed) and diff the real run would.
      - Whether the service needs a code is known only by trying the change. Check mode predicts the change, and with
        O(send_verify_code=true) its RV(msg) says the real run may mail a code instead.
    support: full
  diff_mode:
    description: The diff holds the commit email before and after, nothing else.
    support: full
options:
  email:
    description:
      - The email address the user should have.
      - Surrounding white space is removed. An empty address, one with spaces or control characters, one without a
        single C(@) followed by a dotted domain, or one longer than 1,000 characters is rejected before any request.
    type: str
    required: true
  verify_code:
    description:
      - The verification code the service mailed to O(email). Sent with the change; never logged or shown.
      - Each code can be used once. When it is set, O(send_verify_code) is ignored.
      - An empty or blank value (as AWX sends an unanswered survey question) means no code. Surrounding white space is
        removed; a code longer than 1,000 characters or with a control character is rejected before any request.
    type: str
  send_verify_code:
    description:
      - When the email differs and no O(verify_code) is given, and the service refuses the change without a code (HTTP 400
        or 422), ask it to mail a verification code to O(email) (C(POST /v4/user/email-verify-code)). The task reports a
        change and RV(verify_code_sent=true), and warns to run again with O(verify_code).
      - When V(false), a refused change fails the task with the service's answer and a hint; nothing is mailed, so a code
        mailed earlier stays valid. Each code mailed replaces the one before.
    type: bool
    default: false
seealso:
  - module: huaweicloud.codearts.codearts_user_email_info
"""

EXAMPLES = r"""
- name: Change the email, or have a verification code mailed to the new address when the service needs one
  huaweicloud.codearts.codearts_user_email:
    region: cn-north-4
    token: "{{ codearts_token }}"
    email: dev@example.com
    send_verify_code: true

- name: Set the email with the code from that mailbox (a second run reports no change)
  huaweicloud.codearts.codearts_user_email:
    region: cn-north-4
    token: "{{ codearts_token }}"
    email: dev@example.com
    verify_code: "{{ codearts_verify_code }}"

- name: Shared connection settings for every module of the collection
  module_defaults:
    group/huaweicloud.codearts.codearts:
      endpoint: https://codehub-ext.cn-north-4.myhuaweicloud.com
      token: "{{ codearts_token }}"
  block:
    - name: Set the email, sending no code (for services that do not require one)
      huaweicloud.codearts.codearts_user_email:
        email: dev@example.com
"""

RETURN = r"""
msg:
  description:
    - What happened, in words.
    - When a code is mailed (or would be, in check mode), says to run again with O(verify_code).
    - On failure, what the service answered (HTTP status, its error code and message, the request id) and what to do.
  returned: when a verification code is mailed, and on failure
  type: str
  sample: "A verification code was mailed to dev@example.com. Run the task again with verify_code set to the code from that mailbox."
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
diff:
  description:
    - The commit email before and after the task (in check mode, after the real run would).
    - When a verification code is mailed, before and after are the same, since no email changed.
  returned: success
  type: dict
  contains:
    before:
      description: The commit email the service reported first.
      type: dict
      sample: {commit_email: alice@example.com}
    after:
      description: The commit email the user has after the task.
      type: dict
      sample: {commit_email: dev@example.com}
user:
  description:
    - The user as the service reports it after the task, from the answer to the change (no extra read).
    - When nothing was changed, or in check mode, the user as read before.
    - Has the fields of RV(huaweicloud.codearts.codearts_user_email_info#module:user) and whatever else the service sends.
  returned: success
  type: dict
  sample:
    id: 21820
    name: tr8
    username: ac105e52a4764a4c8f29b306508f016d
    state: active
    created_at: "2025-03-27T14:17:11.000+08:00"
    updated_at: "2025-05-20T15:42:31.351+08:00"
    last_activity_on: "2025-05-17"
    commit_email: dev@example.com
verify_code_sent:
  description: Whether a verification code was mailed to O(email) by this task (in check mode, whether one would be).
  returned: success
  type: bool
  sample: false
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import ensure_email


def argument_spec():
    return codearts_argument_spec(
        email=dict(type="str", required=True),
        verify_code=dict(type="str", no_log=True),
        send_verify_code=dict(type="bool", default=False),
    )


def run(module):
    return ensure_email(build_client(module), module.params, module.check_mode, module.warn)


def main():
    CodeArtsModule(argument_spec()).run(run)


if __name__ == "__main__":
    main()
