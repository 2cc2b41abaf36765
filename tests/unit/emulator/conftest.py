"""Fixtures for the emulator's repository-level tests: one emulator process for the session, reset for each test."""

import pytest

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.repository_emulator import start


@pytest.fixture(scope="session")
def running_emulator(tmp_path_factory):
    process, log, emulator = start(str(tmp_path_factory.mktemp("emulator")))
    yield emulator
    process.terminate()
    process.wait(timeout=10)
    log.close()
    emulator.session.close()


@pytest.fixture
def emulator(running_emulator):
    """The emulator back at its seed state: default users, projects, groups and repositories; no faults."""
    running_emulator.reset()
    return running_emulator
