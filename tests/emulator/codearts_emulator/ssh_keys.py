"""The user's SSH keys as the emulator keeps them: per user, paged, and unique across all users."""

from urllib.parse import parse_qs

KEYS_PATH = "/v4/user/keys"
KEY_PATH_PREFIX = KEYS_PATH + "/"
MAX_FIELD_CHARS = 1000
# The duplicate-key answer of the v1 API (POST /v1/users/sshkey), since v4's is not documented.
DUPLICATE = (400, {"error_code": "CH.080002", "error_msg": "The key already exists. Generate a new one."})


def identity(line):
    """What makes two key lines the same key: the type and the blob, whatever the comment or spacing."""
    fields = (line or "").split()
    return tuple(fields[:2])


def _page_bounds(query):
    values = parse_qs(query or "")
    try:
        offset = int(values.get("offset", ["0"])[0])
        limit = int(values.get("limit", ["20"])[0])
    except ValueError:
        return None
    if offset < 0 or not 1 <= limit <= 100:
        return None
    return offset, limit


def list_keys(store, user, body, request):
    from codearts_emulator.api import FORBIDDEN, param_invalid
    if "read" not in user.permissions:
        return FORBIDDEN
    bounds = _page_bounds(request.query)
    if bounds is None:
        return param_invalid("offset must be 0 or more and limit from 1 to 100")
    offset, limit = bounds
    keys = store.ssh_keys.get(user.name, [])
    return 200, {"keys": [dict(key) for key in keys[offset:offset + limit]], "total": len(keys)}


def add_key(store, user, body, request):
    from codearts_emulator.api import FORBIDDEN, param_invalid
    if "write" not in user.permissions:
        return FORBIDDEN
    title = body.get("title") if isinstance(body, dict) else None
    line = body.get("key") if isinstance(body, dict) else None
    if not isinstance(title, str) or not isinstance(line, str) or not 1 <= len(title) <= MAX_FIELD_CHARS \
            or not 1 <= len(line) <= MAX_FIELD_CHARS or len(identity(line)) != 2:
        return param_invalid("title and key must be 1-1000 characters, and key a public key line")
    wanted = identity(line)
    if any(identity(key["key"]) == wanted for keys in store.ssh_keys.values() for key in keys):
        return DUPLICATE
    key = {"id": store.next_key_id(), "title": title, "key": line, "created_at": "2026-11-30T10:00:00.000+08:00"}
    store.ssh_keys.setdefault(user.name, []).append(key)
    return 201, dict(key)


def delete_key(store, user, body, request):
    from codearts_emulator.api import FORBIDDEN, NOT_FOUND
    if "write" not in user.permissions:
        return FORBIDDEN
    try:
        key_id = int(request.path[len(KEY_PATH_PREFIX):])
    except ValueError:
        return NOT_FOUND
    keys = store.ssh_keys.get(user.name, [])
    kept = [key for key in keys if key["id"] != key_id]
    if len(kept) == len(keys):
        return 404, {"error_code": "CH.080404", "error_msg": "The SSH key does not exist."}
    store.ssh_keys[user.name] = kept
    return 204, None
