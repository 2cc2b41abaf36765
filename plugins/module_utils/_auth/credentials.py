# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which credentials a task uses, and how requests prove who sends them.

An authenticator is a callable in the shape `requests` expects for its `auth` argument: it gets
the prepared request (final URL, headers and body) and adds what the service needs. Adding a
method changes this file and the shared options, never the modules.

Precedence: a method set in the task's options (or module_defaults) wins over one set in the
environment; within each, token, then access key, then IAM password. A method's options all come from
the place that set it (its required ones from the other place only where that one lacks them), and its
optional ones only from there (security_token, project_id, project_name, auth_url): an
AWX credential's HW_SECURITY_TOKEN never joins a task's permanent access key, and HW_AUTH_URL never
decides where a task's password goes. Options are read from the environment here rather than through
argument-spec fallbacks, because only here can the two be told apart.
"""

import os

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.environment import checked_text, read
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.header_values import HEADER_BOUND_OPTIONS, check_header_value

ENVIRONMENT_NAMES = {
    "token": ("HW_AUTH_TOKEN",),
    "access_key": ("HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"),
    "secret_key": ("HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"),
    "security_token": ("HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"),
    "project_id": ("HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"),
    "user_name": ("HW_USER_NAME",),
    "password": ("HW_USER_PASSWORD",),
    "domain_name": ("HW_DOMAIN_NAME",),
    "project_name": ("HW_PROJECT_NAME",),
    "auth_url": ("HW_AUTH_URL",),
}
SECRET_OPTIONS = ("token", "secret_key", "security_token", "password")


class TokenAuthenticator(object):
    """Sends an IAM user token in the X-Auth-Token header."""

    def __init__(self, token):
        self._token = token

    def __call__(self, request):
        request.headers["X-Auth-Token"] = self._token
        return request

    def __repr__(self):
        return "TokenAuthenticator(token=<hidden>)"


class Method(object):
    def __init__(self, name, required, optional, make, refused_hint):
        self.name = name
        self.required = required
        self.optional = optional
        self.make = make  # (values, region, client) -> authenticator
        self.refused_hint = refused_hint  # what to check when the service answers 401

    @property
    def options(self):
        return self.required + self.optional


def _access_key_signer(values, region, client):
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.access_key import AccessKeySigner  # only this way signs
    return AccessKeySigner(values["access_key"], values["secret_key"], values["security_token"], values["project_id"])


def _iam_password_login(values, region, client):
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.iam_password import IamPasswordAuthenticator  # only this way logs in
    return IamPasswordAuthenticator(client, values, region)


METHODS = (
    Method("token", ("token",), (), lambda values, region, client: TokenAuthenticator(values["token"]),
           "The token was refused: it is wrong or expired (IAM tokens live 24 hours). Get a new token and set the "
           "token option or HW_AUTH_TOKEN."),
    Method("access key", ("access_key", "secret_key"), ("security_token", "project_id"),
           _access_key_signer,
           "The signed request was refused: check access_key and secret_key (and security_token for temporary "
           "keys), and this host's clock, since signatures more than 15 minutes off are refused."),
    Method("IAM password", ("user_name", "password", "domain_name"), ("project_name", "auth_url"),
           _iam_password_login,
           "The token IAM issued for the password login was refused: check project_name and region."),
)


def _describe(option):
    return "%s (or %s)" % (option, " or ".join(ENVIRONMENT_NAMES[option]))


def _no_method_message():
    ways = "; ".join("%s: %s" % (method.name, ", ".join(_describe(option) for option in method.required))
                     for method in METHODS)
    return "No credentials: set one of the three ways to authenticate. %s." % ways


def environment_secrets(environ=None):
    """The values of every secret variable set in the environment, as they are, used or not."""
    environ = os.environ if environ is None else environ
    return [environ[name] for option in SECRET_OPTIONS for name in ENVIRONMENT_NAMES[option] if environ.get(name)]


class Credentials(object):
    """The chosen method and its values; makes the authenticator for a client.

    source is where the method was set ("task" or "environment"); ignored names the optional options the
    other place sets for this method, which do not apply.
    """

    def __init__(self, method, values, region, source="task", ignored=()):
        self.method = method
        self.values = values
        self.region = region
        self.source = source
        self.ignored = list(ignored)

    def secret_values(self):
        return [self.values[option] for option in SECRET_OPTIONS if self.values.get(option)]

    def authenticator(self, client):
        return self.method.make(self.values, self.region, client)


def credentials_from_params(params, region, environ=None):
    """Choose the authentication method; raise CodeArtsConfigError when none, or an incomplete one, is set.

    region is the checked region name (or None). Values that would travel in a header (or sign one) are
    checked here, so a value no header can carry fails before any request, naming the option only.
    """
    environ = os.environ if environ is None else environ

    def from_task(option):
        value = checked_text(option, params.get(option))
        return value.strip() if isinstance(value, str) and value.strip() else None

    def from_environment(option):
        return next((value for value in (read(name, environ) for name in ENVIRONMENT_NAMES[option]) if value), None)

    for source, other, place in ((from_task, from_environment, "task"), (from_environment, from_task, "environment")):
        for method in METHODS:
            if not any(source(option) for option in method.required):
                continue
            values = dict((option, source(option) or other(option)) for option in method.required)
            values.update((option, source(option)) for option in method.optional)
            ignored = [_describe(option) for option in method.optional if not values[option] and other(option)]
            missing = [_describe(option) for option in method.required if not values[option]]
            if missing:
                raise CodeArtsConfigError("Incomplete %s credentials: %s %s not set." % (
                    method.name, " and ".join(missing), "is" if len(missing) == 1 else "are"))
            for option in HEADER_BOUND_OPTIONS:
                if values.get(option):
                    check_header_value(_describe(option), values[option])
            return Credentials(method, values, region, place, ignored)
    raise CodeArtsConfigError(_no_method_message())
