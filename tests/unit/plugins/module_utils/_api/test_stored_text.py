"""A text the service lists is the one a task sent when it is one of the forms a service may store it in."""

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.stored_text import same_stored_text

LONG = "t" * 300


@pytest.mark.parametrize("wanted, stored", [
    ("Dev & Ops", "Dev & Ops"),
    ("Dev & Ops", "Dev &amp; Ops"),
    ("cafe\u0301", "caf\u00e9"),
    (LONG, LONG[:255]),
    (LONG, LONG[:1000]),
    ("<b>", "&lt;b&gt;"),
], ids=["as_sent", "html_escaped", "nfc", "cut_to_255", "cut_above_255", "html_escaped_tag"])
def test_the_forms_a_service_may_store_are_the_same_text(wanted, stored):
    assert same_stored_text(wanted, stored)


@pytest.mark.parametrize("wanted, stored", [
    ("laptop", "Laptop"),
    ("Dev & Ops", "Dev &amp;amp; Ops"),
    (LONG, LONG[:254]),
    ("laptop", "lap"),
    ("laptop", None),
], ids=["other_case", "escaped_twice", "cut_below_255", "short_prefix", "nothing_listed"])
def test_other_texts_differ(wanted, stored):
    assert not same_stored_text(wanted, stored)


def test_values_that_are_not_text_compare_as_they_are():
    assert same_stored_text(None, None) and same_stored_text(["push"], ["push"]) and not same_stored_text(1, "1")
