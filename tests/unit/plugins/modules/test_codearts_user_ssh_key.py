"""codearts_user_ssh_key: adds, retitles and removes the user's SSH keys; results, diff and check mode."""

import json

import pytest
import requests

from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key, codearts_user_ssh_key_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response, warning_texts
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, fingerprint, listed


ARGS = dict(endpoint="https://codearts.test", token=TOKEN)
PRIVATE = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n"


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def test_a_new_key_is_one_post_of_the_normalised_line_then_the_keys_are_read(run_module, session):
    key = ed25519()
    session.script(listed(), response(201, dict(id=7, title="laptop", key=key)), listed((key, "laptop")))
    result = run(run_module, key="  %s  " % key.replace(" ", "\t"), title="laptop")
    assert result["changed"] is True and session.methods == ["GET", "POST", "GET"]
    assert session.sent[1].json == {"title": "laptop", "key": key}
    assert session.sent[0].url.endswith("/v4/user/keys?limit=100&offset=0")
    [view] = result["ssh_keys"]
    assert view["title"] == "laptop" and view["type"] == "ssh-ed25519" and view["fingerprint"].startswith("SHA256:")
    assert result["diff"]["before"] == {"ssh_keys": {}}
    assert result["diff"]["after"] == {"ssh_keys": {view["fingerprint"]: dict((k, view[k]) for k in ("title", "type", "fingerprint"))}}


def test_the_same_key_with_another_comment_or_spacing_is_no_change(run_module, session):
    key = ed25519("old comment")
    session.script(listed((key, "laptop")))
    result = run(run_module, key=key.replace("old comment", "new   comment"), title="laptop")
    assert result["changed"] is False and session.methods == ["GET"]


def test_another_title_is_no_change_unless_retitle_which_deletes_then_adds(run_module, session):
    key = ed25519()
    session.script(listed((key, "old")))
    assert run(run_module, key=key, title="new")["changed"] is False
    session.script(listed((key, "old")), response(204, raw=b""), response(201, dict(id=8, title="new", key=key)),
                   listed((key, "new")))
    result = run(run_module, key=key, title="new", retitle=True)
    assert result["changed"] is True and session.methods[-4:] == ["GET", "DELETE", "POST", "GET"]
    assert session.sent[-3].url.endswith("/v4/user/keys/100")


def test_exclusive_adds_before_it_deletes(run_module, session):
    keep, new, old = ed25519(), ed25519(), ed25519()
    session.script(listed((keep, "keep"), (old, "old")), response(201, dict(id=9, title="new", key=new)), response(204, raw=b""),
                   listed((keep, "keep"), (new, "new"), first_id=200))
    result = run(run_module, exclusive=True, keys=[dict(key=keep, title="keep"), dict(key=new, title="new")])
    assert session.methods == ["GET", "POST", "DELETE", "GET"] and session.sent[2].url.endswith("/v4/user/keys/101")
    assert [view["title"] for view in result["ssh_keys"]] == ["keep", "new"]


@pytest.mark.parametrize("args, message", [
    (dict(exclusive=True, keys=[]), "exclusive with an empty keys list would delete every SSH key"),
    (dict(exclusive=True, key=None, keys=None, title="x"), "title without key, names a key to remove: use them with state: absent"),
    (dict(key="ssh-ed25519 AAAA", exclusive=True), "exclusive needs keys"),
    (dict(keys=[dict(key="x y z")]), "keys[0].key is not a usable SSH public key"),
    (dict(key=ed25519(), title="t" * 1001), "title is not usable: it is 1001 characters long, and the service takes 1 to 1000"),
])
def test_bad_input_fails_before_any_request(run_module, session, args, message):
    result = run(run_module, **dict((key, value) for key, value in args.items() if value is not None))
    assert result["failed"] is True and message in result["msg"] and session.sent == []


def test_the_same_key_twice_in_the_list_is_refused_naming_both(run_module, session):
    key = ed25519()
    result = run(run_module, keys=[dict(key=key), dict(key=key.replace("user@host", "other"))])
    assert "keys[1].key is the same key as keys[0].key" in result["msg"] and session.sent == []


def test_a_private_key_is_refused_masked_and_never_echoed(run_module, session):
    result = run(run_module, keys=[dict(key=ed25519()), dict(key=PRIVATE)])
    assert "keys[1].key is not usable: it is a private key" in result["msg"]
    assert "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU" not in json.dumps(result) and session.sent == []


def test_an_empty_exclusive_list_with_allow_no_keys_deletes_everything(run_module, session):
    session.script(listed((ed25519(), "a")), response(204, raw=b""), listed())
    result = run(run_module, exclusive=True, keys=[], allow_no_keys=True)
    assert result["changed"] is True and result["ssh_keys"] == [] and session.methods == ["GET", "DELETE", "GET"]


def test_a_lost_answer_to_the_post_is_settled_by_listing_not_by_a_second_post(run_module, session):
    key = ed25519()
    session.script(listed(), requests.exceptions.ReadTimeout(), listed((key, "laptop")), listed((key, "laptop")))
    result = run(run_module, key=key, title="laptop")
    assert result["changed"] is True and session.methods == ["GET", "POST", "GET", "GET"]


def test_a_key_another_user_holds_fails_saying_so(run_module, session):
    key = ed25519()
    session.script(listed(), response(400, {"error_code": "CH.080002", "error_msg": "The key already exists. Generate a new one."}),
                   listed())
    result = run(run_module, key=key, title="laptop")
    assert result["failed"] is True and "held by another CodeArts Repo user" in result["msg"]
    assert session.methods == ["GET", "POST", "GET"]


def test_a_key_someone_else_added_meanwhile_is_a_change_of_the_keys_that_the_task_names_as_not_its_own(run_module, session):
    """The key appeared between the listing and the POST (an earlier run's add, listed late, or a parallel run): the
    user's keys changed between the task's two listings, and a warning says this task's add was refused."""
    key = ed25519()
    session.script(listed(), response(400, {"error_code": "CH.080002", "error_msg": "exists"}), listed((key, "laptop")),
                   listed((key, "laptop")))
    result = run(run_module, key=key, title="laptop")
    assert "failed" not in result and result["changed"] is True
    assert any("added meanwhile by someone else" in warning for warning in warning_texts(result))


def test_a_key_already_gone_counts_as_deleted_once_a_listing_shows_it_gone(run_module, session):
    key = ed25519()
    session.script(listed((key, "a")), response(404, {"error_code": "CH.080404"}), listed(), listed())
    result = run(run_module, key=key, state="absent")
    assert result["changed"] is True and session.methods == ["GET", "DELETE", "GET", "GET"]


def test_a_404_to_a_delete_while_the_key_is_still_listed_is_a_failure_not_a_change(run_module, session):
    key = ed25519()
    session.script(listed((key, "a")), response(404, {"error_code": "APIGW.0101"}), listed((key, "a")))
    result = run(run_module, key=key, state="absent")
    assert result["failed"] is True and result["changed"] is False and "is still there" in result["msg"]


def test_check_mode_predicts_and_sends_only_reads(run_module, session):
    keep, old = ed25519(), ed25519()
    session.script(listed((keep, "keep"), (old, "old")))
    new = ed25519()
    result = run(run_module, check_mode=True, exclusive=True, keys=[dict(key=keep, title="keep"), dict(key=new, title="new")])
    assert result["changed"] is True and session.methods == ["GET"]
    assert [(view["title"], view["id"]) for view in result["ssh_keys"]] == [("keep", 100), ("new", None)]


def test_every_page_is_read_whatever_total_says(run_module, session):
    keys = [(ed25519(), "k%d" % index) for index in range(250)]
    pages = [response(200, {"keys": [dict(id=index, title=title, key=line) for index, (line, title) in enumerate(keys)
                                     if start <= index < start + 100], "total": 3}) for start in (0, 100, 200)]
    session.script(*pages)
    result = run_module(codearts_user_ssh_key_info.main, ARGS)
    assert len(result["ssh_keys"]) == 250 and session.methods == ["GET"] * 3
    assert session.sent[2].url.endswith("limit=100&offset=200")


def test_a_page_that_never_ends_is_stopped_by_its_repeated_ids(run_module, session):
    page = {"keys": [dict(id=index, title="k", key=ed25519()) for index in range(100)]}
    session.script(response(200, page), response(200, page))
    result = run_module(codearts_user_ssh_key_info.main, ARGS)
    assert result["failed"] is True and "listed the same id 0 twice" in result["msg"]


def test_the_info_module_filters_by_title_and_fingerprint(run_module, session):
    first, second = ed25519(), ed25519()
    session.script(listed((first, "a"), (second, "b")))
    everything = run_module(codearts_user_ssh_key_info.main, ARGS)["ssh_keys"]
    session.script(listed((first, "a"), (second, "b")))
    by_print = run_module(codearts_user_ssh_key_info.main, dict(ARGS, fingerprint=everything[1]["fingerprint"][7:]))
    session.script(listed((first, "a"), (second, "b")))
    by_title = run_module(codearts_user_ssh_key_info.main, dict(ARGS, title="a"))
    assert [view["title"] for view in by_print["ssh_keys"]] == ["b"] and [view["title"] for view in by_title["ssh_keys"]] == ["a"]


def test_ten_thousand_keys_are_all_read_and_a_page_cap_stops_an_endless_list(run_module, session):
    lines = [ed25519() for _line in range(10000)]
    pages = [response(200, {"keys": [dict(id=index, title="k", key=lines[index]) for index in range(start, start + 100)],
                            "total": 100}) for start in range(0, 10000, 100)]
    session.script(*(pages + [response(200, {"keys": [], "total": 100})]))
    result = run_module(codearts_user_ssh_key_info.main, ARGS)
    assert len(result["ssh_keys"]) == 10000 and len(session.sent) == 101


def test_a_key_line_of_a_megabyte_is_listed_as_unparsable_and_exclusive_deletes_it(run_module, session):
    huge, mine = "ssh-ed25519 " + "A" * 1000000, ed25519()
    session.script(response(200, {"keys": [dict(id=1, title="huge", key=huge)]}), response(201, dict(id=2, title="mine", key=mine)),
                   response(204, raw=b""), listed((mine, "mine")))
    result = run(run_module, exclusive=True, keys=[dict(key=mine, title="mine")])
    assert result["diff"]["before"] == {"ssh_keys": {"with id 1": {"title": "huge", "type": None, "fingerprint": None}}}
    assert session.methods == ["GET", "POST", "DELETE", "GET"] and len(json.dumps(result)) < 10000


def test_a_lost_answer_to_a_delete_is_retried_and_a_404_then_means_gone(run_module, session, sleeps):
    key = ed25519()
    session.script(listed((key, "a")), requests.exceptions.ReadTimeout(), response(404, {"error_code": "CH.080404"}), listed(),
                   listed())
    result = run(run_module, key=key, state="absent")
    assert result["changed"] is True and session.methods == ["GET", "DELETE", "DELETE", "GET", "GET"]


@pytest.mark.parametrize("key_id", ["1/../../emails", True, None, 1.5])
def test_a_listed_key_whose_id_is_no_number_stops_the_task_before_any_write(run_module, session, key_id):
    """Found by attacking the change: with exclusive, the add landed first and only the delete found the bad id."""
    session.script(response(200, {"keys": [{"id": key_id, "title": TOKEN, "key": ed25519()}]}))
    result = run(run_module, exclusive=True, keys=[dict(key=ed25519())])
    assert result["failed"] is True and "listed a key whose id is not a number" in result["msg"]
    assert session.methods == ["GET"] and TOKEN not in json.dumps(result)


@pytest.mark.parametrize("fingerprint", ["MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48", "SHA256:short", "laptop"])
def test_the_info_module_refuses_a_fingerprint_ssh_keygen_would_not_show(run_module, session, fingerprint):
    result = run_module(codearts_user_ssh_key_info.main, dict(ARGS, fingerprint=fingerprint))
    assert result["failed"] is True and "is not a SHA-256 fingerprint as ssh-keygen -l shows it" in result["msg"]
    assert session.sent == []


def test_a_delete_applied_then_answered_500_whose_retry_never_left_is_settled_by_listing(run_module, session, sleeps):
    """The retry's own failure (never sent) must not hide that the first attempt may have deleted the key."""
    from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import NotStarted, connect_failure
    key = ed25519()
    session.script(listed((key, "a")), response(500, {"error_code": "X", "error_msg": "x"}), NotStarted(connect_failure()),
                   listed(), listed())
    result = run(run_module, key=key, state="absent", retries=1)
    assert session.methods == ["GET", "DELETE", "DELETE", "GET", "GET"]
    assert "failed" not in result and result["changed"] is True


def test_plain_key_lines_are_accepted_in_keys_beside_dictionaries(run_module, session):
    plain, titled = ed25519("dev@laptop"), ed25519()
    session.script(listed(), response(201, dict(id=7, title="dev@laptop", key=plain)), response(201, dict(id=8, title="ci", key=titled)),
                   listed((plain, "dev@laptop"), (titled, "ci")))
    result = run(run_module, keys=[plain, dict(key=titled, title="ci")])
    assert result["changed"] is True and [sent.json["title"] for sent in session.sent if sent.method == "POST"] == ["dev@laptop", "ci"]


def test_a_key_whose_pub_file_is_gone_is_removed_by_its_fingerprint_in_every_copy(run_module, session):
    gone, kept = ed25519(), ed25519()
    session.script(listed((gone, "old laptop"), (kept, "ci"), (gone, "copy")), response(204, raw=b""), response(204, raw=b""),
                   listed((kept, "ci"), first_id=101))
    result = run(run_module, fingerprint=fingerprint(gone), state="absent")
    assert result["changed"] is True and [sent.url.rsplit("/", 1)[1] for sent in session.sent if sent.method == "DELETE"] == ["100", "102"]
    assert sorted(view["title"] for view in result["removed"]) == ["copy", "old laptop"] and result["added"] == []


def test_a_fingerprint_no_key_has_changes_nothing(run_module, session):
    session.script(listed((ed25519(), "ci")))
    result = run(run_module, fingerprint=fingerprint(ed25519()), state="absent")
    assert result["changed"] is False and session.methods == ["GET"]


def test_a_key_is_removed_by_its_exact_title(run_module, session):
    old, other = ed25519(), ed25519()
    session.script(listed((old, "old laptop"), (other, "old laptop 2")), response(204, raw=b""), listed((other, "old laptop 2"), first_id=101))
    result = run(run_module, title="old laptop", state="absent")
    assert result["changed"] is True and [view["fingerprint"] for view in result["removed"]] == [fingerprint(old)]


def test_a_title_two_different_keys_share_is_refused_naming_both_before_any_write(run_module, session):
    first, second = ed25519(), ed25519()
    session.script(listed((first, "laptop"), (second, "laptop")))
    result = run(run_module, title="laptop", state="absent")
    assert result["failed"] is True and result["changed"] is False and session.methods == ["GET"]
    assert fingerprint(first) in result["msg"] and fingerprint(second) in result["msg"] and "Nothing was changed." in result["msg"]


def test_the_same_key_under_another_title_is_left_alone_with_a_warning_naming_retitle(run_module, session):
    key = ed25519()
    session.script(listed((key, "old")))
    result = run(run_module, key=key, title="new")
    assert result["changed"] is False and session.methods == ["GET"]
    assert any("title 'old', not 'new'" in warning and "retitle: true" in warning for warning in warning_texts(result))


def test_a_rotation_shows_the_removed_and_the_added_key_as_such_in_the_diff(run_module, session):
    old, new = ed25519(), ed25519()
    session.script(listed((old, "laptop")), response(201, dict(id=9, title="laptop", key=new)), response(204, raw=b""),
                   listed((new, "laptop"), first_id=200))
    result = run(run_module, exclusive=True, keys=[dict(key=new, title="laptop")])
    assert list(result["diff"]["before"]["ssh_keys"]) == [fingerprint(old)]
    assert list(result["diff"]["after"]["ssh_keys"]) == [fingerprint(new)]
    assert [view["fingerprint"] for view in result["removed"]] == [fingerprint(old)]
    assert [view["fingerprint"] for view in result["added"]] == [fingerprint(new)]


def test_the_info_module_returns_each_keys_public_line_to_feed_back(run_module, session):
    key = ed25519("dev@laptop")
    session.script(listed((key, "laptop")))
    result = run_module(codearts_user_ssh_key_info.main, ARGS)
    assert result["ssh_keys"][0]["key"] == key


def run_ssh(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def test_a_retitle_whose_new_key_gets_the_old_id_back_succeeds_with_the_new_title(run_module, session):
    """Promise: never report a failure for a change that was made as asked (and every failure must be true).

    Situation: retitle: true;
    """
    key = ed25519()
    session.script(listed((key, "old")), response(204), response(201, dict(id=100, title="new", key=key)),
                   listed((key, "new")))
    result = run_ssh(run_module, key=key, title="new", retitle=True)
    assert session.methods == ["GET", "DELETE", "POST", "GET"]
    assert not result.get("failed"), result["msg"]
    assert result["changed"] is True and [view["title"] for view in result["ssh_keys"]] == ["new"]


def test_state_absent_deletes_every_copy_of_a_key_the_service_lists_twice(run_module, session):
    """Promise: the task makes the keys what it says (state absent: the key is gone), and check mode/diff/result
    tell the truth.

    Situation: the service lists the same key line under two ids (101 and 102).
    """
    key = ed25519()
    session.script(listed((key, "a"), (key, "b")), response(204, raw=b""), response(204, raw=b""), listed())
    result = run(run_module, key=key, state="absent")
    assert session.methods == ["GET", "DELETE", "DELETE", "GET"]
    assert result["changed"] is True and not result.get("failed")
    assert fingerprint(key) not in [view["fingerprint"] for view in result["ssh_keys"]]
