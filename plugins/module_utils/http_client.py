# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one HTTP client both modules talk to CodeArts Repo through, built on requests."""

import traceback
from urllib.parse import urlsplit

from ansible_collections.huaweicloud.codearts.plugins.module_utils.error_body import parse_error_body, squeeze
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import (
    CodeArtsMissingLibraryError,
    CodeArtsRequestError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils.retry import RETRYABLE_STATUSES

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


class CodeArtsClient(object):
    """Sends requests to one CodeArts Repo endpoint, with retries, and decodes the answers.

    Writes (anything but GET and HEAD) are repeated only when the service cannot have applied them:
    the connection was never made, or the service answered 429 (throttled, refused unprocessed).
    After any other failure of a write, the error says may_have_been_applied and the caller decides.
    """

    def __init__(self, base_url, credentials, verify, timeout, retry_policy):
        require_requests()
        self.base_url = base_url
        self.verify = verify
        self.timeout = timeout
        self.retry_policy = retry_policy
        self.session = requests.Session()
        self.authenticator = credentials.authenticator(self)
        self.refused_hint = credentials.method.refused_hint

    def get(self, path):
        return self.request("GET", path)

    def put(self, path, body):
        return self.request("PUT", path, body)

    def post(self, path, body):
        return self.request("POST", path, body)

    def request(self, method, path, body=None):
        """Send an authenticated request to the service; return the decoded JSON object, or raise CodeArtsRequestError."""
        response = self._send(method, self.base_url + path, path, body, self.authenticator, method in SAFE_METHODS)
        return self._decode_success(method, path, response)

    def send_unauthenticated(self, method, url, body):
        """Send a request that carries its own credentials in the body (an IAM login) and is safe to repeat."""
        return self._send(method, url, url, body, None, True)

    def _send(self, method, url, label, body, auth, repeatable):
        retry_number = 0
        while True:
            try:
                return self._attempt(method, url, label, body, auth, repeatable)
            except _RetryCandidate as candidate:
                delay = self.retry_policy.delay_before_retry(retry_number, candidate.retry_after)
                if delay is None:
                    raise candidate.error from None
            self.retry_policy.sleep(delay)
            retry_number += 1

    def _attempt(self, method, url, label, body, auth, repeatable):
        """One try: the 2xx response, or CodeArtsRequestError, or _RetryCandidate when another try may help.

        label names the request in messages: the path for the service, the whole URL for IAM.
        """
        try:
            response = self.session.request(
                method, url, json=body, auth=auth, timeout=self.timeout, verify=self.verify, allow_redirects=False)
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
        if 300 <= response.status_code < 400:
            raise self._redirect_error(method, label, response)
        if response.status_code < 300:
            return response
        error = self._status_error(method, label, response, repeatable)
        if error.status in RETRYABLE_STATUSES and (repeatable or error.status == 429):
            raise _RetryCandidate(error, response.headers.get("Retry-After"))
        raise error

    def _transport_error(self, method, label, url, exc, repeatable):
        reached = not _never_reached_service(exc)
        server = "%s://%s" % urlsplit(url)[:2]
        if isinstance(exc, requests.exceptions.Timeout):
            summary = "no answer from %s within %s seconds" % (server, self.timeout)
        elif reached:
            summary = "the connection to %s broke before an answer arrived" % server
        else:
            summary = "could not connect to %s" % server
        hint = None if reached else "Check endpoint or region, and that this host can reach the service."
        return CodeArtsRequestError(
            method, label, summary, hint=hint, may_have_been_applied=reached and not repeatable)

    def _status_error(self, method, path, response, repeatable):
        code, message = parse_error_body(response.content, response.headers.get("Content-Type", ""))
        status = response.status_code
        return CodeArtsRequestError(
            method, path, "the service answered with an error", status=status, error_code=code, error_msg=message,
            request_id=response.headers.get("X-Request-Id"),
            hint=self.refused_hint if status == 401 else _hint_for(method, status),
            may_have_been_applied=status >= 500 and not repeatable)

    @staticmethod
    def _redirect_error(method, path, response):
        location = response.headers.get("Location", "(no Location header)").split("?", 1)[0]
        return CodeArtsRequestError(
            method, path, "the service answered with a redirect to %s, which is not followed" % squeeze(location),
            status=response.status_code, request_id=response.headers.get("X-Request-Id"),
            hint="Redirects are refused because the credentials would be sent to another address; "
                 "set endpoint to the service's real base URL.")

    @staticmethod
    def _decode_success(method, path, response):
        try:
            document = response.json()
        except ValueError:
            document = None
        if isinstance(document, dict):
            return document
        code, message = parse_error_body(response.content, response.headers.get("Content-Type", ""))
        raise CodeArtsRequestError(
            method, path, "the service answered %s but not with a JSON object (%s)" % (response.status_code, message),
            status=response.status_code, request_id=response.headers.get("X-Request-Id"),
            may_have_been_applied=method not in SAFE_METHODS)
