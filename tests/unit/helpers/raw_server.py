"""A loopback server that answers each request with scripted raw bytes, over TCP or TLS.

The unit tests point the real client (requests' adapter, urllib3, http.client, ssl) at it to see what the
collection does with answers no well-behaved server sends. It counts the requests that arrived whole:
those are the writes that landed.
"""

import os
import socket
import ssl
import tempfile
import threading

from ansible_collections.huaweicloud.codearts.tests.emulator.codearts_emulator.certs import make_certificates


def _read_request(stream):
    head = b""
    while b"\r\n\r\n" not in head:
        byte = stream.recv(1)
        if not byte:
            return None
        head += byte
    lines = head.decode("latin-1").split("\r\n")
    method, target = lines[0].split(" ")[:2]
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    length = int(headers.get("Content-Length", "0"))
    body = b""
    while len(body) < length:
        piece = stream.recv(length - len(body))
        if not piece:
            return None
        body += piece
    return method, target, headers, body


class RawServer(object):
    """answer(method, path, headers, body, connection) writes whatever it likes to connection (a socket).

    With tls=True the server speaks TLS with a certificate for 127.0.0.1; ca_path is its CA. received lists
    (method, path, body) of every request that arrived whole; connections counts the connections accepted.
    """

    def __init__(self, answer, tls=False):
        self.answer = answer
        self.received = []
        self.connections = 0
        self._directory = tempfile.mkdtemp()
        self._context = None
        if tls:
            paths = make_certificates(self._directory)
            self.ca_path = paths["ca.pem"]
            self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self._context.load_cert_chain(paths["server.pem"], paths["server.key"])
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._stopping = False
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self):
        return "%s://127.0.0.1:%d" % ("https" if self._context else "http", self._listener.getsockname()[1])

    def _serve(self):
        while not self._stopping:
            try:
                connection, _address = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection):
        try:
            if self._context is not None:
                connection = self._context.wrap_socket(connection, server_side=True)
            request = _read_request(connection)
            if request is not None:
                method, target, headers, body = request
                self.received.append((method, target.split("?")[0], body))
                self.answer(method, target.split("?")[0], headers, body, connection)
        except (OSError, ssl.SSLError):
            pass
        finally:
            try:
                connection.close()
            except OSError:
                pass

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stopping = True
        self._listener.close()
        for name in os.listdir(self._directory):
            os.unlink(os.path.join(self._directory, name))
        os.rmdir(self._directory)


def http_answer(status, body=b"", headers=(), reason="X"):
    """The raw bytes of an answer: status line, the headers as given plus Connection: close, and body.

    The server closes every connection after one answer; saying so keeps the client from reusing it.
    """
    headers = list(headers) + [("Connection", "close")]
    head = "HTTP/1.1 %d %s\r\n" % (status, reason)
    head += "".join("%s: %s\r\n" % pair for pair in headers)
    return head.encode("latin-1") + b"\r\n" + body
