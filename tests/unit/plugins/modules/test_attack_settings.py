"""An outside attacker's findings against the SSH key, HTTPS clone and GPG key modules (version 0.3.0).

Each test fails on the code it was written against (commit 1126ccb), for the reason in its docstring, and asserts
what a user running the task unattended (AWX) should see instead. ssh-keygen is the fingerprint oracle where named.
"""

import json
import os
import shutil
import struct
import subprocess

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, fingerprint, listed
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import key_line as _line
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import wire_string as _string

ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)
FORBIDDEN = {"error_code": "CH.004403", "error_msg": "no permission"}


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def _landed_is_reported(result, added=(), deleted_ids=()):
    """A failed task must still say changed, and name every key its requests added (by fingerprint: a POST's path
    names no key) and deleted (by fingerprint, or by its id in the DELETE's path)."""
    shown = result.get("msg", "") + json.dumps(result.get("ssh_keys", []))
    return (result.get("changed") is True and all(fingerprint(line) in shown for line in added)
            and all("/v4/user/keys/%d" % key_id in shown or fingerprint(line) in shown for line, key_id in deleted_ids))


# --- Changes that landed, hidden by a later failure -----------------------------------------------------------


def test_an_add_that_landed_is_hidden_when_the_exclusive_delete_after_it_fails(run_module, session):
    """Promise: never hide a change that landed.

    Reproduction: exclusive: true, keys: [new]; the user holds one other key. The plan POSTs the new key (201,
    it landed), then DELETEs the old one, which the service refuses (403: the IAM user has createUserSSHkey but
    not updateUserSetting). run() in codearts_user_ssh_key has no try around its loop of writes: the delete's
    CodeArtsRequestError goes straight to CodeArtsModule.run, whose fail_result() knows nothing of the add.

    What the user sees: failed, no changed key (AWX shows the task red, not changed), and a msg about the DELETE
    only; nothing says a new key now opens the user's repositories.
    """
    old, new = ed25519(), ed25519()
    session.script(listed((old, "old")), response(201, dict(id=9, title="new", key=new)), response(403, FORBIDDEN))
    result = run(run_module, exclusive=True, keys=[dict(key=new, title="new")])
    assert session.methods == ["GET", "POST", "DELETE"] and result["failed"] is True
    assert _landed_is_reported(result, added=[new]), result


def test_the_first_of_two_adds_is_hidden_when_the_second_is_refused(run_module, session):
    """Promise: never hide a change that landed.

    Reproduction: keys: [a, b], both new. POST a answers 201; POST b answers 400 (say the service refuses its
    title). The loop `for item in steps.adds: add_key(...)` raises out of run() on b.

    What the user sees: failed, changed absent, nothing about key a, which is now on the account.
    """
    first, second = ed25519(), ed25519()
    session.script(listed(), response(201, dict(id=9, title="a", key=first)),
                   response(400, {"error_code": "CH.080001", "error_msg": "invalid title"}))
    result = run(run_module, keys=[dict(key=first, title="a"), dict(key=second, title="b")])
    assert session.methods == ["GET", "POST", "POST"] and result["failed"] is True
    assert _landed_is_reported(result, added=[first]), result


def test_an_add_that_landed_is_hidden_when_the_listing_after_the_writes_fails(run_module, session):
    """Promise: never hide a change that landed.

    Reproduction: key: new; POST answers 201; the final `after = [... list_keys(client)]` (which only builds the
    report) answers 503 (retries: 0, or after every retry). The error escapes run() after every write is done.

    What the user sees: failed, changed absent, a msg about GET /v4/user/keys; the key was added.
    """
    new = ed25519()
    session.script(listed(), response(201, dict(id=9, title="laptop", key=new)), response(503, {"error_msg": "busy"}))
    result = run(run_module, key=new, title="laptop")
    assert session.methods == ["GET", "POST", "GET"] and result["failed"] is True
    assert _landed_is_reported(result, added=[new]), result


def test_a_retitle_whose_add_is_refused_hides_that_the_key_was_deleted(run_module, session):
    """Promise: never hide a change that landed (and the plan's own "adds come first, so the task never leaves the
    user without a key").

    Reproduction: retitle: true, key: k (the user's only key, listed under title "old"), title: "new". A retitle is
    DELETE then POST; the DELETE answers 204, the POST answers 403 (no createUserSSHkey permission).

    What the user sees: failed, changed absent, msg about the POST only. The key is gone from the account: the
    user can no longer push over SSH, and nothing in the result says the task deleted it.
    """
    key = ed25519()
    session.script(listed((key, "old")), response(204, raw=b""), response(403, FORBIDDEN))
    result = run(run_module, key=key, title="new", retitle=True)
    assert session.methods == ["GET", "DELETE", "POST"] and result["failed"] is True
    assert _landed_is_reported(result, deleted_ids=[(key, 100)]), result


# --- Secrets: a private key printed --------------------------------------------------------------------------

OPENSSH_PRIVATE = ("-----BEGIN OPENSSH PRIVATE KEY-----\n"
                   "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                   "QyNTUxOQAAACDCGTfB9wOvvPzOyTqVsk4G8g0ybpq3Rk7y6vTzTx4dRwAAAJg3Zbq/N2W6\n"
                   "-----END OPENSSH PRIVATE KEY-----\n")
PRIVATE_LINE = "QyNTUxOQAAACDCGTfB9wOvvPzOyTqVsk4G8g0ybpq3Rk7y6vTzTx4dRwAAAJg3Zbq/N2W6"


def test_a_private_key_is_printed_in_the_invocation_when_ansible_refuses_the_arguments(run_module, session):
    """Promise: never print a private key, in any form.

    Reproduction: key: <an OpenSSH private key, pasted by mistake> together with keys: [...] (or any other argument
    Ansible itself refuses: a misspelt sub-option of keys, retries: "x"). AnsibleModule.__init__ validates the
    arguments and calls fail_json before it calls _log_invocation, the only place CodeArtsModule registers a
    private key found in an option as a secret (key has no_log=False). CodeArtsModule._result then copies every
    option into invocation.module_args, and its gate knows no secret yet.

    What the user sees: "parameters are mutually exclusive: key|keys", and the whole private key in
    invocation.module_args.key of the failed task (in AWX's job output and its stored job events).
    """
    result = run(run_module, key=OPENSSH_PRIVATE, keys=[dict(key=ed25519())])
    assert result["failed"] is True and session.sent == []
    assert PRIVATE_LINE not in json.dumps(result), result["invocation"]


def test_a_private_key_in_a_misspelt_keys_item_is_printed_in_the_invocation(run_module, session):
    """Promise: never print a private key. Same structure as above: a sub-option Ansible does not know
    (keys[0].titel) fails the task inside AnsibleModule.__init__, before any private key is registered."""
    result = run(run_module, keys=[dict(key=OPENSSH_PRIVATE, titel="laptop")])
    assert result["failed"] is True and session.sent == []
    assert PRIVATE_LINE not in json.dumps(result), result["invocation"]


PGP_PRIVATE = ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
               "lFgEZkXK1xYJKwYBBAHaRw8BAQdAz7b0Yq3cQ3m1hZr8nq3QyT1s2bJ9m1m3kq0l7Vw\n"
               "AAD/SECRETSCALARx2Jm9wq0V3cQ3m1hZr8nq3QyT1s2bJ9m1m3kq0l7VwEPtCB0\n"
               "=Ab1c\n-----END PGP PRIVATE KEY BLOCK-----\n")


PKCS8_WITHOUT_ARMOUR = ("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n"
                        "MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n"
                        "SECRETSCALARNmVFaHfbeVXcQ3m1hZr8nq3QyT1s2bJ9m1m3kq0l7VwEPtCB0AAA\n")


@pytest.mark.parametrize("private", [PGP_PRIVATE, PKCS8_WITHOUT_ARMOUR], ids=["pgp_private_key_block", "pkcs8_without_armour"])
def test_a_private_key_pasted_as_the_key_is_printed_in_the_invocation(run_module, session, private):
    """Promise: never print a private key.

    Reproduction: key: <a PGP private key block>, as a user of this collection's GPG module might paste from
    `gpg --export-secret-keys --armor`. ssh_public_keys.PRIVATE_KEY matches "-----BEGIN ... PRIVATE KEY-----" only;
    PGP's armour line is "-----BEGIN PGP PRIVATE KEY BLOCK-----", so looks_private() is False, nothing is registered,
    and the task fails with "its type '-----BEGIN' is not one of ..." (correctly, before any request).

    What the user sees: the whole secret key block in invocation.module_args.key. The same for a PKCS#8 private
    key whose armour lines were dropped (as some secret stores keep it; "MIIEvQIBADANBgkqhkiG9w0BAQEFAAS" is the
    fixed DER prefix of every unencrypted PKCS#8 RSA key): msg even quotes its first 40 characters as the "type".
    """
    result = run(run_module, key=private, title="laptop")
    assert result["failed"] is True and session.sent == []
    assert "SECRETSCALAR" not in json.dumps(result), result["invocation"]


def test_a_private_key_split_over_keys_items_is_printed_in_the_invocation(run_module, session):
    """Promise: never print a private key, in any form (the brief's "a private key split over keys items").

    Reproduction: keys built from a file's lines (`lookup('file', path).splitlines()`), where the file is the
    private key. looks_private() is asked about each item alone: the armour line and the first base64 line
    (which holds "openssh-key-v1") are registered, the later lines of key material are not.

    What the user sees: keys[0].key is refused as a private key, and the key material of the later lines is in
    invocation.module_args.keys.
    """
    lines = OPENSSH_PRIVATE.strip().splitlines()
    result = run(run_module, keys=[dict(key=line) for line in lines])
    assert result["failed"] is True and "private key" in result["msg"] and session.sent == []
    assert PRIVATE_LINE not in json.dumps(result), result["invocation"]


def test_a_private_key_given_as_the_title_is_sent_to_the_service(run_module, session):
    """Promise: never print a secret, in any form (and the module docs: "A private key is refused before any
    request") -- sending it to the service, which stores and shows it as the key's title, is worse.

    Reproduction: title: > (a YAML folded scalar) holding the private key: its lines arrive joined by spaces,
    with one final newline. _log_invocation registers it as a secret, so this run's output masks it; but
    wanted_keys() asks looks_private() about the key only, and _title() checks only length and control
    characters after strip().

    What the user sees: changed, the title "********" in ssh_keys; the service got the whole private key in the
    POST body and stores it as the title, which the web UI and the next codearts_user_ssh_key_info run show.
    """
    folded = " ".join(OPENSSH_PRIVATE.strip().splitlines()) + "\n"
    key = ed25519()
    session.script(listed(), response(201, dict(id=9, title="x", key=key)), listed((key, "x")))
    result = run(run_module, key=key, title=folded)
    assert PRIVATE_LINE not in json.dumps([sent.json for sent in session.sent]), "the private key was POSTed"
    assert result["failed"] is True and session.sent == []


# --- What the service lists ----------------------------------------------------------------------------------


def test_state_absent_leaves_a_key_the_service_lists_twice_and_reports_success(run_module, session):
    """Promise: the task makes the keys what it says (state absent: the key is gone), and check mode/diff/result
    tell the truth.

    Reproduction: the service lists the same key line under two ids (101 and 102: the brief's "a key listed twice
    with different ids"; read_all_pages only refuses a repeated id). ssh_key_plan.plan() builds
    `by_identity = dict((key.identity, key) for key in current)`, so the later copy wins and only it is deleted.

    What the user sees: ok/changed, no failure, and the key they asked to be absent still opens their repositories
    (it is even in the result's ssh_keys). Check mode predicts the same, so nothing warns.
    """
    key = ed25519()
    session.script(listed((key, "a"), (key, "b")), response(204, raw=b""), listed((key, "a")))
    result = run(run_module, key=key, state="absent")
    gone = fingerprint(key) not in [view["fingerprint"] for view in result.get("ssh_keys", [])]
    assert result.get("failed") is True or (gone and session.methods.count("DELETE") == 2), (session.methods, result)


def test_a_service_that_pages_by_its_default_of_twenty_hides_every_key_after_the_first_page(run_module, session):
    """Promise: "after reading every page of the user's keys" (module docs); the research: "read every page; never
    trust a total field" -- but never ignore one that proves the list is cut short either.

    Reproduction: the service ignores limit=100 and answers its documented default page of 20 (total: 25). The
    first page is shorter than 100, so read_all_pages stops; the answer's total (25 > 20 read) is never looked at.
    The key asked to be absent is number 23.

    What the user sees: ok, changed false, and the key is still on the account. (With exclusive the five unseen
    keys survive; with present, a key on page two is POSTed again and the task then blames "another user".)
    """
    keys = [ed25519() for _index in range(25)]
    page = response(200, {"keys": [dict(id=index, title="k%d" % index, key=line) for index, line in enumerate(keys[:20])],
                          "total": 25})
    session.script(page, response(200, {"keys": [dict(id=index, title="k%d" % index, key=line)
                                                 for index, line in enumerate(keys[20:], 20)], "total": 25}),
                   response(204, raw=b""), listed(*[(line, "k") for line in keys[:22]]))
    result = run(run_module, key=keys[22], state="absent")
    assert result.get("failed") is True or "DELETE" in session.methods, (session.methods, result)


# --- Key lines the module reads otherwise than ssh-keygen ----------------------------------------------------

SSH_KEYGEN = shutil.which("ssh-keygen")


def _ssh_keygen_fingerprint(tmp_path, line):
    path = tmp_path / "key.pub"
    path.write_text(line + "\n")
    done = subprocess.run([SSH_KEYGEN, "-lf", str(path)], capture_output=True, text=True, check=False)
    return done.stdout.split()[1] if done.returncode == 0 else None


def _rsa_blob(leading_zero=False):
    """An ssh-rsa blob (e=65537, a 2048-bit odd modulus); with leading_zero, the modulus mpint has one 0x00 more than
    the canonical encoding (the form ssh-keygen reads and re-encodes without it)."""
    modulus = bytearray(os.urandom(256))
    modulus[0] |= 0x40
    modulus[0] &= 0x7F  # high bit clear: no sign byte needed
    modulus[-1] |= 1
    return _string(b"ssh-rsa") + _string(b"\x01\x00\x01") + _string((b"\x00" if leading_zero else b"") + bytes(modulus))


@pytest.mark.skipif(SSH_KEYGEN is None, reason="needs ssh-keygen as the oracle")
def test_the_same_rsa_key_with_a_leading_zero_in_its_modulus_is_posted_again(run_module, session, tmp_path):
    """Promises: never send a second POST for the same key; "identified by its type and its decoded blob" should
    mean the key, as ssh-keygen (the documented fingerprint oracle) sees it.

    Reproduction: the user's .pub line encodes the RSA modulus with one redundant leading zero byte (some
    converters, PuTTYgen exports and hand-built lines do). ssh-keygen reads it as the same key: same
    SHA256 fingerprint as the canonical line, which is how the service lists the key it holds. PublicKey.identity
    is (type, raw blob) and fingerprint hashes the raw blob, so the module sees two different keys.

    What the user sees: the key already on the account is POSTed again; the service refuses the duplicate; the
    re-list does not find "it" either, and the task fails saying the key "is held by another CodeArts Repo user".
    The fingerprint in that message is not the one ssh-keygen -lf shows for the user's own file.
    """
    modulus_blob = _rsa_blob(leading_zero=True)
    fields = modulus_blob[4 + 7:]
    canonical_blob = _string(b"ssh-rsa") + fields[:7] + _string(fields[7 + 4 + 1:])
    mine = _line(modulus_blob, "me@laptop", "ssh-rsa")
    held = _line(canonical_blob, "me@laptop", "ssh-rsa")
    assert _ssh_keygen_fingerprint(tmp_path, mine) is not None
    assert _ssh_keygen_fingerprint(tmp_path, mine) == _ssh_keygen_fingerprint(tmp_path, held)
    session.script(listed((held, "laptop")), response(400, {"error_code": "CH.080002", "error_msg": "exists"}),
                   listed((held, "laptop")))
    result = run(run_module, key=mine, title="laptop")
    assert session.methods == ["GET"] and result["changed"] is False, (session.methods, result.get("msg"))


@pytest.mark.skipif(SSH_KEYGEN is None, reason="needs ssh-keygen as the oracle")
def test_the_info_module_shows_another_fingerprint_than_ssh_keygen_for_a_listed_rsa_key(run_module, session, tmp_path):
    """Promise (RETURN docs): fingerprint is "its SHA-256 fingerprint, as ssh-keygen -l shows it".

    Reproduction: the service lists an RSA key whose modulus has a redundant leading zero. The module hashes the
    raw blob; ssh-keygen hashes the key re-encoded. The fingerprint option compares the module's own value.

    What the user sees: fingerprint: <the ssh-keygen -lf value> finds no key, and ssh_keys shows a fingerprint no
    tool of theirs prints.
    """
    from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key_info
    line = _line(_rsa_blob(leading_zero=True), "me@laptop", "ssh-rsa")
    oracle = _ssh_keygen_fingerprint(tmp_path, line)
    session.script(listed((line, "laptop")))
    result = run_module(codearts_user_ssh_key_info.main, dict(ARGS, fingerprint=oracle))
    assert [view["fingerprint"] for view in result["ssh_keys"]] == [oracle], result["ssh_keys"]


@pytest.mark.skipif(SSH_KEYGEN is None, reason="needs ssh-keygen as the oracle")
@pytest.mark.parametrize("blob", [
    _string(b"ssh-ed25519"),                                   # the type and nothing else
    _string(b"ssh-ed25519") + _string(b"\x01" * 31),           # a 31-byte ed25519 key
    _string(b"ssh-ed25519") + _string(b"\x01" * 32) + b"tail",  # trailing data after the key
    _string(b"ecdsa-sha2-nistp256") + _string(b"nistp384") + _string(b"\x04" + b"\x01" * 64),  # curve not the type's
], ids=["type_only", "short_key", "trailing_data", "ecdsa_wrong_curve"])
def test_a_key_line_ssh_keygen_refuses_is_posted_to_the_service(run_module, session, tmp_path, blob):
    """Promise: bad input is refused before any request (module docs: "The blob must decode, and the type it holds
    must be the declared one").

    Reproduction: key: "ssh-ed25519 <blob>" where the blob holds only the type, a key of the wrong length, or the
    key followed by junk. ssh-keygen -lf says "is not a public key file"; parse_public_key checks only that the
    base64 decodes and that the first length-prefixed string is the declared type (_embedded_type).

    What the user sees: a POST of the broken line (changed, or the service's own 400 after the request), instead of
    "key is not a usable SSH public key ... Nothing was sent to the service."
    """
    line = _line(blob, "me@laptop", blob[4:4 + struct.unpack(">I", blob[:4])[0]].decode("ascii"))
    assert _ssh_keygen_fingerprint(tmp_path, line) is None
    session.script(listed(), response(400, {"error_code": "CH.080003", "error_msg": "invalid key"}))
    result = run(run_module, key=line, title="laptop")
    assert session.sent == [] and result["failed"] is True and "not a usable SSH public key" in result["msg"]


def test_two_key_lines_in_one_key_value_are_sent_as_one_key_with_the_other_as_its_comment(run_module, session):
    """Promise: bad input is refused before any request.

    Reproduction: key: "{{ lookup('file', 'authorized_keys') }}" with two lines. parse_public_key splits the text
    with split(None, 2): the first line's type and blob, and everything after (the whole second key line included)
    becomes the "comment", white space folded. The title defaults to that comment.

    What the user sees: changed, one key added whose title is "ssh-ed25519 AAAAC3Nza... second@host", and the
    second key silently never added.
    """
    first, second = ed25519("first@host"), ed25519("second@host")
    session.script(listed(), response(201, dict(id=9, title="x", key=first)), listed((first, "x")))
    result = run(run_module, key=first + "\n" + second)
    assert session.sent[1:] == [] or second.split()[1] not in json.dumps(session.sent[1].json), session.sent[1].json
    assert result["failed"] is True


@pytest.mark.parametrize("title", ["lap\x85top", "lap\x9b31mtop", "lap\ud800top"],
                         ids=["c1_next_line", "c1_csi", "lone_surrogate"])
def test_a_title_with_a_control_character_is_sent(run_module, session, title):
    """Promise: bad input is refused before any request; _title's own message: "1 to 1000 characters without control
    characters".

    Reproduction: title with a C1 control (U+0085 NEL, U+009B CSI; unicodedata category Cc like \\x1b) or a lone
    surrogate. _title refuses only ord < 32 and 127.

    What the user sees: the title POSTed as is (a lone surrogate as a JSON \\ud800 escape the service may store or
    choke on; C1/CSI arrive in terminals of whoever lists keys), instead of the refusal.
    """
    session.script(listed(), response(201, dict(id=9, title="x", key="k")), listed())
    result = run(run_module, key=ed25519(), title=title)
    assert session.sent == [] and result["failed"] is True and "title is not usable" in result["msg"]


# --- Writes the service did not take, reported as changes ----------------------------------------------------


@pytest.mark.parametrize("state, answer, after", [
    # A DELETE answered 404 counts as "already gone" (delete_key), though the re-list still shows the key.
    ("absent", response(404, {"error_code": "CH.000404", "error_msg": "route not found"}), "still listed"),
    # A POST answered 200 (the call says 201) with the service's error object is read as the added key.
    ("present", response(200, {"error_code": "CH.080002", "error_msg": "The key already exists"}), "not listed"),
], ids=["delete_404_key_still_listed", "post_200_error_body_key_not_listed"])
def test_a_write_the_listing_afterwards_shows_did_not_happen_is_reported_as_a_change(run_module, session, state, answer, after):
    """Promise: never report changed when nothing changed (and the task makes the keys what it says).

    Reproduction: a DELETE answered 404 (a gateway's "route not found", not the key's absence) or a POST answered
    200 with an error object. delete_key reads any 404 as deleted; the client never checks Call.success (the
    declared 201/204 are dead data: api_calls.Call.success is read nowhere). run() lists the keys afterwards
    only to build ssh_keys, and never compares that listing with what the plan promised.

    What the user sees: changed: true, no failure, and ssh_keys that contradict the task (the key asked absent
    is still there; the key asked present is missing).
    """
    key = ed25519()
    session.script(listed((key, "a")) if state == "absent" else listed(), answer,
                   listed((key, "a")) if after == "still listed" else listed())
    result = run(run_module, key=key, title="a", state=state)
    assert len(session.sent) == 3
    assert result.get("failed") is True or result["changed"] is False, result


# --- Hostile answers: bounded output ---------------------------------------------------------------------------


def test_titles_the_service_lists_are_printed_whole_however_long(run_module, session):
    """Promise: memory and time stay bounded against hostile answers.

    Reproduction: codearts_user_ssh_key_info; every page holds 100 keys whose title is 10,000 characters (the API's
    limit is 1,000; the answer stays under the 1 MiB cap). ServiceKey.view() never returns the key line ("which
    can be 1,000 characters"), but returns title and created_at whole.

    What the user sees: at the page cap (199 full pages), a 199 MiB result, 25 s spent in the output gate's
    masking alone and 630 MiB of memory before Ansible serialises it, and a job event AWX has to store. Here one
    page: a 1 MB result for 100 keys.
    """
    from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key_info
    session.script(response(200, {"keys": [dict(id=index, title="t" * 10000, key=ed25519(), created_at="c" * 100)
                                           for index in range(99)]}))
    result = run_module(codearts_user_ssh_key_info.main, ARGS)
    assert len(result["ssh_keys"]) == 99
    assert all(len(view["title"]) <= 1000 for view in result["ssh_keys"]), len(json.dumps(result))


# --- GPG keys ----------------------------------------------------------------------------------------------------


def test_a_gpg_answer_that_wraps_the_list_is_returned_as_one_key(run_module, session):
    """Promise: a hostile or unexpected answer is refused clearly, not returned as data.

    Reproduction: GET /v4/user/gpg-keys answers {"keys": [...], "total": 1}, the shape the SSH key list of the
    same API uses. list_gpg_keys takes any dict for "the one key object" of the spec.

    What the user sees: gpg_keys: [{"keys": [...], "total": 1}], one "key" with no id or fingerprint; a filter by
    fingerprint then says the user has no such key, though the service listed it.
    """
    from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_gpg_key_info
    gpg = {"id": 1, "title": "laptop", "fingerprint": "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2",
           "primary_keyid": "3AA5C34371567BD2"}
    session.script(response(200, {"keys": [gpg], "total": 1}))
    result = run_module(codearts_user_gpg_key_info.main, dict(ARGS, fingerprint=gpg["fingerprint"]))
    assert result.get("failed") is True or result["gpg_keys"] == [gpg], result
