"""The user's GPG keys: filters checked before any request, answers that are no keys refused."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.gpg_keys import checked_filter, list_gpg_keys, matching
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import response

FINGERPRINT = "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2"
KEY = {"id": 1, "fingerprint": FINGERPRINT, "primary_keyid": FINGERPRINT[-16:]}
OTHER = {"id": 2, "fingerprint": "A" * 40, "primary_keyid": "A" * 16}


def test_a_fingerprint_is_matched_whatever_its_spaces_case_or_0x():
    spaced = " ".join(FINGERPRINT[index:index + 4] for index in range(0, 40, 4)).lower()
    assert matching([KEY, OTHER], fingerprint=spaced) == [KEY]
    assert matching([KEY, OTHER], primary_keyid="0x" + FINGERPRINT[-16:]) == [KEY]
    assert matching([KEY, OTHER]) == [KEY, OTHER]


@pytest.mark.parametrize("option, value", [("fingerprint", "ABC"), ("fingerprint", "G" * 40), ("primary_keyid", "A" * 40)])
def test_a_filter_no_key_can_match_is_refused_naming_the_option(option, value):
    with pytest.raises(CodeArtsConfigError, match="%s is not usable: it must be" % option):
        checked_filter(option, value)


@pytest.mark.parametrize("answer, keys", [(None, []), ({}, []), ([], []), (KEY, [KEY]), ([KEY, OTHER], [KEY, OTHER])],
                         ids=["null", "empty_object", "empty_list", "one_object", "a_list"])
def test_an_empty_answer_one_key_or_a_list_are_read_as_keys(make_client, session, answer, keys):
    session.script(response(200, answer) if answer is not None else response(200, raw=b"null"))
    assert list_gpg_keys(make_client()) == keys


@pytest.mark.parametrize("answer", [{"keys": [KEY], "total": 1}, [KEY, "x"], "a string"])
def test_an_answer_that_holds_no_keys_is_refused(make_client, session, answer):
    session.script(response(200, answer))
    with pytest.raises(CodeArtsRequestError, match="neither a GPG key object nor a list of them"):
        list_gpg_keys(make_client())
