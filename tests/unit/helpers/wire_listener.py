"""A loopback HTTP listener that records each request exactly as it arrived on the wire.

The SDK-parity tests point the official SDK and the collection at it, so each side builds and sends its
own request and neither sees the other's.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class Received(object):
    def __init__(self, method, target, headers, body):
        parts = urlsplit(target)
        self.method = method
        self.path = parts.path
        self.query = parts.query
        self.headers = headers  # email.message.Message: case-insensitive, in arrival order
        self.body = body

    @property
    def json(self):
        return json.loads(self.body) if self.body else None

    @property
    def signed_headers(self):
        return self.headers["Authorization"].split("SignedHeaders=", 1)[1].split(",", 1)[0]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        received = Received(self.command, self.path, self.headers, body)
        with self.server.lock:
            self.server.received.append(received)
            answer = self.server.answers[(self.command, received.path)]
        status, document, headers = (tuple(answer) + ({},))[:3]
        payload = document if isinstance(document, bytes) else json.dumps(document).encode("utf-8")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Request-Id", "wire-listener")
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = _answer

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Quiet."""


class WireListener(ThreadingHTTPServer):
    """answers maps (method, path) to (status, JSON document[, headers]); received lists what arrived, oldest first."""

    daemon_threads = True

    def __init__(self, answers):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answers = answers
        self.received = []
        self.lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server_address[1]

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self.shutdown()
        self.server_close()

    def take(self):
        with self.lock:
            received, self.received = self.received, []
        return received
