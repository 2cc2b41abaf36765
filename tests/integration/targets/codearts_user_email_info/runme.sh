#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_emulator

run_playbook info.yml "$@"
run_playbook info_failures.yml "$@"

# A Python without requests, as users meet it when ansible_python_interpreter points elsewhere.
"${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -m venv --without-pip "${CODEARTS_EMULATOR_DIR}/bare"
run_playbook missing_requests.yml -e bare_python="${CODEARTS_EMULATOR_DIR}/bare/bin/python" "$@"
