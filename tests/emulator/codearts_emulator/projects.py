"""CodeArts projects and the code groups nested in them.

A project has a 32-hex project_id and a root namespace (a path and a namespace id); a code group has a numeric
id, a name, a path, and a full_path that starts with the project's root path: demo-project/backend/api.
"""


class Project(object):
    def __init__(self, project_id, name, path, namespace_id, access=None, members=None):
        self.project_id = project_id
        self.name = name
        self.path = path
        self.namespace_id = namespace_id
        self.access = dict(access or {})
        self.members = [dict(member) for member in (members or ())]  # [{"user", "role"}]: imported on request
        self.groups = {}  # id -> Group
        self.repositories = []  # deleted ones too (marked deleted)


class Group(object):
    created_at = updated_at = "2026-11-30T09:00:00.000+08:00"

    def __init__(self, group_id, name, path, project, parent=None, description="", visibility_level=0):
        self.id = group_id
        self.name = name
        self.path = path
        self.project = project
        self.parent = parent
        self.description = description
        self.visibility_level = visibility_level

    @property
    def full_path(self):
        return (self.parent.full_path if self.parent else self.project.path) + "/" + self.path

    @property
    def full_name(self):
        return (self.parent.full_name if self.parent else self.project.name) + " / " + self.name

    @property
    def level(self):
        return self.parent.level + 1 if self.parent else 1

    @property
    def parent_id(self):
        return self.parent.id if self.parent else self.project.namespace_id

    def ancestors(self):
        return (self.parent.ancestors() + [self.parent]) if self.parent else []
