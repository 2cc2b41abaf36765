"""Faults the tests arm through the control API, each for the next N requests to one method and path.

A fault is a dict:
  kind     "status" (answer with status and body), "reset" (close the connection without answering),
           "lost_answer" (apply the request, then close without answering), "slow" (apply, then answer
           after seconds), or "redirect" (answer 302 to location)
  method, path, count (default 1); path is the request's path without its query, exactly, or with "*" standing
           for any characters within one segment: "/v4/repositories/*/hooks" is every repository's hook list
  status   for "status": the HTTP status (default 503)
  body     for "status": "json" (an error in the documented shape, default), "html", "empty",
           "not_json" (text with a JSON content type) or "json_array" (valid JSON, not an object)
  retry_after  for "status": the Retry-After header, if any
  apply    for "status": run the real request first, so the change is made and only the answer is bad
  seconds  for "slow"; location for "redirect"
Hostile answers (huge, gzip_bomb, endless, ...) are kinds too: see hostile.py.
"""

import re

from codearts_emulator import hostile

KINDS = ("status", "reset", "lost_answer", "slow", "redirect") + hostile.KINDS
BODIES = {
    "json": (b'{"error_code": "EMULATED.FAULT", "error_msg": "Injected fault"}', "application/json;charset=UTF-8"),
    "html": (b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html"),
    "empty": (b"", "application/json;charset=UTF-8"),
    "not_json": (b"upstream connect error or disconnect/reset before headers", "application/json;charset=UTF-8"),
    "json_array": (b'["not", "an", "object"]', "application/json;charset=UTF-8"),
}


class FaultBook(object):
    """Armed faults, consumed in the order they were armed."""

    def __init__(self):
        self.armed = []

    def arm(self, spec):
        """Check and keep a fault; return an error text, or None."""
        if not isinstance(spec, dict) or spec.get("kind") not in KINDS or not spec.get("method") or not spec.get("path"):
            return "a fault needs kind (one of %s), method and path" % ", ".join(KINDS)
        if spec.get("body", "json") not in BODIES:
            return "body must be one of %s" % ", ".join(sorted(BODIES))
        self.armed.append(dict(spec, count=int(spec.get("count", 1))))
        return None

    def take(self, method, path):
        """The fault for this request, if one is armed for it (using up one of its count)."""
        for fault in self.armed:
            if fault["method"] == method and _matches(fault["path"], path) and fault["count"] > 0:
                fault["count"] -= 1
                return fault
        return None


def _matches(pattern, path):
    if "*" not in pattern:
        return pattern == path
    return re.fullmatch("[^/]*".join(re.escape(part) for part in pattern.split("*")), path) is not None
