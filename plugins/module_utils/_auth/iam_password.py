# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""IAM password login: one token request per module run, then the token is used as usual."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import OBJECT, Call
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.header_values import header_value_problem
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.urls import checked_url

# A POST, but a login changes nothing and carries its own credentials, so it may be repeated.
IAM_LOGIN = Call("log in to IAM", "POST", "/v3/auth/tokens", None, OBJECT, repeatable=True)
# eu-west-101 is served from a different top-level domain.
IAM_URL_EXCEPTIONS = {"eu-west-101": "https://iam.eu-west-101.myhuaweicloud.eu/v3"}


def iam_auth_url(auth_url, region):
    """The IAM v3 base URL: auth_url with or without its trailing /v3, else derived from the region."""
    if not auth_url:
        if not region:
            raise CodeArtsConfigError(
                "IAM password login needs auth_url (or HW_AUTH_URL) or region (or HW_REGION_NAME) to find IAM.")
        return IAM_URL_EXCEPTIONS.get(region, "https://iam.%s.myhuaweicloud.com/v3" % region)
    parts = checked_url("auth_url", auth_url, "https://iam.cn-north-4.myhuaweicloud.com/v3", allow_path=True)
    base = "%s://%s%s" % (parts.scheme, parts.netloc, parts.path.rstrip("/"))
    return base if base.endswith("/v3") else base + "/v3"


def password_token_request(values, region):
    """The body of POST /v3/auth/tokens for an IAM user's password, scoped to a project."""
    project_name = values.get("project_name") or region
    if not project_name:
        raise CodeArtsConfigError("IAM password login needs project_name (or HW_PROJECT_NAME) or region to scope the token.")
    return {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": values["user_name"], "password": values["password"], "domain": {"name": values["domain_name"]}}}},
        "scope": {"project": {"name": project_name}},
    }}


class IamPasswordAuthenticator(object):
    """Gets a token from IAM with the user's password on first use, then sends it as X-Auth-Token."""

    def __init__(self, client, values, region):
        self._client = client
        self.login_url = iam_auth_url(values.get("auth_url"), region) + "/auth/tokens"
        self._body = password_token_request(values, region)
        self._token = None

    def ensure_ready(self):
        """Log in to IAM unless already logged in. The client calls this before each request it signs."""
        if self._token is None:
            self._token = self._fetch_token()

    def __call__(self, request):
        request.headers["X-Auth-Token"] = self._token
        return request

    def _fetch_token(self):
        try:
            response = self._client.send_unauthenticated(IAM_LOGIN, self.login_url, self._body)
        except CodeArtsRequestError as exc:  # a login changes nothing, whatever became of the POST
            if exc.status is not None and 400 <= exc.status < 500:
                raise exc.not_applied(
                    "IAM refused the password login: check user_name, password, domain_name and project_name, and that "
                    "the user is not locked.") from None
            raise exc.not_applied("Logging in to IAM failed; check auth_url and that this host can reach it.") from None
        token = (response.headers.get("X-Subject-Token") or "").strip()
        if not token:
            raise self._unusable_answer(response, "without an X-Subject-Token header")
        # Masked from here on, like the options marked no_log, before anything can quote it.
        self._client.remember_secret(token)
        problem = header_value_problem(token)
        if problem:
            raise self._unusable_answer(response, "with a token that cannot be sent back: %s" % problem)
        return token

    def _unusable_answer(self, response, what):
        return CodeArtsRequestError(
            "POST", self.login_url, "IAM answered %s %s" % (response.status_code, what),
            status=response.status_code, request_id=response.headers.get("X-Request-Id"))

    def __repr__(self):
        return "IamPasswordAuthenticator(token_url=%r, password=<hidden>)" % self.login_url
