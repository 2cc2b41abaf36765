# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Checks on option values that travel in HTTP headers (or sign them), made before any request.

A value that cannot be a header would make the HTTP library fail with a message quoting it in an
escaped form that Ansible's masking does not recognise, or with a traceback. So such values are refused
here, naming the option and never the value.
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError

HEADER_BOUND_OPTIONS = ("token", "access_key", "secret_key", "security_token", "project_id")

# Real IAM tokens are a few kilobytes; gateways refuse header blocks far smaller than this.
MAX_HEADER_VALUE_CHARS = 65536


def header_value_problem(value):
    """Why value cannot be sent as an HTTP header value, or None when it can."""
    if len(value) > MAX_HEADER_VALUE_CHARS:
        return "it is %d characters long, more than the %d a header value may have" % (len(value), MAX_HEADER_VALUE_CHARS)
    for char in value:
        code = ord(char)
        if code < 32 or 127 <= code < 160:
            return "it contains a control character (such as a line break or NUL)"
        if code > 255:
            return "it contains a character outside Latin-1, which HTTP headers cannot carry"
    return None


def check_header_value(name, value):
    """Raise CodeArtsConfigError naming name (never value) when value cannot be a header value."""
    problem = header_value_problem(value)
    if problem:
        raise CodeArtsConfigError("%s is not usable: %s." % (name, problem))
