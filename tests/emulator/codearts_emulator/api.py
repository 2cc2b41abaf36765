"""The CodeArts Repo user-email API as the emulator answers it.

Each handler takes the store, the caller (a User, or None) and the decoded JSON body, and returns
(status, body). Error bodies use the shapes the real service documents.
"""

EMAILS_PATH = "/v4/user/emails"
VERIFY_CODE_PATH = "/v4/user/email-verify-code"

UNAUTHORIZED = (401, {"error_code": "DEV.00000003", "error_msg": "Authentication information expired."})
FORBIDDEN = (403, {"error_code": "CH.004403",
                   "error_msg": "Insufficient permissions. Apply for the required permissions and try again."})
NOT_FOUND = (404, {"error_code": "APIGW.0101",
                   "error_msg": "The API does not exist or has not been published in the environment"})


def param_invalid(detail, code="DEV.CH.10001"):
    return 400, {"error": {"code": code, "message": "Param invalid: %s" % detail}, "status": "failed"}


def _email_from(body):
    email = body.get("email") if isinstance(body, dict) else None
    if not isinstance(email, str) or not 1 <= len(email) <= 1000 or "@" not in email:
        return None
    return email


def get_emails(store, user, body):
    if "read" not in user.permissions:
        return FORBIDDEN
    return 200, user.public


def _refusal_of_change(user, body):
    """The answer refusing a change of email, or None when the user may make it with this body."""
    if "write" not in user.permissions:
        return FORBIDDEN
    if _email_from(body) is None:
        return param_invalid("email must be 1-1000 characters and an address")
    return None


def put_emails(store, user, body):
    refusal = _refusal_of_change(user, body)
    if refusal:
        return refusal
    email, code = body["email"], body.get("verify_code")
    if code is None and user.code_required:
        return param_invalid("verify_code is required to change the email")
    if code is not None and not store.take_code(user, email, code):
        return param_invalid("the verification code is wrong, used or expired", code="DEV.CH.10002")
    user.set_email(email)
    return 200, user.public


def post_verify_code(store, user, body):
    refusal = _refusal_of_change(user, body)
    if refusal:
        return refusal
    store.issue_code(user, body["email"])
    return 201, {"result": "Verification Code Sent"}


ROUTES = {
    ("GET", EMAILS_PATH): get_emails,
    ("PUT", EMAILS_PATH): put_emails,
    ("POST", VERIFY_CODE_PATH): post_verify_code,
}


def answer(store, method, path, token, body):
    """Return (status, body, caller name) for one API request. Call with store.lock held."""
    handler = ROUTES.get((method, path))
    if handler is None:
        return NOT_FOUND + (None,)
    user = store.users_by_token.get(token) if token else None
    if user is None:
        return UNAUTHORIZED + (None,)
    status, response = handler(store, user, body)
    return status, response, user.name
