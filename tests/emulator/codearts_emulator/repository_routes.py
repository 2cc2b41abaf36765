"""The repository-level routes: method and path pattern to handler. api.route falls back to route() here.

A handler is called as handler(store, user, body, request) with request.params set to the path's parameters.
"""

import re

from codearts_emulator import (deploy_keys, members, protected_branches, repositories, repository_lists,
                               webhooks)

REPOSITORY = "/v4/repositories/(?P<repository_id>[0-9]{1,10})"
UUID = "(?P<repository_uuid>[0-9A-Za-z]{32})"

TABLE = (
    ("POST", "/v1/repositories", repositories.create_v1),
    ("GET", "/v1/repositories/%s/status" % UUID, repositories.status_v1),
    ("DELETE", "/v1/repositories/%s" % UUID, repositories.delete_v1),
    ("GET", "/v2/repositories/%s" % UUID, repositories.show_v2),
    ("GET", "/v2/projects/(?P<project_uuid>[^/]+)/repositories", repositories.list_v2),
    ("GET", REPOSITORY, repositories.show_v4),
    ("GET", "/v4/projects/(?P<project_id>[^/]+)/repositories", repository_lists.project_repositories),
    ("GET", "/v4/groups/(?P<group_id>[0-9]{1,10})/repositories", repository_lists.group_repositories),
    ("GET", "/v4/groups/list", repository_lists.groups),
    ("GET", "/v4/projects/(?P<project_id>[^/]+)/subgroups-and-repositories", repository_lists.project_children),
    ("GET", "/v4/groups/(?P<group_id>[0-9]{1,10})/subgroups-and-repositories", repository_lists.group_children),
    ("GET", REPOSITORY + "/repository/branches", protected_branches.list_branches),
    ("GET", REPOSITORY + "/protected-branches", protected_branches.list_rules),
    ("POST", REPOSITORY + "/protected-branches", protected_branches.create_rules),
    ("PUT", REPOSITORY + "/protected-branches", protected_branches.update_rules),
    ("POST", REPOSITORY + "/protected-branches/bulk-deletion", protected_branches.delete_rules),
    ("GET", REPOSITORY + "/protected-branch", protected_branches.show_rule),
    ("PUT", REPOSITORY + "/protected-branch", protected_branches.update_rule),
    ("DELETE", REPOSITORY + "/protected-branch", protected_branches.delete_rule),
    ("GET", REPOSITORY + "/members", members.list_members),
    ("GET", REPOSITORY + "/hooks", webhooks.list_hooks),
    ("POST", REPOSITORY + "/hooks", webhooks.create_hook),
    ("GET", REPOSITORY + "/hooks/(?P<hook_id>[0-9]{1,10})", webhooks.show_hook),
    ("PUT", REPOSITORY + "/hooks/(?P<hook_id>[0-9]{1,10})", webhooks.update_hook),
    ("DELETE", REPOSITORY + "/hooks/(?P<hook_id>[0-9]{1,10})", webhooks.delete_hook),
    ("POST", "/v2/repositories/(?P<repository_id>[0-9]{1,10})/deploy-keys", deploy_keys.add_v2),
    ("GET", REPOSITORY + "/deploy-keys", deploy_keys.list_v4),
    ("DELETE", REPOSITORY + "/deploy-keys/(?P<key_id>[0-9]{1,10})", deploy_keys.delete_v4),
)
COMPILED = [(method, re.compile(pattern), handler) for method, pattern, handler in TABLE]


def route(method, path):
    """The handler for this method and path, bound to the path's parameters, or None."""
    for verb, pattern, handler in COMPILED:
        match = pattern.fullmatch(path) if verb == method else None
        if match:
            return _bound(handler, match.groupdict())
    return None


def _bound(handler, params):
    def bound(store, user, body, request):
        request.params = params
        return handler(store, user, body, request)
    bound.__name__ = handler.__name__
    return bound
