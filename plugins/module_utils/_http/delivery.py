# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Whether a request that got no usable answer can have reached the service, and what to tell the user.

"Never sent" is an allow-list. A failure counts as never sent only when the request provably never left this
machine: it is one of the kinds that happen before a request is written (a DNS failure, a refused connection, a
connect timeout, a TLS handshake or certificate failure, a proxy that refused or failed the tunnel, a URL that
cannot be used), and the transport saw no byte of the request start to be written. Every other failure, whatever
raised it (requests, urllib3, http.client, ssl, the socket, the answer reader, or something no one foresaw), may
have been applied. Only a failed attempt needs this file: the client imports it then.
"""

import ssl

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.body import AnswerBroken
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.deadline import DeadlineExceeded
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.transport import requests
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.urls import user_info

if requests is not None:
    from urllib3 import exceptions as urllib3_errors

    # Raised only before any connection to the service exists, so "never sent" even where the transport
    # could not watch the request (request_started() is None).
    BEFORE_CONNECTING = (
        urllib3_errors.NewConnectionError,  # refused, unreachable, and NameResolutionError (DNS)
        urllib3_errors.ConnectTimeoutError,  # raised only by connect(), never by a read
        urllib3_errors.LocationValueError,  # a URL urllib3 cannot use
        urllib3_errors.ProxySchemeUnsupported,
        ssl.SSLCertVerificationError,  # the certificate is checked in the handshake, before any request
        requests.exceptions.ConnectTimeout,
        requests.exceptions.InvalidURL,
        requests.exceptions.InvalidSchema,
        requests.exceptions.MissingSchema,
    )
    # Raised while connecting or after: "never sent" only when the transport saw the request not started.
    WHILE_CONNECTING = (
        DeadlineExceeded,
        urllib3_errors.ReadTimeoutError,  # a TLS handshake that timed out
        requests.exceptions.ReadTimeout,
        urllib3_errors.ProxyError,
        requests.exceptions.ProxyError,
        urllib3_errors.SSLError,
        requests.exceptions.SSLError,
        ssl.SSLError,
    )
else:
    BEFORE_CONNECTING = WHILE_CONNECTING = ()


def causes(error):
    """error and every exception it wraps, outermost first, as requests and urllib3 nest them."""
    chain, seen = [], set()
    while isinstance(error, BaseException) and id(error) not in seen:
        seen.add(id(error))
        chain.append(error)
        inner = getattr(error, "reason", None)
        if not isinstance(inner, BaseException):
            inner = getattr(error, "original_error", None)
        if not isinstance(inner, BaseException):
            inner = next((arg for arg in error.args if isinstance(arg, BaseException)), None)
        error = inner
    return chain


def never_sent(error, request_started):
    """True when error provably left the request unsent; request_started is True, False or None (unknown)."""
    if request_started:
        return False
    chain = causes(error)
    if any(isinstance(cause, BEFORE_CONNECTING) for cause in chain):
        return True
    return request_started is False and any(isinstance(cause, WHILE_CONNECTING) for cause in chain)


def innermost(error):
    """The innermost exception of error's chain, which says what really went wrong."""
    return causes(error)[-1]


REACH_HINT = "Check endpoint or region, and that this host can reach the service."
CA_HINT = "If the service uses a private CA, set ca_path to that CA's certificate bundle."


def server(url):
    scheme, _separator, rest = url.partition("://")
    return "%s://%s" % (scheme, rest.split("/", 1)[0])


def _is(chain, *kinds):
    return any(isinstance(cause, kinds) for cause in chain)


def _said(error):
    """What an exception says, without urllib3's connection object in front ("HTTPConnection(host=...): ...")."""
    text = str(error).strip() or type(error).__name__
    return quoted(text.split("Failed to establish a new connection: ", 1)[-1])


PROXY_REFUSALS = (("407", "Proxy Authentication Required"), ("401", "Unauthorized"))


def proxy_failure(proxy, chain):
    """(summary, status, hint) for a failure at the proxy itself, or None when the proxy was not the problem."""
    from urllib3.exceptions import NewConnectionError, ProxyError as Urllib3ProxyError
    if proxy is None or not _is(chain, Urllib3ProxyError, requests.exceptions.ProxyError):
        return None
    said = _said(innermost(chain[0]))
    for status, reason in PROXY_REFUSALS:  # tinyproxy answers wrong credentials with 401, missing ones with 407
        if "failed: %s" % status in said or said.startswith(status):
            if user_info(proxy.url):
                return ("the proxy %s refused the proxy credentials (HTTP %s %s)" % (proxy.shown, status, reason), int(status),
                        "Check the user name and password in %s." % proxy.variable)
            return ("the proxy %s wants credentials (HTTP %s %s)" % (proxy.shown, status, reason), int(status),
                    "Put them in %s as http://user:password@host:port." % proxy.variable)
    if _is(chain, NewConnectionError):
        return ("could not connect to the proxy %s (%s)" % (proxy.shown, said), None,
                "Check that the proxy runs and is reachable, or unset %s." % proxy.variable)
    return ("the proxy %s failed to open the connection to the service (%s)" % (proxy.shown, said), None,
            "Check the proxy's log, or unset %s." % proxy.variable)


def transport_failure(call_writes, method, label, url, error, request_started, proxy, timeout, repeatable):
    """The CodeArtsRequestError for an attempt without a usable answer, and whether another try may be made.

    A write may have been applied unless it provably never left (never_sent). One that is not repeatable is tried
    again only then; a repeatable one (a DELETE) is tried again, and still may have been applied.
    """
    writes = call_writes
    chain = causes(error)
    unsent = never_sent(error, request_started)
    status, hint, final = None, None, False
    at_proxy = proxy_failure(proxy, chain) if unsent else None
    if at_proxy is not None:
        summary, status, hint = at_proxy
    elif isinstance(error, DeadlineExceeded):
        summary = "no complete answer from %s within %s seconds" % (server(url), timeout)
    elif isinstance(error, AnswerBroken):
        summary = "%s (from %s)" % (error, server(url))
    elif _is(chain, requests.exceptions.SSLError) or type(innermost(error)).__module__ == "ssl":
        if unsent:  # a handshake or certificate failure does not mend itself: not tried again
            summary, hint, final = "the TLS connection to %s failed (%s)" % (server(url), _said(innermost(error))), CA_HINT, True
        else:
            summary = "the TLS connection to %s broke after the request was sent (%s)" % (server(url), _said(innermost(error)))
    elif _is(chain, requests.exceptions.Timeout):
        summary = "no answer from %s within %s seconds" % (server(url), timeout)
    elif unsent:
        summary, hint = "could not connect to %s (%s)" % (server(url), _said(innermost(error))), REACH_HINT
    else:
        summary = "the connection to %s broke before an answer arrived (%s)" % (server(url), type(innermost(error)).__name__)
    error = CodeArtsRequestError(method, label, summary, status=status, hint=hint, may_have_been_applied=not unsent and writes,
                                 nothing_sent=unsent and (writes or at_proxy is not None))
    return error, (unsent or repeatable) and status not in (401, 407) and not final
