"""What an ordinary HTTP/1.1 intermediary (a load balancer, nginx) does to a request's headers on its way
to the service behind it, where the signature is checked.

RFC 9110 section 7.6.1: hop-by-hop headers, and every header the Connection header names, are removed by
each intermediary; nginx then sends its own Connection: close upstream. A signature over any of these
cannot hold behind such an intermediary.
"""

from email.message import Message

HOP_BY_HOP = frozenset((
    "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
    "transfer-encoding", "upgrade",
))


def forwarded(headers):
    """A copy of headers (an email.message.Message, as http.server gives them) as the service behind sees them."""
    named_by_connection = set()
    for value in headers.get_all("Connection") or ():
        named_by_connection.update(token.strip().lower() for token in value.split(","))
    result = Message()
    for name, value in headers.items():
        if name.lower() not in HOP_BY_HOP and name.lower() not in named_by_connection:
            result[name] = value
    result["Connection"] = "close"
    return result
