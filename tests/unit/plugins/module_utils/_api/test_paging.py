"""Listing every page, as the service actually pages."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import UnreadableItem, field_of
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, listed


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


def test_a_service_that_pages_by_twenty_whatever_the_limit_is_read_to_its_last_page(run_module, session):
    """Promise: "after reading every page of the user's keys" (module docs); the research: "read every page; never
    trust a total field" -- but never ignore one that proves the list is cut short either.

    Situation: the service ignores limit=100 and answers its documented default page of 20 (total: 25).
    """
    keys = [ed25519() for _index in range(25)]
    page = response(200, {"keys": [dict(id=index, title="k%d" % index, key=line) for index, line in enumerate(keys[:20])],
                          "total": 25})
    session.script(page, response(200, {"keys": [dict(id=index, title="k%d" % index, key=line)
                                                 for index, line in enumerate(keys[20:], 20)], "total": 25}),
                   response(204, raw=b""), listed(*[(line, "k") for line in keys[:22]]))
    result = run(run_module, key=keys[22], state="absent")
    assert session.methods == ["GET", "GET", "DELETE", "GET"]
    assert result["changed"] is True and not result.get("failed")


def test_a_field_of_its_type_is_read_an_absent_one_is_the_default_and_any_other_type_is_refused():
    item = {"name": "ci", "count": 3, "flag": True, "absent": None}
    assert (field_of(item, "name", str, ""), field_of(item, "count", int, 0), field_of(item, "absent", str, "-")) == ("ci", 3, "-")
    for field, kind in (("name", int), ("flag", int), ("count", bool), ("name", list)):
        with pytest.raises(UnreadableItem):
            field_of(item, field, kind, None)
