# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Mask the secrets of one module run in every text that leaves it, in every form a server might echo.

The module base class makes one Redactor per run, registers every secret the task holds (options, environment,
IAM tokens, URL and proxy user-info) and hands it to the output gate, the one place that masks.

Ansible masks a no_log value only where it appears exactly. A server, a proxy or the HTTP library can quote a
secret escaped or transformed (secret_forms.py), with its white space changed, or cut off. So each secret is
known in all those forms, and a form of WINDOW characters or more is masked wherever any WINDOW characters of it
appear, white space folded: a piece of a secret cut at any boundary is masked too.
"""

import bisect
import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.secret_forms import forms_of, whole_forms_of

MASK = "********"
WINDOW = 8
# A shorter secret is masked only where it is a whole option value (Ansible shows those by name). Masked inside
# other text, as Ansible does with every no_log value, a one-letter password garbles every message and key.
MIN_MASKED_CHARS = 4
SPACE_RUN = re.compile(r"\s+")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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
        for form in whole_forms_of(secret):  # masked where whole, like a short secret
            self._short_forms.add(fold(form))
            self._short_pattern = None

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
