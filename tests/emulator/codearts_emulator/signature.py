"""Check SDK-HMAC-SHA256 signatures the way the gateway in front of CodeArts does.

Written apart from the collection's signer on purpose: the emulator must not accept a request just
because both sides share a mistake.
"""

import datetime
import hashlib
import hmac
import re
from urllib.parse import parse_qsl, quote, unquote

MAX_CLOCK_SKEW = datetime.timedelta(minutes=15)
AUTHORIZATION = re.compile(r"^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]+)$")


class SignatureRejected(Exception):
    """The request's signature does not hold; the message says why."""


def _encode(text):
    return quote(text, safe="~")


def _canonical_request(method, path, query, headers, names, body):
    segments = [_encode(segment) for segment in unquote(path).split("/")]
    uri = "/".join(segments)
    if not uri.endswith("/"):
        uri += "/"
    pairs = sorted(parse_qsl(query, keep_blank_values=True))
    canonical_query = "&".join("%s=%s" % (_encode(key), _encode(value)) for key, value in pairs)
    lines = []
    for name in names:
        value = headers.get(name)
        if value is None:
            raise SignatureRejected("signed header %s is missing" % name)
        lines.append("%s:%s" % (name, value.strip()))
    return "%s\n%s\n%s\n%s\n\n%s\n%s" % (method, uri, canonical_query, "\n".join(lines), ";".join(names),
                                         hashlib.sha256(body).hexdigest())


def verify(store, method, path, query, headers, body, now=None):
    """Return the (user, access key) the request is signed with, or raise SignatureRejected."""
    match = AUTHORIZATION.match(headers.get("Authorization", ""))
    if not match:
        raise SignatureRejected("the Authorization header is not an SDK-HMAC-SHA256 signature")
    access_key, signed, claimed = match.groups()
    key = store.access_keys.get(access_key)
    if key is None:
        raise SignatureRejected("unknown access key")
    names = signed.split(";")
    if "host" not in names or "x-sdk-date" not in names:
        raise SignatureRejected("host and x-sdk-date must be signed")
    try:
        moment = datetime.datetime.strptime(headers.get("X-Sdk-Date", ""), "%Y%m%dT%H%M%SZ")
    except ValueError:
        raise SignatureRejected("X-Sdk-Date is missing or malformed")
    now = now or datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    if abs(now - moment) > MAX_CLOCK_SKEW:
        raise SignatureRejected("X-Sdk-Date is more than 15 minutes from the server's time")
    if key.security_token and (headers.get("X-Security-Token") != key.security_token or "x-security-token" not in names):
        raise SignatureRejected("temporary access key without its signed security token")
    text = _canonical_request(method, path, query, headers, names, body)
    string_to_sign = "SDK-HMAC-SHA256\n%s\n%s" % (headers["X-Sdk-Date"], hashlib.sha256(text.encode("utf-8")).hexdigest())
    expected = hmac.new(key.secret_key.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, claimed):
        raise SignatureRejected("the signature does not match")
    return key.user, key
