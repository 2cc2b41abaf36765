# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one HTTP client every module talks to CodeArts Repo through: retries, status errors, decoded answers."""

import json
from urllib.parse import urlencode

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets import redaction
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import ANY_JSON, GET_SETTING, NOTHING, OBJECT, UPDATE_SETTING
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.body import (
    AnswerNotJson,
    AnswerTooLarge,
    decode_json,
    read_capped,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.deadline import deadline
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    CodeArtsMissingLibraryError,
    CodeArtsRequestError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.network_environment import proxy_for
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.quoting import squeeze
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RETRYABLE_STATUSES
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.transport import REQUESTS_IMPORT_ERROR, Transport, requests
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.user_agent import user_agent

# Methods whose repetition cannot change anything on the service.
SAFE_METHODS = frozenset(("GET", "HEAD"))

# Sent on every call, GET included, as the official SDK does; Content-Type is signed with access keys.
REQUEST_HEADERS = {"Content-Type": "application/json"}
# Only the encodings answer_body can decompress within its cap.
ACCEPT_ENCODING = "gzip, deflate"
MAX_REQUEST_ID_CHARS = 100

STATUS_HINTS = {
    404: "Nothing answers at this path: check that endpoint or region points at CodeArts Repo.",
    429: "The service is throttling requests; run again later or raise the retries option.",
}
SERVER_ERROR_HINT = "The service had a problem; run again later."
FORBIDDEN_HINT = "The IAM user lacks the permission %s; ask an administrator to grant it."


def _hint_for(iam_action, status):
    if status == 403 and iam_action:
        return FORBIDDEN_HINT % iam_action
    return STATUS_HINTS.get(status, SERVER_ERROR_HINT if status >= 500 else None)


def parse_error_body(body, content_type):
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.error_body import parse_error_body as parse  # failures only
    return parse(body, content_type)


def transport_failure(*args):
    # Only a failed attempt needs these (each module run compiles what it imports, so the success path stays lean).
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.transport_failures import transport_failure as describe
    return describe(*args)


def _after_earlier(error, earlier_may_have_landed):
    """The last attempt's error; a write an earlier attempt may have applied (a retried DELETE) may have landed."""
    if not earlier_may_have_landed or error.may_have_been_applied:
        return error
    return error.possibly_applied("An earlier attempt of this request may have reached the service.")


def require_requests():
    if requests is None:
        raise CodeArtsMissingLibraryError("requests", REQUESTS_IMPORT_ERROR)


_NOT_JSON = object()


class _RetryCandidate(Exception):
    """A failed try that may be repeated: error is what to raise if it is not."""

    def __init__(self, error, retry_after=None):
        super(_RetryCandidate, self).__init__(str(error))
        self.error = error
        self.retry_after = retry_after


class Answer(object):
    """A response read in full (within the cap): what the rest of the client looks at."""

    def __init__(self, status_code, headers, content):
        self.status_code = status_code
        self.headers = headers
        self.content = content

    @property
    def request_id(self):
        request_id = self.headers.get("X-Request-Id")
        return squeeze(request_id, MAX_REQUEST_ID_CHARS) if request_id else None


def new_transport():
    """The transport every request leaves through (see transport.py), naming the collection in User-Agent."""
    return Transport({"User-Agent": user_agent(requests.__version__), "Accept-Encoding": ACCEPT_ENCODING})


class CodeArtsClient(object):
    """Sends requests to one CodeArts Repo endpoint, with retries, and decodes the answers.

    Writes (anything but GET and HEAD) are repeated only when the service cannot have applied them: the
    request provably never left (delivery.py), or the service answered 429 (throttled, refused unprocessed).
    After any other failure of a write the error says may_have_been_applied, and the caller decides.

    timeout bounds each whole attempt: connecting, sending and reading the full answer.
    on_secret is called with every secret the client obtains (an IAM token), so the module can mask it.
    on_landed is called with the words for every change the service took: each write answered with success, and
    each unclear one a caller found to have landed (note_landed). A task that fails later must still report them.
    """

    def __init__(self, base_url, credentials, verify, timeout, retry_policy, on_secret=None, on_landed=None):
        require_requests()
        self.base_url = base_url
        self.verify = verify
        self.timeout = timeout
        self.retry_policy = retry_policy
        self._on_secret = on_secret
        self._on_landed = on_landed
        for secret in credentials.secret_values():
            self.remember_secret(secret)
        self.transport = new_transport()
        self.authenticator = credentials.authenticator(self)
        self.refused_hint = credentials.method.refused_hint

    @property
    def login_url(self):
        """Where the credentials are sent to log in before the first request (IAM), or None."""
        return getattr(self.authenticator, "login_url", None)

    def remember_secret(self, secret):
        redaction.current().add(secret)
        if self._on_secret is not None:
            self._on_secret(secret)

    def note_landed(self, words):
        """Record a change the service took (words say which, and how it is known)."""
        if self._on_landed is not None:
            self._on_landed(words)

    def get(self, path):
        return self.request("GET", path)

    def put(self, path, body):
        return self.request("PUT", path, body)

    def post(self, path, body):
        return self.request("POST", path, body)

    def call(self, call, body=None, query=None, about=None, **path_arguments):
        """Make an api_calls.Call; return its decoded answer (see Call.answer), or raise CodeArtsRequestError.

        query is a dict of query parameters; path_arguments fill the {names} in the call's path; about names what
        a write changes (a key's fingerprint), for the words a later failure reports it by.
        """
        path = call.path.format(**path_arguments) + ("?" + urlencode(sorted(query.items())) if query else "")
        return self._request(call.method, path, body, call.iam_action, call.answer, call.repeatable,
                             call.name + (" " + about if about else ""))

    def request(self, method, path, body=None):
        """Send an authenticated request to the service; return the decoded JSON object, or raise CodeArtsRequestError."""
        return self._request(method, path, body, GET_SETTING if method in SAFE_METHODS else UPDATE_SETTING, OBJECT,
                             method in SAFE_METHODS, "%s %s" % (method, path))

    def _request(self, method, path, body, iam_action, answer_kind, repeatable, name):
        ensure_ready = getattr(self.authenticator, "ensure_ready", None)
        if ensure_ready is not None:
            ensure_ready()
        answer = self._send(method, self.base_url + path, path, body, self.authenticator, repeatable, iam_action)
        document = self._decode_success(method, path, answer, answer_kind)
        if method not in SAFE_METHODS:
            self.note_landed("%s (%s %s answered %s)" % (name, method, path.split("?", 1)[0], answer.status_code))
        return document

    def send_unauthenticated(self, method, url, body):
        """Send a request that carries its own credentials in the body (an IAM login) and is safe to repeat."""
        return self._send(method, url, url, body, None, True)

    def _send(self, method, url, label, body, auth, repeatable, iam_action=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        retry_number, earlier_may_have_landed = 0, False
        while True:
            try:
                return self._attempt(method, url, label, data, auth, repeatable, iam_action)
            except _RetryCandidate as candidate:
                earlier_may_have_landed = earlier_may_have_landed or candidate.error.may_have_been_applied
                delay = self.retry_policy.delay_before_retry(retry_number, candidate.retry_after)
                if delay is None:
                    raise _after_earlier(candidate.error, earlier_may_have_landed) from None
            except CodeArtsRequestError as error:
                raise _after_earlier(error, earlier_may_have_landed) from None
            self.retry_policy.sleep(delay)
            retry_number += 1

    def _attempt(self, method, url, label, data, auth, repeatable, iam_action):
        """One try: the 2xx Answer, or CodeArtsRequestError, or _RetryCandidate when another try may help.

        label names the request in messages: the path for the service, the whole URL for IAM.
        """
        proxy = proxy_for(url, requests)
        answer = self._exchange(method, url, label, data, auth, repeatable, proxy)
        if answer.status_code == 407 and proxy is not None and url.startswith("http://"):
            # Only a forwarding proxy answers 407 itself; through an https tunnel the answer is the far end's.
            raise CodeArtsRequestError(
                method, label, "the proxy %s refused the proxy credentials (HTTP 407 Proxy Authentication Required)"
                % proxy.shown, status=407, request_id=answer.request_id,
                hint="Nothing reached the service. Check the user name and password in %s." % proxy.variable)
        if 300 <= answer.status_code < 400:
            raise self._redirect_error(method, label, answer)
        if answer.status_code < 300:
            return answer
        error = self._status_error(method, label, answer, iam_action)
        if error.status in RETRYABLE_STATUSES and (repeatable or error.status == 429):
            raise _RetryCandidate(error, answer.headers.get("Retry-After"))
        raise error

    def _exchange(self, method, url, label, data, auth, repeatable, proxy):
        """Send the request and read its whole answer within the deadline; every failure is classified."""
        response = None
        try:
            with deadline(self.timeout):
                try:
                    response = self.transport.request(
                        method, url, data=data, headers=REQUEST_HEADERS, auth=auth, timeout=self.timeout,
                        verify=self.verify, proxies={url.split("://", 1)[0]: proxy.url} if proxy else {})
                    content = read_capped(response.raw, response.headers)
                finally:
                    if response is not None:
                        response.close()
        except AnswerTooLarge as too_large:
            raise CodeArtsRequestError(
                method, label, str(too_large), status=response.status_code,
                request_id=Answer(response.status_code, response.headers, b"").request_id,
                hint="Check that endpoint points at CodeArts Repo.", may_have_been_applied=method not in SAFE_METHODS) from None
        except Exception as failure:  # whatever went wrong: delivery.py decides whether it can have landed
            self.transport.close()  # a connection an attempt broke off must not be reused
            error, retryable = transport_failure(method, label, url, failure, self.transport.request_started(),
                                                 proxy, self.timeout, repeatable)
            raise (_RetryCandidate(error) if retryable else error) from None
        return Answer(response.status_code, response.headers, content)

    def _status_error(self, method, path, answer, iam_action):
        code, message = parse_error_body(answer.content, answer.headers.get("Content-Type", ""))
        status = answer.status_code
        return CodeArtsRequestError(
            method, path, "the service answered with an error", status=status, error_code=code, error_msg=message,
            request_id=answer.request_id,
            hint=self.refused_hint if status == 401 else _hint_for(iam_action, status),
            # A 407 from inside an https tunnel came from whatever is behind the proxy, after the request arrived.
            may_have_been_applied=(status >= 500 or status == 407) and method not in SAFE_METHODS)

    @staticmethod
    def _redirect_error(method, path, answer):
        location = answer.headers.get("Location", "(no Location header)").split("?", 1)[0]
        return CodeArtsRequestError(
            method, path, "the service answered with a redirect to %s, which is not followed" % squeeze(location),
            status=answer.status_code, request_id=answer.request_id,
            hint="Redirects are refused because the credentials would be sent to another address; "
                 "set endpoint to the service's real base URL.",
            may_have_been_applied=method not in SAFE_METHODS)  # whatever answered, the write itself may have landed

    @staticmethod
    def _decode_success(method, path, answer, answer_kind=OBJECT):
        if answer_kind == NOTHING:
            return answer.content.decode("utf-8", "replace").strip()
        try:
            document = decode_json(answer.content)
        except AnswerNotJson:
            document = _NOT_JSON
        if isinstance(document, dict) or (answer_kind == ANY_JSON and document is not _NOT_JSON):
            return document
        code, message = parse_error_body(answer.content, answer.headers.get("Content-Type", ""))
        raise CodeArtsRequestError(
            method, path, "the service answered %s but not with %s (%s)" % (answer.status_code, answer_kind, message),
            status=answer.status_code, request_id=answer.request_id,
            may_have_been_applied=method not in SAFE_METHODS)
