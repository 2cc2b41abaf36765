#!/usr/bin/env bash
# Hostile servers, inputs and environments (docs/reliability.md): each case bounded in time and memory,
# with no traceback, at most one applied write, and no secret anywhere in -vvvv output.
set -eu

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
start_codearts_emulator
out="${CODEARTS_EMULATOR_DIR}/hostile"
mkdir -p "${out}"

run_playbook hostile.yml --diff -vvvv "$@" > "${out}/stdout.txt" 2> "${out}/stderr.txt" \
    || { grep -E -B4 -A4 '"assertion"' "${out}/stdout.txt" | cut -c1-3000; tail -n 5 "${out}/stdout.txt"; cat "${out}/stderr.txt"; exit 1; }
grep -h -E "^testhost +:" "${out}/stdout.txt"
grep -E '^ +"[^"|]+ \| (failed|changed|ok) \| [0-9.]+ s \|' "${out}/stdout.txt" | cut -c1-220
grep -E '"msg": "[0-9]+ hostile inputs refused' "${out}/stdout.txt"

# Secrets: what the cases send as credentials, the markers of the hostile inputs, and any token IAM issued.
secrets=(alice-token carol-token zoe-token alice-password carol-temp-secret carol-security-token HOSTILE-SECRET-MARK
    'iam-[0-9a-f]{32}')
scan() {  # scan FILE...: print and count every secret found
    local found=0 secret file
    for secret in "${secrets[@]}"; do
        for file in "$@"; do
            if grep -q -E -- "${secret}" "${file}"; then
                echo "LEAK: ${secret} appears in ${file##*/}:"
                grep -n -E -- "${secret}" "${file}" | sed -E "s/${secret}/<SECRET>/g" | cut -c1-300 | head -n 3
                found=$((found + 1))
            fi
        done
    done
    return "${found}"
}
# The scan must be able to fail: text holding a secret has to be caught.
printf 'module said: %s\n' "HOSTILE-SECRET-MARK" > "${out}/canary.txt"
if scan "${out}/canary.txt" > /dev/null; then echo "the leak scan missed a secret put there on purpose"; exit 1; fi
scan "${out}/stdout.txt" "${out}/stderr.txt" || exit 1
echo "no secret leaked: ${#secrets[@]} patterns in $(wc -c < "${out}/stdout.txt") bytes of -vvvv output; the canary was caught"

# Memory: the peak resident size of a whole ansible-playbook run (the module's process included), per size case.
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: install the Debian package 'time'"; exit 1; }
for case in "200 MiB answer" "gzip bomb (1 MiB expanding to 1 GiB)" "100,000 nested arrays"; do
    selected="{\"case_name\": \"${case}\"}"
    (export_test_plugins && /usr/bin/time -v -o "${out}/time.txt" ansible-playbook -i "${INVENTORY_PATH:-localhost,}" \
        -e @"${CODEARTS_EMULATOR_VARS}" -e "${selected}" size.yml -vvvv "$@" > "${out}/size.txt") \
        || { grep -E -A4 '"assertion"' "${out}/size.txt" | cut -c1-2000; tail -n 5 "${out}/size.txt"; exit 1; }
    scan "${out}/size.txt" || exit 1
    kilobytes="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "${out}/time.txt")"
    seconds="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "${out}/time.txt")"
    echo "peak memory, ${case}: $((kilobytes / 1024)) MiB, ${seconds} for the whole playbook"
    [ "${kilobytes}" -lt 262144 ] || { echo "more than 256 MiB: the answer was not capped"; exit 1; }
done
