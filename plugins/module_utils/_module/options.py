# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The options every CodeArts module shares, and their limits.

The documentation of these options is the huaweicloud.codearts.codearts doc fragment; keep the two
in step (the sanity test validate-modules compares them).
"""

from ansible.module_utils.basic import env_fallback

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError

# An hour is already far beyond any answer of this API; larger values overflow the system's timers.
MAX_TIMEOUT_SECONDS = 3600
# With backoff capped at 20 seconds, 20 retries already wait several minutes; more only hides an outage.
MAX_RETRIES = 20
# A whole task: long enough for every page of a large listing and a repository's creation, short of a stuck job.
DEFAULT_TASK_TIMEOUT_SECONDS = 600
MAX_TASK_TIMEOUT_SECONDS = 86400


def codearts_argument_spec(**module_options):
    """The shared options, plus the calling module's own.

    A module with its own project_id (a CodeArts project: the repository modules) takes the IAM project id that
    signed requests carry as iam_project_id instead (HW_PROJECT_ID either way).
    """
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
        task_timeout=dict(type="float", default=float(DEFAULT_TASK_TIMEOUT_SECONDS)),
    )
    if "project_id" in module_options:
        spec["iam_project_id"] = spec.pop("project_id")
    spec.update(module_options)
    return spec


def repository_argument_spec(**module_options):
    """The shared options, the repository a task names (the huaweicloud.codearts.codearts.REPOSITORY fragment), and the
    calling module's own."""
    return codearts_argument_spec(repository=dict(type="str", required=True), project_id=dict(type="str"), **module_options)


def check_limits(params):
    """Refuse a timeout, retry count or task timeout the client cannot honour."""
    if not params["timeout"] > 0:
        raise CodeArtsConfigError("timeout must be a number of seconds greater than 0, not %s." % params["timeout"])
    if params["timeout"] > MAX_TIMEOUT_SECONDS:
        raise CodeArtsConfigError("timeout must be at most %d seconds, not %s." % (MAX_TIMEOUT_SECONDS, params["timeout"]))
    if not 0 <= params["retries"] <= MAX_RETRIES:
        raise CodeArtsConfigError("retries must be from 0 (no retries) to %d, not %s." % (MAX_RETRIES, params["retries"]))
    if not 0 < params["task_timeout"] <= MAX_TASK_TIMEOUT_SECONDS:
        raise CodeArtsConfigError("task_timeout must be a number of seconds greater than 0 and at most %d, not %s."
                                  % (MAX_TASK_TIMEOUT_SECONDS, params["task_timeout"]))
