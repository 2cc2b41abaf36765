# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The flow of a module that keeps one setting as the task says: read, compare, write unless in check mode."""


def ensure_setting(client, name, wanted, read, write, check_mode, warn):
    """The result of making setting name equal wanted. read(client) -> value; write(client, value) -> landed_by_reading.

    The diff holds the setting before and after (in check mode, after the real run would); the result
    holds it after, under name.
    """
    current = read(client)
    changed = current != wanted
    if changed and not check_mode and write(client, wanted):
        warn("The answer to the change was lost, but reading the setting again shows %s is now %s." % (name, wanted))
    return {"changed": changed, name: wanted, "diff": {"before": {name: current}, "after": {name: wanted}}}
