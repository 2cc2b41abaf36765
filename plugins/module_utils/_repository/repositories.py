# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A project's repositories as a keyed collection, for one repository a task names by project, code group and name.

Listed with v2 (wrapped answers; it shows repositories still being created and those whose creation failed, each
with both ids), created and deleted with v1 (wrapped; a success only when its status says so, whatever the HTTP
status or the result say). Creation is asynchronous: the task waits, within wait_timeout, until the repository reads
as ready. Nothing of a repository can be changed after creation, so a difference is said, never replaced.
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import KeyedResource, Listed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError, CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.calls import (
    CREATE_REPOSITORY,
    DELETE_REPOSITORY,
    LIST_PROJECT_REPOSITORIES_V2,
    READ_REPOSITORY,
    READ_REPOSITORY_BY_UUID,
)

VISIBILITY = {0: "private", 20: "public"}
LEVELS = dict((name, level) for level, name in VISIBILITY.items())
STATUS = {0: "ready", 1: "creating", 2: "failed"}
GONE_CODES = ("CH.010117", "CH.080401")
FIRST_POLL_SECONDS, MAX_POLL_SECONDS = 1.0, 5.0


def key_of(group_name, name):
    """A repository's natural key: its code group's full path (None at the project's root) and its name."""
    return (group_name if group_name and "/" in group_name else None, name)


def listed_repository(item):
    group_name = item.get("group_name") if isinstance(item.get("group_name"), str) else None
    key = key_of(group_name, item.get("repository_name"))
    values = {"visibility": VISIBILITY.get(item.get("visibility_level"))}
    view = {"id": item.get("repository_id"), "uuid": item.get("repository_uuid"), "name": item.get("repository_name"),
            "group": key[0], "visibility": values["visibility"], "status": STATUS.get(item.get("status"), "unknown"),
            "ssh_url": item.get("ssh_url"), "http_url": item.get("https_url"), "project_id": item.get("project_uuid")}
    return Listed(item.get("repository_id"), key, values, view)


class Repositories(KeyedResource):
    noun = "repository"
    result_key = "repositories"
    list_call = LIST_PROJECT_REPOSITORIES_V2
    noted = {"visibility": None, "description": None}  # never changed: the API cannot change them after creation

    def __init__(self, project_id, name, group_id, wait_timeout, read_description=False):
        self.project_id, self.name, self.group_id = project_id, name, group_id
        self.wait_timeout, self.read_description = wait_timeout, read_description
        self.case_clashes = []

    def list(self, client):
        """The project's repositories of this name. The description only when the task gives one: the v2 listing lacks
        it, so it costs a v4 read of each such repository that is ready."""
        listed = read_all_pages(client, LIST_PROJECT_REPOSITORIES_V2, items_key="repositories", keep=listed_repository,
                                query={"search": self.name}, by_index=True, id_key="repository_id", project_id=self.project_id)
        # The service refuses a name that differs from an existing one only in letter case: kept aside, to say so.
        self.case_clashes = [item for item in listed if item.key[1] != self.name and (item.key[1] or "").lower() == self.name.lower()]
        listed = [item for item in listed if item.key[1] == self.name]
        for item in listed if self.read_description else ():
            if isinstance(item.id, int) and item.view["status"] == "ready":
                item.values["description"] = client.call(READ_REPOSITORY, repository_id=item.id).get("description") or ""
        return listed

    def create(self, client, wanted):
        values = wanted.values
        body = {"name": wanted.key[1], "project_uuid": self.project_id, "description": values["description"] or "",
                "visibility_level": LEVELS[values["visibility"] or "private"], "enable_readme": 1 if values["readme"] else 0,
                "import_members": 1 if values["import_members"] else 0}
        body.update(dict((field, value) for field, value in (("group_id", self.group_id), ("gitignore_id", values["gitignore"]))
                         if value is not None))
        answer = client.call(CREATE_REPOSITORY, body, about=self.named(wanted.key))
        uuid = answer.get("repository_uuid") if isinstance(answer, dict) else None
        if not (isinstance(uuid, str) and uuid):  # a success without the uuid: the listing has it
            found = [item for item in self.list(client) if item.key == wanted.key]
            if not found:
                raise CodeArtsRequestError(CREATE_REPOSITORY.method, CREATE_REPOSITORY.path, "the service answered the create "
                                           "as done, without the new repository's uuid, and does not list it",
                                           hint="Check the project in CodeArts Repo before running again.")
            uuid = found[0].view["uuid"]
        self.wait_until_ready(client, uuid, wanted.key)

    def refused_add(self, client, wanted, current):
        clashes = [item for item in self.case_clashes if item.key[0] == wanted.key[0]]
        if clashes:
            return ("The repository %s cannot be created: %s exists, and the service counts names that differ only in letter "
                    "case as the same. Use its name as it is, or another." % (self.named(wanted.key), self.named(clashes[0].key)))
        return None

    def settle_listed(self, client, listed, check_mode):
        status, named = listed.view["status"], self.named(listed.key)
        if status == "failed":
            raise CodeArtsStateError("The repository %s exists, but its creation failed (the service reads its status as failed; "
                                     "its uuid is %s). It keeps its name until deleted: run with state: absent, then again."
                                     % (named, listed.view["uuid"]))
        if status == "creating" and not check_mode:
            self.wait_until_ready(client, listed.view["uuid"], listed.key)
            return True
        return False

    def finish_add(self, client, listed, wanted):
        self.wait_until_ready(client, listed.view["uuid"], wanted.key)

    def wait_until_ready(self, client, uuid, key):
        """Poll the repository (v2) until it reads as ready; a failed creation or the wait running out fails."""
        waited, delay = 0.0, FIRST_POLL_SECONDS
        while True:
            status = (client.call(READ_REPOSITORY_BY_UUID, uuid=uuid) or {}).get("status")
            if status == 0:
                return
            summary = "its creation failed (the service reads its status as failed)" if status == 2 else None
            if summary is None and waited + delay > self.wait_timeout:
                summary = "it was still being created after %d seconds of waiting (wait_timeout %d)" % (waited, self.wait_timeout)
            if summary is None and client.remaining() is not None and client.remaining() <= delay:
                summary = "it was still being created when the task's task_timeout ran out, after %d seconds" % waited
            if summary:
                raise CodeArtsRequestError(READ_REPOSITORY_BY_UUID.method, READ_REPOSITORY_BY_UUID.path.format(uuid=uuid),
                                           "the repository %s was created, but %s" % (self.named(key), summary),
                                           hint="Its uuid is %s. %s" % (uuid, "It keeps its name until deleted: run with state: "
                                                                        "absent, then again." if status == 2 else
                                                                        "Run again later: the task waits for it then."))
            client.retry_policy.sleep(delay)
            waited, delay = waited + delay, min(delay * 2, MAX_POLL_SECONDS)

    def delete(self, client, listed):
        client.call(DELETE_REPOSITORY, about=self.named(listed.key), uuid=listed.view["uuid"])

    def says_gone(self, error):
        return error.error_code in GONE_CODES

    def named(self, key):
        return "%s/%s" % (key[0], key[1]) if key[0] else "%s (at the project's root)" % key[1]

    def predicted(self, wanted, listed=None):
        return {"id": None, "uuid": None, "name": wanted.key[1], "group": wanted.key[0],
                "visibility": wanted.values["visibility"] or "private",
                "status": "ready", "ssh_url": None, "http_url": None, "project_id": self.project_id}

    def diff_view(self, view):
        return {"name": view["name"], "group": view["group"], "visibility": view["visibility"], "status": view["status"]}

    def diff_label(self, view):
        return self.named((view["group"], view["name"]))
