"""Answers are bounded: whatever size, compression, nesting or speed an answer has, a task reads a bounded amount, in
bounded memory and time, and says which limit it met."""

import time
import tracemalloc
import zlib
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.body import MAX_ANSWER_BYTES
from ansible_collections.huaweicloud.codearts.plugins.module_utils._user.calls import READ_USER_EMAILS
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_ssh_key
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import codearts_client, gzip_of_zeros
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import TOKEN, response, shown, streamed
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.properties import SETTINGS
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.raw_server import RawServer, http_answer
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519


def test_a_redirect_with_a_gzip_bomb_body_stays_small():
    bomb = gzip_of_zeros(512)
    answer = http_answer(302, bomb, [("Location", "https://elsewhere.test/"), ("Content-Encoding", "gzip"),
                                     ("Content-Length", str(len(bomb)))])
    with RawServer(lambda *request: request[-1].sendall(answer)) as server:
        client = codearts_client(server.url)
        tracemalloc.start()
        with pytest.raises(CodeArtsRequestError) as caught:
            client.call(READ_USER_EMAILS)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, "peak %d bytes" % peak
    assert caught.value.status == 302


ARGS = dict(endpoint="https://codearts.test", token=TOKEN, retries=0)


def run_ssh(run_module, check_mode=False, **args):
    return run_module(codearts_user_ssh_key.main, dict(ARGS, **args), check_mode=check_mode)


class EndlessLargePages(object):
    """Answers every listing with a page of `per_page` keys with new ids (ignoring limit=100), until `served_cap` keys
    were served, then an empty page. The cap keeps this test's own memory small; the module should stop far sooner."""

    def __init__(self, session, per_page, served_cap):
        self.session, self.per_page, self.served_cap, self.served = session, per_page, served_cap, 0
        self.original = session.request
        session.request = self.request

    def request(self, method, url, **kwargs):
        if method == "GET" and self.served < self.served_cap:
            raw = ('{"keys":[%s],"total":%d}' % (",".join('{"id":%d}' % (self.served + number)
                                                          for number in range(self.per_page)), 10 ** 9)).encode()
            self.served += self.per_page
            self.session.script(response(200, raw=raw))
        elif method == "GET":
            self.session.script(response(200, {"keys": [], "total": 0}))
        return self.original(method, url, **kwargs)


def test_listing_pages_far_larger_than_the_limit_fail_the_task_after_two_requests(run_module, session):
    """Promise: memory and time bounded against hostile answers.

    Situation: the service answers GET /v4/user/keys?limit=100 with pages of 70,000 bare items ({"id": n}, just
    under the 1 MiB cap per answer), new ids each time. paging.read_all_pages checks neither a page's length against the
    limit it asked for nor the number of items read; it only stops after 200 pages. Each item becomes a ServiceKey
    and a repr in `seen`: measured 10 pages (616,800 items) = 185 MB RSS and 1.9 s; 200 pages of such items are about
    20 million ServiceKeys, several GB, so the AWX execution node swaps or kills the job. (The documented bound,
    "more than 200 pages stops the task", is 20,000 keys at limit=100.)

    What the user should see: the listing refused as untrusted after the first oversized page, as it is refused for a
    repeated id, with nothing changed. Here the fake stops at 210,000 served items (3 pages) so the test stays small;
    the module reads all of them and succeeds, with 210,000 keys in its result and diff (15 s here, most of it
    spent masking that result: 6 pages took 30 s).
    """
    pages = EndlessLargePages(session, per_page=70000, served_cap=210000)
    result = run_ssh(run_module, check_mode=True, key=ed25519(), title="laptop")
    assert result.get("failed") is True and "/v4/user/keys" in result["msg"], "%d keys read, %d in the result" % (
        pages.served, len(result.get("ssh_keys", [])))
    assert len(session.sent) <= 2, "%d listing requests, %d keys read" % (len(session.sent), pages.served)


hostile_text = st.lists(st.text(max_size=8) | st.sampled_from(["\r\n", "\x00", "\ud83d", "[", "]", "@", "#", "%zz", ":0", "://",
                                                              "-----BEGIN OPENSSH PRIVATE KEY-----"]),
                        max_size=12).map("".join)


def test_arbitrary_redirect_and_error_answers_keep_memory_bounded():
    from ansible_collections.huaweicloud.codearts.tests.unit.helpers.clients import codearts_client, gzip_of_zeros
    bomb = gzip_of_zeros(256)
    reached = Counter()
    state = {}

    def answer(method, path, headers, body, connection):
        connection.sendall(state["answer"])

    bodies = st.one_of(st.just(("gzip bomb", bomb, "gzip")), st.binary(max_size=2000).map(lambda data: ("bytes", data, "identity")),
                       st.integers(2, 4).map(lambda size: ("large", b"x" * (size * 1024 * 1024), "identity")))
    with RawServer(answer) as server:
        @settings(max_examples=40, **SETTINGS)
        @given(status=st.sampled_from([301, 302, 303, 307, 308, 400, 401, 403, 404, 429, 500, 502, 503]), body=bodies,
               location=hostile_text, declare_length=st.booleans())
        def attack(status, body, location, declare_length):
            kind, data, encoding = body
            headers = [("Location", location.encode("utf-8", "surrogatepass").decode("latin-1").replace("\r", "").replace("\n", "")),
                       ("Content-Encoding", encoding)] + ([("Content-Length", str(len(data)))] if declare_length else [])
            state["answer"] = http_answer(status, data, headers)
            client = codearts_client(server.url, timeout=2.0)
            tracemalloc.start()
            try:
                client.call(READ_USER_EMAILS)
            except CodeArtsRequestError as error:
                reached["failed with status" if error.status else "failed without status"] += 1
            finally:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            assert peak < 24 * 1024 * 1024, (kind, peak)
            reached[kind] += 1

        attack()
    assert all(reached[key] >= 3 for key in ("gzip bomb", "bytes", "large")), reached


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


def test_deep_nesting_is_a_clear_error(make_client, session):
    session.script(response(200, raw=b"[" * 100000 + b"]" * 100000))

    with pytest.raises(CodeArtsRequestError, match="nested too deeply|nested more than"):
        make_client().call(READ_USER_EMAILS)


def test_nesting_deeper_than_any_answer_is_refused_even_when_python_could_parse_it(make_client, session):
    session.script(response(200, raw=b'{"a": ' + b"[" * 40 + b"]" * 40 + b"}"))

    with pytest.raises(CodeArtsRequestError, match="nested more than 32 levels"):
        make_client().call(READ_USER_EMAILS)


def test_an_endless_drip_is_cut_at_the_timeout(make_client, session):
    session.script(streamed(200, [b"{"] + [b" "] * 1000, delay=0.2, headers={"Content-Length": "2000"}))
    started = time.monotonic()

    with pytest.raises(CodeArtsRequestError, match="no complete answer from https://codearts.test within 1.0 seconds"):
        make_client(retries=0, timeout=1.0).call(READ_USER_EMAILS)

    assert time.monotonic() - started < 2.5
    assert session.closed == 1


def test_a_huge_request_id_is_shortened(make_client, session):
    session.script(response(403, {"error_code": "X"}, headers={"X-Request-Id": "r" * 100000}))

    with pytest.raises(CodeArtsRequestError) as caught:
        make_client().call(READ_USER_EMAILS)
    assert len(shown(caught.value.fail_result())["request_id"]) <= 103
