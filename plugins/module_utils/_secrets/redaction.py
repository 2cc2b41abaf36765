# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Mask the secrets of one module run in every text that leaves it, in every form a server might echo.

A module is one process running one task, so one Redactor serves the whole run: the module base class
starts it, registers every secret the task holds (options, environment, IAM tokens, URL and proxy
user-info) and passes every output through clean(); quoting.squeeze() masks before it shortens.

Ansible masks a no_log value only where it appears exactly. A server, a proxy or the HTTP library can quote
a secret escaped (JSON, Python repr, URL or HTML encoding), with its white space changed, or cut off.
So each secret is known in all those forms, and a form of WINDOW characters or more is masked wherever any
WINDOW characters of it appear, white space folded: a piece of a secret cut at any boundary is masked too.
"""

import bisect
import json
import re
from urllib.parse import quote, quote_plus

MASK = "********"
WINDOW = 8
# A shorter secret is masked only where it is a whole option value (Ansible shows those by name). Masked inside
# other text, as Ansible does with every no_log value, a one-letter password garbles every message and key.
MIN_MASKED_CHARS = 4
SPACE_RUN = re.compile(r"\s+")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
UNICODE_ESCAPE = re.compile(r"\\u([0-9a-f]{4})")
PERCENT_ESCAPE = re.compile(r"%[0-9A-F]{2}")
HTML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"), ("'", "&#39;"))


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


def forms_of(secret):
    """The texts a secret can appear as when quoted back: raw, and JSON, Python, URL and HTML escaped."""
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
    return set(form for form in forms if form.strip())


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


def fold(text):
    """text with every run of white space as one space."""
    return SPACE_RUN.sub(" ", text)


class _FoldedText(object):
    """A text with its white space folded, and the way back from a folded position to the original one."""

    def __init__(self, text):
        self._spaces, self._run_starts, self._run_ends = [], [], []  # per run: folded position, original span
        pieces, original_at, folded_at = [], 0, 0
        for run in SPACE_RUN.finditer(text):
            pieces.append(text[original_at:run.start()])
            folded_at += run.start() - original_at
            pieces.append(" ")
            self._spaces.append(folded_at)
            self._run_starts.append(run.start())
            self._run_ends.append(run.end())
            folded_at += 1
            original_at = run.end()
        pieces.append(text[original_at:])
        self.folded = "".join(pieces)

    def _run_at_or_before(self, position):
        return bisect.bisect_right(self._spaces, position) - 1

    def start(self, position):
        """Where the folded character at position starts in the original text."""
        run = self._run_at_or_before(position)
        if run < 0:
            return position
        if self._spaces[run] == position:
            return self._run_starts[run]
        return self._run_ends[run] + position - self._spaces[run] - 1

    def end(self, position):
        """Where a folded span ending (exclusive) at position ends in the original text."""
        last = position - 1
        run = self._run_at_or_before(last)
        if run >= 0 and self._spaces[run] == last:
            return self._run_ends[run]
        return self.start(last) + 1


def _merge(spans):
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


class Redactor(object):
    """Knows the secrets of one module run; mask() removes them from a text, clean() from a whole result."""

    def __init__(self, secrets=()):
        self._added = set()
        self._windows = set()
        self._raw_windows = set()
        self._short_forms = set()
        self._short_pattern = None
        for secret in secrets:
            self.add(secret)

    def add(self, secret):
        if not isinstance(secret, str) or len(secret.strip()) < MIN_MASKED_CHARS or secret in self._added:
            return
        self._added.add(secret)
        forms = set()
        for spelling in set((secret, secret.strip())):  # the forms of each are costly: a secret already stripped once
            forms |= forms_of(spelling)
        for form in forms:
            folded = fold(form.strip())
            if len(folded) >= WINDOW:
                self._windows.update(folded[index:index + WINDOW] for index in range(len(folded) - WINDOW + 1))
            else:
                self._short_forms.add(folded)
                self._short_pattern = None
            if len(form) >= WINDOW and folded != form:  # a piece whose white space runs fold below WINDOW
                self._raw_windows.update(form[index:index + WINDOW] for index in range(len(form) - WINDOW + 1))

    def _short_secrets(self):
        if self._short_pattern is None and self._short_forms:
            alternatives = sorted(self._short_forms, key=len, reverse=True)
            self._short_pattern = re.compile("|".join(
                r"\s+".join(re.escape(part) for part in form.split(" ")) for form in alternatives))
        return self._short_pattern

    def mask(self, text):
        """text with every form of every secret, and every piece of WINDOW or more characters of one, masked."""
        if text is None:
            return None
        text = str(text)
        short = self._short_secrets()
        if short is not None:
            text = short.sub(MASK, text)
        if not self._windows or len(text) < WINDOW:
            return text
        folded = _FoldedText(text)
        windows, raw_windows = self._windows, self._raw_windows
        spans = [(folded.start(index), folded.end(index + WINDOW)) for index in range(len(folded.folded) - WINDOW + 1)
                 if folded.folded[index:index + WINDOW] in windows]
        if raw_windows:
            spans += [(index, index + WINDOW) for index in range(len(text) - WINDOW + 1) if text[index:index + WINDOW] in raw_windows]
        if not spans:
            return text
        pieces, kept_until = [], 0
        for start, end in _merge(spans):
            pieces.append(text[kept_until:start])
            pieces.append(MASK)
            kept_until = end
        pieces.append(text[kept_until:])
        return "".join(pieces)

    def clean(self, value):
        """value (a result: dicts, lists, texts) with every text masked and lone UTF-16 surrogates replaced."""
        if isinstance(value, str):
            return LONE_SURROGATE.sub("\ufffd", self.mask(value))
        if isinstance(value, dict):
            return dict((self.clean(key), self.clean(item)) for key, item in value.items())
        if isinstance(value, (list, tuple)):
            return [self.clean(item) for item in value]
        return value


_RUN = [Redactor()]


def start_run():
    """A new Redactor for this module run, which mask() and the module base class use from now on."""
    _RUN[0] = Redactor()
    return _RUN[0]


def current():
    return _RUN[0]


def mask(text):
    return _RUN[0].mask(text)
