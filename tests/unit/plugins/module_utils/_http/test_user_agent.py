"""The User-Agent: the collection, ansible-core, Python and requests, each with its version."""

import platform
import re

from ansible.module_utils.ansible_release import __version__ as ansible_version

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.version import COLLECTION_VERSION
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.user_agent import user_agent


def test_the_user_agent_names_each_product_with_its_version():
    agent = user_agent("2.32.3")
    assert agent == "huaweicloud.codearts/%s ansible-core/%s python/%s requests/2.32.3" % (
        COLLECTION_VERSION, ansible_version, platform.python_version())
    assert re.fullmatch(r"(\S+/\S+ ){3}\S+/\S+", agent)
