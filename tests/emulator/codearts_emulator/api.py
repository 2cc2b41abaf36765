"""The CodeArts Repo user-settings API (email, HTTPS clone mode, GPG keys), and IAM's password login, as the emulator answers them.
The repository-level API is routed through repository_routes.py.

Each API handler takes the store, the caller (a User) and the decoded JSON body, and returns
(status, body), or (status, body, extra headers). Error bodies use the shapes the real services document.
"""

from codearts_emulator import repository_routes, ssh_keys
from codearts_emulator.signature import SignatureRejected, verify

EMAILS_PATH = "/v4/user/emails"
VERIFY_CODE_PATH = "/v4/user/email-verify-code"
IAM_TOKENS_PATH = "/v3/auth/tokens"
HTTPS_SETTING_PATH = "/v4/user/https-password-setting"
GPG_KEYS_PATH = "/v4/user/gpg-keys"


class BareWord(str):
    """An answer body that is a bare word, not JSON: the service answers a change of the HTTPS setting with success."""


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


def get_emails(store, user, body, request=None):
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


def put_emails(store, user, body, request=None):
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


def post_verify_code(store, user, body, request=None):
    refusal = _refusal_of_change(user, body)
    if refusal:
        return refusal
    store.issue_code(user, body["email"])
    return 201, {"result": "Verification Code Sent"}


def get_https_setting(store, user, body, request=None):
    if "read" not in user.permissions:
        return FORBIDDEN
    return 200, user.https_iam_auth  # a bare true or false, as documented


def put_https_setting(store, user, body, request=None):
    if "write" not in user.permissions:
        return FORBIDDEN
    value = body.get("https_clone_iam_auth") if isinstance(body, dict) else None
    if isinstance(value, bool):  # the API page's own example sends a JSON boolean
        value = "true" if value else "false"
    if value not in ("true", "false"):
        return param_invalid("https_clone_iam_auth must be true or false")
    user.https_iam_auth = value == "true"
    return 200, BareWord("success")


def get_gpg_keys(store, user, body, request=None):
    """One key object when the user's answers follow the documented shape, else a list."""
    if "read" not in user.permissions:
        return FORBIDDEN
    if user.gpg_answer_is_object:
        return 200, user.gpg_keys[0] if user.gpg_keys else {}
    return 200, list(user.gpg_keys)


ROUTES = {
    ("GET", EMAILS_PATH): get_emails,
    ("PUT", EMAILS_PATH): put_emails,
    ("POST", VERIFY_CODE_PATH): post_verify_code,
    ("GET", HTTPS_SETTING_PATH): get_https_setting,
    ("PUT", HTTPS_SETTING_PATH): put_https_setting,
    ("GET", GPG_KEYS_PATH): get_gpg_keys,
    ("GET", ssh_keys.KEYS_PATH): ssh_keys.list_keys,
    ("POST", ssh_keys.KEYS_PATH): ssh_keys.add_key,
}
PREFIX_ROUTES = {("DELETE", ssh_keys.KEY_PATH_PREFIX): ssh_keys.delete_key}


def route(method, path):
    handler = ROUTES.get((method, path))
    if handler is None:
        handler = next((candidate for (verb, prefix), candidate in PREFIX_ROUTES.items()
                        if verb == method and path.startswith(prefix)), None)
    return handler or repository_routes.route(method, path)


def signature_refused(reason):
    return 401, {"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: %s" % reason}


def iam_error(status, title, message):
    return status, {"error": {"code": status, "message": message, "title": title}}


def identify(store, incoming):
    """(user, how the caller authenticated, refusal or None)."""
    token = incoming.headers.get("X-Auth-Token")
    if token:
        if token in store.iam_tokens:
            return store.iam_tokens[token], "iam-token", None
        user = store.users_by_token.get(token)
        return user, "token", None if user else UNAUTHORIZED
    if incoming.headers.get("Authorization"):
        try:
            user, _key = verify(store, incoming.method, incoming.path, incoming.query, incoming.headers, incoming.raw_body)
        except SignatureRejected as rejected:
            return None, "access-key", signature_refused(str(rejected))
        return user, "access-key", None
    return None, "none", UNAUTHORIZED


def password_login(store, body):
    """IAM's POST /v3/auth/tokens with the password method: (status, body, user, token or None)."""
    try:
        user_spec = body["auth"]["identity"]["password"]["user"]
        name, password, domain = user_spec["name"], user_spec["password"], user_spec["domain"]["name"]
        project = body["auth"]["scope"]["project"]["name"]
    except (KeyError, TypeError):
        return iam_error(400, "Bad Request", "The request body is invalid.") + (None, None)
    user, reason = store.login(name, password, domain)
    if user is None:
        status, title = (403, "Forbidden") if reason == "The user is locked." else (401, "Unauthorized")
        return iam_error(status, title, reason) + (store.find_user(name), None)
    token = store.issue_iam_token(user)
    return 201, {"token": {"methods": ["password"], "user": {"name": user.name, "domain": {"name": domain}},
                           "project": {"name": project}}}, user, token


def answer(store, incoming):
    """Return (status, body, caller, auth, extra headers) for one request. Call with store.lock held."""
    if (incoming.method, incoming.path) == ("POST", IAM_TOKENS_PATH):
        status, response, user, token = password_login(store, incoming.body)
        return status, response, user.name if user else None, "password", {"X-Subject-Token": token} if token else {}
    handler = route(incoming.method, incoming.path)
    if handler is None:
        return NOT_FOUND + (None, "none", {})
    user, auth, refusal = identify(store, incoming)
    if refusal:
        return refusal + (None, auth, {})
    answered = handler(store, user, incoming.body, incoming)
    return answered[0], answered[1], user.name, auth, answered[2] if len(answered) > 2 else {}
