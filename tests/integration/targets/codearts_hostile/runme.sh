#!/usr/bin/env bash
# Hostile servers, inputs and environments (docs/reliability.md): each case bounded in time and memory,
# with no traceback, at most one applied write, and no secret anywhere in -vvvv output.
set -eu

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
# The size cases (cases.yml) run from here, each on a lane of its own: at least three lanes.
mapfile -t size_cases < <("${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -c \
    'import yaml; print("\n".join(yaml.safe_load(open("cases.yml"))["size_cases"]))')
[ "${#size_cases[@]}" -gt 0 ] || { echo "cases.yml lists no size cases"; exit 1; }
start_codearts_lanes "$(( ${#size_cases[@]} > 3 ? ${#size_cases[@]} : 3 ))"
out="${CODEARTS_EMULATOR_DIR}/hostile"
mkdir -p "${out}"

test_playbook -i "${CODEARTS_LANES_INVENTORY}" hostile.yml --diff -vvvv "$@" > "${out}/stdout.txt" 2> "${out}/stderr.txt" \
    || { grep -E -B4 -A4 '"assertion"' "${out}/stdout.txt" | cut -c1-3000; tail -n 5 "${out}/stdout.txt"; cat "${out}/stderr.txt"; exit 1; }
grep -h -E "^lane[0-9]+ +:" "${out}/stdout.txt"
sed -n '/^TASK \[The hostile-server and hostile-environment tables as measured\]/,/^TASK/p' "${out}/stdout.txt" \
    | grep -E '^ +"[^"|]+ \| (failed|changed|ok) \| [0-9.]+ s \|' | cut -c1-220
grep -E '"msg": "[0-9]+ hostile inputs refused' "${out}/stdout.txt"

# Secrets: what the cases send as credentials, the markers of the hostile inputs, and any token IAM issued.
secrets=(alice-token carol-token zoe-token alice-pw-4821 carol-temp-secret carol-sts-8b41e HOSTILE-SECRET-MARK
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
# They run at the same time, each on its own lane's emulator and under its own /usr/bin/time, which counts only
# the processes of its own run.
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: install the Debian package 'time'"; exit 1; }
size_case() {  # size_case INDEX ARGS...: size case INDEX on lane INDEX+1, measured, scanned and judged
    local index="$1" kilobytes seconds
    shift
    /usr/bin/time -v -o "${out}/time-${index}.txt" ansible-playbook -i "${CODEARTS_LANES_INVENTORY}" \
        --limit "lane$((index + 1))" -e "{\"case_name\": \"${size_cases[${index}]}\"}" size.yml -vvvv "$@" \
        > "${out}/size-${index}.txt" 2>&1 \
        || { grep -E -A4 '"assertion"' "${out}/size-${index}.txt" | cut -c1-2000; tail -n 5 "${out}/size-${index}.txt"; return 1; }
    scan "${out}/size-${index}.txt" || return 1
    kilobytes="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "${out}/time-${index}.txt")"
    seconds="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "${out}/time-${index}.txt")"
    echo "peak memory, ${size_cases[${index}]}: $((kilobytes / 1024)) MiB, ${seconds} for the whole playbook"
    [ "${kilobytes}" -lt 262144 ] || { echo "more than 256 MiB: the answer was not capped"; return 1; }
}
export_test_plugins
for index in "${!size_cases[@]}"; do
    start_job size_case "${index}" "$@"
done
finish_jobs
