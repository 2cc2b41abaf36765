import gc
import json

import pytest
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import retry
from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import ENVIRONMENT_NAMES, credentials_from_params
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RetryPolicy
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, FakeSession


class SleepRecorder(object):
    def __init__(self):
        self.delays = []

    def __call__(self, seconds):
        self.delays.append(seconds)


NETWORK_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def no_credentials_in_environment(monkeypatch):
    """Tests must not pick up credentials, proxies or CA bundles from the environment of whoever runs them."""
    for names in ENVIRONMENT_NAMES.values():
        for name in names:
            monkeypatch.delenv(name, raising=False)
    for name in NETWORK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture(autouse=True)
def no_warnings_from_earlier_tests():
    """A module process runs once, so Ansible keeps its warnings in a global; a test process runs many modules."""
    from ansible.module_utils.common import warnings
    for name in ("_global_warnings", "_global_deprecations"):
        getattr(warnings, name).clear()


@pytest.fixture
def session(monkeypatch):
    """The FakeSession every CodeArtsClient made during the test talks to."""
    fake = FakeSession()

    def transport(headers):
        fake.headers.update(headers)
        return fake
    monkeypatch.setattr(http_client, "Transport", transport)
    return fake


@pytest.fixture
def sleeps(monkeypatch):
    """Records the waits between retries instead of sleeping."""
    recorder = SleepRecorder()
    monkeypatch.setattr(retry.time, "sleep", recorder)
    monkeypatch.setattr(retry.random, "random", lambda: 0.5)
    return recorder


@pytest.fixture
def make_client(session, sleeps):
    def factory(retries=3, verify=True, timeout=30.0):
        policy = RetryPolicy(retries)
        credentials = credentials_from_params({"token": TOKEN}, None, environ={})
        return http_client.CodeArtsClient("https://codearts.test", credentials, verify, timeout, policy)
    return factory


@pytest.fixture
def run_module(capsys):
    """Run a module's main() as Ansible would; return its parsed JSON result (failed or not)."""
    def runner(main, args, check_mode=False):
        module_args = dict(args, _ansible_check_mode=check_mode)
        with patch_module_args(module_args):
            with pytest.raises(SystemExit):
                main()
        return json.loads(capsys.readouterr().out)
    return runner


_EMULATOR = {}


def pytest_collection_finish(session):
    """Freeze what collection imported, and start one emulator (over HTTPS on 127.0.0.1) in this test process when a collected test needs it.

    ansible-test runs every test in a fork of its own (its ansible_forked plugin): a session fixture would be set up
    in each test's fork, and its teardown skipped, leaving an emulator process behind per test. Started here, before
    any fork, each fork talks to this one, and pytest_sessionfinish stops it. gc.freeze() keeps each fork's garbage
    collector off the objects collection created, so a fork does not copy the pages they live on."""
    gc.freeze()
    if any("emulator" in getattr(item, "fixturenames", ()) for item in session.items):
        from ansible_collections.huaweicloud.codearts.tests.unit.helpers.repository_emulator import start  # the SDK: only here
        state_dir = str(session.config._tmp_path_factory.mktemp("emulator"))  # pylint: disable=protected-access
        _EMULATOR["process"], _EMULATOR["log"], _EMULATOR["emulator"] = start(state_dir)


def pytest_sessionfinish(session):
    process = _EMULATOR.pop("process", None)
    if process is not None:
        process.terminate()
        process.wait(timeout=10)
        _EMULATOR.pop("log").close()
        _EMULATOR.pop("emulator").session.close()


@pytest.fixture(scope="session")
def running_emulator():
    """The emulator this test process started for the tests that need it."""
    return _EMULATOR["emulator"]


@pytest.fixture
def emulator(running_emulator):
    """The emulator back at its seed state: default users, projects, groups and repositories; no faults."""
    running_emulator.reset()
    return running_emulator
