#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_emulator

"${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" run_as_awx.py "${CODEARTS_EMULATOR_VARS}" ../../../..
"${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" interactive.py "${CODEARTS_EMULATOR_VARS}" ../../../..
