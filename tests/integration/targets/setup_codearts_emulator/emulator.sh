# shellcheck shell=bash
# Sourced by runme.sh scripts and the demo: start the local CodeArts Repo emulator, and stop it when the shell exits.
#
#   start_codearts_emulator [DIR]  DIR holds the codearts_emulator package (default: tests/emulator, seen
#                                  from an integration target's directory); CODEARTS_EMULATOR_VARS names the
#                                  file with its emulator_url, emulator_ca_path and emulator_recorder_url
#   start_codearts_lanes COUNT     COUNT emulators side by side, and CODEARTS_LANES_INVENTORY: a group "lanes"
#                                  of hosts lane1..laneCOUNT, each with its own emulator's variables and
#                                  lane_index (0..COUNT-1), run locally. A play over the lanes with strategy free
#                                  runs independent cases at the same time, each lane on its own emulator.
#   lane_vars N                    the file with lane N's emulator variables (lane 1 is the first emulator)
#   run_playbook ARGS...           ansible-playbook with the emulator's URL and CA as extra vars (see below)
#   lane_playbook N ARGS...        the same with lane N's emulator, so that independent playbooks can run at once
#   start_job COMMAND...           COMMAND in the background, its output kept
#   finish_jobs                    wait for the started jobs; print each one's output whole, in the order they
#                                  started; fail if any failed
#   test_playbook ARGS...          ansible-playbook after export_test_plugins: the integration targets as
#                                  roles path (for the setup_codearts_emulator role), and its emulator_control action

CODEARTS_EMULATOR_PIDS=()

launch_emulator() {  # launch_emulator PACKAGE_DIR STATE_DIR: one emulator in the background
    PYTHONPATH="$1" "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -m codearts_emulator --state-dir "$2" \
        > "$2/emulator.log" 2>&1 &
    CODEARTS_EMULATOR_PIDS+=("$!")
}

await_emulator() {  # await_emulator STATE_DIR PID: wait until it listens (it then writes emulator.json)
    for _ in $(seq 1 100); do
        [ -s "$1/emulator.json" ] && return 0
        kill -0 "$2" 2>/dev/null || break
        sleep 0.1
    done
    echo "The CodeArts emulator did not start:" >&2
    cat "$1/emulator.log" >&2
    return 1
}

start_codearts_emulator() {
    start_codearts_lanes 1 "$@"
}

start_codearts_lanes() {  # start_codearts_lanes COUNT [DIR]: see the top of this file
    local count="$1" package_dir="${2:-../../../emulator}" lane python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
    CODEARTS_EMULATOR_DIR="$(mktemp -d)"
    trap stop_codearts_emulator EXIT
    for lane in $(seq 1 "${count}"); do
        mkdir -p "$(lane_directory "${lane}")"
        launch_emulator "${package_dir}" "$(lane_directory "${lane}")"
    done
    for lane in $(seq 1 "${count}"); do
        await_emulator "$(lane_directory "${lane}")" "${CODEARTS_EMULATOR_PIDS[$((lane - 1))]}" || return 1
    done
    CODEARTS_EMULATOR_VARS="$(lane_vars 1)"
    export CODEARTS_EMULATOR_VARS
    CODEARTS_LANES_INVENTORY="${CODEARTS_EMULATOR_DIR}/lanes.yml"
    # shellcheck disable=SC2046  # one argument per lane
    "${python}" - "${python}" $(for lane in $(seq 1 "${count}"); do lane_vars "${lane}"; done) \
        > "${CODEARTS_LANES_INVENTORY}" <<'PY'
import json, sys
python, lane_files = sys.argv[1], sys.argv[2:]
hosts = {}
for index, lane_file in enumerate(lane_files):
    with open(lane_file) as document:
        hosts["lane%d" % (index + 1)] = dict(json.load(document), lane_index=index)
print(json.dumps({"lanes": {"hosts": hosts, "vars": {
    "lane_count": len(lane_files), "ansible_connection": "local", "ansible_python_interpreter": python}}}))
PY
}

lane_directory() {
    if [ "$1" = 1 ]; then echo "${CODEARTS_EMULATOR_DIR}"; else echo "${CODEARTS_EMULATOR_DIR}/lane$1"; fi
}

lane_vars() {
    echo "$(lane_directory "$1")/emulator.json"
}

stop_codearts_emulator() {
    local pid
    # Jobs first (each is a process group: the playbook and its workers and modules), so that none is left
    # working against a stopped emulator when a script ends early.
    for pid in "${CODEARTS_JOB_PIDS[@]}"; do
        kill -- "-${pid}" 2>/dev/null || true
    done
    CODEARTS_JOB_PIDS=()
    for pid in "${CODEARTS_EMULATOR_PIDS[@]}"; do
        kill "${pid}" 2>/dev/null || true
        wait "${pid}" 2>/dev/null || true
    done
    CODEARTS_EMULATOR_PIDS=()
    if [ -n "${CODEARTS_EMULATOR_DIR:-}" ]; then
        rm -rf "${CODEARTS_EMULATOR_DIR}"
        CODEARTS_EMULATOR_DIR=""
    fi
    # An integration target's time, for the summary of tools/test.sh (which takes the TIME| lines out of the log).
    if [[ "${PWD##*/}" == codearts_* ]]; then
        echo "TIME|  target ${PWD##*/}|${SECONDS}"
    fi
}

export_test_plugins() {  # the setup_codearts_emulator role and its emulator_control action, for ansible-playbook
    local setup
    setup="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    export ANSIBLE_ROLES_PATH="${setup%/*}" ANSIBLE_ACTION_PLUGINS="${setup}/action_plugins"
}

test_playbook() {
    (export_test_plugins && ansible-playbook "$@")
}

run_playbook() {
    lane_playbook 1 "$@"
}

lane_playbook() {
    local vars
    vars="$(lane_vars "$1")"
    shift
    test_playbook -i "${INVENTORY_PATH:-localhost,}" -e @"${vars}" "$@"
}

CODEARTS_JOB_PIDS=()
CODEARTS_JOB_COMMANDS=()

job_log() {
    echo "${CODEARTS_EMULATOR_DIR}/job$1.log"
}

start_job() {
    # Job control on for this one fork, so that the job gets a process group of its own to stop as a whole.
    set -m
    "$@" > "$(job_log "${#CODEARTS_JOB_PIDS[@]}")" 2>&1 &
    set +m
    CODEARTS_JOB_PIDS+=("$!")
    CODEARTS_JOB_COMMANDS+=("$*")
}

finish_jobs() {
    local index failed=0 status
    for index in "${!CODEARTS_JOB_PIDS[@]}"; do
        echo "===== ${CODEARTS_JOB_COMMANDS[${index}]}"
        status=0
        wait "${CODEARTS_JOB_PIDS[${index}]}" || status=$?
        cat "$(job_log "${index}")"
        if [ "${status}" -ne 0 ]; then
            echo "===== FAILED: ${CODEARTS_JOB_COMMANDS[${index}]}"
            failed=1
        fi
    done
    CODEARTS_JOB_PIDS=()
    CODEARTS_JOB_COMMANDS=()
    return "${failed}"
}
