"""A model of the user SSH key service, standing in for the transport: it keeps the keys and applies the requests.

Each request meets a fate (answered, refused, applied but its answer lost or a 500, not applied, never sent), taken
in order from fates (answered when there are none left). The model can store titles its own way (stored_title),
hold several copies of one key (a state the real service was seen in), and let someone else change the keys before
a given request (meanwhile: request number -> a function of the model).
"""

import base64
import hashlib
import json
import struct
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import (
    FakeSession,
    NotStarted,
    connect_failure,
    dropped_connection,
    response,
)

READ_FATES = ("answered", "answered", "answered", "500", "dropped", "not sent")
WRITE_FATES = ("answered", "answered", "refused", "applied, then 500", "not applied, 500", "applied, then dropped",
               "not applied, dropped", "not sent")


def _string(data):
    return struct.pack(">I", len(data)) + data


def key_line(number):
    blob = _string(b"ssh-ed25519") + _string(hashlib.sha256(b"property key %d" % number).digest())
    return "ssh-ed25519 %s user%d@host" % (base64.b64encode(blob).decode("ascii"), number)


def blob_of(line):
    return line.split()[1]


class KeyService(FakeSession):
    """The v4 key calls over a key store. keys: (line, title) pairs, listed in that order with ids from 500."""

    def __init__(self, keys, fates=(), stored_title=lambda title: title, meanwhile=None):
        super().__init__()
        self.keys = [dict(id=500 + index, title=title, key=line, created_at="2026-11-30") for index, (line, title)
                     in enumerate(keys)]
        self.next_id = 600
        self.fates = list(fates)
        self.stored_title = stored_title
        self.meanwhile = dict(meanwhile or {})
        self.posted = Counter()
        self.requests = 0

    def request(self, method, url, data=None, headers=None, auth=None, **options):
        self.requests += 1
        if self.requests in self.meanwhile:
            self.meanwhile.pop(self.requests)(self)
        self.answers = [self._answer(method, url, json.loads(data) if data else None)]
        return super().request(method, url, data=data, headers=headers, auth=auth, **options)

    def add(self, line, title):
        """A key added by someone else (or an earlier run)."""
        self.next_id += 1
        self.keys.append(dict(id=self.next_id, title=self.stored_title(title), key=line, created_at="2026-12-01"))

    def _answer(self, method, url, body):
        fate = self.fates.pop(0) if self.fates else "answered"
        if method == "GET":
            fate = fate if fate in READ_FATES else "answered"
        elif method == "POST":
            self.posted[blob_of(body["key"])] += 1 if fate != "not sent" else 0
        if fate == "not sent":
            return NotStarted(connect_failure())
        if fate in ("500", "not applied, 500"):
            return response(500, {"error_code": "EMULATED.FAULT", "error_msg": "fault"})
        if fate == "refused":
            return response(403, {"error_code": "CH.004403", "error_msg": "Insufficient permissions."})
        if fate in ("dropped", "not applied, dropped"):
            return dropped_connection()
        answer = self._apply(method, urlsplit(url), body)
        if fate == "applied, then 500":
            return response(500, {"error_code": "EMULATED.FAULT", "error_msg": "fault"})
        if fate == "applied, then dropped":
            return dropped_connection()
        return answer

    def _apply(self, method, url, body):
        if method == "GET":
            query = parse_qs(url.query)
            offset, limit = int(query["offset"][0]), int(query["limit"][0])
            return response(200, {"keys": self.keys[offset:offset + limit], "total": len(self.keys)})
        if method == "POST":
            if any(key["key"].split()[:2] == body["key"].split()[:2] for key in self.keys):
                return response(400, {"error_code": "CH.080002", "error_msg": "The key already exists."})
            self.add(body["key"], body["title"])
            return response(201, self.keys[-1])
        key_id = int(url.path.rsplit("/", 1)[1])
        if all(key["id"] != key_id for key in self.keys):
            return response(404, {"error_code": "CH.080404", "error_msg": "The SSH key does not exist."})
        self.keys = [key for key in self.keys if key["id"] != key_id]
        return response(204, raw=b"")

    def state(self):
        """What the user holds, as a set of (blob, title)."""
        return set((blob_of(key["key"]), key["title"]) for key in self.keys)

    def copies(self):
        return Counter(blob_of(key["key"]) for key in self.keys)


def run_ssh_key_task(service, args, main=None):
    """Run the SSH key module (or main) once against service, as Ansible would; return its parsed result."""
    import contextlib
    import io
    from unittest import mock

    from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import retry
    from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
    from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args

    output = io.StringIO()
    with mock.patch.object(http_client, "Transport", lambda headers: service), patch_module_args(args), \
            mock.patch.object(retry.time, "sleep", lambda seconds: None), contextlib.redirect_stdout(output):
        try:
            (main or codearts_user_ssh_key.main)()
        except SystemExit:
            pass
    return json.loads(output.getvalue())
