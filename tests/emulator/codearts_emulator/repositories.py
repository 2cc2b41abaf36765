"""Repositories: v1 create, status and delete (by uuid), v2 read and project list (by uuid), v4 read (by id).

Each handler takes (store, user, body, request) and returns (status, body) or (status, body, headers);
request.params holds the path's parameters.
"""

import re

from codearts_emulator import v4_answers, wrapped
from codearts_emulator.repository_access import allowed
from codearts_emulator.repository_store import READY, V2_STATUS
from codearts_emulator.repository_views import show_dto, v2_info

NAME_RULES = {
    # The SDK model's older rule: a letter first, then letters, digits, '-' and '_'.
    "sdk": re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,255}$"),
    # The 2026 CreateRepository page: a letter, digit or '_' first; '.' allowed; no .git/.atom/'.' at the end.
    "doc": re.compile(r"^(?!.*(\.git|\.atom|\.)$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,255}$"),
}
V2_DEFAULT_PAGE_SIZE = 20


def _flag(body, name):
    """An optional 0/1 field: None when absent, the value when valid, False when invalid."""
    value = body.get(name)
    return None if value is None else value if value in (0, 1) and not isinstance(value, bool) else False


def _create_problem(store, user, body):
    """(project, group, refusal): the project and group to create in, or why not."""
    if not isinstance(body, dict) or not isinstance(body.get("name"), str) or not isinstance(body.get("project_uuid"), str):
        return None, None, wrapped.param_invalid("name and project_uuid are required")
    if len(body["project_uuid"]) != 32:
        return None, None, wrapped.param_invalid("project_uuid must be 32 characters")
    project = store.repositories.projects.get(body["project_uuid"])
    if project is None:
        return None, None, wrapped.refusal(wrapped.NO_SUCH_PROJECT, "The project does not exist.")
    own = "write" in user.permissions
    if not own or project.access.get(user.name, "write") != "write":
        return None, None, wrapped.forbidden()
    if not NAME_RULES[store.repositories.name_rule].match(body["name"]):
        return None, None, wrapped.param_invalid("the repository name does not follow the naming rule")
    group, group_id = None, body.get("group_id")
    if group_id is not None and group_id != project.namespace_id:
        group = project.groups.get(group_id) if isinstance(group_id, int) and not isinstance(group_id, bool) else None
        if group is None:
            return None, None, wrapped.refusal(wrapped.NO_SUCH_GROUP, "The code group does not exist in this project.")
    if body.get("visibility_level", 0) not in (0, 20) or isinstance(body.get("visibility_level"), bool):
        return None, None, wrapped.param_invalid("visibility_level must be 0 or 20")
    if _flag(body, "enable_readme") is False or _flag(body, "import_members") is False:
        return None, None, wrapped.param_invalid("enable_readme and import_members must be 0 or 1")
    if store.repositories.name_taken(project, group, body["name"]):
        return None, None, wrapped.refusal(wrapped.NAME_TAKEN, "The repository name already exists in this group.")
    return project, group, None


def create_v1(store, user, body, request):
    """POST /v1/repositories: the uuid at once; the repository is created in the background."""
    project, group, refusal = _create_problem(store, user, body)
    if refusal:
        return refusal
    repo = store.repositories.create(project, group, body, user)
    return wrapped.success({"repository_uuid": repo.uuid})


def _by_uuid(store, request):
    repo = store.repositories.by_uuid(request.params["repository_uuid"])
    return None if repo is None or repo.deleted else repo


def status_v1(store, user, body, request):
    """GET /v1/repositories/{uuid}/status: status 'success' whenever the call worked; result 0 ready, 1 creating,
    2 failed (RepoInfoV2's scale): a client that only checks status takes a repository still being made for ready."""
    repo = _by_uuid(store, request)
    if repo is None:
        return wrapped.no_such_repository()
    if not allowed(repo, user, "read"):
        return wrapped.forbidden()
    return wrapped.success(V2_STATUS[repo.observe()])


def delete_v1(store, user, body, request):
    """DELETE /v1/repositories/{uuid}: result is the string "false" even when it worked, as Huawei's example."""
    repo = _by_uuid(store, request)
    if repo is None:
        return wrapped.no_such_repository()
    if not allowed(repo, user, "write"):
        return wrapped.forbidden()
    store.repositories.delete(repo)
    return 200, {"result": "false", "status": "success"}


def show_v2(store, user, body, request):
    """GET /v2/repositories/{uuid}: HTTP 401 CH.080401 when deleted, unknown, or not readable by the caller."""
    repo = _by_uuid(store, request)
    if repo is None or not allowed(repo, user, "read"):
        return wrapped.GONE
    return wrapped.success(v2_info(store, repo, user, repo.observe()))


def list_v2(store, user, body, request):
    """GET /v2/projects/{project_uuid}/repositories: page_index from 1, page_size 1-100, search on the name."""
    project = store.repositories.projects.get(request.params["project_uuid"])
    if project is None:
        return wrapped.refusal(wrapped.NO_SUCH_PROJECT, "The project does not exist.")
    values = v4_answers.query(request)
    try:
        page_index = int(values.get("page_index", 1))
        page_size = int(values.get("page_size", V2_DEFAULT_PAGE_SIZE))
    except ValueError:
        return wrapped.param_invalid("page_index and page_size must be numbers")
    if page_index < 1 or not 1 <= page_size <= 100:
        return wrapped.param_invalid("page_index starts at 1 and page_size is 1-100")
    search = values.get("search", "").lower()
    found = [repo for repo in project.repositories
             if not repo.deleted and search in repo.name.lower() and allowed(repo, user, "read")]
    start = (page_index - 1) * page_size
    return wrapped.success({"repositories": [v2_info(store, repo, user, repo.status)
                                             for repo in found[start:start + page_size]], "total": len(found)})


def show_v4(store, user, body, request):
    """GET /v4/repositories/{id}: 404 while being created, after a failed creation, and after deletion."""
    repo = store.repositories.by_id(int(request.params["repository_id"]))
    if repo is None or repo.deleted:
        return v4_answers.not_found("The repository")
    if not allowed(repo, user, "read"):
        return v4_answers.FORBIDDEN
    if repo.observe() != READY:
        return v4_answers.not_found("The repository")
    return 200, show_dto(store, repo, user)
