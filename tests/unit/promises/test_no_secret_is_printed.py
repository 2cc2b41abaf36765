"""No secret is printed: a private key in an answer of the service is hidden by the output gate, and a credential
the service echoes in the forms real systems produce is masked. (The older properties of this promise, any escape
and any cut, are in tests/unit/plugins/module_utils/test_invariant_properties.py.)"""

import base64
import binascii
import json

import pytest

from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email_info, codearts_user_gpg_key_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response, shown

ARGS = dict(endpoint="https://codearts.test", token=TOKEN)
PGP_PRIVATE = ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgEZkXK1xYJKwYBBAHaRw8BAQdAz7b0Yq3cQ3m1hZr8nq3QmV4pWm9x\n"
               "T2sdWQABAKc9vQp3Yz0mKk8N9Xfd8w1aVJ4jP2mZr7sLq5ePq3hQEG0=\n=4Xz1\n-----END PGP PRIVATE KEY BLOCK-----")
OPENSSH_PRIVATE = ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n"
                   "c2gtZWQyNTUxOQAAACBk3ts5w8sXo0c9Z1x2m6b9V1tT3fQJ0f1mQz7c2b0qXwAAAJg=\n-----END OPENSSH PRIVATE KEY-----")
GPG_KEY = {"id": 1, "title": "laptop", "fingerprint": "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2",
           "primary_keyid": "3AA5C34371567BD2"}


@pytest.mark.parametrize("where", ["key", "subkey"])
def test_a_private_key_listed_as_a_gpg_key_is_never_returned(run_module, session, where):
    key = dict(GPG_KEY, key=PGP_PRIVATE) if where == "key" else dict(GPG_KEY, subkeys=[{"id": 2, "key": OPENSSH_PRIVATE}])
    session.script(response(200, [key]))
    result = run_module(codearts_user_gpg_key_info.main, ARGS)
    text = json.dumps(result)
    assert "failed" not in result and result["gpg_keys"][0]["title"] == "laptop"
    assert "PRIVATE KEY" not in text and "b3BlbnNzaC1rZXktdjE" not in text and "lFgEZkXK1xYJ" not in text
    assert "(hidden: a private key)" in text


ECHOES = {
    "upper case": lambda secret: secret.upper(),
    "lower case": lambda secret: secret.lower(),
    "base64": lambda secret: base64.b64encode(secret.encode()).decode(),
    "URL-safe base64 inside a longer text": lambda secret: base64.urlsafe_b64encode(b"X-Auth-Token: " + secret.encode()).decode(),
    "hexadecimal": lambda secret: binascii.hexlify(secret.encode()).decode(),
    "full-width": lambda secret: "".join(chr(ord(char) + 0xFEE0) if 0x21 <= ord(char) < 0x7F else char for char in secret),
}
TOKEN_FORMS_SECRET = "MIIdjAYJKoZIhvcNAQcCoIIdfTCCHXkCAQExDTALBglghkgBZQMEAgEwghveBgkq"


@pytest.mark.parametrize("echo", sorted(ECHOES), ids=sorted(ECHOES))
def test_a_token_the_service_echoes_transformed_as_real_systems_do_is_masked(run_module, session, echo):
    echoed = ECHOES[echo](TOKEN_FORMS_SECRET)
    session.script(response(400, {"error_code": "X.1", "error_msg": "you sent %s, which is wrong" % echoed}))
    result = run_module(codearts_user_email_info.main, dict(ARGS, token=TOKEN_FORMS_SECRET))
    middle = echoed[len(echoed) // 2 - 4:len(echoed) // 2 + 4]  # wherever the secret starts in what was encoded
    assert result["failed"] is True and middle not in json.dumps(result, ensure_ascii=False)


def test_an_echoed_proxy_authorization_header_is_masked_whole():
    basic = "Basic " + base64.b64encode(b"proxy-user:proxy-password").decode()
    assert base64.b64encode(b"proxy-user:proxy-password").decode() not in shown(
        "the proxy said: Proxy-Authorization: %s" % basic, "proxy-user:proxy-password")
