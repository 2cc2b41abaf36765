# shellcheck shell=bash
# Sourced by runme.sh scripts and the demo: start the local CodeArts Repo emulator, and stop it when the shell exits.
#
#   start_codearts_emulator [DIR]  DIR holds the codearts_emulator package (default: tests/emulator, seen
#                                  from an integration target's directory)
#   run_playbook ARGS...           ansible-playbook with the emulator's URL and CA as extra vars (see below)
#   test_playbook ARGS...          ansible-playbook after export_test_plugins: the integration targets as
#                                  roles path (for the setup_codearts_emulator role), and its emulator_control action

start_codearts_emulator() {
    local package_dir="${1:-../../../emulator}"
    local python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
    CODEARTS_EMULATOR_DIR="$(mktemp -d)"
    PYTHONPATH="${package_dir}" "${python}" -m codearts_emulator --state-dir "${CODEARTS_EMULATOR_DIR}" \
        > "${CODEARTS_EMULATOR_DIR}/emulator.log" 2>&1 &
    CODEARTS_EMULATOR_PID=$!
    trap stop_codearts_emulator EXIT
    for _ in $(seq 1 100); do
        if [ -s "${CODEARTS_EMULATOR_DIR}/emulator.json" ]; then
            CODEARTS_EMULATOR_VARS="${CODEARTS_EMULATOR_DIR}/emulator.json"
            export CODEARTS_EMULATOR_VARS
            return 0
        fi
        if ! kill -0 "${CODEARTS_EMULATOR_PID}" 2>/dev/null; then
            break
        fi
        sleep 0.1
    done
    echo "The CodeArts emulator did not start:" >&2
    cat "${CODEARTS_EMULATOR_DIR}/emulator.log" >&2
    return 1
}

stop_codearts_emulator() {
    if [ -n "${CODEARTS_EMULATOR_PID:-}" ]; then
        kill "${CODEARTS_EMULATOR_PID}" 2>/dev/null || true
        wait "${CODEARTS_EMULATOR_PID}" 2>/dev/null || true
        CODEARTS_EMULATOR_PID=""
    fi
    if [ -n "${CODEARTS_EMULATOR_DIR:-}" ]; then
        rm -rf "${CODEARTS_EMULATOR_DIR}"
        CODEARTS_EMULATOR_DIR=""
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
