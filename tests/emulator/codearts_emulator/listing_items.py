"""Made-up items for hostile listings (hostile_listings.py): one well-formed item per number, per shape.

Each shape is the SDK model a real listing holds; ids start at 70000 so they never meet seeded ones.
"""

import base64
import hashlib
import re
import struct


CREATED_AT = "2026-11-30T10:00:00.000+08:00"
MASK = "********"
HOSTILE_PROJECT_ID = "0" * 32


def _string(data):
    return struct.pack(">I", len(data)) + data


def key_line(number, line_chars=None):
    """A well-formed ed25519 public key line, different for every number."""
    blob = _string(b"ssh-ed25519") + _string(hashlib.sha256(b"hostile key %d" % number).digest())
    line = "ssh-ed25519 %s hostile-%d" % (base64.b64encode(blob).decode("ascii"), number)
    if line_chars and line_chars > len(line):
        line += "x" * (line_chars - len(line))
    return line


def _ssh_key(number, fault):
    return {"id": 70000 + number, "title": "hostile %d" % number, "key": key_line(number, fault.get("line_chars")),
            "created_at": CREATED_AT}


def _repository(number, fault):
    return {"id": 70000 + number, "name": "hostile-%d" % number, "namespace": "hostile", "path": "hostile-%d" % number,
            "develop_mode": "normal", "visibility": "private", "security": None,
            "name_with_namespace": "Hostile / hostile-%d" % number, "archived": False, "status": "0"}


def _repository_v2(number, fault):
    return {"repository_id": 70000 + number, "repository_uuid": "%032x" % (70000 + number),
            "repository_name": "hostile-%d" % number, "group_name": "hostile", "project_uuid": HOSTILE_PROJECT_ID,
            "https_url": "https://codehub.emulated.test/hostile/hostile-%d.git" % number,
            "ssh_url": "git@codehub.emulated.test:hostile/hostile-%d.git" % number, "status": 0, "visibility_level": 0,
            "created_at": "2026-11-30 10:00:00", "updated_at": "2026-11-30 10:00:00", "repository_size": "0M",
            "lfs_size": "0M", "userRole": 40, "star": False, "is_owner": 0, "project_is_deleted": "false"}


def _group(number, fault):
    return {"id": 70000 + number, "name": "hostile-%d" % number, "path": "hostile-%d" % number,
            "full_path": "hostile/hostile-%d" % number, "full_name": "Hostile / hostile-%d" % number,
            "parent_id": 70000, "project_id": HOSTILE_PROJECT_ID, "group_level": 1, "descendant_type": "group",
            "visibility_level": 0, "visibility": "private", "created_at": CREATED_AT}


def _subgroup(number, fault):
    made = dict(_group(number, fault), descendant_type="project", uuid="%032x" % (70000 + number), status=0)
    del made["parent_id"]  # SubgroupAndProjectBaseDto has none
    return made


def _protected_branch(number, fault):
    from codearts_emulator.roles import ROLES  # roles needs state, which needs this module (through faults)
    role = ROLES["admin"]
    return {"id": 70000 + number, "name": "hostile-%d/*" % number, "actions": [
        {"action": action, "enable": True, "users": [], "user_teams": [],
         "roles": [{"id": role["id"], "name": role["name"], "related_role_id": role["related_role_id"],
                    "chinese_name": role["chinese_name"]}]} for action in ("push", "merge")]}


def _member(number, fault):
    from codearts_emulator.roles import ROLES
    return {"user_id": 70000 + number, "user_iam_id": "%032x" % (70000 + number), "user_name": "hostile-%d" % number,
            "user_nick_name": "Hostile %d" % number, "tenant_name": "emulated-domain", "is_repo_creator": 0,
            "is_group_creator": 0, "is_Project_admin": 0, "repository_role_name": "Developer",
            "repository_role_Id": ROLES["developer"]["related_role_id"], "service_license_status": 1,
            "action_enabled": True}


def _webhook(number, fault):
    return {"id": 70000 + number, "url": "https://hooks.example.com/hostile/%d" % number, "name": "hostile %d" % number,
            "description": "", "push_events": True, "push_events_branch_regex_filter": ".*",
            "note_plain_text_filter": [], "tag_push_events": False, "merge_requests_events": False,
            "note_events": False, "token": MASK, "token_type": "X-Repo-Token", "event_cfgs": [], "project_cfgs": [],
            "branch_cfgs": [], "created_at": CREATED_AT, "updated_at": CREATED_AT, "service": None}


def _deploy_key(number, fault):
    blob = base64.b64decode(key_line(number).split()[1])
    fingerprint = "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")
    return {"id": 70000 + number, "title": "hostile %d" % number, "fingerprint": fingerprint, "created_at": CREATED_AT}


ITEMS = {"ssh_key": _ssh_key, "repository": _repository, "repository_v2": _repository_v2, "group": _group,
         "subgroup": _subgroup, "protected_branch": _protected_branch, "member": _member, "webhook": _webhook,
         "deploy_key": _deploy_key}
SECRET_FIELD = {"ssh_key": "key", "webhook": "token", "deploy_key": "fingerprint"}
WITH_TOTAL_HEADER = ("member", "webhook", "deploy_key")  # the real lists that send X-Total
ITEM_BY_PATH = (
    (r"/v4/user/keys", "ssh_key"),
    (r"/v2/projects/[^/]+/repositories", "repository_v2"),
    (r"/v4/(projects|groups)/[^/]+/repositories", "repository"),
    (r"/v4/groups/list", "group"),
    (r"/v4/(projects|groups)/[^/]+/subgroups-and-repositories", "subgroup"),
    (r"/v4/repositories/[0-9]+/protected-branches", "protected_branch"),
    (r"/v4/repositories/[0-9]+/members", "member"),
    (r"/v4/repositories/[0-9]+/hooks", "webhook"),
    (r"/v4/repositories/[0-9]+/deploy-keys", "deploy_key"),
)


def shape_for(path):
    """The item shape a real listing at this path holds, or None."""
    return next((shape for pattern, shape in ITEM_BY_PATH if re.fullmatch(pattern, path)), None)


def item(shape, number, fault):
    """One made-up item, with the fault's wrong_types and masked options applied."""
    made = ITEMS[shape](number, fault)
    if "masked" in fault and shape in SECRET_FIELD:
        made[SECRET_FIELD[shape]] = fault["masked"]
    made.update(fault.get("wrong_types") or {})
    return made
