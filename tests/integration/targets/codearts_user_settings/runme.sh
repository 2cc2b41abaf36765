#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 3

# Real keys from ssh-keygen, and its own fingerprints of them, for the SSH key playbook to compare with.
keys="${CODEARTS_EMULATOR_DIR}/keys"
mkdir -p "${keys}"
for name in laptop ci other; do
    ssh-keygen -q -t ed25519 -N "" -C "${name}@example.test" -f "${keys}/${name}"
done
ssh-keygen -q -t rsa -b 2048 -N "" -C "rsa@example.test" -f "${keys}/rsa"
"${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" - "${keys}" > "${keys}/keys.json" <<'PY'
import json, subprocess, sys
directory = sys.argv[1]
keys = {}
for name in ("laptop", "ci", "other", "rsa"):
    with open("%s/%s.pub" % (directory, name)) as public, open("%s/%s" % (directory, name)) as private:
        listed = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", "%s/%s.pub" % (directory, name)],
                                check=True, stdout=subprocess.PIPE, universal_newlines=True).stdout
        keys[name] = {"line": public.read().strip(), "private": private.read(), "fingerprint": listed.split()[1]}
print(json.dumps({"ssh_keys": keys}))
PY

# The onboarding example as AWX runs it: connection settings from the environment, the survey's answers as extra
# vars. Planned in check mode, launched (a code is mailed, the key added, the HTTPS mode set), launched with the
# mailed code (the email changes), launched again (nothing changes).
survey() {  # survey ANSWERS_FILE SEND [CODE]: the answers of a launch
    "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" - "${keys}/keys.json" "$(lane_vars 3)" "$2" "${3:-}" > "$1" <<'PY'
import json, sys
keys, lane, send, code = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3], sys.argv[4]
print(json.dumps({"codearts_email": "alice.onboarded@example.com", "codearts_https_iam_auth": "false",
                  "codearts_ca_path": lane["emulator_ca_path"], "codearts_ssh_public_key": keys["ssh_keys"]["ci"]["line"],
                  "codearts_send_verify_code": send, "codearts_verify_code": code,
                  "ansible_python_interpreter": sys.executable}))
PY
}
mailed_code() {  # the last code the emulator mailed to the onboarded address
    "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" - "$(lane_vars 3)" <<'PY'
import json, ssl, sys, urllib.request
lane = json.load(open(sys.argv[1]))
context = ssl.create_default_context(cafile=lane["emulator_ca_path"])
url = lane["emulator_url"] + "/_emulator/mailbox?email=alice.onboarded%40example.com"
with urllib.request.urlopen(url, context=context) as answer:  # the emulator on 127.0.0.1
    print(json.load(answer)["codes"][-1])
PY
}
onboard() {
    local endpoint run recap expected flags send code=""
    endpoint="$("${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -c 'import json,sys; print(json.load(open(sys.argv[1]))["emulator_url"])' "$(lane_vars 3)")"
    for run in check first with-code again; do
        flags=()
        expected="changed=3"
        send=true
        [ "${run}" = check ] && flags=(--check --diff)
        [ "${run}" = with-code ] && code="$(mailed_code)" && expected="changed=1" && send=""
        [ "${run}" = again ] && expected="changed=0" && send=""
        survey "${keys}/answers-${run}.json" "${send}" "${code}"
        HW_AUTH_TOKEN=alice-token HW_CODEARTS_ENDPOINT="${endpoint}" ansible-playbook -i localhost, -c local \
            -e @"${keys}/answers-${run}.json" ../../../../examples/onboard_user.yml "${flags[@]}" \
            > "${keys}/onboard-${run}.txt" 2>&1 || { cat "${keys}/onboard-${run}.txt"; return 1; }
        recap="$(grep -E '^localhost +:' "${keys}/onboard-${run}.txt")"
        echo "onboarding, ${run} launch: ${recap}"
        [[ "${recap}" == *"${expected} "* ]] || { cat "${keys}/onboard-${run}.txt"; return 1; }
    done
    grep -q "SSH keys: SHA256:" "${keys}/onboard-again.txt"
}

start_job lane_playbook 1 settings.yml --diff "$@"
start_job onboard "$@"
start_job lane_playbook 2 ssh_keys.yml -e @"${keys}/keys.json" --diff -vvvv "$@"
finish_jobs > "${keys}/output.txt" 2>&1 || { cat "${keys}/output.txt"; exit 1; }
grep -E "^(testhost +:|onboarding, )" "${keys}/output.txt"
# --diff must show every module's diff: Ansible's callback warns, and shows nothing, for a diff it cannot print.
if grep -h "Callback dispatch 'v2_on_file_diff' failed" "${keys}/output.txt" "${keys}"/onboard-*.txt; then exit 1; fi
# The private keys passed to the module (on purpose, to be refused) must appear nowhere in the -vvvv output.
for name in laptop rsa; do
    body="$(sed -n 2p "${keys}/${name}")"
    [ -n "${body}" ]
    if grep -qF -- "${body}" "${keys}/output.txt"; then
        echo "LEAK: a line of the ${name} private key appears in the output"
        exit 1
    fi
done
echo "no private key line in $(wc -c < "${keys}/output.txt") bytes of output"
