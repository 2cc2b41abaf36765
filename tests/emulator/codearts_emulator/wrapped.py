"""The v1/v2 ("legacy") answer wrapper: {"result": ..., "status": "success"}, or a refusal.

Every logical refusal of a v1/v2 call is answered HTTP 200 with status "failed" and an error (the API doc's
reading, and the hostile one: a client that only checks the HTTP status takes a refusal for a success).
The codes below are the emulator's choices unless marked as seen on a Huawei page.
"""

NO_SUCH_REPOSITORY = "CH.010117"  # seen on a Huawei v1/v2 page: "the repository does not exist"
NAME_TAKEN = "CH.010110"
NO_SUCH_PROJECT = "CH.010111"
NO_SUCH_GROUP = "CH.010112"
PARAM_INVALID = "DEV.CH.10001"  # the service's general error page
FORBIDDEN = "CH.004403"  # the v4 pages' 403 code, in the wrapper
KEY_EXISTS = "CH.080002"  # the deprecated v1 SSH key call's duplicate code, reused for deploy keys
CAN_PUSH_REFUSED = "CH.080003"

# GET /v2/repositories/{uuid} of a deleted (or unknown, or unreadable) repository: HTTP 401 with this code, as
# Terraform's provider saw it ("the member has been removed from the repository or the repository has been
# removed"), in the flat shape of the gateway's own 401, so only the code tells it from an expired token.
GONE = (401, {"error_code": "CH.080401",
              "error_msg": "The member has been removed from the repository or the repository has been removed."})


def success(result):
    """A success as Huawei's examples show it: no error member."""
    return 200, {"result": result, "status": "success"}


def refusal(code, message):
    return 200, {"error": {"code": code, "message": message}, "status": "failed"}


def param_invalid(detail):
    return refusal(PARAM_INVALID, "Param invalid: %s" % detail)


def forbidden():
    return refusal(FORBIDDEN, "Insufficient permissions. Apply for the required permissions and try again.")


def no_such_repository():
    return refusal(NO_SUCH_REPOSITORY, "The repository does not exist.")


def is_refusal(response):
    """True for an answer body that reports a failure (v1/v2 wrapper, or the v4 {"status": "fail"})."""
    return isinstance(response, dict) and response.get("status") in ("failed", "fail")
