import json

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.error_body import parse_error_body
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import shown


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
