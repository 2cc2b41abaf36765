# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one gate every text leaving a module run passes: results, failures, warnings, deprecations, arguments.

Its rules, in order, for every text at any depth (dict keys included):
  1. each quoted part (quoting.quoted) is shown as the gate decides: private keys hidden and secrets masked in
     the whole part first, then white space collapsed and the part cut to its limit;
  2. every private key, in any armour or none, is replaced by a note, also in the service's answers; once any
     text holds one, every run of base64 in every text is hidden too, since a key's lines may be spread apart;
  3. every form and piece of every secret of the run is masked (redaction.Redactor), and the password of every URL
     (url_passwords);
  4. lone UTF-16 surrogates, which ansible-core 2.19+ refuses, are replaced.
"""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import plain, render
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.private_keys import (
    BASE64_PIECE,
    HIDDEN,
    looks_private,
    without_private_keys,
)
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import LONE_SURROGATE
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.url_passwords import without_url_passwords


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


class OutputGate(object):
    """Cleans whole results with one run's Redactor."""

    def __init__(self, redactor):
        self.redactor = redactor

    def clean(self, value):
        """value (a result: dicts, lists, texts) with every rule applied to every text."""
        key_spread = any(looks_private(plain(text)) for text in _texts(value))
        return self._clean(value, key_spread)

    def text(self, text):
        """One text through the gate (a warning, a message)."""
        return self.clean(text)

    def _clean(self, value, key_spread):
        if isinstance(value, str):
            return self._clean_text(value, key_spread)
        if isinstance(value, dict):
            return dict((self._clean(key, key_spread), self._clean(item, key_spread)) for key, item in value.items())
        if isinstance(value, (list, tuple)):
            return [self._clean(item, key_spread) for item in value]
        return value

    def _part(self, text):
        return without_url_passwords(self.redactor.mask(without_private_keys(text)))

    def _clean_text(self, text, key_spread):
        text = without_url_passwords(self.redactor.mask(without_private_keys(render(text, self._part))))
        if key_spread:
            text = BASE64_PIECE.sub(HIDDEN, text)
        return LONE_SURROGATE.sub("\ufffd", text)
