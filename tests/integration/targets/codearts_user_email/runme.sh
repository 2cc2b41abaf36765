#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_emulator

run_playbook verify_code_flow.yml "$@"
run_playbook without_code.yml "$@"

# Check and diff mode from the command line, as a user runs them: the diff is printed, nothing is written.
run_playbook check_diff.yml --check --diff "$@" | tee "${CODEARTS_EMULATOR_DIR}/check_diff.out"
grep -F -- '-    "commit_email": "carol@example.com"' "${CODEARTS_EMULATOR_DIR}/check_diff.out"
grep -F -- '+    "commit_email": "carol.checked@example.com"' "${CODEARTS_EMULATOR_DIR}/check_diff.out"
run_playbook check_diff_nothing_written.yml "$@"
