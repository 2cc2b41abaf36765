# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read an answer's body with a byte cap that decompression respects, and decode it as JSON within limits.

The service's answers are small objects. A body larger than the cap, or one that decompresses to more
(a gzip bomb), is refused after reading at most the cap, so a hostile or broken server cannot fill the
machine's memory. JSON nested deeper than any real answer is refused too.
"""

import json
import zlib

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.deadline import DeadlineExceeded

MAX_ANSWER_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 32
CHUNK_BYTES = 16384
# Bytes of a deflate body kept until it shows whether it has the zlib header or is raw, as urllib3 decides.
DEFLATE_SNIFF_BYTES = 64


class AnswerTooLarge(Exception):
    """The body is larger than the cap (after decompression)."""


class AnswerBroken(Exception):
    """The body could not be read to its end: the connection broke, or the encoding is bad or unknown."""


class AnswerNotJson(ValueError):
    """The body is not JSON."""


class AnswerTooDeep(AnswerNotJson):
    """The body is JSON nested deeper than any answer of this API."""


class _Identity(object):
    """The decoder of an uncompressed body, with the part of zlib's interface read_capped uses."""

    unconsumed_tail = b""

    @staticmethod
    def decompress(data, max_length):
        return data

    @staticmethod
    def flush():
        return b""


class _Deflate(object):
    """A deflate decoder that, like urllib3, also reads raw deflate (no zlib header), as some servers send it."""

    def __init__(self):
        self._decoder = zlib.decompressobj(zlib.MAX_WBITS)
        self._seen = b""
        self._sniffing = True

    @property
    def unconsumed_tail(self):
        return self._decoder.unconsumed_tail

    def decompress(self, data, max_length):
        if not self._sniffing:
            return self._decoder.decompress(data, max_length)
        self._seen += data
        try:
            output = self._decoder.decompress(data, max_length)
        except zlib.error:
            self._sniffing = False
            self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._decoder.decompress(self._seen, max_length)
        if output or len(self._seen) >= DEFLATE_SNIFF_BYTES:
            self._sniffing = False
        return output

    def flush(self):
        return self._decoder.flush()


DECOMPRESSORS = {
    "gzip": lambda: zlib.decompressobj(16 + zlib.MAX_WBITS),
    "x-gzip": lambda: zlib.decompressobj(16 + zlib.MAX_WBITS),
    "deflate": _Deflate,
}


def _decoder(content_encoding):
    encodings = [part.strip().lower() for part in (content_encoding or "").split(",") if part.strip()]
    encodings = [encoding for encoding in encodings if encoding != "identity"]
    if not encodings:
        return _Identity()
    if len(encodings) == 1 and encodings[0] in DECOMPRESSORS:
        return DECOMPRESSORS[encodings[0]]()
    raise AnswerBroken("the answer uses a content encoding this client does not read (%s)" % ", ".join(encodings)[:60])


def _declared_length(headers):
    try:
        return int(headers.get("Content-Length"))
    except (TypeError, ValueError):
        return None


def read_capped(raw, headers, cap=MAX_ANSWER_BYTES):
    """The decoded body of a streamed urllib3 response raw, or AnswerTooLarge / AnswerBroken.

    Stream errors (a chunked answer cut short, a dropped connection, a socket timeout) become AnswerBroken;
    the caller's deadline (DeadlineExceeded) is left to propagate.
    """
    too_large = AnswerTooLarge("the answer is larger than %d bytes, far more than any answer of this API" % cap)
    declared = _declared_length(headers)
    if declared is not None and declared > cap:
        raise too_large
    decoder = _decoder(headers.get("Content-Encoding"))
    body = bytearray()
    try:
        for chunk in raw.stream(CHUNK_BYTES, decode_content=False):
            data = chunk
            while data:
                output = decoder.decompress(data, cap + 1 - len(body))
                body += output
                if len(body) > cap:
                    raise too_large
                if not output and decoder.unconsumed_tail == data:
                    break
                data = decoder.unconsumed_tail
        body += decoder.flush()
    except (AnswerTooLarge, AnswerBroken, DeadlineExceeded):
        raise
    except zlib.error:
        raise AnswerBroken("the answer's compressed body is corrupt") from None
    except Exception as exc:  # urllib3, http.client and socket errors all mean the body did not arrive whole
        raise AnswerBroken("the answer broke off before its end (%s)" % type(exc).__name__) from None
    if len(body) > cap:
        raise too_large
    return bytes(body)


def _depth(document):
    """How deeply lists and objects nest in document, without recursion."""
    deepest = 0
    pending = [(document, 1)]
    while pending:
        value, level = pending.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, level)
            pending.extend((item, level + 1) for item in value)
    return deepest


def decode_json(body):
    """The JSON document in body (bytes), or AnswerNotJson saying why it is not usable."""
    try:
        document = json.loads(body.decode("utf-8"))
    except RecursionError:
        raise AnswerTooDeep("the answer's JSON is nested too deeply") from None
    except (ValueError, UnicodeDecodeError):
        raise AnswerNotJson("the answer is not JSON") from None
    if _depth(document) > MAX_JSON_DEPTH:
        raise AnswerTooDeep("the answer's JSON is nested more than %d levels deep" % MAX_JSON_DEPTH)
    return document
