# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The connection a task's options describe: the client, its endpoint, TLS, credentials, retries and deadline."""

import os
from urllib.parse import urlsplit

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.endpoints import checked_region, resolve_endpoint
from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import (
    ENVIRONMENT_NAMES,
    credentials_from_params,
    environment_secrets,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.client import (
    CodeArtsClient,
    require_requests,
    requests,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.network_environment import (
    ca_bundle_from_environment,
    check_proxy_variables,
    proxy_for,
    proxy_secrets,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RetryPolicy
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.urls import is_loopback, shown, user_info
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import check_limits
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.private_keys import looks_private


def _tls_verify(params, warnings):
    """What requests' verify gets: False, the CA bundle of ca_path or of the environment, or True (its default CAs)."""
    if not params["validate_certs"]:
        warnings.append("validate_certs is false: the service's TLS certificate is not checked, so anyone "
                        "on the network path could read the credentials. Use ca_path for a private CA instead.")
        return False
    ca_path = params.get("ca_path")
    if ca_path:
        if not os.path.isfile(ca_path):
            raise CodeArtsConfigError("ca_path %r is not a readable file: give the path of a PEM CA bundle." % ca_path)
        return ca_path
    return ca_bundle_from_environment() or True


def plain_http_warnings(urls_with_credentials, requests_module):
    """Warnings for credentials that would travel unencrypted: plain http off this host, or through a proxy."""
    warnings = []
    for option, url in urls_with_credentials:
        parts = urlsplit(url)
        if parts.scheme != "http":
            continue
        proxy = proxy_for(url, requests_module)
        if proxy:
            warnings.append("%s %s uses plain http and goes through the proxy %s: credentials "
                            "travel unencrypted to and through it. Use https, or list the host in NO_PROXY."
                            % (option, shown(url), proxy.shown))
        elif not is_loopback(parts.hostname):
            warnings.append("%s %s uses plain http: credentials and data travel unencrypted. Use https." % (option, shown(url)))
    return warnings


def _register_secrets(module):
    """Mask, from the start, every secret the environment holds and every URL's user-info.

    A URL with user-info is refused later; its secret part is masked now, or Ansible would print it with
    the task's arguments. Proxy user-info is masked whether or not the proxy is used.
    """
    urls = [module.params.get("endpoint"), module.params.get("auth_url")]
    urls += [os.environ.get(name) for name in ENVIRONMENT_NAMES["auth_url"]]
    secrets = [part for url in urls for part in user_info(url)] + proxy_secrets() + environment_secrets()
    for secret in secrets:
        module.register_secret(secret)
    # The options are guarded by CodeArtsModule; the credential variables are read here, so they are guarded here.
    for name in sorted(set(name for names in ENVIRONMENT_NAMES.values() for name in names)):
        if looks_private(os.environ.get(name)):
            module.register_secret(os.environ[name])
            raise CodeArtsConfigError("The environment variable %s is not usable: it is a private key." % name)


def build_client(module):
    """Check the shared options and return a CodeArtsClient; raises CodeArtsError, sends nothing.

    Warns through the module about risky settings (plain http, no TLS checks), and makes Ansible mask
    every credential the client holds: those read from the environment now, an IAM token once obtained.
    """
    params = module.params
    _register_secrets(module)
    check_limits(params)
    if "iam_project_id" in params:  # a module whose own project_id is a CodeArts project (see options.py)
        params = dict(params, project_id=params["iam_project_id"])
    region = checked_region(params.get("region"))
    base_url = resolve_endpoint(params.get("endpoint"), region)
    warnings = []
    verify = _tls_verify(params, warnings)
    credentials = credentials_from_params(params, region)
    for secret in credentials.secret_values():
        module.register_secret(secret)
    check_proxy_variables()
    require_requests()
    other_place = "environment" if credentials.source == "task" else "task"
    ignored = ["%s is set in the %s but ignored: the %s credentials come from the %s, and a way's options all "
               "come from that one place." % (option, other_place, credentials.method.name, credentials.source)
               for option in credentials.ignored]
    try:
        client = CodeArtsClient(base_url, credentials, verify, params["timeout"], RetryPolicy(params["retries"]),
                                on_secret=module.register_secret, on_landed=module.note_landed,
                                task_timeout=params["task_timeout"])
    except CodeArtsConfigError as error:
        raise error.with_note(" ".join(ignored)) if ignored else error from None  # say why a set variable did not count
    warnings += ignored
    urls = [("endpoint", base_url)] + ([("auth_url", client.login_url)] if client.login_url else [])
    for warning in warnings + plain_http_warnings(urls, requests):
        module.warn(warning)
    return client
