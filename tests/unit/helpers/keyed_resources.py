"""Two small keyed resources for the reconciler's pure tests: hooks changed in place, keys whose copies are allowed."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import KeyedResource, Listed, Wanted


class Hooks(KeyedResource):
    noun = "webhook"
    in_place = frozenset(("events",))
    noted = {"name": None}
    unreadable = {"secret": "the service shows it masked"}

    def predicted(self, wanted, listed=None):
        return {"id": listed.id if listed else None, "url": wanted.key, "events": wanted.values.get("events")}


class Keys(KeyedResource):
    noun = "SSH key"
    copies_allowed = True
    noted = {"title": "retitle"}

    def predicted(self, wanted, listed=None):
        return {"id": None, "key": wanted.key, "title": wanted.values.get("title")}


def listed(item_id, key, **values):
    return Listed(item_id, key, values, dict(values, id=item_id, key=key))


def wanted(key, managed=(), **values):
    return Wanted(key, values, frozenset(managed), key)
