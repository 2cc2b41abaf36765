# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which environment variables shape the client's connections, read here and nowhere else.

The client's requests session ignores the environment (requests' trust_env is off), so ~/.netrc never
adds credentials to a request. Only these apply, as documented:
  - proxies: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (any case), as requests reads them;
  - a CA bundle: REQUESTS_CA_BUNDLE, then CURL_CA_BUNDLE, only when ca_path is not set.
"""

import os

from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError

CA_BUNDLE_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")


def proxy_for(url, requests_module):
    """The proxy URL the environment selects for url, or None."""
    proxies = requests_module.utils.get_environ_proxies(url)
    return requests_module.utils.select_proxy(url, proxies)


def ca_bundle_from_environment(environ=None):
    """The CA bundle path an environment variable names, or None; CodeArtsConfigError if it names nothing usable."""
    environ = os.environ if environ is None else environ
    for name in CA_BUNDLE_VARIABLES:
        path = environ.get(name, "").strip()
        if path:
            if not os.path.exists(path):
                raise CodeArtsConfigError(
                    "The environment variable %s names a CA bundle that does not exist. Set it to a PEM file or "
                    "directory of CA certificates, unset it, or set the ca_path option, which takes precedence." % name)
            return path
    return None
