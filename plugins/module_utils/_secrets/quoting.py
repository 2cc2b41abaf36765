# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""How a text from outside (a server's answer, an exception, a URL) is quoted in a message."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import mask

MAX_QUOTED_CHARS = 200


def squeeze(text, limit=MAX_QUOTED_CHARS):
    """text with the run's secrets masked first, then white space collapsed and cut to limit characters (marked).

    Masking comes first: collapsing white space or cutting could otherwise turn a secret into a form, or a
    piece, that is no longer recognised.
    """
    text = " ".join(mask(str(text)).split())
    if len(text) > limit:
        return text[:limit] + "..."
    return text
