"""Write each task's name, status and result, as JSON, to the file CODEARTS_OUTCOMES names (for check_runs.py)."""

import json
import os

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
name: task_outcomes
type: aggregate
short_description: the task results of a run as JSON, for the new service repository example's test
description: Writes each task's name, status (ok, failed, skipped) and result (one host), as JSON, to the file CODEARTS_OUTCOMES names.
"""


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "task_outcomes"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.outcomes = []

    def _record(self, status, result):
        self.outcomes.append({"task": result.task_name, "status": status,
                              "result": json.loads(json.dumps(result._result, default=str))})  # pylint: disable=protected-access

    def v2_runner_on_ok(self, result, **_options):
        self._record("ok", result)

    def v2_runner_on_failed(self, result, **_options):
        self._record("failed", result)

    def v2_runner_on_skipped(self, result, **_options):
        self._record("skipped", result)

    def v2_playbook_on_stats(self, stats):
        with open(os.environ["CODEARTS_OUTCOMES"], "w", encoding="utf-8") as handle:
            json.dump(self.outcomes, handle, indent=1)
