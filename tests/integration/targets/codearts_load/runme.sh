#!/usr/bin/env bash
set -eux

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_emulator

# One inventory host per CodeArts user, all run locally by the test's Python.
inventory="${CODEARTS_EMULATOR_DIR}/load_inventory"
python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
keys="${CODEARTS_EMULATOR_DIR}/keys"
mkdir -p "${keys}"
for number in $(seq -w 1 50); do
    ssh-keygen -q -t ed25519 -N "" -C "load${number}@example.test" -f "${keys}/load${number}"
done
{
    echo "[load]"
    for number in $(seq -w 1 50); do
        echo "user${number} codearts_user=load${number} codearts_token=load-token-${number} codearts_key_file=${keys}/load${number}.pub"
    done
    echo "[repositories]"
    for number in $(seq -w 1 50); do
        echo "repository${number} codearts_repository_name=load-service-${number} codearts_hook_secret=load-hook-secret-${number} codearts_key_file=${keys}/load${number}.pub"
    done
    echo "[all:vars]"
    echo "ansible_connection=local"
    echo "ansible_python_interpreter=${python}"
} > "${inventory}"

started=$SECONDS
test_playbook -i "${inventory}" -e @"${CODEARTS_EMULATOR_VARS}" --forks 10 load.yml "$@"
echo "50 users updated (email, then an SSH key each) with forks 10 in $((SECONDS - started))s"

# Fifty repositories, each configured by its own host (create, protect master, a webhook, a deploy key), then the
# same again, which must change nothing: the playbook prints the time of each pass.
started=$SECONDS
test_playbook -i "${inventory}" -e @"${CODEARTS_EMULATOR_VARS}" --forks 10 repositories.yml "$@"
echo "50 repositories configured twice with forks 10 in $((SECONDS - started))s"
