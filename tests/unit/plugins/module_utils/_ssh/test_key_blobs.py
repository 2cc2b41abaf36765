"""ssh-keygen is the oracle: a key line the collection accepts is one ssh-keygen reads, with the same fingerprint,
and a line ssh-keygen refuses is refused before any request. The lines are real keys of every type, mutated."""

import base64
import hashlib
import os
import struct
import subprocess
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import parse_public_key
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import (
    key_line as _line,
    keygen_fingerprint,
    listed,
    wire_string as _string,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.properties import examples


KINDS = [("ed25519", []), ("rsa", ["-b", "1024"]), ("rsa", ["-b", "2048"]), ("ecdsa", ["-b", "256"]),
         ("ecdsa", ["-b", "384"]), ("ecdsa", ["-b", "521"]), ("dsa", [])]
SECURITY_KEYS = 2  # built in real_blobs from two of the kinds


@pytest.fixture(scope="module")
def real_blobs(tmp_path_factory):
    blobs = []
    for index, (kind, extra) in enumerate(KINDS):
        path = str(tmp_path_factory.mktemp("oracle") / ("key%d" % index))
        subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-f", path] + extra, check=True)
        with open(path + ".pub") as public:
            key_type, encoded = public.read().split()[:2]
        blobs.append((key_type, base64.b64decode(encoded)))
    # Security keys cannot be generated without a device: built from the ed25519 and nistp256 keys' fields.
    ed25519, nistp256 = fields(blobs[0][1]), fields(blobs[3][1])
    blobs.append(("sk-ssh-ed25519@openssh.com", joined([b"sk-ssh-ed25519@openssh.com", ed25519[1], b"ssh:"])))
    blobs.append(("sk-ecdsa-sha2-nistp256@openssh.com",
                  joined([b"sk-ecdsa-sha2-nistp256@openssh.com", nistp256[1], nistp256[2], b"ssh:"])))
    return blobs


def fields(blob):
    """The length-prefixed fields of a blob (all of them: every key type is only such fields)."""
    found, offset = [], 0
    while offset < len(blob):
        length = struct.unpack(">I", blob[offset:offset + 4])[0]
        found.append(blob[offset + 4:offset + 4 + length])
        offset += 4 + length
    return found


def joined(parts):
    return b"".join(struct.pack(">I", len(part)) + part for part in parts)


MUTATIONS = ("none", "truncate", "append", "leading zeros", "flip a byte", "drop a field", "swap the type",
             "shorten a field", "unpadded", "rename the curve", "a NUL in the last field", "padding bits set")


def mutate(key_type, blob, mutation, number, data):
    parts = fields(blob)
    index = 1 + number % (len(parts) - 1)
    if mutation == "truncate":
        return key_type, blob[:number % len(blob)]
    if mutation == "append":
        return key_type, blob + data
    if mutation == "leading zeros":
        return key_type, joined(parts[:index] + [b"\x00" * (1 + number % 3) + parts[index]] + parts[index + 1:])
    if mutation == "flip a byte":
        position = number % len(blob)
        return key_type, blob[:position] + bytes([blob[position] ^ (1 << number % 8)]) + blob[position + 1:]
    if mutation == "drop a field":
        return key_type, joined(parts[:index] + parts[index + 1:])
    if mutation == "shorten a field":
        return key_type, joined(parts[:index] + [parts[index][:-1 - number % 4]] + parts[index + 1:])
    if mutation == "swap the type":
        others = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ssh-dss"]
        return others[number % len(others)], blob
    if mutation == "a NUL in the last field":
        last = parts[-1]
        position = number % (len(last) + 1)
        return key_type, joined(parts[:-1] + [last[:position] + b"\0" + last[position:]])
    if mutation == "rename the curve" and "ecdsa" in key_type:
        curves = [b"nistp256", b"nistp384", b"nistp521"]
        return key_type, joined(parts[:1] + [curves[number % 3]] + parts[2:])
    return key_type, blob


def ssh_keygen_fingerprint(path, line):
    with open(path, "w") as public:
        public.write(line + "\n")
    done = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", path], capture_output=True, text=True, check=False)
    return done.stdout.split()[1] if done.returncode == 0 else None


def test_a_line_is_accepted_exactly_when_ssh_keygen_reads_it_and_with_its_fingerprint(real_blobs, tmp_path_factory):
    reached = Counter()
    path = str(tmp_path_factory.getbasetemp() / "oracle.pub")

    @settings(max_examples=examples(400), deadline=None, derandomize=True)
    @given(kind=st.integers(0, len(KINDS) + SECURITY_KEYS - 1), mutation=st.sampled_from(MUTATIONS),
           number=st.integers(0, 10 ** 6), data=st.binary(min_size=1, max_size=8))
    def attack(kind, mutation, number, data):
        line = mutated_line(real_blobs[kind], mutation, number, data)
        oracle = ssh_keygen_fingerprint(path, line)
        try:
            ours = parse_public_key(line, "key").fingerprint
        except CodeArtsConfigError as refused:
            assert "Nothing was sent" in str(refused)
            ours = None
        reached["accepted" if oracle else "refused"] += 1
        assert ours == oracle, (mutation, line[:80])

    attack()
    assert reached["accepted"] >= 30 and reached["refused"] >= 30, reached


def mutated_line(real, mutation, number, data):
    key_type, blob = mutate(*real, mutation, number, data)
    encoded = base64.b64encode(blob).decode("ascii")
    if mutation == "unpadded":
        encoded = encoded.rstrip("=")
    if mutation == "padding bits set" and encoded.endswith("="):
        stripped = encoded.rstrip("=")
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        encoded = stripped[:-1] + alphabet[alphabet.index(stripped[-1]) | 1] + "=" * (len(encoded) - len(stripped))
    return "%s %s oracle@host" % (key_type, encoded)


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)


def run_ssh(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def _p256_blob_fields():
    """The curve name and point of a real nistp256 key (a fixed one: the public key of the NIST P-256 generator)."""
    gx = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296
    gy = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5
    return b"nistp256", b"\x04" + gx.to_bytes(32, "big") + gy.to_bytes(32, "big")


def _sk_ed25519(application):
    kind = b"sk-ssh-ed25519@openssh.com"
    blob = _string(kind) + _string(hashlib.sha256(b"sk key").digest()) + _string(application)
    return _line(blob, key_type=kind.decode())


def _sk_ecdsa(application):
    kind = b"sk-ecdsa-sha2-nistp256@openssh.com"
    curve, point = _p256_blob_fields()
    return _line(_string(kind) + _string(curve) + _string(point) + _string(application), key_type=kind.decode())


def _non_canonical_base64():
    """A nistp256 line whose base64 ends in a padded quantum with non-zero spare bits (104 bytes: one "=")."""
    curve, point = _p256_blob_fields()
    encoded = base64.b64encode(_string(b"ecdsa-sha2-nistp256") + _string(curve) + _string(point)).decode("ascii")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    assert encoded.endswith("=") and not encoded.endswith("==")
    spoiled = encoded[:-2] + alphabet[alphabet.index(encoded[-2]) ^ 1] + "="
    assert base64.b64decode(spoiled) == base64.b64decode(encoded)
    return "ecdsa-sha2-nistp256 %s user@host" % spoiled


ORACLE_CASES = {
    # ssh-keygen reads the application with sshbuf_get_cstring: a NUL inside it is refused ...
    "sk_ed25519_application_with_a_nul_inside": lambda: _sk_ed25519(b"ssh:\x00evil"),
    "sk_ecdsa_application_with_a_nul_inside": lambda: _sk_ecdsa(b"ssh:\x00evil"),
    # ... and one NUL at its end is dropped: the same key as "ssh:", with the fingerprint of that blob.
    "sk_ed25519_application_with_a_trailing_nul": lambda: _sk_ed25519(b"ssh:\x00"),
    "sk_ecdsa_application_with_a_trailing_nul": lambda: _sk_ecdsa(b"ssh:\x00"),
    # OpenSSH's b64_pton refuses spare bits that are not zero ("a subliminal channel"); Python's b64decode drops them.
    "base64_with_non_zero_spare_bits": _non_canonical_base64,
}


@pytest.mark.parametrize("case", sorted(ORACLE_CASES))
def test_security_key_lines_and_non_canonical_base64_are_read_as_ssh_keygen_reads_them(run_module, session, tmp_path, case):
    """Promise: bad input refused before any request; "a blob is read field by field as ssh-keygen reads it", and
    a key is shown with the fingerprint ssh-keygen -l prints.

    Situation: key lines the generated oracle test (mutations of keys ssh-keygen can make, no sk-* keys, blobs
    always base64-encoded canonically) never produces.
    """
    line = ORACLE_CASES[case]()
    oracle = keygen_fingerprint(tmp_path, line)
    session.script(listed())
    result = run_ssh(run_module, check_mode=True, key=line, title="laptop")
    if oracle is None:
        assert result.get("failed") is True and "not a usable SSH public key" in result["msg"], \
            "ssh-keygen refuses the line; the module plans to add %s" % result["ssh_keys"][-1]["fingerprint"]
    else:
        assert result["ssh_keys"][-1]["fingerprint"] == oracle, "ssh-keygen: %s" % oracle


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def _rsa_blob(leading_zero=False):
    """An ssh-rsa blob (e=65537, a 2048-bit odd modulus); with leading_zero, the modulus mpint has one 0x00 more than
    the canonical encoding (the form ssh-keygen reads and re-encodes without it)."""
    modulus = bytearray(os.urandom(256))
    modulus[0] |= 0x40
    modulus[0] &= 0x7F  # high bit clear: no sign byte needed
    modulus[-1] |= 1
    return _string(b"ssh-rsa") + _string(b"\x01\x00\x01") + _string((b"\x00" if leading_zero else b"") + bytes(modulus))


def test_an_rsa_key_with_a_leading_zero_in_its_modulus_is_the_key_ssh_keygen_sees(run_module, session, tmp_path):
    """Promises: never send a second POST for the same key; "identified by its type and its decoded blob" should
    mean the key, as ssh-keygen (the documented fingerprint oracle) sees it.

    Situation: the user's .pub line encodes the RSA modulus with one redundant leading zero byte (some
    converters, PuTTYgen exports and hand-built lines do).
    """
    modulus_blob = _rsa_blob(leading_zero=True)
    fields = modulus_blob[4 + 7:]
    canonical_blob = _string(b"ssh-rsa") + fields[:7] + _string(fields[7 + 4 + 1:])
    mine = _line(modulus_blob, "me@laptop", "ssh-rsa")
    held = _line(canonical_blob, "me@laptop", "ssh-rsa")
    assert keygen_fingerprint(tmp_path, mine) is not None
    assert keygen_fingerprint(tmp_path, mine) == keygen_fingerprint(tmp_path, held)
    session.script(listed((held, "laptop")), response(400, {"error_code": "CH.080002", "error_msg": "exists"}),
                   listed((held, "laptop")))
    result = run(run_module, key=mine, title="laptop")
    assert session.methods == ["GET"] and result["changed"] is False, (session.methods, result.get("msg"))


def test_the_info_module_shows_the_fingerprint_ssh_keygen_shows_for_a_listed_rsa_key(run_module, session, tmp_path):
    """Promise (RETURN docs): fingerprint is "its SHA-256 fingerprint, as ssh-keygen -l shows it".

    Situation: the service lists an RSA key whose modulus has a redundant leading zero.
    """
    from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key_info
    line = _line(_rsa_blob(leading_zero=True), "me@laptop", "ssh-rsa")
    oracle = keygen_fingerprint(tmp_path, line)
    session.script(listed((line, "laptop")))
    result = run_module(codearts_user_ssh_key_info.main, dict(ARGS, fingerprint=oracle))
    assert [view["fingerprint"] for view in result["ssh_keys"]] == [oracle], result["ssh_keys"]


@pytest.mark.parametrize("blob", [
    _string(b"ssh-ed25519"),                                   # the type and nothing else
    _string(b"ssh-ed25519") + _string(b"\x01" * 31),           # a 31-byte ed25519 key
    _string(b"ssh-ed25519") + _string(b"\x01" * 32) + b"tail",  # trailing data after the key
    _string(b"ecdsa-sha2-nistp256") + _string(b"nistp384") + _string(b"\x04" + b"\x01" * 64),  # curve not the type's
], ids=["type_only", "short_key", "trailing_data", "ecdsa_wrong_curve"])
def test_a_key_line_ssh_keygen_refuses_is_refused_before_any_request(run_module, session, tmp_path, blob):
    """Promise: bad input is refused before any request (module docs: "The blob must decode, and the type it holds
    must be the declared one").

    Situation: key: "ssh-ed25519 <blob>" where the blob holds only the type, a key of the wrong length, or the
    key followed by junk.
    """
    line = _line(blob, "me@laptop", blob[4:4 + struct.unpack(">I", blob[:4])[0]].decode("ascii"))
    assert keygen_fingerprint(tmp_path, line) is None
    session.script(listed(), response(400, {"error_code": "CH.080003", "error_msg": "invalid key"}))
    result = run(run_module, key=line, title="laptop")
    assert session.sent == [] and result["failed"] is True and "not a usable SSH public key" in result["msg"]
