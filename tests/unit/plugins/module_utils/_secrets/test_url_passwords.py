"""A password written into a URL is masked wherever a text holds one; the rest of the URL stays readable."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.url_passwords import without_url_passwords


@pytest.mark.parametrize("text, shown", [
    ("hook https://deploy:hunter2pass@ci2.example.com/hook, listed", "hook https://deploy:********@ci2.example.com/hook, listed"),
    ("HTTP://u:p%40ss@proxy:3128", "HTTP://u:********@proxy:3128"),
    ("socks5h://:secret@127.0.0.1:1080/", "socks5h://:********@127.0.0.1:1080/"),
    # an @ left unencoded in the password: the user info ends at the host's @, the last one, as urlsplit reads it
    ("https://u:p@ss-word@host/x", "https://u:********@host/x"),
])
def test_the_password_of_a_url_is_masked_and_its_user_and_host_stay(text, shown):
    assert without_url_passwords(text) == shown


@pytest.mark.parametrize("text", ["https://ci.example.com/hook", "https://user@ci.example.com/", "mail alice@example.com: ok",
                                  "time 10:30@noon"])
def test_a_text_without_a_password_in_a_url_is_left_as_it_is(text):
    assert without_url_passwords(text) == text
