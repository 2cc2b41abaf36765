#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 1
run_playbook settings.yml --diff "$@"
