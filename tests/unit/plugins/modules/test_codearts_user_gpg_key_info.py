"""codearts_user_gpg_key_info: filters, and answers that are not GPG keys."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules.codearts_user_gpg_key_info import main
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response


ARGS = dict(endpoint="https://codearts.test", token=TOKEN)
LAPTOP = {"id": 1, "title": "laptop", "fingerprint": "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2",
          "primary_keyid": "3AA5C34371567BD2", "brand_new_field": [1]}
SERVER = {"id": 2, "title": "server", "fingerprint": "0F1E2D3C4B5A69788796A5B4C3D2E1F00A1B2C3D",
          "primary_keyid": "C3D2E1F00A1B2C3D"}


@pytest.mark.parametrize("answer, keys", [
    ([LAPTOP, SERVER], [LAPTOP, SERVER]),
    (LAPTOP, [LAPTOP]),  # one object, as the API page and the SDK model describe it
    ({}, []), ([], []), (None, []),
])
def test_one_object_or_a_list_becomes_a_list(run_module, session, answer, keys):
    session.script(response(200, raw=b"null") if answer is None else response(200, answer))
    result = run_module(main, ARGS)
    assert result["changed"] is False and result["gpg_keys"] == keys
    assert session.methods == ["GET"]


@pytest.mark.parametrize("filters, titles", [
    (dict(fingerprint="5fde 09f4 f30e 6f2f 7b87  e0a9 3aa5 c343 7156 7bd2"), ["laptop"]),
    (dict(primary_keyid="0xc3d2e1f00a1b2c3d"), ["server"]),
    (dict(fingerprint=LAPTOP["fingerprint"], primary_keyid="C3D2 E1F0 0A1B 2C3D"), []),
])
def test_keys_are_filtered_by_fingerprint_and_primary_key_id(run_module, session, filters, titles):
    session.script(response(200, [LAPTOP, SERVER]))
    result = run_module(main, dict(ARGS, **filters))
    assert [key["title"] for key in result["gpg_keys"]] == titles


@pytest.mark.parametrize("answer", [[1, 2], "a text", [LAPTOP, "x"], 7])
def test_an_answer_of_another_shape_is_a_clear_error(run_module, session, answer):
    session.script(response(200, answer))
    result = run_module(main, ARGS)
    assert result["failed"] is True and "neither a GPG key object nor a list" in result["msg"]


@pytest.mark.parametrize("filters, says", [
    (dict(fingerprint="5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD"), "fingerprint is not usable: it must be 40 or 64"),
    (dict(fingerprint="not a fingerprint at all, forty chars.."), "fingerprint is not usable"),
    (dict(primary_keyid="0A1B2C3D"), "primary_keyid is not usable: it must be 16 hexadecimal digits"),
])
def test_a_filter_no_key_can_match_is_refused_before_any_request(run_module, session, filters, says):
    result = run_module(main, dict(ARGS, **filters))
    assert result["failed"] is True and says in result["msg"] and session.sent == []


def test_a_gpg_answer_that_wraps_the_list_is_refused_saying_what_came_back(run_module, session):
    """Promise: a hostile or unexpected answer is refused clearly, not returned as data.

    Situation: GET /v4/user/gpg-keys answers {"keys": [...], "total": 1}, the shape the SSH key list of the
    same API uses.
    """
    from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_gpg_key_info
    gpg = {"id": 1, "title": "laptop", "fingerprint": "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2",
           "primary_keyid": "3AA5C34371567BD2"}
    session.script(response(200, {"keys": [gpg], "total": 1}))
    result = run_module(codearts_user_gpg_key_info.main, dict(ARGS, fingerprint=gpg["fingerprint"]))
    assert result["failed"] is True and session.methods == ["GET"]
    assert "neither a GPG key object nor a list of them" in result["msg"] and "gpg_keys" not in result
