"""A scripted stand-in for requests.Session, so tests see exactly what the client would send."""

import io
import json
# Bound now: the sleeps fixture replaces time.sleep, and a slow body must really be slow.
from time import sleep as real_sleep

import requests
from urllib3 import HTTPResponse
from urllib3.exceptions import MaxRetryError, NewConnectionError

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.gate import OutputGate
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import Redactor

TOKEN = "unit-test-secret-token"


def response(status, body=None, headers=None, raw=None):
    """A real requests.Response, not yet read (as with stream=True), with the given status, JSON body (or raw bytes) and headers."""
    content = raw if raw is not None else (b"" if body is None else json.dumps(body).encode("utf-8"))
    answer = requests.Response()
    answer.status_code = status
    answer.headers["Content-Type"] = "application/json"
    answer.headers["X-Request-Id"] = "req-%d" % status
    answer.headers.update(headers or {})
    answer.raw = HTTPResponse(body=io.BytesIO(content), headers=dict(answer.headers), status=status, preload_content=False)
    answer.encoding = "utf-8"
    return answer


class ScriptedBody(io.RawIOBase):
    """A response body that hands out its bytes in the given pieces, sleeping before each, then raises failure."""

    def __init__(self, pieces, delay=0.0, failure=None):
        super().__init__()
        self.pieces = list(pieces)
        self.delay = delay
        self.failure = failure

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.delay:
            real_sleep(self.delay)
        if not self.pieces:
            if self.failure is not None:
                raise self.failure
            return 0
        piece = self.pieces.pop(0)[:len(buffer)]
        buffer[:len(piece)] = piece
        return len(piece)


def streamed(status, pieces, headers=None, delay=0.0, failure=None):
    """A response whose body arrives in pieces (optionally slowly, optionally breaking off with failure)."""
    answer = response(status, raw=b"", headers=headers)
    answer.raw = HTTPResponse(body=io.BufferedReader(ScriptedBody(pieces, delay, failure), 1),
                              headers=dict(answer.headers), status=status, preload_content=False)
    return answer


def connect_failure():
    """What requests raises when the TCP connection cannot be made (the request never left)."""
    reason = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] Connection refused")
    return requests.exceptions.ConnectionError(MaxRetryError(None, "/v4/user/emails", reason))


def dropped_connection():
    """What requests raises when the connection breaks after the request was sent."""
    return requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected('Remote end closed connection'))")


class Sent(object):
    def __init__(self, prepared, options):
        self.method = prepared.method
        self.url = prepared.url
        self.headers = prepared.headers
        self.json = json.loads(prepared.body) if prepared.body else None
        self.options = options


class NotStarted(object):
    """A scripted failure the transport saw before the request started to be written."""

    def __init__(self, error):
        self.error = error


class FakeSession(object):
    """Stands in for the client's Transport: answers each request with the next scripted answer.

    An answer is a Response, an exception to raise (the transport cannot tell whether the request started,
    as with a connection it does not watch), or NotStarted(exception).
    """

    def script(self, *answers):
        self.answers.extend(answers)

    def __init__(self, answers=()):
        self.answers = list(answers)
        self.sent = []
        self.headers = requests.Session().headers
        self.closed = 0
        self.started = None

    def request_started(self):
        return self.started

    def close(self):
        self.closed += 1

    def request(self, method, url, data=None, headers=None, auth=None, **options):
        merged = dict(self.headers, **(headers or {}))
        prepared = requests.Request(method, url, data=data, headers=merged).prepare()
        if auth is not None:
            prepared = auth(prepared)
        self.sent.append(Sent(prepared, options))
        if not self.answers:
            raise AssertionError("unexpected request %s %s" % (method, url))
        answer = self.answers.pop(0)
        self.started = False if isinstance(answer, NotStarted) else None
        if isinstance(answer, NotStarted):
            raise answer.error
        if isinstance(answer, BaseException):
            raise answer
        return answer

    @property
    def methods(self):
        return [sent.method for sent in self.sent]


def warning_texts(result):
    """The warnings of a module result as text (ansible-core 2.19+ returns structured warning summaries)."""
    return [warning["event"]["msg"] if isinstance(warning, dict) else warning for warning in result.get("warnings", [])]


class FakeModule(object):
    """What build_client needs of a CodeArtsModule: params, warn(), register_secret(), note_landed() and no_log_values."""

    def __init__(self, params):
        self.params = params
        self.warnings = []
        self.landed_changes = []
        self.no_log_values = set()
        self.redactor = Redactor()

    def register_secret(self, value):
        self.redactor.add(value)
        self.no_log_values.update((value, value.strip()))

    def note_landed(self, words):
        self.landed_changes.append(words)

    def warn(self, warning):
        self.warnings.append(self.shown(warning))

    def shown(self, value):
        """value as the module's output gate shows it."""
        return OutputGate(self.redactor).clean(str(value) if isinstance(value, BaseException) else value)


def shown(value, *secrets):
    """What a user sees of value (a text, an error, a result) once it passed the output gate knowing these secrets."""
    return OutputGate(Redactor(secrets)).clean(str(value) if isinstance(value, BaseException) else value)


def connection_module(**overrides):
    """A FakeModule holding every shared connection option (None unless given), with the defaults a task gets."""
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
    values = dict((option, None) for option in codearts_argument_spec())
    values.update(region="cn-north-4", validate_certs=True, timeout=30.0, retries=0, task_timeout=600.0)
    values.update(overrides)
    return FakeModule(values)
