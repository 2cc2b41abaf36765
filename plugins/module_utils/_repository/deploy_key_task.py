# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a deploy key task asks for, checked before any request: one key line (with title and can_push) or a list of
lines and dictionaries; the SSH key parsing and the private-key guard are the ones the user keys use."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.deploy_keys import identity
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import parse_public_key
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.key_titles import DEFAULT_TITLE, checked_title

MAX_TITLE_CHARS = 255
ITEM_FIELDS = ("key", "title", "can_push")


def _items(params):
    if params.get("key") is not None:
        return [("key", params["key"], params.get("title"), "title", params.get("can_push"))]
    items = []
    for index, item in enumerate(params.get("keys") or []):
        where = "keys[%d]" % index
        if isinstance(item, str):
            items.append((where, item, None, where + ".title", None))
        elif isinstance(item, dict) and set(item) <= set(ITEM_FIELDS):
            items.append((where + ".key", item.get("key"), item.get("title"), where + ".title", item.get("can_push")))
        else:
            raise CodeArtsConfigError("%s is not usable: give a public key line, or a dictionary with key, title and can_push."
                                      % where)
    return items


def wanted_deploy_keys(params):
    """The reconciler's items, and the parsed public keys (for reading a listing's MD5 fingerprints), checked now."""
    if (params.get("key") is None) == (params.get("keys") is None):
        raise CodeArtsConfigError("Give key (one deploy key) or keys (a list of them), not both and not neither.")
    if params.get("keys") is not None and params.get("title") is not None:
        raise CodeArtsConfigError("title applies to key only; with keys, give each key its own title (keys[].title).")
    if params.get("exclusive") and (params.get("keys") is None or params.get("state") == "absent"):
        raise CodeArtsConfigError("exclusive needs keys, the whole list of deploy keys, with state present.")
    if params.get("exclusive") and not params["keys"] and not params.get("allow_no_keys"):
        raise CodeArtsConfigError("exclusive with an empty keys list would delete every deploy key of the repository; set "
                                  "allow_no_keys: true if that is what you want.")
    parsed, seen = [], {}
    for where, line, title, title_where, can_push in _items(params):
        key = parse_public_key(line, where)
        if key.identity in seen:
            raise CodeArtsConfigError("%s is the same key as %s (%s)." % (where, seen[key.identity], key.fingerprint))
        seen[key.identity] = where
        title = checked_title(title if title is not None else key.comment or DEFAULT_TITLE, title_where, MAX_TITLE_CHARS)
        parsed.append((where, key, title, can_push))

    wanted = [Wanted(identity(key), {"title": title, "can_push": bool(can_push), "line": key.line, "fingerprint": key.fingerprint},
                     frozenset(("title",) + (("can_push",) if can_push is not None else ())), where)
              for where, key, title, can_push in parsed]
    return wanted, [key for _where, key, _title, _can_push in parsed]
