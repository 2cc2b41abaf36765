#!/usr/bin/env bash
# Start the local CodeArts Repo emulator and leave it running, for your own playbooks; or stop it.
#
#   bash tools/emulator.sh start [DIR]   start it in the background (state in DIR, default ~/.cache/codearts-emulator);
#                                        prints the environment to use it with and the seeded users' tokens
#   bash tools/emulator.sh stop [DIR]    stop it
#
# It listens on 127.0.0.1 only, over HTTPS with its own CA (DIR/ca.pem). Its control API (/_emulator/) shows what it
# received, the codes it "mailed" and what it stores: see tests/emulator/codearts_emulator/admin.py.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action="${1:-}"
state="${2:-${HOME}/.cache/codearts-emulator}"
# How to stop it again: the directory named only when it is not the default one.
stop_command="bash tools/emulator.sh stop${2:+ ${2}}"
python="${PYTHON:-python3}"

case "${action}" in
    start)
        if [ -s "${state}/emulator.pid" ] && kill -0 "$(cat "${state}/emulator.pid")" 2>/dev/null; then
            echo "The emulator already runs (pid $(cat "${state}/emulator.pid")); stop it first: ${stop_command}" >&2
            exit 1
        fi
        mkdir -p "${state}"
        rm -f "${state}/emulator.json"
        PYTHONPATH="${repo}/tests/emulator" nohup "${python}" -m codearts_emulator --state-dir "${state}" \
            > "${state}/emulator.log" 2>&1 &
        echo $! > "${state}/emulator.pid"
        for _ in $(seq 1 100); do
            [ -s "${state}/emulator.json" ] && break
            sleep 0.1
        done
        if [ ! -s "${state}/emulator.json" ]; then
            cat "${state}/emulator.log" >&2
            exit 1
        fi
        url="$("${python}" -c 'import json,sys; print(json.load(open(sys.argv[1]))["emulator_url"])' "${state}/emulator.json")"
        cat <<TEXT
The emulator runs at ${url} (pid $(cat "${state}/emulator.pid")); it stays up until: ${stop_command}

Use it from a shell:
  export HW_CODEARTS_ENDPOINT=${url} REQUESTS_CA_BUNDLE=${state}/ca.pem HW_AUTH_TOKEN=alice-token
  ansible-playbook examples/user_email.yml -e codearts_email=alice.new@example.com --check --diff

Seeded users (token): alice (alice-token, needs a verification code), carol (carol-token, needs none),
dora (dora-token, stores emails in lower case), bob (bob-token, read only). IAM password login: the
domain is emulated-domain, and tests/emulator/codearts_emulator/state.py has the seeded passwords.
Seeded project 9f6c1d2e3b4a59687f8e9d0c1b2a3f4e with repositories demo-project/backend/api/service (id 3001),
demo-project/frontend/service (3002) and demo-project/tools (3003): see tests/emulator/REPOSITORIES.md.
Mailed codes: curl --cacert ${state}/ca.pem '${url}/_emulator/mailbox?email=alice.new@example.com'
TEXT
        ;;
    stop)
        if [ -s "${state}/emulator.pid" ] && kill "$(cat "${state}/emulator.pid")" 2>/dev/null; then
            echo "Stopped the emulator (pid $(cat "${state}/emulator.pid"))."
        else
            echo "No emulator ran from ${state}."
        fi
        rm -f "${state}/emulator.pid" "${state}/emulator.json"
        ;;
    *)
        echo "Usage: bash tools/emulator.sh start|stop [STATE_DIR]" >&2
        exit 2
        ;;
esac
