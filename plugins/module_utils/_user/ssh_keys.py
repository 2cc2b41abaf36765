# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The user's SSH keys: list, add (never twice), delete (idempotent). An unclear write is settled by listing."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import ADD_SSH_KEY, DELETE_SSH_KEY, LIST_SSH_KEYS
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import MAX_CHARS, looks_private, parse_public_key

# How the v1 API answers a key that exists already (v4's answer is not documented): on any user's account.
DUPLICATE_CODES = ("CH.080002",)
MAX_DATE_CHARS = 64
# What is shown for a listed title that holds a private key (an earlier tool may have stored one there).
HIDDEN_TITLE = "(hidden: this title holds a private key; delete the key, then add it again under another title)"


def _capped(value, limit):
    """A listed text kept to what the API allows (a hostile listing could fill memory with titles), or None."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit - 3] + "..."
    return value if isinstance(value, (int, float)) else None


class ServiceKey(object):
    """A key as the service lists it: only what is shown or compared is kept, the line only as its identity."""

    def __init__(self, item):
        self.id = item.get("id")
        title = item.get("title")
        self.title = HIDDEN_TITLE if isinstance(title, str) and looks_private(title) else _capped(title, MAX_CHARS)
        self.created_at = _capped(item.get("created_at"), MAX_DATE_CHARS)
        line = item.get("key")
        try:
            # A line far over the API's limit is no key the service could have taken: not even parsed.
            self.parsed = parse_public_key(line, "the service's key %s" % self.id) \
                if isinstance(line, str) and len(line) <= 2 * MAX_CHARS else None
        except CodeArtsConfigError:
            self.parsed = None

    @property
    def identity(self):
        return self.parsed.identity if self.parsed else ("unparsable", self.id)

    @property
    def named(self):
        """How messages name it: its fingerprint, or its id when its line does not parse."""
        return self.parsed.fingerprint if self.parsed else "with id %s" % self.id

    def view(self):
        """What the diff and the result show: never the key line itself, which can be 1,000 characters."""
        return {"id": self.id, "title": self.title, "type": self.parsed.type if self.parsed else None,
                "fingerprint": self.parsed.fingerprint if self.parsed else None, "created_at": self.created_at}


def list_keys(client):
    """Every key of the user. A key whose id is not a number makes the list untrusted before anything is written:
    a plan may add keys first and delete afterwards, and a delete must not be the step that finds it out."""
    keys = read_all_pages(client, LIST_SSH_KEYS, "keys", keep=ServiceKey)
    if any(not isinstance(key.id, int) or isinstance(key.id, bool) for key in keys):
        raise CodeArtsRequestError(LIST_SSH_KEYS.method, LIST_SSH_KEYS.path, "the service listed a key whose id is not a "
                                   "number", hint="Report this answer to Huawei Cloud support.", nothing_changed=True)
    return keys


def _listed_after(client, unclear, done):
    """The keys, listed to settle an unclear write; when that fails too, the unclear error says so."""
    try:
        return list_keys(client)
    except CodeArtsRequestError as list_error:
        raise unclear.with_hint("The key may or may not have been %s, and listing the keys to find out failed too (%s). "
                                "Check the user's SSH keys before running again." % (done, list_error.summary)) from None


def _is_duplicate(error):
    said = (error.error_msg or "").lower()
    return error.error_code in DUPLICATE_CODES or ("already exist" in said and "key" in said)


def add_key(client, key, title):
    """Add key (a PublicKey) with title. A POST is not idempotent, so it is never repeated: after an unclear failure,
    or a duplicate refusal, the keys are listed again and this key looked for."""
    try:
        client.call(ADD_SSH_KEY, {"title": title, "key": key.line}, about=key.fingerprint)
        return
    except CodeArtsRequestError as error:
        duplicate = _is_duplicate(error)
        if not (error.may_have_been_applied or duplicate):
            raise
        unclear = error
    if any(listed.identity == key.identity for listed in _listed_after(client, unclear, "added")):
        if unclear.may_have_been_applied:
            client.note_landed("%s %s (POST %s: its answer was unclear, and the key is listed now)"
                               % (ADD_SSH_KEY.name, key.fingerprint, ADD_SSH_KEY.path))
        return
    if duplicate:
        raise unclear.not_applied("The key %s is held by another CodeArts Repo user: a key can belong to one user only. "
                                  "Generate a new key for this user." % key.fingerprint) from None
    raise unclear.not_applied("Listing the keys afterwards shows the key was not added.") from None


def delete_key(client, service_key):
    """Delete a key. A 404 or an unclear failure is settled by listing: a key no longer listed is deleted (as after a
    retry of a lost answer); one still listed is not (a 404 from a gateway says nothing about the key)."""
    path = DELETE_SSH_KEY.path.format(key_id=service_key.id)
    try:
        client.call(DELETE_SSH_KEY, key_id=service_key.id, about=service_key.named)  # list_keys made id an int
        return
    except CodeArtsRequestError as error:
        if not (error.may_have_been_applied or error.status == 404):
            raise
        unclear = error
    if all(listed.id != service_key.id for listed in _listed_after(client, unclear, "deleted")):
        client.note_landed("%s %s (DELETE %s: its answer was %s, and the key is no longer listed)"
                           % (DELETE_SSH_KEY.name, service_key.named, path, unclear.status or "lost"))
        return
    raise unclear.not_applied("Listing the keys afterwards shows the key %s is still there." % service_key.named) from None
