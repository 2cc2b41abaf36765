# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one HTTP client every module talks to CodeArts Repo through: calls, retries, the task's deadline."""

import json
from urllib.parse import urlencode

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    CodeArtsMissingLibraryError,
    CodeArtsRequestError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.answers import (
    Answer,
    decoded,
    redirect_error,
    status_error,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.body import AnswerTooLarge, read_capped
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.deadline import TaskDeadline, deadline
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.network_environment import proxy_for
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RETRYABLE_STATUSES
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.transport import REQUESTS_IMPORT_ERROR, Transport, requests
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.user_agent import user_agent

# Sent on every call, GET included, as the official SDK does; Content-Type is signed with access keys.
REQUEST_HEADERS = {"Content-Type": "application/json"}
# Only the encodings body.py can decompress within its cap.
ACCEPT_ENCODING = "gzip, deflate"
OUT_OF_TIME_HINT = ("Raise task_timeout if the service is this slow for a reason, or find out why it answers slowly. "
                    "The task got as far as: %s.")


def transport_failure(*args):
    # Only a failed attempt needs these (each module run compiles what it imports, so the success path stays lean).
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.delivery import transport_failure as describe
    return describe(*args)


def _after_earlier(error, earlier_may_have_landed):
    """The last attempt's error; a write an earlier attempt may have applied (a retried DELETE) may have landed."""
    if not earlier_may_have_landed or error.may_have_been_applied:
        return error
    return error.possibly_applied("An earlier attempt of this request may have reached the service.")


def require_requests():
    if requests is None:
        raise CodeArtsMissingLibraryError("requests", REQUESTS_IMPORT_ERROR)


class _RetryCandidate(Exception):
    """A failed try that may be repeated: error is what to raise if it is not."""

    def __init__(self, error, retry_after=None):
        super(_RetryCandidate, self).__init__(str(error))
        self.error = error
        self.retry_after = retry_after


def new_transport():
    """The transport every request leaves through (see transport.py), naming the collection in User-Agent."""
    return Transport({"User-Agent": user_agent(requests.__version__), "Accept-Encoding": ACCEPT_ENCODING})


class CodeArtsClient(object):
    """Sends the calls of api tables to one CodeArts Repo endpoint, with retries, within the task's deadline.

    A call is repeated only when the service cannot have applied it (the request provably never left, delivery.py, or
    the service answered 429, throttled and unprocessed) or when the call is repeatable (calls.py). After any other
    failure of a write the error says may_have_been_applied, and the caller settles it.

    timeout bounds each whole attempt: connecting, sending and reading the full answer; task_timeout the whole task,
    every attempt and wait included. on_secret is called with every secret the client obtains (an IAM token), so the
    module can mask it. on_landed is called with the words for every change the service took (note_landed).
    """

    def __init__(self, base_url, credentials, verify, timeout, retry_policy, on_secret=None, on_landed=None,
                 task_timeout=None):
        require_requests()
        self.base_url = base_url
        self.verify = verify
        self.timeout = timeout
        self.retry_policy = retry_policy
        self.task_deadline = TaskDeadline(task_timeout) if task_timeout else None
        self._on_secret = on_secret
        self._on_landed = on_landed
        self.answered = 0
        self.last_answered = None
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
        if self._on_secret is not None:
            self._on_secret(secret)

    def note_landed(self, words):
        """Record a change the service took (words say which, and how it is known)."""
        if self._on_landed is not None:
            self._on_landed(words)

    def call(self, call, body=None, query=None, about=None, with_headers=False, **path_arguments):
        """Make a calls.Call; return its decoded answer (and the answer's headers, with_headers), or raise
        CodeArtsRequestError.

        query is a dict of query parameters; path_arguments fill the {names} in the call's path; about names what
        a write changes (a key's fingerprint), for the words a later failure reports it by.
        """
        path = call.path.format(**path_arguments) + ("?" + urlencode(sorted(query.items())) if query else "")
        ensure_ready = getattr(self.authenticator, "ensure_ready", None)
        if ensure_ready is not None:
            ensure_ready()
        answer = self._send(call, self.base_url + path, path, body, self.authenticator)
        document = decoded(call, path, answer)
        named = call.name + (" " + about if about else "")
        if call.writes:
            self.note_landed("%s (%s %s answered %s)" % (named, call.method, path.split("?", 1)[0], answer.status_code))
        self.last_answered = named
        return (document, answer.headers) if with_headers else document

    def send_unauthenticated(self, call, url, body):
        """Send a call that carries its own credentials in its body (an IAM login) to url; return its Answer."""
        return self._send(call, url, url, body, None)

    def remaining(self):
        """Seconds left of the task's deadline (None when it has none)."""
        return self.task_deadline.remaining() if self.task_deadline else None

    def out_of_time(self, method, label, may_have_been_applied=False):
        """The error of a task stopped by task_timeout: what it got through, and whether its last write may have landed."""
        done = ("%d requests answered, the last: %s" % (self.answered, self.last_answered)) if self.answered else "no request answered"
        return CodeArtsRequestError(method, label, "the task ran out of its task_timeout of %s seconds" % self.task_deadline.seconds,
                                    hint=OUT_OF_TIME_HINT % done, may_have_been_applied=may_have_been_applied)

    def _send(self, call, url, label, body, auth):
        data = None if body is None else json.dumps(body).encode("utf-8")
        retry_number, earlier_may_have_landed = 0, False
        while True:
            remaining = self.remaining()
            if remaining is not None and remaining <= 0:
                raise self.out_of_time(call.method, label, earlier_may_have_landed)
            try:
                answer = self._attempt(call, url, label, data, auth, min(self.timeout, remaining or self.timeout))
                self.answered += 1
                return answer
            except _RetryCandidate as candidate:
                earlier_may_have_landed = earlier_may_have_landed or candidate.error.may_have_been_applied
                delay = self.retry_policy.delay_before_retry(retry_number, candidate.retry_after)
                last = candidate.error
            except CodeArtsRequestError as error:
                delay, last = None, error
            out_of_time = self.remaining() is not None and (
                self.remaining() <= delay if delay is not None else self.remaining() <= 0 and last.status is None)
            if out_of_time:  # no time left to wait for another try, or this one ran out of the task's time
                raise self.out_of_time(call.method, label, earlier_may_have_landed or last.may_have_been_applied) from None
            if delay is None:
                raise _after_earlier(last, earlier_may_have_landed) from None
            self.retry_policy.sleep(delay)
            retry_number += 1

    def _attempt(self, call, url, label, data, auth, timeout):
        """One try: the 2xx Answer, or CodeArtsRequestError, or _RetryCandidate when another try may help.

        label names the request in messages: the path for the service, the whole URL for IAM.
        """
        proxy = proxy_for(url, requests)
        answer = self._exchange(call, url, label, data, auth, proxy, timeout)
        if answer.status_code == 407 and proxy is not None and url.startswith("http://"):
            # Only a forwarding proxy answers 407 itself; through an https tunnel the answer is the far end's.
            raise CodeArtsRequestError(
                call.method, label, "the proxy %s refused the proxy credentials (HTTP 407 Proxy Authentication Required)"
                % proxy.shown, status=407, request_id=answer.request_id, nothing_sent=True,
                hint="Check the user name and password in %s." % proxy.variable)
        if 300 <= answer.status_code < 400:
            raise redirect_error(call, label, answer)
        if answer.status_code < 300:
            return answer
        error = status_error(call, label, answer, self.refused_hint)
        if error.status in RETRYABLE_STATUSES and (call.repeatable or error.status == 429):
            raise _RetryCandidate(error, answer.headers.get("Retry-After"))
        raise error

    def _exchange(self, call, url, label, data, auth, proxy, timeout):
        """Send the request and read its whole answer within the attempt's time; every failure is classified."""
        response = None
        try:
            with deadline(timeout):
                try:
                    response = self.transport.request(
                        call.method, url, data=data, headers=REQUEST_HEADERS, auth=auth, timeout=timeout,
                        verify=self.verify, proxies={url.split("://", 1)[0]: proxy.url} if proxy else {})
                    content = read_capped(response.raw, response.headers)
                finally:
                    if response is not None:
                        response.close()
        except AnswerTooLarge as too_large:
            raise CodeArtsRequestError(
                call.method, label, str(too_large), status=response.status_code,
                request_id=Answer(response.status_code, response.headers, b"").request_id,
                hint="Check that endpoint points at CodeArts Repo.", may_have_been_applied=call.writes) from None
        except Exception as failure:  # whatever went wrong: delivery.py decides whether it can have landed
            self.transport.close()  # a connection an attempt broke off must not be reused
            error, retryable = transport_failure(call.writes, call.method, label, url, failure, self.transport.request_started(),
                                                 proxy, timeout, call.repeatable)
            raise (_RetryCandidate(error) if retryable else error) from None
        return Answer(response.status_code, response.headers, content)
