# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The decoded blob of an SSH public key, read field by field as ssh-keygen reads it, and written back canonically.

A blob ssh-keygen refuses (a field missing or too short, trailing bytes, a curve other than the type's, a point
off its curve, an RSA key under 1,024 bits) is refused here too. A blob it accepts in a non-canonical spelling
(an RSA number with redundant leading zeros) is the same key: identity and fingerprint use the canonical blob.
"""

import struct

# The NIST curves of the ecdsa key types: (prime p, coefficient b, group order n); a is -3 for all three.
CURVES = {
    "nistp256": (2 ** 256 - 2 ** 224 + 2 ** 192 + 2 ** 96 - 1,
                 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b,
                 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551),
    "nistp384": (2 ** 384 - 2 ** 128 - 2 ** 96 + 2 ** 32 - 1,
                 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef,
                 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973),
    "nistp521": (2 ** 521 - 1,
                 int("0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf07"
                     "3573df883d2c34f1ef451fd46b503f00", 16),
                 int("01ff" + "ffffffff" * 7 + "fffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409", 16)),
}
RSA_MIN_BITS = 1024
MAX_NUMBER_BYTES = 16384 // 8  # OpenSSH's largest bignum


class BlobRefused(ValueError):
    """The blob is not a key ssh-keygen would read; the text says why."""


class _Reader(object):
    def __init__(self, blob):
        self.blob, self.offset = blob, 0

    def string(self, what):
        if len(self.blob) - self.offset < 4:
            raise BlobRefused("its blob ends before the %s" % what)
        length = struct.unpack(">I", self.blob[self.offset:self.offset + 4])[0]
        start = self.offset + 4
        if len(self.blob) - start < length:
            raise BlobRefused("its blob ends inside the %s" % what)
        self.offset = start + length
        return self.blob[start:self.offset]

    def number(self, what):
        data = self.string(what)
        if len(data) > MAX_NUMBER_BYTES + 1:
            raise BlobRefused("its %s is too large" % what)
        if data and data[0] & 0x80:
            raise BlobRefused("its %s is negative" % what)
        return int.from_bytes(data, "big")

    def end(self):
        if self.offset != len(self.blob):
            raise BlobRefused("its blob has %d bytes after the key" % (len(self.blob) - self.offset))


def _string(data):
    return struct.pack(">I", len(data)) + data


def _number(value):
    data = value.to_bytes((value.bit_length() + 7) // 8, "big") if value else b""
    return _string(b"\x00" + data if data and data[0] & 0x80 else data)


def _ed25519(reader):
    public = reader.string("ed25519 key")
    if len(public) != 32:
        raise BlobRefused("its ed25519 key is %d bytes, not 32" % len(public))
    return _string(public)


def _point_on(curve_name, point):
    p, b, order = CURVES[curve_name]
    size = (p.bit_length() + 7) // 8
    if len(point) != 1 + 2 * size or point[0] != 4:
        return False
    x, y = int.from_bytes(point[1:1 + size], "big"), int.from_bytes(point[1 + size:], "big")
    half = order.bit_length() // 2
    # As OpenSSH validates an EC public key: on the curve, and neither coordinate small or beyond order - 1.
    return (x.bit_length() > half and y.bit_length() > half and x < order - 1 and y < order - 1
            and (y * y - (x * x * x - 3 * x + b)) % p == 0)


def _ecdsa(curve_name):
    def read(reader):
        named = reader.string("curve name")
        if named != curve_name.encode("ascii"):
            raise BlobRefused("its curve is %r, not the %s of its type" % (named[:20], curve_name))
        point = reader.string("ecdsa point")
        if not _point_on(curve_name, point):
            raise BlobRefused("its ecdsa point is not a point of %s" % curve_name)
        return _string(named) + _string(point)
    return read


def _rsa(reader):
    exponent, modulus = reader.number("rsa exponent"), reader.number("rsa modulus")
    if modulus.bit_length() < RSA_MIN_BITS:
        raise BlobRefused("its rsa modulus has %d bits, and ssh-keygen needs at least %d" % (modulus.bit_length(), RSA_MIN_BITS))
    return _number(exponent) + _number(modulus)


def _dss(reader):
    numbers = [reader.number("dsa %s" % name) for name in "pqgy"]
    if not all(numbers):
        raise BlobRefused("a dsa number of it is zero")
    return b"".join(_number(value) for value in numbers)


def _security_key(read_key):
    def read(reader):
        fields = read_key(reader)
        # A C string to ssh-keygen: one NUL at its end is dropped, a NUL inside refuses the key.
        application = reader.string("security key application")
        application = application[:-1] if application.endswith(b"\0") else application
        if b"\0" in application:
            raise BlobRefused("its security key application holds a NUL character")
        return fields + _string(application)
    return read


FIELDS = {
    "ssh-ed25519": _ed25519,
    "ssh-rsa": _rsa,
    "ssh-dss": _dss,
    "ecdsa-sha2-nistp256": _ecdsa("nistp256"),
    "ecdsa-sha2-nistp384": _ecdsa("nistp384"),
    "ecdsa-sha2-nistp521": _ecdsa("nistp521"),
    "sk-ssh-ed25519@openssh.com": _security_key(_ed25519),
    "sk-ecdsa-sha2-nistp256@openssh.com": _security_key(_ecdsa("nistp256")),
}


def canonical_blob(key_type, blob):
    """The blob as ssh-keygen would write it back, or BlobRefused. Its first field must be key_type."""
    reader = _Reader(blob)
    embedded = reader.string("key type")
    if embedded != key_type.encode("ascii"):
        shown = embedded.decode("ascii") if len(embedded) <= 64 and embedded.isascii() and embedded.decode("ascii").isprintable() \
            else ""
        raise BlobRefused("its blob holds a %s key, not the %s its line declares" % (shown or "malformed", key_type))
    fields = FIELDS[key_type](reader)
    reader.end()
    return _string(embedded) + fields
