"""The redactor of one run: every form of every secret masked, and every piece of eight or more characters."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import MASK, Redactor


def test_a_secret_and_any_piece_of_eight_characters_are_masked():
    redactor = Redactor(["tok-0123456789abcdef"])
    assert redactor.mask("token tok-0123456789abcdef refused") == "token %s refused" % MASK
    assert "89abcdef" not in redactor.mask("a piece: 89abcdef.")
    assert redactor.mask("a piece of seven: 9abcdef") == "a piece of seven: 9abcdef"


def test_a_secret_quoted_with_its_white_space_collapsed_is_masked():
    redactor = Redactor(["Horse  Battery\tStaple9"])
    assert "Battery" not in redactor.mask("pw Horse Battery Staple9 refused")


def test_a_short_secret_is_masked_only_where_whole():
    redactor = Redactor(["abcd"])
    assert redactor.mask("code abcd, not abc") == "code %s, not abc" % MASK


def test_secrets_shorter_than_four_characters_are_not_masked_so_words_survive():
    redactor = Redactor(["ab", " ", None])
    assert redactor.mask("a table") == "a table"


def test_a_secret_in_another_letter_case_is_masked_where_whole_but_its_pieces_are_not():
    redactor = Redactor(["access-security-token"])
    assert redactor.mask("ACCESS-SECURITY-TOKEN") == MASK
    assert redactor.mask("set HW_SECURITY_TOKEN") == "set HW_SECURITY_TOKEN"


def test_nothing_to_mask_leaves_the_text_and_none_stays_none():
    assert Redactor().mask("anything at all") == "anything at all"
    assert Redactor(["tok-0123456789"]).mask(None) is None
