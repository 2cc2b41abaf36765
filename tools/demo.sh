#!/usr/bin/env bash
# The demo, on a fresh machine: a virtualenv with ansible-core, the collection built and installed,
# the local CodeArts Repo emulator started, and examples/user_email.yml run with --check --diff and
# then for real through the whole verification-code flow. The emulator is stopped and the work directory
# removed on every exit path. Needs Python 3.11 or newer (PYTHON=... to choose one).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"
if ! "${python}" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "The demo needs Python 3.11 or newer (it installs ansible-core 2.19 or newer, which needs 3.11);" >&2
    echo "'${python}' is $("${python}" --version 2>/dev/null || echo 'not found'). Run it as: PYTHON=/path/to/python3.11 bash tools/demo.sh" >&2
    exit 2
fi
# shellcheck source=../tests/integration/targets/setup_codearts_emulator/emulator.sh
source "${repo}/tests/integration/targets/setup_codearts_emulator/emulator.sh"
work="$(mktemp -d)"
cleanup() { stop_codearts_emulator; rm -rf "${work}"; echo "Cleaned up: emulator stopped, ${work} removed."; }
trap cleanup EXIT  # on every exit path: success, a failed step, Ctrl-C

banner() { printf '\n\033[1m===== %s =====\033[0m\n' "$*"; }

banner "Installing ansible-core and the modules' Python requirements into ${work}/venv"
"${python}" -m venv "${work}/venv"
"${work}/venv/bin/python" -m pip install --quiet --upgrade pip
"${work}/venv/bin/python" -m pip install --quiet "ansible-core>=2.19" -r "${repo}/requirements.txt" cryptography
export PATH="${work}/venv/bin:${PATH}"

banner "Building and installing huaweicloud.codearts"
ansible-galaxy collection build --force --output-path "${work}" "${repo}"
ansible-galaxy collection install -p "${work}/collections" "${work}"/huaweicloud-codearts-*.tar.gz
export ANSIBLE_COLLECTIONS_PATH="${work}/collections"
export ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false

banner "Starting the local CodeArts Repo emulator"
ANSIBLE_TEST_PYTHON_INTERPRETER="${work}/venv/bin/python" start_codearts_emulator "${repo}/tests/emulator"
trap cleanup EXIT  # start_codearts_emulator set its own trap; ours stops the emulator too
url="$(python -c 'import json, sys; print(json.load(open(sys.argv[1]))["emulator_url"])' "${CODEARTS_EMULATOR_VARS}")"
ca="$(python -c 'import json, sys; print(json.load(open(sys.argv[1]))["emulator_ca_path"])' "${CODEARTS_EMULATOR_VARS}")"
echo "Emulator at ${url}; user alice needs a mailed verification code to change her email."
export HW_CODEARTS_ENDPOINT="${url}" HW_AUTH_TOKEN="alice-token"
play=(ansible-playbook "${repo}/examples/user_email.yml" -e codearts_ca_path="${ca}" -e codearts_email=alice.demo@example.com)

banner "1. --check --diff: what would happen (nothing is sent but a read)"
"${play[@]}" -e codearts_send_verify_code=true --check --diff

banner "2. For real, asking for a code: alice's service needs one, so the change is refused and a code is mailed"
"${play[@]}" -e codearts_send_verify_code=true --diff

code="$(python - "${url}" "${ca}" <<'PY'
import json, ssl, sys, urllib.request
url, ca = sys.argv[1:]
with urllib.request.urlopen(url + "/_emulator/mailbox?email=alice.demo@example.com", context=ssl.create_default_context(cafile=ca)) as answer:
    print(json.load(answer)["codes"][-1])
PY
)"
echo "The emulator's mailbox for alice.demo@example.com holds a code."

banner "3. --check --diff with the code: the change is predicted"
"${play[@]}" -e codearts_verify_code="${code}" --check --diff

banner "4. For real with the code: the email changes"
"${play[@]}" -e codearts_verify_code="${code}" --diff

banner "5. Again: nothing to change"
"${play[@]}" --diff

banner "What the emulator received (verification codes redacted)"
python - "${url}" "${ca}" <<'PY'
import json, ssl, sys, urllib.request
url, ca = sys.argv[1:]
with urllib.request.urlopen(url + "/_emulator/requests", context=ssl.create_default_context(cafile=ca)) as answer:
    for entry in json.load(answer)["requests"]:
        print("%(method)-4s %(path)-28s -> %(status)s  body=%(body)s" % entry)
PY
echo
echo "Demo finished."
