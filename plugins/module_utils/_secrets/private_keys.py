# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Private keys in any armour, or in none: recognised, and cut out of a text.

A private key is refused wherever a task gives one and hidden wherever a text leaving the module holds one, an
answer of the service included: PEM (PKCS#1, PKCS#8, SEC1, encrypted), OpenSSH, PGP, PuTTY and SSH2 armour, and
bare PKCS#1, PKCS#8, encrypted PKCS#8 and SEC1 material or OpenSSH's armour-less base64.
"""

import base64
import binascii
import re

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
# Whole armoured blocks, to the end of the text where the end line is missing (a key cut off is still a key).
ARMOURED = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z0-9 ]*-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY[A-Z0-9 ]*-----|\Z)"
                      r"|PuTTY-User-Key-File-\d.*?(?:Private-MAC: *[0-9a-fA-F]+|\Z)"
                      r"|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----.*?(?:---- END SSH2 ENCRYPTED PRIVATE KEY ----|\Z)",
                      re.DOTALL)
# Once a text holds a key, every run of base64 in it may be a piece of that key (its other lines).
BASE64_PIECE = re.compile(r"[A-Za-z0-9+/=_-]{16,}")
HIDDEN = "(hidden: a private key)"


def _private_der(run):
    try:
        return bool(PRIVATE_DER.match(base64.b64decode(run[:24])))
    except (binascii.Error, ValueError):
        return False


def looks_private(text):
    """Whether text holds a private key, armoured or not (PEM, OpenSSH, PuTTY, SSH2, PGP, bare PKCS#1/#8/SEC1)."""
    text = text or ""
    return bool(PRIVATE_KEY.search(text)) or any(_private_der(run) for run in BASE64_RUN.findall(text))


def base64_pieces(text):
    """The runs of base64 in text that may be pieces of a key spread over several lines or fields."""
    return BASE64_PIECE.findall(text)


def without_private_keys(text):
    """text with each private key in it, and every run of base64 beside one, replaced by a note saying so."""
    if not looks_private(text):
        return text
    text = BASE64_PIECE.sub(HIDDEN, ARMOURED.sub(HIDDEN, text))
    return HIDDEN if looks_private(text) else text
