# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What counts as a verification code: checked before any request, and never quoted."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError

MAX_VERIFY_CODE_LENGTH = 1000


def checked_verify_code(value):
    """The code without surrounding white space; None when blank, as AWX sends an unanswered survey question.

    Raises CodeArtsConfigError, without quoting the code, for one the service cannot accept.
    """
    if value is None or not value.strip():
        return None
    code = value.strip()
    if len(code) > MAX_VERIFY_CODE_LENGTH:
        problem = "it is %d characters long, more than the %d the service accepts" % (len(code), MAX_VERIFY_CODE_LENGTH)
    elif any(ord(char) < 32 or ord(char) == 127 for char in code):
        problem = "it contains a control character"
    else:
        return code
    raise CodeArtsConfigError("verify_code is not usable: %s. Nothing was sent to the service." % problem)
