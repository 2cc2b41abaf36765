"""Check the onboarding runs of runme.sh from the json callback's results: what each run changed, host by host.

Usage: check_runs.py WORK_DIR DORA_OLD_FINGERPRINT DORA_NEW_FINGERPRINT ALICE_FINGERPRINT
"""

import json
import os
import sys

TASKS = {"email": "Set the commit email, or have a verification code mailed for it",
         "keys": "Give the developer their SSH keys (exactly these, where codearts_ssh_keys_exclusive says so)",
         "revoked": "Remove the keys revoked by fingerprint (as ssh-keygen -l printed them; no .pub file needed)",
         "https": "Set how HTTPS clone and push log in"}
NAMES = dict((name, short) for short, name in TASKS.items())


def results(work, run):
    """{host: {task: result}} of one run."""
    with open(os.path.join(work, run + ".json"), encoding="utf-8") as handle:
        document = json.load(handle)
    found = {}
    for task in document["plays"][0]["tasks"]:
        for host, result in task["hosts"].items():
            found.setdefault(host, {})[NAMES.get(task["task"]["name"], task["task"]["name"])] = result
    return found


def changed(run_results):
    return dict((host, sorted(task for task, result in tasks.items() if result.get("changed"))) for host, tasks in run_results.items())


def main(work, dora_old, dora_new, alice_key):
    runs = dict((run, results(work, run)) for run in ("check", "first", "code", "again", "rotation", "removal", "last"))
    problems = []

    def expect(what, seen, wanted):
        print("%s: %s" % (what, "ok" if seen == wanted else "%r, expected %r" % (seen, wanted)))
        if seen != wanted:
            problems.append(what)

    everyone = {"alice": ["email", "https", "keys"], "carol": ["email", "keys"], "dora": ["email", "keys"]}
    expect("--check --diff plans", changed(runs["check"]), everyone)
    expect("the real run changes what check mode planned", changed(runs["first"]), everyone)
    differing = sorted((host, task) for host, tasks in runs["check"].items() for task, result in tasks.items()
                       if result.get("diff") != runs["first"][host][task].get("diff"))
    # Only the change tells whether a service wants a code: check mode shows the change, and says so.
    expect("check mode's diffs are the real run's, but where a code was needed", differing, [("alice", "email")])
    expect("check mode said it cannot know about a code", "known only by trying" in runs["check"]["alice"]["email"]["msg"], True)
    alice_email = runs["first"]["alice"]["email"]
    expect("alice's service needs a code: one is mailed, and a warning names the address",
           (alice_email["verify_code_sent"], any("mailed to alice@dev.example.com" in str(w) for w in alice_email.get("warnings", []))),
           (True, True))
    expect("carol's and dora's services need none: the email is set", [runs["first"][host]["email"]["verify_code_sent"]
                                                                       for host in ("carol", "dora")], [False, False])
    expect("alice's code sets her email", changed(runs["code"]), {"alice": ["email"]})
    expect("a rerun is all ok", changed(runs["again"]), {"alice": [], "carol": [], "dora": []})
    keys = runs["rotation"]["dora"]["keys"]
    expect("dora's rotation removes the old key and adds the new one, as such in the diff",
           ([view["fingerprint"] for view in keys["removed"]], [view["fingerprint"] for view in keys["added"]],
            list(keys["diff"]["before"]["ssh_keys"]), list(keys["diff"]["after"]["ssh_keys"])),
           ([dora_old], [dora_new], [dora_old], [dora_new]))
    expect("the rotation changes dora's keys only", changed(runs["rotation"]), {"alice": [], "carol": [], "dora": ["keys"]})
    revoked = runs["removal"]["alice"]["revoked"]["results"]
    expect("alice's key is removed by its fingerprint", [view["fingerprint"] for item in revoked for view in item["removed"]],
           [alice_key])
    expect("a last run is all ok", changed(runs["last"]), {"alice": [], "carol": [], "dora": []})
    text = "".join(open(os.path.join(work, run + ".json"), encoding="utf-8").read() for run in runs)
    expect("no token in any output", [token for token in ("alice-token", "carol-token", "dora-token") if token in text], [])
    print("%d passed, %d failed" % (12 - len(problems), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
