"""A repository task: its name, group, description and wait checked before any request."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.repository_task import wanted_repository
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.repository_emulator import DEMO_PROJECT


def params(**values):
    return dict(dict(project_id=DEMO_PROJECT, name="svc", group=None, description=None, visibility=None, gitignore=None,
                     readme=False, import_members=True, wait_timeout=120), **values)


def test_a_repository_is_keyed_by_its_group_path_and_name():
    project, group, [item] = wanted_repository(params(group="/demo-project/backend/", name=" svc "))
    assert (project, group, item.key) == (DEMO_PROJECT, "demo-project/backend", ("demo-project/backend", "svc"))
    assert wanted_repository(params())[2][0].key == (None, "svc")


@pytest.mark.parametrize("values, says", [
    (dict(name="svc.git"), "name is not usable"), (dict(name="-svc"), "name is not usable"),
    (dict(name="x" * 257), "name is not usable"), (dict(name="svc."), "name is not usable"),
    (dict(group="backend"), "group is not usable"), (dict(description="d" * 2001), "description is not usable"),
    (dict(wait_timeout=0), "wait_timeout must be"), (dict(wait_timeout=3601), "wait_timeout must be"),
    (dict(project_id="demo"), "project_id is not usable"),
])
def test_each_unusable_option_is_refused_by_name(values, says):
    with pytest.raises(CodeArtsConfigError, match=says):
        wanted_repository(params(**values))
