"""Hand-made mutations that each break one promise, run on demand: every one must make a unit test fail.

    python tools/mutations.py            # with a Python that has ansible-core, requests, pytest and hypothesis

Each mutation is applied to a copy of the collection (laid out as ansible_collections/huaweicloud/codearts),
the listed tests run there, and the mutation is "killed" when they fail. A survivor is a promise that
nothing enforces. Exits non-zero if any mutation survives.
"""

import os
import shutil
import subprocess
import sys
import tempfile

UTILS = "plugins/module_utils/"
UNITS = "tests/unit/plugins/module_utils/"
MODULE_UNITS = "tests/unit/plugins/modules/"
PROMISES = "tests/unit/promises/"
NO_SECRET = PROMISES + "test_no_secret_is_printed.py"
PRIVATE_KEY = PROMISES + "test_a_private_key_is_never_sent_or_printed.py"
LANDED = PROMISES + "test_a_landed_change_is_never_hidden.py"
HOLDS = PROMISES + "test_a_task_reports_what_the_service_holds.py"
ONCE = PROMISES + "test_never_a_second_write.py"
BOUNDED = PROMISES + "test_answers_are_bounded.py"
FIVE_KEYS = PROMISES + "test_every_failure_has_the_five_keys_and_no_traceback.py"
BAD_INPUT = PROMISES + "test_bad_input_is_refused_before_any_request.py"
DEADLINE = PROMISES + "test_a_task_ends_within_its_deadline.py"
GATE = UNITS + "_secrets/test_gate.py"

# (promise, file, text, replacement, tests that must catch it)
MUTATIONS = [
    # The reconciler's foresight and its report
    ("check mode foresees an add the service would refuse", UTILS + "_api/reconcile.py",
     "    if refusal:\n        raise CodeArtsStateError(refusal)", "    if False:\n        raise CodeArtsStateError(refusal)",
     [MODULE_UNITS + "test_codearts_repository_protected_branch.py"]),
    ("the diff shows the items the task governs", UTILS + "_api/reconcile.py",
     "    governed = None if exclusive else set(item.key for item in wanted)", "    governed = None",
     [MODULE_UNITS + "test_codearts_repository_webhook.py"]),
    ("a repository still being created is waited for on a rerun", UTILS + "_repository/repositories.py",
     "        if status == \"creating\" and not check_mode:", "        if False:",
     [MODULE_UNITS + "test_codearts_repository.py"]),
    ("a listed field of a type the API never answers is refused, never guessed", UTILS + "_api/paging.py",
     "    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:", "    if False:",
     [MODULE_UNITS + "test_codearts_repository_webhook.py"]),
    # The output gate
    ("the gate masks pieces of secrets, not only whole ones", UTILS + "_secrets/redaction.py",
     "        if not self._windows or len(text) < WINDOW:", "        if True:", [NO_SECRET]),
    ("secrets are known in escaped forms, not only raw", UTILS + "_secrets/secret_forms.py",
     "    forms.update(_other_spellings(secret))\n", "", [NO_SECRET]),
    ("secrets are known HTML-escaped", UTILS + "_secrets/secret_forms.py",
     "    forms.update(_html_forms(secret))\n", "", [NO_SECRET]),
    ("secrets are known base64-, hex- and full-width-encoded", UTILS + "_secrets/secret_forms.py",
     "    forms.update(_transformed(secret))\n", "", [NO_SECRET]),
    ("quoted texts are masked before they are cut", UTILS + "_core/quoting.py",
     "squeezed(clean(match.group(2)), int(match.group(1)))", "clean(squeezed(match.group(2), int(match.group(1))))",
     [NO_SECRET, GATE]),
    ("warnings pass the gate", UTILS + "_module/base.py",
     "super(CodeArtsModule, self).warn(self.gate.text(warning)", "super(CodeArtsModule, self).warn((warning)",
     [NO_SECRET, GATE]),
    ("lone surrogates never reach Ansible", UTILS + "_secrets/gate.py",
     "return LONE_SURROGATE.sub(\"\\ufffd\", text)", "return text", [GATE, FIVE_KEYS]),
    ("the gate hides private keys in anything it outputs, answers included", UTILS + "_secrets/gate.py",
     "        text = without_url_passwords(self.redactor.mask(without_private_keys(render(text, self._part))))",
     "        text = without_url_passwords(self.redactor.mask(render(text, self.redactor.mask)))", [NO_SECRET, PRIVATE_KEY]),
    ("the password of any URL in the output is masked", UTILS + "_secrets/url_passwords.py",
     "    return URL_PASSWORD.sub(lambda match: match.group(1) + MASK + match.group(3), text)", "    return text",
     [MODULE_UNITS + "test_codearts_repository_webhook.py"]),
    ("a private key in any option is refused before any request", UTILS + "_module/base.py",
     "            if self._private_options():\n", "            if False:\n", [PRIVATE_KEY]),
    # Whether a request may have landed, and settling it
    ("a started request may have landed", UTILS + "_http/delivery.py",
     "    if request_started:\n        return False\n", "", [UNITS + "_http/test_delivery.py", LANDED]),
    ("TLS errors count as unsent only before the request started", UTILS + "_http/delivery.py",
     "    return request_started is False and any(", "    return any(", [UNITS + "_http/test_delivery.py"]),
    ("the transport records when a request starts", UTILS + "_http/transport.py",
     "            _progress.started = True\n", "", [LANDED]),
    ("a redirect after a write may have landed", UTILS + "_http/answers.py",
     "        may_have_been_applied=call.writes)  # whatever answered", "        may_have_been_applied=False)  #",
     [LANDED]),
    ("a retry keeps that an earlier attempt of a write may have landed", UTILS + "_http/client.py",
     "earlier_may_have_landed = earlier_may_have_landed or candidate.error.may_have_been_applied",
     "earlier_may_have_landed = False", [LANDED, MODULE_UNITS + "test_codearts_user_ssh_key.py"]),
    ("a failure after a change landed names it and says changed", UTILS + "_module/base.py",
     "            failure = error.fail_result(self.landed_changes)", "            failure = error.fail_result()",
     [LANDED]),
    ("an unclear add is settled by listing, never by a second POST", UTILS + "_api/reconcile.py",
     "        if not (error.may_have_been_applied or duplicate):\n            raise\n",
     "        if not duplicate:\n            resource.create(client, wanted)\n            return\n", [ONCE]),
    # What a task reports
    ("the listing after the writes must show every step", UTILS + "_api/keyed.py",
     "            problems.append(\"%s is not listed\" % named)", "            pass", [HOLDS, LANDED]),
    ("a retitle over several copies ends with one", UTILS + "_api/keyed.py",
     "        elif item.key in collapsed and len(copies) > 1:", "        elif False:", [HOLDS, UNITS + "_api/test_keyed.py"]),
    ("changed is read from the listings before and after", UTILS + "_api/reconcile.py",
     "    changed = _governed(resource, before, wanted, exclusive) != _governed(resource, after, wanted, exclusive) or any(",
     "    changed = bool(module.landed_changes) or any(", [HOLDS, LANDED]),
    ("titles are compared in the forms the service stores them", UTILS + "_api/stored_text.py",
     "    if wanted_forms & stored_forms:\n        return True", "    if False:\n        return True", [HOLDS]),
    ("a short page ends a list only when total claims no more", UTILS + "_api/paging.py",
     "        if not page or (len(page) < page_size and not (total is not None and total > len(items))):",
     "        if len(page) < page_size:", [UNITS + "_api/test_paging.py"]),
    # Bad input, bounds and the deadline
    ("requests go through the proxy the environment names", UTILS + "_http/client.py",
     "proxies={url.split(\"://\", 1)[0]: proxy.url} if proxy else {})", "proxies={})",
     [UNITS + "_http/test_network_environment.py"]),
    ("raw deflate is read", UTILS + "_http/body.py",
     "            self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)", "            raise", [UNITS + "_http/test_body.py"]),
    ("only A-Z fold case", UTILS + "_user/email.py",
     "first.strip().translate(ASCII_LOWER) == second.strip().translate(ASCII_LOWER)",
     "first.strip().casefold() == second.strip().casefold()", [UNITS + "_user/test_email.py"]),
    ("a way's optional options come from its own place", UTILS + "_auth/credentials.py",
     "            values.update((option, source(option)) for option in method.optional)",
     "            values.update((option, source(option) or other(option)) for option in method.optional)",
     [UNITS + "_auth/test_credentials.py"]),
    ("environment values that are not UTF-8 are refused", UTILS + "_http/environment.py",
     "    if value is not None and LONE_SURROGATE.search(value):", "    if False:", [BAD_INPUT]),
    ("proxy variables are checked before any request", UTILS + "_module/connection.py",
     "    check_proxy_variables()\n", "", [BAD_INPUT]),
    ("key blobs are read as ssh-keygen reads them, to the last byte", UTILS + "_ssh/key_blobs.py",
     "    reader.end()\n", "", [UNITS + "_ssh/test_key_blobs.py"]),
    ("no retry waits past the task's deadline", UTILS + "_http/client.py",
     "            if out_of_time:  # no time left", "            if False:  # no time left", [DEADLINE]),
    ("anything unexpected fails with the five keys", UTILS + "_module/base.py",
     "        except Exception as error:  # the promise", "        except KeyError as error:  # the promise",
     [FIVE_KEYS]),
]


def copy_collection(source, destination):
    target = os.path.join(destination, "ansible_collections", "huaweicloud", "codearts")
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".git", "tests/output", "__pycache__"))
    return target


def main():
    source = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    survivors = []
    for promise, path, text, replacement, tests in MUTATIONS:
        work = tempfile.mkdtemp()
        try:
            tree = copy_collection(source, work)
            with open(os.path.join(tree, path)) as handle:
                code = handle.read()
            if text not in code:
                print("STALE  %s: the text to mutate is no longer in %s" % (promise, path))
                survivors.append(promise)
                continue
            with open(os.path.join(tree, path), "w") as handle:
                handle.write(code.replace(text, replacement, 1))
            run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"] + tests,
                                 cwd=tree, env=dict(os.environ, PYTHONPATH=work), stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, universal_newlines=True, check=False)
            verdict = "killed" if run.returncode != 0 else "SURVIVED"
            print("%-8s %s" % (verdict, promise))
            if run.returncode == 0:
                survivors.append(promise)
        finally:
            shutil.rmtree(work)
    print("%d mutations, %d killed, %d survived" % (len(MUTATIONS), len(MUTATIONS) - len(survivors), len(survivors)))
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
