"""Every repository call the collection makes is one the official SDK (huaweicloudsdkcodeartsrepo 3.1.219) declares:
the same method and path, query parameters the SDK knows, and bodies whose fields are the SDK's request models'.
(The emulator's answers to these calls deserialise through the SDK's response models: tests/unit/emulator.)"""

import re

import pytest
from huaweicloudsdkcodeartsrepo import v3, v4

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Listed, Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository import calls
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.deploy_keys import DeployKeys
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import RepositoryRef, find_group, find_repository
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.protected_branches import ProtectedBranches
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.repositories import Repositories
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.rule_task import wanted_rules
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.webhook_task import wanted_hooks
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.webhooks import Webhooks
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519

PROJECT = "9f6c1d2e3b4a59687f8e9d0c1b2a3f4e"
UUID = "0a1b2c3d4e5f60718293a4b5c6d73001"


def sdk_calls():
    """(method, path with {} for every parameter) -> (SDK client, name, query names, body model) for every SDK call."""
    index = {}
    for version, client_class in (("v3", v3.CodeArtsRepoClient), ("v4", v4.CodeArtsRepoClient)):
        module = v3 if version == "v3" else v4
        for attribute in dir(client_class):
            match = re.fullmatch(r"_(\w+)_http_info", attribute)
            request_class = getattr(module, "".join(part.title() for part in match.group(1).split("_")) + "Request", None) \
                if match else None
            if request_class is None:
                continue
            info = getattr(client_class, attribute)(request_class())
            body_type = request_class.openapi_types.get("body")
            # A bare list body is typed list[<model>]: its items are the model's.
            body_model = getattr(module, re.sub(r"list\[(\w+)\]", r"\1", body_type), None) if body_type else None
            path = re.sub(r"\{\w+\}", "{}", info["resource_path"])
            index[(info["method"], path)] = (version, match.group(1), set(name for name, _value in info["query_params"]), body_model)
    return index


SDK = sdk_calls()


class Recorder(object):
    """A client that records every call and answers what the adapters need."""

    def __init__(self):
        self.made = []

    def call(self, call, body=None, query=None, about=None, with_headers=False, **path):
        self.made.append((call, body, query or {}))
        answer = {"repository_uuid": UUID, "status": 0} if call.answer == calls.WRAPPED else [] if call.answer == calls.LIST else {}
        if call is calls.LIST_GROUPS:
            answer = [{"id": 2001, "full_path": "demo-project/backend", "project_id": PROJECT}]
        if call in (calls.LIST_PROJECT_REPOSITORIES, calls.LIST_GROUP_REPOSITORIES):
            answer = [{"id": 3001, "namespace": "demo-project/backend", "path": "service"}]
        if call is calls.LIST_MEMBERS:
            answer = [{"user_id": 21820, "user_name": "alice"}]
        if call is calls.LIST_PROJECT_REPOSITORIES_V2:
            answer = {"repositories": [], "total": 0}
        return (answer, {}) if with_headers else answer

    def note_landed(self, words):
        pass


def every_call_made():
    client, repository = Recorder(), RepositoryRef(3001)
    listed = Listed(7, "x", {"title": "t"}, {"uuid": UUID, "fingerprint": "SHA256:x", "created_at": None})
    find_repository(client, "demo-project/backend/service", PROJECT)
    find_repository(client, "demo-project/backend/service")
    find_group(client, PROJECT, "demo-project/backend")
    repositories = Repositories(PROJECT, "billing", 2001, 10, read_description=True)
    repositories.list(client)
    repositories.create(client, Wanted((None, "billing"), dict(description="d", visibility="public", gitignore="Python",
                                                               readme=True, import_members=False), frozenset(), "name"))
    repositories.delete(client, Listed(7, (None, "billing"), {}, {"uuid": UUID}))
    client.call(calls.READ_REPOSITORY, repository_id=3001)
    rules = ProtectedBranches(repository, lambda text: None)
    rules.list(client)
    [rule] = wanted_rules(client, repository, [("", "master", {"push": {"users": ["alice"], "member_groups": [801], "roles": []},
                                                               "allow_force_push": False}, frozenset(("push", "allow_force_push")))])
    rules.refused_add(client, rule, [])
    rules.create(client, rule)
    rules.update(client, Listed(1, "master", {"merge": {"users": [], "member_groups": [], "roles": []}}, {}), rule)
    rules.delete(client, Listed(1, "master", {}, {}))
    hooks = Webhooks(repository)
    hooks.list(client)
    [hook] = wanted_hooks({"url": "https://ci.example.com/hook", "events": ["push", "note"], "note_filter": ["ci"],
                           "secret": "s3cret", "secret_update": "always", "state": "present"})
    hooks.create(client, hook)
    hooks.update(client, Listed(5, hook.key, dict(hook.values, description=""), {"created_at": None}), hook)
    hooks.delete(client, Listed(5, hook.key, {}, {}))
    keys = DeployKeys(repository)
    keys.list(client)
    keys.create(client, Wanted(("sha256", "x"), {"title": "ci", "can_push": False, "line": ed25519(), "fingerprint": "SHA256:x"},
                               frozenset(), "key"))
    keys.delete(client, listed)
    return client.made


MADE = every_call_made()


def test_every_repository_call_is_made_here():
    assert set(call for call, _body, _query in MADE) == set(calls.CALLS)


@pytest.mark.parametrize("call", calls.CALLS, ids=lambda call: call.name)
def test_each_call_is_one_the_sdk_declares_with_its_query_and_body_fields(call):
    found = SDK.get((call.method, re.sub(r"\{\w+\}", "{}", call.path)))
    assert found, "the SDK declares no %s %s" % (call.method, call.path)
    _version, _name, query_names, body_model = found
    for made, body, query in MADE:
        if made is not call:
            continue
        assert set(query) <= query_names, (set(query) - query_names, call.name)
        items = body if isinstance(body, list) else [body] if isinstance(body, dict) else []
        if items:
            model = body_model
            assert model is not None, call.name
            for item in items:
                assert set(item) <= set(model.attribute_map.values()), (set(item) - set(model.attribute_map.values()), call.name)
