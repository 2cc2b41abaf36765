# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A deadline for one whole request attempt: connect, send, and read the full answer.

The HTTP library's timeout bounds each socket operation, so an answer that drips one byte at a time, or
never ends, could keep a task running for ever. A module runs in its own process, on its main thread,
so a real-time interval timer can interrupt whatever is blocking when the time is up.
"""

import contextlib
import signal
import threading


class DeadlineExceeded(Exception):
    """The attempt ran out of time."""


def _interrupt(signum, frame):
    raise DeadlineExceeded()


def _can_use_timer():
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def deadline(seconds):
    """Raise DeadlineExceeded in the body when it runs longer than seconds.

    Off the main thread (where signals cannot be used) only the per-operation timeouts apply.
    """
    if not _can_use_timer():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class TaskDeadline(object):
    """The time a whole task may take (task_timeout): every attempt and every wait between attempts fit inside it."""

    def __init__(self, seconds, clock=None):
        import time  # only a task with a deadline needs the clock
        self.seconds = seconds
        self._clock = clock or time.monotonic
        self._ends = self._clock() + seconds

    def remaining(self):
        return self._ends - self._clock()
