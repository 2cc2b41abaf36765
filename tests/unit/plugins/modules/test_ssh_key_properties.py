"""The SSH key module against a generated service: any keys, any task, and any answer to any request.

The service is a model that keeps the keys. Each request it gets has a generated fate: answered, refused, applied
but its answer lost or a 500, not applied and a 500, or never sent. Whatever the fates, a task:
- reports changed exactly when the user's keys changed, on success and on failure, and a failure names by
  fingerprint every key it added or deleted, unless it says it cannot tell ("may or may not"), and then it
  reports changed when they did;
- never posts the same key twice;
- fails only with the five keys, never with a traceback or the catch-all;
- in check mode sends nothing but reads.
"""

import base64
import contextlib
import hashlib
import io
import json
import struct
from collections import Counter
from unittest import mock
from urllib.parse import parse_qs, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import retry
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import UNEXPECTED
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import (
    TOKEN,
    FakeSession,
    NotStarted,
    connect_failure,
    dropped_connection,
    response,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args

FAILURE_KEYS = {"msg", "status", "error_code", "error_msg", "request_id"}
UNKNOWN_OUTCOME = "may or may not"
READ_FATES = ("answered", "answered", "answered", "500", "dropped", "not sent")
WRITE_FATES = ("answered", "answered", "refused", "applied, then 500", "not applied, 500", "applied, then dropped",
               "not applied, dropped", "not sent")


def _string(data):
    return struct.pack(">I", len(data)) + data


def key_line(number):
    blob = _string(b"ssh-ed25519") + _string(hashlib.sha256(b"property key %d" % number).digest())
    return "ssh-ed25519 %s user%d@host" % (base64.b64encode(blob).decode("ascii"), number)


def fingerprint(line):
    digest = hashlib.sha256(base64.b64decode(line.split()[1])).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


POOL = [key_line(number) for number in range(4)]


class ModelService(FakeSession):
    """The v4 key calls over a key store; request number n meets fates[n] (answered when there are no more)."""

    def __init__(self, keys, fates):
        super().__init__()
        self.keys = [dict(id=500 + index, title=title, key=line, created_at="2026-11-30") for index, (line, title)
                     in enumerate(keys)]
        self.next_id = 600
        self.fates = list(fates)
        self.posted = Counter()

    def request(self, method, url, data=None, headers=None, auth=None, **options):
        self.answers = [self._answer(method, url, json.loads(data) if data else None)]
        return super().request(method, url, data=data, headers=headers, auth=auth, **options)

    def _answer(self, method, url, body):
        fate = self.fates.pop(0) if self.fates else "answered"
        if method == "GET":
            fate = fate if fate in READ_FATES else "answered"
        elif method == "POST":
            self.posted[body["key"].split()[1]] += 1 if fate != "not sent" else 0
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
            self.next_id += 1
            self.keys.append(dict(id=self.next_id, title=body["title"], key=body["key"], created_at="2026-12-01"))
            return response(201, self.keys[-1])
        key_id = int(url.path.rsplit("/", 1)[1])
        if all(key["id"] != key_id for key in self.keys):
            return response(404, {"error_code": "CH.080404", "error_msg": "The SSH key does not exist."})
        self.keys = [key for key in self.keys if key["id"] != key_id]
        return response(204, raw=b"")

    def state(self):
        return set((key["key"].split()[1], key["title"]) for key in self.keys)


keys_with_titles = st.lists(st.tuples(st.sampled_from(range(len(POOL))), st.sampled_from(["old", "new"])),
                            max_size=3, unique_by=lambda item: item[0])
tasks = st.fixed_dictionaries({
    "wanted": keys_with_titles, "state": st.sampled_from(["present", "absent"]), "exclusive": st.booleans(),
    "retitle": st.booleans(), "single": st.booleans()})
fates = st.lists(st.sampled_from(sorted(set(READ_FATES + WRITE_FATES))), max_size=8)


def task_args(task):
    args = dict(endpoint="https://codearts.test", token=TOKEN, retries=1, state=task["state"], retitle=task["retitle"])
    wanted = [dict(key=POOL[number], title=title) for number, title in task["wanted"]]
    if task["single"] and len(wanted) == 1 and not task["exclusive"]:
        return dict(args, **wanted[0])
    exclusive = task["exclusive"] and task["state"] == "present"
    return dict(args, keys=wanted, exclusive=exclusive, allow_no_keys=exclusive and not wanted)


def changed_keys(before, after):
    """The fingerprints of the keys whose presence or title differs."""
    blobs = set(blob for blob, _title in before ^ after)
    return set(fingerprint("ssh-ed25519 " + blob) for blob in blobs)


def run(service, args):
    output = io.StringIO()
    with mock.patch.object(http_client, "Transport", lambda headers: service), patch_module_args(args), \
            mock.patch.object(retry.time, "sleep", lambda seconds: None), contextlib.redirect_stdout(output):
        try:
            codearts_user_ssh_key.main()
        except SystemExit:
            pass
    return json.loads(output.getvalue())


def test_a_task_reports_every_change_it_made_and_no_other_whatever_the_service_answers():
    """Counted per outcome: the property is only worth its examples if each outcome is met."""
    reached = Counter()

    @settings(max_examples=600, deadline=None, derandomize=True)
    @given(held=keys_with_titles, task=tasks, request_fates=fates, check_mode=st.booleans())
    def attack(held, task, request_fates, check_mode):
        reached[check(held, task, request_fates, check_mode)] += 1

    attack()
    assert set(reached) == {"succeeded, changed", "succeeded, unchanged", "failed, outcome unknown",
                            "failed after a change", "failed, nothing changed"}, reached


def check(held, task, request_fates, check_mode):
    """Run one generated task against the model; assert the promises; return the outcome it reached."""
    service = ModelService([(POOL[number], title) for number, title in held], request_fates)
    before = service.state()
    args = dict(task_args(task), _ansible_check_mode=check_mode)
    result = run(service, args)
    after = service.state()
    assert "Traceback" not in json.dumps(result) and UNEXPECTED.split("(", maxsplit=1)[0] not in result.get("msg", "")
    assert max(service.posted.values() or [0]) <= 1, "a key was posted twice: %s" % service.posted
    if check_mode:
        assert set(service.methods) <= {"GET"}
    changed = changed_keys(before, after)
    if not result.get("failed"):
        assert result["changed"] is bool(changed) or check_mode
        if not check_mode:
            assert sorted(view["fingerprint"] for view in result["ssh_keys"]) == sorted(
                fingerprint(key["key"]) for key in service.keys)
        return "succeeded, changed" if changed else "succeeded, unchanged"
    assert FAILURE_KEYS <= set(result)
    if UNKNOWN_OUTCOME in result["msg"]:
        assert result["changed"] is True or not changed, "a change that may have landed is reported unchanged"
        return "failed, outcome unknown"
    assert result["changed"] is bool(changed), result["msg"]
    assert all(shown in result["msg"] for shown in changed), (changed, result["msg"])
    return "failed after a change" if changed else "failed, nothing changed"
