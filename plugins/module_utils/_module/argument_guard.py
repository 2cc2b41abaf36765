# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The guard over a task's options: where they hold a private key, found before anything is shown or sent."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._http.urls import user_info
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.private_keys import base64_pieces, looks_private

PRIVATE_KEY_GIVEN = ("%s is not usable: it is a private key. Give the public key (the contents of the .pub file) and "
                     "keep the private key secret.")


def option_texts(value, path=""):
    """(where, text) for every text in the options: where as a task names it, such as keys[1].key."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for name, item in value.items():
            where = "%s.%s" % (path, name) if path else str(name)
            if isinstance(name, str):  # a name Ansible refuses is quoted in its message
                yield (path or "an option") + "'s name", name
            yield from option_texts(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from option_texts(item, "%s[%d]" % (path, index))


def private_options(params):
    """(where each private key is, the texts to make secret). A private key spread over several options (a file's
    lines as list items) leaves pieces that look like nothing: once one option holds an armour or key material,
    every run of base64 in any option is a secret too. The user name and password in any URL an option holds are
    secrets from the start (such a URL is refused, and its refusal must not show them)."""
    texts = list(option_texts(params))
    found = [where for where, text in texts if looks_private(text)]
    in_urls = [secret for _where, text in texts if "@" in text for secret in user_info(text)]  # a webhook URL's password
    if not found:
        return [], in_urls
    secrets = in_urls + [text for _where, text in texts if looks_private(text)]
    secrets += [piece for _where, text in texts for piece in base64_pieces(text)]
    return found, secrets
