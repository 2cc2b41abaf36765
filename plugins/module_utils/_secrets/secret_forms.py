# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every form in which a secret can come back from a server, a proxy or a library, for the Redactor to mask.

Escapes: JSON, Python repr, URL and HTML encoding, each as other languages' libraries spell them. Transformations
that real systems apply to what they echo: base64 (standard and URL-safe, at any alignment inside a longer encoded
text, as in an echoed Basic or Proxy-Authorization header), hexadecimal (a dump of a request), upper and lower
case where the whole secret appears (a system that normalises case), and full-width characters (NFKC's
counterpart, from a CJK input method).

Out of scope, deliberately: a space between every character, zero-width joiners, or the text reversed. No system
produces these when it echoes what it was sent; only a party that holds the secret and wants it past a filter
does, and no list of forms can win against an encoding chosen for that.
"""

import base64
import binascii
import json
import re
from urllib.parse import quote, quote_plus

UNICODE_ESCAPE = re.compile(r"\\u([0-9a-f]{4})")
PERCENT_ESCAPE = re.compile(r"%[0-9A-F]{2}")
HTML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"), ("'", "&#39;"))
# A shorter secret is not masked in other letter cases: "Pass" would mask every "pass" in every message.
MIN_CASE_FOLDED_CHARS = 8
# An encoded form shorter than this (a few base64 characters) would mask pieces of every fingerprint.
MIN_ENCODED_CHARS = 8
FULL_WIDTH = dict((code, code + 0xFEE0) for code in range(0x21, 0x7F))
FULL_WIDTH[0x20] = 0x3000


def _html_forms(secret):
    forms = set()
    for quote_mark in ("&#x27;", "&#39;"):
        text = secret
        for char, entity in HTML_ESCAPES:
            if entity in ("&#x27;", "&#39;") and entity != quote_mark:
                continue
            text = text.replace(char, entity)
        forms.add(text)
    forms.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return forms


def _other_spellings(secret):
    """The same escapes as other languages' libraries spell them: upper-case \\u and %XX hex digits, \\/ for /,
    Gson's HTML-safe \\u003d and friends, and decimal HTML character references."""
    plain = json.dumps(secret)[1:-1]
    html_safe = plain
    for char in "=<>&'":
        html_safe = html_safe.replace(char, "\\u%04x" % ord(char))
    upper_hex = [UNICODE_ESCAPE.sub(lambda match: match.group(0)[:2] + match.group(1).upper(), text) for text in (plain, html_safe)]
    url = quote(secret.encode("utf-8", "surrogatepass"), safe="")
    decimal = "".join("&#%d;" % ord(char) if char in "&<>\"'" else char for char in secret)
    return set([html_safe, plain.replace("/", "\\/"), PERCENT_ESCAPE.sub(lambda match: match.group(0).lower(), url), decimal]
               + upper_hex)


def _encoded(data):
    """The base64 (standard and URL-safe) and hexadecimal texts that hold data, wherever it starts in what is encoded.

    Encoded alone, data gives its whole encoding (with and without padding). Inside a longer text, each of the three
    alignments fixes the characters of the groups that hold only data's bytes: those are masked wherever they appear.
    """
    forms = set()
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        whole = encode(data).decode("ascii")
        forms.update((whole, whole.rstrip("=")))
        for offset in (1, 2):
            shifted = encode(b"\0" * offset + data).decode("ascii")
            # Group boundaries: data starts in group 0 at byte offset; its first whole group is group 1.
            whole_groups = (offset + len(data)) // 3
            forms.add(shifted[4:4 * whole_groups])
        forms.add(whole[:4 * (len(data) // 3)])
    hexadecimal = binascii.hexlify(data).decode("ascii")
    forms.update((hexadecimal, hexadecimal.upper()))
    return set(form for form in forms if len(form) >= MIN_ENCODED_CHARS)


def _transformed(secret):
    """What systems make of a secret they echo: encoded, full-width."""
    forms = _encoded(secret.encode("utf-8", "surrogatepass"))
    forms.add(secret.translate(FULL_WIDTH))
    return forms


def whole_forms_of(secret):
    """The forms of a secret that are masked only where they appear whole: the secret in upper and in lower case.

    A piece of a secret in another case would mask words: an access key "...-security-token" upper-cased holds
    "SECURITY", which every message naming HW_SECURITY_TOKEN holds too.
    """
    stripped = secret.strip()
    if len(stripped) < MIN_CASE_FOLDED_CHARS:
        return set()
    return set((stripped.upper(), stripped.lower())) - set((stripped,))


def forms_of(secret):
    """The texts a secret can appear as when quoted back: raw, escaped as every library escapes it, and transformed."""
    utf8 = secret.encode("utf-8", "surrogatepass")
    forms = {
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        json.dumps(json.dumps(secret))[3:-3],
        repr(secret)[1:-1],
        secret.encode("unicode_escape").decode("ascii"),
        quote(utf8, safe=""),
        quote(utf8),
        quote(utf8, safe="/:@!$&'()*+,;="),
        quote_plus(utf8),
        repr(utf8)[2:-1],
    }
    try:
        forms.add(repr(secret.encode("latin-1"))[2:-1])
    except UnicodeEncodeError:
        pass
    forms.update(_html_forms(secret))
    forms.update(_other_spellings(secret))
    forms.update(_transformed(secret))
    return set(form for form in forms if form.strip())
