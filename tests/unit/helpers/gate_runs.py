"""Running an action through the module base, to see what its one output gate lets through."""

import json

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.module_args import patch_module_args

SECRET = 'pa"ss\\wo<rd>&/+ \u00e9'


def run_action(capsys, action, args=None):
    with patch_module_args(dict(args or {}, token=TOKEN, password=SECRET)):
        with pytest.raises(SystemExit):
            CodeArtsModule(codearts_argument_spec()).run(action)
    return json.loads(capsys.readouterr().out)
