"""The emulator checks signatures on the headers a load balancer forwards, not on those the client sent."""

import datetime
from email.message import Message

import pytest
from huaweicloudsdkcodeartsrepo.v4 import CodeArtsRepoClient, ShowUserEmailsRequest
from huaweicloudsdkcore.auth.credentials import BasicCredentials

from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.access_key import canonical_request, signature, string_to_sign
from ansible_collections.huaweicloud.codearts.tests.emulator.codearts_emulator.intermediary import forwarded
from ansible_collections.huaweicloud.codearts.tests.emulator.codearts_emulator.signature import SignatureRejected, verify
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.wire_listener import WireListener

ACCESS_KEY = "AK-INTERMEDIARY"
SECRET_KEY = "intermediary-secret"


class _Key(object):
    user = "alice"
    secret_key = SECRET_KEY
    security_token = None


class _Store(object):
    access_keys = {ACCESS_KEY: _Key()}


def message(pairs):
    headers = Message()
    for name, value in pairs:
        headers[name] = value
    return headers


def signed_over_every_header(sdk_date):
    """A GET signed the way the collection signed before: over every header, transport headers included."""
    headers = {"Host": "127.0.0.1:8443", "User-Agent": "python-requests/2.34.2", "Accept-Encoding": "gzip, deflate",
               "Accept": "*/*", "Connection": "keep-alive", "X-Sdk-Date": sdk_date}
    names = sorted(name.lower() for name in headers)
    url = "https://127.0.0.1:8443/v4/user/emails"
    text = string_to_sign(canonical_request("GET", url, headers, None, names), sdk_date)
    headers["Authorization"] = "SDK-HMAC-SHA256 Access=%s, SignedHeaders=%s, Signature=%s" % (
        ACCESS_KEY, ";".join(names), signature(SECRET_KEY, text))
    return message(headers.items())


def test_a_request_signed_over_connection_is_refused_behind_the_intermediary_and_only_there():
    now = datetime.datetime(2026, 11, 23, 8, 0, 0)
    headers = signed_over_every_header(now.strftime("%Y%m%dT%H%M%SZ"))
    assert verify(_Store(), "GET", "/v4/user/emails", "", headers, b"", now=now)[0] == "alice"
    with pytest.raises(SignatureRejected):
        verify(_Store(), "GET", "/v4/user/emails", "", forwarded(headers), b"", now=now)


def test_the_sdks_own_request_is_accepted_behind_the_intermediary():
    with WireListener({("GET", "/v4/user/emails"): (200, {"id": 1})}) as listener:
        client = CodeArtsRepoClient.new_builder().with_credentials(BasicCredentials(ACCESS_KEY, SECRET_KEY)) \
            .with_endpoint(listener.url).build()
        client.show_user_emails(ShowUserEmailsRequest())
        [received] = listener.take()
    assert received.headers["Connection"] == "keep-alive"
    assert verify(_Store(), "GET", received.path, received.query, forwarded(received.headers), received.body)[0] == "alice"


def test_hop_by_hop_headers_and_those_connection_names_are_removed_and_connection_rewritten():
    headers = message([("Host", "h"), ("Connection", "keep-alive, X-Trace"), ("Keep-Alive", "timeout=5"), ("TE", "trailers"),
                       ("X-Trace", "1"), ("Transfer-Encoding", "chunked"), ("X-Sdk-Date", "d")])
    assert list(forwarded(headers).items()) == [("Host", "h"), ("X-Sdk-Date", "d"), ("Connection", "close")]
