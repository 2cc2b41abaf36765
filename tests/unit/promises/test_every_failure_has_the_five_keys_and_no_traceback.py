"""Every failure carries msg, status, error_code, error_msg and request_id, and never a traceback, whatever the options, the environment or the answers."""

import json
import os
import zlib
from collections import Counter
from unittest import mock

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import ENVIRONMENT_NAMES
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http import client as http_client
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import UNEXPECTED
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import LONE_SURROGATE
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS
from ansible_collections.huaweicloud.codearts.plugins.modules import (
    codearts_user_email,
    codearts_user_email_info,
    codearts_user_gpg_key_info,
    codearts_user_https_clone,
    codearts_user_ssh_key,
    codearts_user_ssh_key_info,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.gate_runs import run_action
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.properties import SETTINGS, run_with_answers, texts_in
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.results import FAILURE_KEYS


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)
FIVE_KEYS = ("msg", "status", "error_code", "error_msg", "request_id")


def test_a_missing_requests_library_is_named_with_the_five_keys_before_any_request(
        run_module, session, monkeypatch):
    """Promise: every failure has msg/status/error_code/error_msg/request_id, and no traceback.

    Situation: any module on a host (or execution environment) whose interpreter lacks requests.
    """
    monkeypatch.setattr(http_client, "requests", None)
    monkeypatch.setattr(http_client, "REQUESTS_IMPORT_ERROR", "Traceback: No module named 'requests'")
    result = run_module(codearts_user_email.main, dict(ARGS, email="dev@example.com"))
    assert result["failed"] is True and session.sent == []
    assert "requests" in result["msg"] and "TypeError" not in result["msg"]
    assert all(key in result for key in FIVE_KEYS), result


OLD = {"id": 1, "name": "alice", "commit_email": "old@example.com"}
CONNECTION_VALUES = dict(endpoint="https://codearts.test", region="cn-north-4", token=TOKEN, timeout="5", retries="0",
                         auth_url="https://iam.test/v3", user_name="u", password="pw-123456", domain_name="d",
                         project_name="cn-north-4", access_key="AK", secret_key="SK" * 8,
                         security_token="temporary-security-token", project_id="p1", ca_path="/nonexistent/ca.pem")
PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZhaXJseSByYW5kb20gMzIgYnl0ZXMgb2Yga2V5ISEh dev@example.test"


def keys_page(*lines):
    return response(200, {"keys": [dict(id=index + 1, title="laptop", key=line) for index, line in enumerate(lines)]})


# Each module: its main, its own options with good values, and answers that let a good task succeed.
GPG_FINGERPRINT = "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2"
MODULES = {
    "email_info": (codearts_user_email_info.main, {}, lambda args: [response(200, OLD)]),
    "email": (codearts_user_email.main, dict(email="new@example.com", verify_code="123456"),
              lambda args: [response(200, OLD), response(200, dict(OLD, commit_email=args.get("email")))]),
    "https_clone": (codearts_user_https_clone.main, dict(iam_auth="true"),
                    lambda args: [response(200, raw=b"false"), response(200, raw=b"success")]),
    "gpg_key_info": (codearts_user_gpg_key_info.main, dict(fingerprint=GPG_FINGERPRINT, primary_keyid=GPG_FINGERPRINT[-16:]),
                     lambda args: [response(200, [{"id": 1, "fingerprint": GPG_FINGERPRINT,
                                                   "primary_keyid": GPG_FINGERPRINT[-16:]}])]),
    "ssh_key": (codearts_user_ssh_key.main, dict(key=PUBLIC_KEY, title="laptop", state="present", exclusive="false",
                                                 retitle="false", allow_no_keys="false"),
                lambda args: [keys_page(), response(201, dict(id=1, title="laptop", key=PUBLIC_KEY)), keys_page(PUBLIC_KEY)]),
    "ssh_key_info": (codearts_user_ssh_key_info.main, dict(title="laptop", fingerprint="SHA256:" + "x" * 43),
                     lambda args: [keys_page(PUBLIC_KEY)]),
}
OPTION_NAMES = sorted(set(CONNECTION_VALUES) | set(name for _main, own, _answers in MODULES.values() for name in own))
ENVIRONMENT = sorted(set(name for names in ENVIRONMENT_NAMES.values() for name in names)
                     | {"HW_REGION_NAME", "HW_CODEARTS_ENDPOINT", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "NO_PROXY",
                        "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"})
environment_text = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)) |
                           st.sampled_from(["\udcf6", "\udc80"]), max_size=60)
hostile_text = st.lists(st.text(max_size=8) | st.sampled_from(["\r\n", "\x00", "\ud83d", "[", "]", "@", "#", "%zz", ":0", "://",
                                                              "-----BEGIN OPENSSH PRIVATE KEY-----"]),
                        max_size=12).map("".join)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_arbitrary_options_and_environment_give_a_result_or_the_five_keys(module):
    """Each module, its good options kept or mutated into arbitrary strings, and arbitrary environment variables."""
    reached = Counter()
    main, own, answers = MODULES[module]

    @settings(max_examples=60, **SETTINGS)
    @given(kept=st.sets(st.sampled_from(sorted(CONNECTION_VALUES)), min_size=3),
           mutated=st.dictionaries(st.sampled_from(OPTION_NAMES), hostile_text, max_size=3),
           environment=st.dictionaries(st.sampled_from(ENVIRONMENT), environment_text, max_size=3))
    def attack(kept, mutated, environment):
        args = dict((key, CONNECTION_VALUES[key]) for key in kept | {"endpoint", "token"})
        args.update(own)
        args.update(mutated)
        with mock.patch.dict(os.environ, dict((name, value) for name, value in environment.items())):
            result, session = run_with_answers(main, args, answers(args))
        text = json.dumps(result)
        assert "Traceback" not in text and "MODULE FAILURE" not in text
        assert not any(LONE_SURROGATE.search(piece) for piece in texts_in(result)), "ansible-core 2.19+ refuses this result"
        if result.get("failed"):
            assert FAILURE_KEYS <= set(result), result
            assert not result["msg"].startswith(UNEXPECTED.split("(", maxsplit=1)[0]), result["msg"]
            reached["refused after a request" if session.sent else "refused before any request"] += 1
        else:
            reached["succeeded"] += 1

    attack()
    assert reached["succeeded"] >= 3 and reached["refused before any request"] >= 10, reached


def compressed(data, encoding):
    if encoding == "gzip":
        compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        return compressor.compress(data) + compressor.flush()
    if encoding == "deflate":
        return zlib.compress(data)
    return data


DOCUMENTS = st.dictionaries(st.text(max_size=10), st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                            max_size=5)


def test_any_bytes_as_an_answer_give_a_document_or_a_typed_error(make_client, session):
    """Real JSON objects, compressed as declared, then damaged: the document and each error branch must be reached."""
    reached = Counter()

    # The fixtures hold no state between examples but the scripted answers, which each example resets.
    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(document=DOCUMENTS, status=st.sampled_from([200, 200, 400, 500]), encoding=st.sampled_from(["", "gzip", "deflate"]),
           damage=st.sampled_from(["none", "none", "truncate", "flip", "junk"]), where=st.floats(0, 1), junk=st.binary(max_size=64))
    def attack(document, status, encoding, damage, where, junk):
        body = compressed(json.dumps(document).encode("utf-8"), encoding)
        cut = int(where * len(body))
        if damage == "truncate":
            body = body[:cut]
        elif damage == "flip" and body:
            body = body[:cut] + bytes([body[min(cut, len(body) - 1)] ^ 0x55]) + body[cut + 1:]
        elif damage == "junk":
            body = junk
        session.answers.clear()
        session.script(response(status, raw=body, headers={"Content-Encoding": encoding} if encoding else {}))
        try:
            answer = make_client(retries=0).call(READ_USER_EMAILS)
        except CodeArtsRequestError as error:
            assert str(error).startswith("GET /v4/user/emails failed: ")
            reached["typed error, %s" % ("status %d" % error.status if error.status else "no status")] += 1
        else:
            assert isinstance(answer, dict)
            reached["document"] += 1
            reached["document, %s" % (encoding or "plain")] += 1

    attack()
    assert all(reached["document, %s" % name] >= 10 for name in ("plain", "gzip", "deflate")), reached
    assert reached["typed error, no status"] >= 20 and reached["typed error, status 400"] >= 20, reached


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


def test_an_error_nobody_foresaw_fails_with_the_five_keys_and_no_traceback(capsys):
    def action(module):
        raise ZeroDivisionError("division by %s" % TOKEN)

    result = run_action(capsys, action)
    assert result["failed"] is True
    assert {"msg", "status", "error_code", "error_msg", "request_id"} <= set(result)
    assert result["msg"].startswith(UNEXPECTED.split("(", maxsplit=1)[0]) and "ZeroDivisionError" in result["msg"]
    assert TOKEN not in json.dumps(result) and "Traceback" not in json.dumps(result)
