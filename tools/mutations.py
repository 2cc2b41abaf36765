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
PROPERTIES = UNITS + "test_invariant_properties.py"
DEFECTS = UNITS + "test_review_defects.py"
MODULE_UNITS = "tests/unit/plugins/modules/"
SETTINGS_ATTACKS = MODULE_UNITS + "test_attack_settings.py"
SSH_KEY_MODEL = MODULE_UNITS + "test_ssh_key_properties.py"

# (promise, file, text, replacement, tests that must catch it)
MUTATIONS = [
    ("the gate masks pieces of secrets, not only whole ones", UTILS + "_secrets/redaction.py",
     "        if not self._windows or len(text) < WINDOW:", "        if True:", [PROPERTIES, DEFECTS]),
    ("secrets are known in escaped forms, not only raw", UTILS + "_secrets/redaction.py",
     "    forms.update(_other_spellings(secret))\n    return set(form for form in forms if form.strip())",
     "    return {secret}", [PROPERTIES, UNITS + "test_gate.py"]),
    ("secrets are known HTML-escaped", UTILS + "_secrets/redaction.py",
     "    forms.update(_html_forms(secret))\n", "", [PROPERTIES]),
    ("texts are masked before they are cut", UTILS + "_secrets/quoting.py",
     "    text = \" \".join(mask(str(text)).split())", "    text = \" \".join(str(text).split())",
     [UNITS + "test_gate.py", DEFECTS]),
    ("warnings pass the gate", UTILS + "_module/base.py",
     "super(CodeArtsModule, self).warn(self._gate(warning)", "super(CodeArtsModule, self).warn((warning)",
     [DEFECTS, UNITS + "test_gate.py"]),
    ("lone surrogates never reach Ansible", UTILS + "_secrets/redaction.py",
     "return LONE_SURROGATE.sub(\"\\ufffd\", self.mask(value))", "return self.mask(value)", [DEFECTS, PROPERTIES]),
    ("a started request may have landed", UTILS + "_http/delivery.py",
     "    if request_started:\n        return False\n", "", [UNITS + "test_exception_classes.py", DEFECTS]),
    ("TLS errors count as unsent only before the request started", UTILS + "_http/delivery.py",
     "    return request_started is False and any(", "    return any(", [UNITS + "test_exception_classes.py"]),
    ("the transport records when a request starts", UTILS + "_http/transport.py",
     "            _progress.started = True\n", "", [DEFECTS, PROPERTIES]),
    ("requests go through the proxy the environment names", UTILS + "_http/client.py",
     "proxies={url.split(\"://\", 1)[0]: proxy.url} if proxy else {})", "proxies={})", [DEFECTS]),
    ("a redirect after a write is re-read", UTILS + "_http/client.py",
     "            may_have_been_applied=method not in SAFE_METHODS)  # whatever answered", "            may_have_been_applied=False)  #",
     [PROPERTIES]),
    ("raw deflate is read", UTILS + "_http/body.py",
     "            self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)", "            raise", [DEFECTS]),
    ("only A-Z fold case", UTILS + "_user/email.py",
     "first.strip().translate(ASCII_LOWER) == second.strip().translate(ASCII_LOWER)",
     "first.strip().casefold() == second.strip().casefold()", [DEFECTS]),
    ("a way's optional options come from its own place", UTILS + "_auth/credentials.py",
     "            values.update((option, source(option)) for option in method.optional)",
     "            values.update((option, source(option) or other(option)) for option in method.optional)", [DEFECTS]),
    ("environment values that are not UTF-8 are refused", UTILS + "_http/environment.py",
     "    if value is not None and LONE_SURROGATE.search(value):", "    if False:", [DEFECTS]),
    ("proxy variables are checked before any request", UTILS + "_module/options.py",
     "    check_proxy_variables()\n", "", [DEFECTS]),
    ("a failure after a change landed names it and says changed", UTILS + "_module/base.py",
     "            failure = error.fail_result(self.landed_changes)", "            failure = error.fail_result()",
     [SETTINGS_ATTACKS, SSH_KEY_MODEL]),
    ("a retry keeps that an earlier attempt of a write may have landed", UTILS + "_http/client.py",
     "earlier_may_have_landed = earlier_may_have_landed or candidate.error.may_have_been_applied",
     "earlier_may_have_landed = False", [SSH_KEY_MODEL, MODULE_UNITS + "test_codearts_user_ssh_key.py"]),
    ("a private key in any option is refused before any request", UTILS + "_module/base.py",
     "            if self._private_options():\n", "            if False:\n", [SETTINGS_ATTACKS, UNITS + "test_gate.py"]),
    ("the listing after the writes must show every step", UTILS + "_user/ssh_key_plan.py",
     "    return [\"%s is not listed\"", "    return []  # [\"%s is not listed\"", [SETTINGS_ATTACKS, SSH_KEY_MODEL]),
    ("a short page ends a list only when total claims no more", UTILS + "_api/paging.py",
     "        if not page or (len(page) < page_size and not claims_more):", "        if len(page) < page_size:",
     [SETTINGS_ATTACKS]),
    ("key blobs are read as ssh-keygen reads them, to the last byte", UTILS + "_ssh/key_blobs.py",
     "    reader.end()\n", "", [UNITS + "test_ssh_key_blob_oracle.py"]),
    ("anything unexpected fails with the five keys", UTILS + "_module/base.py",
     "        except Exception as error:  # the promise", "        except KeyError as error:  # the promise",
     [UNITS + "test_gate.py"]),
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
