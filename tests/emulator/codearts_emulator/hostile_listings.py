"""Hostile SSH key listings, for the codearts_hostile tests: a fault kind (see faults.py), armed on GET /v4/user/keys.

  key_listing   a page of made-up keys for the request's offset and limit, with these options:
    keys        how many keys the listing holds (default: no end, so every page is full)
    total       the total the answer claims (default: keys, or 1,000,000 when there is no end)
    same_page   true: every page lists the same keys, whatever the offset (a service that ignores it)
    line_chars  the length of every key line, padded in the comment (default: a plain ed25519 line)
Arm it with a count of at least the pages it should answer; each page is one request.
"""

import base64
import hashlib
import json
import struct
from urllib.parse import parse_qs, urlsplit

KINDS = ("key_listing",)
ENDLESS_TOTAL = 1000000


def _string(data):
    return struct.pack(">I", len(data)) + data


def key_line(number, line_chars=None):
    """A well-formed ed25519 public key line, different for every number."""
    blob = _string(b"ssh-ed25519") + _string(hashlib.sha256(b"hostile key %d" % number).digest())
    line = "ssh-ed25519 %s hostile-%d" % (base64.b64encode(blob).decode("ascii"), number)
    if line_chars and line_chars > len(line):
        line += "x" * (line_chars - len(line))
    return line


def _page(fault, query):
    values = parse_qs(query)
    offset = 0 if fault.get("same_page") else int(values.get("offset", ["0"])[0])
    limit = int(values.get("limit", ["20"])[0])
    held = fault.get("keys")
    numbers = range(offset, offset + limit if held is None else min(offset + limit, int(held)))
    keys = [{"id": 70000 + number, "title": "hostile %d" % number, "key": key_line(number, fault.get("line_chars")),
             "created_at": "2026-11-30T10:00:00.000+08:00"} for number in numbers]
    return {"keys": keys, "total": fault.get("total", ENDLESS_TOTAL if held is None else held)}


def _key_listing(handler, fault, status, response):
    payload = json.dumps(_page(fault, urlsplit(handler.path).query)).encode("utf-8")
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json;charset=UTF-8")
    handler.send_header("Content-Length", str(len(payload)))
    handler.send_header("X-Request-Id", "hostile-listing")
    handler.end_headers()
    handler.wfile.write(payload)


ANSWERS = {"key_listing": _key_listing}
