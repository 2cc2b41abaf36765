"""codearts_repository and codearts_repository_info against the emulator: asynchronous creation, wrapped answers
judged by their status, a deletion answered "false", never a second create, and lookups that never guess."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_repository, codearts_repository_info

DEMO = "9f6c1d2e3b4a59687f8e9d0c1b2a3f4e"


@pytest.fixture(autouse=True)
def no_waiting(sleeps):
    """The polls of a creation wait through the retry policy's sleep, recorded instead."""
    return sleeps


def args(emulator, **options):
    return dict(dict(endpoint=emulator.url, ca_path=emulator.session.verify, token="alice-token"), **options)


def writes(emulator):
    return [entry["method"] for entry in emulator.log() if entry["method"] != "GET"]


def test_a_new_repository_is_created_waited_for_and_its_ids_returned_then_left_alone(run_module, emulator, sleeps):
    options = dict(project_id=DEMO, group="demo-project/backend", name="billing", description="Billing")
    first = run_module(codearts_repository.main, args(emulator, **options))
    again = run_module(codearts_repository.main, args(emulator, **options))
    assert first["changed"] is True and again["changed"] is False and writes(emulator) == ["POST"], first.get("msg")
    [created] = first["repositories"]
    assert isinstance(created["id"], int) and len(created["uuid"]) == 32 and created["status"] == "ready"
    assert created["group"] == "demo-project/backend" and sleeps.delays  # it was creating at the first poll


def test_check_mode_predicts_the_real_diff(run_module, emulator):
    options = dict(project_id=DEMO, name="tools-two")
    predicted = run_module(codearts_repository.main, args(emulator, **options), check_mode=True)
    real = run_module(codearts_repository.main, args(emulator, **options))
    assert writes(emulator) == ["POST"] and predicted["diff"] == real["diff"] and predicted["changed"] is real["changed"] is True


def test_a_creation_the_service_fails_says_so_and_reports_the_change(run_module, emulator):
    emulator.control("POST", "creation", {"outcome": "failed", "creating_reads": 1})
    result = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="doomed"))
    assert result["failed"] is True and result["changed"] is True and "its creation failed" in result["msg"]


def test_a_creation_whose_answer_was_lost_is_found_by_listing_and_waited_for_until_ready(run_module, emulator, sleeps):
    emulator.control("POST", "creation", {"creating_reads": 1})
    emulator.arm(kind="lost_answer", method="POST", path="/v1/repositories")
    result = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="billing"))
    assert result["changed"] is True and writes(emulator) == ["POST"], result.get("msg")
    assert [repository["status"] for repository in result["repositories"]] == ["ready"] and sleeps.delays


def test_a_creation_whose_answer_was_lost_and_that_then_fails_says_so_and_reports_the_change(run_module, emulator):
    emulator.control("POST", "creation", {"outcome": "failed", "creating_reads": 1})
    emulator.arm(kind="lost_answer", method="POST", path="/v1/repositories")
    result = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="billing"))
    assert result["failed"] is True and result["changed"] is True and "its creation failed" in result["msg"]
    assert writes(emulator) == ["POST"]


def test_a_creation_answered_without_its_uuid_is_found_by_listing_and_waited_for(run_module, emulator):
    emulator.arm(kind="wrong_type", field="result", value=5, method="POST", path="/v1/repositories", apply=True)
    result = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="billing"))
    assert result["changed"] is True and writes(emulator) == ["POST"], result.get("msg")
    assert [repository["status"] for repository in result["repositories"]] == ["ready"]


@pytest.mark.parametrize("check_mode", [True, False], ids=["check mode", "real run"])
def test_a_name_differing_only_in_letter_case_from_an_existing_one_fails_before_any_write(run_module, emulator, check_mode):
    result = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="tools"), check_mode=check_mode)
    assert result["failed"] is True and "Tools (at the project's root) exists" in result["msg"] and writes(emulator) == []


def test_a_creation_still_running_when_the_wait_ends_says_so_with_the_uuid(run_module, emulator):
    emulator.control("POST", "creation", {"creating_reads": 50})
    result = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="slow", wait_timeout=3))
    assert result["failed"] is True and result["changed"] is True and "still being created after" in result["msg"]
    assert "Its uuid is" in result["msg"]


@pytest.mark.parametrize("check_mode", [True, False], ids=["check mode", "real run"])
def test_a_rerun_on_a_repository_whose_creation_failed_fails_saying_so(run_module, emulator, check_mode):
    emulator.control("POST", "creation", {"outcome": "failed", "creating_reads": 1})
    run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="doomed"))
    again = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="doomed"), check_mode=check_mode)
    assert again["failed"] is True and again["changed"] is False and "its creation failed" in again["msg"]
    assert "state: absent" in again["msg"] and writes(emulator) == ["POST"]


def test_a_rerun_while_the_repository_is_still_being_created_waits_until_it_is_ready(run_module, emulator):
    emulator.control("POST", "creation", {"creating_reads": 4})
    first = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="slow", wait_timeout=1))
    again = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="slow"))
    assert first["failed"] is True and "still being created" in first["msg"]
    assert again.get("failed") is not True and again["changed"] is False, again.get("msg")
    assert [repository["status"] for repository in again["repositories"]] == ["ready"] and writes(emulator) == ["POST"]


def test_a_different_visibility_is_said_never_replaced(run_module, emulator):
    result = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="Tools", visibility="private"))
    assert result["changed"] is False and writes(emulator) == []
    assert any("visibility 'public', not 'private'" in str(warning) and "cannot change" in str(warning)
               for warning in result["warnings"])


def test_an_absent_repository_is_deleted_by_its_status_not_its_result_and_then_stays_gone(run_module, emulator):
    first = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="Tools", state="absent"))
    again = run_module(codearts_repository.main, args(emulator, project_id=DEMO, name="Tools", state="absent"))
    assert first["changed"] is True and again["changed"] is False and writes(emulator) == ["DELETE"]


@pytest.mark.parametrize("repository, project_id, says", [
    ("demo-project/backend/api/service", None, None),
    ("3002", None, None),
    ("demo-project/tools", DEMO, None),
    ("demo-project/tools", None, "found only with project_id"),
    ("demo-project/backend/nothing", None, "matches no repository"),
])
def test_a_repository_is_found_by_its_id_or_its_exact_path(run_module, emulator, repository, project_id, says):
    options = dict(repository=repository, project_id=project_id) if project_id else dict(repository=repository)
    result = run_module(codearts_repository_info.main, args(emulator, **options))
    if says:
        assert result["failed"] is True and says in result["msg"] and result["changed"] is False
    else:
        [found] = result["repositories"]
        assert found["path"].endswith(repository) or str(found["id"]) == repository


def test_every_repository_of_a_project_is_read_on_every_page(run_module, emulator):
    result = run_module(codearts_repository_info.main, args(emulator, project_id=DEMO))
    assert sorted(view["name"] for view in result["repositories"]) == ["Tools", "service", "service"]


@pytest.mark.parametrize("options, says", [
    (dict(project_id="xyz", name="a"), "project_id is not usable"),
    (dict(project_id=DEMO, name="bad name"), "name is not usable"),
    (dict(project_id=DEMO, name="a.git"), "name is not usable"),
    (dict(project_id=DEMO, name="a", group="backend"), "group is not usable"),
])
def test_bad_input_fails_before_any_request(run_module, emulator, options, says):
    result = run_module(codearts_repository.main, args(emulator, **options))
    assert result["failed"] is True and says in result["msg"] and emulator.log() == []
