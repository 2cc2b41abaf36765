#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 2

# The AWX jobs and the terminal session, each on its own emulator, at the same time.
start_job "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" run_as_awx.py "$(lane_vars 1)" ../../../..
start_job "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" interactive.py "$(lane_vars 2)" ../../../..
finish_jobs
