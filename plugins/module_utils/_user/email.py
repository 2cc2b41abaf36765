# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user's commit email: what counts as an address and as a verification code (checked before any request, a
code never quoted), the calls that read and change it, and the flow that makes it what a task says."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.confirmed_write import write_confirmed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import (
    READ_USER_EMAILS,
    SEND_EMAIL_VERIFY_CODE,
    UPDATE_USER_EMAIL,
)


MAX_EMAIL_LENGTH = 1000
# Only A-Z: Unicode case folding makes different addresses equal (straße and STRASSE, the Kelvin sign and k).
ASCII_LOWER = dict((code, code + 32) for code in range(ord("A"), ord("Z") + 1))


def _reject(reason):
    raise CodeArtsConfigError("email is not a usable address: %s." % reason)


def checked_email(value):
    """Return the address without surrounding white space, or raise CodeArtsConfigError.

    The checks are deliberately loose (one @, a dotted domain, no spaces or control characters):
    they catch typos and templating accidents, and leave the rest to the service.
    """
    address = (value or "").strip()
    if not address:
        _reject("it is empty")
    if len(address) > MAX_EMAIL_LENGTH:
        _reject("it is %d characters long, more than the %d the service accepts" % (len(address), MAX_EMAIL_LENGTH))
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in address):
        _reject("it contains a space or a control character")
    local, at, domain = address.rpartition("@")
    if not at or not local or "@" in local:
        _reject("it must contain exactly one @ with a name before it")
    labels = domain.split(".")
    if len(labels) < 2 or not all(labels):
        _reject("the part after @ must be a domain such as example.com")
    return address


def same_email(first, second):
    """True when two addresses are the same ignoring surrounding white space and the case of A to Z.

    A service that changes the case of what it stores must not make every run report a change. Anything
    but two texts (a missing address, or a service answering with a number) is never the same.
    """
    if not isinstance(first, str) or not isinstance(second, str):
        return False
    return first.strip().translate(ASCII_LOWER) == second.strip().translate(ASCII_LOWER)


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
    raise CodeArtsConfigError("verify_code is not usable: %s." % problem)


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


NOTHING = "nothing"
SEND_CODE = "send_code"
WRITE = "write"

CODE_REQUIRED_HINT = ("The change was sent without a verification code, and the service refused it. If the service needs "
                      "a code for this user, run once with send_verify_code: true to have one mailed to %s, then with "
                      "verify_code set to it. A plain run again mails nothing, so a code already mailed stays valid.")
CODE_REFUSED_HINT = ("If the verification code is wrong, used or expired, get a new one: run again without verify_code "
                     "and with send_verify_code: true to have a new code mailed to %s, then with verify_code set to it.")
CODE_MAILED = ("The commit email is not set yet: the service needs a verification code to change it, and one was mailed to "
               "%s. Run the task again with verify_code set to that code. Each code mailed replaces the one before, so "
               "run without send_verify_code meanwhile.")
MAYBE_A_CODE_IN_CHECK_MODE = ("Check mode shows the change the task declares. Whether the service needs a verification "
                              "code for this user is known only by trying the change: if it does, the real run mails a "
                              "code to %s instead, and the email stays as it is until a run with verify_code.")


def choose_action(current_email, wanted_email, verify_code, send_code):
    """What to do: NOTHING when the email already matches, else WRITE, or SEND_CODE when the task may mail a code and has
    none: the real run then tries the change first, and mails a code only when the service refuses it; check mode
    shows the change."""
    if same_email(current_email, wanted_email):
        return NOTHING
    if send_code and not verify_code:
        return SEND_CODE
    return WRITE


def _write(client, email, verify_code, warn, before):
    user, confirmed_by_reading = write_email(client, email, verify_code)
    if confirmed_by_reading:
        warn("The answer to the change was lost, but reading the user again shows the email is now %s." % email)
    reported = user.get("commit_email")
    if same_email(reported, before) and not same_email(reported, email):
        raise CodeArtsRequestError(UPDATE_USER_EMAIL.method, UPDATE_USER_EMAIL.path, "the service answered the change with "
                                   "success, but its answer shows the commit email is still %s" % quoted(repr(before)),
                                   may_have_been_applied=True,
                                   hint="The change may not have been applied: read the email before running again.")
    if not same_email(reported, email):
        warn("The change was accepted, but the service now reports the commit email %s instead of %r."
             % (quoted(repr(reported)), email))
    return user


def _change_or_mail_a_code(client, email, verify_code, send_code, warn, before):
    """(user after the change, None) or (None, True) when the service wanted a code and one was mailed.

    The change is tried first, without a code when none is given: a service that needs none changes the email, so one
    task serves both kinds of user. A refusal (400 or 422) with no code given mails one when the task allows it."""
    try:
        return _write(client, email, verify_code, warn, before), None
    except CodeArtsRequestError as error:
        if error.status not in (400, 422):
            raise
        if verify_code or not send_code:
            raise error.with_hint((CODE_REFUSED_HINT if verify_code else CODE_REQUIRED_HINT) % email) from None
    send_verify_code(client, email)
    warn(CODE_MAILED % email)
    return None, True


def ensure_email(client, params, check_mode, warn):
    email = checked_email(params["email"])
    verify_code = checked_verify_code(params.get("verify_code"))
    current = read_user(client)
    current_email = current.get("commit_email")
    action = choose_action(current_email, email, verify_code, params["send_verify_code"])
    result = dict(changed=action != NOTHING, user=current, verify_code_sent=False,
                  diff=dict(before=dict(commit_email=current_email),
                            after=dict(commit_email=current_email if action == NOTHING else email)))
    if check_mode or action == NOTHING:
        if action == SEND_CODE:
            result["msg"] = MAYBE_A_CODE_IN_CHECK_MODE % email
        return result
    user, mailed = _change_or_mail_a_code(client, email, verify_code, params["send_verify_code"], warn, current_email)
    if mailed:
        return dict(result, verify_code_sent=True, msg=CODE_MAILED % email,
                    diff=dict(result["diff"], after=dict(commit_email=current_email)))
    # What the service holds, as its answer to the change says (a service may store another letter case).
    return dict(result, user=user, verify_code_sent=False,
                diff=dict(result["diff"], after=dict(commit_email=user.get("commit_email"))))
