"""Bad input is refused with a clear error before any request is sent, and the refusal never shows a secret the input held."""

import json

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import connection_module, TOKEN
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import RawServer
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.results import assert_failure
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.socket_email_service import (
    OLD,
    json_bytes,
    socket_module_args,
)


@pytest.mark.parametrize("endpoint", ["https://[::1", "https://[zz]:443", "https://user:S3cretPw@a\uff03b.com",
                                      "https://user:S3cret/Pw@host.test", "https://host.test:0"])
def test_an_unparsable_endpoint_is_refused_without_its_password(run_module, endpoint):
    result = run_module(codearts_user_email_info.main, dict(endpoint=endpoint, token=TOKEN))
    assert_failure(result)
    assert "endpoint" in result["msg"]
    assert "S3cret" not in json.dumps(result)


@pytest.mark.parametrize("proxy", ["http://puser:ProxyS3cret@127.0.0.1:99999", "http://puser:Proxy/S3cret@127.0.0.1:3128"])
def test_an_unusable_proxy_url_is_refused_by_name_without_its_password(run_module, monkeypatch, proxy):
    with RawServer(lambda *request: request[-1].sendall(json_bytes(OLD))) as server:
        monkeypatch.setenv("HTTPS_PROXY", proxy)
        result = run_module(codearts_user_email_info.main, socket_module_args(server, endpoint=server.url.replace("http:", "https:")))
        assert server.received == []
    assert_failure(result)
    assert "HTTPS_PROXY" in result["msg"]
    assert "S3cret" not in json.dumps(result)


def test_a_password_variable_that_is_not_utf8_is_refused_by_name(run_module, monkeypatch):
    monkeypatch.setenv("HW_USER_NAME", "u")
    monkeypatch.setenv("HW_DOMAIN_NAME", "d")
    monkeypatch.setenv("HW_USER_PASSWORD", "pass\udcf6word")
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", region="cn-north-4"))
    assert_failure(result)
    assert "HW_USER_PASSWORD" in result["msg"] and "not valid UTF-8" in result["msg"]


def test_user_info_in_hw_auth_url_is_masked_and_refused(run_module, monkeypatch):
    for name, value in (("HW_USER_NAME", "u"), ("HW_USER_PASSWORD", "pw-0123456"), ("HW_DOMAIN_NAME", "d"),
                        ("HW_AUTH_URL", "https://iam-user:AuthUrlS3cret@iam.test/v3")):
        monkeypatch.setenv(name, value)
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", region="cn-north-4"))
    assert_failure(result)
    assert "auth_url" in result["msg"] and "AuthUrlS3cret" not in json.dumps(result)


@pytest.mark.parametrize("option", ["endpoint", "auth_url"])
@pytest.mark.parametrize("url, masked", [
    ("https://u:HOSTILE-MARK@127.0.0.1:9", {"u:HOSTILE-MARK", "HOSTILE-MARK"}),
    ("https://HOSTILE-MARK@127.0.0.1:9", {"HOSTILE-MARK"}),
    ("http://:HOSTILE-MARK@127.0.0.1:9/v3", {":HOSTILE-MARK", "HOSTILE-MARK"}),
])
def test_user_info_in_a_url_is_masked_before_it_is_refused(session, option, url, masked):
    task = connection_module(user_name="alice", password="pw", domain_name="d", **{option: url})
    with pytest.raises(CodeArtsConfigError, match="must not hold a user name or password"):
        build_client(task)
    assert masked <= task.no_log_values
    assert "u" not in task.no_log_values
