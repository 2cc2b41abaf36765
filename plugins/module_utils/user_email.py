# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The CodeArts Repo user-email calls."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils.email_address import same_email
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsRequestError

USER_EMAILS_PATH = "/v4/user/emails"
VERIFY_CODE_PATH = "/v4/user/email-verify-code"


def read_user(client):
    """The user object as the service sends it (unknown fields included).

    Its commit_email is what the modules decide on, so anything but a text or null there is an error.
    """
    user = client.get(USER_EMAILS_PATH)
    email = user.get("commit_email")
    if email is not None and not isinstance(email, str):
        raise CodeArtsRequestError(
            "GET", USER_EMAILS_PATH, "the service answered with a commit_email that is a %s, not an email address"
            % type(email).__name__, hint="Nothing was changed. Report this answer to Huawei Cloud support.")
    return user


def send_verify_code(client, email):
    """Ask the service to mail a verification code to email. Never repeated after an unclear failure."""
    try:
        return client.post(VERIFY_CODE_PATH, {"email": email})
    except CodeArtsRequestError as exc:
        if exc.may_have_been_applied:
            raise exc.with_hint(
                "The request may have reached the service, so a code may have been mailed to %s: look in that mailbox "
                "before running again, and run with verify_code set to the code if one arrived." % email) from None
        raise


def write_email(client, email, verify_code=None):
    """PUT the email; return (user, confirmed_by_reading).

    When the PUT fails in a way that may have left it applied (no answer, a dropped connection, a
    5xx), the user is read again instead of writing twice: a verification code is single-use. If
    the service now reports the email, the write landed and the user read is returned with
    confirmed_by_reading True; otherwise the original error is raised.
    """
    body = {"email": email}
    if verify_code:
        body["verify_code"] = verify_code
    try:
        return client.put(USER_EMAILS_PATH, body), False
    except CodeArtsRequestError as write_error:
        if not write_error.may_have_been_applied:
            raise
        unclear = write_error
    try:
        user = read_user(client)
    except CodeArtsRequestError as read_error:
        raise unclear.with_hint(
            "The change may or may not have been applied, and reading the user to find out failed too (%s). "
            "Check the email in CodeArts Repo before running again." % read_error.summary) from None
    if same_email(user.get("commit_email"), email):
        return user, True
    raise unclear.with_hint("Reading the user afterwards shows the change was not applied.")
