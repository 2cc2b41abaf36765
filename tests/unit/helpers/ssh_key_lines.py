"""SSH public key lines and key listings for the SSH key module's tests."""

import base64
import hashlib
import os
import struct

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import response


def wire_string(data):
    return struct.pack(">I", len(data)) + data


def key_line(blob, comment="user@host", key_type="ssh-ed25519"):
    return ("%s %s %s" % (key_type, base64.b64encode(blob).decode("ascii"), comment)).strip()


def ed25519(comment="user@host"):
    """A new, well-formed ed25519 public key line."""
    return key_line(wire_string(b"ssh-ed25519") + wire_string(os.urandom(32)), comment)


def fingerprint(line):
    blob = base64.b64decode(line.split()[1])
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")


def listed(*keys, **kwargs):
    """The answer of one page listing keys, (line, title) pairs, with ids from first_id (default 100)."""
    first = kwargs.get("first_id", 100)
    return response(200, {"keys": [dict(id=first + index, title=title, key=line, created_at="2026-11-30")
                                   for index, (line, title) in enumerate(keys)], "total": len(keys)})
