# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Whether a request that failed can have reached the service. "Never sent" is an allow-list.

A failure counts as "never sent" only when the request provably never left this machine: it is one of the
kinds that happen before a request is written (a DNS failure, a refused connection, a connect timeout, a TLS
handshake or certificate failure, a proxy that refused or failed the tunnel, a URL that cannot be used), and
the transport saw no byte of the request start to be written. Every other failure, whatever raised it
(requests, urllib3, http.client, ssl, the socket, the answer reader, or something no one foresaw), may have
been applied.
"""

import ssl

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.deadline import DeadlineExceeded
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.transport import requests

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
