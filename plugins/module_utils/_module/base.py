# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The AnsibleModule every CodeArts module is built on: its output all passes one gate, and it keeps the run's
journal of the changes the service took."""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    FAILURE_KEYS,
    CodeArtsConfigError,
    CodeArtsError,
    changes_landed,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.argument_guard import PRIVATE_KEY_GIVEN, private_options
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.gate import OutputGate
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import MIN_MASKED_CHARS, Redactor

NO_LOG_SHOWN = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
UNEXPECTED = ("The module met an error it does not know (%s: %s). Nothing is known about whether a change reached the "
              "service: read the setting before running again, and report this message to the collection's maintainers.")


class CodeArtsModule(AnsibleModule):
    """An AnsibleModule whose output all passes one gate, and whose every failure carries the same keys.

    The gate (OutputGate) is applied by exit_json, fail_json, warn and deprecate: nothing else of the collection
    writes output. It knows every secret the task holds (register_secret) in every form and piece.

    Every failure has msg, status, error_code, error_msg and request_id, None where unknown, also when Ansible
    itself refuses the task's arguments, so a playbook can read result.status after any failure.

    Every change the service took is noted here (note_landed, called by the client and by whoever settles an unclear
    write): a task that fails after one reports changed, and its message names them, so a later failure never hides
    an earlier change.
    """

    def __init__(self, argument_spec, ignored_when_absent=(), **constraints):
        self.ignored_when_absent = ignored_when_absent  # options that describe what is created: unused by a removal
        self.redactor = Redactor()
        self.gate = OutputGate(self.redactor)
        self.landed_changes = []
        self.private_options = None
        super(CodeArtsModule, self).__init__(argument_spec=argument_spec, supports_check_mode=True, **constraints)
        for value in list(self.no_log_values):
            self.no_log_values.discard(value)
            self.register_secret(value)

    def register_secret(self, value):
        """Mask value, as given and stripped, in everything from now on (and have Ansible mask it too)."""
        if not isinstance(value, str) or len(value.strip()) < MIN_MASKED_CHARS:
            return
        self.redactor.add(value)
        self.no_log_values.update((value, value.strip()))

    def note_landed(self, words):
        """Remember a change the service took, in words (see CodeArtsClient)."""
        self.landed_changes.append(words)

    def run(self, action):
        """exit_json with what action(self) returns, or fail_json for any error it raises (never a traceback).

        A failure reports changed as the error knows it from the service (a listing before and after), else true when
        a change landed or when its write may have been applied, unsettled (its message says so): a change that may
        have landed must not be hidden.
        """
        result, failure, changed = None, None, False
        try:
            if self._private_options():
                raise CodeArtsConfigError(PRIVATE_KEY_GIVEN % self._private_options()[0])
            self._say_ignored_when_absent()
            result = action(self)
        except CodeArtsError as error:
            failure = error.fail_result(self.landed_changes)
            changed = error.changed if error.changed is not None else bool(self.landed_changes) or error.may_have_been_applied
        except Exception as error:  # the promise is no traceback, whatever a library or a server did
            failure = dict(msg=UNEXPECTED % (type(error).__name__, quoted(error)))
            if self.landed_changes:
                failure["msg"] += " " + changes_landed(self.landed_changes)
            changed = bool(self.landed_changes)
        # Outside the except blocks: ansible-core 2.19+ would otherwise attach the exception's own (unmasked) text.
        if failure is None:
            self.exit_json(**result)
        self.fail_json(changed=changed, **failure)

    def _say_ignored_when_absent(self):
        given = [name for name in self.ignored_when_absent if self.params.get(name) is not None]
        if self.params.get("state") == "absent" and given:
            self.warn("%s %s not used with state: absent, which only removes." % (", ".join(given), "is" if len(given) == 1 else "are"))

    def log(self, msg, log_args=None):
        """Log as AnsibleModule does, with NUL characters escaped.

        ansible-core before 2.19 hands the invocation, option values included, to syslog, which raises ValueError
        on a NUL: a task with a NUL in a non-secret option crashed before any check could refuse it.
        """
        super(CodeArtsModule, self).log(msg.replace("\x00", "\\x00"), log_args=log_args)

    def _private_options(self):
        """Where the options hold a private key, found once, before any output (even when Ansible itself refuses the
        arguments), and made secret with every piece of base64 beside it."""
        if self.private_options is None and getattr(self, "params", None) is not None:
            self.private_options, secrets = private_options(self.params)
            for secret in secrets:
                self.register_secret(secret)
        return self.private_options or []

    def _log_invocation(self):
        """As AnsibleModule does, unless an option holds text syslog cannot take (a lone surrogate); a private key in
        any option is made a secret first, so that neither syslog nor any output can show it."""
        self._private_options()
        try:
            super(CodeArtsModule, self)._log_invocation()
        except (UnicodeError, ValueError):
            pass

    def warn(self, warning, *args, **kwargs):
        super(CodeArtsModule, self).warn(self.gate.text(warning), *args, **kwargs)

    def deprecate(self, msg, *args, **kwargs):
        super(CodeArtsModule, self).deprecate(self.gate.text(msg), *args, **kwargs)  # pylint: disable=ansible-deprecated-no-collection-name

    def exit_json(self, **kwargs):
        super(CodeArtsModule, self).exit_json(**self._result(kwargs))

    def fail_json(self, msg, **kwargs):
        for key in FAILURE_KEYS:
            kwargs.setdefault(key, None)
        super(CodeArtsModule, self).fail_json(**self._result(dict(kwargs, msg=msg)))

    def _result(self, result):
        """result through the gate, with the task's arguments as Ansible would show them: no_log ones hidden."""
        self._private_options()
        arguments = dict((name, NO_LOG_SHOWN if value is not None and self.argument_spec.get(name, {}).get("no_log") else value)
                         for name, value in (getattr(self, "params", None) or {}).items())
        return self.gate.clean(dict(result, invocation=dict(module_args=arguments)))
