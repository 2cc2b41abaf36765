# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The User-Agent header: who is calling, so the service's operators can tell the collection's requests apart."""

import platform

from ansible.module_utils.ansible_release import __version__ as ANSIBLE_CORE_VERSION

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.version import COLLECTION_NAME, COLLECTION_VERSION


def user_agent(requests_version):
    """For example huaweicloud.codearts/0.4.0 ansible-core/2.19.14 python/3.11.7 requests/2.34.2."""
    return "%s/%s ansible-core/%s python/%s requests/%s" % (
        COLLECTION_NAME, COLLECTION_VERSION, ANSIBLE_CORE_VERSION, platform.python_version(), requests_version)
