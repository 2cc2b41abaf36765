"""Quoting texts from outside: marked for the gate, which masks first and then cuts."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain, quoted, render, squeezed


def test_a_quoted_text_is_whole_until_the_gate_renders_it():
    text = "x" * 500
    assert plain(quoted(text)) == text
    assert plain("before %s after" % quoted("inner")) == "before inner after"


def test_rendering_cleans_the_whole_text_before_it_is_cut():
    seen = []

    def clean(part):
        seen.append(part)
        return part.replace("SECRET-VALUE", "********")

    shown = render("msg: %s." % quoted("a   b\n" + "y" * 20 + "SECRET-VALUE", limit=10), clean)
    assert seen == ["a   b\n" + "y" * 20 + "SECRET-VALUE"]
    assert shown == "msg: a b yyyyyy...."


def test_marks_inside_a_quoted_text_cannot_forge_another_quote():
    forged = quoted("\ue0005:abc\ue001 rest")
    assert render(forged, str.upper) == "ABC REST"


def test_squeezing_collapses_white_space_and_cuts_at_the_limit():
    assert squeezed(" a \t b\r\nc ", 10) == "a b c"
    assert squeezed("abcdef", 3) == "abc..."


def test_plain_leaves_what_is_not_text_alone():
    assert plain(None) is None and plain(7) == 7
