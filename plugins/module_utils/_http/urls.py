# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Checks on the URLs a user gives (endpoint, auth_url, proxies): what the client will talk to, and nothing else."""

import re
from urllib.parse import unquote, urlsplit

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted

HOST_NAME = re.compile(r"^(?=.{1,253}\.?$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$")
MAX_SHOWN_CHARS = 120


def _ip_address(host):
    import ipaddress  # only URL checks need it
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def is_loopback(host):
    if host.lower() == "localhost":
        return True
    address = _ip_address(host)
    return bool(address and address.is_loopback)


def _split_user_info(url):
    """(scheme://, user-info or None, the rest) of url. User-info is all before the last @, even a / in it.

    A password with an unencoded / or # is still a password: wherever it ends, everything before the last @
    counts as user-info, so a message never shows it and Ansible masks it.
    """
    scheme, separator, rest = url.strip().partition("://")
    if not separator or "@" not in rest:
        return None
    info, _at, after = rest.rpartition("@")
    return scheme + separator, info, after


def shown(url):
    """The URL as a message may quote it: without anything before an @ in its authority, and short."""
    parts = _split_user_info(url)
    if parts is not None:
        url = parts[0] + "***@" + parts[2]
    return quoted(url, MAX_SHOWN_CHARS)


def user_info(value):
    """What must be masked of a URL's user-info: all of it, and its password (not a user name alone, which may be short)."""
    parts = _split_user_info(value) if isinstance(value, str) else None
    if parts is None:
        return []
    info = parts[1]
    password = info.partition(":")[2]
    return [part for part in set((info, password, unquote(info), unquote(password))) if part]


def _valid_host(host):
    return _ip_address(host) is not None or bool(HOST_NAME.match(host))


def url_problem(text, schemes, allow_path=True):
    """Why text is not a URL the client can use with one of schemes, or None. Never quotes text."""
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in text):
        return "it contains white space or a control character"
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return "it is not a valid URL (a host in [brackets] must be an IPv6 address)"
    if parts.scheme not in schemes:
        return "it must start with %s://" % "://, ".join(schemes)
    if not host or not _valid_host(host):
        return "it names no valid host"
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or port is None and ":" in parts.netloc.rpartition("@")[2].rpartition("]")[2]:
        return "its port is not a number from 1 to 65535"  # also "host:" with nothing after the colon
    if parts.query or parts.fragment or "?" in text or "#" in text:
        return "it must not have a query (?) or fragment (#)"
    if not allow_path and parts.path not in ("", "/"):
        return "it must be only a scheme, host and optional port, with no path"
    return None


def checked_url(option, value, example, allow_path):
    """Return urlsplit(value) for a usable http(s) URL, or raise CodeArtsConfigError naming option.

    Refused: another scheme, no host or an invalid one, user-info (user:password@), a bad port, a query
    or fragment, white space or control characters, and a path unless allow_path.
    """
    problem = "%s '%s' is not usable: " % (option, shown(value))
    text = value.strip()
    if _split_user_info(text) is not None:
        raise CodeArtsConfigError(problem + "it must not hold a user name or password; credentials go in their own options.")
    reason = url_problem(text, ("https", "http"), allow_path)
    if reason:
        if reason.startswith("it must start with"):
            reason = "it must start with https:// (for example %s)" % example
        elif reason == "it names no valid host":
            reason = "it names no valid host (for example %s)" % example
        raise CodeArtsConfigError(problem + reason + ".")
    return urlsplit(text)
