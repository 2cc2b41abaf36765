"""codearts_repository_webhook against the emulator: hooks keyed by URL, changed in place, the secret never read back
nor sent back masked, two hooks with one URL refused."""

import json

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules.codearts_repository_webhook import main

SERVICE = "3001"  # seeded with the hook 6001, https://ci.example.com/hook, token ci-hook-secret
CI = "https://ci.example.com/hook"


def args(emulator, **options):
    return dict(dict(endpoint=emulator.url, ca_path=emulator.session.verify, token="alice-token", repository=SERVICE), **options)


def writes(emulator):
    return [entry["method"] for entry in emulator.log() if entry["method"] != "GET"]


def stored_token(emulator, url=CI):
    return [hook["token"] for hook in emulator.stored(3001)["webhooks"] if hook["url"] == url]


def test_a_new_hook_is_added_with_its_secret_once_and_the_secret_is_never_shown(run_module, emulator):
    first = run_module(main, args(emulator, url="https://deploy.example.com/x", events=["push", "tag_push"], secret="s3cret-hook-value"))
    again = run_module(main, args(emulator, url="https://deploy.example.com/x", events=["tag_push", "push"], secret="s3cret-hook-value"))
    assert first["changed"] is True and again["changed"] is False and writes(emulator) == ["POST"]
    assert stored_token(emulator, "https://deploy.example.com/x") == ["s3cret-hook-value"]
    assert "s3cret-hook-value" not in json.dumps([first, again]) and "********" not in json.dumps(first["webhooks"])


def test_changing_the_events_of_a_hook_keeps_its_stored_secret_and_sends_no_mask_back(run_module, emulator):
    result = run_module(main, args(emulator, url=CI, events=["merge_request"]))
    assert result["changed"] is True and writes(emulator) == ["PUT"]
    assert stored_token(emulator) == ["ci-hook-secret"]
    assert [view["events"] for view in result["updated"]] == [["merge_request"]]


def test_secret_update_always_sends_it_every_run_and_reports_changed(run_module, emulator):
    result = run_module(main, args(emulator, url=CI, secret="rotated-secret-1", secret_update="always"))
    assert result["changed"] is True and writes(emulator) == ["PUT"] and stored_token(emulator) == ["rotated-secret-1"]


def test_a_secret_given_for_an_existing_hook_without_secret_update_always_is_said_not_sent(run_module, emulator):
    result = run_module(main, args(emulator, url=CI, secret="rotated-but-not-sent"))
    assert result["changed"] is False and writes(emulator) == [] and stored_token(emulator) == ["ci-hook-secret"]
    assert any("set secret_update: always" in str(warning) for warning in result["warnings"])


def test_check_mode_predicts_the_real_diff(run_module, emulator):
    options = dict(url=CI, name="ci renamed", note_filter=["deploy"], events=["push", "note"])
    predicted = run_module(main, args(emulator, **options), check_mode=True)
    assert writes(emulator) == []
    real = run_module(main, args(emulator, **options))
    assert predicted["changed"] is real["changed"] is True and predicted["diff"] == real["diff"]


@pytest.mark.parametrize("field, value", [("note_plain_text_filter", "abc"), ("name", 7), ("push_events", "true")])
def test_a_listed_hook_field_of_a_wrong_type_fails_naming_it_and_nothing_is_sent_back(run_module, emulator, field, value):
    emulator.arm(kind="wrong_type", field=field, value=value, method="GET", path="/v4/repositories/3001/hooks", apply=True)
    result = run_module(main, args(emulator, url=CI, name="renamed"))
    assert result["failed"] is True and result["changed"] is False and field in result["msg"] and writes(emulator) == []


def test_push_events_with_an_empty_branch_filter_are_refused_before_any_request(run_module, emulator):
    result = run_module(main, args(emulator, url="https://new.example.com/hook", events=["push"], push_branch_regex=""))
    assert result["failed"] is True and "give .* for every branch" in result["msg"] and writes(emulator) == []


def test_a_note_filter_text_given_twice_is_no_change(run_module, emulator):
    url = "https://notes.example.com/hook"
    emulator.send("POST", "/v4/repositories/3001/hooks", body={"url": url, "note_events": True, "note_plain_text_filter": ["deploy"]})
    result = run_module(main, args(emulator, url=url, events=["note"], note_filter=["deploy", "deploy"]))
    assert result["changed"] is False and writes(emulator) == ["POST"]


@pytest.mark.parametrize("check_mode", [True, False], ids=["check mode", "real run"])
def test_a_password_in_another_listed_hooks_url_is_never_shown(run_module, emulator, check_mode):
    emulator.send("POST", "/v4/repositories/3001/hooks", body={"url": "https://deploy:hunter2pass@ci2.example.com/hook",
                                                               "push_events": True, "push_events_branch_regex_filter": ".*"})
    result = run_module(main, args(emulator, url=CI, name="ci renamed"), check_mode=check_mode)
    assert "hunter2pass" not in json.dumps(result) and "https://deploy:********@ci2.example.com/hook" in json.dumps(result["webhooks"])


def test_two_hooks_with_one_url_are_refused_naming_their_ids(run_module, emulator):
    emulator.send("POST", "/v4/repositories/3001/hooks", body={"url": CI, "push_events": True,
                                                               "push_events_branch_regex_filter": ".*"})
    result = run_module(main, args(emulator, url=CI, events=["push"]))
    assert result["failed"] is True and "2 webhooks have %s" % CI in result["msg"] and "6001" in result["msg"]


def test_exclusive_with_an_empty_list_and_allow_no_webhooks_deletes_every_hook(run_module, emulator):
    result = run_module(main, args(emulator, webhooks=[], exclusive=True, allow_no_webhooks=True))
    assert result["changed"] is True and result["webhooks"] == [] and writes(emulator) == ["DELETE"]


@pytest.mark.parametrize("options, says", [
    (dict(url="https://user:pw@ci.example.com/hook"), "url is not usable: it holds a user name or password"),
    (dict(url="ftp://ci.example.com/hook"), "url is not usable: give an http:// or https:// address"),
    (dict(url=CI, push_branch_regex="(unclosed"), "push_branch_regex is not usable: it is not a regular expression"),
    (dict(url=CI, note_filter=["n"] * 11), "note_filter is not usable: at most 10 texts"),
    (dict(url=CI, events=["note"]), "events has note, which needs note_filter"),
    (dict(webhooks=[{"url": CI}, {"url": CI}]), "webhooks[1] names"),
])
def test_bad_input_fails_before_any_request_and_echoes_no_secret(run_module, emulator, options, says):
    result = run_module(main, args(emulator, **options))
    assert result["failed"] is True and says in result["msg"] and emulator.log() == []
    assert ":pw@" not in json.dumps(result)


def test_removing_from_a_repository_that_is_not_there_is_no_change_and_says_so(run_module, emulator):
    gone = dict(endpoint=emulator.url, ca_path=emulator.session.verify, token="alice-token", repository="demo-project/backend/gone")
    removed = run_module(main, dict(gone, **dict(url=CI, state="absent")))
    added = run_module(main, dict(gone, **dict(url=CI)))
    assert removed["changed"] is False and any("nothing to remove" in str(warning) for warning in removed["warnings"])
    assert added["failed"] is True and "matches no repository" in added["msg"]


def test_settings_given_with_state_absent_are_said_to_be_unused(run_module, emulator):
    result = run_module(main, args(emulator, url=CI, state="absent", events=["push"], secret="unused-hook-secret"))
    assert result["changed"] is True and any("events, secret are not used with state: absent" in str(warning)
                                             for warning in result["warnings"])
    assert "unused-hook-secret" not in json.dumps(result)


def test_the_diff_shows_the_hooks_the_task_governs_and_every_hook_with_exclusive(run_module, emulator):
    other = "https://other.example.com/hook"
    emulator.send("POST", "/v4/repositories/3001/hooks", body={"url": other, "push_events": True, "push_events_branch_regex_filter": ".*"})
    one = run_module(main, args(emulator, url=CI, name="ci renamed"))
    every = run_module(main, args(emulator, webhooks=[{"url": CI}], exclusive=True), check_mode=True)
    assert list(one["diff"]["before"]["webhooks"]) == list(one["diff"]["after"]["webhooks"]) == [CI]
    assert len(one["webhooks"]) == 2 and sorted(every["diff"]["before"]["webhooks"]) == sorted([CI, other])
    assert list(every["diff"]["after"]["webhooks"]) == [CI]
