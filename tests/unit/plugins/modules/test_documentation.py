"""The documentation users read must match what the modules accept."""

import importlib
import os

import pytest
import yaml
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.huaweicloud.codearts.plugins.doc_fragments.codearts import ModuleDocFragment
from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.options import (
    codearts_argument_spec,
    repository_argument_spec,
)
from ansible_collections.huaweicloud.codearts.plugins.modules import codearts_user_email, codearts_user_email_info


MODULES = {
    "huaweicloud.codearts.codearts_user_email": codearts_user_email,
    "huaweicloud.codearts.codearts_user_email_info": codearts_user_email_info,
}


def tasks_of(entries):
    for entry in entries:
        yield entry
        yield from tasks_of(entry.get("block", []))


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_example_task_is_accepted_by_the_module(name):
    module = MODULES[name]
    calls = [task[name] or {} for task in tasks_of(yaml.safe_load(module.EXAMPLES)) if name in task]
    assert calls, "%s has no example calling it" % name
    validator = ArgumentSpecValidator(module.argument_spec())
    for arguments in calls:
        assert validator.validate(arguments).error_messages == [], arguments


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_option_is_documented_with_its_type_and_default(name):
    module = MODULES[name]
    documented = fragment_options("DOCUMENTATION", "IAM_PROJECT")
    documented.update(yaml.safe_load(module.DOCUMENTATION).get("options") or {})
    spec = module.argument_spec()
    assert sorted(documented) == sorted(spec)
    for option, rules in spec.items():
        assert documented[option]["type"] == rules["type"], option
        assert documented[option].get("default") == rules.get("default"), option
        assert documented[option].get("required", False) == rules.get("required", False), option


def fragment_options(*names):
    options = {}
    for name in names:
        options.update(yaml.safe_load(getattr(ModuleDocFragment, name))["options"])
    return options


def test_the_fragments_document_exactly_the_shared_options():
    assert sorted(fragment_options("DOCUMENTATION", "IAM_PROJECT")) == sorted(codearts_argument_spec())
    assert sorted(fragment_options("DOCUMENTATION", "REPOSITORY", "IAM_PROJECT_ID")) == sorted(repository_argument_spec())


def test_the_interactive_example_hides_the_typed_code():
    import yaml
    path = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "examples", "user_email_interactive.yml")
    with open(path) as playbook:
        tasks = [task for play in yaml.safe_load(playbook) for task in play.get("tasks", [])]
    pauses = [task for task in tasks if "ansible.builtin.pause" in task]
    assert pauses and all(task.get("no_log") is True for task in pauses)


EVERY_MODULE = sorted(name[:-3] for name in os.listdir(os.path.join(os.path.dirname(codearts_user_email.__file__)))
                      if name.startswith("codearts_") and name.endswith(".py"))


@pytest.mark.parametrize("name", EVERY_MODULE)
def test_every_modules_documentation_examples_and_return_are_yaml_that_ansible_doc_can_read(name):
    module = importlib.import_module("ansible_collections.huaweicloud.codearts.plugins.modules." + name)
    documentation = yaml.safe_load(module.DOCUMENTATION)
    assert documentation["module"] == name and isinstance(documentation.get("options", {}), dict)
    assert isinstance(yaml.safe_load(module.EXAMPLES), list) and isinstance(yaml.safe_load(module.RETURN), dict)
