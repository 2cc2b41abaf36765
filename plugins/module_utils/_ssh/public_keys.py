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
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.key_blobs import BlobRefused, canonical_blob

KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
             "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com")
PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z0-9 ]*-----|PuTTY-User-Key-File-\d"
                         r"|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----"
                         r"|b3BlbnNzaC1rZXktdjE")  # the last: base64 of "openssh-key-v1", an armour-less OpenSSH private key
BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{24,}")
# The DER start of PKCS#1, PKCS#8 and SEC1 private keys without their armour: a SEQUENCE whose first field is the
# version, INTEGER 0 or 1. Public keys and certificates start their SEQUENCE with another SEQUENCE or a long INTEGER.
# An encrypted PKCS#8 key starts with a SEQUENCE holding a SEQUENCE whose first field is a PKCS#5 or PKCS#12 algorithm.
DER_LENGTH = rb"(?:[\x00-\x7f]|\x81.|\x82..|\x83...)"
PRIVATE_DER = re.compile(rb"\x30" + DER_LENGTH + rb"(?:\x02\x01[\x00\x01]|\x30" + DER_LENGTH
                         + rb"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01[\x05\x0c])", re.DOTALL)
# The v4 API takes at most this many characters for a key and for a title.
MAX_CHARS = 1000


def _private_der(run):
    try:
        return bool(PRIVATE_DER.match(base64.b64decode(run[:24])))
    except (binascii.Error, ValueError):
        return False


def looks_private(text):
    """Whether text holds a private key, armoured or not (PEM, OpenSSH, PuTTY, SSH2, PGP, bare PKCS#1/#8/SEC1)."""
    text = text or ""
    return bool(PRIVATE_KEY.search(text)) or any(_private_der(run) for run in BASE64_RUN.findall(text))


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
                                  "of base64 (MD5 fingerprints are not supported). Nothing was sent to the service." % option)
    return "SHA256:" + matched.group(1)


def _refuse(where, problem):
    raise CodeArtsConfigError("%s is not a usable SSH public key: %s. Nothing was sent to the service." % (where, problem))


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
