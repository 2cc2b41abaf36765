#!/usr/bin/env bash
set -eu

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 4

# A unique marker for every secret option; none may appear in anything a user or AWX would see.
out="${CODEARTS_EMULATOR_DIR}/secrets"
mkdir -p "${out}"
"${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" - "${out}/markers.json" <<'PY'
import json, secrets, sys
names = ("token", "secret_key", "security_token", "password", "verify_code", "webhook_secret", "webhook_rotated")
json.dump({"marker_" + name: "marker-%s-%s" % (name.replace("_", "-"), secrets.token_hex(8)) for name in names},
          open(sys.argv[1], "w"))
PY

marker() {
    "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' \
        "${out}/markers.json" "$1"
}
marker_run() {  # marker_run SUFFIX LANE PLAYBOOK: a --diff -vvvv run with the markers; its outputs are kept for the scan
    local suffix="$1" lane="$2" playbook="$3"
    lane_playbook "${lane}" "${playbook}" -e @"${out}/markers.json" -e results_file="${out}/results${suffix}.json" \
        --diff -vvvv > "${out}/stdout${suffix}.txt" 2> "${out}/stderr${suffix}.txt" \
        || { tail -n 80 "${out}/stdout${suffix}.txt"; cat "${out}/stderr${suffix}.txt"; return 1; }
}
every_scenario() {
    marker_run "" 1 secrets.yml
}
credentials_from_the_environment() {
    HW_ACCESS_KEY=MALLORYACCESSKEY0001 HW_SECRET_KEY="$(marker marker_secret_key)" \
        HW_SECURITY_TOKEN="$(marker marker_security_token)" marker_run _environment 2 environment_credentials.yml
}
every_fault() {
    marker_run _faults 3 faults_under_markers.yml
}
every_webhook_secret() {
    marker_run _repository 4 repository_secrets.yml
}
# The check must be able to fail: a run that prints a marker on purpose has to be caught (checked below).
print_the_canary() {
    lane_playbook 2 canary.yml -e canary_value="$(marker marker_password)" -vvvv > "${out}/canary.txt" 2>&1
}
# The five runs, each on its own emulator (the canary needs none), at the same time.
start_job every_scenario
start_job credentials_from_the_environment
start_job every_fault
start_job every_webhook_secret
start_job print_the_canary
finish_jobs
grep -h -E "^testhost +:" "${out}/stdout.txt" "${out}/stdout_environment.txt" "${out}/stdout_faults.txt" "${out}/stdout_repository.txt"

# Every output the scan reads must be there, and hold something: a missing or empty file would pass for one
# without a leak. Only stderr may be empty: ansible-playbook writes its warnings there, and a run without any
# writes nothing (the environment's run has none). grep's own status tells a match (0) from no match (1) from a
# file it could not read (2).
outputs=(stdout.txt stderr.txt results.json stdout_environment.txt stderr_environment.txt results_environment.json
    stdout_faults.txt stderr_faults.txt results_faults.json stdout_repository.txt stderr_repository.txt results_repository.json)
for file in "${outputs[@]}"; do
    [ -f "${out}/${file}" ] || { echo "the leak check cannot read ${file}: it is missing"; exit 1; }
    case "${file}" in
        stderr*) ;;
        *) [ -s "${out}/${file}" ] || { echo "the leak check cannot read ${file}: it is empty"; exit 1; } ;;
    esac
done

leaks=0
checked=0
for marker in $("${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1])).values()))' "${out}/markers.json"); do
    checked=$((checked + 1))
    for file in "${outputs[@]}"; do
        status=0
        grep -q -- "${marker%-*}" "${out}/${file}" || status=$?
        case "${status}" in
            0)
                echo "LEAK: ${marker%-*}... appears in ${file}, for example:"
                grep -n -- "${marker%-*}" "${out}/${file}" | sed "s/${marker%-*}[0-9a-f]*/<MARKER>/g" | cut -c1-300 | head -n 3
                leaks=$((leaks + 1))
                ;;
            1) ;;
            *) echo "the leak check could not read ${file} (grep exited ${status})"; exit 1 ;;
        esac
    done
done
[ "${checked}" -eq 7 ] || { echo "the leak check read ${checked} markers, not 7"; exit 1; }
# The scenario runs whose outputs were scanned: a module's registered result holds what it read or set, or the
# message of its failure (the other results kept, such as the recorder's, hold none of these).
runs="$("${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" - "${out}/results.json" "${out}/results_environment.json" \
    "${out}/results_faults.json" <<'PY'
import json, sys
fields = ("user", "msg", "ssh_keys", "iam_auth", "gpg_keys")
print(sum(1 for name in sys.argv[1:] for result in json.load(open(name)) if any(field in result for field in fields)))
PY
)"
[ "${runs}" -eq 31 ] || { echo "the leak check covered ${runs} scenario runs, not the 31 of docs/reliability.md"; exit 1; }
# The repository modules' runs (repository_secrets.yml): each result holds its webhooks or deploy keys, or a message.
repository_runs="$("${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" - "${out}/results_repository.json" <<'PY'
import json, sys
fields = ("webhooks", "deploy_keys", "msg")
print(sum(1 for result in json.load(open(sys.argv[1])) if any(field in result for field in fields)))
PY
)"
[ "${repository_runs}" -eq 11 ] || { echo "the leak check covered ${repository_runs} repository module runs, not 11"; exit 1; }
runs=$((runs + repository_runs))
echo "secret markers checked: 7 markers x ${#outputs[@]} outputs of ${runs} scenario runs ($(cat "${out}"/stdout*.txt | wc -c) bytes of -vvvv stdout, $(cat "${out}"/results*.json | wc -c) bytes of registered results)"

canary="$(marker marker_password)"
[ -s "${out}/canary.txt" ] || { echo "the canary run's output is missing or empty"; exit 1; }
status=0
grep -q -- "${canary%-*}" "${out}/canary.txt" || status=$?
case "${status}" in
    0) echo "canary: a marker printed on purpose is found" ;;
    1) echo "the leak check did not see a marker printed on purpose"; exit 1 ;;
    *) echo "the leak check could not read the canary run's output (grep exited ${status})"; exit 1 ;;
esac
[ "${leaks}" -eq 0 ]
echo "no secret marker leaked"
