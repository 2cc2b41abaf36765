# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user's SSH keys as a keyed collection: the adapter that lists them on every page, adds (never twice) and
deletes them; the API cannot rename a key. What a task asks for is read in ssh_key_task.py.

A key's natural key is its type and decoded blob; the title is compared only when the task retitles, in the forms a
service may store it, and a different title means delete and add again.
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import KeyedResource, Listed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.stored_text import same_stored_text
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import MAX_CHARS, PublicKey, parse_public_key
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import ADD_SSH_KEY, DELETE_SSH_KEY, LIST_SSH_KEYS

# How the v1 API answers a key that exists already (v4's answer is not documented): on any user's account.
DUPLICATE_CODES = ("CH.080002",)
MAX_DATE_CHARS = 64


def _capped(value, limit):
    """A listed text kept to what the API allows (a hostile listing could fill memory with titles), or None."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit - 3] + "..."
    return value if isinstance(value, (int, float)) else None


def listed_key(item):
    """A key as the service lists it: only what is shown or compared is kept, the line only as its identity."""
    key_id = item.get("id")
    title = _capped(item.get("title"), MAX_CHARS)
    line = item.get("key")
    try:
        # A line far over the API's limit is no key the service could have taken: not even parsed.
        parsed = parse_public_key(line, "the service's key %s" % key_id) if isinstance(line, str) and len(line) <= 2 * MAX_CHARS else None
    except CodeArtsConfigError:
        parsed = None
    view = {"id": key_id, "title": title, "type": parsed.type if parsed else None,
            "fingerprint": parsed.fingerprint if parsed else None, "key": parsed.line if parsed else None,
            "created_at": _capped(item.get("created_at"), MAX_DATE_CHARS)}
    return Listed(key_id, parsed.identity if parsed else ("unparsable", key_id), {"title": title}, view)


class UserSshKeys(KeyedResource):
    noun = "SSH key"
    result_key = "ssh_keys"
    list_call = LIST_SSH_KEYS
    copies_allowed = True
    noted = {"title": "retitle"}

    def list(self, client):
        """Every key of the user. A key whose id is not a number makes the list untrusted before anything is written:
        a plan may add keys first and delete afterwards, and a delete must not be the step that finds it out."""
        keys = read_all_pages(client, LIST_SSH_KEYS, "keys", keep=listed_key)
        if any(not isinstance(key.id, int) or isinstance(key.id, bool) for key in keys):
            raise CodeArtsRequestError(LIST_SSH_KEYS.method, LIST_SSH_KEYS.path, "the service listed a key whose id is not a "
                                       "number", hint="Report this answer to Huawei Cloud support.", nothing_changed=True)
        return keys

    def create(self, client, wanted):
        client.call(ADD_SSH_KEY, {"title": wanted.values["title"], "key": wanted.values["line"]},
                    about=wanted.values["fingerprint"])

    def delete(self, client, listed):
        client.call(DELETE_SSH_KEY, key_id=listed.id, about=listed.view["fingerprint"] or "with id %s" % listed.id)

    def same(self, field, wanted_value, listed_value):
        return same_stored_text(wanted_value, listed_value)

    def named(self, key):
        return "with id %s" % key[1] if key[0] == "unparsable" else PublicKey(key[0], key[1], "").fingerprint

    def predicted(self, wanted, listed=None):
        values = wanted.values
        return {"id": None, "title": values["title"], "type": values["type"], "fingerprint": values["fingerprint"],
                "key": values["line"], "created_at": None}

    def diff_view(self, view):
        return {"title": view["title"], "type": view["type"], "fingerprint": view["fingerprint"]}

    def diff_label(self, view):
        return view["fingerprint"] or "with id %s" % view["id"]

    def refused_as_duplicate(self, error):
        said = (plain(error.error_msg) or "").lower()
        return plain(error.error_code) in DUPLICATE_CODES or ("already exist" in said and "key" in said)

    def duplicate_elsewhere(self, wanted):
        return ("The key %s is held by another CodeArts Repo user: a key can belong to one user only. Generate a new key "
                "for this user." % wanted.values["fingerprint"])
