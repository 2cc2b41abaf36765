"""The collection talks to CodeArts Repo exactly as the official SDK does, compared on the wire.

For each call and each credential shape, the SDK's own client builds and sends its request and the
collection's client sends the same call, both to a loopback listener that records them as they arrived.
Nothing of the collection's is handed to the SDK. The listener answers with the emulator's own bodies,
so the same run shows that those deserialise through the SDK's response models.
"""

import importlib
import re
import sys
from types import SimpleNamespace
from urllib.parse import parse_qsl
from pathlib import Path

import pytest
from huaweicloudsdkcodeartsrepo.v4 import (
    AddSshKeyRequest,
    CodeArtsRepoClient,
    DeleteSshKeyRequest,
    DeployKeyParamsDto,
    ListUserKeysRequest,
    ListUserGpgKeysRequest,
    ModifyEmailAddressDto,
    SendUserEmailVerifyCodeRequest,
    ShowHttpsPasswordSettingRequest,
    ShowUserEmailsRequest,
    UpdateHttpsPasswordSetting,
    UpdateHttpsPasswordSettingRequest,
    UpdateUserEmailsRequest,
)
from huaweicloudsdkcore.auth.credentials import BasicCredentials

from ansible_collections.huaweicloud.codearts.plugins.module_utils._user import gpg_keys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user import https_clone
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user import ssh_keys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user import email as user_email
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.ssh_key_task import wanted_keys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import HTTPS_CLONE_PATH, LIST_GPG_KEYS

GPG_KEYS_PATH = LIST_GPG_KEYS.path
from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import credentials_from_params
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.client import CodeArtsClient
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RetryPolicy
from ansible_collections.huaweicloud.codearts.tests.emulator.codearts_emulator.intermediary import forwarded
from ansible_collections.huaweicloud.codearts.tests.emulator.codearts_emulator.signature import verify
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.wire_listener import WireListener

ACCESS_KEY = "HPUAPARITYACCESSKEY1"
SECRET_KEY = "parity-secret-key-0123456789abcdefghij"
PROJECT_ID = "0123456789abcdef0123456789abcdef"
SECURITY_TOKEN = "parity-temporary-security-token"
NEW_EMAIL = "carol.parity@example.com"
CODE = "PARITY"
KEY_LINE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZhaXJseSByYW5kb20gMzIgYnl0ZXMgb2Yga2V5ISEh parity@example.test"
KEY_ID = 9001

SHAPES = {
    "access key": dict(project_id=None, security_token=None),
    "access key with project_id": dict(project_id=PROJECT_ID, security_token=None),
    "temporary access key with security_token": dict(project_id=None, security_token=SECURITY_TOKEN),
    "temporary access key with both": dict(project_id=PROJECT_ID, security_token=SECURITY_TOKEN),
}

# Each call: how the SDK makes it, and how the collection makes it.
CALLS = {
    "read the user": (
        lambda sdk: sdk.show_user_emails(ShowUserEmailsRequest()),
        user_email.read_user),
    "change the email with a code": (
        lambda sdk: sdk.update_user_emails(UpdateUserEmailsRequest(body=ModifyEmailAddressDto(email=NEW_EMAIL, verify_code=CODE))),
        lambda client: user_email.write_email(client, NEW_EMAIL, CODE)),
    "change the email without a code": (
        lambda sdk: sdk.update_user_emails(UpdateUserEmailsRequest(body=ModifyEmailAddressDto(email=NEW_EMAIL))),
        lambda client: user_email.write_email(client, NEW_EMAIL)),
    "ask for a code": (
        lambda sdk: sdk.send_user_email_verify_code(SendUserEmailVerifyCodeRequest(body=ModifyEmailAddressDto(email=NEW_EMAIL))),
        lambda client: user_email.send_verify_code(client, NEW_EMAIL)),
    "read the HTTPS clone mode": (
        lambda sdk: sdk.show_https_password_setting(ShowHttpsPasswordSettingRequest()),
        https_clone.read_iam_auth),
    "change the HTTPS clone mode": (
        lambda sdk: sdk.update_https_password_setting(UpdateHttpsPasswordSettingRequest(
            body=UpdateHttpsPasswordSetting(https_clone_iam_auth="true"))),
        lambda client: https_clone.write_iam_auth(client, True)),
    "list the GPG keys": (
        lambda sdk: sdk.list_user_gpg_keys(ListUserGpgKeysRequest()),
        gpg_keys.list_gpg_keys),
    "list the SSH keys": (
        lambda sdk: sdk.list_user_keys(ListUserKeysRequest(offset=0, limit=100)),
        ssh_keys.UserSshKeys().list),
    "add an SSH key": (
        lambda sdk: sdk.add_ssh_key(AddSshKeyRequest(body=DeployKeyParamsDto(title="parity", key=KEY_LINE))),
        lambda client: ssh_keys.UserSshKeys().create(client, wanted_keys({"key": KEY_LINE, "title": "parity"})[0])),
    "delete an SSH key": (
        lambda sdk: sdk.delete_ssh_key(DeleteSshKeyRequest(key_id=KEY_ID)),
        lambda client: ssh_keys.UserSshKeys().delete(client, ssh_keys.listed_key({"id": KEY_ID, "key": KEY_LINE}))),
}
# The model each call's body is, and the calls whose answer is a JSON object the SDK deserialises field by field.
BODY_MODELS = {"change the email with a code": ModifyEmailAddressDto, "change the email without a code": ModifyEmailAddressDto,
               "ask for a code": ModifyEmailAddressDto, "change the HTTPS clone mode": UpdateHttpsPasswordSetting,
               "add an SSH key": DeployKeyParamsDto}
OBJECT_ANSWERS = ("read the user", "change the email with a code", "change the email without a code", "ask for a code",
                  "list the GPG keys", "list the SSH keys", "add an SSH key")


class _Key(object):
    def __init__(self, security_token):
        self.user = "parity-user"
        self.secret_key = SECRET_KEY
        self.security_token = security_token


class _KeyStore(object):
    def __init__(self, security_token):
        self.access_keys = {ACCESS_KEY: _Key(security_token)}


@pytest.fixture(scope="module")
def emulator_bodies():
    """The bodies the emulator answers the three calls with, from its own handlers."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "emulator"))
    try:
        api = importlib.import_module("codearts_emulator.api")
        store = importlib.import_module("codearts_emulator.state").Store()
    finally:
        sys.path.pop(0)
    carol = store.find_user("carol")
    read = api.get_emails(store, carol, None)
    code_sent = api.post_verify_code(store, carol, {"email": NEW_EMAIL})
    changed = api.put_emails(store, carol, {"email": NEW_EMAIL})
    https_read = api.get_https_setting(store, carol, None)
    https_changed = api.put_https_setting(store, carol, {"https_clone_iam_auth": "true"})
    gpg_read = api.get_gpg_keys(store, carol, None)
    assert [read[0], code_sent[0], changed[0], https_read[0], https_changed[0], gpg_read[0]] == [200] + [201] + [200] * 4
    assert https_read[1] is False and https_changed[1] == "success" and isinstance(gpg_read[1], dict)
    added = importlib.import_module("codearts_emulator.ssh_keys").add_key(store, carol, {"title": "parity", "key": KEY_LINE}, None)
    keys_path = "/v4/user/keys"
    listed = importlib.import_module("codearts_emulator.ssh_keys").list_keys(
        store, carol, None, SimpleNamespace(query="offset=0&limit=100", path=keys_path))
    assert added[0] == 201 and listed[0] == 200 and listed[1]["keys"] == [added[1]]
    return {("GET", keys_path): listed, ("POST", keys_path): added, ("DELETE", "%s/%d" % (keys_path, KEY_ID)): (204, b""),
            ("GET", user_email.USER_EMAILS_PATH): read, ("PUT", user_email.USER_EMAILS_PATH): changed,
            ("POST", user_email.VERIFY_CODE_PATH): code_sent, ("GET", HTTPS_CLONE_PATH): https_read,
            ("PUT", HTTPS_CLONE_PATH): (200, https_changed[1].encode("utf-8")), ("GET", GPG_KEYS_PATH): gpg_read}


@pytest.fixture(scope="module")
def listener(emulator_bodies):
    with WireListener(emulator_bodies) as running:
        yield running


def model_fields(model):
    """The fields an SDK model object holds, nested models too (those the SDK left unset are None and left out)."""
    def plain(value):
        if hasattr(value, "openapi_types"):
            return model_fields(value)
        return [plain(item) for item in value] if isinstance(value, list) else value
    values = dict((name, getattr(model, name)) for name in model.openapi_types)
    return dict((model.attribute_map[name], plain(value)) for name, value in values.items() if value is not None)


def sdk_client(url, project_id, security_token):
    credentials = BasicCredentials(ACCESS_KEY, SECRET_KEY, project_id)
    if security_token:
        credentials = credentials.with_security_token(security_token)
    return CodeArtsRepoClient.new_builder().with_credentials(credentials).with_endpoint(url).build()


def our_client(url, project_id, security_token):
    params = dict(access_key=ACCESS_KEY, secret_key=SECRET_KEY, project_id=project_id, security_token=security_token)
    return CodeArtsClient(url, credentials_from_params(params, None, environ={}), True, 10.0, RetryPolicy(0))


def send_both(listener, call, shape):
    sdk_call, our_call = CALLS[call]
    sdk_answer = sdk_call(sdk_client(listener.url, **SHAPES[shape]))
    [from_sdk] = listener.take()
    our_call(our_client(listener.url, **SHAPES[shape]))
    [from_us] = listener.take()
    return sdk_answer, from_sdk, from_us


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("call", sorted(CALLS))
def test_the_same_request_as_the_sdk_on_the_wire(listener, call, shape):
    _sdk_answer, from_sdk, from_us = send_both(listener, call, shape)

    assert (from_us.method, from_us.path) == (from_sdk.method, from_sdk.path)
    assert sorted(parse_qsl(from_us.query)) == sorted(parse_qsl(from_sdk.query))
    assert from_us.json == from_sdk.json
    assert from_us.headers["Content-Type"] == from_sdk.headers["Content-Type"] == "application/json"
    assert from_us.signed_headers == from_sdk.signed_headers
    for header in ("X-Project-Id", "X-Security-Token"):
        assert from_us.headers.get(header) == from_sdk.headers.get(header)
    store = _KeyStore(SHAPES[shape]["security_token"])
    for received in (from_sdk, from_us):
        user, _key = verify(store, received.method, received.path, received.query, forwarded(received.headers),
                            received.body)
        assert user == "parity-user"


@pytest.mark.parametrize("call", sorted(CALLS))
def test_only_headers_the_collection_sets_are_signed(listener, call):
    _sdk_answer, _from_sdk, from_us = send_both(listener, call, "temporary access key with both")
    assert from_us.signed_headers == "content-type;host;user-agent;x-project-id;x-sdk-date;x-security-token"
    for transport_header in ("Connection", "Accept", "Accept-Encoding"):
        assert transport_header in from_us.headers


def test_without_project_id_no_project_is_looked_up_and_none_is_sent(listener):
    """The decision in the user guide: X-Project-Id only when project_id is set, never an IAM lookup."""
    user_email.read_user(our_client(listener.url, None, None))
    [only_request] = listener.take()
    assert only_request.path == user_email.USER_EMAILS_PATH
    assert "X-Project-Id" not in only_request.headers
    assert "x-project-id" not in only_request.signed_headers


def test_the_user_agent_names_the_collection_ansible_python_and_requests(listener):
    user_email.read_user(our_client(listener.url, None, None))
    [received] = listener.take()
    assert re.match(r"^huaweicloud\.codearts/\d+\.\d+\.\d+ ansible-core/\S+ python/\d+\.\d+\.\d+ requests/\S+$",
                    received.headers["User-Agent"])


def test_the_user_agent_version_is_the_one_in_galaxy_yml(listener):
    galaxy = (Path(__file__).resolve().parents[5] / "galaxy.yml").read_text()
    version = re.search(r"^version:\s*(\S+)\s*$", galaxy, re.MULTILINE).group(1)
    user_email.read_user(our_client(listener.url, None, None))
    assert listener.take()[0].headers["User-Agent"].startswith("huaweicloud.codearts/%s " % version)


@pytest.mark.parametrize("call", sorted(OBJECT_ANSWERS))
def test_the_emulators_answers_deserialise_through_the_sdks_models_without_losing_a_field(listener, emulator_bodies, call):
    sdk_answer, from_sdk, _from_us = send_both(listener, call, "access key")
    _status, body = emulator_bodies[(from_sdk.method, from_sdk.path)]
    assert model_fields(sdk_answer) == body


@pytest.mark.parametrize("call", sorted(CALLS))
def test_the_bodies_the_collection_sends_are_the_sdks_models(listener, call):
    _sdk_answer, _from_sdk, from_us = send_both(listener, call, "access key")
    if call not in BODY_MODELS:
        assert from_us.method in ("GET", "DELETE") and from_us.json is None
        return
    model = BODY_MODELS[call]
    assert set(from_us.json) <= set(model.attribute_map)
    assert model_fields(model(**from_us.json)) == from_us.json


def test_the_sdk_loses_a_bare_boolean_which_the_collection_reads():
    """The documented answer to the read is a bare true or false, typed str in the SDK's model: SDK 3.1.219 turns it
    into None. That is why the collection reads the answer itself, leniently (a JSON boolean, or "true")."""
    with WireListener({("GET", HTTPS_CLONE_PATH): (200, False)}) as bare:
        assert sdk_client(bare.url, None, None).show_https_password_setting(ShowHttpsPasswordSettingRequest()).body is None
        assert https_clone.read_iam_auth(our_client(bare.url, None, None)) is False


def test_the_sdk_reads_the_bare_word_the_change_is_answered_with(listener):
    sdk_answer, _from_sdk, _from_us = send_both(listener, "change the HTTPS clone mode", "access key")
    assert sdk_answer.body == "success"
