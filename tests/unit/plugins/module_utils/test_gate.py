"""The one gate every output of a module passes (CodeArtsModule), seen from what the module prints."""

import json

import pytest
from ansible.module_utils.ansible_release import __version__ as ansible_version

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import UNEXPECTED, CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, warning_texts

SECRET = 'pa"ss\\wo<rd>&/+ \u00e9'


def run_action(capsys, action, args=None):
    with patch_module_args(dict(args or {}, token=TOKEN, password=SECRET)):
        with pytest.raises(SystemExit):
            CodeArtsModule(codearts_argument_spec()).run(action)
    return json.loads(capsys.readouterr().out)


def test_an_error_nobody_foresaw_fails_with_the_five_keys_and_no_traceback(capsys):
    def action(module):
        raise ZeroDivisionError("division by %s" % TOKEN)

    result = run_action(capsys, action)
    assert result["failed"] is True
    assert {"msg", "status", "error_code", "error_msg", "request_id"} <= set(result)
    assert result["msg"].startswith(UNEXPECTED.split("(", maxsplit=1)[0]) and "ZeroDivisionError" in result["msg"]
    assert TOKEN not in json.dumps(result) and "Traceback" not in json.dumps(result)


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


@pytest.mark.parametrize("option", ["region", "endpoint", "title"])
def test_a_private_key_in_any_option_fails_the_task_before_the_action_runs_and_is_never_shown(capsys, option):
    private = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n"
    actions = []
    spec = dict(title=dict(type="str")) if option == "title" else {}
    with patch_module_args({"token": TOKEN, option: private}):
        with pytest.raises(SystemExit):
            CodeArtsModule(codearts_argument_spec(**spec)).run(actions.append)
    result = json.loads(capsys.readouterr().out)
    assert actions == [] and result["failed"] is True
    assert result["msg"].startswith("%s is not usable: it is a private key" % option)
    assert "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU" not in json.dumps(result)
