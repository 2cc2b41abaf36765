"""A landed change is never hidden, and a task reports what the service holds: the SSH key module against a
generated service (helpers/ssh_key_service.py) holding any keys, copies of one key included, storing titles its own
way, changed meanwhile by someone else, and meeting any fate on any request. Whatever happens, a task:
- that succeeds reports changed exactly when the keys it governs differ between its first and its last listing, and
  leaves what it asked for;
- that fails reports changed when its own writes changed the keys, naming every key they changed by fingerprint,
  unless it says it cannot tell ("may or may not"), or its last listing contradicted it (then changed is read from
  the listings);
- fails only with the five keys, never with a traceback or the catch-all.
Check mode predicts exactly what the real run then reports."""

import contextlib
import html
import io
import json
import os
import unicodedata
import zlib
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.stored_text import same_stored_text
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import UNEXPECTED
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import write_email
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email, codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response, streamed, warning_texts
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.properties import SETTINGS, examples
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import RawServer, http_answer
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.socket_email_service import (
    EmailService,
    NEW,
    OLD,
    socket_module_args,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, fingerprint, listed
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_service import (
    KeyService,
    READ_FATES,
    WRITE_FATES,
    blob_of,
    key_line,
    run_ssh_key_task,
)


FAILURE_KEYS = {"msg", "status", "error_code", "error_msg", "request_id"}
UNKNOWN_OUTCOME = "may or may not"
CONTRADICTED = "listing afterwards shows"
POOL = [key_line(number) for number in range(4)]
TITLES = ["old", "new", "Dev & Ops", "cafe\u0301", "t" * 300]
STORAGE = {"as sent": lambda title: title, "HTML-escaped": html.escape,
           "NFC": lambda title: unicodedata.normalize("NFC", title), "cut to 255": lambda title: title[:255]}
held_keys = st.lists(st.tuples(st.sampled_from(range(len(POOL))), st.sampled_from(TITLES)), max_size=4)
wanted_keys = st.lists(st.tuples(st.sampled_from(range(len(POOL))), st.sampled_from(TITLES)), max_size=3,
                       unique_by=lambda item: item[0])
tasks = st.fixed_dictionaries({
    "wanted": wanted_keys, "state": st.sampled_from(["present", "absent"]), "exclusive": st.booleans(),
    "retitle": st.booleans(), "single": st.booleans()})
fates = st.lists(st.sampled_from(sorted(set(READ_FATES + WRITE_FATES))), max_size=8)


# Someone else, before request n: adds a pool key (refused, as the service refuses, when it is held), or deletes
# every copy of one.
meanwhile_events = st.dictionaries(st.integers(min_value=1, max_value=6),
                                   st.tuples(st.sampled_from(["add", "delete"]), st.sampled_from(range(len(POOL)))),
                                   max_size=1)


def someone_else(action, number):
    line = POOL[number]

    def act(model):
        held = [key for key in model.keys if blob_of(key["key"]) == blob_of(line)]
        if action == "add" and not held:
            model.add(line, "theirs")
        elif action == "delete":
            model.keys = [key for key in model.keys if key not in held]
    return act


def task_args(task):
    args = dict(endpoint="https://codearts.test", token=TOKEN, retries=1, state=task["state"], retitle=task["retitle"])
    wanted = [dict(key=POOL[number], title=title) for number, title in task["wanted"]]
    if task["single"] and len(wanted) == 1 and not task["exclusive"]:
        return dict(args, **wanted[0])
    exclusive = task["exclusive"] and task["state"] == "present"
    return dict(args, keys=wanted, exclusive=exclusive, allow_no_keys=exclusive and not wanted)


class Recorded(KeyService):
    """The model, remembering what each answered listing showed and what the task's own writes changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.listings, self.own_changes = [], set()

    def _apply(self, method, url, body):
        before = Counter((blob_of(key["key"]), key["title"], key["id"]) for key in self.keys)
        answer = super()._apply(method, url, body)
        after = Counter((blob_of(key["key"]), key["title"], key["id"]) for key in self.keys)
        if method == "GET":
            self.listings.append(list(self.keys))
        self.own_changes |= set(entry[0] for entry in (before - after) + (after - before))
        return answer


def governed(keys, task_args_used):
    wanted = set(blob_of(item["key"]) for item in task_args_used.get("keys") or [])
    if task_args_used.get("key"):
        wanted.add(blob_of(task_args_used["key"]))
    return sorted((key["id"], blob_of(key["key"]), key["title"]) for key in keys
                  if task_args_used.get("exclusive") or blob_of(key["key"]) in wanted)


def met(task, args, keys, stored):
    """Whether keys (the last listing) hold what the task asked for."""
    copies = Counter(blob_of(key["key"]) for key in keys)
    for number, title in task["wanted"]:
        blob = blob_of(POOL[number])
        if task["state"] == "absent":
            if copies[blob]:
                return False
        elif not copies[blob] or (task["retitle"] and not any(
                same_stored_text(title, key["title"]) for key in keys if blob_of(key["key"]) == blob)):
            return False
    if args.get("exclusive"):
        wanted = set(blob_of(POOL[number]) for number, _title in task["wanted"])
        return set(copies) == wanted and all(count == 1 for count in copies.values())
    return True


def check(held, task, request_fates, storage, events):
    """Run one generated task against the model; assert the promises; return the outcome it reached."""
    service = Recorded([(POOL[number], title) for number, title in held], request_fates, stored_title=STORAGE[storage],
                       meanwhile=dict((number, someone_else(*event)) for number, event in events.items()))
    args = task_args(task)
    result = run_ssh_key_task(service, args)
    assert "Traceback" not in str(result) and UNEXPECTED.split("(", maxsplit=1)[0] not in result.get("msg", "")
    assert max(service.posted.values() or [0]) <= 1, "a key was posted twice: %s" % service.posted
    if not result.get("failed"):
        first, last = service.listings[0], service.listings[-1]
        assert result["changed"] is (governed(first, args) != governed(last, args)), (result, first, last)
        assert met(task, args, last, STORAGE[storage]), (task, last)
        assert sorted(view["fingerprint"] for view in result["ssh_keys"]) == sorted(fingerprint(key["key"]) for key in last)
        return "succeeded, changed" if result["changed"] else "succeeded, unchanged"
    assert FAILURE_KEYS <= set(result)
    if UNKNOWN_OUTCOME in result["msg"]:
        assert result["changed"] is True or not service.own_changes, "a change that may have landed is reported unchanged"
        return "failed, outcome unknown"
    if CONTRADICTED in result["msg"]:
        return "failed, contradicted by the listing"
    assert result["changed"] is bool(service.own_changes), result["msg"]
    named = set(fingerprint("ssh-ed25519 " + blob) for blob in service.own_changes)
    assert all(shown in result["msg"] for shown in named), (named, result["msg"])
    return "failed after a change" if service.own_changes else "failed, nothing changed"


def test_a_task_reports_every_change_and_what_the_service_holds_whatever_happens():
    """Counted per outcome: the property is only worth its examples if each outcome is met."""
    reached = Counter()

    @settings(max_examples=800, deadline=None, derandomize=True)
    @given(held=held_keys, task=tasks, request_fates=fates, storage=st.sampled_from(sorted(STORAGE)), events=meanwhile_events)
    def attack(held, task, request_fates, storage, events):
        reached[check(held, task, request_fates, storage, events)] += 1

    attack()
    assert {"succeeded, changed", "succeeded, unchanged", "failed, outcome unknown", "failed after a change",
            "failed, nothing changed"} <= set(reached), reached


@settings(max_examples=examples(300), deadline=None, derandomize=True)
@given(held=held_keys, task=tasks)
def test_check_mode_predicts_exactly_what_the_real_run_reports(held, task):
    keys = [(POOL[number], title) for number, title in held]
    args = task_args(task)
    predicted = run_ssh_key_task(KeyService(keys), dict(args, _ansible_check_mode=True))
    service = KeyService(keys)
    real = run_ssh_key_task(service, args)
    if not real.get("failed"):
        assert (predicted["changed"], predicted["diff"]) == (real["changed"], real["diff"]), (predicted, real)
        assert len(predicted["added"]) == len(real["added"]) and len(predicted["removed"]) == len(real["removed"])


def test_a_407_from_inside_an_https_proxy_tunnel_after_a_put_is_settled_by_a_re_read(run_module, session, monkeypatch):
    """Promise ("anything else after a PUT is re-read") and promise 5's message.

    Situation: HTTPS_PROXY=http://127.0.0.1:9 (any loopback proxy), endpoint https://...
    """
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    session.script(response(200, OLD), response(407, {"error_msg": "Proxy Authentication Required"}), response(200, NEW))
    result = run_module(codearts_user_email.main, dict(endpoint="https://codearts.test", token=TOKEN,
                                                       email="new@example.com", verify_code="123456"))
    assert session.methods == ["GET", "PUT", "GET"], "no re-read after the PUT: %s; msg: %s" % (session.methods, result["msg"])
    assert not result.get("failed"), result["msg"]


def test_tls_garbage_after_a_landed_put_is_settled_by_a_re_read(run_module):
    service = EmailService(after_put=lambda connection: os.write(connection.fileno(), b"this is no TLS record\r\n" * 4))
    with RawServer(service, tls=True) as server:
        result = run_module(codearts_user_email.main, socket_module_args(server, email="new@example.com"))
        methods = [method for method, _path, _body in server.received]
    assert result["changed"] is True, result
    assert methods == ["GET", "PUT", "GET"]
    assert any("answer to the change was lost" in warning for warning in warning_texts(result))


def test_two_content_lengths_after_a_landed_put_are_settled_by_a_re_read(run_module):
    answer = http_answer(200, json.dumps(NEW).encode() + b" ", [("Content-Length", "44"), ("Content-Length", "45")])
    service = EmailService(after_put=lambda connection: connection.sendall(answer))
    with RawServer(service) as server:
        result = run_module(codearts_user_email.main, socket_module_args(server, email="new@example.com"))
        assert [method for method, _path, _body in server.received] == ["GET", "PUT", "GET"]
    assert result["changed"] is True, result


def test_an_oversized_answer_to_a_put_is_settled_by_a_re_read(run_module):
    huge = http_answer(200, b" " * (2 * 1024 * 1024), [("Content-Length", str(2 * 1024 * 1024))])
    service = EmailService(after_put=lambda connection: connection.sendall(huge))
    with RawServer(service) as server:
        result = run_module(codearts_user_email.main, socket_module_args(server, email="new@example.com"))
        assert [method for method, _path, _body in server.received] == ["GET", "PUT", "GET"], result["msg"]


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)
FORBIDDEN = {"error_code": "CH.004403", "error_msg": "no permission"}


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def _landed_is_reported(result, added=(), deleted_ids=()):
    """A failed task must still say changed, and name every key its requests added (by fingerprint: a POST's path
    names no key) and deleted (by fingerprint, or by its id in the DELETE's path)."""
    shown = result.get("msg", "") + json.dumps(result.get("ssh_keys", []))
    return (result.get("changed") is True and all(fingerprint(line) in shown for line in added)
            and all("/v4/user/keys/%d" % key_id in shown or fingerprint(line) in shown for line, key_id in deleted_ids))


def test_an_add_that_landed_is_named_and_changed_when_the_exclusive_delete_after_it_fails(run_module, session):
    """Promise: never hide a change that landed.

    Situation: exclusive: true, keys: [new];
    """
    old, new = ed25519(), ed25519()
    session.script(listed((old, "old")), response(201, dict(id=9, title="new", key=new)), response(403, FORBIDDEN))
    result = run(run_module, exclusive=True, keys=[dict(key=new, title="new")])
    assert session.methods == ["GET", "POST", "DELETE"] and result["failed"] is True
    assert _landed_is_reported(result, added=[new]), result


def test_the_first_of_two_adds_is_named_and_changed_when_the_second_is_refused(run_module, session):
    """Promise: never hide a change that landed.

    Situation: keys: [a, b], both new.
    """
    first, second = ed25519(), ed25519()
    session.script(listed(), response(201, dict(id=9, title="a", key=first)),
                   response(400, {"error_code": "CH.080001", "error_msg": "invalid title"}))
    result = run(run_module, keys=[dict(key=first, title="a"), dict(key=second, title="b")])
    assert session.methods == ["GET", "POST", "POST"] and result["failed"] is True
    assert _landed_is_reported(result, added=[first]), result


def test_an_add_that_landed_is_named_and_changed_when_the_listing_after_the_writes_fails(run_module, session):
    """Promise: never hide a change that landed.

    Situation: key: new;
    """
    new = ed25519()
    session.script(listed(), response(201, dict(id=9, title="laptop", key=new)), response(503, {"error_msg": "busy"}))
    result = run(run_module, key=new, title="laptop")
    assert session.methods == ["GET", "POST", "GET"] and result["failed"] is True
    assert _landed_is_reported(result, added=[new]), result


def test_a_retitle_whose_add_is_refused_names_the_deleted_key_and_says_changed(run_module, session):
    """Promise: never hide a change that landed (and the plan's own "adds come first, so the task never leaves the
    user without a key").

    Situation: retitle: true, key: k (the user's only key, listed under title "old"), title: "new".
    """
    key = ed25519()
    session.script(listed((key, "old")), response(204, raw=b""), response(403, FORBIDDEN))
    result = run(run_module, key=key, title="new", retitle=True)
    assert session.methods == ["GET", "DELETE", "POST"] and result["failed"] is True
    assert _landed_is_reported(result, deleted_ids=[(key, 100)]), result


def after_put_answers():
    """What comes back after a PUT that landed: answers built from good ones, then broken in many ways."""
    document = json.dumps(dict(OLD, commit_email="new@example.com")).encode()
    good = http_answer(200, document, [("Content-Type", "application/json"), ("Content-Length", str(len(document)))])
    goods = [("good", good), ("good, deflate", http_answer(200, zlib.compress(document), [("Content-Encoding", "deflate")]))]
    return st.one_of(
        st.tuples(st.sampled_from(goods), st.binary(max_size=40)).map(lambda pair: (pair[0][0], pair[0][1] + pair[1])),
        st.binary(max_size=300).map(lambda junk: ("junk", junk)),
        st.integers(1, len(good) - 1).map(lambda cut: ("cut short", good[:cut])),
        st.tuples(st.integers(100, 599), st.binary(max_size=200)).map(
            lambda pair: ("any status", http_answer(pair[0], pair[1], [("Content-Length", str(len(pair[1])))]))),
        st.sampled_from([
            ("two lengths", http_answer(200, document, [("Content-Length", "44"), ("Content-Length", "45")])),
            ("bad chunk", http_answer(200, b"zz\r\n{}\r\n", [("Transfer-Encoding", "chunked")])),
            ("corrupt gzip", http_answer(200, b"\x1f\x8bnope", [("Content-Encoding", "gzip"), ("Content-Length", "6")])),
            ("nothing", b""),
            ("redirect", http_answer(302, b"", [("Location", "http://[::1/x"), ("Content-Length", "0")])),
        ]))


def test_a_landed_write_is_never_reported_as_unsent():
    reached = Counter()
    state = {}

    def service(method, path, headers, body, connection):
        if method == "PUT":
            state["email"] = json.loads(body)["email"]
            connection.sendall(state["after"])
        else:
            document = json.dumps(dict(OLD, commit_email=state["email"])).encode()
            connection.sendall(http_answer(200, document, [("Content-Type", "application/json"),
                                                           ("Content-Length", str(len(document)))]))

    with RawServer(service) as server:
        @settings(max_examples=120, **SETTINGS)
        @given(after=after_put_answers())
        def attack(after):
            kind, state["after"] = after
            state["email"] = OLD["commit_email"]
            before = len(server.received)
            result = run_with_real_transport(codearts_user_email.main, dict(
                endpoint=server.url, token=TOKEN, email="new@example.com", retries=0, timeout=2))
            assert state["email"] == "new@example.com"
            assert [entry[0] for entry in server.received[before:]][:2] == ["GET", "PUT"]
            message = result.get("msg", "")
            assert "Nothing was sent" not in message and "could not connect" not in message
            if result.get("changed"):
                reached["changed"] += 1
                reached["changed after a re-read" if len(server.received) - before == 3 else "changed from the answer"] += 1
            else:
                assert result.get("failed") and result["status"] is not None and 400 <= result["status"] < 500, result
                reached["the service's own refusal"] += 1
            reached[kind] += 1

        attack()
    assert all(reached[key] >= 10 for key in ("changed after a re-read", "changed from the answer")), reached
    assert reached["the service's own refusal"] >= 3, reached


def run_with_real_transport(main, args):
    output = io.StringIO()
    with patch_module_args(args), contextlib.redirect_stdout(output):
        try:
            main()
        except SystemExit:
            pass
    return json.loads(output.getvalue())


ALICE = {"id": 7, "name": "alice", "commit_email": "alice@example.com"}
ALICE_RENAMED = dict(ALICE, commit_email="alice.new@example.com")
BROKEN = ConnectionResetError(104, "Connection reset by peer")


def test_a_write_whose_answer_breaks_mid_body_is_re_read_and_reported_as_landed(make_client, session):
    session.script(streamed(200, [b'{"id": 7, "commit'], failure=BROKEN), response(200, ALICE_RENAMED))

    user, confirmed_by_reading = write_email(make_client(), "alice.new@example.com", "CODE")

    assert (user, confirmed_by_reading) == (ALICE_RENAMED, True)
    assert session.methods == ["PUT", "GET"]


def test_a_write_with_a_corrupt_gzip_answer_is_re_read_not_reported_as_unsent(make_client, session):
    session.script(response(200, raw=b"\x1f\x8b broken", headers={"Content-Encoding": "gzip"}), response(200, ALICE_RENAMED))

    assert write_email(make_client(), "alice.new@example.com", "CODE") == (ALICE_RENAMED, True)
    assert session.methods == ["PUT", "GET"]


def test_a_write_cut_at_the_timeout_is_re_read(make_client, session):
    session.script(streamed(200, [b"{"] + [b" "] * 1000, delay=0.2), response(200, ALICE))

    with pytest.raises(CodeArtsRequestError, match="shows the change was not applied"):
        write_email(make_client(retries=0, timeout=1.0), "alice.new@example.com", "CODE")
    assert session.methods == ["PUT", "GET"]
