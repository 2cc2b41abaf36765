# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""SSH public key lines: checked before any request, identified by what they are, fingerprinted as ssh-keygen does.

A key's identity is its type and its decoded blob. The comment, the title and the white space between the
fields do not count, so a rewritten comment or a tab is neither churn nor a silent no-op. A private key,
pasted where the .pub file was meant, is refused and never quoted.
"""

import base64
import binascii
import collections
import hashlib
import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.private_keys import looks_private
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.key_blobs import BlobRefused, canonical_blob

KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
             "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com")
# The v4 API takes at most this many characters for a key and for a title.
MAX_CHARS = 1000


class PublicKey(collections.namedtuple("PublicKey", "type blob comment")):
    """A parsed public key line."""

    @property
    def identity(self):
        return self.type, self.blob

    @property
    def fingerprint(self):
        """As ssh-keygen -l shows it: SHA256: and the base64 of the blob's SHA-256, without padding."""
        return "SHA256:" + base64.b64encode(hashlib.sha256(self.blob).digest()).decode("ascii").rstrip("=")

    @property
    def md5_fingerprint(self):
        """As ssh-keygen -l -E md5 shows it, without its MD5: prefix: the blob's MD5 as colon-separated hex pairs."""
        digest = hashlib.md5(self.blob).hexdigest()  # nosec: an identity, as ssh-keygen and GitLab show it, not a protection
        return ":".join(digest[index:index + 2] for index in range(0, len(digest), 2))

    @property
    def line(self):
        """The line as sent: type, blob and comment separated by single spaces."""
        fields = [self.type, base64.b64encode(self.blob).decode("ascii")] + ([self.comment] if self.comment else [])
        return " ".join(fields)


SHA256_FINGERPRINT = re.compile(r"(?:SHA256:)?([A-Za-z0-9+/]{43})=?")


def checked_fingerprint(value, option="fingerprint"):
    """A SHA-256 fingerprint as ssh-keygen -l shows it (SHA256: optional), or CodeArtsConfigError."""
    matched = SHA256_FINGERPRINT.fullmatch((value or "").strip())
    if not matched:
        raise CodeArtsConfigError("%s is not a SHA-256 fingerprint as ssh-keygen -l shows it: SHA256: and 43 characters "
                                  "of base64 (MD5 fingerprints are not supported)." % option)
    return "SHA256:" + matched.group(1)


def _refuse(where, problem):
    raise CodeArtsConfigError("%s is not a usable SSH public key: %s." % (where, problem))


def parse_public_key(text, where):
    """The PublicKey in a key line, or CodeArtsConfigError naming where (an option and list index), never quoting it."""
    if not isinstance(text, str) or not text.strip():
        _refuse(where, "it is empty")
    if looks_private(text):
        _refuse(where, "it is a private key. Give the public key, the contents of the .pub file, and keep the private "
                       "key secret")
    if len(text.strip().splitlines()) > 1:
        _refuse(where, "it holds more than one line: give one key line (use keys for several keys)")
    fields = text.split(None, 2)
    if len(fields) < 2:
        _refuse(where, "a key line has a type and a base64 blob, such as ssh-ed25519 AAAAC3Nza... user@host")
    key_type, encoded = fields[0], fields[1]
    comment = " ".join(fields[2].split()) if len(fields) > 2 else ""
    if key_type not in KEY_TYPES:
        _refuse(where, "its type %r is not one of %s (authorized_keys options before the type are not accepted)"
                % (key_type[:20], ", ".join(KEY_TYPES)))
    try:
        blob = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        _refuse(where, "its blob is not valid base64")
    if base64.b64encode(blob).decode("ascii") != encoded:  # set bits after the last byte: ssh-keygen refuses them
        _refuse(where, "its blob is not valid base64 (bits are set past its last byte)")
    _check_length(where, PublicKey(key_type, blob, comment))
    try:
        key = PublicKey(key_type, canonical_blob(key_type, blob), comment)
    except BlobRefused as refused:
        _refuse(where, str(refused))
    _check_length(where, key)
    return key


def _check_length(where, key):
    if len(key.line) > MAX_CHARS:
        _refuse(where, "it is %d characters long, and the service takes at most %d%s" % (
            len(key.line), MAX_CHARS, " (an RSA key of 8192 bits does not fit: use ed25519, or RSA of 4096 bits)"
            if key.type == "ssh-rsa" else ""))
