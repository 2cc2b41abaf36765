"""The user's SSH keys as the reconciler's adapter: how a listing is read, how keys are named and compared."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.ssh_keys import UserSshKeys, listed_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, fingerprint


def test_a_listed_key_is_identified_by_its_blob_and_shown_with_its_fingerprint():
    line = ed25519("laptop@host")
    item = listed_key({"id": 7, "title": "laptop", "key": line, "created_at": "2026-01-01"})
    assert item.id == 7 and item.values == {"title": "laptop"}
    assert item.view == {"id": 7, "title": "laptop", "type": "ssh-ed25519", "fingerprint": fingerprint(line),
                         "key": line, "created_at": "2026-01-01"}
    assert UserSshKeys().named(item.key) == fingerprint(line)


def test_a_listed_line_that_is_no_key_is_kept_by_its_id_and_never_parsed_when_huge():
    item = listed_key({"id": 9, "title": "x", "key": "not a key"})
    assert item.key == ("unparsable", 9) and item.view["fingerprint"] is None
    assert UserSshKeys().named(item.key) == "with id 9"
    assert listed_key({"id": 10, "key": "ssh-ed25519 " + "A" * 100000}).view["key"] is None


def test_a_title_is_cut_to_what_the_api_allows_and_odd_fields_are_dropped():
    item = listed_key({"id": 1, "title": "t" * 5000, "key": ed25519(), "created_at": {"nested": 1}})
    assert len(item.view["title"]) <= 1000 and item.view["title"].endswith("...")
    assert item.view["created_at"] is None


def test_titles_are_compared_in_the_forms_the_service_stores():
    assert UserSshKeys().same("title", "Dev & Ops", "Dev &amp; Ops")
    assert not UserSshKeys().same("title", "Dev", "Ops")


def test_a_refusal_as_a_duplicate_is_known_by_its_code_or_its_words():
    keys = UserSshKeys()
    assert keys.refused_as_duplicate(CodeArtsRequestError("POST", "/v4/user/keys", "refused", status=400, error_code="CH.080002"))
    assert keys.refused_as_duplicate(CodeArtsRequestError("POST", "/v4/user/keys", "refused", status=400,
                                                          error_msg="The key already exists"))
    assert not keys.refused_as_duplicate(CodeArtsRequestError("POST", "/v4/user/keys", "refused", status=400,
                                                              error_msg="title too long"))
