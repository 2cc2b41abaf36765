# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The title of an SSH key (a user's key, a deploy key), checked before any request."""

import unicodedata

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.private_keys import looks_private
from ansible_collections.huaweicloud.codearts.plugins.module_utils._ssh.public_keys import MAX_CHARS

# A key without a title and without a comment is titled so.
DEFAULT_TITLE = "ansible"


def checked_title(value, where, max_chars=MAX_CHARS):
    """A title the service can take: 1 to 1,000 characters, no control characters, no private key."""
    title = value.strip()
    if looks_private(title):
        raise CodeArtsConfigError("%s is not usable: it is a private key." % where)
    if not title or len(title) > max_chars:
        raise CodeArtsConfigError("%s is not usable: it is %d characters long, and the service takes 1 to %d."
                                  % (where, len(title), max_chars))
    # Control characters (C0, DEL and C1) and lone surrogates: what a terminal or a JSON parser must not be handed.
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in title):
        raise CodeArtsConfigError("%s is not usable: it holds a control character." % where)
    return title
