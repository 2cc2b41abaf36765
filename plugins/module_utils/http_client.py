# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one HTTP client both modules talk to CodeArts Repo through, built on requests."""

import json
import traceback
from urllib.parse import urlsplit

from ansible_collections.huaweicloud.codearts.plugins.module_utils.answer_body import (
    AnswerBroken,
    AnswerNotJson,
    AnswerTooLarge,
    decode_json,
    read_capped,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils.deadline import DeadlineExceeded, deadline
from ansible_collections.huaweicloud.codearts.plugins.module_utils.error_body import parse_error_body, squeeze
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import (
    CodeArtsMissingLibraryError,
    CodeArtsRequestError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils.network_environment import proxy_for
from ansible_collections.huaweicloud.codearts.plugins.module_utils.redaction import Redactor
from ansible_collections.huaweicloud.codearts.plugins.module_utils.retry import RETRYABLE_STATUSES
from ansible_collections.huaweicloud.codearts.plugins.module_utils.user_agent import user_agent

try:
    import requests
    from urllib3.exceptions import NewConnectionError
except ImportError:
    requests = None
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
else:
    REQUESTS_IMPORT_ERROR = None

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


def _hint_for(method, status):
    if status == 403:
        return FORBIDDEN_HINT % ("codeartsrepo::getUserSetting" if method in SAFE_METHODS else "codeartsrepo::updateUserSetting")
    return STATUS_HINTS.get(status, SERVER_ERROR_HINT if status >= 500 else None)


def require_requests():
    if requests is None:
        raise CodeArtsMissingLibraryError("requests", REQUESTS_IMPORT_ERROR)


def _root_cause(exc):
    """The innermost exception requests and urllib3 wrapped, which says what really went wrong."""
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        inner = getattr(exc, "reason", None)
        if not isinstance(inner, BaseException):
            inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        if inner is None:
            break
        exc = inner
    return squeeze(str(exc))


def _never_reached_service(exc):
    """True when the connection was never made, so the request cannot have arrived."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    reason = exc.args[0] if exc.args else None
    return isinstance(getattr(reason, "reason", reason), NewConnectionError)


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


def new_session():
    """A requests session that reads nothing from the environment (no .netrc, proxies or CA bundle behind our back)."""
    session = requests.Session()
    session.trust_env = False
    session.headers["User-Agent"] = user_agent(requests.__version__)
    session.headers["Accept-Encoding"] = ACCEPT_ENCODING
    return session


class CodeArtsClient(object):
    """Sends requests to one CodeArts Repo endpoint, with retries, and decodes the answers.

    Writes (anything but GET and HEAD) are repeated only when the service cannot have applied them:
    the connection was never made, or the service answered 429 (throttled, refused unprocessed).
    After any other failure of a write, once the request may have left this machine, the error says
    may_have_been_applied and the caller decides.

    timeout bounds each whole attempt: connecting, sending and reading the full answer.
    on_secret is called with every secret the client obtains (an IAM token), so the module can mask it.
    """

    def __init__(self, base_url, credentials, verify, timeout, retry_policy, on_secret=None):
        require_requests()
        self.base_url = base_url
        self.verify = verify
        self.timeout = timeout
        self.retry_policy = retry_policy
        self.redactor = Redactor(credentials.secret_values())
        self._on_secret = on_secret
        self.session = new_session()
        self.authenticator = credentials.authenticator(self)
        self.refused_hint = credentials.method.refused_hint

    @property
    def login_url(self):
        """Where the credentials are sent to log in before the first request (IAM), or None."""
        return getattr(self.authenticator, "login_url", None)

    def remember_secret(self, secret):
        self.redactor.add(secret)
        if self._on_secret is not None:
            self._on_secret(secret)

    def get(self, path):
        return self.request("GET", path)

    def put(self, path, body):
        return self.request("PUT", path, body)

    def post(self, path, body):
        return self.request("POST", path, body)

    def request(self, method, path, body=None):
        """Send an authenticated request to the service; return the decoded JSON object, or raise CodeArtsRequestError."""
        try:
            ensure_ready = getattr(self.authenticator, "ensure_ready", None)
            if ensure_ready is not None:
                ensure_ready()
            answer = self._send(method, self.base_url + path, path, body, self.authenticator, method in SAFE_METHODS)
            return self._decode_success(method, path, answer)
        except CodeArtsRequestError as error:
            raise error.scrubbed(self.redactor.scrub) from None

    def send_unauthenticated(self, method, url, body):
        """Send a request that carries its own credentials in the body (an IAM login) and is safe to repeat."""
        return self._send(method, url, url, body, None, True)

    def _send(self, method, url, label, body, auth, repeatable):
        data = None if body is None else json.dumps(body).encode("utf-8")
        retry_number = 0
        while True:
            try:
                return self._attempt(method, url, label, data, auth, repeatable)
            except _RetryCandidate as candidate:
                delay = self.retry_policy.delay_before_retry(retry_number, candidate.retry_after)
                if delay is None:
                    raise candidate.error from None
            self.retry_policy.sleep(delay)
            retry_number += 1

    def _attempt(self, method, url, label, data, auth, repeatable):
        """One try: the 2xx Answer, or CodeArtsRequestError, or _RetryCandidate when another try may help.

        label names the request in messages: the path for the service, the whole URL for IAM.
        """
        answer = self._exchange(method, url, label, data, auth, repeatable)
        if 300 <= answer.status_code < 400:
            raise self._redirect_error(method, label, answer)
        if answer.status_code < 300:
            return answer
        error = self._status_error(method, label, answer, repeatable)
        if error.status in RETRYABLE_STATUSES and (repeatable or error.status == 429):
            raise _RetryCandidate(error, answer.headers.get("Retry-After"))
        raise error

    def _exchange(self, method, url, label, data, auth, repeatable):
        """Send the request and read its whole answer within the deadline; transport failures become errors."""
        response = None
        try:
            with deadline(self.timeout):
                try:
                    response = self.session.request(
                        method, url, data=data, headers=REQUEST_HEADERS, auth=auth, timeout=self.timeout,
                        verify=self.verify, proxies=self._proxies(url), allow_redirects=False, stream=True)
                    content = read_capped(response.raw, response.headers)
                finally:
                    if response is not None:
                        response.close()
        except DeadlineExceeded:
            self.session.close()  # the interrupted connection must not be reused
            raise self._unfinished(method, label, "no complete answer from %s within %s seconds"
                                   % (_server(url), self.timeout), repeatable) from None
        except AnswerBroken as broken:
            raise self._unfinished(method, label, "%s (from %s)" % (broken, _server(url)), repeatable) from None
        except AnswerTooLarge as too_large:
            raise CodeArtsRequestError(
                method, label, str(too_large), status=response.status_code,
                request_id=Answer(response.status_code, response.headers, b"").request_id,
                hint="Check that endpoint points at CodeArts Repo.", may_have_been_applied=not repeatable) from None
        except requests.exceptions.SSLError as exc:
            raise CodeArtsRequestError(
                method, label, "the TLS connection to %s failed (%s)" % (urlsplit(url).netloc, _root_cause(exc)),
                hint="If the service uses a private CA, set ca_path to that CA's certificate bundle.") from None
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
            error = self._transport_error(method, label, url, exc, repeatable)
            if error.may_have_been_applied:
                raise error from None
            raise _RetryCandidate(error) from None
        except requests.exceptions.RequestException as exc:
            raise CodeArtsRequestError(method, label, "the request could not be sent (%s)" % _root_cause(exc)) from None
        return Answer(response.status_code, response.headers, content)

    def _proxies(self, url):
        proxy = proxy_for(url, requests)
        return {urlsplit(url).scheme: proxy} if proxy else {}

    @staticmethod
    def _unfinished(method, label, summary, repeatable):
        """The error for an attempt that sent its request but got no whole answer: retried if repeatable."""
        error = CodeArtsRequestError(method, label, summary, may_have_been_applied=not repeatable)
        return error if error.may_have_been_applied else _RetryCandidate(error)

    def _transport_error(self, method, label, url, exc, repeatable):
        reached = not _never_reached_service(exc)
        if isinstance(exc, requests.exceptions.Timeout):
            summary = "no answer from %s within %s seconds" % (_server(url), self.timeout)
        elif reached:
            summary = "the connection to %s broke before an answer arrived" % _server(url)
        else:
            summary = "could not connect to %s" % _server(url)
        hint = None if reached else "Check endpoint or region, and that this host can reach the service."
        return CodeArtsRequestError(
            method, label, summary, hint=hint, may_have_been_applied=reached and not repeatable)

    def _status_error(self, method, path, answer, repeatable):
        code, message = parse_error_body(answer.content, answer.headers.get("Content-Type", ""))
        status = answer.status_code
        return CodeArtsRequestError(
            method, path, "the service answered with an error", status=status, error_code=code, error_msg=message,
            request_id=answer.request_id,
            hint=self.refused_hint if status == 401 else _hint_for(method, status),
            may_have_been_applied=status >= 500 and not repeatable)

    @staticmethod
    def _redirect_error(method, path, answer):
        location = answer.headers.get("Location", "(no Location header)").split("?", 1)[0]
        return CodeArtsRequestError(
            method, path, "the service answered with a redirect to %s, which is not followed" % squeeze(location),
            status=answer.status_code, request_id=answer.request_id,
            hint="Redirects are refused because the credentials would be sent to another address; "
                 "set endpoint to the service's real base URL.")

    @staticmethod
    def _decode_success(method, path, answer):
        try:
            document = decode_json(answer.content)
        except AnswerNotJson:
            document = None
        if isinstance(document, dict):
            return document
        code, message = parse_error_body(answer.content, answer.headers.get("Content-Type", ""))
        raise CodeArtsRequestError(
            method, path, "the service answered %s but not with a JSON object (%s)" % (answer.status_code, message),
            status=answer.status_code, request_id=answer.request_id,
            may_have_been_applied=method not in SAFE_METHODS)


def _server(url):
    return "%s://%s" % urlsplit(url)[:2]
