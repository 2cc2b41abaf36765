"""Run examples/user_email.yml through ansible-runner as an AWX job with the collection's credential type.

For each way to authenticate, the credential type's injector templates are rendered the way AWX renders
them (every input defined, unfilled ones empty) into the job's environment. The job must succeed, the
emulator must have seen the expected method, and no secret value may appear in stdout or in any job event.

Usage: run_as_awx.py EMULATOR_JSON COLLECTION_ROOT PART
PART: credentials (each way to authenticate, and the leak check's canary) or survey (the survey flow); runme.sh
runs the two at the same time, each on its own emulator.
"""

import json
import os
import shutil
import ssl
import sys
import tempfile
import urllib.request

import ansible_runner
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment

WAYS = {
    "token": ("token", {"token": "carol-token"}),
    "access key": ("access-key", {"access_key": "CAROLTEMPACCESSKEY01", "secret_key": "carol-temp-secret",
                                  "security_token": "carol-sts-8b41e"}),
    "password": ("iam-token", {"user_name": "carol", "password": "carol-pw-7305", "domain_name": "emulated-domain",
                               "project_name": "emulated-project", "auth_url": "{emulator_url}/v3"}),
}


def load(root, name):
    with open(os.path.join(root, "docs", "awx", name), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def inject(inputs, injectors, filled):
    """The environment AWX gives a job for a credential with these fields filled: file templates written to files of
    the job's own, named as tower.filename.<name>, then the env templates rendered."""
    context = dict((field["id"], filled.get(field["id"], "")) for field in inputs["fields"])
    templates = ImmutableSandboxedEnvironment()
    files = {}
    for name, template in injectors.get("file", {}).items():
        handle, path = tempfile.mkstemp(prefix="awx-credential-")
        with os.fdopen(handle, "w", encoding="utf-8") as written:
            written.write(templates.from_string(template).render(context))
        files[name.split(".", 1)[1]] = path
    context["tower"] = {"filename": files}
    return dict((name, templates.from_string(template).render(context)) for name, template in injectors["env"].items())


def emulator_requests(emulator):
    context = ssl.create_default_context(cafile=emulator["emulator_ca_path"])
    with urllib.request.urlopen(emulator["emulator_url"] + "/_emulator/requests", context=context) as answer:
        return json.load(answer)["requests"]


def reset(emulator):
    context = ssl.create_default_context(cafile=emulator["emulator_ca_path"])
    request = urllib.request.Request(emulator["emulator_url"] + "/_emulator/reset", data=b"", method="POST")
    urllib.request.urlopen(request, context=context).close()


CANARY_PLAYBOOK = """
- name: Print an injected secret on purpose, to prove the leak check sees it
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Leak the password
      ansible.builtin.debug:
        msg: "{{ lookup('ansible.builtin.env', 'HW_USER_PASSWORD') }}"
"""


def leaked(secrets, stdout, events):
    text = stdout + json.dumps(events)
    return [secret for secret in secrets if secret in text]


def run_job(root, emulator, environment, email, playbook=None, survey=None, ca_path=True):
    private = tempfile.mkdtemp(prefix="awx-job-")
    os.makedirs(os.path.join(private, "project"))
    os.makedirs(os.path.join(private, "inventory"))
    shutil.copy(os.path.join(root, "examples", "user_email.yml"), os.path.join(private, "project"))
    if playbook:
        with open(os.path.join(private, "project", "user_email.yml"), "w", encoding="utf-8") as handle:
            handle.write(playbook)
    with open(os.path.join(private, "inventory", "hosts"), "w", encoding="utf-8") as handle:
        handle.write("localhost ansible_connection=local ansible_python_interpreter=%s\n" % sys.executable)
    try:
        job = ansible_runner.run(
            private_data_dir=private, playbook="user_email.yml", envvars=environment, verbosity=3, quiet=True,
            extravars=dict(dict({"codearts_email": email}, **({"codearts_ca_path": emulator["emulator_ca_path"]} if ca_path else {})),
                           **(survey or {})))
        return job, job.stdout.read(), list(job.events)
    finally:
        shutil.rmtree(private, ignore_errors=True)  # env/envvars holds the injected credentials


def check_way(root, emulator, inputs, injectors, way):
    expected_auth, filled = WAYS[way]
    filled = dict((key, value.format(**emulator)) for key, value in filled.items())
    environment = inject(inputs, injectors, dict(filled, endpoint=emulator["emulator_url"]))
    secrets = [filled[field["id"]] for field in inputs["fields"] if field.get("secret") and filled.get(field["id"])]
    reset(emulator)
    email = "carol.%s@example.com" % way.replace(" ", ".")
    job, stdout, events = run_job(root, emulator, environment, email)
    problems = []
    if job.status != "successful" or job.rc != 0:
        problems.append("job %s with rc %s:\n%s" % (job.status, job.rc, stdout[-3000:]))
    if leaked(secrets, stdout, events):
        problems.append("%d secret value(s) appear in the job output or events" % len(leaked(secrets, stdout, events)))
    auths = sorted(set(entry["auth"] for entry in emulator_requests(emulator) if entry["path"].startswith("/v4/")))
    if auths != [expected_auth]:
        problems.append("the emulator saw %s, expected %s" % (auths, expected_auth))
    changed = [event for event in events if event.get("event") == "runner_on_ok"
               and event["event_data"].get("task_action") == "huaweicloud.codearts.codearts_user_email"
               and event["event_data"].get("res", {}).get("changed")]
    if len(changed) != 1 or emulator_get(emulator, "users/carol")["commit_email"] != email:
        problems.append("expected the email task to change carol's email (her service needs no code)")
    print("AWX job authenticating by %s: %s, %d events, %d secret(s) checked, %s" % (
        way, job.status, len(events), len(secrets), "; ".join(problems) or "ok"))
    return not problems


def emulator_get(emulator, path):
    context = ssl.create_default_context(cafile=emulator["emulator_ca_path"])
    with urllib.request.urlopen(emulator["emulator_url"] + "/_emulator/" + path, context=context) as answer:
        return json.load(answer)


def check_ca_bundle(root, emulator, inputs, injectors):
    """The credential's CA certificates reach the job as the file REQUESTS_CA_BUNDLE names: no ca_path needed."""
    with open(emulator["emulator_ca_path"], encoding="utf-8") as handle:
        environment = inject(inputs, injectors, {"token": "carol-token", "endpoint": emulator["emulator_url"],
                                                 "ca_bundle": handle.read()})
    reset(emulator)
    job, stdout, _events = run_job(root, emulator, environment, "carol.ca.bundle@example.com", ca_path=False)
    ok = job.status == "successful" and emulator_get(emulator, "users/carol")["commit_email"] == "carol.ca.bundle@example.com"
    print("AWX job trusting the service through the credential's CA certificates: %s" % ("ok" if ok else stdout[-2000:]))
    return ok


def check_survey(root, emulator, inputs, injectors):
    """A job template with two optional survey questions, codearts_send_verify_code and codearts_verify_code, which AWX
    sends blank or null when unanswered: the code asked for, a plain relaunch that must not replace it, the code."""
    email = "alice.survey@example.com"
    environment = inject(inputs, injectors, {"token": "alice-token", "endpoint": emulator["emulator_url"]})
    reset(emulator)
    launches = [("a code asked for", "true", ""), ("a plain relaunch, null answers", None, None),
                ("the first mailed code", "", "<code>"), ("blank again", "", "")]
    # (job status, the email task changed, codes mailed, the email after)
    expected = {"a code asked for": ("successful", True, 1, "alice@example.com"),
                "a plain relaunch, null answers": ("failed", False, 0, "alice@example.com"),
                "the first mailed code": ("successful", True, 0, email), "blank again": ("successful", False, 0, email)}
    problems = []
    for label, send, answer in launches:
        codes = emulator_get(emulator, "mailbox?email=" + email)["codes"]
        code = codes[0] if answer == "<code>" and codes else answer
        job, stdout, events = run_job(root, emulator, environment, email,
                                      survey={"codearts_send_verify_code": send, "codearts_verify_code": code})
        results = [event["event_data"]["res"] for event in events if event.get("event") in ("runner_on_ok", "runner_on_failed")
                   and event["event_data"].get("task_action") == "huaweicloud.codearts.codearts_user_email"]
        mailed = len(emulator_get(emulator, "mailbox?email=" + email)["codes"]) - len(codes)
        now = emulator_get(emulator, "users/alice")["commit_email"]
        seen = (job.status, bool(results and results[0].get("changed")), mailed, now)
        if seen != expected[label]:
            problems.append("%s: (job, changed, codes mailed, email) %s, expected %s" % (label, seen, expected[label]))
        if answer == "<code>" and leaked([code, "alice-token"], stdout, events):
            problems.append("%s: the code or token appears in the job output" % label)
        print("AWX survey launch, %s: job %s, changed %s, %d code(s) mailed, email %s" % ((label,) + seen))
    print("AWX survey flow: %s" % ("; ".join(problems) or "ok"))
    return not problems


def check_the_leak_check(root, emulator, inputs, injectors):
    environment = inject(inputs, injectors, {"password": "canary-password-value"})
    job, stdout, events = run_job(root, emulator, environment, "unused@example.com", playbook=CANARY_PLAYBOOK)
    caught = job.status == "successful" and leaked(["canary-password-value"], stdout, events) == ["canary-password-value"]
    print("A job that prints an injected password is caught by the leak check: %s" % ("ok" if caught else "NOT CAUGHT"))
    return caught


def main(emulator_json, root, part):
    with open(emulator_json, encoding="utf-8") as handle:
        emulator = json.load(handle)
    inputs, injectors = load(root, "credential-type-inputs.yml"), load(root, "credential-type-injectors.yml")
    names = [name for name in injectors["env"] if name.startswith("ANSIBLE_")]
    if names:
        print("AWX refuses injected variables starting with ANSIBLE_: %s" % names)
        return 1
    if part == "credentials":
        results = [check_way(root, emulator, inputs, injectors, way) for way in sorted(WAYS)]
        results.append(check_ca_bundle(root, emulator, inputs, injectors))
        results.append(check_the_leak_check(root, emulator, inputs, injectors))
    elif part == "survey":
        results = [check_survey(root, emulator, inputs, injectors)]
    else:
        print("PART must be credentials or survey, not %r" % part)
        return 2
    print("%d passed, %d failed" % (results.count(True), results.count(False)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
