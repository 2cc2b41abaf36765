# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user's SSH keys: list, add (never twice), delete (idempotent)."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils.api_calls import ADD_SSH_KEY, DELETE_SSH_KEY, LIST_SSH_KEYS
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError, CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils.ssh_public_keys import parse_public_key

# How the v1 API answers a key that exists already (v4's answer is not documented): on any user's account.
DUPLICATE_CODES = ("CH.080002",)


class ServiceKey(object):
    """A key as the service lists it, with its identity when its line parses."""

    def __init__(self, item):
        self.item = item
        try:
            self.parsed = parse_public_key(item.get("key"), "the service's key %s" % item.get("id"))
        except CodeArtsConfigError:
            self.parsed = None

    @property
    def identity(self):
        return self.parsed.identity if self.parsed else ("unparsable", self.item.get("id"))

    def view(self):
        """What the diff and the result show: never the key line itself, which can be 1,000 characters."""
        return {"id": self.item.get("id"), "title": self.item.get("title"),
                "type": self.parsed.type if self.parsed else None,
                "fingerprint": self.parsed.fingerprint if self.parsed else None,
                "created_at": self.item.get("created_at")}


def list_keys(client):
    """Every key of the user. A key whose id is not a number makes the list untrusted before anything is written:
    a plan may add keys first and delete afterwards, and a delete must not be the step that finds it out."""
    items = read_all_pages(client, LIST_SSH_KEYS, "keys")
    if any(not isinstance(item.get("id"), int) or isinstance(item.get("id"), bool) for item in items):
        raise CodeArtsRequestError(LIST_SSH_KEYS.method, LIST_SSH_KEYS.path, "the service listed a key whose id is not a "
                                   "number", hint="Nothing was changed. Report this answer to Huawei Cloud support.")
    return [ServiceKey(item) for item in items]


def _held_already(client, key):
    return next((listed for listed in list_keys(client) if listed.identity == key.identity), None)


def add_key(client, key, title):
    """Add key (a PublicKey) with title; return the ServiceKey. A POST is not idempotent, so it is never repeated:
    after an unclear failure, or a duplicate refusal, the keys are listed again and this key looked for."""
    try:
        return ServiceKey(client.call(ADD_SSH_KEY, {"title": title, "key": key.line}))
    except CodeArtsRequestError as error:
        duplicate = error.error_code in DUPLICATE_CODES or "already exist" in (error.error_msg or "").lower()
        if not (error.may_have_been_applied or duplicate):
            raise
        unclear = error
    try:
        found = _held_already(client, key)
    except CodeArtsRequestError as list_error:
        raise unclear.with_hint("The key may or may not have been added, and listing the keys to find out failed too "
                                "(%s). Check the user's SSH keys before running again." % list_error.summary) from None
    if found is not None:
        return found
    if duplicate:
        raise unclear.with_hint("The key %s is held by another CodeArts Repo user: a key can belong to one user only. "
                                "Generate a new key for this user." % key.fingerprint) from None
    raise unclear.with_hint("Listing the keys afterwards shows the key was not added.") from None


def delete_key(client, service_key):
    """Delete a key; a key already gone (404) counts as deleted, as after a retry of a lost answer."""
    try:
        client.call(DELETE_SSH_KEY, key_id=service_key.item["id"])  # an integer: list_keys refuses any other id
    except CodeArtsRequestError as error:
        if error.status != 404:
            raise
