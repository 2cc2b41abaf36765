# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The options every CodeArts module shares, and the client built from them.

The documentation of these options is the huaweicloud.codearts.codearts doc fragment; keep the two
in step (the sanity test validate-modules compares them).
"""

import os

from ansible.module_utils.basic import env_fallback

from ansible_collections.huaweicloud.codearts.plugins.module_utils.auth import credentials_from_params
from ansible_collections.huaweicloud.codearts.plugins.module_utils.endpoints import resolve_endpoint
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils.http_client import CodeArtsClient, require_requests
from ansible_collections.huaweicloud.codearts.plugins.module_utils.retry import RetryPolicy


def codearts_argument_spec(**module_options):
    """The shared options, plus the calling module's own."""
    spec = dict(
        endpoint=dict(type="str", fallback=(env_fallback, ["HW_CODEARTS_ENDPOINT"])),
        region=dict(type="str", fallback=(env_fallback, ["HW_REGION_NAME"])),
        # Credentials: no argument-spec fallbacks, auth.py reads the environment itself (see there why).
        token=dict(type="str", no_log=True),
        access_key=dict(type="str", no_log=False),
        secret_key=dict(type="str", no_log=True),
        security_token=dict(type="str", no_log=True),
        project_id=dict(type="str"),
        user_name=dict(type="str"),
        password=dict(type="str", no_log=True),
        domain_name=dict(type="str"),
        project_name=dict(type="str"),
        auth_url=dict(type="str"),
        validate_certs=dict(type="bool", default=True),
        ca_path=dict(type="path"),
        timeout=dict(type="float", default=30.0),
        retries=dict(type="int", default=3),
    )
    spec.update(module_options)
    return spec


def _tls_verify(params, warnings):
    if not params["validate_certs"]:
        warnings.append("validate_certs is false: the service's TLS certificate is not checked, so anyone "
                        "on the network path could read the credentials. Use ca_path for a private CA instead.")
        return False
    ca_path = params.get("ca_path")
    if ca_path:
        if not os.path.isfile(ca_path):
            raise CodeArtsConfigError("ca_path %r is not a readable file: give the path of a PEM CA bundle." % ca_path)
        return ca_path
    return True


def _check_limits(params):
    if params["timeout"] <= 0:
        raise CodeArtsConfigError("timeout must be a number of seconds greater than 0, not %s." % params["timeout"])
    if params["retries"] < 0:
        raise CodeArtsConfigError("retries must be 0 (no retries) or more, not %s." % params["retries"])


def build_client(module):
    """Check the shared options and return a CodeArtsClient; raises CodeArtsError, sends nothing.

    Warns through the module about risky settings (plain http, no TLS checks), and adds credentials
    read from the environment to the module's no_log values, so Ansible masks them like options.
    """
    params = module.params
    _check_limits(params)
    base_url, warnings = resolve_endpoint(params.get("endpoint"), params.get("region"))
    verify = _tls_verify(params, warnings)
    credentials = credentials_from_params(params)
    module.no_log_values.update(credentials.secret_values())
    require_requests()
    for warning in warnings:
        module.warn(warning)
    return CodeArtsClient(base_url, credentials, verify, params["timeout"], RetryPolicy(params["retries"]))
