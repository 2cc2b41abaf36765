"""A landed change is never hidden, and a task reports what the service holds: the SSH key module against a
generated service (helpers/ssh_key_service.py) holding any keys, copies of one key included, storing titles its own
way, changed meanwhile by someone else, and meeting any fate on any request. Whatever happens, a task:
- that succeeds reports changed exactly when the keys it governs differ between its first and its last listing, and
  leaves what it asked for;
- that fails reports changed when its own writes changed the keys, naming every key they changed by fingerprint,
  unless it says it cannot tell ("may or may not"), or its last listing contradicted it (then changed is read from
  the listings);
- fails only with the five keys, never with a traceback or the catch-all.
Check mode predicts exactly what the real run then reports.
"""

import html
import unicodedata
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.stored_text import same_stored_text
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import UNEXPECTED
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_service import (
    READ_FATES,
    WRITE_FATES,
    KeyService,
    blob_of,
    fingerprint,
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


@settings(max_examples=300, deadline=None, derandomize=True)
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
