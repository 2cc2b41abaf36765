"""codearts_repository_deploy_key against the emulator: keys identified by fingerprint in either form, never added
twice, a new title a delete and an add, can_push unverifiable and said so."""

import json

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules.codearts_repository_deploy_key import main
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, fingerprint

SERVICE = "3001"  # fingerprints in MD5 form
FRONTEND = "3002"  # fingerprints in SHA-256 form
PRIVATE = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n"


def args(emulator, repository=SERVICE, **options):
    return dict(dict(endpoint=emulator.url, ca_path=emulator.session.verify, token="alice-token", repository=repository),
                **options)


def writes(emulator):
    return [entry["method"] for entry in emulator.log() if entry["method"] != "GET"]


@pytest.mark.parametrize("repository", [SERVICE, FRONTEND], ids=["MD5 listing", "SHA-256 listing"])
def test_a_key_is_added_once_and_found_again_by_its_fingerprint_in_the_listings_form(run_module, emulator, repository):
    key = ed25519("ci@build")
    first = run_module(main, args(emulator, repository, key=key, title="ci"))
    again = run_module(main, args(emulator, repository, key=key.rsplit(" ", 1)[0], title="ci"))
    assert first["changed"] is True and again["changed"] is False and writes(emulator) == ["POST"]


def test_another_title_deletes_the_key_and_adds_it_again_and_returns_both(run_module, emulator):
    key = ed25519()
    run_module(main, args(emulator, FRONTEND, key=key, title="ci"))
    result = run_module(main, args(emulator, FRONTEND, key=key, title="ci renamed"))
    assert result["changed"] is True and writes(emulator)[-2:] == ["DELETE", "POST"]
    assert [view["title"] for view in result["removed"]] == ["ci"] and [view["title"] for view in result["added"]] == ["ci renamed"]
    assert result["diff"]["after"]["deploy_keys"] == {fingerprint(key): {"title": "ci renamed", "fingerprint": fingerprint(key)}}


def test_can_push_on_a_present_key_cannot_be_verified_and_is_said(run_module, emulator):
    key = ed25519()
    run_module(main, args(emulator, key=key, title="ci"))
    result = run_module(main, args(emulator, key=key, title="ci", can_push=True))
    assert result["changed"] is False and any("can_push" in str(warning) for warning in result["warnings"])


def test_can_push_the_service_stores_otherwise_than_sent_is_said(run_module, emulator):
    result = run_module(main, args(emulator, key=ed25519(), title="ci", can_push=True))  # the repository ignores can_push
    assert [key["can_push"] for key in emulator.stored(3001)["deploy_keys"]] == [False]
    assert result["changed"] is True and any("answered can_push false, not true" in str(warning) for warning in result["warnings"])


def test_a_retitle_that_adds_the_key_again_says_can_push_gets_the_default(run_module, emulator):
    emulator.control("POST", "repositories/3001/settings", {"can_push": "honoured"})
    key = ed25519()
    run_module(main, args(emulator, key=key, title="ci", can_push=True))
    predicted = run_module(main, args(emulator, key=key, title="ci renamed"), check_mode=True)
    result = run_module(main, args(emulator, key=key, title="ci renamed"))
    for run in (predicted, result):
        assert run["changed"] is True and any("set can_push in the task" in str(warning) for warning in run["warnings"])


def test_check_mode_predicts_the_real_diff_in_either_form(run_module, emulator):
    keys = [ed25519(), {"key": ed25519(), "title": "deploy"}]
    for repository in (SERVICE, FRONTEND):
        predicted = run_module(main, args(emulator, repository, keys=keys, exclusive=True), check_mode=True)
        real = run_module(main, args(emulator, repository, keys=keys, exclusive=True))
        assert predicted["diff"] == real["diff"] and predicted["changed"] is real["changed"] is True


@pytest.mark.parametrize("options, says", [
    (dict(key=PRIVATE), "key is not usable: it is a private key"),
    (dict(keys=[ed25519(), PRIVATE]), "keys[1] is not usable: it is a private key"),
    (dict(keys=[ed25519("a"), "%s b" % ed25519("a").rsplit(" ", 1)[0]]), None),
    (dict(key=ed25519(), title="t" * 256), "title is not usable: it is 256 characters long, and the service takes 1 to 255"),
])
def test_bad_input_fails_before_any_request_and_never_shows_a_private_key(run_module, emulator, options, says):
    if says is None:  # the same key twice
        line = ed25519()
        options, says = dict(keys=[line, line.rsplit(" ", 1)[0] + " other"]), "keys[1] is the same key as keys[0]"
    result = run_module(main, args(emulator, **options))
    assert result["failed"] is True and says in result["msg"] and emulator.log() == []
    assert "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ" not in json.dumps(result)


def test_removing_from_a_repository_that_is_not_there_is_no_change_and_says_so(run_module, emulator):
    gone = dict(endpoint=emulator.url, ca_path=emulator.session.verify, token="alice-token", repository="demo-project/backend/gone")
    removed = run_module(main, dict(gone, **dict(key=ed25519(), state="absent")))
    added = run_module(main, dict(gone, **dict(key=ed25519())))
    assert removed["changed"] is False and any("nothing to remove" in str(warning) for warning in removed["warnings"])
    assert added["failed"] is True and "matches no repository" in added["msg"]
