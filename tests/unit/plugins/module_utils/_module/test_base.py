"""The module base class."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.base import CodeArtsModule


def test_the_base_class_is_an_ansible_module():
    assert issubclass(CodeArtsModule, __import__("ansible.module_utils.basic", fromlist=["AnsibleModule"]).AnsibleModule)
