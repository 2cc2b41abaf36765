# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The repository a task names: its numeric id, or its path as in the clone URL (group/subgroup/name), checked
before any request and then found exactly, never by a guess. A path that matches no repository, or several, fails
naming what was found.

A path is looked up in the v4 lists, which give each repository's namespace and path: in the project's list when
project_id narrows it, else in the list of the code group the path names (a path at a project's root needs
project_id: the v4 group list holds code groups, not projects). An id costs no request here.
"""

import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.paging import read_all_pages
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError, CodeArtsStateError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.calls import (
    LIST_GROUP_REPOSITORIES,
    LIST_GROUPS,
    LIST_PROJECT_REPOSITORIES,
)

MAX_ID = 2147483647
PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)+")
PROJECT_ID = re.compile(r"[0-9a-fA-F]{32}")
MAX_PATH_CHARS = 1000
MAX_SHOWN_CANDIDATES = 10


class RepositoryRef(object):
    """The repository as found: its id, and its path when the task named it by one (for messages)."""

    def __init__(self, repository_id, path=None):
        self.id = repository_id
        self.path = path

    @property
    def named(self):
        return "%s (id %s)" % (self.path, self.id) if self.path else "with id %s" % self.id


def checked_project_id(value, option="project_id"):
    """A CodeArts project id: 32 hexadecimal digits, as the project's URL shows it."""
    if value is None:
        return None
    if not PROJECT_ID.fullmatch(value.strip()):
        raise CodeArtsConfigError("%s is not usable: a CodeArts project id is 32 hexadecimal digits, as in the project's URL."
                                  % option)
    return value.strip().lower()


def checked_repository(value):
    """The numeric id (an int) or the path (a text) the repository option gives, or CodeArtsConfigError."""
    text = (value or "").strip()
    if text.isdigit():
        if not 0 < int(text) <= MAX_ID:
            raise CodeArtsConfigError("repository is not usable: an id is a number from 1 to %d." % MAX_ID)
        return int(text)
    if text.startswith("-") and text[1:].isdigit():
        raise CodeArtsConfigError("repository is not usable: an id is a number from 1 to %d." % MAX_ID)
    if len(text) > MAX_PATH_CHARS or not PATH.fullmatch(text.strip("/")) or text.endswith(".git"):
        raise CodeArtsConfigError("repository is not usable: %sgive its numeric id, or its path as in the clone URL, such as "
                                  "group/subgroup/name (without .git)." % _looks_like(text))
    return text.strip("/")


def _looks_like(text):
    """What a refused repository option seems to be, to say what to give instead."""
    if re.fullmatch(r"[0-9a-fA-F]{32}", text):
        return "it looks like a uuid, which the v4 calls do not take; "
    if "://" in text or text.startswith("git@"):
        return "it looks like a clone URL: keep only the path after the host; "
    return ""


class RepositoryNotFound(CodeArtsStateError):
    """No repository has the path the task names."""


def _full_path(item):
    return "%s/%s" % (item.get("namespace"), item.get("path"))


def _exactly_one(path, found, where):
    if len(found) == 1:
        return found[0]
    if not found:
        raise RepositoryNotFound("repository %s matches no repository %s." % (quoted(path, 200), where))
    raise CodeArtsStateError("repository %s matches %d repositories %s: ids %s. Name it by its id." % (
        quoted(path, 200), len(found), where, ", ".join(str(item.get("id")) for item in found[:MAX_SHOWN_CANDIDATES])))


def find_repository(client, repository, project_id=None):
    """The RepositoryRef for a checked repository option (an int id, or a path)."""
    if isinstance(repository, int):
        return RepositoryRef(repository)
    group_path, _slash, name = repository.rpartition("/")
    if project_id:
        listed = read_all_pages(client, LIST_PROJECT_REPOSITORIES, query={"search": name}, project_id=project_id)
        where = "in project %s" % project_id
    else:
        groups = [group for group in read_all_pages(client, LIST_GROUPS, query={"search": group_path.rsplit("/", 1)[-1]})
                  if group.get("full_path") == group_path]
        if not groups:
            raise RepositoryNotFound("repository %s: no code group has the path %s. A repository at a project's root is "
                                     "found only with project_id." % (quoted(repository, 200), quoted(group_path, 200)))
        listed = [item for group in groups for item in read_all_pages(
            client, LIST_GROUP_REPOSITORIES, query={"search": name}, group_id=group["id"])]
        where = "in code group %s" % group_path
    found = _exactly_one(repository, [item for item in listed if _full_path(item) == repository], where)
    return RepositoryRef(found.get("id"), repository)


def find_group(client, project_id, group_path):
    """The id of the project's code group with this full path, or CodeArtsStateError naming what was found."""
    groups = [group for group in read_all_pages(client, LIST_GROUPS, query={"search": group_path.rsplit("/", 1)[-1]})
              if group.get("full_path") == group_path and group.get("project_id") in (None, project_id)]
    if len(groups) != 1 or not isinstance(groups[0].get("id"), int):
        raise CodeArtsStateError("group %s is %s in project %s: give the code group's full path, as its repositories' clone "
                                 "URLs show it, or omit group for the project's root." % (
                                     quoted(group_path, 200), "no code group" if not groups else "not one code group", project_id))
    return groups[0]["id"]


def find_repository_unless_gone(client, repository, project_id, state, warn):
    """find_repository; None, said in a warning, when the repository is not there and the task removes something from it."""
    try:
        return find_repository(client, repository, project_id)
    except RepositoryNotFound as missing:
        if state != "absent":
            raise
        warn("%s There is nothing to remove from it." % missing)
        return None
