"""The guard over a task's options: every private key found by where it is, before anything is shown or sent."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._module.argument_guard import option_texts, private_options
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.private_keys import OPENSSH_PRIVATE, PRIVATE_LINE
from ansible_collections.huaweicloud.codearts.tests.unit.helpers.ssh_key_lines import ed25519


def test_every_text_is_named_as_a_task_names_it_names_of_options_included():
    found = list(option_texts({"keys": [{"key": "a", "title": "b"}], "token": "t"}))
    assert found == [("an option's name", "keys"), ("keys[0]'s name", "key"), ("keys[0].key", "a"), ("keys[0]'s name", "title"),
                     ("keys[0].title", "b"), ("an option's name", "token"), ("token", "t")]


def test_a_private_key_is_found_where_it_is_and_made_secret_with_every_piece_of_base64_beside_it():
    lines = OPENSSH_PRIVATE.strip().splitlines()
    where, secrets = private_options({"keys": [{"key": line} for line in lines], "title": "laptop"})
    assert where == ["keys[0].key", "keys[1].key"]  # the armour line, and the line that opens every OpenSSH key
    assert PRIVATE_LINE in secrets and "laptop" not in secrets


def test_options_without_a_private_key_make_only_url_passwords_secret():
    where, secrets = private_options({"key": ed25519(), "url": "https://hook:HookPassw0rd@ci.test/x"})
    assert where == [] and "HookPassw0rd" in secrets and "hook:HookPassw0rd" in secrets


def test_a_private_key_as_the_name_of_an_option_is_found():
    where, _secrets = private_options({OPENSSH_PRIVATE: "x"})
    assert where == ["an option's name"]
