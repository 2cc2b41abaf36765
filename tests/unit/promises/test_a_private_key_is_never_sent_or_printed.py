"""A private key is never sent to the service or shown, whichever option, item or answer it arrives in, and also when Ansible itself refuses the arguments."""

import json

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key, codearts_user_ssh_key_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.private_keys import OPENSSH_PRIVATE, PRIVATE_LINE
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, listed


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)


def run_ssh(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


@pytest.mark.parametrize("where", ["option_name", "keys_item_name"])
def test_a_private_key_as_an_option_name_is_refused_without_being_shown(run_module, session, where):
    """Promise: never print a private key, in any form ("refused before any request, in any option ... masked wherever
    it appears ... also when Ansible itself refuses the arguments").

    Situation: the private key arrives as a mapping key rather than a value: at the top of the task's arguments, or
    inside a keys item (say keys built from a dict of file name to contents with the zip the wrong way round, or
    a `"{{ private }}": ...` typo).
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


def test_an_encrypted_pkcs8_private_key_without_its_armour_is_refused_without_being_shown(run_module, session):
    """Promise: never print a private key ("bare (PKCS#1, PKCS#8, SEC1 key material without its armour lines)").

    Situation: key: the body of an "-----BEGIN ENCRYPTED PRIVATE KEY-----" file (what `openssl pkcs8 -topk8`
    and most key stores write), its armour lines lost.
    """
    result = run_ssh(run_module, key=ENCRYPTED_PKCS8_WITHOUT_ARMOUR, title="laptop")
    assert result["failed"] is True and session.sent == []
    assert "cDpXyvP3nwnecxa20DeytfdvZYIarwEG1eok2WMm1NbpfD7YlXp1V19lmAJk8UtA" not in json.dumps(result), \
        result["invocation"]["module_args"]["key"]
    assert "private key" in result["msg"]


def test_a_private_key_in_a_credential_environment_variable_is_refused_before_iam_is_asked(run_module, session, monkeypatch):
    """Promise: a private key is never printed or sent; bad input is refused before any request.

    Situation: an AWX custom credential type injects HW_USER_NAME, HW_USER_PASSWORD and HW_DOMAIN_NAME, and its
    user-name field was filled with the contents of a key file (the field next to it in the form).
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


def test_a_private_key_stored_as_a_title_is_hidden_by_the_info_module(run_module, session):
    """Promise: never print a private key, in any form.

    Situation: the user's account holds a key whose title is a private key: uploaded by an older
    release of this collection, by the web console, or by another tool.
    """
    session.script(listed((ed25519(), OPENSSH_PRIVATE)))
    result = run_module(codearts_user_ssh_key_info.main, dict(ARGS))
    assert not result.get("failed") and len(result["ssh_keys"]) == 1
    assert PRIVATE_LINE not in json.dumps(result), result["ssh_keys"][0]["title"][:80]


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def test_a_private_key_is_hidden_from_the_invocation_when_ansible_refuses_the_arguments(run_module, session):
    """Promise: never print a private key, in any form.

    Situation: key: <an OpenSSH private key, pasted by mistake> together with keys: [...] (or any other argument
    Ansible itself refuses: a misspelt sub-option of keys, retries: "x").
    """
    result = run(run_module, key=OPENSSH_PRIVATE, keys=[dict(key=ed25519())])
    assert result["failed"] is True and session.sent == []
    assert PRIVATE_LINE not in json.dumps(result), result["invocation"]


def test_a_private_key_in_a_misspelt_keys_item_is_hidden_from_the_invocation(run_module, session):
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
def test_a_private_key_pasted_as_the_key_is_refused_and_hidden_from_the_invocation(run_module, session, private):
    """Promise: never print a private key.

    Situation: key: <a PGP private key block>, as a user of this collection's GPG module might paste from
    `gpg --export-secret-keys --armor`.
    """
    result = run(run_module, key=private, title="laptop")
    assert result["failed"] is True and session.sent == []
    assert "SECRETSCALAR" not in json.dumps(result), result["invocation"]


def test_a_private_key_split_over_keys_items_is_refused_and_hidden_from_the_invocation(run_module, session):
    """Promise: never print a private key, in any form (also split over keys items).

    Situation: keys built from a file's lines (`lookup('file', path).splitlines()`), where the file is the
    private key.
    """
    lines = OPENSSH_PRIVATE.strip().splitlines()
    result = run(run_module, keys=[dict(key=line) for line in lines])
    assert result["failed"] is True and "private key" in result["msg"] and session.sent == []
    assert PRIVATE_LINE not in json.dumps(result), result["invocation"]


def test_a_private_key_given_as_the_title_is_refused_before_any_request(run_module, session):
    """Promise: never print a secret, in any form (and the module docs: "A private key is refused before any
    request") -- sending it to the service, which stores and shows it as the key's title, is worse.

    Situation: title: > (a YAML folded scalar) holding the private key: its lines arrive joined by spaces,
    with one final newline.
    """
    folded = " ".join(OPENSSH_PRIVATE.strip().splitlines()) + "\n"
    key = ed25519()
    session.script(listed(), response(201, dict(id=9, title="x", key=key)), listed((key, "x")))
    result = run(run_module, key=key, title=folded)
    assert PRIVATE_LINE not in json.dumps([sent.json for sent in session.sent]), "the private key was POSTed"
    assert result["failed"] is True and session.sent == []


@pytest.mark.parametrize("option", ["region", "endpoint", "title"])
def test_a_private_key_in_any_option_fails_the_task_before_the_action_runs_and_is_never_shown(capsys, option):
    private = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n"
    actions = []
    spec = dict(title=dict(type="str")) if option == "title" else {}
    with patch_module_args({"token": TOKEN, option: private}):
        with pytest.raises(SystemExit):
            CodeArtsModule(codearts_argument_spec(**spec)).run(actions.append)
    result = json.loads(capsys.readouterr().out)
    assert actions == [] and result["failed"] is True
    assert result["msg"].startswith("%s is not usable: it is a private key" % option)
    assert "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU" not in json.dumps(result)
