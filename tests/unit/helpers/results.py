"""What every failed result must hold."""

import json

FAILURE_KEYS = {"msg", "status", "error_code", "error_msg", "request_id"}


def assert_failure(result):
    """Failed, with the five keys, and no traceback anywhere in it."""
    assert result["failed"] is True
    assert FAILURE_KEYS <= set(result)
    assert "Traceback" not in json.dumps(result)
