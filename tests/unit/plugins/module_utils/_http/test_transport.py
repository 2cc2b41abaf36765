"""The transport: one requests session that ignores the environment, over TLS that names its failures, and what it does with broken bytes on the socket."""

import os

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.client import new_transport
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import connection_module, TOKEN
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import RawServer, http_answer
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.results import assert_failure
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.socket_email_service import (
    EmailService,
    OLD,
    json_bytes,
    socket_module_args,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.wire_listener import WireListener


@pytest.mark.parametrize("location", ["http://[::1/x", "http://\xff\xfe/\xc3(", "//[zz]:99999/"])
def test_a_malformed_redirect_location_is_a_clear_error(run_module, location):
    answer = http_answer(302, b"", [("Location", location), ("Content-Length", "0")])
    with RawServer(lambda *request: request[-1].sendall(answer)) as server:
        result = run_module(codearts_user_email_info.main, socket_module_args(server))
    assert_failure(result)
    assert "redirect" in result["msg"] and result["status"] == 302


def test_tls_garbage_on_a_read_is_retried(run_module):
    service = EmailService(after_put=None, bad_reads=1, bad_read=lambda connection: os.write(connection.fileno(), b"garbage\r\n" * 8))
    with RawServer(service, tls=True) as server:
        result = run_module(codearts_user_email_info.main, socket_module_args(server, retries=1))
        assert len(server.received) == 2
    assert result["user"] == OLD


def test_a_certificate_failure_reaches_a_live_server_with_nothing(run_module):
    with RawServer(lambda *request: request[-1].sendall(json_bytes(OLD)), tls=True) as server:
        result = run_module(codearts_user_email_info.main, dict(endpoint=server.url, token=TOKEN, retries=2))
        assert server.received == [] and server.connections == 1
    assert_failure(result)
    assert "TLS connection" in result["msg"] and "ca_path" in result["msg"]


IAM_TOKEN = "iam-issued-token-0123456789"


def test_the_session_ignores_the_environment():
    assert new_transport()._session.trust_env is False  # pylint: disable=protected-access


def test_netrc_never_adds_credentials_to_the_iam_login(tmp_path, monkeypatch):
    (tmp_path / ".netrc").write_text("default login netrc-user password netrc-password\n")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NETRC", str(tmp_path / ".netrc"))
    answers = {("POST", "/v3/auth/tokens"): (201, {"token": {}}, {"X-Subject-Token": IAM_TOKEN}),
               ("GET", "/v4/user/emails"): (200, {"id": 1, "commit_email": "a@example.com"})}
    with WireListener(answers) as listener:
        client = build_client(connection_module(user_name="alice", password="pw", domain_name="d", endpoint=listener.url,
                                                auth_url=listener.url + "/v3"))
        client.call(READ_USER_EMAILS)
        received = listener.take()
    assert [request.path for request in received] == ["/v3/auth/tokens", "/v4/user/emails"]
    assert all("Authorization" not in request.headers for request in received)
    assert received[1].headers["X-Auth-Token"] == IAM_TOKEN
