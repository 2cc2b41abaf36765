"""Reading an answer's body: the encodings servers use are decoded, others are explained."""

import gzip
import json
import zlib

import pytest

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email_info
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import response
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import RawServer, http_answer
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.socket_email_service import OLD, socket_module_args


def test_raw_deflate_is_read(run_module):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = compressor.compress(json.dumps(OLD).encode()) + compressor.flush()
    answer = http_answer(200, body, [("Content-Type", "application/json"), ("Content-Encoding", "deflate"),
                                     ("Content-Length", str(len(body)))])
    with RawServer(lambda *request: request[-1].sendall(answer)) as server:
        result = run_module(codearts_user_email_info.main, socket_module_args(server))
    assert result["user"] == OLD


def test_a_gzip_answer_within_the_cap_is_read(make_client, session):
    session.script(response(200, raw=gzip.compress(b'{"id": 7, "commit_email": "alice@example.com"}'),
                            headers={"Content-Encoding": "gzip"}))
    assert make_client().call(READ_USER_EMAILS) == {"id": 7, "commit_email": "alice@example.com"}


@pytest.mark.parametrize("encoding, raw, message", [
    ("gzip", b"this is not gzip", "compressed body is corrupt"),
    ("br", b"\x1b", r"content encoding this client does not read \(br\)"),
])
def test_a_bad_or_unknown_encoding_on_a_read_is_retried_then_explained(make_client, session, encoding, raw, message):
    session.script(*[response(200, raw=raw, headers={"Content-Encoding": encoding}) for _attempt in range(2)])

    with pytest.raises(CodeArtsRequestError, match=message):
        make_client(retries=1).call(READ_USER_EMAILS)
    assert session.methods == ["GET", "GET"]
