# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one way the client's requests leave this machine: requests' HTTPAdapter, without Session.send.

Session.send handles redirects itself: even with allow_redirects=False it reads a redirect's whole body
(resp.content) before anything can cap it, and parses its Location, raising on a malformed one. The client
needs none of that. It prepares each request with a Session (headers, auth) and hands it straight to the
adapter, streamed, so every byte of every answer goes through answer_body.read_capped.

The adapter's connections record when a request starts to be written. A failure before that point
provably sent nothing (see delivery.py), so a write may then be repeated.
"""

import threading
import traceback

try:
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3 import connection as urllib3_connection
    from urllib3 import connectionpool as urllib3_pools
    from urllib3 import poolmanager as urllib3_managers
except ImportError:
    requests = None
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
else:
    REQUESTS_IMPORT_ERROR = None

_progress = threading.local()


def _start_attempt():
    _progress.instrumented = False
    _progress.started = False


def request_started():
    """Whether the last attempt on this thread began writing its request: True, False, or None when not known."""
    if not getattr(_progress, "instrumented", False):
        return None
    return _progress.started


if requests is not None:
    class _RecordsStart(object):
        """A urllib3 connection that connects first, then notes that the request starts to be written."""

        def request(self, *args, **kwargs):
            if self.sock is None:
                self.connect()  # plain http would connect inside request(): keep that failure before the mark
            _progress.started = True
            return super(_RecordsStart, self).request(*args, **kwargs)

    class _HTTPConnection(_RecordsStart, urllib3_connection.HTTPConnection):
        pass

    class _HTTPSConnection(_RecordsStart, urllib3_connection.HTTPSConnection):
        pass

    class _HTTPPool(urllib3_pools.HTTPConnectionPool):
        ConnectionCls = _HTTPConnection

        def _get_conn(self, *args, **kwargs):  # once per request: this pool's connections record their start
            _progress.instrumented = True
            return super(_HTTPPool, self)._get_conn(*args, **kwargs)

    class _HTTPSPool(urllib3_pools.HTTPSConnectionPool):
        ConnectionCls = _HTTPSConnection

        def _get_conn(self, *args, **kwargs):
            _progress.instrumented = True
            return super(_HTTPSPool, self)._get_conn(*args, **kwargs)

    _POOLS = {"http": _HTTPPool, "https": _HTTPSPool}

    def _instrument(manager):
        # A SOCKS manager has pools of its own; left alone, its failures count as "may have been sent".
        if type(manager) in (urllib3_managers.PoolManager, urllib3_managers.ProxyManager):
            manager.pool_classes_by_scheme = _POOLS
        return manager

    class _Adapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            super(_Adapter, self).init_poolmanager(*args, **kwargs)
            _instrument(self.poolmanager)

        def proxy_manager_for(self, proxy, **proxy_kwargs):
            return _instrument(super(_Adapter, self).proxy_manager_for(proxy, **proxy_kwargs))


class Transport(object):
    """Sends one prepared request at a time and returns requests' Response unread (streamed)."""

    def __init__(self, headers):
        self._session = requests.Session()
        self._session.trust_env = False  # no .netrc, proxies or CA bundle behind our back: see network_environment
        self._session.headers.update(headers)
        self._adapter = _Adapter()

    @property
    def headers(self):
        return self._session.headers

    def request(self, method, url, data, headers, auth, timeout, verify, proxies):
        _start_attempt()
        prepared = self._session.prepare_request(requests.Request(method, url, data=data, headers=headers, auth=auth))
        return self._adapter.send(prepared, stream=True, timeout=timeout, verify=verify, proxies=proxies)

    @staticmethod
    def request_started():
        return request_started()

    def close(self):
        """Drop every pooled connection: one that an interrupted attempt used must not be reused."""
        self._adapter.close()
