"""Which way of authenticating a task uses: options before environment, and what is missing said by name."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import credentials_from_params
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import response, warning_texts
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.socket_email_service import OLD


TOKEN = dict(token="tok")
ACCESS_KEY = dict(access_key="AK", secret_key="SK")
PASSWORD = dict(user_name="alice", password="pw", domain_name="example-domain")
TOKEN_ENV = {"HW_AUTH_TOKEN": "env-tok"}
ACCESS_KEY_ENV = {"HW_ACCESS_KEY": "env-AK", "HW_SECRET_KEY": "env-SK"}
PASSWORD_ENV = {"HW_USER_NAME": "bob", "HW_USER_PASSWORD": "env-pw", "HW_DOMAIN_NAME": "env-domain"}


def chosen(params, environ):
    return credentials_from_params(params, "cn-north-4", environ=environ).method.name


@pytest.mark.parametrize("params, environ, method", [
    (TOKEN, {}, "token"),
    (ACCESS_KEY, {}, "access key"),
    (PASSWORD, {}, "IAM password"),
    ({}, TOKEN_ENV, "token"),
    ({}, ACCESS_KEY_ENV, "access key"),
    ({}, PASSWORD_ENV, "IAM password"),
    (dict(TOKEN, **dict(ACCESS_KEY, **PASSWORD)), {}, "token"),
    (dict(ACCESS_KEY, **PASSWORD), {}, "access key"),
    ({}, dict(TOKEN_ENV, **dict(ACCESS_KEY_ENV, **PASSWORD_ENV)), "token"),
    ({}, dict(ACCESS_KEY_ENV, **PASSWORD_ENV), "access key"),
    # A way set in the task beats a higher-ranked way set only in the environment.
    (ACCESS_KEY, TOKEN_ENV, "access key"),
    (PASSWORD, dict(TOKEN_ENV, **ACCESS_KEY_ENV), "IAM password"),
])
def test_precedence(params, environ, method):
    assert chosen(params, environ) == method


def test_task_options_win_over_the_environment_option_by_option():
    credentials = credentials_from_params(dict(access_key="task-AK"), "cn-north-4", environ=ACCESS_KEY_ENV)
    assert credentials.values["access_key"] == "task-AK"
    assert credentials.values["secret_key"] == "env-SK"


def test_the_sdk_variable_names_are_read_after_the_terraform_ones():
    environ = {"HUAWEICLOUD_SDK_AK": "sdk-AK", "HUAWEICLOUD_SDK_SK": "sdk-SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN": "sdk-st",
               "HUAWEICLOUD_SDK_PROJECT_ID": "sdk-pid", "HW_PROJECT_ID": "hw-pid"}
    credentials = credentials_from_params({}, "cn-north-4", environ=environ)
    assert credentials.values == dict(access_key="sdk-AK", secret_key="sdk-SK", security_token="sdk-st", project_id="hw-pid")
    assert sorted(credentials.secret_values()) == ["sdk-SK", "sdk-st"]


def test_empty_environment_variables_count_as_unset():
    environ = dict(HW_AUTH_TOKEN="", HW_ACCESS_KEY="  ", HW_SECRET_KEY="", **PASSWORD_ENV)
    assert chosen({}, environ) == "IAM password"


@pytest.mark.parametrize("params, environ, missing", [
    (dict(access_key="AK"), {}, "secret_key (or HW_SECRET_KEY or HUAWEICLOUD_SDK_SK) is not set"),
    (dict(secret_key="SK"), {}, "access_key (or HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK) is not set"),
    (dict(user_name="alice"), {}, "password (or HW_USER_PASSWORD) and domain_name (or HW_DOMAIN_NAME) are not set"),
    (dict(user_name="alice", password="pw"), {}, "domain_name (or HW_DOMAIN_NAME) is not set"),
    ({}, {"HW_ACCESS_KEY": "env-AK"}, "Incomplete access key credentials: secret_key"),
])
def test_an_incomplete_way_names_what_is_missing(params, environ, missing):
    with pytest.raises(CodeArtsConfigError) as caught:
        credentials_from_params(params, "cn-north-4", environ=environ)
    assert missing in str(caught.value)
    assert "pw" not in str(caught.value)


def test_no_way_at_all_lists_the_three_with_their_variables():
    with pytest.raises(CodeArtsConfigError) as caught:
        credentials_from_params({}, "cn-north-4", environ={})
    message = str(caught.value)
    for name in ("token (or HW_AUTH_TOKEN)", "access_key (or HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK)",
                 "secret_key (or HW_SECRET_KEY or HUAWEICLOUD_SDK_SK)", "user_name (or HW_USER_NAME)",
                 "password (or HW_USER_PASSWORD)", "domain_name (or HW_DOMAIN_NAME)"):
        assert name in message


def test_a_task_access_key_takes_no_security_token_from_the_environment(run_module, session, monkeypatch):
    monkeypatch.setenv("HW_SECURITY_TOKEN", "awx-temporary-security-token")
    monkeypatch.setenv("HW_PROJECT_ID", "awxproject")
    session.script(response(200, OLD))
    result = run_module(codearts_user_email_info.main, dict(endpoint="https://codearts.test", access_key="AK", secret_key="SK" * 8))
    [sent] = session.sent
    assert "X-Security-Token" not in sent.headers and "X-Project-Id" not in sent.headers
    assert any("HW_SECURITY_TOKEN" in warning and "ignored" in warning for warning in warning_texts(result))
