"""Deploy keys: add (v2, wrapped), list and delete (v4).

  POST   /v2/repositories/{id}/deploy-keys           {application, can_push, key, key_title}: HTTP 200, wrapped
         {"result": {key_id as a string, key_title, key, can_push, created_at (v2 form)}, "status": "success"};
         the same key twice in one repository: HTTP 200, status failed, CH.080002
  GET    /v4/repositories/{id}/deploy-keys           [{id, title, fingerprint, created_at}] + X-Total: no key, no can_push
  DELETE /v4/repositories/{id}/deploy-keys/{key_id}  204
The key is stored as "TYPE BLOB": the comment and extra spaces are dropped, so the key answered differs from the
key sent when it had a comment. The fingerprint's form is per repository (FINGERPRINTS).
"""

import base64
import binascii
import hashlib
import struct

from codearts_emulator import v4_answers, wrapped
from codearts_emulator.repository_access import v4_repository, wrapped_repository_by_id
from codearts_emulator.repository_store import now, v2_time

KEY_TYPES = ("ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
             "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com")


def _md5_hex(blob):
    digest = hashlib.md5(blob).hexdigest()
    return ":".join(digest[index:index + 2] for index in range(0, len(digest), 2))


FINGERPRINTS = {
    "md5": _md5_hex,  # aa:bb:...: GitLab's deploy-key fingerprint form (default)
    "md5_prefixed": lambda blob: "MD5:" + _md5_hex(blob),  # as ssh-keygen -l -E md5 prints it
    "sha256": lambda blob: "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("="),
}


def parse_key(line):
    """(normalised "TYPE BLOB", decoded blob) of a public key line, or (None, None)."""
    if not isinstance(line, str) or "PRIVATE KEY" in line or len(line) > 5000:
        return None, None
    fields = line.split()
    if len(fields) < 2 or fields[0] not in KEY_TYPES:
        return None, None
    try:
        blob = base64.b64decode(fields[1], validate=True)
        (length,) = struct.unpack(">I", blob[:4])
    except (binascii.Error, ValueError, struct.error):
        return None, None
    if blob[4:4 + length] != fields[0].encode("ascii"):
        return None, None
    return "%s %s" % (fields[0], fields[1]), blob


def fingerprint(repo, key):
    return FINGERPRINTS[repo.fingerprint](parse_key(key["key"])[1])


def _problem(body):
    if not isinstance(body, dict):
        return "the body must be an object"
    if not isinstance(body.get("application"), str):
        return "application is required"
    if not isinstance(body.get("can_push"), bool):
        return "can_push is required: true or false"
    title = body.get("key_title")
    if not isinstance(title, str) or not 1 <= len(title) <= 255:
        return "key_title is required: 1-255 characters"
    if parse_key(body.get("key"))[0] is None:
        return "key must be one public key line (TYPE BASE64 [COMMENT])"
    return None


def holders(store, repo, normalised):
    """The repositories where this key already is: this one only, or every one with deploy_key_scope tenant."""
    scope = store.repositories.repositories() if store.repositories.deploy_key_scope == "tenant" else [repo]
    return [other for other in scope if any(key["key"] == normalised for key in other.deploy_keys)]


def add_key(store, repo, title, line, can_push, application=""):
    """Store a key; can_push as the repository's policy makes it ('ignored': always stored false)."""
    key = {"id": store.repositories.next_id("deploy_key"), "title": title, "key": parse_key(line)[0],
           "can_push": can_push and repo.can_push == "honoured", "application": application, "created_at": now()}
    repo.deploy_keys.append(key)
    return key


def add_v2(store, user, body, request):
    repo, refusal = wrapped_repository_by_id(store, user, request, "write")
    if refusal:
        return refusal
    problem = _problem(body)
    if problem:
        return wrapped.param_invalid(problem)
    if body["can_push"] and repo.can_push == "refused":
        return wrapped.refusal(wrapped.CAN_PUSH_REFUSED, "can_push must be false.")
    if holders(store, repo, parse_key(body["key"])[0]):
        return wrapped.refusal(wrapped.KEY_EXISTS, "The deploy key already exists.")
    key = add_key(store, repo, body["key_title"], body["key"], body["can_push"], body["application"])
    return wrapped.success({"key_id": str(key["id"]), "key_title": key["title"], "key": key["key"],
                            "can_push": key["can_push"], "created_at": v2_time(key["created_at"])})


def list_v4(store, user, body, request):
    repo, refusal = v4_repository(store, user, request, "read")
    if refusal:
        return refusal
    status, items, headers = v4_answers.page(repo.deploy_keys, request, total_header=True)
    if status != 200:
        return status, items, headers
    return 200, [{"id": key["id"], "title": key["title"], "fingerprint": fingerprint(repo, key),
                  "created_at": key["created_at"]} for key in items], headers


def delete_v4(store, user, body, request):
    repo, refusal = v4_repository(store, user, request, "write")
    if refusal:
        return refusal
    key_id = int(request.params["key_id"])
    key = next((key for key in repo.deploy_keys if key["id"] == key_id), None)
    if key is None:
        return v4_answers.not_found("The deploy key")
    repo.deploy_keys.remove(key)
    return 204, None
