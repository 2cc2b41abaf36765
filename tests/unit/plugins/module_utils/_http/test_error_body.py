"""Describing an error answer: the service's code and message from any shape, any bytes described."""

import json

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.error_body import parse_error_body
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import shown
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.properties import examples


@pytest.mark.parametrize("document, expected", [
    ({"error_code": "DEV.00000003", "error_msg": "expired"}, ("DEV.00000003", "expired")),
    ({"error": {"code": "DEV.CH.10001", "message": "Param invalid"}, "status": "failed"}, ("DEV.CH.10001", "Param invalid")),
    ({"errorCode": "X.1", "errorMsg": "camel"}, ("X.1", "camel")),
    ({"error": {"error_code": "APIGW.0301", "error_msg": "nested"}}, ("APIGW.0301", "nested")),
    ({"code": 500, "message": "numeric code"}, ("500", "numeric code")),
    ({"error_code": "ONLY.CODE"}, ("ONLY.CODE", None)),
    ({"error": "invalid_token"}, (None, "invalid_token")),
    ({"error_msg": "  spread \n over   lines "}, (None, "spread over lines")),
])
def test_known_shapes(document, expected):
    code, message = parse_error_body(json.dumps(document).encode())
    assert (code, shown(quoted(message)) if message else message) == expected


def test_a_json_object_without_error_fields_is_quoted():
    code, message = parse_error_body(b'{"unexpected": true}')
    assert code is None
    assert shown(message) == 'the error body holds no error code or message: {"unexpected": true}'


@pytest.mark.parametrize("raw", [b"[1, 2, 3]", b"42", b"null", b'"a string"'])
def test_json_that_is_not_an_object(raw):
    code, message = parse_error_body(raw)
    assert code is None
    assert message.startswith("the error body is JSON but not an object")


def test_long_text_is_cut():
    code, message = parse_error_body(b"x" * 5000, "text/plain")
    assert code is None
    assert shown(message) == "the answer was not JSON: " + "x" * 200 + "..."


def test_html_without_a_title():
    assert parse_error_body(b"<html><body>Bad gateway</body></html>", "text/html")[1] == (
        "the answer was an HTML page, usually from a gateway or proxy in front of the service")


def test_undecodable_bytes_do_not_raise():
    code, message = parse_error_body(b"\xff\xfe\x00garbage", "application/octet-stream")
    assert code is None
    assert message.startswith("the answer was not JSON")


# Derandomised: the same 300 examples every run, so CI cannot turn red on a lucky seed.
SETTINGS = settings(max_examples=examples(300), deadline=None, derandomize=True)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20)
error_like = st.fixed_dictionaries({}, optional={
    "error_code": json_values, "error_msg": json_values, "errorCode": json_values, "errorMsg": json_values,
    "code": json_values, "message": json_values, "status": json_values,
    "error": json_values | st.fixed_dictionaries({}, optional={"code": json_values, "message": json_values})})


def assert_described(result):
    code, message = result
    assert code is None or (isinstance(code, str) and code)
    assert message is None or (isinstance(message, str) and message)
    assert code or message


@SETTINGS
@given(st.binary(max_size=2000), st.text(max_size=40))
def test_any_bytes_are_described(body, content_type):
    assert_described(parse_error_body(body, content_type))


@SETTINGS
@given(json_values | error_like)
def test_any_json_error_body_is_described(document):
    assert_described(parse_error_body(json.dumps(document).encode("utf-8"), "application/json"))
