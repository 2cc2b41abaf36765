"""Repository members (v4): GET /v4/repositories/{id}/members, a bare array with X-Total.

RepositoryMemberDto keeps the SDK's spelling on the wire: repository_role_Id (capital I) and is_Project_admin
(capital P). user_id is the numeric CodeArts user id that protected-branch user_ids take; user_iam_id the IAM id.
"""

from codearts_emulator import v4_answers
from codearts_emulator.repository_access import v4_repository
from codearts_emulator.roles import ROLES, TENANT_ID
from codearts_emulator.state import DOMAIN

# What each role may do, for the permission/action filter (action_enabled); admins may do everything.
VIEWER_ACTIONS = frozenset(("download", "comment"))


def _project_member(repo, user_name):
    return next((member for member in repo.project.members if member.get("user") == user_name), None)


def _action_enabled(role, permission, action):
    if role == "admin" or not (permission or action):
        return True
    if role == "viewer":
        return action in VIEWER_ACTIONS
    return permission not in ("member", "repository")


def member_dto(store, repo, member, permission=None, action=None):
    user = store.find_user(member["user"])
    role = ROLES[member["role"]]
    in_project = _project_member(repo, member["user"]) or {}
    return {
        "user_id": user.public["id"], "user_iam_id": user.public["username"], "user_name": user.name,
        "user_nick_name": user.name.capitalize(), "tenant_name": DOMAIN, "tenant_id": TENANT_ID,
        "is_repo_creator": 1 if member.get("is_repo_creator") else 0, "is_group_creator": 0,
        "is_Project_admin": 1 if in_project.get("role") == "admin" else 0,
        "project_role_name": in_project.get("project_role"), "repository_role_name": role["name"],
        "repository_role_Id": role["related_role_id"], "member_source": member.get("member_source"),
        "member_group_source": member.get("member_group_source"), "member_source_id": member.get("member_source_id"),
        "service_license_status": 1, "action_enabled": _action_enabled(member["role"], permission, action),
    }


def list_members(store, user, body, request):
    """search matches the user name, nick name or tenant (substring, any case); X-Total counts every match."""
    repo, refusal = v4_repository(store, user, request, "read")
    if refusal:
        return refusal
    values = v4_answers.query(request)
    search = values.get("search", "").lower()
    found = [member for member in repo.members
             if search in member["user"].lower() or search in DOMAIN.lower()]
    status, items, headers = v4_answers.page(found, request, total_header=True)
    if status != 200:
        return status, items, headers
    return 200, [member_dto(store, repo, member, values.get("permission"), values.get("action")) for member in items], \
        headers
