"""Helpers for the emulator's repository-level tests: run the emulator, call it as the official SDK would, and read
its answers through the SDK's own response models.

A call is built from the SDK's declaration of it (CodeArtsRepoClient._<name>_http_info: method, path, path and
query parameters, body model) and sent with requests and a token; the answer is handed to the SDK's own response
handler, as the SDK does with what it receives.
"""

import decimal
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import requests
from huaweicloudsdkcodeartsrepo.v3 import CodeArtsRepoClient as LegacyClient
from huaweicloudsdkcodeartsrepo.v4 import CodeArtsRepoClient
from huaweicloudsdkcore.utils.http_utils import sanitize_for_serialization

EMULATOR_DIR = str(Path(__file__).resolve().parents[2] / "emulator")
CLIENTS = {"v3": LegacyClient(), "v4": CodeArtsRepoClient()}
HEADER_FIELDS = ("X-Total", "X-Request-Id")
DEMO_PROJECT = "9f6c1d2e3b4a59687f8e9d0c1b2a3f4e"
OTHER_PROJECT = "5e4d3c2b1a09f8e7d6c5b4a392817065"
UUID_PREFIX = "0a1b2c3d4e5f60718293a4b5c6d7"


class Answer(object):
    """What came back: the HTTP response, its decoded body, and the SDK's model of it."""

    def __init__(self, response, model):
        self.response = response
        self.status = response.status_code
        self.headers = response.headers
        self.body = response.json() if response.content else None
        self.model = model


class Emulator(object):
    """A running emulator: the API as the SDK calls it, and the control API."""

    def __init__(self, url, ca_path):
        self.url = url
        self.session = requests.Session()
        self.session.verify = ca_path
        self.session.trust_env = False  # no proxy, whatever the environment says: the emulator is on loopback

    def control(self, method, path, body=None):
        response = self.session.request(method, self.url + "/_emulator/" + path, json=body, timeout=10)
        assert response.status_code < 300, response.text
        return response.json()

    def reset(self, **body):
        return self.control("POST", "reset", body)

    def stored(self, repository):
        return self.control("GET", "repositories/%s" % repository)

    def log(self):
        return self.control("GET", "requests")["requests"]

    def arm(self, **fault):
        return self.control("POST", "faults", fault)

    def send(self, method, path, query=None, body=None, token="alice-token"):
        return self.session.request(method, self.url + path, params=query, json=body, timeout=10,
                                    headers={"X-Auth-Token": token, "Content-Type": "application/json"})

    def call(self, version, name, request, token="alice-token"):
        """Send the SDK call `name` with the SDK request object; return an Answer with the SDK's model of it."""
        client = CLIENTS[version]
        info = getattr(client, "_%s_http_info" % name)(request)
        path = info["resource_path"]
        for key, value in info["path_params"].items():
            path = path.replace("{%s}" % key, quote(str(value), safe=""))
        query = [(key, str(value).lower() if isinstance(value, bool) else value) for key, value in info["query_params"]]
        body = info["body"]
        response = self.session.request(
            info["method"], self.url + path, params=query, timeout=10,
            data=None if body is None else json.dumps(sanitize_for_serialization(body)),
            headers={"X-Auth-Token": token, "Content-Type": "application/json"})
        model = client.sync_response_handler(response, info["response_type"], info["response_headers"], None)
        return Answer(response, model)


def start(state_dir):
    """(process, Emulator): `python -m codearts_emulator` on a free loopback port, as the integration tests run it."""
    environment = dict(os.environ, PYTHONPATH=EMULATOR_DIR)
    log = open(os.path.join(state_dir, "emulator.log"), "wb")  # pylint: disable=consider-using-with
    process = subprocess.Popen([sys.executable, "-m", "codearts_emulator", "--state-dir", state_dir],
                               cwd=EMULATOR_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT)
    written = os.path.join(state_dir, "emulator.json")
    deadline = time.monotonic() + 20
    while not os.path.exists(written) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not os.path.exists(written):
        process.kill()
        raise RuntimeError("the emulator did not start: %s" % open(log.name, encoding="utf-8").read())
    with open(written, encoding="utf-8") as handle:
        details = json.load(handle)
    return process, log, Emulator(details["emulator_url"], details["emulator_ca_path"])


def to_wire(value):
    """A model as the wire names it (attribute_map), None members left out; Decimals as floats."""
    if isinstance(value, list):
        return [to_wire(item) for item in value]
    if isinstance(value, decimal.Decimal):
        return float(value)
    if hasattr(value, "openapi_types"):
        return dict((value.attribute_map[attr], to_wire(getattr(value, attr))) for attr in value.openapi_types
                    if getattr(value, attr) is not None and value.attribute_map[attr] not in HEADER_FIELDS)
    return value


def without_none(data):
    if isinstance(data, list):
        return [without_none(item) for item in data]
    if isinstance(data, dict):
        return dict((key, without_none(value)) for key, value in data.items() if value is not None)
    return data


def model_payload(model):
    """What the model holds of the body: its body member for a list answer, else the model itself."""
    body_attrs = [attr for attr, wire in model.attribute_map.items() if wire == "body"]
    return getattr(model, body_attrs[0]) if body_attrs else model


def assert_round_trip(answer):
    """Nothing of the answer's body is lost or changed by the SDK's model: every member is one the model has,
    with a value of the model's type."""
    assert to_wire(model_payload(answer.model)) == without_none(answer.body)


def missing_fields(data, model_class, prefix=""):
    """The model's fields (dotted, at any depth) that the answer's body does not carry at all."""
    if isinstance(data, list):
        return set().union(*[missing_fields(item, model_class, prefix) for item in data]) if data else set()
    missing = set()
    for attr, kind in model_class.openapi_types.items():
        wire = model_class.attribute_map[attr]
        if wire in HEADER_FIELDS or wire == "body":
            continue
        if wire not in data:
            missing.add(prefix + wire)
            continue
        inner = kind[5:-1] if kind.startswith("list[") else kind
        nested = getattr(sys.modules[model_class.__module__.rsplit(".", 1)[0]], inner, None)
        if nested is not None and hasattr(nested, "openapi_types") and isinstance(data[wire], (dict, list)):
            missing |= missing_fields(data[wire], nested, prefix + wire + ".")
    return missing


def assert_complete(answer, allowed_missing=()):
    """The answer fills every field the SDK's model has, at any depth, except those named."""
    model = answer.model
    body_types = [kind for attr, kind in model.openapi_types.items() if model.attribute_map[attr] == "body"]
    if body_types:
        inner = body_types[0][5:-1] if body_types[0].startswith("list[") else body_types[0]
        model_class = getattr(sys.modules[type(model).__module__.rsplit(".", 1)[0]], inner)
    else:
        model_class = type(model)
    assert missing_fields(answer.body, model_class) == set(allowed_missing)
