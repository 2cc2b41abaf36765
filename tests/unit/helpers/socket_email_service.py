"""A commit-email service over a real loopback socket (RawServer), for tests of what crosses the wire."""

import json
import socket

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import http_answer

OLD = {"id": 1, "name": "alice", "commit_email": "old@example.com"}
NEW = dict(OLD, commit_email="new@example.com")
LONG_TOKEN = "tok" + "-".join("%04d" % number for number in range(120))  # 600 characters


def json_bytes(document, status=200, extra=()):
    body = json.dumps(document).encode("utf-8")
    return http_answer(status, body, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))] + list(extra))


class EmailService(object):
    """Answers GET with the user and applies every PUT; after_put(connection) writes the PUT's answer."""

    def __init__(self, after_put, bad_reads=0, bad_read=None):
        self.user = dict(OLD)
        self.after_put = after_put
        self.bad_reads = bad_reads
        self.bad_read = bad_read

    def __call__(self, method, path, headers, body, connection):
        if method == "PUT":
            self.user["commit_email"] = json.loads(body)["email"]
            self.after_put(connection)
        elif self.bad_reads:
            self.bad_reads -= 1
            self.bad_read(connection)
        else:
            connection.sendall(json_bytes(self.user))


def socket_module_args(server, **extra):
    values = dict(endpoint=server.url, token=TOKEN, retries=0, timeout=5)
    if getattr(server, "ca_path", None):
        values["ca_path"] = server.ca_path
    values.update(extra)
    return values


def free_port():
    """A loopback port nothing listens on (bound, never listened, then closed): connecting is refused."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port
