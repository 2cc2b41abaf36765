"""The emulator's own control API under /_emulator/, for tests: never part of the CodeArts API.

GET  /_emulator/requests        the API requests received so far (verification codes redacted)
GET  /_emulator/mailbox?email=X the codes mailed to X, oldest first
GET  /_emulator/users/NAME      a user's object as the API would return it
POST /_emulator/users           add a user: {"name", "token", "commit_email", ...}
POST /_emulator/reset           back to the seed users, with no codes and an empty request log
"""

from urllib.parse import parse_qs, urlsplit

PREFIX = "/_emulator/"


def answer(store, method, target, body):
    """Return (status, body) for one control request. Call with store.lock held."""
    parts = urlsplit(target)
    path = parts.path[len(PREFIX):]
    if method == "GET" and path == "requests":
        return 200, {"requests": store.snapshot_requests()}
    if method == "GET" and path == "mailbox":
        email = parse_qs(parts.query).get("email", [""])[0]
        return 200, {"email": email, "codes": list(store.mailbox.get(email, []))}
    if method == "GET" and path.startswith("users/"):
        user = store.find_user(path[len("users/"):])
        return (200, user.public) if user else (404, {"error": "no such user"})
    if method == "POST" and path == "users":
        if not isinstance(body, dict) or not body.get("name") or not body.get("token"):
            return 400, {"error": "a user needs at least name and token"}
        try:
            return 201, store.add_user(body).public
        except TypeError as exc:
            return 400, {"error": "bad user: %s" % exc}
    if method == "POST" and path == "reset":
        store.reset()
        return 200, {"reset": True}
    return 404, {"error": "unknown control request %s %s" % (method, parts.path)}
