"""The control API for repositories, under /_emulator/ (see admin.py for the rest):

GET  /_emulator/repositories                  every repository, deleted ones too: id, uuid, project_id,
                                              path_with_namespace, status, deleted
GET  /_emulator/repositories/ID_OR_UUID       what is stored about one: members, access, branches, protected
                                              branches with their addition_switchers (force push), webhooks with
                                              their real stored tokens, deploy keys with key and can_push, creation
POST /_emulator/repositories                  add a repository: {"project_id", "name", "group": "backend/api", ...}
POST /_emulator/repositories/ID/branches      {"names": [...]} adds branches (as a push would), {"delete": [...]}
                                              removes them
POST /_emulator/repositories/ID/settings      {"fingerprint": "md5"|"md5_prefixed"|"sha256", "can_push":
                                              "ignored"|"honoured"|"refused", "access": {"USER": "none"|"read"|"write"}}
POST /_emulator/projects                      add a project: a seed spec (repository_seeds.py shows the form)
POST /_emulator/creation                      how repositories created from now on behave: {"creating_reads": N,
                                              "outcome": "ready"|"failed", "fingerprint", "can_push"}; with
                                              "name": only repositories of that name
POST /_emulator/repository-settings           {"name_rule": "sdk"|"doc", "deploy_key_scope": "repository"|"tenant"}
The reset body takes the same: "projects" (replacing the default ones), "creation", "creation_by_name"
({name: behaviour}), "name_rule", "deploy_key_scope".
"""

from codearts_emulator.deploy_keys import fingerprint
from codearts_emulator.repository_store import (
    CAN_PUSH_POLICIES, FAILED, FINGERPRINT_FORMS, LEVELS, READY, RepositoryStore)
from codearts_emulator.repository_seeding import SeedProblem

SETTINGS = {"name_rule": ("sdk", "doc"), "deploy_key_scope": ("repository", "tenant")}
SPEC_ERRORS = (SeedProblem, ValueError, KeyError, TypeError, AttributeError)


def stored_state(repo):
    """Everything the emulator holds about a repository, secrets included: for tests, never for the API."""
    return {
        "id": repo.id, "uuid": repo.uuid, "name": repo.name, "path": repo.path,
        "path_with_namespace": repo.path_with_namespace, "project_id": repo.project.project_id,
        "group_id": repo.group.id if repo.group else None, "description": repo.description,
        "visibility_level": repo.visibility_level, "branches": list(repo.branches),
        "default_branch": repo.default_branch, "status": repo.status, "creating_reads_left": repo.creating_reads,
        "outcome": repo.outcome, "deleted": repo.deleted, "creator": repo.creator, "members": repo.members,
        "access": repo.access, "user_teams": repo.user_teams, "fingerprint": repo.fingerprint,
        "can_push_policy": repo.can_push, "import_url": repo.import_url, "protected_branches": repo.rules,
        "webhooks": repo.hooks,
        "deploy_keys": [dict(key, fingerprint=fingerprint(repo, key)) for key in repo.deploy_keys],
        "extra": repo.extra,
    }


def _find(store, key):
    repos = store.repositories
    return repos.by_id(int(key)) if key.isdigit() else repos.by_uuid(key)


def _behaviour(body):
    if not isinstance(body, dict):
        return "a creation behaviour is an object"
    if body.get("outcome", READY) not in (READY, FAILED) or not isinstance(body.get("creating_reads", 0), int):
        return "outcome is ready or failed, creating_reads a number"
    if body.get("fingerprint", "md5") not in FINGERPRINT_FORMS or body.get("can_push", "ignored") not in CAN_PUSH_POLICIES:
        return "fingerprint is one of %s, can_push one of %s" % (FINGERPRINT_FORMS, CAN_PUSH_POLICIES)
    return None


def set_creation(store, body, name=None):
    problem = _behaviour(body)
    if problem:
        return problem
    behaviour = dict((key, value) for key, value in body.items() if key != "name")
    if name:
        store.repositories.creation_by_name[name] = behaviour
    else:
        store.repositories.creation.update(behaviour)
    return None


def set_settings(store, body):
    for name, value in (body or {}).items():
        if name not in SETTINGS or value not in SETTINGS[name]:
            return "settings are %s" % SETTINGS
        setattr(store.repositories, name, value)
    return None


def seed(store, body):
    """Apply the repository part of a reset body; return an error text, or None."""
    if "projects" in body:
        store.repositories = RepositoryStore(store)
        try:
            store.repositories.seed(body["projects"])
        except SPEC_ERRORS as problem:
            return "bad project spec: %s" % problem
    for problem in [set_creation(store, body["creation"])] if "creation" in body else []:
        if problem:
            return problem
    for name, behaviour in body.get("creation_by_name", {}).items():
        problem = set_creation(store, behaviour, name)
        if problem:
            return problem
    return set_settings(store, dict((name, body[name]) for name in SETTINGS if name in body))


def _add_repository(store, body):
    project = store.repositories.projects.get((body or {}).get("project_id"))
    if project is None or not body.get("name"):
        return 400, {"error": "a repository needs the project_id of an existing project and a name"}
    spec = dict((key, value) for key, value in body.items() if key != "project_id")
    return 201, stored_state(store.repositories.add_repository(project, spec))


def _branches(repo, body):
    added = [name for name in body.get("names", []) if name not in repo.branches]
    repo.branches = [name for name in repo.branches + added if name not in body.get("delete", [])]
    if repo.default_branch is None and repo.branches:
        repo.default_branch = repo.branches[0]
    return 200, {"branches": repo.branches}


def _settings(repo, body):
    if body.get("fingerprint", repo.fingerprint) not in FINGERPRINT_FORMS \
            or body.get("can_push", repo.can_push) not in CAN_PUSH_POLICIES \
            or any(level not in LEVELS for level in body.get("access", {}).values()):
        return 400, {"error": "fingerprint is one of %s, can_push one of %s, access levels %s"
                     % (FINGERPRINT_FORMS, CAN_PUSH_POLICIES, LEVELS)}
    repo.fingerprint = body.get("fingerprint", repo.fingerprint)
    repo.can_push = body.get("can_push", repo.can_push)
    repo.access.update(body.get("access", {}))
    return 200, stored_state(repo)


def answer(store, method, path, body):
    """(status, body) for a repository control request, or None when the path is not one of them."""
    parts = path.split("/")
    try:
        if method == "GET" and path == "repositories":
            return 200, {"repositories": [{"id": repo.id, "uuid": repo.uuid, "project_id": repo.project.project_id,
                                           "path_with_namespace": repo.path_with_namespace, "status": repo.status,
                                           "deleted": repo.deleted} for repo in store.repositories.repositories(False)]}
        if parts[0] == "repositories" and len(parts) in (2, 3):
            repo = _find(store, parts[1])
            if repo is None:
                return 404, {"error": "no repository %s" % parts[1]}
            if method == "GET" and len(parts) == 2:
                return 200, stored_state(repo)
            if method == "POST" and parts[2:] == ["branches"]:
                return _branches(repo, body or {})
            if method == "POST" and parts[2:] == ["settings"]:
                return _settings(repo, body or {})
        if method == "POST" and path == "repositories":
            return _add_repository(store, body)
        if method == "POST" and path == "projects":
            return 201, {"project_id": store.repositories.add_project(body).project_id}
        if method == "POST" and path == "creation":
            problem = set_creation(store, body, (body or {}).get("name"))
            return (400, {"error": problem}) if problem else (200, {"creation": store.repositories.creation,
                                                                    "by_name": store.repositories.creation_by_name})
        if method == "POST" and path == "repository-settings":
            problem = set_settings(store, body)
            return (400, {"error": problem}) if problem else (200, {"settings": body})
    except SPEC_ERRORS as problem:
        return 400, {"error": "bad spec: %s" % problem}
    return None
