# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What an answer read in full means: the document a call gets, or the error its status, body or wrapper says."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.body import AnswerNotJson, decode_json

# What is kept of a code, message or request id as the service said it: far more than any real one, bounded in
# memory, and cut only far beyond what the gate shows of it, so the gate always sees a secret whole where it shows it.
MAX_SAID_CHARS = 2000
# What a call's answer is (Call.answer): the client decodes it so.
OBJECT = "a JSON object"
LIST = "a JSON list"
ANY_JSON = "any JSON value"
NOTHING = "nothing to read"
# v1 and v2 answers: {"status": "success" | "failed", "result": ..., "error": {"code", "message"}}, HTTP 200 either way.
WRAPPED = "a JSON object with status success"
STATUS_HINTS = {
    404: "Nothing answers at this path: check that endpoint or region points at CodeArts Repo.",
    429: "The service is throttling requests; run again later or raise the retries option.",
}
SERVER_ERROR_HINT = "The service had a problem; run again later."
SERVICE_NOT_FOUND_HINT = "The service says what the task names does not exist (its code and message above): check the id or path."
FORBIDDEN_HINT = "The IAM user lacks the permission %s; ask an administrator to grant it."
_NOT_JSON = object()


def parse_error_body(body, content_type):
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.error_body import parse_error_body as parse  # failures only
    return parse(body, content_type)


def hint_for(iam_action, status):
    if status == 403 and iam_action:
        return FORBIDDEN_HINT % iam_action
    return STATUS_HINTS.get(status, SERVER_ERROR_HINT if status >= 500 else None)


class Answer(object):
    """A response read in full (within the cap): what the rest of the client looks at."""

    def __init__(self, status_code, headers, content):
        self.status_code = status_code
        self.headers = headers
        self.content = content

    @property
    def request_id(self):
        request_id = self.headers.get("X-Request-Id")
        return request_id.strip()[:MAX_SAID_CHARS] if request_id else None

    def error(self, method, path, summary, **details):
        """A CodeArtsRequestError about this answer, with its status, request id and the code and message in its body."""
        code, message = parse_error_body(self.content, self.headers.get("Content-Type", ""))
        return CodeArtsRequestError(method, path, summary, status=self.status_code, error_code=code, error_msg=message,
                                    request_id=self.request_id, **details)


def status_error(call, path, answer, refused_hint):
    """The error an answer's status says; refused_hint is what to check when the credentials were refused (401)."""
    status = answer.status_code
    error = answer.error(call.method, path, "the service answered with an error",
                         hint=refused_hint if status == 401 else hint_for(call.iam_action, status),
                         # A 407 from inside an https tunnel came from whatever is behind the proxy, after the request arrived.
                         may_have_been_applied=(status >= 500 or status == 407) and call.writes)
    if status == 404 and error.error_code:  # the service itself answered: the path reached it, the thing is not there
        return error.with_hint(SERVICE_NOT_FOUND_HINT)
    return error


def redirect_error(call, path, answer):
    location = answer.headers.get("Location", "(no Location header)").split("?", 1)[0]
    return CodeArtsRequestError(
        call.method, path, "the service answered with a redirect to %s, which is not followed" % quoted(location),
        status=answer.status_code, request_id=answer.request_id,
        hint="Redirects are refused because the credentials would be sent to another address; "
             "set endpoint to the service's real base URL.",
        may_have_been_applied=call.writes)  # whatever answered, the write itself may have landed


def decoded(call, path, answer):
    """The document of a 2xx answer as the call's answer kind says, or CodeArtsRequestError.

    A wrapped (v1/v2) answer is a success only when its status says so, whatever the HTTP status: a refusal answered
    200 with status failed changed nothing; what it holds is its result.
    """
    if call.answer == NOTHING:
        return answer.content.decode("utf-8", "replace").strip()
    try:
        document = decode_json(answer.content)
    except AnswerNotJson:
        document = _NOT_JSON
    if call.answer == WRAPPED and isinstance(document, dict) and "status" in document:
        return _unwrapped(call, path, answer, document)
    expected = {ANY_JSON: lambda value: value is not _NOT_JSON, LIST: lambda value: isinstance(value, list)}.get(
        call.answer, lambda value: isinstance(value, dict) and call.answer != WRAPPED)
    if expected(document):
        return document
    raise answer.error(call.method, path, "the service answered %s but not with %s" % (answer.status_code, call.answer),
                       may_have_been_applied=call.writes)


def _unwrapped(call, path, answer, document):
    if document.get("status") == "success":
        return document.get("result")
    error = document.get("error") if isinstance(document.get("error"), dict) else {}
    code, message = error.get("code"), error.get("message")
    raise CodeArtsRequestError(
        call.method, path, "the service refused the request (its answer says status %s)" % quoted(document.get("status"), 40),
        status=answer.status_code, error_code=str(code).strip()[:MAX_SAID_CHARS] if code is not None else None,
        error_msg=str(message).strip()[:MAX_SAID_CHARS] if message else None, request_id=answer.request_id)
