"""Check the runs of examples/new_service_repository.yml (runme.sh) from the results task_outcomes.py wrote.

Usage: check_runs.py WORK_DIR WEBHOOK_SECRET
"""

import glob
import json
import os
import sys

TASKS = {"repository": "Create the repository, with the project's members as its members",
         "master": "Protect master, so that only the release managers push and the reviewers merge",
         "webhook": "Send pushes and merge requests to CI, signed with the secret from the vault",
         "deploy key": "Let the CI server clone, not push",
         "not planned": "Say what check mode could not plan yet"}
CONFIGURED = ("repository", "master", "webhook", "deploy key")


def outcomes(work, run):
    """{task: result} of one run, for the tasks of TASKS."""
    with open(os.path.join(work, run + ".json"), encoding="utf-8") as handle:
        found = dict((outcome["task"], dict(outcome["result"], status=outcome["status"])) for outcome in json.load(handle))
    return dict((short, found.get(name, {"status": "missing"})) for short, name in TASKS.items())


def changed(results):
    return sorted(task for task in CONFIGURED if results[task].get("changed"))


def skipped(results):
    return sorted(task for task in TASKS if results[task]["status"] == "skipped")


def diffs(results, tasks=CONFIGURED):
    return dict((task, results[task].get("diff")) for task in tasks)


def main(work, secret):
    runs = dict((run, outcomes(work, run)) for run in ("check", "first", "again", "plan", "apply"))
    problems = []

    def expect(what, seen, wanted):
        print("%s: %s" % (what, "ok" if seen == wanted else "%r, expected %r" % (seen, wanted)))
        if seen != wanted:
            problems.append(what)

    # A repository that does not exist yet
    expect("--check --diff plans the repository", changed(runs["check"]), ["repository"])
    expect("... and says its settings are planned once it exists", (skipped(runs["check"]),
           "does not exist yet" in str(runs["check"]["not planned"].get("msg"))), (["deploy key", "master", "webhook"], True))
    expect("the real run creates and configures it", changed(runs["first"]), list(sorted(CONFIGURED)))
    expect("check mode's diff of the repository is the real run's", diffs(runs["check"], ["repository"]),
           diffs(runs["first"], ["repository"]))
    created = runs["first"]["repository"]["repositories"][0]
    expect("the repository is ready, with its ids", (created["status"], isinstance(created["id"], int)), ("ready", True))
    expect("a second run is all ok", changed(runs["again"]), [])
    # A repository that exists, empty and unconfigured
    expect("--check --diff plans master, the webhook and the deploy key", changed(runs["plan"]), ["deploy key", "master", "webhook"])
    expect("the real run changes what check mode planned", changed(runs["apply"]), changed(runs["plan"]))
    expect("check mode's diffs are the real run's", diffs(runs["plan"]), diffs(runs["apply"]))
    expect("no task failed", sorted((run, task) for run, results in runs.items() for task, result in results.items()
                                    if result["status"] in ("failed", "missing")), [])
    # Secrets: in no output, and stored as the vault holds them
    texts = "".join(open(name, encoding="utf-8").read() for name in glob.glob(os.path.join(work, "*.json")) + glob.glob(
        os.path.join(work, "*.txt")) if not os.path.basename(name).startswith("repository-"))
    expect("neither the token nor the webhook secret in any output", [text for text in ("alice-token", secret) if text in texts], [])
    stored = [json.load(open(name, encoding="utf-8")) for name in sorted(glob.glob(os.path.join(work, "repository-*.json")))]
    tokens = [(repository["name"], [hook["token"] for hook in repository["webhooks"]]) for repository in stored]
    expect("each repository's CI webhook stores the vault's secret", tokens, [("billing", [secret]), ("payments", [secret])])
    print("%d checks passed, %d failed" % (12 - len(problems), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
