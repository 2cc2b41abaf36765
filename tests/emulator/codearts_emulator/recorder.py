"""A second listener on another loopback port that records whatever reaches it.

The redirect test points a redirect here: if the client followed it, the recorder would hold the
request and its headers (credentials included). It answers 200 to everything.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class RecorderHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        with self.server.lock:
            self.server.received.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                         "body": body})
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_PUT = do_POST = _record

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Quiet."""


class Recorder(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host):
        super().__init__((host, 0), RecorderHandler)
        self.lock = threading.Lock()
        self.received = []

    @property
    def url(self):
        return "http://%s:%d" % self.server_address[:2]

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self
