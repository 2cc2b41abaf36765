"""The forms a secret is quoted back in: escaped as libraries escape it, and transformed as real systems do."""

import base64
import json
from urllib.parse import quote

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.secret_forms import forms_of, whole_forms_of

SECRET = 'pa"ss/wo<rd>&+ \u00e9x'


@pytest.mark.parametrize("form", [
    SECRET,
    json.dumps(SECRET)[1:-1],
    quote(SECRET.encode("utf-8"), safe=""),
    "pa&quot;ss/wo&lt;rd&gt;&amp;+ \u00e9x",
    base64.b64encode(SECRET.encode("utf-8")).decode(),
    base64.urlsafe_b64encode(SECRET.encode("utf-8")).decode(),
    SECRET.encode("utf-8").hex(),
    SECRET.encode("utf-8").hex().upper(),
], ids=["raw", "json", "url", "html", "base64", "base64_url_safe", "hex", "hex_upper"])
def test_each_form_real_systems_quote_back_is_known(form):
    assert form in forms_of(SECRET)


def test_the_json_form_with_escaped_solidus_is_known():
    assert "ab\\/cd\\/ef\\/gh" in forms_of("ab/cd/ef/gh")


def test_a_full_width_form_is_known():
    assert "\uff54\uff4f\uff4b\uff45\uff4e\uff10\uff11\uff12" in forms_of("token012")


def test_base64_at_every_alignment_inside_a_longer_text_is_known():
    encoded = base64.b64encode(b"user:" + b"proxy-password-1").decode()
    assert any(form in encoded for form in forms_of("proxy-password-1") if len(form) >= 8)


def test_letter_case_forms_are_for_long_secrets_only():
    assert whole_forms_of("Access-Key-01") == {"ACCESS-KEY-01", "access-key-01"}
    assert whole_forms_of("short") == set()
