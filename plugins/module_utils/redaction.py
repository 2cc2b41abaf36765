# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Remove the secrets the client holds from the texts it puts in errors, in every form a server might echo.

Ansible masks a no_log value only where it appears exactly. A server, a proxy or the HTTP library can
quote a secret escaped (JSON, Python repr, URL or HTML encoding), which Ansible would not recognise.
"""

import html
import json
from urllib.parse import quote, quote_plus

MASK = "********"


def _forms(secret):
    forms = {
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        repr(secret)[1:-1],
        secret.encode("unicode_escape").decode("ascii"),
        quote(secret, safe=""),
        quote_plus(secret),
        html.escape(secret),
    }
    try:
        forms.add(repr(secret.encode("latin-1"))[2:-1])
    except UnicodeEncodeError:
        forms.add(repr(secret.encode("utf-8"))[2:-1])
    return forms


class Redactor(object):
    """Knows the secrets of one module run; scrub() masks them in a text."""

    def __init__(self, secrets=()):
        self._forms = set()
        for secret in secrets:
            self.add(secret)

    def add(self, secret):
        if secret:
            self._forms.update(form for form in _forms(secret) if form)

    def scrub(self, text):
        if text is None:
            return None
        text = str(text)
        for form in sorted(self._forms, key=len, reverse=True):
            text = text.replace(form, MASK)
        return text
