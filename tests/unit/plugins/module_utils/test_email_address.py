import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import checked_email, same_email
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError


@pytest.mark.parametrize("value, expected", [
    ("dev@example.com", "dev@example.com"),
    ("  Dev.Ops+ci@Sub.Example.COM \n", "Dev.Ops+ci@Sub.Example.COM"),
    ("a@b.c", "a@b.c"),
    ("x" * 988 + "@example.com", "x" * 988 + "@example.com"),
])
def test_usable_addresses_come_back_stripped(value, expected):
    assert checked_email(value) == expected


@pytest.mark.parametrize("value, reason", [
    (None, "it is empty"),
    ("", "it is empty"),
    ("  \t ", "it is empty"),
    ("x" * 989 + "@example.com", "1001 characters long"),
    ("dev example.com", "space or a control character"),
    ("dev@exam\x00ple.com", "space or a control character"),
    ("dev@exam\x7fple.com", "space or a control character"),
    ("dev.example.com", "exactly one @"),
    ("@example.com", "exactly one @"),
    ("dev@@example.com", "exactly one @"),
    ("dev@localhost", "a domain such as example.com"),
    ("dev@example..com", "a domain such as example.com"),
    ("dev@.example.com", "a domain such as example.com"),
    ("dev@", "a domain such as example.com"),
])
def test_unusable_addresses_name_the_option_and_the_reason(value, reason):
    with pytest.raises(CodeArtsConfigError) as caught:
        checked_email(value)
    assert str(caught.value).startswith("email is not a usable address: ")
    assert reason in str(caught.value)
    assert "Nothing was sent" in str(caught.value)


@pytest.mark.parametrize("first, second, same", [
    ("dev@example.com", "dev@example.com", True),
    ("Dev@Example.COM", "dev@example.com", True),
    (" dev@example.com ", "dev@example.com", True),
    ("dev@example.com", "dev2@example.com", False),
    (None, "dev@example.com", False),
    ("dev@example.com", None, False),
])
def test_same_email_ignores_case_and_surrounding_space(first, second, same):
    assert same_email(first, second) is same
