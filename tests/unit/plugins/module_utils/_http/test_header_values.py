"""Values that end up in a header: refused naming the option when no header can carry them, from a task or from the environment."""

from collections import Counter

import pytest
import requests
from hypothesis import given, settings, strategies as st

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.header_values import HEADER_BOUND_OPTIONS
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.connection import build_client
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.fakes import connection_module


BAD_HEADER_VALUES = {
    "CR/LF": "abc\r\nX-Injected: 1", "LF": "abc\ndef", "NUL": "abc\0def", "DEL": "abc\x7fdef", "C1 control": "abc\x85def",
    "non-Latin-1": "abc\u20acdef", "CJK": "\u4e2d\u6587", "100,000 characters": "k" * 100000,
}


def credentials_with(option, value):
    if option == "token":
        return dict(token=value)
    return dict(dict(access_key="AK-HOSTILE", secret_key="sk-hostile"), **{option: value})


@pytest.mark.parametrize("option", HEADER_BOUND_OPTIONS)
def test_a_header_bound_value_no_header_can_carry_is_refused_naming_only_the_option(session, option):
    for kind, value in sorted(BAD_HEADER_VALUES.items()):
        with pytest.raises(CodeArtsConfigError) as caught:
            build_client(connection_module(**credentials_with(option, value)))
        message = str(caught.value)
        assert message.startswith("%s (or " % option) and "Nothing was sent" in message, kind
        assert value.strip()[:3] not in message.replace(option, ""), kind
    assert session.sent == []


@pytest.mark.parametrize("kind", ["CR/LF", "non-Latin-1"])
def test_the_same_check_applies_to_values_from_the_environment(session, monkeypatch, kind):
    monkeypatch.setenv("HW_AUTH_TOKEN", BAD_HEADER_VALUES[kind])
    with pytest.raises(CodeArtsConfigError, match=r"^token \(or HW_AUTH_TOKEN\) is not usable"):
        build_client(connection_module())


REGIONS = ["cn-north-4", "ap-southeast-3", "eu-west-101", "la-south-2", "me-east-1"]
TOKEN_TAILS = st.text("abcdefXYZ0123456789-_.+/=", min_size=1, max_size=60)
MUTATIONS = st.text(max_size=6)


def mutated(text, where, insert):
    """text with insert put in at a place chosen by where (a fraction)."""
    cut = int(where * len(text))
    return text[:cut] + insert + text[cut:]


def test_any_token_and_region_give_a_client_that_can_send_them_or_a_typed_error(session):
    """Valid tokens and regions, then mutated: both the refusal and the client branch must be reached."""
    reached = Counter()

    # The fixtures hold no state between examples: each example builds its own client and sends nothing.
    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(tail=TOKEN_TAILS, region=st.sampled_from(REGIONS), mutate=st.sampled_from(["none", "token", "region", "both"]),
           where=st.floats(0, 1), insert=MUTATIONS)
    def attack(tail, region, mutate, where, insert):
        token = "Zq9" + (mutated(tail, where, insert) if mutate in ("token", "both") else tail)
        region = mutated(region, where, insert) if mutate in ("region", "both") else region
        try:
            client = build_client(connection_module(token=token, region=region))
        except CodeArtsConfigError as error:
            assert "Zq9" not in str(error)
            reached["refused"] += 1
        else:
            prepared = requests.Request("GET", client.base_url + "/v4/user/emails").prepare()
            client.authenticator(prepared)
            assert client.base_url.startswith("https://") and "@" not in client.base_url
            assert prepared.headers["X-Auth-Token"] == token.strip()
            reached["client built"] += 1

    attack()
    assert reached["client built"] >= 100 and reached["refused"] >= 50, reached
