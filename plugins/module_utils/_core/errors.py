# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Typed errors raised by the CodeArts helpers.

Helpers raise these; only the module base turns one into fail_json. Every message is built from the request
line, the HTTP status and what the service said, never from headers or options, so it cannot carry a token,
key, password or verification code; texts from outside are marked with quoting.quoted for the output gate.

Two sentences have one home each, here: "Nothing was sent to the service." ends every error raised before a
request could leave (CodeArtsConfigError, or a request error with nothing_sent), and "Nothing was changed." ends
an error that changed nothing, unless the module knows of changes that landed earlier (changes_landed).
"""

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted

# Every failure returns these keys, None where unknown, so a playbook can always read them.
FAILURE_KEYS = ("status", "error_code", "error_msg", "request_id")
NOTHING_SENT = "Nothing was sent to the service."
NOTHING_CHANGED = "Nothing was changed."
MAX_REQUEST_ID_CHARS = 100


def changes_landed(landed):
    """The sentence a failure ends with when the task had changed the service before it failed."""
    return ("Before this failure the task had changed the service: %s. Those changes stay; read the settings before "
            "running again." % "; ".join(landed))


class CodeArtsError(Exception):
    """Base class of every error the collection raises on purpose.

    changed, when not None, is what the task changed as read from the service (a listing before and after); None
    leaves it to the module, which knows the changes that landed and whether this error's write may have.
    """

    changed = None
    may_have_been_applied = False

    def fail_result(self, landed=()):
        """The keyword arguments for AnsibleModule.fail_json; landed: the changes the task made before it failed."""
        return dict(dict.fromkeys(FAILURE_KEYS), msg=str(self) + (" " + changes_landed(landed) if landed else ""))


class CodeArtsConfigError(CodeArtsError):
    """The task's options or environment cannot be used; raised before any request is sent, and says so."""

    def __str__(self):
        return "%s %s" % (super(CodeArtsConfigError, self).__str__(), NOTHING_SENT)

    def with_note(self, note):
        """The same refusal with a note that explains it (an option set elsewhere that did not count)."""
        return CodeArtsConfigError("%s %s" % (self.args[0], note))


class CodeArtsStateError(CodeArtsError):
    """What the service holds makes the task impossible or ambiguous (two hooks with one URL, a title two keys
    share); raised before any write of the step it is about."""

    def __init__(self, message, changed=None):
        super(CodeArtsStateError, self).__init__(message)
        self.changed = changed

    def fail_result(self, landed=()):
        return dict(dict.fromkeys(FAILURE_KEYS), msg=str(self) + " " + (changes_landed(landed) if landed else NOTHING_CHANGED))


class CodeArtsMissingLibraryError(CodeArtsError):
    """A Python library the modules need is not importable by the interpreter running the module."""

    def __init__(self, library, import_traceback):
        super(CodeArtsMissingLibraryError, self).__init__(missing_required_lib(library))
        self.import_traceback = import_traceback

    def fail_result(self, landed=()):
        return dict(super(CodeArtsMissingLibraryError, self).fail_result(landed), exception=self.import_traceback)


class CodeArtsRequestError(CodeArtsError):
    """A request failed: the service answered with an error, or gave no usable answer at all.

    status, error_code and error_msg are None where the service did not provide them (for a connection failure
    there is no status at all); error_code and error_msg are kept as the service sent them (bounded), for callers
    to compare, and quoted only in output. may_have_been_applied is True when a write may have reached the service
    even though no usable answer came back. nothing_sent: the request provably never left. nothing_changed: the
    error itself changed nothing, and the message says the task changed nothing unless fail_result is told of
    changes that landed.
    """

    def __init__(self, method, path, summary, status=None, error_code=None, error_msg=None, request_id=None,
                 hint=None, may_have_been_applied=False, nothing_changed=False, nothing_sent=False, changed=None):
        self.method = method
        self.path = path
        self.summary = summary
        self.status = status
        self.error_code = error_code
        self.error_msg = error_msg
        self.request_id = request_id
        self.hint = hint
        self.may_have_been_applied = may_have_been_applied
        self.nothing_changed = nothing_changed
        self.nothing_sent = nothing_sent
        self.changed = changed
        super(CodeArtsRequestError, self).__init__(self._message())

    def _message(self, landed=()):
        parts = ["%s %s failed: %s" % (self.method, self.path, self.summary)]
        if self.status is not None:
            parts.append("HTTP status %s" % self.status)
        if self.error_code or self.error_msg:
            parts.append("service error %s: %s" % (quoted(self.error_code) if self.error_code else "(no code)",
                                                   quoted(self.error_msg) if self.error_msg else "(no message)"))
        parts.append("request id %s" % (quoted(self.request_id, MAX_REQUEST_ID_CHARS) if self.request_id else "(none returned)"))
        message = "; ".join(parts) + "."
        if self.nothing_sent:
            message += " " + NOTHING_SENT
        elif self.nothing_changed and not landed:
            message += " " + NOTHING_CHANGED
        if self.hint:
            message += " " + self.hint
        if landed:
            message += " " + changes_landed(landed)
        return message

    def _replaced(self, **changes):
        fields = dict(summary=self.summary, status=self.status, error_code=self.error_code, error_msg=self.error_msg,
                      request_id=self.request_id, hint=self.hint, may_have_been_applied=self.may_have_been_applied,
                      nothing_changed=self.nothing_changed, nothing_sent=self.nothing_sent, changed=self.changed)
        fields.update(changes)
        return CodeArtsRequestError(self.method, fields.pop("path", self.path), **fields)

    def possibly_applied(self, why):
        """Return the same error, marked as a write that may have been applied, with why added to its hint."""
        return self._replaced(may_have_been_applied=True, hint=((self.hint or "") + " " + why).strip())

    def unsettled(self, hint):
        """Return the same error, a write that may have been applied and could not be settled (hint says why)."""
        return self._replaced(may_have_been_applied=True, hint=hint)

    def not_applied(self, hint):
        """Return the same error, settled: the write is known not to have been applied (hint says how it is known)."""
        return self._replaced(hint=hint, may_have_been_applied=False)

    def with_hint(self, hint):
        """Return the same error with a hint appended to its message (replacing any earlier hint)."""
        return self._replaced(hint=hint)

    def fail_result(self, landed=()):
        return dict(msg=self._message(landed), status=self.status,
                    error_code=quoted(self.error_code) if self.error_code else self.error_code,
                    error_msg=quoted(self.error_msg) if self.error_msg else self.error_msg,
                    request_id=quoted(self.request_id, MAX_REQUEST_ID_CHARS) if self.request_id else self.request_id)
