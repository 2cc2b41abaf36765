#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 3

# The AWX jobs by credential, the AWX survey flow and the terminal session, each on its own emulator, at once.
python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
start_job "${python}" run_as_awx.py "$(lane_vars 1)" ../../../.. credentials
start_job "${python}" run_as_awx.py "$(lane_vars 2)" ../../../.. survey
start_job "${python}" interactive.py "$(lane_vars 3)" ../../../..
finish_jobs
