# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a repository task asks for, checked before any request: the project, the code group, the name, and the
settings a repository is created with."""

import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.keyed import Wanted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.lookup import PATH, checked_project_id
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.repositories import key_of

# Huawei's 2026 page: 1 to 256 characters; a letter, digit or _ first; letters, digits, -, _ and .; no .git, .atom or .
# at the end. (The SDK's older text allows no dot: a service that still applies it refuses such a name itself.)
NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,255}")
MAX_DESCRIPTION_CHARS = 2000
MAX_WAIT_SECONDS = 3600


def wanted_repository(params):
    """(project_id, group path or None, [Wanted]) for the task, or CodeArtsConfigError before any request."""
    project_id = checked_project_id(params.get("project_id"))
    name = (params.get("name") or "").strip()
    if not NAME.fullmatch(name) or name.endswith((".git", ".atom", ".")):
        raise CodeArtsConfigError("name is not usable: 1 to 256 letters, digits, -, _ and ., starting with a letter, digit or "
                                  "_, and not ending in .git, .atom or a dot.")
    group = (params.get("group") or "").strip().strip("/") or None
    if group is not None and ("/" not in group or not PATH.fullmatch(group)):
        raise CodeArtsConfigError("group is not usable: give the code group's full path, such as my-project/backend, as its "
                                  "repositories' clone URLs show it; omit it for the project's root.")
    if params.get("description") is not None and len(params["description"]) > MAX_DESCRIPTION_CHARS:
        raise CodeArtsConfigError("description is not usable: at most %d characters." % MAX_DESCRIPTION_CHARS)
    if not 0 < params["wait_timeout"] <= MAX_WAIT_SECONDS:
        raise CodeArtsConfigError("wait_timeout must be a number of seconds greater than 0 and at most %d." % MAX_WAIT_SECONDS)
    values = dict((field, params.get(field)) for field in ("description", "visibility", "gitignore", "readme", "import_members"))
    return project_id, group, [Wanted(key_of(group, name), values, frozenset(), "name")]
