"""The collection's signer must produce exactly what the official SDK's signer produces."""

from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest

from ansible_collections.huaweicloud.codearts.plugins.module_utils.signer import AccessKeySigner, canonical_uri

SDK_DATE = "20261122T101010Z"
ACCESS_KEY = "HPUAEXAMPLEACCESSKEY"
SECRET_KEY = "example-secret-key-0123456789abcdefghij"
SIGNED_BY_SDK = ("Authorization", "X-Sdk-Date", "Host", "X-Project-Id", "X-Security-Token")

CASES = {
    "GET": ("GET", "https://codehub-ext.cn-north-4.myhuaweicloud.com/v4/user/emails", None),
    "PUT with a JSON body": ("PUT", "https://codehub-ext.cn-north-4.myhuaweicloud.com/v4/user/emails",
                             {"email": "dev@example.com", "verify_code": "SFLAJA"}),
    "POST with unicode in the body": ("POST", "https://codehub-ext.cn-north-4.myhuaweicloud.com/v4/user/email-verify-code",
                                      {"email": "dév@exämple.com"}),
    "a query string": ("GET", "https://repo.example.test/v4/projects?z=last&a=2&a=1&empty=&q=hello%20world", None),
    "a path needing percent-encoding": ("GET", "https://repo.example.test/v4/repos/a%20b/%E4%B8%AD/x~y:z/", None),
    "a non-default port": ("GET", "https://127.0.0.1:8443/v4/user/emails", None),
}


def sign_ours(method, url, body, security_token, project_id):
    request = requests.Request(method, url, json=body).prepare()
    unsigned = dict(request.headers)
    AccessKeySigner(ACCESS_KEY, SECRET_KEY, security_token, project_id, clock=lambda: SDK_DATE)(request)
    return unsigned, request


def sign_sdk(method, url, unsigned_headers, body, security_token, project_id):
    parts = urlsplit(url)
    credentials = BasicCredentials(ACCESS_KEY, SECRET_KEY, project_id)
    if security_token:
        credentials = credentials.with_security_token(security_token)
    request = SdkRequest(method=method, schema=parts.scheme, host=parts.netloc, resource_path=parts.path,
                         query_params=parse_qsl(parts.query, keep_blank_values=True),
                         header_params=dict(unsigned_headers, **{"X-Sdk-Date": SDK_DATE}), body=body)
    return credentials.sign_request(request).header_params


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("security_token, project_id", [
    (None, None), ("temporary-security-token", None), (None, "0123456789abcdef0123456789abcdef"),
    ("temporary-security-token", "0123456789abcdef0123456789abcdef"),
])
def test_signature_and_signed_headers_equal_the_sdk(case, security_token, project_id):
    method, url, body = CASES[case]
    unsigned, ours = sign_ours(method, url, body, security_token, project_id)
    sdk = sign_sdk(method, url, unsigned, ours.body, security_token, project_id)

    for header in SIGNED_BY_SDK:
        assert ours.headers.get(header) == sdk.get(header), header
    assert ours.headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=%s, SignedHeaders=" % ACCESS_KEY)
    assert SECRET_KEY not in str(dict(ours.headers))


def test_a_different_secret_gives_a_different_signature():
    first = sign_ours("GET", CASES["GET"][1], None, None, None)[1].headers["Authorization"]
    request = requests.Request("GET", CASES["GET"][1]).prepare()
    AccessKeySigner(ACCESS_KEY, SECRET_KEY + "x", clock=lambda: SDK_DATE)(request)
    assert request.headers["Authorization"] != first


def test_the_date_is_taken_from_the_clock_in_the_sdk_format():
    request = requests.Request("GET", CASES["GET"][1]).prepare()
    AccessKeySigner(ACCESS_KEY, SECRET_KEY)(request)
    assert len(request.headers["X-Sdk-Date"]) == 16 and request.headers["X-Sdk-Date"].endswith("Z")


@pytest.mark.parametrize("path, expected", [
    ("", "/"), ("/", "/"), ("/v4/user/emails", "/v4/user/emails/"), ("/a%2Fb/c d", "/a/b/c%20d/"),
])
def test_canonical_uri(path, expected):
    assert canonical_uri(path) == expected
