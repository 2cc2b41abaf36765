"""Building the client from the options: warnings about plain HTTP."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import FakeModule


def module(**overrides):
    values = dict((option, None) for option in codearts_argument_spec())
    values.update(region="cn-north-4", validate_certs=True, timeout=30.0, retries=0, task_timeout=600.0)
    values.update(overrides)
    return FakeModule(values)


def test_a_plain_http_auth_url_warns_like_an_endpoint(session):
    task = module(user_name="alice", password="pw", domain_name="d", auth_url="http://iam.example.test/v3")
    build_client(task)
    assert task.warnings == ["auth_url http://iam.example.test/v3/auth/tokens uses plain http: credentials and data "
                             "travel unencrypted. Use https."]
