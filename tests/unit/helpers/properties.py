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


def _full_depth():
    from ansible.module_utils.ansible_release import __version__ as ansible_version
    release = tuple(int(part) for part in ansible_version.split(".")[:2])
    return not (2, 17) <= release <= (2, 20)


# The properties test this collection's code, the same on every release; ansible-core, which differs, takes part in
# every example. So they search deep where the integration tests run too (the oldest supported release, 2.16, and
# the newest), and with a third of the examples on the releases between.
FULL_DEPTH = _full_depth()


def examples(count):
    """How many examples a property generates on this ansible-core release."""
    return count if FULL_DEPTH else max(100, count // 3)
