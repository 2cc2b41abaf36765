"""The options every module shares, and the client they build: certificates, plain HTTP, the requests library."""

import sys

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    CodeArtsConfigError,
    CodeArtsMissingLibraryError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import connection_module


def module(**overrides):
    return connection_module(**dict(dict(token="t0ken", retries=3), **overrides))


def test_the_shared_spec_hides_secrets_and_reads_the_environment_for_the_endpoint():
    spec = codearts_argument_spec(email=dict(type="str", required=True))
    assert [option for option, rules in spec.items() if rules.get("no_log")] == [
        "token", "secret_key", "security_token", "password"]
    assert spec["endpoint"]["fallback"][1] == ["HW_CODEARTS_ENDPOINT"]
    assert spec["region"]["fallback"][1] == ["HW_REGION_NAME"]
    assert spec["email"] == dict(type="str", required=True)


def test_a_client_for_a_region_with_system_trust(session):
    task = module()
    client = build_client(task)
    assert client.base_url == "https://codehub-ext.cn-north-4.myhuaweicloud.com"
    assert client.verify is True
    assert client.retry_policy.retries == 3
    assert task.warnings == []
    assert task.no_log_values == {"t0ken"}


def test_credentials_from_the_environment_are_masked_too(session, monkeypatch):
    monkeypatch.setenv("HW_ACCESS_KEY", "AK-FROM-ENV")
    monkeypatch.setenv("HW_SECRET_KEY", "SK-FROM-ENV")
    task = module(token=None)
    build_client(task)
    assert task.no_log_values == {"SK-FROM-ENV"}


def test_ca_path_is_used_for_verification(session, tmp_path):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("pem")
    assert build_client(module(ca_path=str(bundle))).verify == str(bundle)


def test_switching_certificate_checks_off_warns(session):
    task = module(validate_certs=False, ca_path="/ignored")
    assert build_client(task).verify is False
    assert len(task.warnings) == 1 and "validate_certs is false" in task.warnings[0]


def test_plain_http_elsewhere_warns(session):
    task = module(endpoint="http://repo.example.test")
    build_client(task)
    assert len(task.warnings) == 1 and "unencrypted" in task.warnings[0]


@pytest.mark.parametrize("overrides, message", [
    (dict(timeout=0), "timeout must be a number of seconds greater than 0"),
    (dict(timeout=-1.5), "timeout must be a number of seconds greater than 0"),
    # the timer behind the deadline (and requests itself) overflow on huge values: a traceback before
    (dict(timeout=1e12), "timeout must be at most 3600 seconds"),
    (dict(timeout=float("inf")), "timeout must be at most 3600 seconds"),
    (dict(timeout=float("nan")), "timeout must be a number of seconds greater than 0"),
    (dict(retries=-1), "retries must be from 0"),
    (dict(retries=21), r"retries must be from 0 \(no retries\) to 20, not 21"),
    (dict(ca_path="/nonexistent/ca.pem"), "ca_path '/nonexistent/ca.pem' is not a readable file"),
    (dict(token=None), "No credentials"),
    (dict(token="   "), "No credentials"),
    (dict(region=None), "No endpoint"),
])
def test_bad_settings_are_refused_before_any_request(session, overrides, message):
    with pytest.raises(CodeArtsConfigError, match=message):
        build_client(module(**overrides))
    assert session.sent == []


def test_a_missing_requests_library_names_it_and_the_interpreter(monkeypatch):
    monkeypatch.setattr(http_client, "requests", None)
    monkeypatch.setattr(http_client, "REQUESTS_IMPORT_ERROR", "Traceback: No module named 'requests'")

    with pytest.raises(CodeArtsMissingLibraryError) as caught:
        build_client(module())

    result = caught.value.fail_result()
    assert "requests" in result["msg"]
    assert sys.executable in result["msg"]
    assert result["exception"] == "Traceback: No module named 'requests'"


def test_an_auth_url_variable_a_task_password_ignores_is_named_when_iam_cannot_be_found(session, monkeypatch):
    monkeypatch.setenv("HW_AUTH_URL", "https://iam.example.test/v3")
    task = module(token=None, region=None, endpoint="https://codearts.test", user_name="alice", password="pw-123456",
                  domain_name="d")
    with pytest.raises(CodeArtsConfigError) as caught:
        build_client(task)
    message = task.shown(caught.value)
    assert "needs auth_url (or HW_AUTH_URL) or region" in message
    assert "auth_url (or HW_AUTH_URL) is set in the environment but ignored: the IAM password credentials come from the task" in message
