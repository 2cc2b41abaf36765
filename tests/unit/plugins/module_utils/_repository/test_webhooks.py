"""Webhooks as a keyed collection: read without their secret, written with it only when it is to be sent."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import UnreadableItem
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import RepositoryRef
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.webhooks import Webhooks, hook_body, listed_hook
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import emulator_client

VALUES = {"name": "ci", "events": ["push", "tag_push"], "push_branch_regex": ".*", "note_filter": [],
          "secret_header": "X-Repo-Token"}


def test_a_listed_hook_is_read_by_its_event_flags_and_never_holds_its_secret():
    item = listed_hook({"id": 1, "url": "https://ci.test", "push_events": True, "tag_push_events": True,
                        "note_events": False, "token": "********", "token_type": None})
    assert item.key == "https://ci.test" and item.values["events"] == ["push", "tag_push"]
    assert item.values["secret_header"] == "X-Repo-Token" and "secret" not in item.values and "token" not in item.view


@pytest.mark.parametrize("field, value", [("note_events", "yes"), ("note_plain_text_filter", "abc"),
                                          ("note_plain_text_filter", ["ok", 3]), ("name", 7), ("token_type", ["X"])])
def test_a_listed_hook_field_of_a_type_the_api_never_answers_is_refused_not_guessed(field, value):
    with pytest.raises(UnreadableItem) as refused:
        listed_hook({"id": 1, "url": "https://ci.test", field: value})
    assert refused.value.field == field


def test_the_body_sends_every_event_flag_and_the_token_only_when_given():
    body = hook_body("https://ci.test", VALUES)
    assert (body["push_events"], body["tag_push_events"], body["merge_requests_events"], body["note_events"]) == (
        True, True, False, False)
    assert "token" not in body and hook_body("https://ci.test", VALUES, "s3cret")["token"] == "s3cret"


def test_the_seeded_hook_is_listed_without_its_stored_secret(emulator):
    [hook] = Webhooks(RepositoryRef(3001)).list(emulator_client(emulator))
    assert hook.key == "https://ci.example.com/hook" and "ci-hook-secret" not in repr(hook.values) + repr(hook.view)
