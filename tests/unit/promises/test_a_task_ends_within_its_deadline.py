"""A task ends within task_timeout, whatever the service does: every attempt fits in what is left, no retry waits
past it, and a task it stops fails with the five keys, says how far it got, and names what landed before."""

import time

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_repository, codearts_user_ssh_key, codearts_user_ssh_key_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, FakeSession, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519

ARGS = dict(endpoint="https://codearts.test", token=TOKEN)
FAILURE_KEYS = {"msg", "status", "error_code", "error_msg", "request_id"}


class SlowSession(FakeSession):
    """Answers as scripted, each GET after delay seconds: a slow service."""

    delay = 0.0

    def request(self, method, url, **options):
        if method == "GET":
            time.sleep(self.delay)
        return super(SlowSession, self).request(method, url, **options)


@pytest.fixture
def slow(monkeypatch):
    service = SlowSession()
    monkeypatch.setattr(http_client, "Transport", lambda headers: service)
    return service


def full_page(first_id):
    """A page of 100 keys, as from a service that pages on for ever."""
    keys = [dict(id=first_id + index, title="k", key="ssh-ed25519 x", created_at="2026-12-01") for index in range(100)]
    return response(200, {"keys": keys, "total": 1000000})


def test_slow_endless_pages_stop_at_the_task_timeout_with_how_far_the_task_got(run_module, slow):
    slow.delay = 0.2
    slow.script(*[full_page(1000 + 100 * page) for page in range(20)])
    started = time.monotonic()
    result = run_module(codearts_user_ssh_key_info.main, dict(ARGS, timeout=0.5, task_timeout=1.0))
    assert time.monotonic() - started < 3.0
    assert result["failed"] is True and FAILURE_KEYS <= set(result)
    assert "ran out of its task_timeout of 1.0 seconds" in result["msg"]
    assert "requests answered, the last: list the user's SSH keys" in result["msg"]
    assert 3 <= len(slow.sent) <= 7


def test_a_task_stopped_by_its_deadline_after_a_change_landed_reports_changed_and_names_the_change(run_module, slow):
    key = ed25519()
    slow.delay = 0.3
    slow.script(response(200, {"keys": [], "total": 0}), response(201, dict(id=7, title="laptop", key=key)),
                *[full_page(1000 + 100 * page) for page in range(20)])
    result = run_module(codearts_user_ssh_key.main, dict(ARGS, key=key, title="laptop", timeout=0.5, task_timeout=1.0))
    assert result["failed"] is True and result["changed"] is True
    assert "ran out of its task_timeout" in result["msg"] and "add an SSH key SHA256:" in result["msg"]


def test_no_retry_waits_past_the_deadline(run_module, session, sleeps):
    session.script(*[response(503, {"error_code": "X", "error_msg": "busy"}, headers={"Retry-After": "30"})] * 3)
    result = run_module(codearts_user_ssh_key_info.main, dict(ARGS, task_timeout=5.0))
    assert result["failed"] is True and "ran out of its task_timeout of 5.0 seconds" in result["msg"]
    assert sleeps.delays == [] and len(session.sent) == 1


def test_waiting_for_a_new_repository_ends_within_task_timeout(run_module, emulator, sleeps, monkeypatch):
    real_clock = time.monotonic
    monkeypatch.setattr(time, "monotonic", lambda: real_clock() + sum(sleeps.delays))  # the waits pass as time
    emulator.control("POST", "creation", {"creating_reads": 1000})
    result = run_module(codearts_repository.main, dict(endpoint=emulator.url, ca_path=emulator.session.verify, token="alice-token",
                                                       project_id="9f6c1d2e3b4a59687f8e9d0c1b2a3f4e", name="slow",
                                                       wait_timeout=600, task_timeout=5.0))
    assert result["failed"] is True and result["changed"] is True and "task_timeout ran out" in result["msg"]
    assert sum(sleeps.delays) <= 5.0
