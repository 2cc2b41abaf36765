"""Webhooks in the emulator: the token is masked on every read and stored as sent, a mask sent back becomes the
secret, PUT replaces the whole hook, and the request log never shows a token."""

import pytest
from huaweicloudsdkcodeartsrepo import v4

SERVICE = 3001  # one seeded hook: https://ci.example.com/hook with token ci-hook-secret
MASK = "********"


def hook(**fields):
    fields.setdefault("url", "https://hooks.example.com/deploy")
    fields.setdefault("tag_push_events", True)
    return v4.WebhookParamsDto(**fields)


def add(emulator, **fields):
    return emulator.call("v4", "add_repository_webhook", v4.AddRepositoryWebhookRequest(SERVICE, hook(**fields)))


def update(emulator, hook_id, body):
    """A PUT with exactly this body (the SDK leaves None fields out, so null is sent by hand)."""
    return emulator.send("PUT", "/v4/repositories/%d/hooks/%d" % (SERVICE, hook_id), body=body)


def stored_hook(emulator, hook_id):
    return next(item for item in emulator.stored(SERVICE)["webhooks"] if item["id"] == hook_id)


def test_the_token_is_masked_on_every_read_and_stored_as_sent(emulator):
    created = add(emulator, token="t0p-secret")
    assert created.status == 201 and created.body["token"] == MASK
    hook_id = created.body["id"]
    shown = emulator.call("v4", "show_repository_webhook", v4.ShowRepositoryWebhookRequest(SERVICE, hook_id))
    listed = emulator.call("v4", "list_repository_webhooks", v4.ListRepositoryWebhooksRequest(SERVICE))
    assert shown.body["token"] == MASK and {item["token"] for item in listed.body} == {MASK}
    assert stored_hook(emulator, hook_id)["token"] == "t0p-secret"
    assert "t0p-secret" not in str(emulator.log())  # the request log redacts it


def test_a_read_hook_sent_back_stores_the_mask_as_the_secret(emulator):
    read = emulator.call("v4", "show_repository_webhook", v4.ShowRepositoryWebhookRequest(SERVICE, 6001)).body
    writable = dict((field, read[field]) for field in v4.WebhookParamsDto.attribute_map.values())
    answer = update(emulator, 6001, dict(writable, description="only this changed"))
    assert answer.status_code == 200 and answer.json()["token"] == MASK  # looks the same as before...
    assert stored_hook(emulator, 6001)["token"] == MASK  # ...but the real secret is gone


@pytest.mark.parametrize("sent, kept", [
    ({}, "ci-hook-secret"),  # absent: kept
    ({"token": None}, "ci-hook-secret"),  # null: kept
    ({"token": ""}, ""),  # empty: cleared
    ({"token": "rotated"}, "rotated"),
])
def test_put_keeps_clears_or_replaces_the_token(emulator, sent, kept):
    body = dict({"url": "https://ci.example.com/hook", "push_events": True, "push_events_branch_regex_filter": ".*"},
                **sent)
    answer = update(emulator, 6001, body)
    assert answer.status_code == 200 and answer.json()["token"] == (MASK if kept else "")
    assert stored_hook(emulator, 6001)["token"] == kept


def test_put_replaces_the_whole_hook_so_a_field_left_out_returns_to_its_default(emulator):
    answer = update(emulator, 6001, {"url": "https://ci.example.com/hook", "tag_push_events": True})
    assert answer.status_code == 200
    changed = answer.json()
    assert (changed["name"], changed["push_events"], changed["push_events_branch_regex_filter"]) == ("", False, "")
    assert changed["token_type"] == "X-Repo-Token"


def test_token_type_defaults_to_x_repo_token_and_takes_the_documented_values_only(emulator):
    assert add(emulator).body["token_type"] == "X-Repo-Token"
    assert add(emulator, token_type="X-Gitlab-Token").body["token_type"] == "X-Gitlab-Token"
    assert add(emulator, token_type="X-Hub-Signature").status == 400


def test_two_hooks_may_share_a_url(emulator):
    first, second = add(emulator, name="one"), add(emulator, name="two")
    assert first.body["url"] == second.body["url"] and first.body["id"] != second.body["id"]
    listed = emulator.call("v4", "list_repository_webhooks", v4.ListRepositoryWebhooksRequest(SERVICE))
    assert listed.headers["X-Total"] == "3"


@pytest.mark.parametrize("fields", [
    {"url": "https://h.example.com/" + "x" * 480},  # url over 500
    {"url": "ftp://h.example.com/"},
    {"url": ""},
    {"token": "t" * 2001},
    {"name": "n" * 201},
    {"note_events": True, "note_plain_text_filter": ["n"] * 11},
    {"note_events": True, "note_plain_text_filter": ["n" * 51]},
    {"note_events": True},  # note events need a filter
    {"push_events": True},  # push events need a branch regex
    {"tag_push_events": False},  # no event at all
])
def test_limits_and_the_group_level_constraints_are_enforced(emulator, fields):
    answer = add(emulator, **fields)
    assert answer.status == 400 and answer.body["error_code"] == "CH.00401001"


def test_system_hooks_are_listed_only_with_include_system(emulator):
    emulator.reset(projects=[{"project_id": "d" * 32, "path": "d", "repositories": [{"id": 4200, "name": "r", "webhooks": [
        {"url": "https://pipeline.internal/hook", "push_events": True, "push_events_branch_regex_filter": ".*",
         "service": "CodeArtsPipeline"},
        {"url": "https://mine.example.com", "tag_push_events": True}]}]}])
    plain = emulator.call("v4", "list_repository_webhooks", v4.ListRepositoryWebhooksRequest(4200))
    everything = emulator.call("v4", "list_repository_webhooks", v4.ListRepositoryWebhooksRequest(4200, True))
    assert [item["url"] for item in plain.body] == ["https://mine.example.com"] and plain.headers["X-Total"] == "1"
    assert [item["service"] for item in everything.body] == ["CodeArtsPipeline", None]


def test_delete_answers_204_then_404(emulator):
    first = emulator.call("v4", "remove_repository_webhook", v4.RemoveRepositoryWebhookRequest(SERVICE, 6001))
    second = emulator.call("v4", "remove_repository_webhook", v4.RemoveRepositoryWebhookRequest(SERVICE, 6001))
    assert (first.status, second.status) == (204, 404)
