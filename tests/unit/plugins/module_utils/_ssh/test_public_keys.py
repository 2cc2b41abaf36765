"""SSH public key lines, checked against ssh-keygen itself: fingerprints, and what it accepts."""

import base64
import json
import os
import struct
import subprocess

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import (
    looks_private,
    parse_public_key,
)
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, listed


KINDS = [("ed25519", []), ("rsa", ["-b", "2048"]), ("rsa", ["-b", "4096"]), ("ecdsa", ["-b", "256"]),
         ("ecdsa", ["-b", "384"]), ("ecdsa", ["-b", "521"])]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Real key pairs from ssh-keygen: (public line, private text, ssh-keygen -l fingerprint) per kind."""
    keys = []
    for index, (kind, extra) in enumerate(KINDS):
        path = str(tmp_path_factory.mktemp("keys") / ("key%d" % index))
        subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", "user@host %d" % index, "-f", path] + extra, check=True)
        listed = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", path + ".pub"], check=True,
                                stdout=subprocess.PIPE, universal_newlines=True).stdout
        with open(path + ".pub") as public, open(path) as private:
            keys.append((public.read().strip(), private.read(), listed.split()[1]))
    return keys


def test_fingerprints_are_the_ones_ssh_keygen_shows(generated):
    for line, _private, fingerprint in generated:
        assert parse_public_key(line, "key").fingerprint == fingerprint


def test_white_space_and_the_comment_do_not_change_identity(generated):
    line = generated[0][0]
    key_type, blob, comment = line.split(" ", 2)
    respaced = parse_public_key("  %s\t\t%s   another   comment\n" % (key_type, blob), "key")
    assert respaced.identity == parse_public_key(line, "key").identity
    assert respaced.comment == "another comment" and respaced.line == "%s %s another comment" % (key_type, blob)
    assert parse_public_key(line, "key").comment == comment


def test_every_private_key_armour_is_refused_without_being_quoted(generated, tmp_path):
    path = str(tmp_path / "pem")
    subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", path], check=True)
    with open(path) as pem:
        privates = [private for _line, private, _fingerprint in generated] + [pem.read()]
    privates.append("".join(privates[0].splitlines()[1:-1]))  # the OpenSSH body without its armour
    for private in privates:
        assert looks_private(private)
        with pytest.raises(CodeArtsConfigError, match="keys\\[2\\].key is not a usable SSH public key: it is a private key") as caught:
            parse_public_key(private, "keys[2].key")
        assert private.splitlines()[len(private.splitlines()) // 2][:20] not in str(caught.value)


def rsa_line(bits):
    """An ssh-rsa line with a modulus of bits bits (not a usable key: its length is the point)."""
    def string(data):
        return struct.pack(">I", len(data)) + data
    modulus = b"\x00" + os.urandom(bits // 8)
    blob = string(b"ssh-rsa") + string(b"\x01\x00\x01") + string(modulus)
    return "ssh-rsa " + base64.b64encode(blob).decode("ascii")


def test_an_rsa_8192_key_does_not_fit_and_says_so():
    with pytest.raises(CodeArtsConfigError, match="RSA key of 8192 bits does not fit"):
        parse_public_key(rsa_line(8192), "key")
    assert parse_public_key(rsa_line(4096), "key").type == "ssh-rsa"


@pytest.mark.parametrize("line, problem", [
    ("", "it is empty"),
    ("ssh-ed25519", "a key line has a type and a base64 blob"),
    ("ssh-ed25519 not*base64", "its blob is not valid base64"),
    ("ssh-foo AAAA", "its type 'ssh-foo' is not one of"),
    ('no-pty ssh-ed25519 AAAA', "authorized_keys options"),
])
def test_lines_that_are_no_public_key_are_refused(line, problem):
    with pytest.raises(CodeArtsConfigError, match="^key is not a usable SSH public key: .*%s" % problem):
        parse_public_key(line, "key")


def test_a_blob_of_another_type_than_declared_is_refused(generated):
    ed25519_blob = generated[0][0].split()[1]
    with pytest.raises(CodeArtsConfigError, match="its blob holds a ssh-ed25519 key, not the ssh-rsa its line declares"):
        parse_public_key("ssh-rsa " + ed25519_blob, "key")


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def test_two_key_lines_in_one_key_value_are_refused(run_module, session):
    """Promise: bad input is refused before any request.

    Situation: key: "{{ lookup('file', 'authorized_keys') }}" with two lines.
    """
    first, second = ed25519("first@host"), ed25519("second@host")
    session.script(listed(), response(201, dict(id=9, title="x", key=first)), listed((first, "x")))
    result = run(run_module, key=first + "\n" + second)
    assert session.sent[1:] == [] or second.split()[1] not in json.dumps(session.sent[1].json), session.sent[1].json
    assert result["failed"] is True
