# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's version, for the User-Agent header.

galaxy.yml must state the same version (a unit test compares the two): ansible-galaxy reads only that
file, and a module cannot read it at run time.
"""

COLLECTION_NAME = "huaweicloud.codearts"
COLLECTION_VERSION = "0.4.0"
