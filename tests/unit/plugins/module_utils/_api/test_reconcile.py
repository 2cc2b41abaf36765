"""The flow every keyed module shares: list, plan, act unless in check mode, settle unclear writes by listing,
verify by listing, and report what the service then holds."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import Call
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.reconcile import reconcile
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.keyed_service import Client, Module, Resource, Service


def run(items, wanted, fates=(), check_mode=False, state="present", exclusive=False, in_place=True):
    service = Service(items, fates)
    module = Module(check_mode)
    resource = Resource(service, in_place)
    resource.list_call = Call("list items", "GET", "/v4/items", "x")
    wanted = [Wanted(key, {"value": value}, frozenset(("value",)), key) for key, value in wanted]
    try:
        return reconcile(module, Client(module), resource, wanted, state, exclusive), service, module
    except CodeArtsRequestError as error:
        return error, service, module


def test_an_item_already_as_wanted_costs_one_listing_and_reports_no_change():
    result, service, _module = run([("a", 1)], [("a", 1)])
    assert service.sent == [("list",)] and result["changed"] is False
    assert result["diff"]["before"] == result["diff"]["after"]


def test_an_add_is_reported_from_the_listing_after_it():
    result, service, _module = run([], [("a", 1)])
    assert service.sent == [("list",), ("create", "a"), ("list",)]
    assert result["changed"] is True and result["added"] == [{"id": 101, "key": "a", "value": 1}]
    assert result["diff"] == {"before": {"items": {}}, "after": {"items": {"a": {"id": 101, "key": "a", "value": 1}}}}


def test_check_mode_lists_only_and_predicts_what_the_real_run_then_reports():
    predicted, service, _module = run([("a", 1), ("b", 1)], [("a", 2)], check_mode=True, exclusive=True)
    assert service.sent == [("list",)]
    real, _service, _module = run([("a", 1), ("b", 1)], [("a", 2)], exclusive=True)
    assert predicted["changed"] is real["changed"] is True
    assert predicted["diff"] == real["diff"] and predicted["updated"] == real["updated"]


def test_an_add_whose_answer_was_lost_is_settled_by_listing_never_sent_again():
    result, service, module = run([], [("a", 1)], fates=["answered", "applied, answer lost"])
    assert [what for what in service.sent if what[0] == "create"] == [("create", "a")]
    assert result["changed"] is True
    assert module.landed_changes == ["add the item a (X create: its answer was unclear, and it is listed now)"]


def test_an_add_whose_answer_was_lost_and_did_not_land_fails_saying_so():
    error, service, _module = run([], [("a", 1)], fates=["answered", "not applied, answer lost"])
    assert [what[0] for what in service.sent] == ["list", "create", "list"]
    assert "Listing afterwards shows the item a was not added." in str(error) and error.may_have_been_applied is False


class ForgetfulService(Service):
    """Answers every update with success and keeps the old value."""

    def request(self, what, apply, client=None):
        return super(ForgetfulService, self).request(what, (lambda: None) if what[0] == "update" else apply, client)


def test_a_listing_that_contradicts_the_task_after_the_writes_fails_naming_the_contradiction_and_the_write():
    service, module = ForgetfulService([("a", 1)], []), Module(False)
    resource = Resource(service, in_place=True)
    resource.list_call = Call("list items", "GET", "/v4/items", "x")
    with pytest.raises(CodeArtsRequestError) as caught:
        reconcile(module, Client(module), resource, [Wanted("a", {"value": 2}, frozenset(("value",)), "a")])
    assert plain(str(caught.value)).startswith("GET /v4/items failed: the service took the changes, but listing "
                                               "afterwards shows the item a holds value 1")
    assert caught.value.changed is True and module.landed_changes == ["update a"]
