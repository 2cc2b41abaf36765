"""codearts_user_ssh_key_info: what it returns for the keys the service lists."""

import json

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)


def test_titles_the_service_lists_are_cut_to_a_readable_length(run_module, session):
    """Promise: memory and time stay bounded against hostile answers.

    Situation: codearts_user_ssh_key_info;
    """
    from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key_info
    session.script(response(200, {"keys": [dict(id=index, title="t" * 10000, key=ed25519(), created_at="c" * 100)
                                           for index in range(99)]}))
    result = run_module(codearts_user_ssh_key_info.main, ARGS)
    assert len(result["ssh_keys"]) == 99
    assert all(len(view["title"]) <= 1000 for view in result["ssh_keys"]), len(json.dumps(result))
