"""Projects, code groups and repositories as the emulator keeps them, for the repository-level API.

A project has a 32-hex project_id and a root namespace (path, namespace id); code groups nest under it;
a repository lives at the project root or in a group, with a numeric id (v4) and a 32-hex uuid (v1/v2).
What the emulator does where Huawei does not document the behaviour is listed in tests/emulator/REPOSITORIES.md.
"""

import datetime
import hashlib

from codearts_emulator import repository_seeds
from codearts_emulator.projects import Group, Project

HOST = "codehub.emulated.test"  # only ever a string in answers: nothing connects to it
SEEDED_AT = "2026-11-30T10:00:00.000+08:00"
READY, CREATING, FAILED = "ready", "creating", "failed"
V2_STATUS = {READY: 0, CREATING: 1, FAILED: 2}
LEVELS = ("none", "read", "write")
FINGERPRINT_FORMS = ("md5", "md5_prefixed", "sha256")
CAN_PUSH_POLICIES = ("ignored", "honoured", "refused")
DEFAULT_CREATION = {"creating_reads": 1, "outcome": READY}


def hex32(text):
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def now():
    moment = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8)))
    return moment.isoformat(timespec="milliseconds")


def v2_time(iso):
    """The v2 API's timestamp form ('2026-11-30 10:00:00') of an ISO timestamp."""
    return iso[:19].replace("T", " ")


class Repository(object):
    """One repository with everything stored about it, secrets included (the admin view shows them)."""

    def __init__(self, repo_id, name, project, group=None, spec=None):
        spec = spec or {}
        self.id = repo_id
        self.uuid = spec.get("uuid") or hex32("repository %d" % repo_id)
        self.name = name
        self.path = spec.get("path", name.lower())  # name and path differ when the name has capitals
        self.project = project
        self.group = group
        self.description = spec.get("description", "")
        self.visibility_level = int(spec.get("visibility_level", 0))
        self.branches = list(spec.get("branches", ["master"]))
        self.default_branch = spec.get("default_branch", self.branches[0] if self.branches else None)
        self.status = spec.get("status", READY)
        self.creating_reads = int(spec.get("creating_reads", 0))
        self.outcome = spec.get("outcome", READY)
        self.creator = spec.get("creator", "alice")
        self.members = [{"user": self.creator, "role": "admin", "is_repo_creator": 1}]
        self.members += [dict(member) for member in spec.get("members", ()) if member.get("user") != self.creator]
        self.access = dict(spec.get("access", {}))
        self.user_teams = [dict(team) for team in spec.get("user_teams", repository_seeds.USER_TEAMS)]
        self.fingerprint = spec.get("fingerprint", "md5")
        self.can_push = spec.get("can_push", "ignored")
        self.import_url = spec.get("import_url")
        self.created_at = spec.get("created_at", SEEDED_AT)
        self.updated_at = self.created_at
        self.rules = []  # protected branches: {"id", "name", "actions": {"push": {...}, "merge": {...}}}
        self.hooks = []  # webhooks as stored, the real token included
        self.deploy_keys = []  # {"id", "title", "key", "can_push", "application", "created_at"}
        self.deleted = False
        self.extra = dict(spec.get("extra", {}))  # kept for tests, never answered

    @property
    def namespace_path(self):
        return self.group.full_path if self.group else self.project.path

    @property
    def namespace_name(self):
        return self.group.full_name if self.group else self.project.name

    @property
    def path_with_namespace(self):
        return self.namespace_path + "/" + self.path

    @property
    def ssh_url(self):
        return "git@%s:%s.git" % (HOST, self.path_with_namespace)

    @property
    def https_url(self):
        return "https://%s/%s.git" % (HOST, self.path_with_namespace)

    @property
    def visible(self):
        """Whether v4 calls and lists see it: not while it is being created, nor when creation failed."""
        return not self.deleted and self.status == READY

    def observe(self):
        """One read of this repository by v1 status, v2 or v4: the status it answers.

        The first creating_reads reads answer creating, the next one the outcome (ready or failed).
        """
        if self.status == CREATING:
            if self.creating_reads > 0:
                self.creating_reads -= 1
                return CREATING
            self.status = self.outcome
        return self.status

    def level_of(self, user):
        """'none', 'read' or 'write': the repository's own setting for the user, capped by what the user may do."""
        own = "write" if "write" in user.permissions else "read" if "read" in user.permissions else "none"
        wanted = self.access.get(user.name, self.project.access.get(user.name, own))
        return min(wanted, own, key=LEVELS.index)

    def member(self, user_name):
        return next((member for member in self.members if member["user"] == user_name), None)


class RepositoryStore(object):
    """Every project, code group and repository, deleted repositories included (their reads answer 401)."""

    def __init__(self, users):
        self.users = users  # the Store: find_user(name), users_by_token
        self.projects = {}
        self.counters = {"repository": 3100, "group": 2100, "namespace": 1100, "rule": 5000, "hook": 6000,
                         "deploy_key": 7000}
        self.creation = dict(DEFAULT_CREATION)
        self.creation_by_name = {}
        self.name_rule = "sdk"
        self.deploy_key_scope = "repository"

    def seed(self, projects=None):
        """Add projects from seed specs (see repository_seeds.py for their form); None: the default ones.
        Call once the store holds this RepositoryStore as store.repositories."""
        for spec in repository_seeds.default_projects() if projects is None else projects:
            self.add_project(spec)

    def next_id(self, kind):
        self.counters[kind] += 1
        return self.counters[kind]

    def repositories(self, live_only=True):
        every = [repo for project in self.projects.values() for repo in project.repositories]
        return [repo for repo in every if not repo.deleted] if live_only else every

    def by_id(self, repo_id):
        return next((repo for repo in self.repositories(False) if repo.id == repo_id), None)

    def by_uuid(self, uuid):
        return next((repo for repo in self.repositories(False) if repo.uuid == uuid), None)

    def group(self, group_id):
        return next((project.groups[group_id] for project in self.projects.values() if group_id in project.groups),
                    None)

    def group_by_path(self, project, relative_path):
        """The group at 'backend/api' (relative to the project's root namespace), or None."""
        return next((group for group in project.groups.values()
                     if group.full_path == project.path + "/" + relative_path.strip("/")), None)

    def name_taken(self, project, group, name):
        """Names clash case-insensitively (the path is the lower-cased name); a failed creation keeps its name."""
        return any(repo.group is group and repo.path == name.lower() for repo in project.repositories
                   if not repo.deleted)

    def user_by_id(self, user_id):
        return next((user for user in self.users.users_by_token.values() if user.public["id"] == user_id), None)

    def add_project(self, spec):
        project = Project(spec["project_id"], spec.get("name", spec["project_id"]), spec.get("path", spec["project_id"]),
                          spec.get("namespace_id") or self.next_id("namespace"), spec.get("access"),
                          spec.get("members", repository_seeds.PROJECT_MEMBERS))
        self.projects[project.project_id] = project
        for group_spec in spec.get("groups", ()):
            self.add_group(project, group_spec, None)
        for repo_spec in spec.get("repositories", ()):
            self.add_repository(project, repo_spec)
        return project

    def add_group(self, project, spec, parent):
        group = Group(spec.get("id") or self.next_id("group"), spec["name"], spec.get("path", spec["name"].lower()),
                      project, parent, spec.get("description", ""), int(spec.get("visibility_level", 0)))
        project.groups[group.id] = group
        for child in spec.get("groups", ()):
            self.add_group(project, child, group)
        return group

    def add_repository(self, project, spec):
        """A seeded repository; spec["group"] is the group's path relative to the project root, if any."""
        group = None
        if spec.get("group"):
            group = self.group_by_path(project, spec["group"])
            if group is None:
                raise ValueError("no group %s in project %s" % (spec["group"], project.project_id))
        repo = Repository(spec.get("id") or self.next_id("repository"), spec["name"], project, group, spec)
        from codearts_emulator import repository_seeding  # seeding rules, hooks and keys uses their checks
        repository_seeding.seed_contents(self.users, repo, spec)
        project.repositories.append(repo)
        return repo

    def create(self, project, group, body, creator):
        """A repository made by v1 create: being created, as the creation behaviour for its name says."""
        behaviour = dict(self.creation, **self.creation_by_name.get(body["name"], {}))
        enable_readme = body.get("enable_readme", 0) == 1
        spec = {"description": body.get("description") or "", "visibility_level": body.get("visibility_level", 0),
                "branches": ["master"] if enable_readme else [], "status": CREATING, "creator": creator.name,
                "creating_reads": behaviour["creating_reads"], "outcome": behaviour["outcome"],
                "fingerprint": behaviour.get("fingerprint", "md5"), "can_push": behaviour.get("can_push", "ignored"),
                "created_at": now(), "extra": {"request": dict(body)}}
        if body.get("import_members") == 1:
            spec["members"] = [member for member in project.members if member.get("user") != creator.name]
        repo = Repository(self.next_id("repository"), body["name"], project, group, spec)
        repo.import_url = body.get("import_url")
        project.repositories.append(repo)
        return repo

    def delete(self, repo):
        repo.deleted = True
