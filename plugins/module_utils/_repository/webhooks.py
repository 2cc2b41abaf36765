# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A repository's webhooks as a keyed collection: a hook is named by its URL, changed in place (PUT), and two hooks
with one URL are refused, naming them.

The secret (the API's token) is never read: every read shows a mask, so it is never compared and never sent back.
It is sent when a hook is created, and on every run with secret_update: always (each such run reports changed,
since nobody can tell whether it differed). A PUT replaces a whole hook, so it carries every other field, the
listed ones where the task does not set them, and no token unless the task sends one: the stored one then stays.
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import KeyedResource, Listed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import UnreadableItem, field_of, read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.calls import (
    CREATE_HOOK,
    DELETE_HOOK,
    LIST_HOOKS,
    UPDATE_HOOK,
)

# The task's event names, and the API's flags for them.
EVENTS = (("push", "push_events"), ("tag_push", "tag_push_events"), ("merge_request", "merge_requests_events"),
          ("note", "note_events"))
FIELDS = ("name", "events", "push_branch_regex", "note_filter", "secret_header")
DEFAULT_SECRET_HEADER = "X-Repo-Token"


def listed_hook(item):
    texts = dict((field, field_of(item, field, str, "")) for field in ("name", "push_events_branch_regex_filter", "token_type",
                                                                       "description"))
    notes = field_of(item, "note_plain_text_filter", list, [])
    if not all(isinstance(note, str) for note in notes):
        raise UnreadableItem("note_plain_text_filter", notes)
    values = {"name": texts["name"], "events": sorted(event for event, flag in EVENTS if field_of(item, flag, bool, False)),
              "push_branch_regex": texts["push_events_branch_regex_filter"], "note_filter": sorted(notes),
              "secret_header": texts["token_type"] or DEFAULT_SECRET_HEADER, "description": texts["description"]}
    view = dict((field, values[field]) for field in FIELDS)
    view.update(id=item.get("id"), url=item.get("url"), created_at=item.get("created_at"))
    return Listed(item.get("id"), item.get("url"), values, view)


def hook_body(url, values, secret=None):
    """A WebhookParamsDto; the token only when one is to be sent."""
    body = {"url": url, "name": values["name"], "description": values.get("description", ""),
            "push_events_branch_regex_filter": values["push_branch_regex"],
            "note_plain_text_filter": list(values["note_filter"]), "token_type": values["secret_header"]}
    body.update((flag, event in values["events"]) for event, flag in EVENTS)
    if secret is not None:
        body["token"] = secret
    return body


class Webhooks(KeyedResource):
    noun = "webhook"
    result_key = "webhooks"
    list_call = LIST_HOOKS
    in_place = frozenset(FIELDS + ("secret",))
    always_sent = frozenset(("secret",))
    sent_on_create = {"secret": "secret_update: always"}
    unreadable = {"secret": "the service shows it masked"}

    def __init__(self, repository):
        self.repository = repository

    def list(self, client):
        return read_all_pages(client, LIST_HOOKS, keep=listed_hook, repository_id=self.repository.id)

    def _merged(self, listed, wanted):
        return dict(listed.values, **dict((field, wanted.values[field]) for field in FIELDS if field in wanted.managed))

    def create(self, client, wanted):
        client.call(CREATE_HOOK, hook_body(wanted.key, wanted.values, wanted.values.get("secret")), about=wanted.key,
                    repository_id=self.repository.id)

    def update(self, client, listed, wanted):
        secret = wanted.values.get("secret") if "secret" in wanted.managed else None
        client.call(UPDATE_HOOK, hook_body(wanted.key, self._merged(listed, wanted), secret), about=wanted.key,
                    repository_id=self.repository.id, hook_id=listed.id)

    def delete(self, client, listed):
        client.call(DELETE_HOOK, about=listed.key, repository_id=self.repository.id, hook_id=listed.id)

    def predicted(self, wanted, listed=None):
        values = self._merged(listed, wanted) if listed else wanted.values
        view = dict((field, values[field]) for field in FIELDS)
        view.update(id=listed.id if listed else None, url=wanted.key, created_at=listed.view["created_at"] if listed else None)
        return view

    def diff_view(self, view):
        return dict((key, value) for key, value in view.items() if key not in ("id", "created_at"))

    def diff_label(self, view):
        return view["url"]
