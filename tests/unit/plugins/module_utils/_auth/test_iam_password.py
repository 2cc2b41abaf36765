"""Password login through IAM: the URL, one token request per task, and refusals that never quote the password."""

import pytest
import requests

from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import credentials_from_params
from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.iam_password import iam_auth_url
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import (
    CodeArtsConfigError,
    CodeArtsRequestError,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RetryPolicy
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import connection_module, response, shown


PASSWORD = "correct horse battery staple"
USER = {"name": "alice", "commit_email": "alice@example.com"}


def password_client(**extra):
    params = dict(user_name="alice", password=PASSWORD, domain_name="example-domain", region="cn-north-4", **extra)
    credentials = credentials_from_params(params, params.get("region"), environ={})
    return http_client.CodeArtsClient("https://codearts.test", credentials, True, 30.0, RetryPolicy(3))


@pytest.mark.parametrize("auth_url, region, expected", [
    (None, "cn-north-4", "https://iam.cn-north-4.myhuaweicloud.com/v3"),
    (None, "eu-west-101", "https://iam.eu-west-101.myhuaweicloud.eu/v3"),
    ("https://iam.myhuaweicloud.com/v3", None, "https://iam.myhuaweicloud.com/v3"),
    ("https://iam.myhuaweicloud.com/v3/", None, "https://iam.myhuaweicloud.com/v3"),
    ("https://iam.myhuaweicloud.com", "cn-north-4", "https://iam.myhuaweicloud.com/v3"),
])
def test_the_iam_url(auth_url, region, expected):
    assert iam_auth_url(auth_url, region) == expected


@pytest.mark.parametrize("auth_url, region, message", [
    (None, None, "needs auth_url"),
    ("iam.example.test", None, "auth_url 'iam.example.test' is not usable"),
])
def test_an_unusable_iam_url(auth_url, region, message):
    with pytest.raises(CodeArtsConfigError) as caught:
        iam_auth_url(auth_url, region)
    assert message in shown(caught.value)


def test_one_token_request_then_the_token_on_every_call(session, sleeps):
    session.script(response(201, {"token": {}}, {"X-Subject-Token": "issued-token"}), response(200, USER), response(200, USER))
    client = password_client()

    client.call(READ_USER_EMAILS)
    client.call(READ_USER_EMAILS)

    assert [sent.url for sent in session.sent] == [
        "https://iam.cn-north-4.myhuaweicloud.com/v3/auth/tokens",
        "https://codearts.test/v4/user/emails", "https://codearts.test/v4/user/emails"]
    login = session.sent[0]
    assert "X-Auth-Token" not in login.headers and "Authorization" not in login.headers
    assert login.json["auth"]["identity"]["password"]["user"] == {
        "name": "alice", "password": PASSWORD, "domain": {"name": "example-domain"}}
    assert login.json["auth"]["scope"] == {"project": {"name": "cn-north-4"}}
    assert [sent.headers["X-Auth-Token"] for sent in session.sent[1:]] == ["issued-token", "issued-token"]


def test_project_name_scopes_the_token(session, sleeps):
    session.script(response(201, {}, {"X-Subject-Token": "t"}), response(200, USER))
    password_client(project_name="cn-north-4_dev").call(READ_USER_EMAILS)
    assert session.sent[0].json["auth"]["scope"] == {"project": {"name": "cn-north-4_dev"}}


def test_a_refused_login_names_iam_and_never_the_password(session, sleeps):
    session.script(response(401, {"error": {"code": 401, "message": "The username or password is wrong.",
                                            "title": "Unauthorized"}}))

    with pytest.raises(CodeArtsRequestError) as caught:
        password_client().call(READ_USER_EMAILS)

    message = str(caught.value)
    assert "POST https://iam.cn-north-4.myhuaweicloud.com/v3/auth/tokens failed" in message
    assert "The username or password is wrong." in message and "HTTP status 401" in message
    assert "IAM refused the password login" in message
    assert PASSWORD not in message
    assert len(session.sent) == 1


def test_an_unreachable_iam_is_retried_then_reported(session, sleeps):
    session.script(*[requests.exceptions.ConnectTimeout()] * 4)

    with pytest.raises(CodeArtsRequestError) as caught:
        password_client().call(READ_USER_EMAILS)

    assert len(session.sent) == 4
    assert "Logging in to IAM failed" in str(caught.value)


def test_a_login_answer_without_a_token(session, sleeps):
    session.script(response(201, {"token": {}}))

    with pytest.raises(CodeArtsRequestError, match="without an X-Subject-Token header"):
        password_client().call(READ_USER_EMAILS)


@pytest.mark.parametrize("token, problem", [
    ("tok\r\nen", "cannot be sent back: it contains a control character"),
    ("", "without an X-Subject-Token header"),
])
def test_an_iam_token_that_cannot_be_a_header_is_a_clear_error(session, token, problem):
    session.script(response(201, {"token": {}}, headers={"X-Subject-Token": token}))
    client = build_client(connection_module(user_name="alice", password="pw-hostile", domain_name="d", endpoint="https://codearts.test"))

    with pytest.raises(Exception, match=problem) as caught:
        client.call(READ_USER_EMAILS)
    assert "tok" not in str(caught.value).replace("token", "")
