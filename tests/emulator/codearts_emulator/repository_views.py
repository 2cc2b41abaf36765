"""What the API answers about repositories and code groups, shaped as the SDK's models.

v4: ShowRepositoryResponse, BasicRepositoryDto, GroupBaseDto, SubgroupAndProjectBaseDto.
v2: RepoInfoV2 (sizes as strings with units, the v2 timestamp form, userRole in camelCase).
"""

import base64
import binascii

from codearts_emulator.repository_store import HOST, V2_STATUS, v2_time
from codearts_emulator.roles import ROLES, user_basic_dto
from codearts_emulator.state import DOMAIN

VISIBILITY = {0: "private", 10: "internal", 20: "public"}
SECURITY = {0: None, 10: "tenant_internal", 20: "tenant_internal"}


def _role_of(repo, user):
    member = repo.member(user.name) if user else None
    return member["role"] if member else None


def _web_url(repo):
    return "https://%s/codehub/project/%s/codehub/%d/home" % (HOST, repo.project.project_id, repo.id)


def _decoded(import_url):
    """The import URL as a user wrote it: v1 create takes it in Base64; the v4 read echoes it, credentials and all."""
    if not import_url:
        return None
    try:
        return base64.b64decode(import_url, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return import_url


def namespace_dto(repo):
    """NamespaceBasicDto: the repository's group, or the project's root namespace."""
    group = repo.group
    if group is None:
        return {"id": repo.project.namespace_id, "name": repo.project.name, "path": repo.project.path,
                "develop_mode": "normal", "kind": "group", "full_path": repo.project.path,
                "full_name": repo.project.name, "parent_id": None, "visibility_level": 0,
                "enable_file_control": False, "owner_id": None}
    return {"id": group.id, "name": group.name, "path": group.path, "develop_mode": "normal", "kind": "group",
            "full_path": group.full_path, "full_name": group.full_name, "parent_id": group.parent_id,
            "visibility_level": group.visibility_level, "enable_file_control": False, "owner_id": None}


def show_dto(store, repo, user):
    """ShowRepositoryResponse: every field the model has."""
    creator = store.find_user(repo.creator)
    role = _role_of(repo, user)
    level = ROLES[role]["level"] if role else 0
    return {
        "id": repo.id, "description": repo.description, "name": repo.name,
        "name_with_namespace": repo.namespace_name + " / " + repo.name, "path": repo.path,
        "path_with_namespace": repo.path_with_namespace, "created_at": repo.created_at,
        "updated_at": repo.updated_at, "archived": False, "ssh_url_to_repo": repo.ssh_url,
        "http_url_to_repo": repo.https_url, "project_id": repo.project.project_id,
        "project_name": repo.project.name, "develop_mode": "normal", "moderation_result": True,
        "default_branch": repo.default_branch, "avatar_url": None, "star_count": 0, "forks_count": 0,
        "open_issues_count": 0, "open_merge_requests_count": 0, "last_activity_at": repo.updated_at,
        "namespace": namespace_dto(repo), "empty_repo": not repo.branches,
        "starred": False, "visibility": VISIBILITY[repo.visibility_level],
        "security_tag": None, "security": SECURITY[repo.visibility_level], "network_type": "public",
        "owner": user_basic_dto(creator) if creator else None,
        "creator": user_basic_dto(creator) if creator else None,
        "creator_id": creator.public["id"] if creator else None, "forked_from_repository": None,
        "encryption_status": "decrypted", "repo_encryption_enabled": False, "uuid": repo.uuid,
        "ancestor_ids": [], "ancestor_names": [], "import_status": "finished" if repo.import_url else None,
        "import_url": _decoded(repo.import_url), "import_error": None, "repo_type": "normal",
        "only_allow_merge_if_pipeline_succeeds": False, "request_access_enabled": False,
        "only_allow_merge_if_all_discussions_are_resolved": False, "merge_method": "merge",
        "fork_network_repositories": [{"id": repo.id, "path_with_namespace": repo.path_with_namespace}],
        "permissions": {"repository_access": {"access_level": level, "notification_level": 3},
                        "group_access": {"access_level": level, "notification_level": 3}},
        "repository_type": "normal",
        "statistics": {"commit_count": 3 if repo.branches else 0, "storage_size": 0.16, "repository_size": 0.16,
                       "lfs_objects_size": 0.0, "tenant_repo_size_limit": 2048},
        "branch_count": len(repo.branches), "tag_count": 0, "label_count": 0, "member_count": len(repo.members),
    }


def basic_dto(repo):
    """BasicRepositoryDto, as the v4 project and group lists give it: no uuid, no path_with_namespace."""
    return {"id": repo.id, "name": repo.name, "namespace": repo.namespace_path, "path": repo.path,
            "develop_mode": "normal", "visibility": VISIBILITY[repo.visibility_level],
            "security": SECURITY[repo.visibility_level],
            "name_with_namespace": repo.namespace_name + " / " + repo.name, "archived": False,
            "status": str(V2_STATUS[repo.status])}


def v2_info(store, repo, user, status):
    """RepoInfoV2. group_name is the namespace's full path (nested groups joined with '/')."""
    creator = store.find_user(repo.creator)
    role = _role_of(repo, user)
    return {
        "created_at": v2_time(repo.created_at), "creator_name": repo.creator, "domain_name": DOMAIN,
        "group_name": repo.namespace_path, "https_url": repo.https_url,
        "iam_user_uuid": creator.public["username"] if creator else None,
        "is_owner": 1 if user and user.name == repo.creator else 0, "lfs_size": "0M",
        "project_is_deleted": "false", "project_uuid": repo.project.project_id, "repository_id": repo.id,
        "repository_name": repo.name, "repository_size": "0.16M", "repository_uuid": repo.uuid,
        "ssh_url": repo.ssh_url, "star": False, "status": V2_STATUS[status], "updated_at": v2_time(repo.updated_at),
        "userRole": ROLES[role]["legacy"] if role else 0, "visibility_level": repo.visibility_level,
        "web_url": _web_url(repo),
    }


def _group_common(group, user):
    project = group.project
    return {"project_id": project.project_id, "project_name": project.name, "develop_mode": "normal",
            "id": group.id, "name": group.name, "path": group.path, "group_level": group.level,
            "description": group.description,
            "subgroup_count": sum(1 for other in project.groups.values() if other.parent is group),
            "project_count": sum(1 for repo in project.repositories if repo.group is group and repo.visible),
            "group_role": 40, "group_members_count": 1, "descendant_type": "group",
            "visibility_level": group.visibility_level, "visibility": VISIBILITY[group.visibility_level],
            "is_project_admin": 0, "is_group_creator": 0, "is_repo_creator": 0, "full_name": group.full_name,
            "full_path": group.full_path, "created_at": "2026-11-30T09:00:00.000+08:00"}


def group_dto(group, user):
    """GroupBaseDto, as GET /v4/groups/list gives it."""
    dto = _group_common(group, user)
    ancestors = group.ancestors()
    dto.update({"ancestor_ids": [ancestor.id for ancestor in ancestors],
                "ancestor_names": [ancestor.name for ancestor in ancestors], "lfs_enabled": True,
                "item_type": "group", "parent_id": group.parent_id,
                "my_role": {"id": 1, "access_level": 40, "role_namecn": "管理员", "role_namen": "Admin",
                            "source_id": group.id, "source_type": "Namespace", "user_id": user.public["id"],
                            "notification_level": 3, "created_at": "2026-11-30T09:00:00.000+08:00",
                            "updated_at": "2026-11-30T09:00:00.000+08:00", "is_project_admin": 0,
                            "is_group_creator": 0, "is_repo_creator": 0, "role_show_flag": 1},
                "members": 1, "web_url": "https://%s/codehub/group/%d" % (HOST, group.id),
                "sub_group_count": dto["subgroup_count"], "last_owner": False, "starred": False,
                "roles": [{"role_id": ROLES["admin"]["related_role_id"], "role_name": "Admin",
                           "role_chinese_name": "管理员"}]})
    return dto


def _child_common():
    return {"role_namecn": "管理员", "role_nameen": "Admin", "updated_at_timestamp": 1796000000000,
            "star_time": 0, "starred": False, "role_show_flag": 1}


def subgroup_dto(group, user):
    """SubgroupAndProjectBaseDto of a code group (descendant_type 'group')."""
    dto = _group_common(group, user)
    dto.update(_child_common())
    dto.update({"uuid": None, "forks_count": 0, "is_kia": False, "is_owner": False, "archived": False,
                "last_repository_updated_at": None, "open_merge_requests_count": 0, "all_merge_requests_count": 0,
                "project_role": 0, "project_members_count": 0, "project_creator": None, "star_count": 0,
                "tag_list": [], "http_url_to_repo": None, "ssh_url_to_repo": None, "status": 0,
                "active_statistic": [], "security_tag": None})
    return dto


def subproject_dto(store, repo, user):
    """SubgroupAndProjectBaseDto of a repository: descendant_type 'project' (GitLab's word for a repository)."""
    creator = store.find_user(repo.creator)
    role = _role_of(repo, user)
    dto = _child_common()
    dto.update({
        "project_id": repo.project.project_id, "project_name": repo.project.name,
        "full_name": repo.namespace_name + " / " + repo.name, "full_path": repo.path_with_namespace,
        "created_at": repo.created_at, "develop_mode": "normal", "id": repo.id, "name": repo.name,
        "path": repo.path, "group_level": repo.group.level + 1 if repo.group else 1,
        "description": repo.description, "subgroup_count": 0, "project_count": 0, "group_role": 0,
        "group_members_count": 0, "descendant_type": "project", "visibility_level": repo.visibility_level,
        "visibility": VISIBILITY[repo.visibility_level], "is_project_admin": 0, "is_group_creator": 0,
        "is_repo_creator": 1 if user.name == repo.creator else 0, "uuid": repo.uuid, "forks_count": 0,
        "is_kia": False, "is_owner": user.name == repo.creator, "archived": False,
        "last_repository_updated_at": repo.updated_at, "open_merge_requests_count": 0,
        "all_merge_requests_count": 0, "project_role": ROLES[role]["level"] if role else 0,
        "project_members_count": len(repo.members),
        "project_creator": {"id": creator.public["id"], "name": creator.name, "username": creator.public["username"]}
        if creator else None,
        "star_count": 0, "tag_list": [], "http_url_to_repo": repo.https_url, "ssh_url_to_repo": repo.ssh_url,
        "status": V2_STATUS[repo.status], "active_statistic": [0, 0, 0, 0, 0, 0, 0], "security_tag": None})
    return dto
