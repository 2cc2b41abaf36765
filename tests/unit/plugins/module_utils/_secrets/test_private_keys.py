"""Recognising private keys, armoured or bare, and hiding them with every piece of base64 beside them."""

import base64

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.private_keys import (
    HIDDEN,
    looks_private,
    without_private_keys,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.private_keys import OPENSSH_PRIVATE, PRIVATE_LINE
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519

# The DER starts of a PKCS#1 RSA key (SEQUENCE, INTEGER 0) and of an encrypted PKCS#8 key (PBES2), padded to base64.
PKCS1_BARE = base64.b64encode(b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00" + b"\x11" * 30).decode()
ENCRYPTED_PKCS8_BARE = base64.b64encode(b"\x30\x82\x05\x0e\x30\x40\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x05\x0d"
                                        + b"\x22" * 30).decode()


@pytest.mark.parametrize("text", [
    OPENSSH_PRIVATE,
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
    "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgEZ\n",
    "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n",
    "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nP2/56w\n",
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
    PKCS1_BARE,
    ENCRYPTED_PKCS8_BARE,
], ids=["openssh", "pem", "pgp", "putty", "ssh2", "openssh_without_armour", "pkcs1_without_armour", "encrypted_pkcs8_without_armour"])
def test_every_armour_and_bare_key_material_is_recognised(text):
    assert looks_private(text)


@pytest.mark.parametrize("text", [ed25519(), "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----",
                                  "laptop", "", None], ids=["ssh_public_key", "pem_public_key", "a_title", "empty", "none"])
def test_public_keys_and_ordinary_text_are_not_private(text):
    assert not looks_private(text)


def test_a_key_in_a_text_is_replaced_by_a_note_and_the_rest_of_the_text_stays():
    shown = without_private_keys("the title was %s, please check" % OPENSSH_PRIVATE)
    assert PRIVATE_LINE not in shown and "BEGIN" not in shown
    assert shown.startswith("the title was " + HIDDEN) and shown.endswith(", please check")


def test_a_key_cut_off_before_its_end_line_is_hidden_to_the_end():
    cut = OPENSSH_PRIVATE.split("-----END", maxsplit=1)[0]
    assert PRIVATE_LINE not in without_private_keys(cut)


def test_a_text_without_a_key_is_returned_as_it_is():
    text = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA laptop"
    assert without_private_keys(text) is text
