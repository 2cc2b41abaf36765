"""The commit email: usable addresses, comparing them, and the read and write calls."""

from collections import Counter

import pytest
import requests
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    CodeArtsConfigError,
    CodeArtsRequestError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import (
    checked_email,
    read_user,
    same_email,
    write_email,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import dropped_connection, response


OLD = {"name": "alice", "commit_email": "alice@example.com"}
NEW = {"name": "alice", "commit_email": "alice.new@example.com"}


def test_a_clean_write_returns_the_answer(make_client, session):
    session.script(response(200, NEW))

    assert write_email(make_client(), "alice.new@example.com", "CODE") == (NEW, False)
    assert session.sent[0].json == {"email": "alice.new@example.com", "verify_code": "CODE"}


def test_no_code_means_no_code_field(make_client, session):
    session.script(response(200, NEW))

    write_email(make_client(), "alice.new@example.com")

    assert session.sent[0].json == {"email": "alice.new@example.com"}


@pytest.mark.parametrize("lost_answer", [requests.exceptions.ReadTimeout, dropped_connection,
                                         lambda: response(502, raw=b"<html><title>Bad Gateway</title></html>")])
def test_a_lost_answer_is_settled_by_reading_not_by_writing_again(make_client, session, lost_answer):
    session.script(lost_answer(), response(200, NEW))

    assert write_email(make_client(), "alice.new@example.com", "CODE") == (NEW, True)
    assert session.methods == ["PUT", "GET"]


def test_a_lost_answer_of_a_write_that_did_not_land_is_raised(make_client, session):
    session.script(requests.exceptions.ReadTimeout(), response(200, OLD))

    with pytest.raises(CodeArtsRequestError) as caught:
        write_email(make_client(), "alice.new@example.com", "CODE")

    assert session.methods == ["PUT", "GET"]
    assert "no answer from" in str(caught.value)
    assert "shows the change was not applied" in str(caught.value)


def test_when_the_confirming_read_fails_too_both_are_reported(make_client, session):
    session.script(requests.exceptions.ReadTimeout(), *[response(503, {"error_code": "E", "error_msg": "busy"})] * 4)

    with pytest.raises(CodeArtsRequestError) as caught:
        write_email(make_client(), "alice.new@example.com", "CODE")

    assert session.methods == ["PUT", "GET", "GET", "GET", "GET"]
    assert caught.value.method == "PUT"
    assert "may or may not have been applied" in str(caught.value)


def test_a_refused_write_is_not_followed_by_a_read(make_client, session):
    session.script(response(400, {"error": {"code": "DEV.CH.10002", "message": "bad code"}}))

    with pytest.raises(CodeArtsRequestError) as caught:
        write_email(make_client(), "alice.new@example.com", "CODE")

    assert session.methods == ["PUT"]
    assert caught.value.error_code == "DEV.CH.10002"


@pytest.mark.parametrize("stored, wanted", [("info@strasse.de", "info@stra\u00dfe.de"), ("k@example.com", "\u212a@example.com")])
def test_only_ascii_letters_fold_case_in_an_email_address(stored, wanted):
    assert not same_email(stored, wanted)
    assert same_email("Info@Example.COM", "info@example.com")


ALICE = {"id": 7, "name": "alice", "commit_email": "alice@example.com"}


def test_a_commit_email_that_is_not_text_is_a_clear_error_on_read(make_client, session):
    session.script(response(200, dict(ALICE, commit_email=12345)))

    with pytest.raises(CodeArtsRequestError, match="commit_email that is a int, not an email address"):
        read_user(make_client())


# Derandomised: the same 300 examples every run, so CI cannot turn red on a lucky seed.
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)
LOCAL_PARTS = st.text("abcdefghijklmnopqrstuvwxyz0123456789._+-", min_size=1, max_size=40)
DOMAINS = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20), min_size=2, max_size=4).map(".".join)


def test_an_email_is_accepted_stripped_or_refused_with_a_typed_error():
    """Valid addresses, then mutated (an insert anywhere, padding, length): both branches must be reached."""
    reached = Counter()

    @SETTINGS
    @given(local=LOCAL_PARTS, domain=DOMAINS, insert=st.text(max_size=3), where=st.floats(0, 1),
           mutate=st.sampled_from(["none", "insert", "pad", "long"]))
    def attack(local, domain, insert, where, mutate):
        value = "%s@%s" % (local, domain)
        cut = int(where * len(value))
        if mutate == "insert":
            value = value[:cut] + insert + value[cut:]
        elif mutate == "pad":
            value = " \t" + value + "\n "
        elif mutate == "long":
            value = "x" * 1000 + value
        try:
            address = checked_email(value)
        except CodeArtsConfigError as exc:
            assert str(exc).startswith("email is not a usable address: ")
            reached["refused"] += 1
        else:
            assert address == address.strip() and 0 < len(address) <= 1000 and address.count("@") == 1
            reached["accepted"] += 1

    attack()
    assert reached["accepted"] >= 100 and reached["refused"] >= 50, reached


@pytest.mark.parametrize("value, expected", [
    ("dev@example.com", "dev@example.com"),
    ("  Dev.Ops+ci@Sub.Example.COM \n", "Dev.Ops+ci@Sub.Example.COM"),
    ("a@b.c", "a@b.c"),
    ("x" * 988 + "@example.com", "x" * 988 + "@example.com"),
])
def test_usable_addresses_come_back_stripped(value, expected):
    assert checked_email(value) == expected


@pytest.mark.parametrize("value, reason", [
    (None, "it is empty"),
    ("", "it is empty"),
    ("  \t ", "it is empty"),
    ("x" * 989 + "@example.com", "1001 characters long"),
    ("dev example.com", "space or a control character"),
    ("dev@exam\x00ple.com", "space or a control character"),
    ("dev@exam\x7fple.com", "space or a control character"),
    ("dev.example.com", "exactly one @"),
    ("@example.com", "exactly one @"),
    ("dev@@example.com", "exactly one @"),
    ("dev@localhost", "a domain such as example.com"),
    ("dev@example..com", "a domain such as example.com"),
    ("dev@.example.com", "a domain such as example.com"),
    ("dev@", "a domain such as example.com"),
])
def test_unusable_addresses_name_the_option_and_the_reason(value, reason):
    with pytest.raises(CodeArtsConfigError) as caught:
        checked_email(value)
    assert str(caught.value).startswith("email is not a usable address: ")
    assert reason in str(caught.value)
    assert "Nothing was sent" in str(caught.value)


@pytest.mark.parametrize("first, second, same", [
    ("dev@example.com", "dev@example.com", True),
    ("Dev@Example.COM", "dev@example.com", True),
    (" dev@example.com ", "dev@example.com", True),
    ("dev@example.com", "dev2@example.com", False),
    (None, "dev@example.com", False),
    ("dev@example.com", None, False),
])
def test_same_email_ignores_case_and_surrounding_space(first, second, same):
    assert same_email(first, second) is same
