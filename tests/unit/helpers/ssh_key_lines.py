"""SSH public key lines and key listings for the SSH key module's tests."""

import base64
import hashlib
import os
import struct
import subprocess

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


def keygen_fingerprint(tmp_path, line):
    """What `ssh-keygen -l -E sha256 -f` prints for the line: the fingerprint, or None when it refuses the line.

    ssh-keygen is the oracle: a machine without it fails these tests rather than skipping them."""
    path = tmp_path / "key.pub"
    path.write_text(line + "\n")
    done = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", str(path)], capture_output=True, text=True,
                          check=False)
    return done.stdout.split()[1] if done.returncode == 0 else None
