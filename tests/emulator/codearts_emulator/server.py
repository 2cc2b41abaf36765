"""The HTTPS server: decodes requests, logs API calls, and hands them to api or admin."""

import json
import ssl
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from codearts_emulator import admin, api

REDACTED = "<redacted>"


def _redacted(body):
    if isinstance(body, dict) and "verify_code" in body:
        return dict(body, verify_code=REDACTED)
    return body


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
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None, True
        try:
            return json.loads(raw.decode("utf-8")), True
        except ValueError:
            return None, False

    def _handle(self):
        body, readable = self._read_body()
        store = self.server.store
        with store.lock:
            if self.path.startswith(admin.PREFIX):
                status, response = admin.answer(store, self.command, self.path, body)
            else:
                status, response = self._api(store, body, readable)
        self._send(status, response)

    def _api(self, store, body, readable):
        path = self.path.split("?", 1)[0]
        token = self.headers.get("X-Auth-Token")
        if readable:
            status, response, caller = api.answer(store, self.command, path, token, body)
        else:
            (status, response), caller = api.param_invalid("the body is not JSON"), None
        store.requests.append({
            "method": self.command,
            "path": path,
            "auth": "token" if token else "none",
            "user": caller,
            "body": _redacted(body),
            "status": status,
        })
        return status, response

    def _send(self, status, response):
        payload = json.dumps(response).encode("utf-8")
        self.send_response(status)
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
