"""Never a second write, and every change reported: the generic reconciler (_api/reconcile.py) against a generated
in-memory service, for any existing items, any task, and any fate of every request, with adapters of both kinds (a
value changed in place, one copy per key, as webhooks and rules are; a value that needs a replace, copies allowed, as
SSH keys are). Whatever happens:
- no item is created twice (every create is sent at most once per key);
- check mode sends no write;
- a success reports changed exactly when the governed items differ between the listings, and leaves what the task
  asked for;
- a failure reports changed when a write landed (unless it says it cannot tell), and is a typed error."""

from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import KeyedResource, Listed, Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.reconcile import reconcile
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    CodeArtsError,
    CodeArtsRequestError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import send_verify_code
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import streamed


FATES = ("answered", "answered", "answered", "refused", "applied, answer lost", "not applied, answer lost", "not sent")
KEYS = ("a", "b", "c")


class Service(object):
    """The items a service holds, and a fate for every request it gets (answered when there are none left)."""

    def __init__(self, items, fates):
        self.items = [dict(id=10 + index, key=key, value=value) for index, (key, value) in enumerate(items)]
        self.next_id, self.fates, self.sent = 100, list(fates), []

    def request(self, what, apply, client=None):
        """Meet the request's fate; a write answered with success is journalled, as the real client does."""
        self.sent.append(what)
        fate = self.fates.pop(0) if self.fates else "answered"
        if what[0] == "list" and fate not in ("answered", "not sent"):
            fate = "not sent"  # a read fails without landing anything
        if fate == "not sent":
            raise CodeArtsRequestError("X", what[0], "could not connect", nothing_sent=True)
        if fate == "refused":
            raise CodeArtsRequestError("X", what[0], "refused", status=403)
        if fate == "not applied, answer lost":
            raise CodeArtsRequestError("X", what[0], "answer lost", may_have_been_applied=True)
        result = apply()
        if fate == "applied, answer lost":
            raise CodeArtsRequestError("X", what[0], "answer lost", may_have_been_applied=True)
        if client is not None:
            client.note_landed("%s %s" % what)
        return result


class Resource(KeyedResource):
    noun = "item"
    result_key = "items"

    def __init__(self, service, in_place):
        self.service = service
        self.in_place = frozenset(("value",)) if in_place else frozenset()
        self.copies_allowed = not in_place

    def list(self, client):
        return self.service.request(("list",), lambda: [Listed(item["id"], item["key"], {"value": item["value"]}, dict(item))
                                                        for item in self.service.items])

    def create(self, client, wanted):
        def apply():
            self.service.next_id += 1
            self.service.items.append(dict(id=self.service.next_id, key=wanted.key, value=wanted.values["value"]))
        self.service.request(("create", wanted.key), apply, client)

    def update(self, client, listed, wanted):
        def apply():
            for item in self.service.items:
                if item["id"] == listed.id:
                    item["value"] = wanted.values["value"]
        self.service.request(("update", wanted.key), apply, client)

    def delete(self, client, listed):
        def apply():
            before = len(self.service.items)
            self.service.items = [item for item in self.service.items if item["id"] != listed.id]
            if len(self.service.items) == before:
                raise CodeArtsRequestError("X", "delete", "not found", status=404)
        self.service.request(("delete", listed.key), apply, client)

    def predicted(self, wanted, listed=None):
        return {"id": listed.id if listed else None, "key": wanted.key, "value": wanted.values["value"]}

    def diff_label(self, view):
        return view["key"]


class Module(object):
    def __init__(self, check_mode):
        self.check_mode, self.warnings, self.landed_changes = check_mode, [], []

    def warn(self, text):
        self.warnings.append(text)


class Client(object):
    def __init__(self, module):
        self.module = module

    def note_landed(self, words):
        self.module.landed_changes.append(words)


held = st.lists(st.tuples(st.sampled_from(KEYS), st.integers(0, 2)), max_size=4)
tasks = st.fixed_dictionaries({"wanted": st.lists(st.tuples(st.sampled_from(KEYS), st.integers(0, 2)), max_size=3,
                                                  unique_by=lambda item: item[0]),
                               "state": st.sampled_from(["present", "absent"]), "exclusive": st.booleans(),
                               "managed": st.booleans()})


def governed(items, task):
    keys = set(key for key, _value in task["wanted"])
    return sorted((item["id"], item["key"], item["value"]) for item in items if task["exclusive"] or item["key"] in keys)


def met(items, task):
    copies = Counter(item["key"] for item in items)
    for key, value in task["wanted"]:
        if task["state"] == "absent" and copies[key]:
            return False
        if task["state"] == "present" and (not copies[key] or task["managed"] and all(
                item["value"] != value for item in items if item["key"] == key)):
            return False
    if task["exclusive"]:
        return set(copies) == set(key for key, _value in task["wanted"]) and max(copies.values() or [1]) == 1
    return True


def check(items, task, fates, in_place, check_mode):
    task = dict(task, exclusive=task["exclusive"] and task["state"] == "present")
    service = Service(items, fates)
    module = Module(check_mode)
    resource = Resource(service, in_place)
    wanted = [Wanted(key, {"value": value}, frozenset(("value",)) if task["managed"] else frozenset(), key)
              for key, value in task["wanted"]]
    before = [dict(item) for item in service.items]
    try:
        result, failure = reconcile(module, Client(module), resource, wanted, task["state"], task["exclusive"]), None
    except CodeArtsError as error:
        result, failure = None, error
    creates = Counter(what[1] for what in service.sent if what[0] == "create")
    assert max(creates.values() or [0]) <= 1, "created twice: %s" % service.sent
    if check_mode:
        assert [what for what in service.sent if what[0] != "list"] == []
    if failure is None:
        if not check_mode:
            assert result["changed"] is (governed(before, task) != governed(service.items, task)), (before, service.items, task)
            assert met(service.items, task), (task, service.items)
        return "succeeded"
    changed_state = governed(before, task) != governed(service.items, task)
    reported = failure.changed if failure.changed is not None else bool(module.landed_changes) or failure.may_have_been_applied
    cannot_tell = failure.may_have_been_applied or "may or may not" in str(failure)
    assert reported or not changed_state, "a change that landed is hidden: %s %s" % (failure, service.sent)
    assert not reported or changed_state or cannot_tell or module.landed_changes, "changed, with nothing changed: %s" % failure
    return "failed"


def test_the_reconciler_never_writes_twice_and_reports_what_the_service_holds_whatever_happens():
    reached = Counter()

    @settings(max_examples=1500, deadline=None, derandomize=True)
    @given(items=held, task=tasks, fates=st.lists(st.sampled_from(FATES), max_size=8), in_place=st.booleans(),
           check_mode=st.booleans())
    def attack(items, task, fates, in_place, check_mode):
        reached[check(items, task, fates, in_place, check_mode)] += 1

    attack()
    assert set(reached) == {"succeeded", "failed"}, reached


BROKEN = ConnectionResetError(104, "Connection reset by peer")


def test_a_code_request_whose_answer_breaks_is_never_repeated(make_client, session):
    session.script(streamed(201, [b'{"result": '], failure=BROKEN))

    with pytest.raises(CodeArtsRequestError) as caught:
        send_verify_code(make_client(), "alice.new@example.com")

    assert session.methods == ["POST"]
    assert caught.value.may_have_been_applied
    assert "a code may have been mailed to alice.new@example.com" in str(caught.value)
