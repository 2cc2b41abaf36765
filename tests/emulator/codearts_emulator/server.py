"""The HTTPS server: decodes requests, logs API calls, and hands them to api or admin."""

import json
import socket
import ssl
import struct
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from codearts_emulator import admin, api, hostile, intermediary, wrapped
from codearts_emulator.faults import BODIES

REDACTED = "<redacted>"
SECRET_FIELDS = ("verify_code", "password", "token")


def _redacted(body):
    """The body with every verification code, password and webhook token replaced, at any depth."""
    if isinstance(body, dict):
        return dict((key, REDACTED if key in SECRET_FIELDS and isinstance(value, str) else _redacted(value))
                    for key, value in body.items())
    if isinstance(body, list):
        return [_redacted(item) for item in body]
    return body


def _answered_status(fault, status):
    """The status the client was sent (None when the connection was dropped instead)."""
    kind = fault["kind"] if fault else None
    if kind == "status":
        return int(fault.get("status", 503))
    if kind == "redirect":
        return 302
    if kind == "echo":
        return int(fault.get("status", 400))
    return None if kind in ("reset", "lost_answer") else status


class Incoming(object):
    """One request as the API layer sees it: behind a load balancer unless the emulator runs without one."""

    def __init__(self, method, target, headers, raw_body, body, behind_intermediary=True):
        self.method = method
        parts = urlsplit(target)
        self.path, self.query = parts.path, parts.query
        self.headers = intermediary.forwarded(headers) if behind_intermediary else headers
        self.raw_body = raw_body
        self.body = body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY, as production servers set it: without it an answer's body waits for the client's delayed ACK
    # on a kept-alive connection, about 40 ms per request for requests (uri closes each connection and never waits).
    disable_nagle_algorithm = True
    server_version = "codearts-emulator"

    def do_GET(self):
        self._handle()

    def do_PUT(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def do_DELETE(self):
        self._handle()

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Quiet: the request log is what tests read."""

    def _read_body(self):
        """(raw bytes, decoded JSON or None, whether the bytes were JSON or empty)."""
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return raw, None, True
        try:
            return raw, json.loads(raw.decode("utf-8")), True
        except ValueError:
            return raw, None, False

    def _handle(self):
        raw, body, readable = self._read_body()
        self.raw_body = raw
        store = self.server.store
        if self.path.startswith(admin.PREFIX):
            with store.lock:
                status, response = admin.answer(store, self.command, self.path, body, self.server.recorder)
            self._send(status, response, {})
            return
        incoming = Incoming(self.command, self.path, self.headers, raw, body, self.server.behind_intermediary)
        with store.lock:
            fault = store.faults.take(incoming.method, incoming.path)
            status, response, headers = self._api(store, incoming, readable, fault)
        self._answer(fault, status, response, headers)

    def _api(self, store, incoming, readable, fault):
        """Run the request unless a fault stops it first, and log it. Call with store.lock held."""
        runs = fault is None or fault["kind"] in ("lost_answer", "slow") or fault.get("apply", False)
        if not runs:
            status, response, caller, auth, headers = None, None, None, "not checked", {}
        elif readable:
            status, response, caller, auth, headers = api.answer(store, incoming)
        else:
            (status, response), caller, auth, headers = api.param_invalid("the body is not JSON"), None, "none", {}
        store.requests.append({
            "method": incoming.method,
            "path": incoming.path,
            "auth": auth,
            "user": caller,
            "body": _redacted(incoming.body),
            "status": _answered_status(fault, status),
            "fault": fault["kind"] if fault else None,
            # A v1/v2 refusal comes with HTTP 200 and status "failed" (a v4 rule deletion with "fail"): not applied.
            "applied": runs and incoming.method in ("PUT", "POST", "DELETE") and status is not None and status < 300
            and not wrapped.is_refusal(response),
        })
        return status, response, headers

    def _answer(self, fault, status, response, headers):
        kind = fault["kind"] if fault else None
        if kind in ("reset", "lost_answer"):
            # Linger 0 makes the close a TCP reset: the client sees the connection drop with no answer.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if kind in hostile.KINDS:
            hostile.answer(self, fault, status, response)
            return
        if kind == "slow":
            time.sleep(float(fault.get("seconds", 5)))
        if kind == "redirect":
            location = fault.get("location") or self.server.recorder.url + self.path
            self._send_raw(302, b"", "text/plain", {"Location": location})
        elif kind == "status":
            payload, content_type = BODIES[fault.get("body", "json")]
            extra = {"Retry-After": str(fault["retry_after"])} if "retry_after" in fault else {}
            self._send_raw(int(fault.get("status", 503)), payload, content_type, extra)
        else:
            self._send(status, response, headers)

    def _send(self, status, response, headers):
        if status == 204:
            payload = b""
        elif isinstance(response, api.BareWord):
            payload = response.encode("utf-8")
        else:
            payload = json.dumps(response).encode("utf-8")
        self._send_raw(status, payload, "application/json;charset=UTF-8", headers)

    def _send_raw(self, status, payload, content_type, headers):
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("X-Request-Id", uuid.uuid4().hex)
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            self.close_connection = True  # the client gave up waiting (a slow answer)


class EmulatorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, store, certificate, key, recorder, behind_intermediary=True):
        super().__init__(address, Handler)
        self.store = store
        self.recorder = recorder
        self.behind_intermediary = behind_intermediary
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certificate, key)
        self.socket = context.wrap_socket(self.socket, server_side=True)
