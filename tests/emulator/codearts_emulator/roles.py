"""Repository roles and the user objects the v4 answers expand ids into.

A role has a numeric id (BasicRoleDto.id) and a string related_role_id: the protected-branch write side takes
related_role_ids, the read side shows both, and a member's repository_role_Id is the role's related_role_id.
The numeric ids are deliberately unlike the access levels (20/30/35/40) and unlike the related ids, so a
client that sends the wrong one is caught.
"""

import hashlib

from codearts_emulator.state import DOMAIN

ROLES = {
    "admin": {"id": 6101, "name": "Admin", "chinese_name": "管理员", "level": 40, "legacy": 40},
    "committer": {"id": 6102, "name": "Committer", "chinese_name": "提交者", "level": 35, "legacy": 30},
    "developer": {"id": 6103, "name": "Developer", "chinese_name": "开发者", "level": 30, "legacy": 30},
    "viewer": {"id": 6104, "name": "Viewer", "chinese_name": "浏览者", "level": 20, "legacy": 20},
}
for _name, _role in ROLES.items():
    _role["related_role_id"] = hashlib.md5(("role " + _name).encode("utf-8")).hexdigest()
TENANT_ID = hashlib.md5(DOMAIN.encode("utf-8")).hexdigest()


def by_related_id(related_role_id):
    return next((name for name, role in ROLES.items() if role["related_role_id"] == related_role_id), None)


def role_dto(name):
    """BasicRoleDto."""
    role = ROLES[name]
    return {"id": role["id"], "name": role["name"], "related_role_id": role["related_role_id"],
            "chinese_name": role["chinese_name"]}


def user_dto(user):
    """RepositoryUserDto: id is the numeric CodeArts user id, username the IAM-style long id."""
    return {"id": user.public["id"], "name": user.name, "username": user.public["username"],
            "state": user.public["state"], "avatar_url": None, "nick_name": user.name.capitalize(),
            "tenant_name": DOMAIN}


def user_basic_dto(user):
    """RepositoryUserBasicDto (owner, creator)."""
    return {"id": user.public["id"], "name": user.name, "username": user.public["username"],
            "state": user.public["state"], "service_license_status": 1, "name_cn": user.name,
            "nick_name": user.name.capitalize(), "tenant_name": DOMAIN}
