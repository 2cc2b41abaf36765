# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a webhook task asks for, checked before any request: one hook (url, name, events, filters, secret) or a list
of them. A URL with a user name or password is refused (it would carry a secret in the clear, and be shown)."""

import re
from urllib.parse import urlsplit

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.webhooks import DEFAULT_SECRET_HEADER, EVENTS

HOOK_FIELDS = ("url", "name", "events", "push_branch_regex", "note_filter", "secret", "secret_header")
SECRET_HEADERS = ("X-Repo-Token", "X-Gitlab-Token", "X-Auth-Token")
LIMITS = {"url": 500, "name": 200, "push_branch_regex": 500, "secret": 2000}
MAX_NOTES, MAX_NOTE_CHARS = 10, 50
# What a new hook gets where the task says nothing: push events on every branch.
CREATION_DEFAULTS = {"name": "", "events": ["push"], "push_branch_regex": ".*", "note_filter": [],
                     "secret_header": DEFAULT_SECRET_HEADER}


def _url(value, where):
    url = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(url) if url and not any(char.isspace() or ord(char) < 32 for char in url) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise CodeArtsConfigError("%s is not usable: give an http:// or https:// address." % where)
    if "@" in parts.netloc:
        raise CodeArtsConfigError("%s is not usable: it holds a user name or password, which would travel and be stored in "
                                  "the clear. Give the secret in secret instead." % where)
    return url


def _hook(item, where):
    unknown = sorted(str(name) for name in item if name not in HOOK_FIELDS)
    if unknown:
        raise CodeArtsConfigError("%s has %s, which is not one of %s." % (where or "the task", ", ".join(unknown), ", ".join(HOOK_FIELDS)))
    label = (where + ".") if where else ""
    for field, limit in LIMITS.items():
        value = item.get(field)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise CodeArtsConfigError("%s%s is not usable: text of at most %d characters." % (label, field, limit))
    url = _url(item.get("url"), label + "url")
    values, managed = {}, set()
    for field in ("name", "push_branch_regex", "note_filter", "secret_header", "events"):
        if item.get(field) is not None:
            values[field], managed = item[field], managed | {field}
    if "events" in values:
        known = [event for event, _flag in EVENTS]
        if not isinstance(values["events"], list) or not values["events"] or not set(values["events"]) <= set(known):
            raise CodeArtsConfigError("%sevents is not usable: a list of one or more of %s." % (label, ", ".join(known)))
        values["events"] = sorted(set(values["events"]))
    if "push_branch_regex" in values:
        try:
            re.compile(values["push_branch_regex"])
        except re.error as problem:
            raise CodeArtsConfigError("%spush_branch_regex is not usable: it is not a regular expression (%s)." % (label, problem))
    if "note_filter" in values:
        notes = values["note_filter"]
        if not isinstance(notes, list) or len(notes) > MAX_NOTES or not all(isinstance(n, str) and len(n) <= MAX_NOTE_CHARS for n in notes):
            raise CodeArtsConfigError("%snote_filter is not usable: at most %d texts of at most %d characters."
                                      % (label, MAX_NOTES, MAX_NOTE_CHARS))
        values["note_filter"] = sorted(set(notes))
    if "note" in values.get("events", ()) and not values.get("note_filter"):
        raise CodeArtsConfigError("%sevents has note, which needs note_filter: the service takes comment events only with "
                                  "the texts that trigger them." % label)
    if values.get("push_branch_regex", ".*").strip() == "" and "push" in values.get("events", ["push"]):
        raise CodeArtsConfigError("%spush_branch_regex is empty, and the service takes push events only with a branch filter: "
                                  "give .* for every branch." % label)
    if values.get("secret_header") is not None and values["secret_header"] not in SECRET_HEADERS:
        raise CodeArtsConfigError("%ssecret_header is not usable: one of %s." % (label, ", ".join(SECRET_HEADERS)))
    return url, values, managed


def wanted_hooks(params):
    """The reconciler's items for the task, checked before any request."""
    one = params.get("url") is not None
    if one == (params.get("webhooks") is not None):
        raise CodeArtsConfigError("Give url (one webhook) or webhooks (a list of them), not both and not neither.")
    if params.get("exclusive") and (one or params.get("state") == "absent"):
        raise CodeArtsConfigError("exclusive needs webhooks, the whole list, with state present.")
    if params.get("exclusive") and not params["webhooks"] and not params.get("allow_no_webhooks"):
        raise CodeArtsConfigError("exclusive with an empty webhooks list would delete every webhook of the repository; set "
                                  "allow_no_webhooks: true if that is what you want.")
    items = [("", dict((field, params.get(field)) for field in HOOK_FIELDS))] if one else \
        [("webhooks[%d]" % index, item) for index, item in enumerate(params["webhooks"])]
    wanted, seen = [], {}
    for where, item in items:
        if not isinstance(item, dict):
            raise CodeArtsConfigError("%s is not usable: give a dictionary with url and the hook's settings." % where)
        url, values, managed = _hook(item, where)
        if url in seen:
            raise CodeArtsConfigError("%s names %s again, as %s does." % (where or "url", quoted(url, 100), seen[url]))
        seen[url] = where or "url"
        creation = dict(CREATION_DEFAULTS, **values)
        if "push" in creation["events"] and "push_branch_regex" not in values:
            creation["push_branch_regex"] = ".*"
        if item.get("secret") is not None:
            creation["secret"] = item["secret"]
            if params.get("secret_update") == "always":
                managed.add("secret")
        wanted.append(Wanted(url, creation, frozenset(managed), where or "url"))
    return wanted
