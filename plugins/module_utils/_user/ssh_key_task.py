# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What an SSH key task asks for, checked before any request: the keys it names (a line or a list of lines and
dictionaries), or the keys it removes by fingerprint or by exact title, resolved against the listing."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.key_titles import DEFAULT_TITLE, checked_title
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import checked_fingerprint, parse_public_key

ITEM_FIELDS = ("key", "title")


def _items(params):
    """(where, line, title, where the title came from) for every key the task names."""
    if params.get("key") is not None:
        return [("key", params["key"], params.get("title"), "title")]
    items = []
    for index, item in enumerate(params.get("keys") or []):
        where = "keys[%d]" % index
        if isinstance(item, dict):
            unknown = sorted(str(name) for name in item if name not in ITEM_FIELDS)
            if unknown:
                raise CodeArtsConfigError("%s has %s, which is not one of key and title." % (where, ", ".join(unknown)))
            items.append((where + ".key", item.get("key"), item.get("title"), where + ".title"))
        elif isinstance(item, str):  # a plain public key line, as a .pub file's lines are
            items.append((where, item, None, where + ".title"))
        else:
            raise CodeArtsConfigError("%s is not usable: give a public key line, or a dictionary with key and title." % where)
    return items


def _check_combination(params):
    present, selects = params.get("state") != "absent", params.get("fingerprint") is not None
    if params.get("keys") is not None and params.get("title") is not None:
        raise CodeArtsConfigError("title applies to key only; with keys, give each key its own title (keys[].title).")
    if selects and (params.get("key") is not None or params.get("keys") is not None):
        raise CodeArtsConfigError("fingerprint names a key to remove; give it alone, not with key or keys.")
    if (selects or params.get("key") is None and params.get("keys") is None and params.get("title") is not None) and present:
        raise CodeArtsConfigError("fingerprint, or title without key, names a key to remove: use them with state: absent. "
                                  "To add a key, give key.")
    if not (selects or params.get("title") is not None or params.get("key") is not None or params.get("keys") is not None):
        raise CodeArtsConfigError("Give key or keys (the public key lines), or, with state: absent, fingerprint or title.")
    if params.get("exclusive") and params.get("keys") is None:
        raise CodeArtsConfigError("exclusive needs keys, the whole list of keys the user should have.")
    if params.get("exclusive") and not present:
        raise CodeArtsConfigError("exclusive applies with state present only.")
    if params.get("exclusive") and not params["keys"] and not params.get("allow_no_keys"):
        raise CodeArtsConfigError("exclusive with an empty keys list would delete every SSH key of the user; set "
                                  "allow_no_keys: true if that is what you want.")


def wanted_keys(params):
    """The keys the task names, as reconciler items, or a function that picks them from the listing (a removal by
    fingerprint or title). CodeArtsModule has refused any private key already."""
    _check_combination(params)
    if params.get("fingerprint") is not None:
        return select_by_fingerprint(checked_fingerprint(params["fingerprint"]))
    if params.get("key") is None and params.get("keys") is None:
        return select_by_title(checked_title(params["title"], "title"))
    managed = frozenset(("title",)) if params.get("retitle") else frozenset()
    wanted, seen = [], {}
    for where, line, title, title_where in _items(params):
        key = parse_public_key(line, where)
        if key.identity in seen:
            raise CodeArtsConfigError("%s is the same key as %s (%s)." % (where, seen[key.identity], key.fingerprint))
        seen[key.identity] = where
        title = checked_title(title, title_where) if title is not None else checked_title(key.comment or DEFAULT_TITLE, where + " (its comment)")
        values = {"title": title, "line": key.line, "type": key.type, "fingerprint": key.fingerprint}
        wanted.append(Wanted(key.identity, values, managed, where))
    return wanted


def _removing(listed):
    return Wanted(listed.key, {"title": listed.view["title"], "fingerprint": listed.view["fingerprint"]}, frozenset(),
                  "the listing")


def select_by_fingerprint(fingerprint):
    """The listed key with this fingerprint (in every copy), to remove; none when no key has it."""
    def select(listed):
        found = [item for item in listed if item.view["fingerprint"] == fingerprint]
        return [_removing(found[0])] if found else []
    return select


def select_by_title(title):
    """The listed key with exactly this title, to remove; two different keys sharing it are refused, naming both."""
    def select(listed):
        found = [item for item in listed if item.view["title"] == title]
        keys = dict((item.key, item) for item in found)
        if len(keys) > 1:
            named = ", ".join("%s (id %s)" % (item.view["fingerprint"] or "unparsable", item.id) for item in keys.values())
            raise CodeArtsStateError("title '%s' names %d different keys: %s. Remove one by its fingerprint instead."
                                     % (quoted(title, 100), len(keys), named))
        return [_removing(found[0])] if found else []
    return select
