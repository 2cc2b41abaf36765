# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What to tell the user when a request got no usable answer: whom it failed at, and whether it may have landed."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.body import AnswerBroken
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.deadline import DeadlineExceeded
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.delivery import causes, innermost, never_sent
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.quoting import squeeze
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.transport import requests
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.urls import user_info

NOTHING_SENT = "Nothing was sent to the service."
REACH_HINT = "Check endpoint or region, and that this host can reach the service."
CA_HINT = "If the service uses a private CA, set ca_path to that CA's certificate bundle."


def server(url):
    scheme, _separator, rest = url.partition("://")
    return "%s://%s" % (scheme, rest.split("/", 1)[0])


def _is(chain, *kinds):
    return any(isinstance(cause, kinds) for cause in chain)


def _said(error):
    """What an exception says, without urllib3's connection object in front ("HTTPConnection(host=...): ...")."""
    text = squeeze(str(error)) or type(error).__name__
    return text.split("Failed to establish a new connection: ", 1)[-1]


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
                        "%s Check the user name and password in %s." % (NOTHING_SENT, proxy.variable))
            return ("the proxy %s wants credentials (HTTP %s %s)" % (proxy.shown, status, reason), int(status),
                    "%s Put them in %s as http://user:password@host:port." % (NOTHING_SENT, proxy.variable))
    if _is(chain, NewConnectionError):
        return ("could not connect to the proxy %s (%s)" % (proxy.shown, said), None,
                "%s Check that the proxy runs and is reachable, or unset %s." % (NOTHING_SENT, proxy.variable))
    return ("the proxy %s failed to open the connection to the service (%s)" % (proxy.shown, said), None,
            "%s Check the proxy's log, or unset %s." % (NOTHING_SENT, proxy.variable))


def transport_failure(method, label, url, error, request_started, proxy, timeout, repeatable):
    """The CodeArtsRequestError for an attempt without a usable answer, and whether another try may be made.

    A write (any method but GET and HEAD) may have been applied unless it provably never left
    (delivery.never_sent). One that is not repeatable is tried again only then; a DELETE is repeatable, and
    still may have been applied.
    """
    writes = method not in ("GET", "HEAD")
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
    if unsent and writes and hint is None:
        hint = NOTHING_SENT
    error = CodeArtsRequestError(method, label, summary, status=status, hint=hint,
                                 may_have_been_applied=not unsent and writes)
    return error, (unsent or repeatable) and status not in (401, 407) and not final
