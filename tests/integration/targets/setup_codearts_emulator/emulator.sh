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
    local package_dir="${1:-../../../emulator}"
    CODEARTS_EMULATOR_DIR="$(mktemp -d)"
    trap stop_codearts_emulator EXIT
    launch_emulator "${package_dir}" "${CODEARTS_EMULATOR_DIR}"
    await_emulator "${CODEARTS_EMULATOR_DIR}" "${CODEARTS_EMULATOR_PIDS[0]}" || return 1
    CODEARTS_EMULATOR_VARS="${CODEARTS_EMULATOR_DIR}/emulator.json"
    export CODEARTS_EMULATOR_VARS
}

start_codearts_lanes() {  # start_codearts_lanes COUNT: see the top of this file
    local count="$1" lane python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" package_dir=../../../emulator
    CODEARTS_EMULATOR_DIR="$(mktemp -d)"
    trap stop_codearts_emulator EXIT
    launch_emulator "${package_dir}" "${CODEARTS_EMULATOR_DIR}"
    for lane in $(seq 2 "${count}"); do
        mkdir "${CODEARTS_EMULATOR_DIR}/lane${lane}"
        launch_emulator "${package_dir}" "${CODEARTS_EMULATOR_DIR}/lane${lane}"
    done
    for lane in $(seq 1 "${count}"); do
        await_emulator "$(lane_directory "${lane}")" "${CODEARTS_EMULATOR_PIDS[$((lane - 1))]}" || return 1
    done
    CODEARTS_EMULATOR_VARS="${CODEARTS_EMULATOR_DIR}/emulator.json"
    export CODEARTS_EMULATOR_VARS
    CODEARTS_LANES_INVENTORY="${CODEARTS_EMULATOR_DIR}/lanes.yml"
    "${python}" - "${count}" "${python}" "${CODEARTS_EMULATOR_DIR}" > "${CODEARTS_LANES_INVENTORY}" <<'PY'
import json, os, sys
count, python, first = int(sys.argv[1]), sys.argv[2], sys.argv[3]
hosts = {}
for index in range(count):
    state = first if index == 0 else os.path.join(first, "lane%d" % (index + 1))
    with open(os.path.join(state, "emulator.json")) as document:
        hosts["lane%d" % (index + 1)] = dict(json.load(document), lane_index=index)
print(json.dumps({"lanes": {"hosts": hosts, "vars": {
    "lane_count": count, "ansible_connection": "local", "ansible_python_interpreter": python}}}))
PY
}

lane_directory() {
    if [ "$1" = 1 ]; then echo "${CODEARTS_EMULATOR_DIR}"; else echo "${CODEARTS_EMULATOR_DIR}/lane$1"; fi
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
    test_playbook -i "${INVENTORY_PATH:-localhost,}" -e @"${CODEARTS_EMULATOR_VARS}" "$@"
}

lane_vars() {
    echo "$(lane_directory "$1")/emulator.json"
}

lane_playbook() {
    local vars
    vars="$(lane_vars "$1")"
    shift
    test_playbook -i "${INVENTORY_PATH:-localhost,}" -e @"${vars}" "$@"
}

CODEARTS_JOBS=()
CODEARTS_JOB_PIDS=()

start_job() {
    local log="${CODEARTS_EMULATOR_DIR}/job${#CODEARTS_JOBS[@]}.log"
    # Job control on for this one fork, so that the job gets a process group of its own to stop as a whole.
    set -m
    "$@" > "${log}" 2>&1 &
    set +m
    CODEARTS_JOBS+=("$!:${log}:$*")
    CODEARTS_JOB_PIDS+=("$!")
}

finish_jobs() {
    local job pid log command failed=0
    for job in "${CODEARTS_JOBS[@]}"; do
        pid="${job%%:*}"
        log="${job#*:}"
        command="${log#*:}"
        log="${log%%:*}"
        echo "===== ${command}"
        if wait "${pid}"; then
            cat "${log}"
        else
            cat "${log}"
            echo "===== FAILED: ${command}"
            failed=1
        fi
    done
    CODEARTS_JOBS=()
    CODEARTS_JOB_PIDS=()
    return "${failed}"
}
