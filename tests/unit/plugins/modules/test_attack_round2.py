"""An outside attacker's second round, against the structures of version 0.3.1 (the journal of landed changes, the
private-key guard over every option, ssh_key_blobs, paging.read_all_pages, delete_key's settling, ssh_key_plan.unmet).

Each test fails on the code it was written against (commit 8794a6e), for the reason in its docstring, and asserts what
a user running the task unattended (AWX) should see instead.
"""

import base64
import hashlib
import json
import subprocess

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.plugins.modules import (
    codearts_user_email,
    codearts_user_ssh_key,
    codearts_user_ssh_key_info,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, listed
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import key_line as _line
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import wire_string as _string

ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)
FIVE_KEYS = ("msg", "status", "error_code", "error_msg", "request_id")


def run_ssh(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


# --- No traceback: the journal's new fail_result(landed) signature --------------------------------------------


def test_a_missing_requests_library_ends_in_a_traceback_instead_of_the_missing_library_message(
        run_module, session, monkeypatch):
    """Promise: every failure has msg/status/error_code/error_msg/request_id, and no traceback.

    Reproduction: any module on a host (or execution environment) whose interpreter lacks requests. build_client
    raises CodeArtsMissingLibraryError; CodeArtsModule.run now calls error.fail_result(self.landed_changes) for every
    CodeArtsError, but CodeArtsMissingLibraryError.fail_result(self) still takes no argument (errors.py). The
    TypeError is raised inside the except block, so the catch-all below it never sees it.

    What the user sees: "MODULE FAILURE" with a Python traceback (TypeError: fail_result() takes 1 positional
    argument but 2 were given) instead of "Failed to import the required Python library (requests) on ...".
    """
    monkeypatch.setattr(http_client, "requests", None)
    monkeypatch.setattr(http_client, "REQUESTS_IMPORT_ERROR", "Traceback: No module named 'requests'")
    result = run_module(codearts_user_email.main, dict(ARGS, email="dev@example.com"))
    assert result["failed"] is True and session.sent == []
    assert "requests" in result["msg"] and "TypeError" not in result["msg"]
    assert all(key in result for key in FIVE_KEYS), result


# --- Memory: read_all_pages keeps every item of pages far larger than the limit it asked for ------------------


class EndlessLargePages(object):
    """Answers every listing with a page of `per_page` keys with new ids (ignoring limit=100), until `served_cap` keys
    were served, then an empty page. The cap keeps this test's own memory small; the module should stop far sooner."""

    def __init__(self, session, per_page, served_cap):
        self.session, self.per_page, self.served_cap, self.served = session, per_page, served_cap, 0
        self.original = session.request
        session.request = self.request

    def request(self, method, url, **kwargs):
        if method == "GET" and self.served < self.served_cap:
            raw = ('{"keys":[%s],"total":%d}' % (",".join('{"id":%d}' % (self.served + number)
                                                          for number in range(self.per_page)), 10 ** 9)).encode()
            self.served += self.per_page
            self.session.script(response(200, raw=raw))
        elif method == "GET":
            self.session.script(response(200, {"keys": [], "total": 0}))
        return self.original(method, url, **kwargs)


def test_listing_pages_far_larger_than_the_limit_are_all_kept_until_memory_runs_out(run_module, session):
    """Promise: memory and time bounded against hostile answers.

    Reproduction: the service answers GET /v4/user/keys?limit=100 with pages of 70,000 bare items ({"id": n}, just
    under the 1 MiB cap per answer), new ids each time. paging.read_all_pages checks neither a page's length against the
    limit it asked for nor the number of items read; it only stops after 200 pages. Each item becomes a ServiceKey
    and a repr in `seen`: measured 10 pages (616,800 items) = 185 MB RSS and 1.9 s; 200 pages of such items are about
    20 million ServiceKeys, several GB, so the AWX execution node swaps or kills the job. (The documented bound,
    "more than 200 pages stops the task", is 20,000 keys at limit=100.)

    What the user should see: the listing refused as untrusted after the first oversized page, as it is refused for a
    repeated id, with nothing changed. Here the fake stops at 210,000 served items (3 pages) so the test stays small;
    the module reads all of them and succeeds, with 210,000 keys in its result and diff (15 s here, most of it
    spent masking that result: 6 pages took 30 s).
    """
    pages = EndlessLargePages(session, per_page=70000, served_cap=210000)
    result = run_ssh(run_module, check_mode=True, key=ed25519(), title="laptop")
    assert result.get("failed") is True and "/v4/user/keys" in result["msg"], "%d keys read, %d in the result" % (
        pages.served, len(result.get("ssh_keys", [])))
    assert len(session.sent) <= 2, "%d listing requests, %d keys read" % (len(session.sent), pages.served)


# --- The private-key guard: what it does not look at ----------------------------------------------------------

OPENSSH_PRIVATE = ("-----BEGIN OPENSSH PRIVATE KEY-----\n"
                   "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                   "QyNTUxOQAAACDCGTfB9wOvvPzOyTqVsk4G8g0ybpq3Rk7y6vTzTx4dRwAAAJg3Zbq/N2W6\n"
                   "-----END OPENSSH PRIVATE KEY-----\n")
PRIVATE_LINE = "QyNTUxOQAAACDCGTfB9wOvvPzOyTqVsk4G8g0ybpq3Rk7y6vTzTx4dRwAAAJg3Zbq/N2W6"


@pytest.mark.parametrize("where", ["option_name", "keys_item_name"])
def test_a_private_key_as_an_option_name_is_printed_by_the_unsupported_parameters_message(run_module, session, where):
    """Promise: never print a private key, in any form ("refused before any request, in any option ... masked wherever
    it appears ... also when Ansible itself refuses the arguments").

    Reproduction: the private key arrives as a mapping key rather than a value: at the top of the task's arguments, or
    inside a keys item (say keys built from a dict of file name to contents with the zip the wrong way round, or
    a `"{{ private }}": ...` typo). CodeArtsModule._texts walks the values of dicts only, never their keys, so
    _private_options() finds nothing and registers nothing; Ansible refuses the unknown name and quotes it.

    What the user sees: "Unsupported parameters for (basic.py) module: -----BEGIN OPENSSH PRIVATE KEY-----
    b3Bl..." with the whole key in msg, and again in invocation.module_args.
    """
    if where == "option_name":
        result = run_ssh(run_module, key=ed25519(), **{OPENSSH_PRIVATE: "x"})
    else:
        result = run_ssh(run_module, keys=[{"key": ed25519(), OPENSSH_PRIVATE: "x"}])
    assert result["failed"] is True and session.sent == []
    assert PRIVATE_LINE not in json.dumps(result), result["msg"][:200]


# A throwaway P-256 key, encrypted as PKCS#8 (openssl pkcs8 -topk8 -v2 aes-256-cbc -outform DER | base64 -w 64).
ENCRYPTED_PKCS8_WITHOUT_ARMOUR = ("MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAge9YB5n6EQowICCAAw\n"
                                  "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEErSse1VsgVPQh9W371TjZsEgZD4\n"
                                  "cDpXyvP3nwnecxa20DeytfdvZYIarwEG1eok2WMm1NbpfD7YlXp1V19lmAJk8UtA\n"
                                  "s12YYSSjTWYwOE1J9L21ZZTE0k/6B1GTRxmd2qOKy7lTq4/rVudAe4MeI2Odkb30\n"
                                  "5SwIsRV5NMsuY4yJLBFvXGR71NidBrLmwHmUY7xC89RkkOxIy4hCdzBB4zGpvbU=\n")


def test_an_encrypted_pkcs8_private_key_without_its_armour_is_printed_in_the_invocation(run_module, session):
    """Promise: never print a private key ("bare (PKCS#1, PKCS#8, SEC1 key material without its armour lines)").

    Reproduction: key: the body of an "-----BEGIN ENCRYPTED PRIVATE KEY-----" file (what `openssl pkcs8 -topk8`
    and most key stores write), its armour lines lost. ssh_public_keys.PRIVATE_DER knows the DER start of a
    PrivateKeyInfo (SEQUENCE, INTEGER 0); an EncryptedPrivateKeyInfo starts SEQUENCE, SEQUENCE (the PBES2
    algorithm), so looks_private() is False and the key is no secret. It is refused as "not a usable SSH public
    key", with the line quoted nowhere in msg, but key is no_log=False.

    What the user sees: the whole encrypted private key in invocation.module_args.key (an offline passphrase
    guess away from the key itself), and a msg that does not say it is a private key.
    """
    result = run_ssh(run_module, key=ENCRYPTED_PKCS8_WITHOUT_ARMOUR, title="laptop")
    assert result["failed"] is True and session.sent == []
    assert "cDpXyvP3nwnecxa20DeytfdvZYIarwEG1eok2WMm1NbpfD7YlXp1V19lmAJk8UtA" not in json.dumps(result), \
        result["invocation"]["module_args"]["key"]
    assert "private key" in result["msg"]


def test_a_private_key_in_a_credential_environment_variable_is_sent_to_iam(run_module, session, monkeypatch):
    """Promise: a private key is never printed or sent; bad input is refused before any request.

    Reproduction: an AWX custom credential type injects HW_USER_NAME, HW_USER_PASSWORD and HW_DOMAIN_NAME, and its
    user-name field was filled with the contents of a key file (the field next to it in the form). The guard
    (_private_options) looks at the task's options only; auth.py reads HW_USER_NAME itself, and user_name is no
    secret, so nothing refuses or masks it.

    What the user sees: the IAM login POST carries the private key as auth.identity.password.user.name to
    iam.<region>.myhuaweicloud.com (and, here, the task then fails on IAM's 401 naming user_name).
    """
    monkeypatch.setenv("HW_USER_NAME", OPENSSH_PRIVATE)
    monkeypatch.setenv("HW_USER_PASSWORD", "unit-test-password")
    monkeypatch.setenv("HW_DOMAIN_NAME", "example-domain")
    session.script(response(401, {"error": {"code": "401", "message": "The username or password is wrong."}}))
    args = dict(ARGS, region="cn-north-4", key=ed25519(), title="laptop")
    del args["token"]
    result = run_module(codearts_user_ssh_key.main, args, check_mode=True)
    assert result["failed"] is True
    assert all(PRIVATE_LINE not in json.dumps(sent.json) for sent in session.sent), "the private key was sent"
    assert session.sent == []


# --- ssh_key_blobs against ssh-keygen, on lines the oracle test never generates --------------------------------


def _keygen_fingerprint(tmp_path, line):
    """What `ssh-keygen -l -E sha256 -f` prints for the line: the fingerprint, or None when it refuses the line."""
    path = tmp_path / "key.pub"
    path.write_text(line + "\n")
    done = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", str(path)], capture_output=True, text=True,
                          check=False)
    return done.stdout.split()[1] if done.returncode == 0 else None


def _p256_blob_fields():
    """The curve name and point of a real nistp256 key (a fixed one: the public key of the NIST P-256 generator)."""
    gx = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296
    gy = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5
    return b"nistp256", b"\x04" + gx.to_bytes(32, "big") + gy.to_bytes(32, "big")


def _sk_ed25519(application):
    kind = b"sk-ssh-ed25519@openssh.com"
    blob = _string(kind) + _string(hashlib.sha256(b"sk key").digest()) + _string(application)
    return _line(blob, key_type=kind.decode())


def _sk_ecdsa(application):
    kind = b"sk-ecdsa-sha2-nistp256@openssh.com"
    curve, point = _p256_blob_fields()
    return _line(_string(kind) + _string(curve) + _string(point) + _string(application), key_type=kind.decode())


def _non_canonical_base64():
    """A nistp256 line whose base64 ends in a padded quantum with non-zero spare bits (104 bytes: one "=")."""
    curve, point = _p256_blob_fields()
    encoded = base64.b64encode(_string(b"ecdsa-sha2-nistp256") + _string(curve) + _string(point)).decode("ascii")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    assert encoded.endswith("=") and not encoded.endswith("==")
    spoiled = encoded[:-2] + alphabet[alphabet.index(encoded[-2]) ^ 1] + "="
    assert base64.b64decode(spoiled) == base64.b64decode(encoded)
    return "ecdsa-sha2-nistp256 %s user@host" % spoiled


ORACLE_CASES = {
    # ssh-keygen reads the application with sshbuf_get_cstring: a NUL inside it is refused ...
    "sk_ed25519_application_with_a_nul_inside": lambda: _sk_ed25519(b"ssh:\x00evil"),
    "sk_ecdsa_application_with_a_nul_inside": lambda: _sk_ecdsa(b"ssh:\x00evil"),
    # ... and one NUL at its end is dropped: the same key as "ssh:", with the fingerprint of that blob.
    "sk_ed25519_application_with_a_trailing_nul": lambda: _sk_ed25519(b"ssh:\x00"),
    "sk_ecdsa_application_with_a_trailing_nul": lambda: _sk_ecdsa(b"ssh:\x00"),
    # OpenSSH's b64_pton refuses spare bits that are not zero ("a subliminal channel"); Python's b64decode drops them.
    "base64_with_non_zero_spare_bits": _non_canonical_base64,
}


@pytest.mark.skipif(subprocess.run(["which", "ssh-keygen"], capture_output=True, check=False).returncode != 0,
                    reason="ssh-keygen is the oracle")
@pytest.mark.parametrize("case", sorted(ORACLE_CASES))
def test_a_key_line_is_not_read_as_ssh_keygen_reads_it(run_module, session, tmp_path, case):
    """Promise: bad input refused before any request; "a blob is read field by field as ssh-keygen reads it", and
    a key is shown with the fingerprint ssh-keygen -l prints.

    Reproduction: key lines the generated oracle test (mutations of keys ssh-keygen can make, no sk-* keys, blobs
    always base64-encoded canonically) never produces. ssh_key_blobs._security_key reads the application with
    reader.string (any bytes), where ssh-keygen (OpenSSH 9.2 here) uses sshbuf_get_cstring: a NUL inside is refused,
    a NUL at the end dropped. ssh_public_keys.parse_public_key decodes with base64.b64decode(validate=True), which
    ignores non-zero spare bits that OpenSSH's b64_pton refuses.

    What the user sees: for a line ssh-keygen refuses, changed and a POST of it (or, in check mode, a plan to);
    for a trailing NUL, a fingerprint ssh-keygen never shows, and an identity other than the same key listed
    without the NUL (so it is posted again).
    """
    line = ORACLE_CASES[case]()
    oracle = _keygen_fingerprint(tmp_path, line)
    session.script(listed())
    result = run_ssh(run_module, check_mode=True, key=line, title="laptop")
    if oracle is None:
        assert result.get("failed") is True and "not a usable SSH public key" in result["msg"], \
            "ssh-keygen refuses the line; the module plans to add %s" % result["ssh_keys"][-1]["fingerprint"]
    else:
        assert result["ssh_keys"][-1]["fingerprint"] == oracle, "ssh-keygen: %s" % oracle


# --- The journal: a change that landed, reported as none; none reported as a change ----------------------------

USER = {"name": "dev", "commit_email": "old@example.com"}


@pytest.mark.parametrize("body", [b"", b"success"], ids=["empty_body", "bare_word"])
def test_a_code_request_the_service_answered_200_is_reported_as_no_change(run_module, session, body):
    """Promise: never hide a change that landed ("a task that fails after a change landed reports changed: true").

    Reproduction: email: new@example.com, send_verify_code: true; the POST /v4/user/email-verify-code is answered
    200 with an empty body (or the bare word success, as this API answers the HTTPS clone PUT). CodeArtsClient._request
    notes a write as landed only after _decode_success accepted the body as a JSON object; here it raises "answered 200
    but not with a JSON object" marked may_have_been_applied, and send_verify_code settles nothing (a code cannot be
    read back), so the journal stays empty. The same mailing answered with {} reports changed: true.

    What the user sees: failed, changed: false, "a code may have been mailed". The service said 200: the code was
    mailed, the mailbox has it, and an AWX workflow branching on changed takes the nothing-happened branch.
    """
    refused = response(400, {"error": {"code": "DEV.CH.10001", "message": "verify_code is required"}, "status": "failed"})
    session.script(response(200, USER), refused, response(200, raw=body, headers={"Content-Type": "text/plain"}))
    result = run_module(codearts_user_email.main, dict(ARGS, email="new@example.com", send_verify_code=True))
    assert session.methods == ["GET", "PUT", "POST"]
    assert result.get("changed") is True, result["msg"]


def test_an_email_change_answered_with_the_old_email_is_reported_as_changed(run_module, session):
    """Promise: never report changed when nothing changed.

    Reproduction: email: new@example.com, verify_code: <a code>; the service reads old@example.com, and answers the
    PUT 200 with the user as before: commit_email old@example.com (a code it did not take, a change it queued, or a
    write it ignored). _write only warns ("accepted, but the service now reports ..."), and ensure_email returns
    changed: action != NOTHING. The SSH key module fails in the same situation (unmet: "listing the keys afterwards
    shows ..."); here the service's own answer shows the email the task started from.

    What the user sees: ok, changed: true, user.commit_email old@example.com, and a warning; the next run does the
    same. Nothing changed.
    """
    session.script(response(200, USER), response(200, USER))
    result = run_module(codearts_user_email.main, dict(ARGS, email="new@example.com", verify_code="123456"))
    assert session.methods == ["GET", "PUT"]
    assert result.get("changed") is False or result.get("failed") is True, (result["changed"], result["user"])


# --- ssh_key_plan.unmet: a false failure ------------------------------------------------------------------------


def test_a_retitle_whose_new_key_gets_the_old_id_back_fails_saying_the_old_key_is_still_listed(run_module, session):
    """Promise: never report a failure for a change that was made as asked (and every failure must be true).

    Reproduction: retitle: true; the user's newest key (id 100, the highest) is listed as "old"; task title "new".
    The retitle is DELETE 100 (204), then POST (201), and the service gives the new row the id 100 again, as a table
    whose next id is max(id) + 1 does (SQLite rowids without AUTOINCREMENT, InnoDB before MySQL 8 after a restart).
    unmet() judges the deleted old key by id only (`key.id in listed_ids`), although the retitle re-adds the very same
    key: it reads the new row as the old one "still listed".

    What the user sees: failed, "the service took the changes, but listing the keys afterwards shows SHA256:... is
    still listed", with the journal naming the delete and the add; the key is listed once, titled "new", exactly
    as asked.
    """
    key = ed25519()
    session.script(listed((key, "old")), response(204), response(201, dict(id=100, title="new", key=key)),
                   listed((key, "new")))
    result = run_ssh(run_module, key=key, title="new", retitle=True)
    assert session.methods == ["GET", "DELETE", "POST", "GET"]
    assert not result.get("failed"), result["msg"]
    assert result["changed"] is True and [view["title"] for view in result["ssh_keys"]] == ["new"]


# --- A private key the service lists ---------------------------------------------------------------------------


def test_a_private_key_stored_as_a_title_is_printed_by_the_info_module(run_module, session):
    """Promise: never print a private key, in any form.

    Reproduction: the user's account holds a key whose title is a private key: uploaded by version 0.3.0 (the first
    round's "a private key given as the title is sent to the service"), by the web console, or by another tool.
    codearts_user_ssh_key_info (and codearts_user_ssh_key's ssh_keys and diff) show every listed title as it is, up
    to 1,000 characters; an OpenSSH ed25519 private key is about 400. The guard looks at the task's options only,
    and ServiceKey never asks looks_private() about a title.

    What the user sees: the private key in ssh_keys[0].title of an ok task, in AWX's job output and stored events.
    """
    session.script(listed((ed25519(), OPENSSH_PRIVATE)))
    result = run_module(codearts_user_ssh_key_info.main, dict(ARGS))
    assert not result.get("failed") and len(result["ssh_keys"]) == 1
    assert PRIVATE_LINE not in json.dumps(result), result["ssh_keys"][0]["title"][:80]
