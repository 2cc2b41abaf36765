"""Write every task result of a run, host by host, as JSON to the file CODEARTS_RESULTS names (for check_runs.py)."""

import json
import os

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
name: task_results
type: aggregate
short_description: the task results of a run as JSON, for the onboarding test
description: Writes each task's name and every host's result, as JSON, to the file CODEARTS_RESULTS names.
"""


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "task_results"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.tasks = []

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.tasks.append({"task": {"name": task.get_name()}, "hosts": {}})

    def _record(self, result, **_options):
        self.tasks[-1]["hosts"][result._host.get_name()] = self._convert(result._result)  # pylint: disable=protected-access

    @staticmethod
    def _convert(value):
        return json.loads(json.dumps(value, default=str))

    v2_runner_on_ok = v2_runner_on_failed = v2_runner_on_skipped = _record

    def v2_playbook_on_stats(self, stats):
        with open(os.environ["CODEARTS_RESULTS"], "w", encoding="utf-8") as handle:
            json.dump({"plays": [{"tasks": self.tasks}]}, handle, indent=1)
