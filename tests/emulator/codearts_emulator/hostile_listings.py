"""Hostile listings: fault kinds (see faults.py) answering a list call with pages of made-up items.

  listing       any list call (v4 bare arrays, the v2 repository list, the user's SSH keys): a page of made-up
                items for the request's paging (offset and limit; page_index and page_size for v2), with options:
    item        the items' shape: ssh_key, repository, repository_v2, group, subgroup, protected_branch, member,
                webhook or deploy_key (default: the shape the path's real listing holds, listing_items.ITEM_BY_PATH)
    items       how many items the listing holds (default: no end, so every page is full; 10000 for a long one)
    total       the total the answer claims: the X-Total header of v4 lists, the body's total for SSH keys and v2;
                default: items, or 1,000,000 when there is no end. Lie with it (too high, too low). v4 lists that
                have no X-Total (repositories, groups, protected branches) send none unless total is given.
    same_page   true: every page lists the same items, whatever the offset (a service that ignores it)
    wrong_types {field: value} set in every item, e.g. {"id": "70001"} or {"name": 5}
    masked      the text put where a secret or key material was expected (webhook token, SSH key line, deploy key
                fingerprint); webhooks carry ******** (the service's mask) unless this says otherwise
    line_chars  ssh_key: the length of every key line, padded in the comment
  key_listing   the SSH keys' listing as it always was: listing with item ssh_key; "keys" is the old name of items
Arm it with a count of at least the pages it should answer; each page is one request.
"""

import json
from urllib.parse import parse_qs, urlsplit

from codearts_emulator.listing_items import WITH_TOTAL_HEADER, item, shape_for

KINDS = ("key_listing", "listing")
ENDLESS_TOTAL = 1000000


def _number(values, name, default):
    try:
        return int(values.get(name, [default])[0])
    except ValueError:
        return default


def _window(shape, fault, query):
    """(offset, limit) the request asks for: v2 pages from 1, everything else offsets from 0."""
    values = parse_qs(query)
    if shape == "repository_v2":
        size = _number(values, "page_size", 20)
        offset = (_number(values, "page_index", 1) - 1) * size
    else:
        size = _number(values, "limit", 20)
        offset = _number(values, "offset", 0)
    return (0 if fault.get("same_page") else max(offset, 0)), max(size, 0)


def page(fault, path, query):
    """(body, headers) of one hostile page."""
    shape = fault.get("item") or ("ssh_key" if fault["kind"] == "key_listing" else shape_for(path)) or "repository"
    held = fault.get("items", fault.get("keys"))
    offset, limit = _window(shape, fault, query)
    end = offset + limit if held is None else min(offset + limit, int(held))
    items = [item(shape, number, fault) for number in range(offset, end)]
    total = fault.get("total", ENDLESS_TOTAL if held is None else held)
    if shape == "ssh_key":
        return {"keys": items, "total": total}, {}
    if shape == "repository_v2":
        return {"result": {"repositories": items, "total": total}, "status": "success"}, {}
    sends_total = total is not None and (shape in WITH_TOTAL_HEADER or "total" in fault)
    return items, ({"X-Total": str(total)} if sends_total else {})


def _listing(handler, fault, status, response):
    parts = urlsplit(handler.path)
    body, headers = page(fault, parts.path, parts.query)
    payload = json.dumps(body).encode("utf-8")
    handler.send_response(200)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Type", "application/json;charset=UTF-8")
    handler.send_header("Content-Length", str(len(payload)))
    handler.send_header("X-Request-Id", "hostile-listing")
    handler.end_headers()
    handler.wfile.write(payload)


ANSWERS = {"key_listing": _listing, "listing": _listing}
