# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A keyed collection (a user's SSH keys, a repository's webhooks...): what a resource adapter declares, and the
plan from what the service lists to what a task wants. Pure: no request is made here.

Items are identified by a natural key (an SSH key's type and blob, a webhook's URL, a rule's name), never by the
service's id. A field the task manages that differs is changed in place when the adapter can (in_place), else the
item is replaced: every listed copy deleted, then the item added once. Adds come before deletes.
"""

import collections

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted

Plan = collections.namedtuple("Plan", "adds updates deletes replaces")


class Listed(object):
    """An item as the service lists it, reduced to its id, its natural key, the values compared, and its view.

    values holds the fields the listing shows; a field it cannot show (a masked secret) is absent, and is never
    compared.
    """

    def __init__(self, item_id, key, values, view):
        self.id = item_id
        self.key = key
        self.values = values
        self.view = view


class Wanted(collections.namedtuple("Wanted", "key values managed where")):
    """An item as the task wants it: values to create it with, the fields compared with a listed copy (managed), and
    where the task named it (keys[2]), for messages."""


class KeyedResource(object):
    """What the reconciler needs of one kind of item. An adapter overrides what differs from these defaults."""

    noun = "item"
    result_key = "items"
    list_call = None  # the Call that lists the items, named when the listing after the writes contradicts the task
    copies_allowed = False  # may the service list one key more than once (else such a listing is refused)
    in_place = frozenset()  # fields update() can change; any other managed difference is a replace
    always_sent = frozenset()  # fields sent on every run because the service never shows them (a webhook secret)
    noted = {}  # field -> the option that manages it, or None where nothing can: a difference left alone is said
    unreadable = {}  # field -> why the listing may not show it: a value that cannot be verified is said, never silent
    sent_on_create = {}  # field -> the option that sends it on every run: given without that option, it is said

    def list(self, client):
        raise NotImplementedError

    def create(self, client, wanted):
        raise NotImplementedError

    def finish_add(self, client, listed, wanted):
        """What create() does after its request, for an add whose answer was lost and that the listing shows."""

    def update(self, client, listed, wanted):
        raise NotImplementedError

    def delete(self, client, listed):
        raise NotImplementedError

    def same(self, field, wanted_value, listed_value):
        """Whether a listed value is what the task wants (an adapter may accept the forms a service stores)."""
        return wanted_value == listed_value

    def named(self, key):
        """How messages name an item with this key."""
        return str(key)

    def predicted(self, wanted, listed=None):
        """The view of an item after the task creates it (listed None) or changes it in place."""
        raise NotImplementedError

    def diff_view(self, view):
        """What the diff shows of a view: no ids or dates, which a prediction cannot know."""
        return view

    def diff_label(self, view):
        """What names a view in the diff (its natural key, as a user reads it)."""
        return str(view.get("id"))

    def says_gone(self, error):
        """Whether a refused delete may mean the item is gone already (then the listing decides)."""
        return error.status == 404

    def refused_as_duplicate(self, error):
        """Whether a refused create says the item exists (then the listing decides)."""
        return False

    def settle_listed(self, client, listed, check_mode):
        """Bring a listed item the task wants present to a usable state (a repository still being created is waited for),
        or raise when it cannot be; True when the listing must be read again."""
        return False

    def refused_add(self, client, wanted, current):
        """Why the service would refuse to add wanted, when the task, the listing or a read can tell (None if not): the
        task fails before any write, in check mode too."""
        return None

    def duplicate_elsewhere(self, wanted):
        """The hint when a create is refused as a duplicate and the item is not listed (held elsewhere)."""
        return "The service says the %s %s exists, but it is not listed here." % (self.noun, self.named(wanted.key))


def differing(resource, listed, wanted):
    """The managed fields whose listed value is not what the task wants; a field the listing cannot show is skipped."""
    return set(field for field in wanted.managed if field in listed.values
               and not resource.same(field, wanted.values.get(field), listed.values[field]))


def copies_by_key(listed):
    groups = collections.OrderedDict()
    for item in listed:
        groups.setdefault(item.key, []).append(item)
    return groups


def _refuse_copies(resource, groups, keys):
    """Several listed items with one key the task governs: which one it means is a guess, so none is made."""
    for key, copies in groups.items():
        if len(copies) > 1 and (keys is None or key in keys):
            raise CodeArtsStateError("%d %ss have %s: ids %s. Delete all but one (by their ids, in CodeArts Repo), then run "
                                     "again." % (len(copies), resource.noun, resource.named(key),
                                                 ", ".join(str(copy.id) for copy in copies)))


def plan(resource, current, wanted, state="present", exclusive=False):
    """The steps from current (Listed) to what the task wants.

    Several listed copies of a wanted key: with one that matches, it is kept (and the others deleted when exclusive);
    with none, every copy is deleted and the item added once, so the task ends with exactly what it asked.
    """
    groups = copies_by_key(current)
    if not resource.copies_allowed:
        _refuse_copies(resource, groups, None if exclusive else set(item.key for item in wanted))
    adds, updates, deletes, replaces = [], [], [], []
    for item in wanted:
        copies = groups.get(item.key, [])
        if state == "absent":
            deletes.extend(copies)
            continue
        if not copies:
            adds.append(item)
            continue
        matching = [copy for copy in copies if not differing(resource, copy, item)]
        if matching:
            if exclusive:
                deletes.extend(copy for copy in copies if copy is not matching[0])
            if item.managed & resource.always_sent and len(matching) == 1:
                updates.append((matching[0], item))
        elif len(copies) == 1 and differing(resource, copies[0], item) <= resource.in_place:
            updates.append((copies[0], item))
        else:
            replaces.append((copies, item))
    if exclusive:
        wanted_keys = set(item.key for item in wanted)
        deletes.extend(copy for key, copies in groups.items() if key not in wanted_keys for copy in copies)
    return Plan(adds, updates, deletes, replaces)


def refused_adds(resource, client, current, steps):
    """The first refusal the adapter foresees for an add or a replace of the plan, or None."""
    for item in list(steps.adds) + [item for _copies, item in steps.replaces]:
        refusal = resource.refused_add(client, item, current)
        if refusal:
            return refusal
    return None


def is_empty(steps):
    return not (steps.adds or steps.updates or steps.deletes or steps.replaces)


def predicted_after(resource, current, steps):
    """(key, view) of each item after the steps, as check mode reports them (new items have no id yet)."""
    gone = set(id(item) for item in steps.deletes) | set(id(copy) for copies, _item in steps.replaces for copy in copies)
    changed = dict((id(listed), item) for listed, item in steps.updates)
    after = [(item.key, resource.predicted(changed[id(item)], item) if id(item) in changed else item.view)
             for item in current if id(item) not in gone]
    return after + [(item.key, resource.predicted(item)) for item in list(steps.adds) + [item for _copies, item in steps.replaces]]


def unmet(resource, steps, wanted, after, state, exclusive):
    """What the listing after the writes contradicts of the task: each statement it fails, in words."""
    groups = copies_by_key(after)
    collapsed = set(item.key for _copies, item in steps.replaces) | set(copy.key for copy in steps.deletes)
    problems = []
    for item in wanted:
        copies = groups.get(item.key, [])
        named = "the %s %s" % (resource.noun, resource.named(item.key))
        if state == "absent":
            problems += ["%s is still listed" % named] if copies else []
        elif not copies:
            problems.append("%s is not listed" % named)
        elif not any(not differing(resource, copy, item) for copy in copies):
            held = ", ".join("%s %s" % (field, shown(copies[0].values[field])) for field in sorted(differing(resource, copies[0], item)))
            problems.append("%s holds %s" % (named, held))
        elif item.key in collapsed and len(copies) > 1:
            problems.append("%s is listed %d times" % (named, len(copies)))
    if exclusive:
        wanted_keys = set(item.key for item in wanted)
        problems += ["the %s %s is still listed" % (resource.noun, resource.named(key)) for key in groups if key not in wanted_keys]
    return problems


def shown(value):
    return "'%s'" % quoted(value, 100) if isinstance(value, str) else quoted(repr(value), 100)
