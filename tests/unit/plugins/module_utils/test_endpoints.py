import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils.endpoints import (
    known_regions,
    resolve_endpoint,
    validate_endpoint,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsConfigError


@pytest.mark.parametrize("region, url", [
    ("cn-north-4", "https://codehub-ext.cn-north-4.myhuaweicloud.com"),
    ("ap-southeast-3", "https://codehub-ext.ap-southeast-3.myhuaweicloud.com"),
    ("eu-west-101", "https://codeartsrepo-ext.eu-west-101.myhuaweicloud.com"),
    ("tr-west-1", "https://codeartsrepo-ext.tr-west-1.myhuaweicloud.com"),
    ("af-south-1", "https://repo.af-south-1.myhuaweicloud.com"),
    (" me-east-1 ", "https://repo.me-east-1.myhuaweicloud.com"),
])
def test_regions_map_to_the_sdk_hosts(region, url):
    assert resolve_endpoint(None, region) == (url, [])


def test_the_table_holds_all_sixteen_regions():
    assert len(known_regions()) == 16


def test_an_unknown_region_lists_the_known_ones_and_names_endpoint():
    with pytest.raises(CodeArtsConfigError) as caught:
        resolve_endpoint(None, "xx-nowhere-1")
    message = str(caught.value)
    assert "'xx-nowhere-1'" in message
    assert all(region in message for region in known_regions())
    assert "endpoint option (or HW_CODEARTS_ENDPOINT)" in message


def test_endpoint_wins_over_region():
    assert resolve_endpoint("https://repo.example.test:8443/", "cn-north-4") == ("https://repo.example.test:8443", [])


def test_neither_endpoint_nor_region():
    with pytest.raises(CodeArtsConfigError, match="No endpoint: set the region option"):
        resolve_endpoint(None, None)


@pytest.mark.parametrize("url, reason", [
    ("codehub-ext.cn-north-4.myhuaweicloud.com", "must start with https://"),
    ("ftp://repo.example.test", "must start with https://"),
    ("https://", "names no host"),
    ("https://repo.example.test/v4", "no path, query or fragment"),
    ("https://repo.example.test/?a=b", "no path, query or fragment"),
    ("https://repo.example.test/#x", "no path, query or fragment"),
    ("https://repo.example.test:99999", "port is not a number"),
    ("https://repo.example.test:http", "port is not a number"),
])
def test_unusable_endpoints(url, reason):
    with pytest.raises(CodeArtsConfigError, match=reason):
        validate_endpoint(url)


def test_credentials_in_the_endpoint_are_refused_and_not_echoed():
    with pytest.raises(CodeArtsConfigError) as caught:
        validate_endpoint("https://admin:hunter2@repo.example.test")
    assert "must not hold credentials" in str(caught.value)
    assert "hunter2" not in str(caught.value)
    assert "https://***@repo.example.test" in str(caught.value)


@pytest.mark.parametrize("url, warns", [
    ("http://127.0.0.1:8080", False),
    ("http://localhost", False),
    ("http://[::1]:8080", False),
    ("http://repo.example.test", True),
    ("https://repo.example.test", False),
])
def test_plain_http_warns_unless_loopback(url, warns):
    base_url, warnings = validate_endpoint(url)
    assert base_url == url
    assert bool(warnings) == warns
    if warns:
        assert "unencrypted" in warnings[0]
