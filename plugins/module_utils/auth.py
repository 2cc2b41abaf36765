# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""How requests prove who sends them.

An authenticator is a callable in the shape `requests` expects for its `auth` argument: it gets
the prepared request (final URL, headers and body) and adds what the service needs. That is the
point every method plugs in at, whether it adds a header or signs the whole request, so adding a
method changes this file and the shared options, never the modules.
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError


class TokenAuthenticator(object):
    """Sends an IAM user token in the X-Auth-Token header."""

    method = "token"

    def __init__(self, token):
        self._token = token

    def __call__(self, request):
        request.headers["X-Auth-Token"] = self._token
        return request

    def __repr__(self):
        return "TokenAuthenticator(token=<hidden>)"


def authenticator_from_params(params):
    """Choose the authentication method from the module parameters."""
    token = (params.get("token") or "").strip()
    if token:
        return TokenAuthenticator(token)
    raise CodeArtsConfigError(
        "No credentials: set the token option or the HW_AUTH_TOKEN environment variable to an IAM user token.")
