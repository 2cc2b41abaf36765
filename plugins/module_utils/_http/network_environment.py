# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which environment variables shape the client's connections, read here and nowhere else.

The client's requests session ignores the environment (requests' trust_env is off), so ~/.netrc never
adds credentials to a request. Only these apply, as documented:
  - proxies: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (any case), as requests reads them;
  - a CA bundle: REQUESTS_CA_BUNDLE, then CURL_CA_BUNDLE, only when ca_path is not set.
"""

import collections
import os

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.environment import read
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.urls import shown, url_problem, user_info

CA_BUNDLE_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")
PROXY_SCHEMES = ("http", "https", "socks4", "socks4a", "socks5", "socks5h")


class Proxy(collections.namedtuple("Proxy", "url variable")):
    """The proxy a request goes through, and the environment variable that named it."""

    @property
    def shown(self):
        return "%s (from %s)" % (shown(self.url), self.variable)


def proxy_variables(environ=None):
    environ = os.environ if environ is None else environ
    return [name for name in environ if name.lower().endswith("_proxy") and name.lower() != "no_proxy"]


def proxy_secrets(environ=None):
    """The user-info of every proxy variable, to be masked whether or not the proxy is used."""
    environ = os.environ if environ is None else environ
    return [secret for name in proxy_variables(environ) for secret in user_info(environ[name])]


def check_proxy_variables(environ=None):
    """Refuse, before any request, a proxy variable that requests would fail on (naming it, never its value)."""
    for name in proxy_variables(environ):
        value = read(name, environ)
        if value is None:
            continue
        problem = url_problem(value, PROXY_SCHEMES)
        if problem:
            raise CodeArtsConfigError(
                "The environment variable %s does not hold a usable proxy URL: %s (a / @ : or # in the proxy's user "
                "name or password must be percent-encoded). Fix or unset it."
                % (name, problem))


def proxy_for(url, requests_module, environ=None):
    """The Proxy the environment selects for url, or None."""
    environ = os.environ if environ is None else environ
    selected = requests_module.utils.select_proxy(url, requests_module.utils.get_environ_proxies(url))
    if not selected:
        return None
    scheme = url.split("://", 1)[0].lower()
    candidates = (scheme + "_proxy", scheme.upper() + "_PROXY", "all_proxy", "ALL_PROXY")
    variable = next((name for name in candidates if (environ.get(name) or "").strip() == selected.strip()), None)
    return Proxy(selected, variable or "the environment")


def ca_bundle_from_environment(environ=None):
    """The CA bundle path an environment variable names, or None; CodeArtsConfigError if it names nothing usable."""
    for name in CA_BUNDLE_VARIABLES:
        path = read(name, environ)
        if path:
            if not os.path.exists(path):
                raise CodeArtsConfigError(
                    "The environment variable %s names a CA bundle that does not exist. Set it to a PEM file or "
                    "directory of CA certificates, unset it, or set the ca_path option, which takes precedence." % name)
            return path
    return None
