import sys

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils import http_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import (
    CodeArtsConfigError,
    CodeArtsMissingLibraryError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils.options import build_client, codearts_argument_spec


def params(**overrides):
    values = dict(endpoint=None, region="cn-north-4", token="t0ken", validate_certs=True, ca_path=None,
                  timeout=30.0, retries=3)
    values.update(overrides)
    return values


def test_the_shared_spec_has_secret_token_and_environment_fallbacks():
    spec = codearts_argument_spec(email=dict(type="str", required=True))
    assert spec["token"]["no_log"] is True
    assert spec["token"]["fallback"][1] == ["HW_AUTH_TOKEN"]
    assert spec["endpoint"]["fallback"][1] == ["HW_CODEARTS_ENDPOINT"]
    assert spec["region"]["fallback"][1] == ["HW_REGION_NAME"]
    assert spec["email"] == dict(type="str", required=True)


def test_a_client_for_a_region_with_system_trust(session):
    warnings = []
    client = build_client(params(), warnings.append)
    assert client.base_url == "https://codehub-ext.cn-north-4.myhuaweicloud.com"
    assert client.verify is True
    assert client.retry_policy.retries == 3
    assert warnings == []


def test_ca_path_is_used_for_verification(session, tmp_path):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("pem")
    assert build_client(params(ca_path=str(bundle)), [].append).verify == str(bundle)


def test_switching_certificate_checks_off_warns(session):
    warnings = []
    assert build_client(params(validate_certs=False, ca_path="/ignored"), warnings.append).verify is False
    assert len(warnings) == 1 and "validate_certs is false" in warnings[0]


def test_plain_http_elsewhere_warns(session):
    warnings = []
    build_client(params(endpoint="http://repo.example.test"), warnings.append)
    assert len(warnings) == 1 and "unencrypted" in warnings[0]


@pytest.mark.parametrize("overrides, message", [
    (dict(timeout=0), "timeout must be a number of seconds greater than 0"),
    (dict(timeout=-1.5), "timeout must be a number of seconds greater than 0"),
    (dict(retries=-1), "retries must be 0"),
    (dict(ca_path="/nonexistent/ca.pem"), "ca_path '/nonexistent/ca.pem' is not a readable file"),
    (dict(token=None), "set the token option or the HW_AUTH_TOKEN environment variable"),
    (dict(token="   "), "set the token option or the HW_AUTH_TOKEN environment variable"),
    (dict(region=None), "No endpoint"),
])
def test_bad_settings_are_refused_before_any_request(session, overrides, message):
    with pytest.raises(CodeArtsConfigError, match=message):
        build_client(params(**overrides), [].append)
    assert session.sent == []


def test_a_missing_requests_library_names_it_and_the_interpreter(monkeypatch):
    monkeypatch.setattr(http_client, "requests", None)
    monkeypatch.setattr(http_client, "REQUESTS_IMPORT_ERROR", "Traceback: No module named 'requests'")

    with pytest.raises(CodeArtsMissingLibraryError) as caught:
        build_client(params(), [].append)

    result = caught.value.fail_result()
    assert "requests" in result["msg"]
    assert sys.executable in result["msg"]
    assert result["exception"] == "Traceback: No module named 'requests'"
