"""The URLs a user gives: what the client will talk to, refused otherwise, and shown without user-info."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.urls import (
    checked_url,
    is_loopback,
    shown,
    url_problem,
    user_info,
)


@pytest.mark.parametrize("host, loopback", [("localhost", True), ("127.0.0.1", True), ("127.8.9.1", True), ("::1", True),
                                            ("LOCALHOST", True), ("10.0.0.1", False), ("codearts.example.test", False)])
def test_loopback_hosts_are_told_apart(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("url", ["https://user:pa/ss#word@host.test/x", "https://user:secret@host.test"])
def test_a_url_is_shown_without_anything_before_the_last_at(url):
    assert plain(shown(url)).startswith("https://***@host.test")
    assert "secret" not in plain(shown(url)) and "word" not in plain(shown(url))


def test_user_info_lists_the_whole_part_and_the_password_encoded_and_decoded():
    assert set(user_info("http://bob:p%40ss@proxy.test:3128")) == {"bob:p%40ss", "p%40ss", "bob:p@ss", "p@ss"}
    assert user_info("http://proxy.test:3128") == [] and user_info(None) == []


@pytest.mark.parametrize("text, reason", [
    ("ftp://host.test", "it must start with https://, http://"),
    ("https://host .test", "white space"),
    ("https://host.test:0", "port"),
    ("https://host.test:", "port"),
    ("https://host.test/?a=1", "query"),
    ("https://-bad-.test", "no valid host"),
    ("https://[zz]", "not a valid URL"),
])
def test_each_unusable_url_gets_its_reason(text, reason):
    assert reason in url_problem(text, ("https", "http"))


def test_a_path_is_refused_only_where_none_is_allowed():
    assert url_problem("https://host.test/v3", ("https",)) is None
    assert "no path" in url_problem("https://host.test/v3", ("https",), allow_path=False)


def test_a_checked_url_names_the_option_refuses_user_info_and_says_nothing_was_sent():
    with pytest.raises(CodeArtsConfigError) as caught:
        checked_url("endpoint", "https://admin:hunter2@repo.test", "https://codearts.example.test", allow_path=False)
    message = plain(str(caught.value))
    assert message.startswith("endpoint 'https://***@repo.test' is not usable") and "hunter2" not in message
    assert message.endswith("Nothing was sent to the service.")
    assert checked_url("endpoint", " https://repo.test:8443 ", "x", allow_path=False).port == 8443
