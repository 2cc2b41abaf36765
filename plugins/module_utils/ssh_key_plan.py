# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""From the keys a task wants to the steps that get there: what to add, to delete, and to add again retitled."""

import collections

from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils.ssh_public_keys import MAX_CHARS, looks_private, parse_public_key

DEFAULT_TITLE = "ansible"
Wanted = collections.namedtuple("Wanted", "key title where")
Plan = collections.namedtuple("Plan", "adds deletes retitles")


def _title(value, key, where):
    title = (value if value is not None else key.comment or DEFAULT_TITLE).strip()
    if not title or len(title) > MAX_CHARS or any(ord(char) < 32 or ord(char) == 127 for char in title):
        raise CodeArtsConfigError("%s.title is not usable: it must be 1 to %d characters without control characters. "
                                  "Nothing was sent to the service." % (where, MAX_CHARS))
    return title


def wanted_keys(params, register_secret):
    """The keys the task names, checked before any request. A private key is registered as a secret first."""
    items = [("key", {"key": params["key"], "title": params["title"]})] if params.get("key") is not None else \
        [("keys[%d]" % index, item) for index, item in enumerate(params.get("keys") or [])]
    if params.get("exclusive") and params.get("keys") is None:
        raise CodeArtsConfigError("exclusive needs keys, the whole list of keys the user should have. Nothing was sent.")
    if params.get("exclusive") and params.get("state") == "absent":
        raise CodeArtsConfigError("exclusive applies with state present only. Nothing was sent to the service.")
    if params.get("exclusive") and not items and not params.get("allow_no_keys"):
        raise CodeArtsConfigError("exclusive with an empty keys list would delete every SSH key of the user; set "
                                  "allow_no_keys: true if that is what you want. Nothing was sent to the service.")
    wanted, seen = [], {}
    for where, item in items:
        line = item.get("key")
        if looks_private(line):
            register_secret(line)
        key = parse_public_key(line, where + ".key" if where != "key" else "key")
        if key.identity in seen:
            raise CodeArtsConfigError("%s.key is the same key as %s.key (%s). Nothing was sent to the service."
                                      % (where, seen[key.identity], key.fingerprint))
        seen[key.identity] = where
        wanted.append(Wanted(key, _title(item.get("title"), key, where), where))
    return wanted


def plan(current, wanted, state, exclusive, retitle):
    """The steps from current (ServiceKeys) to what the task wants. Adds come first, so the task itself never leaves
    the user without a key; a retitle is a delete, then an add (the API cannot rename)."""
    by_identity = dict((key.identity, key) for key in current)
    wanted_identities = set(item.key.identity for item in wanted)
    if state == "absent":
        return Plan([], [by_identity[item.key.identity] for item in wanted if item.key.identity in by_identity], [])
    adds = [item for item in wanted if item.key.identity not in by_identity]
    retitles = [(by_identity[item.key.identity], item) for item in wanted
                if retitle and item.key.identity in by_identity and by_identity[item.key.identity].item.get("title") != item.title]
    deletes = [key for key in current if exclusive and key.identity not in wanted_identities]
    return Plan(adds, deletes, retitles)


def predicted(current, steps):
    """The views of the keys after the steps, as check mode reports them (new keys have no id or date yet)."""
    gone = set(id(key) for key in steps.deletes) | set(id(old) for old, _new in steps.retitles)
    after = [key.view() for key in current if id(key) not in gone]
    added = list(steps.adds) + [new for _old, new in steps.retitles]
    return after + [{"id": None, "title": item.title, "type": item.key.type, "fingerprint": item.key.fingerprint,
                     "created_at": None} for item in added]
