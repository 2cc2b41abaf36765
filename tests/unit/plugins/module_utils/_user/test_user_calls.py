"""Every call is described once, and what a 403 says comes from the call."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import CALLS
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import response, shown


def test_every_call_names_its_iam_action_and_a_v4_user_path():
    for call in CALLS:
        assert call.iam_action.startswith("codeartsrepo::"), call
        assert call.path.startswith("/v4/user/") and call.name
    assert len(set((call.method, call.path) for call in CALLS)) == len(CALLS)


@pytest.mark.parametrize("call", CALLS, ids=lambda call: call.name)
def test_a_403_names_the_calls_own_iam_action(make_client, session, call):
    session.script(response(403, {"error_code": "CH.004403", "error_msg": "Insufficient permissions."}))
    path_arguments = {"key_id": 7} if "{key_id}" in call.path else {}
    with pytest.raises(CodeArtsRequestError) as caught:
        make_client(retries=0).call(call, None if call.method in ("GET", "DELETE") else {}, **path_arguments)
    assert "lacks the permission %s" % call.iam_action in shown(caught.value)
    assert session.sent[0].method == call.method and session.sent[0].url.endswith(call.path.format(**path_arguments))
