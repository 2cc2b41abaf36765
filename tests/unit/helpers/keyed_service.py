"""A keyed collection in memory, with a fate for every request, and the module and client the reconciler talks to."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import KeyedResource, Listed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError

FATES = ("answered", "answered", "answered", "refused", "applied, answer lost", "not applied, answer lost", "not sent")


class Service(object):
    """The items a service holds, and a fate for every request it gets (answered when there are none left)."""

    def __init__(self, items, fates):
        self.items = [dict(id=10 + index, key=key, value=value) for index, (key, value) in enumerate(items)]
        self.next_id, self.fates, self.sent = 100, list(fates), []

    def request(self, what, apply, client=None):
        """Meet the request's fate; a write answered with success is journalled, as the real client does."""
        self.sent.append(what)
        fate = self.fates.pop(0) if self.fates else "answered"
        if what[0] == "list" and fate not in ("answered", "not sent"):
            fate = "not sent"  # a read fails without landing anything
        if fate == "not sent":
            raise CodeArtsRequestError("X", what[0], "could not connect", nothing_sent=True)
        if fate == "refused":
            raise CodeArtsRequestError("X", what[0], "refused", status=403)
        if fate == "not applied, answer lost":
            raise CodeArtsRequestError("X", what[0], "answer lost", may_have_been_applied=True)
        result = apply()
        if fate == "applied, answer lost":
            raise CodeArtsRequestError("X", what[0], "answer lost", may_have_been_applied=True)
        if client is not None:
            client.note_landed("%s %s" % what)
        return result


class Resource(KeyedResource):
    noun = "item"
    result_key = "items"

    def __init__(self, service, in_place):
        self.service = service
        self.in_place = frozenset(("value",)) if in_place else frozenset()
        self.copies_allowed = not in_place

    def list(self, client):
        return self.service.request(("list",), lambda: [Listed(item["id"], item["key"], {"value": item["value"]}, dict(item))
                                                        for item in self.service.items])

    def create(self, client, wanted):
        def apply():
            self.service.next_id += 1
            self.service.items.append(dict(id=self.service.next_id, key=wanted.key, value=wanted.values["value"]))
        self.service.request(("create", wanted.key), apply, client)

    def update(self, client, listed, wanted):
        def apply():
            for item in self.service.items:
                if item["id"] == listed.id:
                    item["value"] = wanted.values["value"]
        self.service.request(("update", wanted.key), apply, client)

    def delete(self, client, listed):
        def apply():
            before = len(self.service.items)
            self.service.items = [item for item in self.service.items if item["id"] != listed.id]
            if len(self.service.items) == before:
                raise CodeArtsRequestError("X", "delete", "not found", status=404)
        self.service.request(("delete", listed.key), apply, client)

    def predicted(self, wanted, listed=None):
        return {"id": listed.id if listed else None, "key": wanted.key, "value": wanted.values["value"]}

    def diff_label(self, view):
        return view["key"]


class Module(object):
    def __init__(self, check_mode):
        self.check_mode, self.warnings, self.landed_changes = check_mode, [], []

    def warn(self, text):
        self.warnings.append(text)


class Client(object):
    def __init__(self, module):
        self.module = module

    def note_landed(self, words):
        self.module.landed_changes.append(words)
