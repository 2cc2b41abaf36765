# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the info module shows of a repository: the fields a playbook uses, from the v4 read or the v4 list."""

STATUS = {"0": "ready", "1": "creating", "2": "failed", "3": "frozen", "4": "closed", "5": "cleaning up", "7": "deleting"}


def repository_view(item):
    """A v4 repository (ShowRepositoryResponse or BasicRepositoryDto) as the info module returns it."""
    namespace = item.get("namespace")
    path = item.get("path_with_namespace") or ("%s/%s" % (namespace, item.get("path")) if isinstance(namespace, str) else None)
    status = item.get("status")
    return {"id": item.get("id"), "uuid": item.get("uuid"), "name": item.get("name"), "path": path,
            "description": item.get("description"), "default_branch": item.get("default_branch"),
            "visibility": item.get("visibility"), "ssh_url": item.get("ssh_url_to_repo"),
            "http_url": item.get("http_url_to_repo"), "project_id": item.get("project_id"),
            "status": STATUS.get(str(status), status) if status is not None else "ready"}
