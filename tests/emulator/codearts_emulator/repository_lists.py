"""v4 listings of repositories and code groups: bare JSON arrays with no X-Total, paged by offset and limit.

  GET /v4/projects/{project_id}/repositories                every repository of the project, in any group
  GET /v4/groups/{group_id}/repositories                    the group's own repositories (not its subgroups')
  GET /v4/groups/list                                       every code group the caller can see
  GET /v4/projects/{project_id}/subgroups-and-repositories  the root's groups, then its repositories
  GET /v4/groups/{group_id}/subgroups-and-repositories      a group's subgroups, then its repositories
search (and filter) is a case-insensitive substring match: a client must filter for the exact name itself.
The SDK types subgroups-and-repositories' filter as an integer although it is documented as a name: the
emulator takes text. Its order_by and sort are ignored (groups by id, then repositories in creation order).
Repositories being created, or whose creation failed, are in none of them; nor are those the caller may not read.
"""

from codearts_emulator import v4_answers
from codearts_emulator.repository_access import allowed
from codearts_emulator.repository_views import basic_dto, group_dto, subgroup_dto, subproject_dto

REPOSITORY_ORDERS = ("id", "name", "created_at", "updated_at")
GROUP_ORDERS = ("id", "name", "path", "created_at", "updated_at")


def _sorted(items, values, orders, default_order, default_sort):
    order_by = values.get("order_by", default_order)
    sort = values.get("sort", default_sort)
    if order_by not in orders or sort not in ("asc", "desc"):
        return None
    return sorted(items, key=lambda item: (getattr(item, order_by), item.id), reverse=sort == "desc")


def _repositories(store, user, request, candidates):
    if "read" not in user.permissions:
        return v4_answers.FORBIDDEN
    values = v4_answers.query(request)
    search = values.get("search", "").lower()
    found = [repo for repo in candidates if repo.visible and search in repo.name.lower() and allowed(repo, user, "read")]
    ordered = _sorted(found, values, REPOSITORY_ORDERS, "updated_at", "desc")
    if ordered is None:
        return v4_answers.bad_request("order_by must be one of %s and sort asc or desc" % ", ".join(REPOSITORY_ORDERS))
    status, items, headers = v4_answers.page(ordered, request)
    return (status, items, headers) if status != 200 else (200, [basic_dto(repo) for repo in items], headers)


def project_repositories(store, user, body, request):
    project = store.repositories.projects.get(request.params["project_id"])
    if project is None:
        return v4_answers.not_found("The project")
    return _repositories(store, user, request, project.repositories)


def group_repositories(store, user, body, request):
    group = store.repositories.group(int(request.params["group_id"]))
    if group is None:
        return v4_answers.not_found("The code group")
    return _repositories(store, user, request, [repo for repo in group.project.repositories if repo.group is group])


def groups(store, user, body, request):
    if "read" not in user.permissions:
        return v4_answers.FORBIDDEN
    values = v4_answers.query(request)
    search = values.get("search", "").lower()
    found = [group for project in store.repositories.projects.values() for group in project.groups.values()
             if search in group.name.lower() or search in group.full_path.lower()]
    ordered = _sorted(found, values, GROUP_ORDERS, "name", "asc")
    if ordered is None:
        return v4_answers.bad_request("order_by must be one of %s and sort asc or desc" % ", ".join(GROUP_ORDERS))
    status, items, headers = v4_answers.page(ordered, request)
    return (status, items, headers) if status != 200 else (200, [group_dto(group, user) for group in items], headers)


def _children(store, user, request, project, parent):
    if "read" not in user.permissions:
        return v4_answers.FORBIDDEN
    search = v4_answers.query(request).get("filter", "").lower()
    subgroups = sorted((group for group in project.groups.values() if group.parent is parent
                        and search in group.name.lower()), key=lambda group: group.id)
    repos = [repo for repo in project.repositories if repo.group is parent and repo.visible
             and search in repo.name.lower() and allowed(repo, user, "read")]
    children = [("group", group) for group in subgroups] + [("repository", repo) for repo in repos]
    status, items, headers = v4_answers.page(children, request)
    if status != 200:
        return status, items, headers
    return 200, [subgroup_dto(item, user) if kind == "group" else subproject_dto(store, item, user)
                 for kind, item in items], headers


def project_children(store, user, body, request):
    project = store.repositories.projects.get(request.params["project_id"])
    if project is None:
        return v4_answers.not_found("The project")
    return _children(store, user, request, project, None)


def group_children(store, user, body, request):
    group = store.repositories.group(int(request.params["group_id"]))
    if group is None:
        return v4_answers.not_found("The code group")
    return _children(store, user, request, group.project, group)
