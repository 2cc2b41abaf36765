#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_emulator ../../../emulator
export ANSIBLE_ROLES_PATH=..

run_playbook info.yml "$@"
run_playbook info_failures.yml "$@"
