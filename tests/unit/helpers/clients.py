"""A real client for tests that talk to a listener of their own, and a gzip bomb to answer with."""

import zlib

from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN


def gzip_of_zeros(mebibytes):
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    return b"".join(compressor.compress(block) for _mebibyte in range(mebibytes)) + compressor.flush()


def codearts_client(url, retries=0, timeout=5.0, verify=True, token=TOKEN):
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import credentials_from_params
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.client import CodeArtsClient
    from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RetryPolicy
    credentials = credentials_from_params({"token": token}, None, environ={})
    return CodeArtsClient(url, credentials, verify, timeout, RetryPolicy(retries, base_delay=0.01))


def emulator_client(emulator, token="alice-token"):
    """A real client for the emulator's repository API, as the seeded user alice (or another user's token)."""
    return codearts_client(emulator.url, verify=emulator.session.verify, token=token)
