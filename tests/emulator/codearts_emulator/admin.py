"""The emulator's own control API under /_emulator/, for tests: never part of the CodeArts API.

GET  /_emulator/requests        the API requests received so far (verification codes redacted)
GET  /_emulator/mailbox?email=X the codes mailed to X, oldest first
GET  /_emulator/users/NAME      a user's object as the API would return it
GET  /_emulator/users           every user's object
POST /_emulator/users           add a user: {"name", "token", "commit_email", ...}
POST /_emulator/codes           make {"code"} the valid verification code of {"user"} for {"email"}
POST /_emulator/faults          arm a fault (see faults.py)
GET  /_emulator/recorder        what reached the second listener (see recorder.py)
GET  /_emulator/iam-tokens      the tokens the emulated IAM has issued (tests look for them in output)
POST /_emulator/reset           back to the seed users, with no codes, keys, faults or logged requests; an optional
                                body {"users": [...], "faults": [...], "ssh_keys": {"NAME": [{"title", "key"}]}}
                                adds users, arms faults and gives users SSH keys at once
GET  /_emulator/view?email=X    the request log, X's mailbox and what reached the recorder, in one answer
Projects, code groups and repositories (seeding them, their stored state): see admin_repositories.py; the reset
body takes their keys too.
"""

from urllib.parse import parse_qs, urlsplit

from codearts_emulator import admin_repositories

PREFIX = "/_emulator/"


def answer(store, method, target, body, recorder):
    """Return (status, body) for one control request. Call with store.lock held."""
    parts = urlsplit(target)
    path = parts.path[len(PREFIX):]
    handled = admin_repositories.answer(store, method, path, body)
    if handled is not None:
        return handled
    if method == "GET" and path == "requests":
        return 200, {"requests": store.snapshot_requests()}
    if method == "GET" and path == "mailbox":
        email = parse_qs(parts.query).get("email", [""])[0]
        return 200, {"email": email, "codes": list(store.mailbox.get(email, []))}
    if method == "GET" and path.startswith("users/"):
        user = store.find_user(path[len("users/"):])
        return (200, user.public) if user else (404, {"error": "no such user"})
    if method == "GET" and path == "users":
        return 200, {"users": [user.public for user in store.users_by_token.values()]}
    if method == "POST" and path == "codes":
        user = store.find_user((body or {}).get("user", ""))
        if user is None or not body.get("email") or not body.get("code"):
            return 400, {"error": "a code needs an existing user, an email and the code"}
        store.preset_code(user, body["email"], body["code"])
        return 201, {"preset": True}
    if method == "POST" and path == "faults":
        problem = store.faults.arm(body)
        return (400, {"error": problem}) if problem else (201, {"armed": body})
    if method == "GET" and path == "iam-tokens":
        return 200, {"tokens": sorted(store.iam_tokens)}
    if method == "GET" and path == "recorder":
        with recorder.lock:
            return 200, {"url": recorder.url, "received": list(recorder.received)}
    if method == "POST" and path == "users":
        if not isinstance(body, dict) or not body.get("name") or not body.get("token"):
            return 400, {"error": "a user needs at least name and token"}
        try:
            return 201, store.add_user(body).public
        except TypeError as exc:
            return 400, {"error": "bad user: %s" % exc}
    if method == "POST" and path == "reset":
        return _reset(store, body or {}, recorder)
    if method == "GET" and path == "view":
        email = parse_qs(parts.query).get("email", [""])[0]
        with recorder.lock:
            received = list(recorder.received)
        return 200, {"requests": store.snapshot_requests(), "codes": list(store.mailbox.get(email, [])),
                     "recorder": received}
    return 404, {"error": "unknown control request %s %s" % (method, parts.path)}


def _reset(store, body, recorder):
    store.reset()
    with recorder.lock:
        del recorder.received[:]
    for user in body.get("users", []):
        store.add_user(user)
    for name, keys in body.get("ssh_keys", {}).items():
        for key in keys:
            seeded = {"id": store.next_key_id(), "title": key["title"], "key": key["key"],
                      "created_at": "2026-11-30T09:00:00.000+08:00"}
            store.ssh_keys.setdefault(name, []).append(seeded)
    problem = admin_repositories.seed(store, body)
    if problem:
        return 400, {"error": problem}
    for fault in body.get("faults", []):
        problem = store.faults.arm(fault)
        if problem:
            return 400, {"error": problem}
    return 200, {"reset": True}
