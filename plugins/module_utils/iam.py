# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""IAM password login: one token request per module run, then the token is used as usual."""

from urllib.parse import urlsplit

from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError, CodeArtsRequestError

# eu-west-101 is served from a different top-level domain.
IAM_URL_EXCEPTIONS = {"eu-west-101": "https://iam.eu-west-101.myhuaweicloud.eu/v3"}


def iam_auth_url(auth_url, region):
    """The IAM v3 base URL: auth_url with or without its trailing /v3, else derived from the region."""
    if not auth_url:
        if not region:
            raise CodeArtsConfigError(
                "IAM password login needs auth_url (or HW_AUTH_URL) or region (or HW_REGION_NAME) to find IAM.")
        return IAM_URL_EXCEPTIONS.get(region, "https://iam.%s.myhuaweicloud.com/v3" % region)
    parts = urlsplit(auth_url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.username:
        raise CodeArtsConfigError(
            "auth_url %r is not usable: give the IAM URL, for example https://iam.cn-north-4.myhuaweicloud.com/v3."
            % auth_url.split("@")[-1])
    base = auth_url.strip().rstrip("/")
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
        self._token_url = iam_auth_url(values.get("auth_url"), region) + "/auth/tokens"
        self._body = password_token_request(values, region)
        self._token = None

    def __call__(self, request):
        if self._token is None:
            self._token = self._fetch_token()
        request.headers["X-Auth-Token"] = self._token
        return request

    def _fetch_token(self):
        try:
            response = self._client.send_unauthenticated("POST", self._token_url, self._body)
        except CodeArtsRequestError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                raise exc.with_hint(
                    "IAM refused the password login: check user_name, password, domain_name and project_name, and that "
                    "the user is not locked.") from None
            raise exc.with_hint("Logging in to IAM failed; check auth_url and that this host can reach it.") from None
        token = response.headers.get("X-Subject-Token")
        if not token:
            raise CodeArtsRequestError(
                "POST", self._token_url, "IAM answered %s without an X-Subject-Token header" % response.status_code,
                status=response.status_code, request_id=response.headers.get("X-Request-Id"))
        return token

    def __repr__(self):
        return "IamPasswordAuthenticator(token_url=%r, password=<hidden>)" % self._token_url
