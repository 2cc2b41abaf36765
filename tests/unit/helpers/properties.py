"""Running a module many times in one test process, for the properties attacked with generated input."""

import contextlib
import io
import json
from unittest import mock

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import FakeSession
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args

# Generated examples are fixed per test (derandomize) so a failure reproduces, and slow machines are no failure.
SETTINGS = dict(deadline=None, derandomize=True)


def run_with_answers(main, args, answers=()):
    """Run a module's main() against a FakeSession with answers; return (result, session)."""
    session = FakeSession(answers)
    output = io.StringIO()
    with mock.patch.object(http_client, "Transport", lambda headers: session), patch_module_args(args), \
            contextlib.redirect_stdout(output):
        try:
            main()
        except SystemExit:
            pass
    return json.loads(output.getvalue()), session


def texts_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_in(key)
            yield from texts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts_in(item)
