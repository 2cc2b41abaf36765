# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Checks on the URLs a user gives (endpoint, auth_url): what the client will talk to, and nothing else."""

import ipaddress
import re
from urllib.parse import urlsplit

from ansible_collections.huaweicloud.codearts.plugins.module_utils.error_body import squeeze
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError

HOST_NAME = re.compile(r"^(?=.{1,253}\.?$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$")
MAX_SHOWN_CHARS = 120


def is_loopback(host):
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def shown(url):
    """The URL as a message may quote it: without anything before an @ in its authority, and short."""
    scheme, separator, rest = url.strip().partition("://")
    if separator:
        authority, slash, tail = rest.partition("/")
        if "@" in authority:
            rest = "***@" + authority.rsplit("@", 1)[1] + slash + tail
        url = scheme + separator + rest
    return squeeze(url, MAX_SHOWN_CHARS)


def user_info(value):
    """What must be masked of a URL's user-info: all of it, and its password (not a user name alone, which may be short)."""
    if not value or "://" not in value:
        return []
    authority = value.strip().split("://", 1)[1].split("/", 1)[0]
    if "@" not in authority:
        return []
    info = authority.rsplit("@", 1)[0]
    password = info.partition(":")[2]
    return [part for part in (info, password) if part]


def _valid_host(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(HOST_NAME.match(host))


def checked_url(option, value, example, allow_path):
    """Return urlsplit(value) for a usable http(s) URL, or raise CodeArtsConfigError naming option.

    Refused: another scheme, no host or an invalid one, user-info (user:password@), a bad port, a query
    or fragment, white space or control characters, and a path unless allow_path.
    """
    problem = "%s %r is not usable: " % (option, shown(value))
    text = value.strip()
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in text):
        raise CodeArtsConfigError(problem + "it contains white space or a control character.")
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http"):
        raise CodeArtsConfigError(problem + "it must start with https:// (for example %s)." % example)
    if "@" in parts.netloc:
        raise CodeArtsConfigError(problem + "it must not hold a user name or password; credentials go in their own options.")
    if not parts.hostname or not _valid_host(parts.hostname):
        raise CodeArtsConfigError(problem + "it names no valid host (for example %s)." % example)
    try:
        parts.port
    except ValueError:
        raise CodeArtsConfigError(problem + "its port is not a number from 1 to 65535.") from None
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise CodeArtsConfigError(problem + "it must not have a query (?) or fragment (#).")
    if not allow_path and parts.path not in ("", "/"):
        raise CodeArtsConfigError(problem + "it must be only a scheme, host and optional port, with no path.")
    return parts
