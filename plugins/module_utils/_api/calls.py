# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What an API call is, described once: its name, method and path, the IAM action a 403 names, what its answer is,
whether it changes the service, and whether it may be sent again. The client turns a Call into a request; modules
never write a method or a path. Each domain keeps its table of calls (_user/calls.py, _repository/calls.py).

Whether a request may be repeated is decided here and nowhere else: a read may; a write only when the call says
so (a DELETE: a second one finds the thing gone), or when the request provably never left (the client's rule).
"""

import collections

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.answers import ANY_JSON, LIST, NOTHING, OBJECT, WRAPPED

READ_METHODS = frozenset(("GET", "HEAD"))
# What an answer can be, as the client decodes it; the call tables name them from here.
ANSWER_KINDS = (OBJECT, LIST, ANY_JSON, NOTHING, WRAPPED)


class Call(collections.namedtuple("Call", "name method path iam_action answer repeatable")):
    """One API call. path may hold {names} filled from the arguments of CodeArtsClient.call().

    repeatable: sending it twice cannot change more than sending it once, so a failed try may be sent again. Reads
    are; a DELETE is by default; a POST never is, and a PUT only where the caller says so (an email change spends a
    one-time code).
    """

    def __new__(cls, name, method, path, iam_action, answer=OBJECT, repeatable=None):
        if answer not in ANSWER_KINDS:
            raise ValueError("%s: answer must be one of %s" % (name, ", ".join(ANSWER_KINDS)))
        if repeatable is None:
            repeatable = method in READ_METHODS or method == "DELETE"
        return super(Call, cls).__new__(cls, name, method, path, iam_action, answer, repeatable)

    @property
    def writes(self):
        """Whether the call can change the service (everything but a read)."""
        return self.method not in READ_METHODS
