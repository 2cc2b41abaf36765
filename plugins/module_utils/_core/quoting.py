# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""How a text from outside (a server's answer, an exception, a URL) is quoted in a message: marked, not cut.

quoted() only marks the text with its length limit. The output gate renders every mark as it passes: it masks
the run's secrets and hides private keys in the whole text first, then collapses white space and cuts it to the
limit. Cutting first could leave a piece of a secret too short to recognise, so the cut belongs to the gate,
which knows the secrets; a helper that quotes needs to know none of them.
"""

import re

MAX_QUOTED_CHARS = 200
OPEN, CLOSE = "\ue000", "\ue001"
# Private-use characters: a mark's own characters are removed from what is quoted, so a server cannot forge one.
MARK_PIECES = re.compile("\ue000\\d*:?|\ue001")
MARKED = re.compile("\ue000(\\d+):(.*?)\ue001", re.DOTALL)


def quoted(text, limit=MAX_QUOTED_CHARS):
    """text marked for the gate, which shows it masked, on one line and at most limit characters long (then ...)."""
    return "%s%d:%s%s" % (OPEN, limit, MARK_PIECES.sub("", str(text)), CLOSE)


def plain(text):
    """text without its marks, whole: for comparing what a server said, never for output."""
    return MARK_PIECES.sub("", text) if isinstance(text, str) else text


def squeezed(text, limit):
    """text on one line and at most limit characters long: what the gate shows of a quoted text once it is masked."""
    text = " ".join(text.split())
    return text[:limit] + "..." if len(text) > limit else text


def render(text, clean):
    """text with every quoted part replaced by squeezed(clean(part)); clean masks and hides what must not show."""
    return MARKED.sub(lambda match: squeezed(clean(match.group(2)), int(match.group(1))), text)
