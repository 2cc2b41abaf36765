# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Whether a text the service lists is the one a task sent, in the forms a service may store it.

Decided per field by the adapters: titles and names are compared this way. A service may HTML-escape what it
stores (once), normalise it to Unicode NFC, or cut it to its length limit; each of these would otherwise make
every run find the text "different" and change it again. A text that matches none of these forms differs.
"""

import html
import unicodedata

# The shortest length limit a service is taken to cut at: a listed text at least this long that the wanted text
# starts with was cut, not changed. Shorter texts are compared whole.
MIN_CUT_CHARS = 255


def _forms(text):
    normal = unicodedata.normalize("NFC", text)
    return set((text, normal, html.unescape(text), unicodedata.normalize("NFC", html.unescape(text))))


def same_stored_text(wanted, stored):
    """True when stored is wanted as a service may have stored it: as sent, HTML-escaped once, NFC-normalised, or cut
    to a limit of MIN_CUT_CHARS or more characters."""
    if not isinstance(wanted, str) or not isinstance(stored, str):
        return wanted == stored
    wanted_forms = set((wanted, unicodedata.normalize("NFC", wanted)))
    stored_forms = _forms(stored)
    if wanted_forms & stored_forms:
        return True
    return len(stored) >= MIN_CUT_CHARS and any(form.startswith(listed) for form in wanted_forms for listed in stored_forms
                                                if len(listed) >= MIN_CUT_CHARS)
