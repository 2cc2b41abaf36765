"""Typed errors: the five keys of a failure, and the one home of "Nothing was sent" and "Nothing was changed"."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    NOTHING_CHANGED,
    NOTHING_SENT,
    CodeArtsConfigError,
    CodeArtsMissingLibraryError,
    CodeArtsRequestError,
    CodeArtsStateError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain

FAILURE_KEYS = {"msg", "status", "error_code", "error_msg", "request_id"}


def test_a_refused_option_says_nothing_was_sent_once_even_with_a_note():
    error = CodeArtsConfigError("token is empty.").with_note("HW_AUTH_TOKEN was set but does not count here.")
    result = error.fail_result()
    assert set(result) == FAILURE_KEYS
    assert result["msg"] == "token is empty. HW_AUTH_TOKEN was set but does not count here. " + NOTHING_SENT
    assert result["msg"].count(NOTHING_SENT) == 1


def test_a_request_error_names_the_request_status_service_error_and_request_id():
    error = CodeArtsRequestError("GET", "/v4/user/keys", "the service answered with an error", status=403,
                                 error_code="CH.004403", error_msg="no permission", request_id="req-1")
    result = error.fail_result()
    assert set(result) == FAILURE_KEYS and result["status"] == 403
    assert plain(result["msg"]) == ("GET /v4/user/keys failed: the service answered with an error; HTTP status 403; "
                                    "service error CH.004403: no permission; request id req-1.")
    assert plain(result["error_code"]) == "CH.004403" and plain(result["request_id"]) == "req-1"


def test_a_connection_failure_has_null_status_code_and_request_id():
    result = CodeArtsRequestError("GET", "/v4/user/emails", "the connection broke").fail_result()
    assert result["status"] is None and result["error_code"] is None and result["request_id"] is None
    assert "request id (none returned)" in result["msg"]


def test_an_error_that_changed_nothing_says_so_unless_changes_landed_before_it():
    error = CodeArtsRequestError("POST", "/v4/user/keys", "refused", status=400, nothing_changed=True)
    assert error.fail_result()["msg"].endswith(NOTHING_CHANGED)
    landed = error.fail_result(["add the SSH key SHA256:x"])["msg"]
    assert NOTHING_CHANGED not in landed
    assert landed.endswith("Before this failure the task had changed the service: add the SSH key SHA256:x. Those "
                           "changes stay; read the settings before running again.")


def test_an_unsent_request_says_nothing_was_sent_and_never_that_it_may_have_landed():
    error = CodeArtsRequestError("PUT", "/v4/user/emails", "could not connect", nothing_sent=True)
    assert error.may_have_been_applied is False
    assert error.fail_result()["msg"].endswith(NOTHING_SENT)


def test_settling_a_write_keeps_everything_but_what_settling_learned():
    error = CodeArtsRequestError("DELETE", "/v4/user/keys/7", "the answer was lost", status=502, request_id="r")
    unsettled = error.unsettled("Listing to find out failed too.")
    assert unsettled.may_have_been_applied is True and unsettled.status == 502 and unsettled.request_id == "r"
    assert str(unsettled).endswith("Listing to find out failed too.")
    settled = unsettled.not_applied("Listing afterwards shows it is still there.")
    assert settled.may_have_been_applied is False and str(settled).endswith("it is still there.")
    assert error.possibly_applied("It may have landed.").hint == "It may have landed."


def test_a_state_error_says_nothing_changed_or_names_what_landed():
    error = CodeArtsStateError("Two hooks share the URL https://ci.example.test.")
    assert error.fail_result()["msg"].endswith(NOTHING_CHANGED)
    assert "add the webhook" in error.fail_result(["add the webhook"])["msg"]
    assert CodeArtsStateError("x", changed=True).changed is True


def test_a_missing_library_is_named_with_the_interpreter_and_keeps_the_import_traceback():
    result = CodeArtsMissingLibraryError("requests", "Traceback: ImportError").fail_result()
    assert "requests" in result["msg"] and result["exception"] == "Traceback: ImportError"
    assert FAILURE_KEYS <= set(result)
