# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A password written into a URL (scheme://user:password@host), masked wherever a text holds one: a service's answer
can list another's webhook URL with its credentials, which no option of the task names as a secret."""

import re

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import MASK

# The scheme is bounded and must start where no scheme character precedes it, so that a long run of letters is not
# tried from each of its positions (the gate sees texts of any length).
# The password runs to the last @ of the authority, as urlsplit reads a URL: an @ left unencoded in it is its own.
URL_PASSWORD = re.compile(r"(?i)((?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}://[^\s/?#@:]*:)([^\s/?#]+)(@)")


def without_url_passwords(text):
    """text with the password of every URL in it masked; the user name and the host stay."""
    if "://" not in text or "@" not in text:
        return text
    return URL_PASSWORD.sub(lambda match: match.group(1) + MASK + match.group(3), text)
