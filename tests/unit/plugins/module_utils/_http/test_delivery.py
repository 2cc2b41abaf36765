"""Every exception class requests and urllib3 define, and whether a write that failed with it may have landed.

"Never sent" is an allow-list (delivery.py). This walks every class the two libraries define, so a class
that a new release adds fails here until someone decides where it belongs.
"""

import inspect
import ssl

import pytest
import requests.exceptions
import urllib3.exceptions

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.delivery import never_sent

# Where the request provably never left, whatever the transport could watch (request_started None).
BEFORE_CONNECTING = {
    "urllib3.NewConnectionError", "urllib3.NameResolutionError", "urllib3.ConnectTimeoutError",
    "urllib3.LocationValueError", "urllib3.LocationParseError", "urllib3.URLSchemeUnknown",
    "urllib3.ProxySchemeUnknown", "urllib3.ProxySchemeUnsupported",
    "requests.ConnectTimeout", "requests.InvalidURL", "requests.InvalidProxyURL", "requests.InvalidSchema",
    "requests.MissingSchema",
}
# Never sent only when the transport saw that the request had not started (request_started False).
WHILE_CONNECTING = {
    "urllib3.ProxyError", "urllib3.SSLError", "urllib3.ReadTimeoutError",
    "requests.ProxyError", "requests.SSLError", "requests.ReadTimeout",
}
# Everything else may have been applied, even when the transport saw nothing start: it is not a kind that
# happens before sending.
MAY_HAVE_LANDED = {
    "urllib3.HTTPError", "urllib3.PoolError", "urllib3.RequestError", "urllib3.DecodeError", "urllib3.ProtocolError",
    "urllib3.MaxRetryError", "urllib3.HostChangedError", "urllib3.TimeoutStateError", "urllib3.TimeoutError",
    "urllib3.EmptyPoolError", "urllib3.FullPoolError", "urllib3.ClosedPoolError", "urllib3.ResponseError",
    "urllib3.ResponseNotChunked", "urllib3.BodyNotHttplibCompatible", "urllib3.IncompleteRead",
    "urllib3.InvalidChunkLength", "urllib3.InvalidHeader", "urllib3.HeaderParsingError", "urllib3.UnrewindableBodyError",
    "requests.RequestException", "requests.InvalidJSONError", "requests.JSONDecodeError", "requests.HTTPError",
    "requests.ConnectionError", "requests.Timeout", "requests.URLRequired", "requests.TooManyRedirects",
    "requests.InvalidHeader", "requests.ChunkedEncodingError", "requests.ContentDecodingError",
    "requests.StreamConsumedError", "requests.RetryError", "requests.UnrewindableBodyError",
}


def defined_classes():
    """Each class once, by its own name (urllib3.ConnectionError is another name of ProtocolError)."""
    for prefix, module in (("urllib3", urllib3.exceptions), ("requests", requests.exceptions)):
        classes = dict((id(value), value) for value in vars(module).values() if inspect.isclass(value))
        for value in classes.values():
            if issubclass(value, BaseException) and issubclass(value, BaseException) and not issubclass(value, Warning) \
                    and value.__module__ == module.__name__:
                yield "%s.%s" % (prefix, value.__name__), value


class _Response(object):
    length_remaining = 0

    @staticmethod
    def tell():
        return 0


def instance(cls):
    for args in ((_Response(), b"zz"), (0, 0), ("message", "document", 0), ("message",), (None, "message"), (None, "url", "message"),
                 ("message", ValueError("inner")), ()):
        try:
            error = cls(*args)
            str(error)
            return error
        except (TypeError, AttributeError):
            continue
    raise AssertionError("cannot build %r" % cls)


CLASSES = dict(defined_classes())


def test_the_table_names_every_class_exactly_once():
    tables = (BEFORE_CONNECTING, WHILE_CONNECTING, MAY_HAVE_LANDED)
    assert sorted(CLASSES) == sorted(name for table in tables for name in table)
    assert sum(len(table) for table in tables) == len(CLASSES)


def test_each_class_is_classified_as_the_table_says():
    wrong = []
    for name in sorted(CLASSES):
        error = instance(CLASSES[name])
        wrapped = requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(None, "/x", error))
        for candidate in (error, wrapped):
            seen = (never_sent(candidate, request_started=True), never_sent(candidate, request_started=None),
                    never_sent(candidate, request_started=False))
            if seen != (False, name in BEFORE_CONNECTING, name in BEFORE_CONNECTING | WHILE_CONNECTING):
                wrong.append("%s%s: %s" % (name, " (wrapped)" if candidate is wrapped else "", seen))
    assert len(CLASSES) > 40 and wrong == []


@pytest.mark.parametrize("error", [ValueError("x"), KeyError("x"), OSError(104, "reset"), RuntimeError("x"), ssl.SSLEOFError()])
def test_anything_else_may_have_landed_unless_seen_unstarted(error):
    assert never_sent(error, request_started=None) is False
    assert never_sent(error, request_started=True) is False
    assert never_sent(error, request_started=False) is isinstance(error, ssl.SSLError)
