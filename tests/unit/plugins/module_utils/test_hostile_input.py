"""Options and environments an attacker (or an accident) controls: refused or contained before any request."""

import json
from collections import Counter

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.header_values import HEADER_BOUND_OPTIONS
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.client import new_transport
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import codearts_argument_spec
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email, codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import FakeModule, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.wire_listener import WireListener
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS

BAD_HEADER_VALUES = {
    "CR/LF": "abc\r\nX-Injected: 1", "LF": "abc\ndef", "NUL": "abc\0def", "DEL": "abc\x7fdef", "C1 control": "abc\x85def",
    "non-Latin-1": "abc\u20acdef", "CJK": "\u4e2d\u6587", "100,000 characters": "k" * 100000,
}
IAM_TOKEN = "iam-issued-token-0123456789"


def module(**overrides):
    values = dict((option, None) for option in codearts_argument_spec())
    values.update(region="cn-north-4", validate_certs=True, timeout=30.0, retries=0, task_timeout=600.0)
    values.update(overrides)
    return FakeModule(values)


def credentials_with(option, value):
    if option == "token":
        return dict(token=value)
    return dict(dict(access_key="AK-HOSTILE", secret_key="sk-hostile"), **{option: value})


@pytest.mark.parametrize("kind", sorted(BAD_HEADER_VALUES))
@pytest.mark.parametrize("option", HEADER_BOUND_OPTIONS)
def test_a_header_bound_value_no_header_can_carry_is_refused_naming_only_the_option(session, option, kind):
    value = BAD_HEADER_VALUES[kind]
    with pytest.raises(CodeArtsConfigError) as caught:
        build_client(module(**credentials_with(option, value)))
    message = str(caught.value)
    assert message.startswith("%s (or " % option) and "Nothing was sent" in message
    assert value.strip()[:3] not in message.replace(option, "")
    assert session.sent == []


@pytest.mark.parametrize("kind", ["CR/LF", "non-Latin-1"])
def test_the_same_check_applies_to_values_from_the_environment(session, monkeypatch, kind):
    monkeypatch.setenv("HW_AUTH_TOKEN", BAD_HEADER_VALUES[kind])
    with pytest.raises(CodeArtsConfigError, match=r"^token \(or HW_AUTH_TOKEN\) is not usable"):
        build_client(module())


REGIONS = ["cn-north-4", "ap-southeast-3", "eu-west-101", "la-south-2", "me-east-1"]
TOKEN_TAILS = st.text("abcdefXYZ0123456789-_.+/=", min_size=1, max_size=60)
MUTATIONS = st.text(max_size=6)


def mutated(text, where, insert):
    """text with insert put in at a place chosen by where (a fraction)."""
    cut = int(where * len(text))
    return text[:cut] + insert + text[cut:]


def test_any_token_and_region_give_a_client_that_can_send_them_or_a_typed_error(session):
    """Valid tokens and regions, then mutated: both the refusal and the client branch must be reached."""
    reached = Counter()

    # The fixtures hold no state between examples: each example builds its own client and sends nothing.
    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(tail=TOKEN_TAILS, region=st.sampled_from(REGIONS), mutate=st.sampled_from(["none", "token", "region", "both"]),
           where=st.floats(0, 1), insert=MUTATIONS)
    def attack(tail, region, mutate, where, insert):
        token = "Zq9" + (mutated(tail, where, insert) if mutate in ("token", "both") else tail)
        region = mutated(region, where, insert) if mutate in ("region", "both") else region
        try:
            client = build_client(module(token=token, region=region))
        except CodeArtsConfigError as error:
            assert "Zq9" not in str(error)
            reached["refused"] += 1
        else:
            prepared = requests.Request("GET", client.base_url + "/v4/user/emails").prepare()
            client.authenticator(prepared)
            assert client.base_url.startswith("https://") and "@" not in client.base_url
            assert prepared.headers["X-Auth-Token"] == token.strip()
            reached["client built"] += 1

    attack()
    assert reached["client built"] >= 100 and reached["refused"] >= 50, reached


def test_the_token_iam_issues_is_masked_like_a_no_log_option(session):
    session.script(response(201, {"token": {}}, headers={"X-Subject-Token": IAM_TOKEN}),
                   response(500, {"error_code": "X", "error_msg": "your token %s is bad" % IAM_TOKEN}))
    task = module(user_name="alice", password="pw-hostile", domain_name="d", endpoint="https://codearts.test")
    client = build_client(task)

    with pytest.raises(CodeArtsRequestError) as caught:
        client.call(READ_USER_EMAILS)

    assert IAM_TOKEN in task.no_log_values
    assert IAM_TOKEN not in task.shown(caught.value)


@pytest.mark.parametrize("token, problem", [
    ("tok\r\nen", "cannot be sent back: it contains a control character"),
    ("", "without an X-Subject-Token header"),
])
def test_an_iam_token_that_cannot_be_a_header_is_a_clear_error(session, token, problem):
    session.script(response(201, {"token": {}}, headers={"X-Subject-Token": token}))
    client = build_client(module(user_name="alice", password="pw-hostile", domain_name="d", endpoint="https://codearts.test"))

    with pytest.raises(Exception, match=problem) as caught:
        client.call(READ_USER_EMAILS)
    assert "tok" not in str(caught.value).replace("token", "")


def test_the_session_ignores_the_environment():
    assert new_transport()._session.trust_env is False  # pylint: disable=protected-access


def test_netrc_never_adds_credentials_to_the_iam_login(tmp_path, monkeypatch):
    (tmp_path / ".netrc").write_text("default login netrc-user password netrc-password\n")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NETRC", str(tmp_path / ".netrc"))
    answers = {("POST", "/v3/auth/tokens"): (201, {"token": {}}, {"X-Subject-Token": IAM_TOKEN}),
               ("GET", "/v4/user/emails"): (200, {"id": 1, "commit_email": "a@example.com"})}
    with WireListener(answers) as listener:
        client = build_client(module(user_name="alice", password="pw", domain_name="d", endpoint=listener.url,
                                     auth_url=listener.url + "/v3"))
        client.call(READ_USER_EMAILS)
        received = listener.take()
    assert [request.path for request in received] == ["/v3/auth/tokens", "/v4/user/emails"]
    assert all("Authorization" not in request.headers for request in received)
    assert received[1].headers["X-Auth-Token"] == IAM_TOKEN


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_a_ca_bundle_variable_naming_nothing_is_a_clear_error(session, monkeypatch, variable):
    monkeypatch.setenv(variable, "/nonexistent/bundle.pem")
    with pytest.raises(CodeArtsConfigError, match="The environment variable %s names a CA bundle that does not exist" % variable):
        build_client(module(token="t0ken"))


def test_a_ca_bundle_variable_applies_only_when_ca_path_is_unset(session, monkeypatch, tmp_path):
    from_environment, from_option = tmp_path / "env.pem", tmp_path / "option.pem"
    from_environment.write_text("pem")
    from_option.write_text("pem")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(from_environment))
    assert build_client(module(token="t0ken")).verify == str(from_environment)
    assert build_client(module(token="t0ken", ca_path=str(from_option))).verify == str(from_option)
    assert build_client(module(token="t0ken", validate_certs=False)).verify is False


@pytest.mark.parametrize("no_proxy, warns", [("", True), ("127.0.0.1", False)])
def test_plain_http_through_a_proxy_warns_even_on_loopback(session, monkeypatch, no_proxy, warns):
    monkeypatch.setenv("HTTP_PROXY", "http://proxy-user:proxy-password@proxy.example.test:3128")
    monkeypatch.setenv("NO_PROXY", no_proxy)
    task = module(token="t0ken", endpoint="http://127.0.0.1:9")
    build_client(task)
    assert bool(task.warnings) == warns
    if warns:
        assert "goes through the proxy http://***@proxy.example.test:3128" in task.warnings[0]
        assert "proxy-password" not in task.warnings[0]


def test_a_plain_http_auth_url_warns_like_an_endpoint(session):
    task = module(user_name="alice", password="pw", domain_name="d", auth_url="http://iam.example.test/v3")
    build_client(task)
    assert task.warnings == ["auth_url http://iam.example.test/v3/auth/tokens uses plain http: credentials and data "
                             "travel unencrypted. Use https."]


@pytest.mark.parametrize("main, args", [
    (codearts_user_email.main, dict(token="t0ken", region="cn-north-4", email="not an address")),
    (codearts_user_email.main, dict(region="cn-north-4", email="a@example.com")),
    (codearts_user_email.main, dict(token="t0ken", region="cn-north-4")),
    (codearts_user_email_info.main, dict(token="t0ken", region="a@evil.test:1/#")),
    (codearts_user_email_info.main, dict(token="t0ken", region="cn-north-4", timeout="soon")),
    # syslog refuses a NUL: ansible-core before 2.19 crashed logging the invocation of a non-secret option
    (codearts_user_email_info.main, dict(access_key="AK\x00after", secret_key="t0ken", region="cn-north-4")),
    (codearts_user_email.main, dict(project_id="p\x00", access_key="AK", secret_key="t0ken", region="cn-north-4",
                                    email="a@example.com")),
])
def test_every_failure_before_any_request_carries_the_same_keys(run_module, session, main, args):
    result = run_module(main, args)
    assert result["failed"] is True
    assert dict((key, result[key]) for key in ("status", "error_code", "error_msg", "request_id")) == dict.fromkeys(
        ("status", "error_code", "error_msg", "request_id"))
    assert session.sent == []
    assert "t0ken" not in json.dumps(result)


def test_the_base_class_is_an_ansible_module():
    assert issubclass(CodeArtsModule, __import__("ansible.module_utils.basic", fromlist=["AnsibleModule"]).AnsibleModule)


@pytest.mark.parametrize("option", ["endpoint", "auth_url"])
@pytest.mark.parametrize("url, masked", [
    ("https://u:HOSTILE-MARK@127.0.0.1:9", {"u:HOSTILE-MARK", "HOSTILE-MARK"}),
    ("https://HOSTILE-MARK@127.0.0.1:9", {"HOSTILE-MARK"}),
    ("http://:HOSTILE-MARK@127.0.0.1:9/v3", {":HOSTILE-MARK", "HOSTILE-MARK"}),
])
def test_user_info_in_a_url_is_masked_before_it_is_refused(session, option, url, masked):
    task = module(user_name="alice", password="pw", domain_name="d", **{option: url})
    with pytest.raises(CodeArtsConfigError, match="must not hold a user name or password"):
        build_client(task)
    assert masked <= task.no_log_values
    assert "u" not in task.no_log_values
