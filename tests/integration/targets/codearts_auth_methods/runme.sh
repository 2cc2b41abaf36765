#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 3

# Independent playbooks, each on its own emulator, at the same time.
start_job lane_playbook 1 end_to_end.yml "$@"
start_job lane_playbook 2 refusals.yml "$@"
start_job lane_playbook 3 precedence.yml "$@"
finish_jobs
