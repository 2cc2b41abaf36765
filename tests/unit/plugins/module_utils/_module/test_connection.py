"""Building the client from the options: warnings about plain HTTP."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import connection_module


def test_a_plain_http_auth_url_warns_like_an_endpoint(session):
    task = connection_module(user_name="alice", password="pw", domain_name="d", auth_url="http://iam.example.test/v3")
    build_client(task)
    assert task.warnings == ["auth_url http://iam.example.test/v3/auth/tokens uses plain http: credentials and data "
                             "travel unencrypted. Use https."]
