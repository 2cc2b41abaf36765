"""A task reports what the service holds: its result and diff are the listing after the writes, changed is whether
the keys it governs differ between the listings before and after, and a listing that contradicts the task fails
it, saying what the service holds. Check mode predicts exactly what the real run then reports."""

import html
import unicodedata

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response, warning_texts
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, fingerprint, listed
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_service import (
    KeyService,
    blob_of,
    key_line,
    run_ssh_key_task,
)


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=1)
LINE = key_line(1)


def task(service, check_mode=False, **args):
    return run_ssh_key_task(service, dict(ARGS, _ansible_check_mode=check_mode, **args))


def test_a_retitle_over_two_copies_of_one_key_ends_with_one_copy_under_the_wanted_title_as_check_mode_predicted():
    def copies():
        service = KeyService([(LINE, "laptop"), (key_line(2), "other"), (LINE, "copy")])
        return service
    predicted = task(copies(), check_mode=True, key=LINE, title="wanted", retitle=True)
    service = copies()
    result = task(service, key=LINE, title="wanted", retitle=True)
    assert "failed" not in result and result["changed"] is True
    assert [key["title"] for key in service.keys if blob_of(key["key"]) == blob_of(LINE)] == ["wanted"]
    assert result["diff"] == predicted["diff"] and predicted["changed"] is True
    assert sorted(view["title"] for view in result["removed"]) == ["copy", "laptop"]
    assert [view["title"] for view in result["added"]] == ["wanted"]


def test_a_delete_answered_404_whose_settling_listing_fails_reports_changed_and_says_it_cannot_tell():
    service = KeyService([(LINE, "laptop")], fates=["answered", "answered", "500", "500"])
    service.meanwhile = {2: lambda model: setattr(model, "keys", [])}  # the key goes before the DELETE arrives
    result = task(service, key=LINE, state="absent")
    assert result["failed"] is True and result["changed"] is True
    assert "may or may not have been deleted" in result["msg"]


@pytest.mark.parametrize("stored, title", [
    (html.escape, "Dev & <Ops> laptop"),
    (lambda title: unicodedata.normalize("NFC", title), "cafe\u0301 laptop"),
    (lambda title: title[:255], "t" * 300),
], ids=["HTML-escaped", "NFC-normalised", "cut to 255"])
def test_a_service_that_rewrites_titles_makes_a_retitle_change_once_and_then_never_again(stored, title):
    service = KeyService([(LINE, "old")], stored_title=stored)
    first = task(service, key=LINE, title=title, retitle=True)
    assert "failed" not in first and first["changed"] is True
    second = task(service, key=LINE, title=title, retitle=True)
    assert "failed" not in second and second["changed"] is False and service.methods[-1:] == ["GET"]


def test_a_key_someone_else_added_between_the_listing_and_the_post_is_a_change_the_task_names_as_not_its_own():
    service = KeyService([], meanwhile={2: lambda model: model.add(LINE, "theirs")})
    result = task(service, key=LINE, title="mine")
    assert "failed" not in result and result["changed"] is True
    assert any("added meanwhile by someone else" in warning for warning in warning_texts(result))
    assert service.posted[blob_of(LINE)] == 1


def test_a_key_someone_else_deleted_between_the_listing_and_the_delete_is_a_change_the_task_does_not_claim():
    service = KeyService([(LINE, "laptop")], meanwhile={2: lambda model: setattr(model, "keys", [])})
    result = task(service, key=LINE, state="absent")
    assert "failed" not in result and result["changed"] is True
    assert any("deleted meanwhile by someone else" in warning for warning in warning_texts(result))


def test_another_title_listed_after_a_retitle_fails_the_task_saying_what_the_service_holds():
    service = KeyService([(LINE, "old")], stored_title=lambda title: "renamed by the service")
    result = task(service, key=LINE, title="wanted", retitle=True)
    assert result["failed"] is True and result["changed"] is True
    assert "listing afterwards shows the SSH key %s holds title 'renamed by the service'" % fingerprint(LINE) in result["msg"]


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


@pytest.mark.parametrize("state, answer, after, changed", [
    # A DELETE answered 404 is not a landed change: the listing that still shows the key decides, and nothing changed.
    ("absent", response(404, {"error_code": "CH.000404", "error_msg": "route not found"}), "still listed", False),
    # A POST answered 200 is one the service said it took: changed, though the listing afterwards does not show it.
    ("present", response(200, {"error_code": "CH.080002", "error_msg": "The key already exists"}), "not listed", True),
], ids=["delete_404_key_still_listed", "post_200_error_body_key_not_listed"])
def test_a_write_the_listing_afterwards_contradicts_fails_saying_what_the_service_holds(
        run_module, session, state, answer, after, changed):
    """A task never reports success the last listing contradicts; changed is true only when the listings differ or
    the service answered a write as done, and the message then names that write."""
    key = ed25519()
    session.script(listed((key, "a")) if state == "absent" else listed(), answer,
                   listed((key, "a")) if after == "still listed" else listed())
    result = run(run_module, key=key, title="a", state=state)
    assert session.methods == ["GET", "DELETE" if state == "absent" else "POST", "GET"]
    assert result["failed"] is True and result["changed"] is changed
    shown = {"still listed": "is still there", "not listed": "is not listed"}[after]
    assert "afterwards shows the SSH key %s %s" % (fingerprint(key), shown) in result["msg"]
    assert ("add an SSH key %s" % fingerprint(key) in result["msg"]) is changed


def test_a_retitle_whose_delete_of_a_copy_did_not_happen_fails_saying_the_key_is_listed_twice(run_module, session):
    key = ed25519()
    session.script(listed((key, "a"), (key, "b")), response(204, raw=b""), response(204, raw=b""),
                   response(201, {"id": 102, "title": "wanted", "key": key}),
                   listed((key, "b"), (key, "wanted"), first_id=101))
    result = run_module(codearts_user_ssh_key.main, dict(ARGS, key=key, title="wanted", retitle=True))
    assert session.methods == ["GET", "DELETE", "DELETE", "POST", "GET"]
    assert result["failed"] is True and result["changed"] is True
    assert "afterwards shows the SSH key %s is listed 2 times" % fingerprint(key) in result["msg"]
