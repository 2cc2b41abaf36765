# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The CodeArts Repo user-email calls."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import (
    READ_USER_EMAILS,
    SEND_EMAIL_VERIFY_CODE,
    UPDATE_USER_EMAIL,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.confirmed_write import write_confirmed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email_address import same_email
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError

USER_EMAILS_PATH = READ_USER_EMAILS.path
VERIFY_CODE_PATH = SEND_EMAIL_VERIFY_CODE.path


def read_user(client):
    """The user object as the service sends it (unknown fields included).

    Its commit_email is what the modules decide on, so anything but a text or null there is an error.
    """
    user = client.call(READ_USER_EMAILS)
    email = user.get("commit_email")
    if email is not None and not isinstance(email, str):
        raise CodeArtsRequestError(
            "GET", USER_EMAILS_PATH, "the service answered with a commit_email that is a %s, not an email address"
            % type(email).__name__, hint="Report this answer to Huawei Cloud support.", nothing_changed=True)
    return user


def send_verify_code(client, email):
    """Ask the service to mail a verification code to email. Never repeated after an unclear failure."""
    try:
        return client.call(SEND_EMAIL_VERIFY_CODE, {"email": email})
    except CodeArtsRequestError as exc:
        if exc.may_have_been_applied:
            raise exc.with_hint(
                "The request may have reached the service, so a code may have been mailed to %s: look in that mailbox "
                "before running again, and run with verify_code set to the code if one arrived." % email) from None
        raise


def write_email(client, email, verify_code=None):
    """PUT the email; return (user, confirmed_by_reading).

    A verification code is single-use, so after a failure that may have left the change applied the user
    is read again instead of writing twice (confirmed_write).
    """
    body = {"email": email}
    if verify_code:
        body["verify_code"] = verify_code
    return write_confirmed(client, UPDATE_USER_EMAIL, body, read_user,
                           lambda user: same_email(user.get("commit_email"), email), "the user's email")
