# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A write that is never sent twice: after a failure that may have left it applied, read instead."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError


def write_confirmed(client, call, body, read, landed, what):
    """Make call with body; return (answer, confirmed_by_reading).

    When the call fails in a way that may have left it applied (no answer, a dropped connection, a 5xx),
    read(client) is called instead of writing again, and landed(what it read) says whether the write
    took effect: then (what it read, True) is returned; otherwise the original error is raised. what names
    the setting in the message ("the email").
    """
    try:
        return client.call(call, body), False
    except CodeArtsRequestError as write_error:
        if not write_error.may_have_been_applied:
            raise
        unclear = write_error
    try:
        current = read(client)
    except CodeArtsRequestError as read_error:
        raise unclear.with_hint(
            "The change may or may not have been applied, and reading %s to find out failed too (%s). "
            "Check %s in CodeArts Repo before running again." % (what, read_error.summary, what)) from None
    if landed(current):
        client.note_landed("%s (%s %s: its answer was lost, and reading again shows it applied)"
                           % (call.name, call.method, call.path))
        return current, True
    raise unclear.not_applied("Reading %s afterwards shows the change was not applied." % what)
