# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Whether HTTPS clone and push accept the user's Huawei Cloud (IAM) login password."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_HTTPS_CLONE_MODE, UPDATE_HTTPS_CLONE_MODE
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.confirmed_write import write_confirmed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted

WORDS = {"true": True, "false": False}


def read_iam_auth(client):
    """The setting as a bool. The API documents a bare true or false; a JSON boolean or "true" is read too."""
    answer = client.call(READ_HTTPS_CLONE_MODE)
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, str) and answer.strip().lower() in WORDS:
        return WORDS[answer.strip().lower()]
    raise CodeArtsRequestError(
        READ_HTTPS_CLONE_MODE.method, READ_HTTPS_CLONE_MODE.path,
        "the service answered with %s, not true or false" % quoted(repr(answer), 60),
        hint="Report this answer to Huawei Cloud support.", nothing_changed=True)


def write_iam_auth(client, iam_auth):
    """Set it; return True when the answer was lost and a read showed it landed. Never sent twice."""
    # The SDK's model (UpdateHttpsPasswordSetting) types the field as a string, and sends "true" or "false".
    body = {"https_clone_iam_auth": "true" if iam_auth else "false"}
    _answer, confirmed_by_reading = write_confirmed(
        client, UPDATE_HTTPS_CLONE_MODE, body, read_iam_auth, lambda current: current is iam_auth,
        "the HTTPS clone setting")
    return confirmed_by_reading
