# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user's GPG keys, read only: there is no v4 call to add or delete one."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import LIST_GPG_KEYS
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsRequestError

# The page and the SDK model describe one object; a real service more likely sends a list. Both are read.
EMPTY = (None, {}, [])
KEY_FIELDS = frozenset(("fingerprint", "primary_keyid", "key"))


def normalised_fingerprint(value):
    """A fingerprint as users write it, compared: hex digits, case and spaces ignored."""
    return "".join(str(value or "").split()).upper()


HEX_DIGITS = frozenset("0123456789ABCDEF")
# OpenPGP v4 fingerprints have 40 hex digits, v5 and v6 ones 64; a long key id 16.
LENGTHS = {"fingerprint": (40, 64), "primary_keyid": (16,)}


def checked_filter(option, value):
    """value of a filter option, normalised, or CodeArtsConfigError: a value no key can have finds nothing."""
    if value is None:
        return None
    wanted = normalised_fingerprint(value)
    wanted = wanted[2:] if wanted.startswith("0X") else wanted
    if not set(wanted) <= HEX_DIGITS or len(wanted) not in LENGTHS[option]:
        raise CodeArtsConfigError("%s is not usable: it must be %s hexadecimal digits (spaces and letter case do not "
                                  "matter)." % (option, " or ".join(map(str, LENGTHS[option]))))
    return wanted


def list_gpg_keys(client):
    """Every GPG key of the user, as a list of the objects the service sends."""
    answer = client.call(LIST_GPG_KEYS)
    if answer in EMPTY:
        return []
    keys = [answer] if isinstance(answer, dict) else answer
    # One key object has a key's fields; an object of other fields (a wrapped list, an error) is no key.
    if not isinstance(keys, list) or not all(isinstance(key, dict) and KEY_FIELDS & set(key) for key in keys):
        raise CodeArtsRequestError(
            LIST_GPG_KEYS.method, LIST_GPG_KEYS.path, "the service answered with neither a GPG key object nor a list of them",
            hint="Report this answer to Huawei Cloud support.", nothing_changed=True)
    return keys


def matching(keys, fingerprint=None, primary_keyid=None):
    """The keys whose fingerprint and primary key id are the ones given (either may be None: any)."""
    wanted_fingerprint = checked_filter("fingerprint", fingerprint)
    wanted_keyid = checked_filter("primary_keyid", primary_keyid)
    return [key for key in keys
            if (wanted_fingerprint is None or normalised_fingerprint(key.get("fingerprint")) == wanted_fingerprint)
            and (wanted_keyid is None or normalised_fingerprint(key.get("primary_keyid")) == wanted_keyid)]
