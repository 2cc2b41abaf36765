# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""When to try a request again and how long to wait first."""

import email.utils
import math
import random
import time

RETRYABLE_STATUSES = frozenset((429, 500, 502, 503, 504))

# A Retry-After longer than this is not waited out: the task fails and says what the service asked.
MAX_RETRY_AFTER_SECONDS = 60.0


def parse_retry_after(value, now=None):
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None.

    None, meaning the usual backoff, also for values that cannot be a wait: negative, not a number, or a
    date already past. A hostile or broken server must not be able to make the client retry at once.
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        seconds = _seconds_until(value, time.time() if now is None else now)
    if seconds is None or math.isnan(seconds) or seconds < 0:
        return None
    return seconds


def _seconds_until(http_date, now):
    try:
        moment = email.utils.parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None or moment.tzinfo is None:
        return None
    seconds = moment.timestamp() - now
    return seconds if seconds > 0 else None


class RetryPolicy(object):
    """Exponential backoff with jitter, bounded by a number of retries.

    retries is how many times a request may be repeated after its first try (0 turns retrying off).
    """

    def __init__(self, retries, base_delay=1.0, max_delay=20.0, sleep=None, jitter=None):
        self.retries = retries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.sleep = sleep or time.sleep
        self.jitter = jitter or random.random

    def backoff(self, retry_number):
        """The wait before retry number retry_number (0 for the first retry): half fixed, half random."""
        ceiling = min(self.max_delay, self.base_delay * (2 ** retry_number))
        return ceiling / 2.0 + self.jitter() * ceiling / 2.0

    def delay_before_retry(self, retry_number, retry_after_header=None):
        """Seconds to wait before retry retry_number, or None when no retry should be made."""
        if retry_number >= self.retries:
            return None
        requested = parse_retry_after(retry_after_header)
        if requested is None:
            return self.backoff(retry_number)
        if requested > MAX_RETRY_AFTER_SECONDS:
            return None
        return requested
