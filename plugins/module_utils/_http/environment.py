# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read environment variables as text, refusing the ones that are not.

Python hands a variable whose bytes are not valid UTF-8 over with lone surrogates in it, which no header,
JSON body or module result can carry. Such a value fails here, naming the variable and never its value.
"""

import os

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsConfigError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.redaction import LONE_SURROGATE


def checked_text(name, value):
    """value, unless it holds bytes that are not UTF-8 text; name is what the message calls it."""
    if value is not None and LONE_SURROGATE.search(value):
        raise CodeArtsConfigError("%s is not usable: it is not valid UTF-8 text." % name)
    return value


def read(name, environ=None):
    """The variable's value without surrounding white space, or None when it is unset or blank."""
    environ = os.environ if environ is None else environ
    value = checked_text("The environment variable %s" % name, environ.get(name))
    return value.strip() if value and value.strip() else None
