#!/usr/bin/env bash
# A new user's onboarding of a team, replayed with the example as it ships (examples/onboard_team.yml): three
# developers from per-host variables, their tokens in an ansible-vault file; --check --diff, the real run (a code
# mailed to alice, whose service needs one), alice's code, a rerun that is all ok, a key rotation (dora,
# exclusive) and a removal by fingerprint (alice, no .pub file), each checked by check_runs.py from the results
# callback_plugins/task_results.py writes.
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_emulator
python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
work="${CODEARTS_EMULATOR_DIR}/team"
mkdir -p "${work}/host_vars" "${work}/keys"
cp ../../../../examples/onboard_team.yml "${work}/"
cp ../../../../examples/team/inventory.yml "${work}/"
for name in alice carol dora dora-new; do
    ssh-keygen -q -t ed25519 -N "" -C "${name}@example.test" -f "${work}/keys/${name}"
done
line() { cat "${work}/keys/$1.pub"; }
fingerprint() { ssh-keygen -l -E sha256 -f "${work}/keys/$1.pub" | cut -d' ' -f2; }
ca="$("${python}" -c 'import json,sys; print(json.load(open(sys.argv[1]))["emulator_ca_path"])' "${CODEARTS_EMULATOR_VARS}")"
url="$("${python}" -c 'import json,sys; print(json.load(open(sys.argv[1]))["emulator_url"])' "${CODEARTS_EMULATOR_VARS}")"
host_vars() {  # host_vars NAME EMAIL IAM_AUTH EXCLUSIVE REVOKED KEY...
    local name="$1" email="$2" iam_auth="$3" exclusive="$4" revoked="$5"
    shift 5
    {
        echo "codearts_email: ${email}"
        echo "codearts_https_iam_auth: ${iam_auth}"
        echo "codearts_ssh_keys_exclusive: ${exclusive}"
        echo "codearts_revoked_ssh_keys: [${revoked}]"
        echo "codearts_ssh_keys: [$(for key in "$@"; do printf "'%s', " "$(line "${key}")"; done)]"
        echo "codearts_ca_path: ${ca}"
    } > "${work}/host_vars/${name}.yml"
}
host_vars alice alice@dev.example.com false false "" alice
host_vars carol carol@dev.example.com false false "" carol
host_vars dora dora@dev.example.com true true "" dora
printf 'vault_codearts_tokens: {alice: alice-token, carol: carol-token, dora: dora-token}\n' > "${work}/vault.yml"
echo "a vault password for the test" > "${work}/vault-password"
ansible-vault encrypt --vault-password-file "${work}/vault-password" "${work}/vault.yml"
if grep -q alice-token "${work}/vault.yml"; then exit 1; fi

run() {  # run NAME ARGS...: the playbook with the json callback, its result kept as NAME.json
    local name="$1"
    shift
    ANSIBLE_CALLBACK_PLUGINS="${PWD}/callback_plugins" ANSIBLE_CALLBACKS_ENABLED=task_results \
        CODEARTS_RESULTS="${work}/${name}.json" HW_CODEARTS_ENDPOINT="${url}" ansible-playbook -i "${work}/inventory.yml" \
        "${work}/onboard_team.yml" -e @"${work}/vault.yml" --vault-password-file "${work}/vault-password" "$@" \
        > "${work}/${name}.txt" || { cat "${work}/${name}.txt"; return 1; }
    grep -E "^(alice|carol|dora) +:" "${work}/${name}.txt" | sed "s/^/${name}: /"
}
mailbox() {
    "${python}" - "${url}" "${ca}" <<'PY'
import json, ssl, sys, urllib.request
url, ca = sys.argv[1:]
with urllib.request.urlopen(url + "/_emulator/mailbox?email=alice%40dev.example.com", context=ssl.create_default_context(cafile=ca)) as answer:
    print(json.load(answer)["codes"][-1])
PY
}
run check -e codearts_send_verify_code=true --check --diff
run first -e codearts_send_verify_code=true --diff
run code -l alice -e codearts_verify_code="$(mailbox)" --diff
run again --diff
host_vars dora dora@dev.example.com true true "" dora-new
run rotation --diff
host_vars alice alice@dev.example.com false false "'$(fingerprint alice)'"
run removal --diff
run last --diff
"${python}" check_runs.py "${work}" "$(fingerprint dora)" "$(fingerprint dora-new)" "$(fingerprint alice)"
