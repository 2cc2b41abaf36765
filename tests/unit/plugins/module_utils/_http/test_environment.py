"""Environment variables as text: blank means unset, bytes that are not UTF-8 are refused by the variable's name."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.environment import checked_text, read


def test_a_value_is_read_stripped_and_blank_counts_as_unset():
    assert read("HW_REGION_NAME", {"HW_REGION_NAME": "  cn-north-4\n"}) == "cn-north-4"
    assert read("HW_REGION_NAME", {"HW_REGION_NAME": " \t"}) is None
    assert read("HW_REGION_NAME", {}) is None


def test_a_value_that_is_not_utf8_is_refused_naming_the_variable_never_the_value():
    with pytest.raises(CodeArtsConfigError) as caught:
        read("HW_USER_PASSWORD", {"HW_USER_PASSWORD": "pass\udcf6word"})
    assert "HW_USER_PASSWORD" in str(caught.value) and "not valid UTF-8" in str(caught.value)
    assert "pass" not in str(caught.value).replace("HW_USER_PASSWORD", "")


def test_text_that_is_utf8_passes_unchanged():
    assert checked_text("x", "caf\u00e9 \u4e2d") == "caf\u00e9 \u4e2d"
    assert checked_text("x", None) is None
