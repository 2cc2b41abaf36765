#!/usr/bin/env bash
set -eux -o pipefail

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 3

# Check and diff mode from the command line, as a user runs them: the diff is printed, nothing is written.
check_diff_from_the_command_line() {
    lane_playbook 3 check_diff.yml --check --diff "$@" | tee "${CODEARTS_EMULATOR_DIR}/check_diff.out"
    grep -F -- '-    "commit_email": "carol@example.com"' "${CODEARTS_EMULATOR_DIR}/check_diff.out"
    grep -F -- '+    "commit_email": "carol.checked@example.com"' "${CODEARTS_EMULATOR_DIR}/check_diff.out"
    lane_playbook 3 check_diff_nothing_written.yml "$@"
}

# Independent playbooks, each on its own emulator, at the same time.
start_job lane_playbook 1 verify_code_flow.yml "$@"
start_job lane_playbook 2 without_code.yml "$@"
start_job check_diff_from_the_command_line "$@"
finish_jobs
