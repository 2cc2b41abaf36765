# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Where the CodeArts Repo API lives: the region table and the checks on a user-given endpoint."""

import ipaddress

from urllib.parse import urlsplit

from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError

# The official SDK's table of CodeArts Repo v4 hosts.
HOST_PATTERN_REGIONS = {
    "codehub-ext.{region}.myhuaweicloud.com": (
        "cn-east-2", "cn-south-1", "cn-east-3", "cn-north-4", "cn-north-1", "cn-south-2",
        "cn-southwest-2", "sa-brazil-1", "la-north-2", "ap-southeast-3",
    ),
    "codeartsrepo-ext.{region}.myhuaweicloud.com": ("la-south-2", "tr-west-1", "eu-west-101"),
    "repo.{region}.myhuaweicloud.com": ("me-east-1", "af-south-1", "af-north-1"),
}

REGION_HOSTS = dict(
    (region, pattern.format(region=region))
    for pattern, regions in HOST_PATTERN_REGIONS.items()
    for region in regions
)


def known_regions():
    return sorted(REGION_HOSTS)


def endpoint_for_region(region):
    """Return the https base URL of the service in region, or raise CodeArtsConfigError."""
    host = REGION_HOSTS.get(region.strip())
    if host is None:
        raise CodeArtsConfigError(
            "Unknown region %r: the collection knows the CodeArts Repo endpoint of %s. "
            "For another region set the endpoint option (or HW_CODEARTS_ENDPOINT) to the service's base URL."
            % (region, ", ".join(known_regions())))
    return "https://" + host


def is_loopback(host):
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _safe_for_message(url):
    """The URL without any user:password@ part, so a message can quote it."""
    parts = urlsplit(url)
    if "@" in parts.netloc:
        return parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]).geturl()
    return url


def validate_endpoint(url):
    """Check a user-given base URL and return it without a trailing slash.

    Returns (base_url, warnings). Raises CodeArtsConfigError for a URL the client cannot use.
    """
    shown = _safe_for_message(url)
    problem = "endpoint %r is not usable: " % shown
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http"):
        raise CodeArtsConfigError(problem + "it must start with https:// (for example https://codehub-ext.cn-north-4.myhuaweicloud.com).")
    if not parts.hostname:
        raise CodeArtsConfigError(problem + "it names no host.")
    if parts.username is not None or parts.password is not None:
        raise CodeArtsConfigError(problem + "it must not hold credentials; use the token option.")
    try:
        parts.port
    except ValueError:
        raise CodeArtsConfigError(problem + "its port is not a number from 1 to 65535.")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise CodeArtsConfigError(problem + "it must be only a scheme, host and optional port, with no path, query or fragment.")
    warnings = []
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        warnings.append(
            "endpoint %s uses plain http: credentials and data travel unencrypted. Use https." % shown)
    return "%s://%s" % (parts.scheme, parts.netloc), warnings


def resolve_endpoint(endpoint, region):
    """Return (base_url, warnings) from the endpoint option, else from the region."""
    if endpoint:
        return validate_endpoint(endpoint)
    if region:
        return endpoint_for_region(region), []
    raise CodeArtsConfigError(
        "No endpoint: set the region option (or HW_REGION_NAME) to one of %s, "
        "or the endpoint option (or HW_CODEARTS_ENDPOINT) to the service's base URL." % ", ".join(known_regions()))
