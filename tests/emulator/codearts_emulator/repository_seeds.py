"""The projects, code groups and repositories a fresh (or reset) emulator holds, unless the reset body brings its own.

Fixed ids, so tests can name paths (and arm faults on them) without reading them first:

  project 9f6c1d2e3b4a59687f8e9d0c1b2a3f4e "Demo Project", root namespace demo-project (namespace id 1001)
    group 2001 backend              demo-project/backend
      group 2002 api                demo-project/backend/api
        repository 3001 service     demo-project/backend/api/service   uuid 0a1b...3001 (see below)
    group 2003 frontend             demo-project/frontend
      repository 3002 service       demo-project/frontend/service      (same name, other group)
    repository 3003 Tools           demo-project/tools                 (name and path differ)
  project 5e4d3c2b1a09f8e7d6c5b4a392817065 "Other Project", root other-project (namespace id 1002), no repositories

Repository uuids are "0a1b2c3d4e5f60718293a4b5c6d7" followed by the id (32 characters).
"""

DEMO_PROJECT_ID = "9f6c1d2e3b4a59687f8e9d0c1b2a3f4e"
OTHER_PROJECT_ID = "5e4d3c2b1a09f8e7d6c5b4a392817065"
UUID_PREFIX = "0a1b2c3d4e5f60718293a4b5c6d7"

# Member groups ("成员组") a protected-branch action may whitelist by id.
USER_TEAMS = ({"id": 801, "name": "release-managers"}, {"id": 802, "name": "ci-robots"})

# A project's members, imported into a repository created with import_members=1.
PROJECT_MEMBERS = ({"user": "alice", "role": "admin", "project_role": "Project manager"},
                   {"user": "bob", "role": "viewer", "project_role": "Viewer"},
                   {"user": "carol", "role": "developer", "project_role": "Developer"})

MASTER_RULE = {"name": "master", "actions": [
    {"action": "push", "enable": True, "user_ids": [], "user_team_ids": [801], "related_role_ids": [],
     "addition_switchers": [{"name": "allowed_force_push", "enable": False}]},
    {"action": "merge", "enable": True, "user_ids": [], "user_team_ids": [], "related_role_ids": []}]}


def _repository(repo_id, name, group, **extra):
    spec = {"id": repo_id, "uuid": UUID_PREFIX + str(repo_id), "name": name, "group": group,
            "branches": ["master", "develop", "release/1.0"], "default_branch": "master",
            "members": [{"user": "bob", "role": "viewer"}, {"user": "carol", "role": "developer"}]}
    spec.update(extra)
    return spec


def default_projects():
    """Fresh copies: the store changes what it is given."""
    return [
        {"project_id": DEMO_PROJECT_ID, "name": "Demo Project", "path": "demo-project", "namespace_id": 1001,
         "groups": [{"id": 2001, "name": "backend", "path": "backend",
                     "groups": [{"id": 2002, "name": "api", "path": "api"}]},
                    {"id": 2003, "name": "frontend", "path": "frontend"}],
         "repositories": [
             _repository(3001, "service", "backend/api", description="the API service",
                         protected_branches=[MASTER_RULE],
                         webhooks=[{"url": "https://ci.example.com/hook", "name": "ci", "push_events": True,
                                    "push_events_branch_regex_filter": "^master$", "token": "ci-hook-secret"}]),
             _repository(3002, "service", "frontend", fingerprint="sha256"),
             _repository(3003, "Tools", None, visibility_level=20)]},
        {"project_id": OTHER_PROJECT_ID, "name": "Other Project", "path": "other-project", "namespace_id": 1002},
    ]
