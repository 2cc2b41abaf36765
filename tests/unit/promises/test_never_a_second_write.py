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

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.reconcile import reconcile
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    CodeArtsError,
    CodeArtsRequestError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import send_verify_code
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import streamed
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.keyed_service import FATES, Client, Module, Resource, Service
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.properties import examples


KEYS = ("a", "b", "c")


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

    @settings(max_examples=examples(1500), deadline=None, derandomize=True)
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
