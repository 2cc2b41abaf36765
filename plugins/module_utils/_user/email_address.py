# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What counts as an email address here, and when two of them are the same."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError

MAX_EMAIL_LENGTH = 1000
# Only A-Z: Unicode case folding makes different addresses equal (straße and STRASSE, the Kelvin sign and k).
ASCII_LOWER = dict((code, code + 32) for code in range(ord("A"), ord("Z") + 1))


def _reject(reason):
    raise CodeArtsConfigError("email is not a usable address: %s. Nothing was sent to the service." % reason)


def checked_email(value):
    """Return the address without surrounding white space, or raise CodeArtsConfigError.

    The checks are deliberately loose (one @, a dotted domain, no spaces or control characters):
    they catch typos and templating accidents, and leave the rest to the service.
    """
    address = (value or "").strip()
    if not address:
        _reject("it is empty")
    if len(address) > MAX_EMAIL_LENGTH:
        _reject("it is %d characters long, more than the %d the service accepts" % (len(address), MAX_EMAIL_LENGTH))
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in address):
        _reject("it contains a space or a control character")
    local, at, domain = address.rpartition("@")
    if not at or not local or "@" in local:
        _reject("it must contain exactly one @ with a name before it")
    labels = domain.split(".")
    if len(labels) < 2 or not all(labels):
        _reject("the part after @ must be a domain such as example.com")
    return address


def same_email(first, second):
    """True when two addresses are the same ignoring surrounding white space and the case of A to Z.

    A service that changes the case of what it stores must not make every run report a change. Anything
    but two texts (a missing address, or a service answering with a number) is never the same.
    """
    if not isinstance(first, str) or not isinstance(second, str):
        return False
    return first.strip().translate(ASCII_LOWER) == second.strip().translate(ASCII_LOWER)
