"""Deadlines: one for a whole request attempt (a timer), one for a whole task (a clock)."""

import time

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.deadline import DeadlineExceeded, TaskDeadline, deadline


def test_an_attempt_that_blocks_past_its_deadline_is_interrupted():
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        with deadline(0.2):
            time.sleep(5)
    assert time.monotonic() - started < 2


def test_an_attempt_within_its_deadline_runs_to_the_end_and_leaves_no_timer():
    with deadline(5):
        time.sleep(0.01)
    time.sleep(0.05)  # a timer left running would raise here, outside any deadline


def test_a_task_deadline_counts_down_on_its_clock():
    now = [100.0]
    task = TaskDeadline(600, clock=lambda: now[0])
    assert task.remaining() == 600
    now[0] += 599.5
    assert task.remaining() == 0.5
    now[0] += 1
    assert task.remaining() < 0
