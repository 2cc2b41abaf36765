"""ssh-keygen is the oracle: a key line the collection accepts is one ssh-keygen reads, with the same fingerprint,
and a line ssh-keygen refuses is refused before any request. The lines are real keys of every type, mutated."""

import base64
import struct
import subprocess
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import parse_public_key

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

    @settings(max_examples=400, deadline=None, derandomize=True)
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
