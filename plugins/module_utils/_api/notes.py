# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the reconciler says beside its plan, so that nothing a task wrote is ignored in silence: a difference the task
does not manage, a value the listing cannot show, and a value a replace resets to the service's default."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import copies_by_key, differing, shown


def left_alone(resource, current, wanted, state):
    """A warning for each difference the task does not manage (a title without retitle): said, never silent."""
    groups = copies_by_key(current)
    notes = []
    for item in wanted if state == "present" else ():
        copies = groups.get(item.key, [])
        for field, option in sorted(resource.noted.items()):
            if copies and field not in item.managed and item.values.get(field) is not None and field in copies[0].values \
                    and not any(resource.same(field, item.values[field], copy.values.get(field)) for copy in copies):
                notes.append("The %s %s is listed with %s %s, not %s as the task says, and is left as it is: %s." % (
                    resource.noun, resource.named(item.key), field, shown(copies[0].values.get(field)), shown(item.values[field]),
                    "set %s: true to change it" % option if option else "the API cannot change it"))
    return notes


def unverified(resource, current, wanted, steps):
    """A warning for each managed value of an item left as it is that the listing cannot show: not verified, not sent."""
    groups = copies_by_key(current)
    touched = set(item.key for _listed, item in steps.updates) | set(item.key for _copies, item in steps.replaces)
    notes = []
    for item in wanted:
        copies = groups.get(item.key, [])
        for field in sorted(item.managed & set(resource.unreadable)) if copies and item.key not in touched else ():
            if field not in copies[0].values:
                notes.append("%s of the %s %s cannot be read back (%s), so the task could not verify it and left the %s as "
                             "it is; it is sent whenever the %s is created or changed." % (
                                 field, resource.noun, resource.named(item.key), resource.unreadable[field], resource.noun,
                                 resource.noun))
        for field, option in sorted(resource.sent_on_create.items()) if copies else ():
            if field not in item.managed and item.values.get(field) is not None:
                notes.append("%s of the %s %s cannot be read back (%s), so the task cannot tell whether it differs, and sends it "
                             "only when the %s is created: set %s to send it on every run (a rotation)." % (
                                 field, resource.noun, resource.named(item.key), resource.unreadable.get(field, "it is not shown"),
                                 resource.noun, option))
    return notes


def reset_by_replace(resource, steps):
    """A warning for each item the task deletes and adds again (the API cannot change it in place, so it is gone for a
    moment), naming each value the listing cannot show that the task does not set: the new one gets the default."""
    notes = []
    for copies, item in steps.replaces:
        note = "The %s %s is deleted and added again to change %s: the API cannot change it in place." % (
            resource.noun, resource.named(item.key), ", ".join(sorted(differing(resource, copies[0], item))))
        for field in sorted(set(resource.unreadable) - item.managed):
            note += " Its %s cannot be read back (%s), so the new one gets the service's default: set %s in the task to " \
                    "choose it." % (field, resource.unreadable[field], field)
        notes.append(note)
    return notes
