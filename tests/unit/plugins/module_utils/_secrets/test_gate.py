"""The one gate every output of a module passes (CodeArtsModule), seen from what the module prints."""

import json

import pytest
from ansible.module_utils.ansible_release import __version__ as ansible_version

from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import warning_texts
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.gate_runs import SECRET, run_action
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import RawServer, http_answer
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.socket_email_service import socket_module_args


def test_a_lone_surrogate_in_an_answer_is_replaced(run_module):
    body = b'{"id": 1, "name": "cut \\ud83d", "commit_email": "old@example.com"}'
    answer = http_answer(200, body, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    with RawServer(lambda *request: request[-1].sendall(answer)) as server:
        result = run_module(codearts_user_email_info.main, socket_module_args(server))
    assert result["user"]["name"] == "cut \ufffd"


@pytest.mark.parametrize("form", [SECRET, json.dumps(SECRET)[1:-1], repr(SECRET)[1:-1], " ".join(SECRET.split())])
def test_warnings_deprecations_and_results_pass_the_gate(capsys, form):
    def action(module):
        module.warn("echoed: %s" % form)
        module.deprecate("also %s" % form, version="9.0.0", collection_name="huaweicloud.codearts")
        return dict(changed=False, answer={"key " + form: [form, "\ud83d"]})

    result = run_action(capsys, action)
    text = json.dumps(result, ensure_ascii=False)
    assert "wo<rd" not in text and "ss\\\\wo" not in text and 'pa\\"ss' not in text
    assert any("echoed: " in warning for warning in warning_texts(result))
    assert list(result["answer"].values()) == [["********", "\ufffd"]]


def test_the_invocation_hides_no_log_options_by_name(capsys):
    result = run_action(capsys, lambda module: dict(changed=False), dict(region="cn-north-4\ud83d"))
    if "invocation" not in result:  # ansible-core 2.20 and newer return none from a module at all
        assert tuple(int(part) for part in ansible_version.split(".")[:2]) >= (2, 20)
        return
    arguments = result["invocation"]["module_args"]
    assert arguments["token"] == arguments["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert arguments["region"] == "cn-north-4\ufffd"


def test_a_secret_is_masked_before_a_cut_can_leave_a_short_piece_of_it():
    """Cut first, and the five characters of the secret before the cut would be too short for the gate's windows."""
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.gate import OutputGate
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import Redactor
    shown = OutputGate(Redactor(["abcdefghij"])).clean(quoted("x" * 195 + "abcdefghij" + "y" * 50))
    assert shown == "x" * 195 + "*****..."
