"""The emulator's signature check accepts exactly what the collection's signer produces, and nothing else."""

import datetime
from urllib.parse import urlsplit

import pytest
import requests

from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.access_key import AccessKeySigner
from ansible_collections.huaweicloud.codearts.tests.emulator.codearts_emulator.signature import SignatureRejected, verify

NOW = datetime.datetime(2026, 11, 22, 10, 10, 10)


class Key(object):
    def __init__(self, secret_key, security_token=None):
        self.user = "alice"
        self.secret_key = secret_key
        self.security_token = security_token


class Store(object):
    access_keys = {"AK-ALICE": Key("alice-secret"), "AK-TEMP": Key("temp-secret", "temp-token")}


def signed(access_key="AK-ALICE", secret_key="alice-secret", security_token=None, at=NOW, method="PUT", body=None):
    request = requests.Request(method, "https://127.0.0.1:8443/v4/user/emails?b=2&a=1", json=body).prepare()
    AccessKeySigner(access_key, secret_key, security_token, clock=lambda: at.strftime("%Y%m%dT%H%M%SZ"))(request)
    return request


def check(request, now=NOW):
    parts = urlsplit(request.url)
    return verify(Store(), request.method, parts.path, parts.query, request.headers, request.body or b"", now=now)


def test_a_good_signature_is_accepted():
    assert check(signed(body={"email": "a@example.com"}))[0] == "alice"
    assert check(signed(access_key="AK-TEMP", secret_key="temp-secret", security_token="temp-token"))[0] == "alice"


@pytest.mark.parametrize("request_factory, reason", [
    (lambda: signed(secret_key="wrong"), "does not match"),
    (lambda: signed(access_key="AK-NOBODY"), "unknown access key"),
    (lambda: signed(at=NOW - datetime.timedelta(minutes=16)), "more than 15 minutes"),
    (lambda: signed(at=NOW + datetime.timedelta(minutes=16)), "more than 15 minutes"),
    (lambda: signed(access_key="AK-TEMP", secret_key="temp-secret"), "security token"),
])
def test_bad_signatures_are_rejected(request_factory, reason):
    with pytest.raises(SignatureRejected, match=reason):
        check(request_factory())


def test_fourteen_minutes_of_skew_is_tolerated():
    assert check(signed(at=NOW - datetime.timedelta(minutes=14)))[0] == "alice"


def test_a_changed_body_breaks_the_signature():
    request = signed(body={"email": "a@example.com"})
    request.body = b'{"email": "evil@example.com"}'
    with pytest.raises(SignatureRejected, match="does not match"):
        check(request)
