"""Answers a hostile or broken server gives, for the codearts_hostile tests: each a fault kind (see faults.py).

  huge            200 with a JSON body of "bytes" bytes (default 200 MiB), streamed
  gzip_bomb       200, Content-Encoding gzip, "bytes" of zeros (default 1 GiB) compressed to about 1 MiB
  endless         200, chunked, a JSON body that never ends (the server gives up after 60 s)
  drip            200 with a declared length, one byte every "seconds" (default 1)
  nested          200 with 100,000 nested JSON arrays
  wrong_type      the real answer with "field" (default commit_email) set to "value" (default the number 12345); a
                  list answer with "field" given has it set in every item; any other answer that is no object (the
                  HTTPS clone setting, a list without "field") is replaced by "value" whole
  echo            "status" (default 400) with a body that quotes every header and the body it received
  broken_chunked  the real answer, chunked, cut off mid-body by a connection reset
  bad_gzip        the real status, Content-Encoding gzip, and bytes that are not gzip
  header_flood    the real status, then "headers" headers (default 1,000) of 1 KB each, and no body
Hostile listings of made-up items (listing, and the SSH keys' key_listing) are in hostile_listings.py.
Use "apply": true to run the real request first, so the change lands and only the answer is hostile.
"""

import json
import socket
import struct
import time
import zlib

from codearts_emulator import hostile_listings

KINDS = ("huge", "gzip_bomb", "endless", "drip", "nested", "wrong_type", "echo", "broken_chunked", "bad_gzip",
         "header_flood") + hostile_listings.KINDS
MAX_SECONDS = 60
_BOMBS = {}


def _gzip_of_zeros(size):
    if size not in _BOMBS:
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        block = b"\0" * (1024 * 1024)
        parts = [compressor.compress(block) for _block in range(size // len(block))]
        _BOMBS[size] = b"".join(parts) + compressor.flush()
    return _BOMBS[size]


def _headers(handler, status, headers):
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("X-Request-Id", "hostile-%s" % handler.command.lower())
    handler.end_headers()


def _chunk(handler, data):
    handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))


def _reset(handler):
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True


def _huge(handler, fault, status, response):
    size = int(fault.get("bytes", 200 * 1024 * 1024))
    _headers(handler, 200, {"Content-Type": "application/json", "Content-Length": str(size)})
    block = b" " * 65536
    handler.wfile.write(b"{")
    sent, started = 1, time.monotonic()
    while sent < size - 1 and time.monotonic() - started < MAX_SECONDS:
        piece = block[:size - 1 - sent]
        handler.wfile.write(piece)
        sent += len(piece)
    handler.wfile.write(b"}")


def _gzip_bomb(handler, fault, status, response):
    payload = _gzip_of_zeros(int(fault.get("bytes", 1024 * 1024 * 1024)))
    _headers(handler, 200, {"Content-Type": "application/json", "Content-Encoding": "gzip",
                            "Content-Length": str(len(payload))})
    handler.wfile.write(payload)


def _endless(handler, fault, status, response):
    _headers(handler, 200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    _chunk(handler, b'{"commit_email": "')
    started = time.monotonic()
    while time.monotonic() - started < MAX_SECONDS:
        _chunk(handler, b"a" * 1024)
        time.sleep(0.05)
    _reset(handler)


DRIPPED_USER = {"id": 1, "name": "drip", "commit_email": "drip@example.com", "state": "active"}


def _drip(handler, fault, status, response):
    payload = json.dumps(response if response is not None else DRIPPED_USER).encode("utf-8")
    _headers(handler, 200, {"Content-Type": "application/json", "Content-Length": str(len(payload))})
    started = time.monotonic()
    for byte in payload:
        if time.monotonic() - started > MAX_SECONDS:
            break
        handler.wfile.write(bytes((byte,)))
        handler.wfile.flush()
        time.sleep(float(fault.get("seconds", 1)))


def _nested(handler, fault, status, response):
    payload = b"[" * 100000 + b"]" * 100000
    _headers(handler, 200, {"Content-Type": "application/json", "Content-Length": str(len(payload))})
    handler.wfile.write(payload)


def _wrong_type(handler, fault, status, response):
    value, field = fault.get("value", 12345), fault.get("field", "commit_email")
    if isinstance(response, dict):
        document = dict(response, **{field: value})
    elif isinstance(response, list) and "field" in fault:
        document = [dict(item, **{field: value}) if isinstance(item, dict) else item for item in response]
    else:
        document = value
    payload = json.dumps(document).encode("utf-8")
    # A whole, well-formed answer whose content is wrong: it says it closes the connection, as HTTP asks, so the
    # case is about the content, not about a connection the client reuses while the server closes it.
    _headers(handler, status or 200, {"Content-Type": "application/json", "Content-Length": str(len(payload)),
                                      "Connection": "close"})
    handler.wfile.write(payload)


CREDENTIAL_HEADERS = ("X-Auth-Token", "X-Security-Token", "Authorization")


def _echo(handler, fault, status, response):
    # Credentials first: clients cut long messages short, and the test is whether they are masked.
    credentials = dict((name, handler.headers[name]) for name in CREDENTIAL_HEADERS if handler.headers[name])
    received = {"credentials": credentials, "body": handler.raw_body.decode("utf-8", "replace")}
    payload = json.dumps({"error_code": "HOSTILE.ECHO", "error_msg": "you sent %s" % json.dumps(received)}).encode()
    _headers(handler, int(fault.get("status", 400)), {"Content-Type": "application/json", "Content-Length": str(len(payload))})
    handler.wfile.write(payload)


def _broken_chunked(handler, fault, status, response):
    payload = json.dumps(response).encode("utf-8")
    _headers(handler, status or 200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    _chunk(handler, payload[:len(payload) // 2])
    handler.wfile.flush()
    _reset(handler)


def _bad_gzip(handler, fault, status, response):
    payload = b"\x1f\x8b\x08\x00 this is not gzip"
    _headers(handler, status or 200, {"Content-Type": "application/json", "Content-Encoding": "gzip",
                                      "Content-Length": str(len(payload))})
    handler.wfile.write(payload)


def _header_flood(handler, fault, status, response):
    handler.send_response(status or 200)
    for number in range(int(fault.get("headers", 1000))):
        handler.send_header("X-Flood-%d" % number, "f" * 1024)
    handler.end_headers()


ANSWERS = dict((kind, globals()["_" + kind]) for kind in KINDS if kind not in hostile_listings.KINDS)
ANSWERS.update(hostile_listings.ANSWERS)


def answer(handler, fault, status, response):
    """Send the hostile answer of fault's kind; a client that hangs up ends it quietly."""
    try:
        ANSWERS[fault["kind"]](handler, fault, status, response)
    except OSError:
        handler.close_connection = True
    # A listing is a whole answer, kept alive as a real service keeps it; any other hostile answer ends the connection.
    if fault["kind"] not in hostile_listings.KINDS:
        handler.close_connection = True
