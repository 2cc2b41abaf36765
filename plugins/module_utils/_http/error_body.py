# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read the error code and message out of whatever body an error response carries.

CodeArts and the API gateway in front of it answer errors in several shapes:
{"error_code", "error_msg"} (the endpoint pages), {"error": {"code", "message"}, "status"} (the
general error-code page), errorCode/errorMsg (accepted by the official SDK), an HTML page from a
gateway, or nothing at all.
"""

import json
import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.body import AnswerNotJson, AnswerTooDeep, decode_json
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.answers import MAX_SAID_CHARS

KEY_PAIRS = (("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message"))
HTML_SEARCHED_CHARS = 4096

HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _as_text(value):
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()[:MAX_SAID_CHARS]
    return text or None


def _code_and_message(document):
    for code_key, message_key in KEY_PAIRS:
        code = _as_text(document.get(code_key))
        message = _as_text(document.get(message_key))
        if code or message:
            return code, message
    return None, None


def parse_error_document(document):
    """Return (code, message) from a decoded JSON error body; either may be None."""
    if not isinstance(document, dict):
        return None, "the error body is JSON but not an object: %s" % quoted(json.dumps(document))
    nested = document.get("error")
    if isinstance(nested, dict):
        code, message = _code_and_message(nested)
        if code or message:
            return code, message
    code, message = _code_and_message(document)
    if code or message:
        return code, message
    if isinstance(nested, str) and nested.strip():
        return None, nested.strip()[:MAX_SAID_CHARS]
    return None, "the error body holds no error code or message: %s" % quoted(json.dumps(document, sort_keys=True))


def parse_error_body(body, content_type=""):
    """Return (code, message) describing an error response body given as bytes.

    Never raises: an unreadable body becomes a message saying what was received. A code or message the service sent
    is kept as it said it (bounded), for callers to compare; the output gate quotes it.
    """
    text = body.decode("utf-8", "replace").strip() if body else ""
    if not text:
        return None, "the response body was empty"
    try:
        return parse_error_document(decode_json(body))
    except AnswerTooDeep as too_deep:
        return None, str(too_deep)
    except AnswerNotJson:
        pass
    if "html" in (content_type or "").lower() or text.startswith("<"):
        title = HTML_TITLE.search(text[:HTML_SEARCHED_CHARS])
        described = " (title: %s)" % quoted(title.group(1)) if title and title.group(1).strip() else ""
        return None, "the answer was an HTML page%s, usually from a gateway or proxy in front of the service" % described
    return None, "the answer was not JSON: %s" % quoted(text)
