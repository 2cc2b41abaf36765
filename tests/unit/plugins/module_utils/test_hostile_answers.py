"""What the client does with answers a broken or hostile server sends: bounded, typed, never a traceback."""

import gzip
import html
import json
import time
import tracemalloc
import zlib
from collections import Counter
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.body import MAX_ANSWER_BYTES
from ansible_collections.huaweicloud.codearts.plugins.module_utils._auth.credentials import credentials_from_params
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.client import CodeArtsClient
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.retry import RetryPolicy
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.email import (
    read_user,
    send_verify_code,
    write_email,
)
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import response, shown, streamed
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS

USER = {"id": 7, "name": "alice", "commit_email": "alice@example.com"}
NEW = dict(USER, commit_email="alice.new@example.com")
BROKEN = ConnectionResetError(104, "Connection reset by peer")


def gzip_bomb(expanded_bytes):
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1024 * 1024)
    data = b"".join(compressor.compress(block) for _block in range(expanded_bytes // len(block)))
    return data + compressor.flush()


def test_an_answer_over_the_cap_fails_fast_and_is_not_retried(make_client, session):
    session.script(response(200, raw=b'{"a": "' + b"x" * MAX_ANSWER_BYTES + b'"}'))

    with pytest.raises(CodeArtsRequestError, match="larger than 1048576 bytes") as caught:
        make_client().call(READ_USER_EMAILS)

    assert session.methods == ["GET"]
    assert caught.value.status == 200


def test_a_declared_length_over_the_cap_is_refused_before_reading(make_client, session):
    answer = streamed(200, [b"{}"], headers={"Content-Length": str(200 * 1024 * 1024)})
    session.script(answer)

    with pytest.raises(CodeArtsRequestError, match="larger than"):
        make_client().call(READ_USER_EMAILS)


def test_a_gzip_bomb_is_cut_at_the_cap_quickly_and_small(make_client, session):
    bomb = gzip_bomb(256 * 1024 * 1024)
    session.script(streamed(200, [bomb[i:i + 65536] for i in range(0, len(bomb), 65536)],
                            headers={"Content-Encoding": "gzip"}))
    started = time.monotonic()

    tracemalloc.start()
    with pytest.raises(CodeArtsRequestError, match="larger than 1048576 bytes"):
        make_client().call(READ_USER_EMAILS)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert time.monotonic() - started < 2
    assert peak < 8 * 1024 * 1024, "peak %d bytes" % peak


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


def test_deep_nesting_is_a_clear_error(make_client, session):
    session.script(response(200, raw=b"[" * 100000 + b"]" * 100000))

    with pytest.raises(CodeArtsRequestError, match="nested too deeply|nested more than"):
        make_client().call(READ_USER_EMAILS)


def test_nesting_deeper_than_any_answer_is_refused_even_when_python_could_parse_it(make_client, session):
    session.script(response(200, raw=b'{"a": ' + b"[" * 40 + b"]" * 40 + b"}"))

    with pytest.raises(CodeArtsRequestError, match="nested more than 32 levels"):
        make_client().call(READ_USER_EMAILS)


def test_a_read_that_breaks_mid_body_is_retried(make_client, session):
    session.script(streamed(200, [b'{"id": 7, '], failure=BROKEN), response(200, USER))

    assert make_client().call(READ_USER_EMAILS) == USER
    assert session.methods == ["GET", "GET"]


def test_a_write_whose_answer_breaks_mid_body_is_re_read_and_reported_as_landed(make_client, session):
    session.script(streamed(200, [b'{"id": 7, "commit'], failure=BROKEN), response(200, NEW))

    user, confirmed_by_reading = write_email(make_client(), "alice.new@example.com", "CODE")

    assert (user, confirmed_by_reading) == (NEW, True)
    assert session.methods == ["PUT", "GET"]


def test_a_write_with_a_corrupt_gzip_answer_is_re_read_not_reported_as_unsent(make_client, session):
    session.script(response(200, raw=b"\x1f\x8b broken", headers={"Content-Encoding": "gzip"}), response(200, NEW))

    assert write_email(make_client(), "alice.new@example.com", "CODE") == (NEW, True)
    assert session.methods == ["PUT", "GET"]


def test_a_code_request_whose_answer_breaks_is_never_repeated(make_client, session):
    session.script(streamed(201, [b'{"result": '], failure=BROKEN))

    with pytest.raises(CodeArtsRequestError) as caught:
        send_verify_code(make_client(), "alice.new@example.com")

    assert session.methods == ["POST"]
    assert caught.value.may_have_been_applied
    assert "a code may have been mailed to alice.new@example.com" in str(caught.value)


def test_a_commit_email_that_is_not_text_is_a_clear_error_on_read(make_client, session):
    session.script(response(200, dict(USER, commit_email=12345)))

    with pytest.raises(CodeArtsRequestError, match="commit_email that is a int, not an email address"):
        read_user(make_client())


def test_an_endless_drip_is_cut_at_the_timeout(make_client, session):
    session.script(streamed(200, [b"{"] + [b" "] * 1000, delay=0.2, headers={"Content-Length": "2000"}))
    started = time.monotonic()

    with pytest.raises(CodeArtsRequestError, match="no complete answer from https://codearts.test within 1.0 seconds"):
        make_client(retries=0, timeout=1.0).call(READ_USER_EMAILS)

    assert time.monotonic() - started < 2.5
    assert session.closed == 1


def test_a_write_cut_at_the_timeout_is_re_read(make_client, session):
    session.script(streamed(200, [b"{"] + [b" "] * 1000, delay=0.2), response(200, USER))

    with pytest.raises(CodeArtsRequestError, match="shows the change was not applied"):
        write_email(make_client(retries=0, timeout=1.0), "alice.new@example.com", "CODE")
    assert session.methods == ["PUT", "GET"]


SPECIAL_TOKEN = 'tok/en+with"quote&<amp>'


@pytest.mark.parametrize("echo", [
    SPECIAL_TOKEN,
    quote(SPECIAL_TOKEN, safe=""),
    quote_plus(SPECIAL_TOKEN),
    html.escape(SPECIAL_TOKEN),
    repr(SPECIAL_TOKEN.encode("latin-1"))[2:-1],
])
def test_an_echoed_secret_in_any_escaped_form_is_masked_in_the_error(session, sleeps, echo):
    session.script(response(400, raw=b"token was " + echo.encode(), headers={"Content-Type": "text/plain"}))
    client = CodeArtsClient("https://codearts.test", credentials_from_params({"token": SPECIAL_TOKEN}, None, environ={}),
                            True, 30.0, RetryPolicy(0))

    with pytest.raises(CodeArtsRequestError) as caught:
        client.call(READ_USER_EMAILS)

    assert echo not in shown(caught.value, SPECIAL_TOKEN)
    assert shown(caught.value.error_msg, SPECIAL_TOKEN) == "the answer was not JSON: token was ********"


def test_a_huge_request_id_is_shortened(make_client, session):
    session.script(response(403, {"error_code": "X"}, headers={"X-Request-Id": "r" * 100000}))

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)
    assert len(shown(caught.value.fail_result())["request_id"]) <= 103


def compressed(data, encoding):
    if encoding == "gzip":
        compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        return compressor.compress(data) + compressor.flush()
    if encoding == "deflate":
        return zlib.compress(data)
    return data


DOCUMENTS = st.dictionaries(st.text(max_size=10), st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                            max_size=5)


def test_any_bytes_as_an_answer_give_a_document_or_a_typed_error(make_client, session):
    """Real JSON objects, compressed as declared, then damaged: the document and each error branch must be reached."""
    reached = Counter()

    # The fixtures hold no state between examples but the scripted answers, which each example resets.
    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(document=DOCUMENTS, status=st.sampled_from([200, 200, 400, 500]), encoding=st.sampled_from(["", "gzip", "deflate"]),
           damage=st.sampled_from(["none", "none", "truncate", "flip", "junk"]), where=st.floats(0, 1), junk=st.binary(max_size=64))
    def attack(document, status, encoding, damage, where, junk):
        body = compressed(json.dumps(document).encode("utf-8"), encoding)
        cut = int(where * len(body))
        if damage == "truncate":
            body = body[:cut]
        elif damage == "flip" and body:
            body = body[:cut] + bytes([body[min(cut, len(body) - 1)] ^ 0x55]) + body[cut + 1:]
        elif damage == "junk":
            body = junk
        session.answers.clear()
        session.script(response(status, raw=body, headers={"Content-Encoding": encoding} if encoding else {}))
        try:
            answer = make_client(retries=0).call(READ_USER_EMAILS)
        except CodeArtsRequestError as error:
            assert str(error).startswith("GET /v4/user/emails failed: ")
            reached["typed error, %s" % ("status %d" % error.status if error.status else "no status")] += 1
        else:
            assert isinstance(answer, dict)
            reached["document"] += 1
            reached["document, %s" % (encoding or "plain")] += 1

    attack()
    assert all(reached["document, %s" % name] >= 10 for name in ("plain", "gzip", "deflate")), reached
    assert reached["typed error, no status"] >= 20 and reached["typed error, status 400"] >= 20, reached
