# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A repository's deploy keys as a keyed collection: added with v2 (a wrapped answer), listed and deleted with v4.

The listing shows no key, only a fingerprint, in a form Huawei does not document: SHA-256 as ssh-keygen -l prints it,
or MD5 as colon-separated hex (with or without MD5:). A key's identity is its SHA-256 fingerprint, computed locally
from the task's key line; a listed MD5 fingerprint of a key the task names is read as that key's identity. The API can
change nothing of a key: another title means delete, then add. Whether a key may push cannot be read back, so it
applies when the key is added.
"""

import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import KeyedResource, Listed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.stored_text import same_stored_text
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.calls import (
    ADD_DEPLOY_KEY,
    DELETE_DEPLOY_KEY,
    LIST_DEPLOY_KEYS,
)

MD5 = re.compile(r"(?:MD5:)?((?:[0-9a-fA-F]{2}:){15}[0-9a-fA-F]{2})")
SHA256 = re.compile(r"SHA256:([A-Za-z0-9+/]{43})=?")
DUPLICATE_CODES = ("CH.080002",)
APPLICATION = "ansible"


def fingerprint_key(text):
    """("md5", hex) or ("sha256", base64) for a listed fingerprint, or None for one in no known form."""
    text = text.strip() if isinstance(text, str) else ""
    md5, sha256 = MD5.fullmatch(text), SHA256.fullmatch(text)
    return ("md5", md5.group(1).lower()) if md5 else ("sha256", sha256.group(1)) if sha256 else None


def listed_key(item, known=None):
    """A listed deploy key; known maps the MD5 fingerprint of each key the task names to its identity."""
    key = fingerprint_key(item.get("fingerprint")) or ("unparsable", item.get("id"))
    key = (known or {}).get(key, key)
    title = item.get("title") if isinstance(item.get("title"), str) else None
    view = {"id": item.get("id"), "title": title, "fingerprint": named(key), "listed_fingerprint": item.get("fingerprint"),
            "can_push": None, "created_at": item.get("created_at")}
    return Listed(item.get("id"), key, {"title": title}, view)


def named(key):
    """A key's identity as messages, results and the diff show it."""
    return "with id %s" % key[1] if key[0] == "unparsable" else ("MD5:" if key[0] == "md5" else "SHA256:") + key[1]


def identity(public_key):
    return ("sha256", public_key.fingerprint[len("SHA256:"):])


class DeployKeys(KeyedResource):
    noun = "deploy key"
    result_key = "deploy_keys"
    list_call = LIST_DEPLOY_KEYS
    unreadable = {"can_push": "the deploy key listing does not show it"}

    def __init__(self, repository, public_keys=(), warn=None):
        self.repository, self.warn = repository, warn
        self.known = dict((("md5", key.md5_fingerprint), identity(key)) for key in public_keys)

    def list(self, client):
        return read_all_pages(client, LIST_DEPLOY_KEYS, keep=lambda item: listed_key(item, self.known),
                              repository_id=self.repository.id)

    def create(self, client, wanted):
        values = wanted.values
        answer = client.call(ADD_DEPLOY_KEY, {"application": APPLICATION, "can_push": values["can_push"], "key": values["line"],
                                              "key_title": values["title"]}, about=values["fingerprint"], repository_id=self.repository.id)
        stored = answer.get("can_push") if isinstance(answer, dict) else None
        if isinstance(stored, bool) and stored != values["can_push"] and self.warn:  # the one answer that shows it
            self.warn("The deploy key %s was added, and the service answered can_push %s, not %s as sent: it decides that "
                      "itself (the listing cannot show it later)."
                      % (values["fingerprint"], str(stored).lower(), str(values["can_push"]).lower()))

    def delete(self, client, listed):
        client.call(DELETE_DEPLOY_KEY, about=listed.view["fingerprint"] or "with id %s" % listed.id,
                    repository_id=self.repository.id, key_id=listed.id)

    def same(self, field, wanted_value, listed_value):
        return same_stored_text(wanted_value, listed_value)

    def named(self, key):
        return named(key)

    def predicted(self, wanted, listed=None):
        return {"id": None, "title": wanted.values["title"], "fingerprint": named(wanted.key), "listed_fingerprint": None,
                "can_push": None, "created_at": None}

    def diff_view(self, view):
        return {"title": view["title"], "fingerprint": view["fingerprint"]}

    def diff_label(self, view):
        return view["fingerprint"]

    def refused_as_duplicate(self, error):
        return plain(error.error_code) in DUPLICATE_CODES

    def duplicate_elsewhere(self, wanted):
        return ("The service says the deploy key %s exists, but this repository does not list it: it may be configured "
                "for the project or the repository's code group, or held elsewhere." % wanted.values["fingerprint"])
