# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""From the keys a task wants to the steps that get there: what to add, to delete, and to add again retitled."""

import collections
import unicodedata

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import MAX_CHARS, looks_private, parse_public_key

DEFAULT_TITLE = "ansible"
Wanted = collections.namedtuple("Wanted", "key title where")
Plan = collections.namedtuple("Plan", "adds deletes retitles")


def _title(value, key, where):
    title = (value if value is not None else key.comment or DEFAULT_TITLE).strip()
    if looks_private(title):
        raise CodeArtsConfigError("%s.title is not usable: it is a private key. Nothing was sent to the service." % where)
    # Control characters (C0, DEL and C1) and lone surrogates: what a terminal or a JSON parser must not be handed.
    if not title or len(title) > MAX_CHARS or any(unicodedata.category(char) in ("Cc", "Cs") for char in title):
        raise CodeArtsConfigError("%s.title is not usable: it must be 1 to %d characters without control characters. "
                                  "Nothing was sent to the service." % (where, MAX_CHARS))
    return title


def wanted_keys(params):
    """The keys the task names, checked before any request (CodeArtsModule has refused any private key already)."""
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
        key = parse_public_key(line, where + ".key" if where != "key" else "key")
        if key.identity in seen:
            raise CodeArtsConfigError("%s.key is the same key as %s.key (%s). Nothing was sent to the service."
                                      % (where, seen[key.identity], key.fingerprint))
        seen[key.identity] = where
        wanted.append(Wanted(key, _title(item.get("title"), key, where), where))
    return wanted


def plan(current, wanted, state, exclusive, retitle):
    """The steps from current (ServiceKeys) to what the task wants. Adds come first, so the task itself never leaves
    the user without a key; a retitle is a delete, then an add (the API cannot rename). A key the service lists
    more than once is deleted in every copy (absent), or kept once (exclusive)."""
    copies = collections.OrderedDict()
    for key in current:
        copies.setdefault(key.identity, []).append(key)
    wanted_identities = set(item.key.identity for item in wanted)
    if state == "absent":
        return Plan([], [key for item in wanted for key in copies.get(item.key.identity, [])], [])
    adds = [item for item in wanted if item.key.identity not in copies]
    retitles = [(copies[item.key.identity][0], item) for item in wanted
                if retitle and item.key.identity in copies and copies[item.key.identity][0].title != item.title]
    deletes = [key for identity, keys in copies.items() if exclusive
               for key in (keys if identity not in wanted_identities else keys[1:])]
    return Plan(adds, deletes, retitles)


def predicted(current, steps):
    """The views of the keys after the steps, as check mode reports them (new keys have no id or date yet)."""
    gone = set(id(key) for key in steps.deletes) | set(id(old) for old, _new in steps.retitles)
    after = [key.view() for key in current if id(key) not in gone]
    added = list(steps.adds) + [new for _old, new in steps.retitles]
    return after + [{"id": None, "title": item.title, "type": item.key.type, "fingerprint": item.key.fingerprint,
                     "created_at": None} for item in added]


def unmet(steps, after):
    """What the keys listed after the steps contradict: the fingerprints of keys not added or not deleted."""
    listed_ids = set(key.id for key in after)
    listed = set(key.identity for key in after)  # by identity only: a service may store a title its own way
    missing = [item.key.fingerprint for item in list(steps.adds) + [new for _old, new in steps.retitles]
               if item.key.identity not in listed]
    # A retitled key comes back as the same key, perhaps even under its old id: only its old title shows it stayed.
    kept = [key.named for key in steps.deletes if key.id in listed_ids] + [
        old.named for old, _new in steps.retitles if (old.id, old.title) in set((key.id, key.title) for key in after)]
    return ["%s is not listed" % fingerprint for fingerprint in missing] + ["%s is still listed" % named for named in kept]
