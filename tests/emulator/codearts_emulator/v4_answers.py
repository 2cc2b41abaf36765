"""v4 error answers ({"error_code", "error_msg"} with a 4xx status) and v4 paging (offset, limit).

The 403 and the gateway's 404 are the bodies api.py answers for the user settings; the other codes are the
emulator's choices (Huawei documents none for these calls), in the CH.004xxxxx form the v4 pages show.
"""

from urllib.parse import parse_qs

FORBIDDEN = (403, {"error_code": "CH.004403",
                   "error_msg": "Insufficient permissions. Apply for the required permissions and try again."})
NO_SUCH_ROUTE = (404, {"error_code": "APIGW.0101",
                       "error_msg": "The API does not exist or has not been published in the environment"})
BAD_REQUEST_CODE = "CH.00401001"
NOT_FOUND_CODE = "CH.00404001"
NO_MATCHING_BRANCH = "CH.00406101"
ALREADY_PROTECTED = "CH.00406102"
DEFAULT_LIMIT, MAX_LIMIT = 20, 100


def bad_request(detail, code=BAD_REQUEST_CODE):
    return 400, {"error_code": code, "error_msg": "Param invalid: %s" % detail}


def not_found(what):
    return 404, {"error_code": NOT_FOUND_CODE, "error_msg": "%s does not exist." % what}


def query(request):
    """The request's query as {name: last value}."""
    return dict((name, values[-1]) for name, values in parse_qs(request.query or "", keep_blank_values=True).items())


def bounds(request):
    """(offset, limit) from the query, or None when they are out of range: offset counts items, from 0."""
    values = query(request)
    try:
        offset = int(values.get("offset", 0))
        limit = int(values.get("limit", DEFAULT_LIMIT))
    except ValueError:
        return None
    if offset < 0 or not 1 <= limit <= MAX_LIMIT:
        return None
    return offset, limit


def page(items, request, total_header=False):
    """(status, page, headers): one page of items as a bare array, with X-Total only where the API sends it."""
    limits = bounds(request)
    if limits is None:
        return bad_request("offset must be 0 or more and limit from 1 to %d" % MAX_LIMIT) + ({},)
    offset, limit = limits
    headers = {"X-Total": str(len(items))} if total_header else {}
    return 200, list(items[offset:offset + limit]), headers


def boolean(value):
    """A query flag: true for 'true' (any case), else false."""
    return str(value).lower() == "true"
