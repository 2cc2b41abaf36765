# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flow every keyed-collection module shares: list every page, plan, act unless in check mode, settle every
unclear write by listing (never a second POST), list again and verify, then report what the service holds.

What a task reports is read from the service: its result and diff are the listing after the writes, and changed
is whether the items the task governs differ between the listings before and after. When the listing after the
writes contradicts the task, the task fails saying what the service holds. The journal of landed changes (the
module's) names what landed when a later step fails.
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import (
    differing,
    is_empty,
    plan,
    predicted_after,
    refused_adds,
    unmet,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.notes import left_alone, reset_by_replace, unverified
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError, CodeArtsStateError


def _listed_after(client, resource, unclear, done):
    """The items, listed to settle an unclear write; when that fails too, the write stays unsettled and says so."""
    try:
        return resource.list(client)
    except CodeArtsRequestError as list_error:
        raise unclear.unsettled("The %s may or may not have been %s, and listing to find out failed too (%s). Check them "
                                "in CodeArts Repo before running again." % (resource.noun, done, list_error.summary)) from None


def create(client, resource, wanted, warn):
    """Add wanted. A POST is never repeated: after an unclear failure, or a refusal as a duplicate, the listing decides."""
    try:
        resource.create(client, wanted)
        return
    except CodeArtsRequestError as error:
        duplicate = resource.refused_as_duplicate(error)
        if not (error.may_have_been_applied or duplicate):
            raise
        unclear = error
    named = "%s %s" % (resource.noun, resource.named(wanted.key))
    found = [item for item in _listed_after(client, resource, unclear, "added") if item.key == wanted.key]
    if found:
        if unclear.may_have_been_applied:
            client.note_landed("add the %s (%s %s: its answer was unclear, and it is listed now)"
                               % (named, unclear.method, unclear.path))
            resource.finish_add(client, found[0], wanted)
        else:
            warn("The %s was added meanwhile by someone else: the service refused this task's add as a duplicate, and "
                 "lists it now." % named)
        return
    if duplicate:
        raise unclear.not_applied(resource.duplicate_elsewhere(wanted)) from None
    raise unclear.not_applied("Listing afterwards shows the %s was not added." % named) from None


def update(client, resource, listed, wanted):
    """Change listed in place; after an unclear failure the listing decides whether the change landed."""
    try:
        resource.update(client, listed, wanted)
        return
    except CodeArtsRequestError as error:
        if not error.may_have_been_applied:
            raise
        unclear = error
    now = [item for item in _listed_after(client, resource, unclear, "changed") if item.id == listed.id]
    if now and not differing(resource, now[0], wanted) and not wanted.managed & resource.always_sent:
        client.note_landed("change the %s %s (%s %s: its answer was unclear, and the listing shows it applied)"
                           % (resource.noun, resource.named(wanted.key), unclear.method, unclear.path))
        return
    if now and not differing(resource, now[0], wanted):  # what the listing cannot show stays unknown
        raise unclear
    raise unclear.not_applied("Listing afterwards shows the change was not applied.") from None


def delete(client, resource, listed, warn):
    """Delete listed. A 404 or an unclear failure is settled by listing: an item no longer listed is gone; one still
    listed is not (a gateway's 404 says nothing about it). Gone after a 404 to the only attempt, someone else deleted
    it meanwhile: a change of the collection, but not this task's, so it is said, not journalled."""
    try:
        resource.delete(client, listed)
        return
    except CodeArtsRequestError as error:
        if not (error.may_have_been_applied or resource.says_gone(error)):
            raise
        unclear = error
    named = "%s %s" % (resource.noun, resource.named(listed.key))
    if any(item.id == listed.id for item in _listed_after(client, resource, unclear, "deleted")):
        raise unclear.not_applied("Listing afterwards shows the %s is still there." % named) from None
    if resource.says_gone(unclear) and not unclear.may_have_been_applied:
        warn("The %s was deleted meanwhile by someone else: the service answered this task's delete with 404, and no "
             "longer lists it." % named)
        return
    client.note_landed("delete the %s (%s %s: its answer was %s, and it is no longer listed)"
                       % (named, unclear.method, unclear.path, unclear.status or "lost"))


def act(client, resource, steps, warn):
    for item in steps.adds:
        create(client, resource, item, warn)
    for listed, item in steps.updates:
        update(client, resource, listed, item)
    for listed in steps.deletes:
        delete(client, resource, listed, warn)
    for copies, item in steps.replaces:
        for listed in copies:
            delete(client, resource, listed, warn)
        create(client, resource, item, warn)


def _governed(resource, views_or_items, wanted, exclusive):
    """The items the task governs, comparable across listings: every item when exclusive, else the wanted keys'."""
    keys = set(item.key for item in wanted)
    return sorted((repr(item.id), repr(item.key), repr(sorted(item.view.items()))) for item in views_or_items
                  if exclusive or item.key in keys)


def report(resource, before, after, changed, added, removed, updated=None, governed=None):
    """The result: changed, the items after the task, what was added, removed (and changed in place), and the diff.

    before and after are (key, view) pairs. The diff shows the items the task governs (governed: their keys; None
    for every item, as with exclusive), the same items changed is judged by, so the diff shows why it changed."""
    def governed_views(pairs):
        return [view for key, view in pairs if governed is None or key in governed]
    result = {"changed": changed, resource.result_key: [view for _key, view in after], "added": added, "removed": removed,
              "diff": {"before": _diff(resource, governed_views(before)), "after": _diff(resource, governed_views(after))}}
    if resource.in_place:
        result["updated"] = updated or []
    return result


def nothing_there(resource):
    """The result of a task that removes items from a container that is not there (a repository already deleted)."""
    return report(resource, [], [], False, added=[], removed=[])


def _diff(resource, views):
    """The items keyed by what names them, so that a removed and an added item show as such, never as one changed."""
    entries = {}
    for view in views:
        label = resource.diff_label(view)
        number = 2
        while label in entries:
            label, number = "%s (copy %d)" % (resource.diff_label(view), number), number + 1
        entries[label] = resource.diff_view(view)
    return {resource.result_key: entries}


def reconcile(module, client, resource, wanted, state="present", exclusive=False):
    """Make the collection what the task says; return the module's result (see report). wanted is the list of
    Wanted items, or a function that picks them from the listing (a removal by fingerprint or title)."""
    before = resource.list(client)
    wanted = wanted(before) if callable(wanted) else wanted
    keys = set(item.key for item in wanted) if state == "present" else set()
    settled = [resource.settle_listed(client, item, module.check_mode) for item in before if item.key in keys]  # each one
    if any(settled):
        before = resource.list(client)
    for note in left_alone(resource, before, wanted, state):
        module.warn(note)
    steps = plan(resource, before, wanted, state, exclusive)
    for note in unverified(resource, before, wanted, steps) + reset_by_replace(resource, steps):
        module.warn(note)
    refusal = refused_adds(resource, client, before, steps)
    if refusal:
        raise CodeArtsStateError(refusal)
    governed = None if exclusive else set(item.key for item in wanted)
    listed_before = [(item.key, item.view) for item in before]
    if module.check_mode or is_empty(steps):
        gone = set(id(item) for item in steps.deletes) | set(id(copy) for copies, _item in steps.replaces for copy in copies)
        return report(resource, listed_before, predicted_after(resource, before, steps), not is_empty(steps),
                      added=[resource.predicted(item) for item in steps.adds + [item for _c, item in steps.replaces]],
                      removed=[item.view for item in before if id(item) in gone],
                      updated=[resource.predicted(item, listed) for listed, item in steps.updates], governed=governed)
    act(client, resource, steps, module.warn)
    after = resource.list(client)
    changed = _governed(resource, before, wanted, exclusive) != _governed(resource, after, wanted, exclusive) or any(
        item.managed & resource.always_sent for _listed, item in steps.updates)
    problems = unmet(resource, steps, wanted, after, state, exclusive)
    if problems:  # what landed, landed, whatever the listing makes of it
        changed = changed or bool(module.landed_changes)
        raise CodeArtsRequestError(resource.list_call.method, resource.list_call.path, "the service took the changes, but "
                                   "listing afterwards shows %s" % "; ".join(problems), changed=changed,
                                   hint="Check them in CodeArts Repo before running again.")
    before_ids, after_ids = set(item.id for item in before), set(item.id for item in after)
    updated_ids = set(listed.id for listed, _item in steps.updates)
    return report(resource, listed_before, [(item.key, item.view) for item in after], changed,
                  added=[item.view for item in after if item.id not in before_ids],
                  removed=[item.view for item in before if item.id not in after_ids],
                  updated=[item.view for item in after if item.id in updated_ids], governed=governed)
