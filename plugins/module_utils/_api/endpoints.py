# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Where the CodeArts Repo API lives: the region table and the checks on a user-given endpoint."""

import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.urls import checked_url

# The official SDK's table of CodeArts Repo v4 hosts.
HOST_PATTERN_REGIONS = {
    "codehub-ext.{region}.myhuaweicloud.com": (
        "cn-east-2", "cn-south-1", "cn-east-3", "cn-north-4", "cn-north-1", "cn-south-2",
        "cn-southwest-2", "sa-brazil-1", "la-north-2", "ap-southeast-3",
    ),
    "codeartsrepo-ext.{region}.myhuaweicloud.com": ("la-south-2", "tr-west-1", "eu-west-101"),
    "repo.{region}.myhuaweicloud.com": ("me-east-1", "af-south-1", "af-north-1"),
}

REGION_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_REGION_CHARS = 64

REGION_HOSTS = dict(
    (region, pattern.format(region=region))
    for pattern, regions in HOST_PATTERN_REGIONS.items()
    for region in regions
)


def known_regions():
    return sorted(REGION_HOSTS)


def endpoint_for_region(region):
    """Return the https base URL of the service in region, or raise CodeArtsConfigError."""
    host = REGION_HOSTS.get(region)
    if host is None:
        raise CodeArtsConfigError(
            "Unknown region %r: the collection knows the CodeArts Repo endpoint of %s. "
            "For another region set the endpoint option (or HW_CODEARTS_ENDPOINT) to the service's base URL."
            % (region, ", ".join(known_regions())))
    return "https://" + host


def checked_region(region):
    """The region name without surrounding white space, or None; raise CodeArtsConfigError if it is not one.

    A region ends up in host names (the service's, IAM's) and in the IAM token's scope, so only the shape
    of a region name is accepted: letters, digits and single hyphens, such as cn-north-4, in any letter case (a
    region is written CN-North-4 as often as cn-north-4), returned in lower case, as host names and IAM have it.
    """
    if region is None or not region.strip():
        return None
    name = "".join(char.lower() if "A" <= char <= "Z" else char for char in region.strip())  # A to Z only
    if len(name) > MAX_REGION_CHARS or not REGION_NAME.match(name):
        raise CodeArtsConfigError(
            "region '%s' is not a region name: use letters, digits and hyphens, such as cn-north-4." % quoted(name, 40))
    return name


def validate_endpoint(url):
    """Check a user-given base URL and return it as scheme://host[:port]; raise CodeArtsConfigError if unusable."""
    parts = checked_url("endpoint", url, "https://codehub-ext.cn-north-4.myhuaweicloud.com", allow_path=False)
    return "%s://%s" % (parts.scheme, parts.netloc)


def resolve_endpoint(endpoint, region):
    """The base URL from the endpoint option, else from the (checked) region."""
    if endpoint and endpoint.strip():
        return validate_endpoint(endpoint)
    if region:
        return endpoint_for_region(region)
    raise CodeArtsConfigError(
        "No endpoint: set the region option (or HW_REGION_NAME) to one of %s, "
        "or the endpoint option (or HW_CODEARTS_ENDPOINT) to the service's base URL." % ", ".join(known_regions()))
