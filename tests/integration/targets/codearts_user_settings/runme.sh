#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_lanes 2

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

start_job lane_playbook 1 settings.yml --diff "$@"
start_job lane_playbook 2 ssh_keys.yml -e @"${keys}/keys.json" --diff -vvvv "$@"
finish_jobs > "${keys}/output.txt" 2>&1 || { cat "${keys}/output.txt"; exit 1; }
grep -E "^testhost +:" "${keys}/output.txt"
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
