# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""SDK-HMAC-SHA256 request signing with an access key pair, as the official Huawei Cloud SDK does it.

Only the headers the collection sets itself are signed, as the SDK signs only the headers it builds:
Content-Type, Host, User-Agent, X-Project-Id, X-Sdk-Date and X-Security-Token. Transport headers the HTTP
library adds (Accept, Accept-Encoding, Connection, Content-Length) are left out, because a proxy or load
balancer in front of the signature check may legally drop or rewrite them (nginx sends Connection: close
upstream), which would break a signature over them. Standard library only; the unit tests compare whole
requests the SDK builds and sends with the ones this collection sends.
"""

import datetime
import hashlib
import hmac
from urllib.parse import parse_qsl, quote, unquote, urlsplit

ALGORITHM = "SDK-HMAC-SHA256"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
EMPTY_BODY_HASH = hashlib.sha256(b"").hexdigest()


def _encode(text):
    return quote(text, safe="~")


def canonical_uri(path):
    """Each path segment percent-encoded (only ~ left as is), with a trailing slash."""
    uri = "/".join(_encode(segment) for segment in unquote(path or "/").split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(query):
    """The query's key=value pairs, decoded, sorted, re-encoded and joined with &."""
    pairs = sorted(parse_qsl(query or "", keep_blank_values=True))
    return "&".join("%s=%s" % (_encode(key), _encode(value)) for key, value in pairs)


SIGNED_HEADERS = frozenset(("content-type", "host", "user-agent", "x-project-id", "x-sdk-date", "x-security-token"))


def signed_header_names(headers):
    """The names, lower-cased and sorted, of the headers present that are signed."""
    return sorted(name.lower() for name in headers if name.lower() in SIGNED_HEADERS)


def canonical_request(method, url, headers, body, names):
    parts = urlsplit(url)
    values = dict((name.lower(), str(value).strip()) for name, value in headers.items())
    canonical_headers = "".join("%s:%s\n" % (name, values[name]) for name in names)
    if isinstance(body, str):
        body = body.encode("utf-8")
    payload_hash = hashlib.sha256(body).hexdigest() if body else EMPTY_BODY_HASH
    return "\n".join((method.upper(), canonical_uri(parts.path), canonical_query(parts.query), canonical_headers,
                      ";".join(names), payload_hash))


def string_to_sign(request_text, sdk_date):
    return "\n".join((ALGORITHM, sdk_date, hashlib.sha256(request_text.encode("utf-8")).hexdigest()))


def signature(secret_key, text):
    return hmac.new(secret_key.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()


def utc_sdk_date():
    return datetime.datetime.now(datetime.timezone.utc).strftime(DATE_FORMAT)


class AccessKeySigner(object):
    """A requests auth callable that signs each prepared request with an access key pair.

    Before signing it adds X-Sdk-Date, Host, and, when set, X-Project-Id and X-Security-Token, so
    that they are signed too.
    """

    def __init__(self, access_key, secret_key, security_token=None, project_id=None, clock=utc_sdk_date):
        self._access_key = access_key
        self._secret_key = secret_key
        self._security_token = security_token
        self._project_id = project_id
        self._clock = clock

    def __call__(self, request):
        headers = request.headers
        headers.setdefault("X-Sdk-Date", self._clock())
        headers["Host"] = urlsplit(request.url).netloc
        if self._project_id:
            headers["X-Project-Id"] = self._project_id
        if self._security_token:
            headers["X-Security-Token"] = self._security_token
        names = signed_header_names(headers)
        text = string_to_sign(canonical_request(request.method, request.url, headers, request.body, names),
                              headers["X-Sdk-Date"])
        headers["Authorization"] = "%s Access=%s, SignedHeaders=%s, Signature=%s" % (
            ALGORITHM, self._access_key, ";".join(names), signature(self._secret_key, text))
        return request

    def __repr__(self):
        return "AccessKeySigner(access_key=%r, secret_key=<hidden>)" % self._access_key
