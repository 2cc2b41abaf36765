# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Typed errors raised by the CodeArts helpers.

Helpers raise these; only a module's main() turns one into fail_json. Every message is built from
the request line, the HTTP status and what the service said, never from headers or options, so it
cannot carry a token, key, password or verification code.
"""

from ansible.module_utils.basic import missing_required_lib


# Every failure returns these keys, None where unknown, so a playbook can always read them.
FAILURE_KEYS = ("status", "error_code", "error_msg", "request_id")
# What an error says when the task had changed nothing. Only the module knows that (changes_landed), so a helper
# raises with nothing_changed=True and the module says it, or names the changes that landed instead.
NOTHING_CHANGED = "Nothing was changed."


def changes_landed(landed):
    """The sentence a failure ends with when the task had changed the service before it failed."""
    return ("Before this failure the task had changed the service: %s. Those changes stay; read the settings before "
            "running again." % "; ".join(landed))


class CodeArtsError(Exception):
    """Base class of every error the collection raises on purpose."""

    def fail_result(self, landed=()):
        """The keyword arguments for AnsibleModule.fail_json; landed: the changes the task made before it failed."""
        return dict(dict.fromkeys(FAILURE_KEYS), msg=str(self) + (" " + changes_landed(landed) if landed else ""))


class CodeArtsConfigError(CodeArtsError):
    """The task's options are invalid or incomplete; raised before any request is sent."""


class CodeArtsMissingLibraryError(CodeArtsError):
    """A Python library the modules need is not importable by the interpreter running the module."""

    def __init__(self, library, import_traceback):
        super(CodeArtsMissingLibraryError, self).__init__(missing_required_lib(library))
        self.import_traceback = import_traceback

    def fail_result(self, landed=()):
        return dict(super(CodeArtsMissingLibraryError, self).fail_result(landed), exception=self.import_traceback)


class CodeArtsRequestError(CodeArtsError):
    """A request failed: the service answered with an error, or gave no usable answer at all.

    status, error_code and error_msg are None where the service did not provide them (for a
    connection failure there is no status at all). may_have_been_applied is True when a write may
    have reached the service even though no usable answer came back. nothing_changed: the error itself changed
    nothing, and the message says the task changed nothing unless fail_result is told of changes that landed.
    """

    def __init__(self, method, path, summary, status=None, error_code=None, error_msg=None,
                 request_id=None, hint=None, may_have_been_applied=False, nothing_changed=False):
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
        super(CodeArtsRequestError, self).__init__(self._message())

    def _message(self, landed=()):
        parts = ["%s %s failed: %s" % (self.method, self.path, self.summary)]
        if self.status is not None:
            parts.append("HTTP status %s" % self.status)
        if self.error_code or self.error_msg:
            parts.append("service error %s: %s" % (self.error_code or "(no code)", self.error_msg or "(no message)"))
        parts.append("request id %s" % (self.request_id or "(none returned)"))
        message = "; ".join(parts) + "."
        if self.nothing_changed and not landed:
            message += " " + NOTHING_CHANGED
        if self.hint:
            message += " " + self.hint
        if landed:
            message += " " + changes_landed(landed)
        return message

    def _replaced(self, **changes):
        fields = dict(summary=self.summary, status=self.status, error_code=self.error_code, error_msg=self.error_msg,
                      request_id=self.request_id, hint=self.hint, may_have_been_applied=self.may_have_been_applied,
                      nothing_changed=self.nothing_changed)
        fields.update(changes)
        return CodeArtsRequestError(self.method, fields.pop("path", self.path), **fields)

    def possibly_applied(self, why):
        """Return the same error, marked as a write that may have been applied, with why added to its hint."""
        return self._replaced(may_have_been_applied=True, hint=((self.hint or "") + " " + why).strip())

    def not_applied(self, hint):
        """Return the same error, settled: the write is known not to have been applied (hint says how it is known)."""
        return self._replaced(hint=hint, may_have_been_applied=False)

    def with_hint(self, hint):
        """Return the same error with a hint appended to its message (replacing any earlier hint)."""
        return self._replaced(hint=hint)

    def fail_result(self, landed=()):
        return dict(msg=self._message(landed), status=self.status, error_code=self.error_code, error_msg=self.error_msg,
                    request_id=self.request_id)
