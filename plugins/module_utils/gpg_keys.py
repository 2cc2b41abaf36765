# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user's GPG keys, read only: there is no v4 call to add or delete one."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils.api_calls import LIST_GPG_KEYS
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsRequestError

# The page and the SDK model describe one object; a real service more likely sends a list. Both are read.
EMPTY = (None, {}, [])
KEY_FIELDS = frozenset(("fingerprint", "primary_keyid", "key"))


def normalised_fingerprint(value):
    """A fingerprint as users write it, compared: hex digits, case and spaces ignored."""
    return "".join(str(value or "").split()).upper()


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
    wanted_fingerprint = normalised_fingerprint(fingerprint) if fingerprint else None
    wanted_keyid = normalised_fingerprint(primary_keyid) if primary_keyid else None
    return [key for key in keys
            if (wanted_fingerprint is None or normalised_fingerprint(key.get("fingerprint")) == wanted_fingerprint)
            and (wanted_keyid is None or normalised_fingerprint(key.get("primary_keyid")) == wanted_keyid)]
