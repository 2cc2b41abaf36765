# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The AnsibleModule every CodeArts module is built on."""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import FAILURE_KEYS


class CodeArtsModule(AnsibleModule):
    """An AnsibleModule whose every failure carries status, error_code, error_msg and request_id.

    Each is None where unknown, also when Ansible itself refuses the task's arguments, so a playbook can
    read result.status after any failure.
    """

    def __init__(self, argument_spec):
        super(CodeArtsModule, self).__init__(argument_spec=argument_spec, supports_check_mode=True)

    def log(self, msg, log_args=None):
        """Log as AnsibleModule does, with NUL characters escaped.

        ansible-core before 2.19 hands the invocation, option values included, to syslog, which raises
        ValueError on a NUL: a task with a NUL in a non-secret option crashed before any check could
        refuse it.
        """
        super(CodeArtsModule, self).log(msg.replace("\x00", "\\x00"), log_args=log_args)

    def fail_json(self, msg, **kwargs):
        for key in FAILURE_KEYS:
            kwargs.setdefault(key, None)
        super(CodeArtsModule, self).fail_json(msg=msg, **kwargs)
