"""CA bundles and proxies named by the environment: used as the documentation says, refused or warned about by name."""

import json

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email, codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import connection_module
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import RawServer, http_answer
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.results import assert_failure
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.socket_email_service import (
    OLD,
    free_port,
    json_bytes,
    socket_module_args,
)


def test_a_proxy_that_refuses_the_credentials_is_named(run_module, monkeypatch):
    refusal = http_answer(407, b"", [("Proxy-Authenticate", 'Basic realm="p"'), ("Content-Length", "0")], "Proxy Authentication Required")
    with RawServer(lambda *request: request[-1].sendall(json_bytes(OLD)), tls=True) as service, \
            RawServer(lambda *request: request[-1].sendall(refusal)) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", "http://puser:Pr0xyS3cret@%s" % proxy.url.split("://")[1])
        result = run_module(codearts_user_email_info.main, socket_module_args(service))
        assert service.received == [] and [method for method, _path, _body in proxy.received] == ["CONNECT"]
    assert_failure(result)
    assert result["status"] == 407
    assert "proxy http://***@127.0.0.1" in result["msg"] and "HTTPS_PROXY" in result["msg"]
    assert "broke before" not in result["msg"] and "Pr0xyS3cret" not in json.dumps(result)


def test_a_proxy_that_is_down_is_named_and_nothing_is_sent(run_module, monkeypatch):
    with RawServer(lambda *request: request[-1].sendall(json_bytes(OLD)), tls=True) as service:
        port = free_port()
        monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:%s" % port)
        result = run_module(codearts_user_email.main, socket_module_args(service, email="new@example.com"))
        assert service.received == []
    assert_failure(result)
    assert "could not connect to the proxy http://127.0.0.1:%s" % port in result["msg"]


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_a_ca_bundle_variable_naming_nothing_is_a_clear_error(session, monkeypatch, variable):
    monkeypatch.setenv(variable, "/nonexistent/bundle.pem")
    with pytest.raises(CodeArtsConfigError, match="The environment variable %s names a CA bundle that does not exist" % variable):
        build_client(connection_module(token="t0ken"))


def test_a_ca_bundle_variable_applies_only_when_ca_path_is_unset(session, monkeypatch, tmp_path):
    from_environment, from_option = tmp_path / "env.pem", tmp_path / "option.pem"
    from_environment.write_text("pem")
    from_option.write_text("pem")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(from_environment))
    assert build_client(connection_module(token="t0ken")).verify == str(from_environment)
    assert build_client(connection_module(token="t0ken", ca_path=str(from_option))).verify == str(from_option)
    assert build_client(connection_module(token="t0ken", validate_certs=False)).verify is False


@pytest.mark.parametrize("no_proxy, warns", [("", True), ("127.0.0.1", False)])
def test_plain_http_through_a_proxy_warns_even_on_loopback(session, monkeypatch, no_proxy, warns):
    monkeypatch.setenv("HTTP_PROXY", "http://proxy-user:proxy-password@proxy.example.test:3128")
    monkeypatch.setenv("NO_PROXY", no_proxy)
    task = connection_module(token="t0ken", endpoint="http://127.0.0.1:9")
    build_client(task)
    assert bool(task.warnings) == warns
    if warns:
        assert "goes through the proxy http://***@proxy.example.test:3128" in task.warnings[0]
        assert "proxy-password" not in task.warnings[0]
