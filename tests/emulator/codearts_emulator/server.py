"""The HTTPS server: decodes requests, logs API calls, and hands them to api or admin."""

import json
import ssl
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from codearts_emulator import admin, api

REDACTED = "<redacted>"
SECRET_FIELDS = ("verify_code", "password")


def _redacted(body):
    """The body with every verification code and password replaced, at any depth."""
    if isinstance(body, dict):
        return dict((key, REDACTED if key in SECRET_FIELDS and isinstance(value, str) else _redacted(value))
                    for key, value in body.items())
    if isinstance(body, list):
        return [_redacted(item) for item in body]
    return body


class Incoming(object):
    """One request as the API layer sees it."""

    def __init__(self, method, target, headers, raw_body, body):
        self.method = method
        parts = urlsplit(target)
        self.path, self.query = parts.path, parts.query
        self.headers = headers
        self.raw_body = raw_body
        self.body = body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "codearts-emulator"

    def do_GET(self):
        self._handle()

    def do_PUT(self):
        self._handle()

    def do_POST(self):
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
        store = self.server.store
        headers = {}
        with store.lock:
            if self.path.startswith(admin.PREFIX):
                status, response = admin.answer(store, self.command, self.path, body)
            else:
                status, response, headers = self._api(store, Incoming(self.command, self.path, self.headers, raw, body),
                                                      readable)
        self._send(status, response, headers)

    def _api(self, store, incoming, readable):
        if readable:
            status, response, caller, auth, headers = api.answer(store, incoming)
        else:
            (status, response), caller, auth, headers = api.param_invalid("the body is not JSON"), None, "none", {}
        store.requests.append({
            "method": incoming.method,
            "path": incoming.path,
            "auth": auth,
            "user": caller,
            "body": _redacted(incoming.body),
            "status": status,
        })
        return status, response, headers

    def _send(self, status, response, headers):
        payload = json.dumps(response).encode("utf-8")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Request-Id", uuid.uuid4().hex)
        self.end_headers()
        self.wfile.write(payload)


class EmulatorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, store, certificate, key):
        super().__init__(address, Handler)
        self.store = store
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certificate, key)
        self.socket = context.wrap_socket(self.socket, server_side=True)
