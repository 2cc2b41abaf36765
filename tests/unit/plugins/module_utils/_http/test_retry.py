"""When to try a request again, and how long to wait: backoff, jitter and Retry-After."""

import email.utils

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RetryPolicy, parse_retry_after
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.properties import examples


@pytest.mark.parametrize("header, seconds", [
    ("0", 0.0), ("7", 7.0), (" 2.5 ", 2.5), (None, None), ("soon", None), ("", None),
    # Not a wait: the usual backoff applies, so a server cannot make the client retry at once.
    ("-3", None), ("-0.5", None), ("nan", None), ("NaN", None), ("-inf", None),
])
def test_retry_after_in_seconds(header, seconds):
    assert parse_retry_after(header) == seconds


def test_retry_after_as_an_http_date():
    now = 1_700_000_000.0
    header = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(header, now=now) == pytest.approx(30.0)
    assert parse_retry_after(email.utils.formatdate(now - 30, usegmt=True), now=now) is None


@pytest.mark.parametrize("jitter, expected", [(0.0, [0.5, 1.0, 2.0, 4.0, 5.0]), (1.0, [1.0, 2.0, 4.0, 8.0, 10.0])])
def test_backoff_is_exponential_jittered_and_capped(jitter, expected):
    policy = RetryPolicy(retries=5, base_delay=1.0, max_delay=10.0, sleep=None, jitter=lambda: jitter)
    assert [policy.backoff(number) for number in range(5)] == expected


def test_no_delay_once_the_retries_are_spent():
    policy = RetryPolicy(retries=2, jitter=lambda: 0.0)
    assert policy.delay_before_retry(0) == 0.5
    assert policy.delay_before_retry(1) == 1.0
    assert policy.delay_before_retry(2) is None


def test_retry_after_overrides_backoff_up_to_a_minute():
    policy = RetryPolicy(retries=3, jitter=lambda: 0.0)
    assert policy.delay_before_retry(0, "60") == 60.0
    assert policy.delay_before_retry(0, "61") is None
    assert RetryPolicy(retries=0).delay_before_retry(0, "1") is None


@pytest.mark.parametrize("header", ["-1", "nan", "-inf"])
def test_a_retry_after_that_is_no_wait_gets_the_usual_backoff(header):
    policy = RetryPolicy(retries=3, jitter=lambda: 0.0)
    assert policy.delay_before_retry(0, header) == policy.backoff(0) == 0.5


# Derandomised: the same 300 examples every run, so CI cannot turn red on a lucky seed.
SETTINGS = settings(max_examples=examples(300), deadline=None, derandomize=True)


@SETTINGS
@given(st.text(max_size=60))
def test_retry_after_is_a_wait_or_nothing(value):
    seconds = parse_retry_after(value)
    assert seconds is None or seconds >= 0
