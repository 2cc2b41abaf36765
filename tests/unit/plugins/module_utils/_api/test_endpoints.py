"""Endpoints: region names to the SDK's hosts, endpoint and IAM URLs checked before any request."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.endpoints import (
    checked_region,
    known_regions,
    resolve_endpoint,
    validate_endpoint,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.iam_password import iam_auth_url


@pytest.mark.parametrize("region, url", [
    ("cn-north-4", "https://codehub-ext.cn-north-4.myhuaweicloud.com"),
    ("ap-southeast-3", "https://codehub-ext.ap-southeast-3.myhuaweicloud.com"),
    ("eu-west-101", "https://codeartsrepo-ext.eu-west-101.myhuaweicloud.com"),
    ("tr-west-1", "https://codeartsrepo-ext.tr-west-1.myhuaweicloud.com"),
    ("af-south-1", "https://repo.af-south-1.myhuaweicloud.com"),
    (" me-east-1 ", "https://repo.me-east-1.myhuaweicloud.com"),
])
def test_regions_map_to_the_sdk_hosts(region, url):
    assert resolve_endpoint(None, checked_region(region)) == url


def test_the_table_holds_all_sixteen_regions():
    assert len(known_regions()) == 16


def test_an_unknown_region_lists_the_known_ones_and_names_endpoint():
    with pytest.raises(CodeArtsConfigError) as caught:
        resolve_endpoint(None, "xx-nowhere-1")
    message = str(caught.value)
    assert "'xx-nowhere-1'" in message
    assert all(region in message for region in known_regions())
    assert "endpoint option (or HW_CODEARTS_ENDPOINT)" in message


@pytest.mark.parametrize("region", [
    "a@127.0.0.1:9/#", "cn-north-4/../x", "cn-north-4?x=1", "cn north 4", "\u212an-north-4", "cn-north-4.evil.test",
    "cn--north", "-cn", "cn-north-4\nx", "cn-north-4\u200b", "x" * 100000,
])
def test_a_region_that_is_not_a_region_name_is_refused_before_it_reaches_a_url(region):
    with pytest.raises(CodeArtsConfigError, match="is not a region name"):
        checked_region(region)


@pytest.mark.parametrize("region, expected", [(" cn-north-4 ", "cn-north-4"), ("", None), ("  ", None), (None, None),
                                              ("CN-North-4", "cn-north-4"), ("AP-SOUTHEAST-3", "ap-southeast-3")])
def test_a_region_is_stripped_once_in_any_letter_case_and_blank_means_unset(region, expected):
    assert checked_region(region) == expected


def test_a_stripped_region_gives_the_same_iam_url_as_a_clean_one():
    assert iam_auth_url(None, checked_region("cn-north-4 ")) == "https://iam.cn-north-4.myhuaweicloud.com/v3"


def test_endpoint_wins_over_region():
    assert resolve_endpoint("https://repo.example.test:8443/", "cn-north-4") == "https://repo.example.test:8443"


def test_neither_endpoint_nor_region():
    with pytest.raises(CodeArtsConfigError, match="No endpoint: set the region option"):
        resolve_endpoint(None, None)


@pytest.mark.parametrize("url, reason", [
    ("codehub-ext.cn-north-4.myhuaweicloud.com", "must start with https://"),
    ("ftp://repo.example.test", "must start with https://"),
    ("https://", "names no valid host"),
    ("https://repo.example.test/v4", "with no path"),
    ("https://repo.example.test/?a=b", "query"),
    ("https://repo.example.test/#x", "fragment"),
    ("https://repo.example.test?", "query"),
    ("https://repo.example.test:99999", "port is not a number"),
    ("https://repo.example.test:http", "port is not a number"),
    ("https://repo example.test", "white space"),
    ("https://repo.example.test\r\nX-Evil: 1", "control character"),
    ("https://repo!.example.test", "no valid host"),
])
def test_unusable_endpoints(url, reason):
    with pytest.raises(CodeArtsConfigError, match=reason):
        validate_endpoint(url)


@pytest.mark.parametrize("url", [
    "https://admin:hunter2@repo.example.test", "http://:hunter2@127.0.0.1:9/", "https://hunter2@repo.example.test",
    "https://a:hunter2@b@repo.example.test",
])
@pytest.mark.parametrize("check", [validate_endpoint, lambda url: iam_auth_url(url + "/v3", None)])
def test_user_info_in_endpoint_or_auth_url_is_refused_and_not_echoed(url, check):
    with pytest.raises(CodeArtsConfigError) as caught:
        check(url)
    assert "must not hold a user name or password" in str(caught.value)
    assert "hunter2" not in str(caught.value)
    assert "***@" in str(caught.value)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost", "http://[::1]:8080", "https://repo.example.test"])
def test_usable_endpoints_come_back_as_scheme_host_and_port(url):
    assert validate_endpoint(url + "/") == url
