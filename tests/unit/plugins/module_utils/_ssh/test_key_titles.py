"""SSH key titles: what the service can store, refused before any request otherwise."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519, listed


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)


def run(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


@pytest.mark.parametrize("title", ["lap\x85top", "lap\x9b31mtop", "lap\ud800top"],
                         ids=["c1_next_line", "c1_csi", "lone_surrogate"])
def test_a_title_with_a_control_character_is_refused_before_any_request(run_module, session, title):
    """Promise: bad input is refused before any request; _title's own message: "1 to 1000 characters without control
    characters".

    Situation: title with a C1 control (U+0085 NEL, U+009B CSI;
    """
    session.script(listed(), response(201, dict(id=9, title="x", key="k")), listed())
    result = run(run_module, key=ed25519(), title=title)
    assert session.sent == [] and result["failed"] is True and "title is not usable" in result["msg"]
