#!/usr/bin/env bash
# examples/new_service_repository.yml as a user runs it, with its token and webhook secret in an ansible-vault file:
#   lane 1, a service whose repository does not exist yet: --check --diff, the real run, and again (all ok);
#   lane 2, a service whose repository exists, empty and unconfigured: --check --diff, then the real run.
# check_runs.py compares the runs from the results callback_plugins/task_outcomes.py writes: check mode's diffs are
# the real run's, and neither the token nor the webhook secret appears in any output. The emulator's stored tokens
# must be the vault's secret.
set -eu

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 2
python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
work="${CODEARTS_EMULATOR_DIR}/example"
mkdir -p "${work}"
cp ../../../../examples/new_service_repository.yml "${work}/"
ssh-keygen -q -t ed25519 -N "" -C "ci@build.example.test" -f "${work}/ci_deploy_key"
secret="example-hook-secret-$("${python}" -c 'import secrets; print(secrets.token_hex(8))')"
printf 'vault_codearts_token: alice-token\nvault_ci_webhook_secret: %s\n' "${secret}" > "${work}/vault.yml"
echo "a vault password for the test" > "${work}/vault-password"
ansible-vault encrypt --vault-password-file "${work}/vault-password" "${work}/vault.yml" > /dev/null
if grep -q -e alice-token -e "${secret}" "${work}/vault.yml"; then echo "the vault file is not encrypted"; exit 1; fi

lane_value() {  # lane_value LANE KEY: a value of the lane's emulator variables
    "${python}" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$(lane_vars "$1")" "$2"
}
control() {  # control LANE METHOD PATH [BODY]: a request to the lane's emulator control API; prints its JSON answer
    "${python}" - "$(lane_value "$1" emulator_url)/_emulator/$3" "$(lane_value "$1" emulator_ca_path)" "$2" "${4:-}" <<'PY'
import json, ssl, sys, urllib.request
url, ca, method, body = sys.argv[1:]
request = urllib.request.Request(url, data=body.encode() or None, method=method, headers={"Content-Type": "application/json"})
with urllib.request.urlopen(request, context=ssl.create_default_context(cafile=ca)) as answer:  # 127.0.0.1
    print(answer.read().decode())
PY
}
run() {  # run LANE NAME ARGS...: the example against the lane's emulator; its results kept as NAME.json, its output as NAME.txt
    local lane="$1" name="$2"
    shift 2
    # A proxy that cannot be reached for anything but the loopback address: nothing may leave this machine.
    HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1 \
        ANSIBLE_CALLBACK_PLUGINS="${PWD}/callback_plugins" ANSIBLE_CALLBACKS_ENABLED=task_outcomes \
        CODEARTS_OUTCOMES="${work}/${name}.json" ansible-playbook "${work}/new_service_repository.yml" \
        -e @"${work}/vault.yml" --vault-password-file "${work}/vault-password" \
        -e codearts_endpoint="$(lane_value "${lane}" emulator_url)" -e codearts_ca_path="$(lane_value "${lane}" emulator_ca_path)" \
        "$@" > "${work}/${name}.txt" 2>&1 || { cat "${work}/${name}.txt"; return 1; }
    echo "${name}: $(grep -E "^localhost +:" "${work}/${name}.txt")"
}
new_repository() {
    run 1 check --check --diff
    run 1 first --diff
    run 1 again --diff
    control 1 GET repositories > "${work}/stored_new.json"
}
existing_repository() {
    control 2 POST repositories '{"project_id": "9f6c1d2e3b4a59687f8e9d0c1b2a3f4e", "name": "payments", "group": "backend",
        "branches": ["master"], "members": [{"user": "carol", "role": "developer"}]}' > /dev/null
    local service=(-e service_name=payments -e ci_webhook_url=https://ci.example.com/hooks/payments)
    run 2 plan "${service[@]}" --check --diff
    run 2 apply "${service[@]}" --diff
    control 2 GET repositories > "${work}/stored_existing.json"
}
started=$SECONDS
start_job new_repository
start_job existing_repository
finish_jobs
echo "the example's five runs on two emulators in $((SECONDS - started))s"

# The webhooks as stored, read behind the API's back: each must hold the vault's secret.
for lane in 1 2; do
    ids="$("${python}" -c 'import json,sys; print(" ".join(str(r["id"]) for r in json.load(sys.stdin)["repositories"] if r["path_with_namespace"].split("/")[-1] in ("billing", "payments")))' \
        < "${work}/stored_$([ "${lane}" = 1 ] && echo new || echo existing).json")"
    [ -n "${ids}" ] || { echo "lane ${lane}: no repository billing or payments is stored"; exit 1; }
    for id in ${ids}; do
        control "${lane}" GET "repositories/${id}" > "${work}/repository-lane${lane}-${id}.json"
    done
done
"${python}" check_runs.py "${work}" "${secret}"
