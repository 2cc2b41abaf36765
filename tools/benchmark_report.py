# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The helper of tools/benchmark.sh: its playbooks, its timing callback, and its report. Not part of any test.

  python3 benchmark_report.py playbooks DIR ROUNDS TASKS   write DIR/inventory.yml and DIR/round1.yml ... roundROUNDS.yml
  python3 benchmark_report.py report TIMINGS EMULATOR_JSON TASKS ROUNDS
                                                           print the per-task medians and the three ratios

Copied into a callback plugin directory as benchmark_timer.py, this file is also an Ansible callback: it writes
one JSON line per task and host to $CODEARTS_BENCH_TIMINGS, with the controller's monotonic clock at the task's
start and at the moment its result reached the controller. Tasks are named "bench KIND NUMBER".
"""

import json
import os
import ssl
import statistics
import sys
import time
import urllib.request

try:
    from ansible.plugins.callback import CallbackBase
except ImportError:  # the report and the playbooks need no Ansible
    CallbackBase = object

TOKEN = "carol-token"  # the emulator's seed user that may change her email without a verification code
ADDRESSES = ("bench.a@example.com", "bench.b@example.com")
FLEET_SIZE = 50
EMAILS_URL = "{{ emulator_url }}/v4/user/emails"


# ----------------------------------------------------------------------------------------------- the callback

class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "benchmark_timer"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self._path = os.environ.get("CODEARTS_BENCH_TIMINGS")
        self._round = os.environ.get("CODEARTS_BENCH_ROUND", "0")
        self._task = None
        self._started = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._task = task.get_name()
        self._started = time.monotonic()

    def _record(self, result, status):
        ended = time.monotonic()
        if not self._path or not (self._task or "").startswith("bench "):
            return
        host = getattr(result, "host", None) or getattr(result, "_host")
        data = getattr(result, "result", None)
        if not isinstance(data, dict):
            data = getattr(result, "_result", {})
        kind, number = self._task.split(" ", 2)[1:]
        line = {"round": int(self._round), "kind": kind, "number": int(number), "host": host.get_name(),
                "start": self._started, "end": ended, "status": status, "changed": bool(data.get("changed"))}
        if status != "ok":
            line["msg"] = str(data.get("msg", ""))[:300]
        with open(self._path, "a") as timings:
            timings.write(json.dumps(line) + "\n")

    def v2_runner_on_ok(self, result):
        self._record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, "failed")

    def v2_runner_on_skipped(self, result):
        self._record(result, "skipped")

    def v2_runner_on_unreachable(self, result):
        self._record(result, "unreachable")


# ---------------------------------------------------------------------------------------------- the playbooks

def _connection():
    return {"endpoint": "{{ emulator_url }}", "token": TOKEN, "ca_path": "{{ emulator_ca_path }}"}


def _uri_get(name, register=None):
    task = {"name": name, "ansible.builtin.uri": {
        "url": EMAILS_URL, "headers": {"X-Auth-Token": TOKEN}, "ca_path": "{{ emulator_ca_path }}"}}
    if register:
        task["register"] = register
    return task


def single_host_tasks(number, rotation):
    """One ping, one uri GET and one info task, in an order that turns with every step."""
    tasks = [
        {"name": "bench ping %d" % number, "ansible.builtin.ping": {}},
        _uri_get("bench uri %d" % number),
        {"name": "bench info %d" % number, "huaweicloud.codearts.codearts_user_email_info": _connection()},
    ]
    return tasks[rotation % 3:] + tasks[:rotation % 3]


def change_tasks(number, module_first, change_number):
    """One email change by the module and one by a uri GET+PUT pair, each to the address the user does not have.

    change_number counts every change made since the emulator's reset, so that the addresses alternate across
    rounds too and every change really changes the email.
    """
    module_address = ADDRESSES[change_number % 2]
    pair_address = ADDRESSES[(change_number + 1) % 2]
    module_task = {"name": "bench change %d" % number, "huaweicloud.codearts.codearts_user_email": dict(
        _connection(), email=module_address, send_verify_code=False)}
    pair = [
        _uri_get("bench pair_get %d" % number, register="bench_current"),
        {"name": "bench pair_put %d" % number, "ansible.builtin.uri": {
            "url": EMAILS_URL, "method": "PUT", "headers": {"X-Auth-Token": TOKEN},
            "ca_path": "{{ emulator_ca_path }}", "body_format": "json", "body": {"email": pair_address}},
         "when": "bench_current.json.commit_email != %s" % json.dumps(pair_address)},
    ]
    if module_first:
        return [module_task] + pair
    pair[1]["ansible.builtin.uri"]["body"]["email"] = module_address
    pair[1]["when"] = "bench_current.json.commit_email != %s" % json.dumps(module_address)
    module_task["huaweicloud.codearts.codearts_user_email"]["email"] = pair_address
    return pair + [module_task]


def _play(hosts, name, tasks):
    return {"name": name, "hosts": hosts, "gather_facts": False, "tasks": tasks}


def write_playbooks(directory, rounds, tasks_per_kind):
    per_round = [tasks_per_kind // rounds + (1 if index < tasks_per_kind % rounds else 0) for index in range(rounds)]
    interpreter = {"ansible_connection": "local", "ansible_python_interpreter": "{{ ansible_playbook_python }}"}
    inventory = {"all": {"vars": interpreter, "hosts": {"localhost": {}}, "children": {"fleet": {"hosts": {
        "fleet%02d" % index: {} for index in range(1, FLEET_SIZE + 1)}}}}}
    with open(os.path.join(directory, "inventory.yml"), "w") as handle:
        json.dump(inventory, handle, indent=1)
    number = changes = 0
    for round_index, count in enumerate(per_round):
        single, changing = [], []
        for step in range(count):
            number += 1
            single += single_host_tasks(number, round_index + step)
            changing += change_tasks(number, (round_index + step) % 2 == 0, changes)
            changes += 2
        fleet = [_play("fleet", "bench 50 hosts x %s" % kind, [task]) for kind, task in (
            ("info", {"name": "bench fleet_info %d" % (round_index + 1),
                      "huaweicloud.codearts.codearts_user_email_info": _connection()}),
            ("ping", {"name": "bench fleet_ping %d" % (round_index + 1), "ansible.builtin.ping": {}}))]
        if round_index % 2:
            fleet.reverse()
        # Not timed: each ansible-playbook run builds a module's AnsiballZ payload at its first use, then reuses it.
        warm_up = _play("localhost", "warm-up, not timed", [
            {"name": "warm-up ping", "ansible.builtin.ping": {}},
            _uri_get("warm-up uri"),
            {"name": "warm-up info", "huaweicloud.codearts.codearts_user_email_info": _connection()},
            {"name": "warm-up change, checked only", "check_mode": True, "huaweicloud.codearts.codearts_user_email":
                dict(_connection(), email=ADDRESSES[0], send_verify_code=False)},
        ])
        playbook = [_play("localhost", "bench ping, uri and info, interleaved", single),
                    _play("localhost", "bench email changes: the module and a uri GET+PUT pair, interleaved", changing)]
        playbook = [warm_up] + ((fleet + playbook) if round_index % 2 else (playbook + fleet))
        with open(os.path.join(directory, "round%d.yml" % (round_index + 1)), "w") as handle:
            json.dump(playbook, handle, indent=1)


# ------------------------------------------------------------------------------------------------- the report

KINDS = (
    ("ping", "ansible.builtin.ping"),
    ("uri", "ansible.builtin.uri GET /v4/user/emails"),
    ("info", "huaweicloud.codearts.codearts_user_email_info"),
    ("change", "huaweicloud.codearts.codearts_user_email (a change)"),
    ("pair", "uri GET + uri PUT (the same change by hand)"),
)
RATIOS = (
    ("info / uri GET", "info", "uri", 1.10),
    ("change / uri GET+PUT pair", "change", "pair", 0.60),
    ("50-host info / 50-host ping", "fleet_info", "fleet_ping", 1.5),
)


def _load(path):
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _samples(lines):
    """{kind: {number: (round, seconds)}}: a task start to its last result; a pair's two tasks added."""
    by_task = {}
    for line in lines:
        by_task.setdefault((line["kind"], line["number"]), []).append(line)
    samples = {}
    for (kind, number), results in by_task.items():
        seconds = max(result["end"] for result in results) - results[0]["start"]
        kind = "pair" if kind.startswith("pair_") else kind
        previous = samples.setdefault(kind, {}).get(number, (results[0]["round"], 0.0))[1]
        samples[kind][number] = (results[0]["round"], previous + seconds)
    return samples


def _problems(lines, tasks_per_kind, rounds):
    problems = ["%s: %s %d on %s %s" % (line["status"], line["kind"], line["number"], line["host"], line.get("msg", ""))
                for line in lines if line["status"] != "ok"]
    counts = {}
    for line in lines:
        counts[line["kind"]] = counts.get(line["kind"], 0) + 1
    expected = {"ping": tasks_per_kind, "uri": tasks_per_kind, "info": tasks_per_kind, "change": tasks_per_kind,
                "pair_get": tasks_per_kind, "pair_put": tasks_per_kind,
                "fleet_info": rounds * FLEET_SIZE, "fleet_ping": rounds * FLEET_SIZE}
    for kind, count in expected.items():
        if counts.get(kind, 0) != count:
            problems.append("%d results for %s, expected %d" % (counts.get(kind, 0), kind, count))
    unchanged = [line["number"] for line in lines if line["kind"] == "change" and not line["changed"]]
    if unchanged:
        problems.append("email changes by the module that changed nothing: %s" % unchanged)
    return problems


def _applied_puts(emulator_json):
    """The PUT /v4/user/emails the emulator applied, in order: each must set the other address."""
    with open(emulator_json) as handle:
        emulator = json.load(handle)
    context = ssl.create_default_context(cafile=emulator["emulator_ca_path"])
    with urllib.request.urlopen(emulator["emulator_url"] + "/_emulator/requests", context=context) as answer:
        requests_log = json.load(answer)["requests"]
    return [entry["body"]["email"] for entry in requests_log
            if entry["method"] == "PUT" and entry["path"] == "/v4/user/emails" and entry["applied"]]


def report(timings, emulator_json, tasks_per_kind, rounds):
    lines = _load(timings)
    problems = _problems(lines, tasks_per_kind, rounds)
    puts = _applied_puts(emulator_json)
    if len(puts) != 2 * tasks_per_kind or any(a == b for a, b in zip(puts, puts[1:])):
        problems.append("the emulator applied %d email changes (expected %d, each to the other address): %s"
                        % (len(puts), 2 * tasks_per_kind, puts))
    samples = _samples(lines)
    median = {kind: statistics.median(sample[1] for sample in numbers.values()) for kind, numbers in samples.items()}

    def round_medians(kind):
        by_round = {}
        for rnd, seconds in samples[kind].values():
            by_round.setdefault(rnd, []).append(seconds)
        return " ".join("%.3f" % statistics.median(by_round[rnd]) for rnd in sorted(by_round))

    print("Per-task seconds: median of %d tasks of each kind, run interleaved over %d rounds "
          "(controller clock, task start to result)" % (tasks_per_kind, rounds))
    print("  %-54s %8s  %s" % ("", "median", "each round's median"))
    for kind, label in KINDS + (("fleet_info", "info on 50 hosts, forks 10 (whole task)"),
                                ("fleet_ping", "ping on 50 hosts, forks 10 (whole task)")):
        print("  %-54s %8.3f  %s" % (label, median[kind], round_medians(kind)))
    print("  %-54s %8.3f" % ("info minus ping (what the module adds to a task)", median["info"] - median["ping"]))
    print("  %-54s %8.3f" % ("uri minus ping (what uri adds to a task)", median["uri"] - median["ping"]))
    print()
    print("Ratios: the median of the paired ratios (each task over its neighbour of the same step, or of the same")
    print("round for 50 hosts, which ran under the same load), and the ratio of the two medians above")
    print("  %-30s %7s %9s %12s" % ("", "paired", "medians", "paired range"))
    missed, ratios = [], {}
    for label, top, bottom, target in RATIOS:
        paired = [samples[top][number][1] / samples[bottom][number][1]
                  for number in samples[top] if number in samples[bottom]]
        ratio = statistics.median(paired)
        ratios[label] = {"paired": round(ratio, 3), "medians": round(median[top] / median[bottom], 3), "target": target}
        verdict = "met" if ratio <= target else "MISSED"
        if ratio > target:
            missed.append(label)
        print("  %-30s %7.2f %9.2f   %4.2f-%4.2f   target <= %.2f   %s"
              % (label, ratio, median[top] / median[bottom], min(paired), max(paired), target, verdict))
    print("RESULT|%s" % json.dumps({"per_task_seconds": {k: round(v, 4) for k, v in median.items()}, "ratios": ratios},
                                   sort_keys=True))
    if problems:
        print("\nThe benchmark did not run as meant, so its numbers are not to be trusted:", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    if missed and os.environ.get("CODEARTS_BENCH_ENFORCE"):
        print("\nTargets missed: %s" % ", ".join(missed), file=sys.stderr)
        return 3
    return 0


def main(argv):
    if len(argv) == 4 and argv[0] == "playbooks":
        write_playbooks(argv[1], int(argv[2]), int(argv[3]))
        return 0
    if len(argv) == 5 and argv[0] == "report":
        return report(argv[1], argv[2], int(argv[3]), int(argv[4]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
