#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 3

# A Python without requests, as users meet it when ansible_python_interpreter points elsewhere.
without_requests() {
    "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -m venv --without-pip "${CODEARTS_EMULATOR_DIR}/bare"
    lane_playbook 3 missing_requests.yml -e bare_python="${CODEARTS_EMULATOR_DIR}/bare/bin/python" "$@"
}

# Independent playbooks, each on its own emulator, at the same time.
start_job lane_playbook 1 info.yml "$@"
start_job lane_playbook 2 info_failures.yml "$@"
start_job without_requests "$@"
finish_jobs
