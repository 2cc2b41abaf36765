#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 3

test_playbook -i "${CODEARTS_LANES_INVENTORY}" bad_input.yml "$@"
test_playbook -i "${CODEARTS_LANES_INVENTORY}" ssh_keys.yml "$@"
test_playbook -i "${CODEARTS_LANES_INVENTORY}" settings.yml "$@"
