#!/usr/bin/env bash
# Hostile servers, inputs and environments (docs/reliability.md): each case bounded in time and memory,
# with no traceback, at most one applied write, and no secret anywhere in -vvvv output.
set -eu

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
# The size cases (cases.yml, repository_cases.yml) run from here, each on a lane of its own: at least three lanes.
mapfile -t size_cases < <("${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -c \
    'import yaml; print("\n".join(yaml.safe_load(open("cases.yml"))["size_cases"]
                                   + yaml.safe_load(open("repository_cases.yml"))["repository_size_cases"]))')
[ "${#size_cases[@]}" -gt 0 ] || { echo "cases.yml and repository_cases.yml list no size cases"; exit 1; }
# The tables (hostile.yml) run on the first four lanes whatever the number of size cases: more cases side by side on
# two cores would only bring each nearer its time limit.
table_lanes=4
start_codearts_lanes "$(( ${#size_cases[@]} > table_lanes ? ${#size_cases[@]} : table_lanes ))"
out="${CODEARTS_EMULATOR_DIR}/hostile"
mkdir -p "${out}"

# A failure of the tables is reported at once, and fails the target at the end: the leak scan and the size cases run
# all the same, so that one failing case hides nothing else.
tables_failed=0
test_playbook -i "${CODEARTS_LANES_INVENTORY}" --limit "lanes[0:$((table_lanes - 1))]" -e "{\"lane_count\": ${table_lanes}}" \
    hostile.yml --diff -vvvv "$@" > "${out}/stdout.txt" 2> "${out}/stderr.txt" \
    || { grep -E -B4 -A4 '"assertion"' "${out}/stdout.txt" | cut -c1-3000; tail -n 5 "${out}/stdout.txt"; cat "${out}/stderr.txt"; tables_failed=1; }
grep -h -E "^lane[0-9]+ +:" "${out}/stdout.txt"
if grep -h "Callback dispatch 'v2_on_file_diff' failed" "${out}/stdout.txt" "${out}/stderr.txt"; then exit 1; fi
sed -n '/^TASK \[The hostile-server and hostile-environment tables as measured\]/,/^TASK/p' "${out}/stdout.txt" \
    | grep -E '^ +"[^"|]+ \| (failed|changed|ok) \| [0-9.]+ s \|' | cut -c1-220
grep -E '"msg": "[0-9]+ hostile inputs refused' "${out}/stdout.txt" || [ "${tables_failed}" = 1 ]

# Secrets: what the cases send as credentials, the markers of the hostile inputs, and any token IAM issued.
secrets=(alice-token carol-token zoe-token alice-pw-4821 carol-temp-secret carol-sts-8b41e HOSTILE-SECRET-MARK
    'iam-[0-9a-f]{32}')
scan() {  # scan FILE...: print every secret found; 0 when none is, 1 when one is, 2 when a file cannot be scanned
    local found=0 secret file status
    for file in "$@"; do
        # A missing or empty file holds no secret and proves nothing: it is a failure, not a clean scan.
        [ -s "${file}" ] || { echo "the leak scan cannot read ${file##*/}: it is missing or empty"; return 2; }
    done
    for secret in "${secrets[@]}"; do
        for file in "$@"; do
            status=0
            grep -q -E -- "${secret}" "${file}" || status=$?
            case "${status}" in
                0)
                    echo "LEAK: ${secret} appears in ${file##*/}:"
                    grep -n -E -- "${secret}" "${file}" | sed -E "s/${secret}/<SECRET>/g" | cut -c1-300 | head -n 3
                    found=1
                    ;;
                1) ;;
                *) echo "the leak scan could not read ${file##*/} (grep exited ${status})"; return 2 ;;
            esac
        done
    done
    return "${found}"
}
# The scan must be able to fail: text holding a secret has to be caught (as a leak, not as a file it cannot read).
printf 'module said: %s\n' "HOSTILE-SECRET-MARK" > "${out}/canary.txt"
status=0
scan "${out}/canary.txt" > /dev/null || status=$?
[ "${status}" -eq 1 ] || { echo "the leak scan missed a secret put there on purpose (status ${status})"; exit 1; }
# stderr holds ansible-playbook's warnings: it must be there, but a run without warnings would leave it empty.
[ -f "${out}/stderr.txt" ] || { echo "the leak scan cannot read stderr.txt: it is missing"; exit 1; }
scanned=("${out}/stdout.txt")
[ ! -s "${out}/stderr.txt" ] || scanned+=("${out}/stderr.txt")
scan "${scanned[@]}" || exit 1
echo "no secret leaked: ${#secrets[@]} patterns in $(wc -c < "${out}/stdout.txt") bytes of -vvvv output; the canary was caught"

# Memory: the peak resident size of a whole ansible-playbook run (the module's process included), per size case.
# They run at the same time, each on its own lane's emulator and under its own /usr/bin/time, which counts only
# the processes of its own run.
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: install the Debian package 'time'"; exit 1; }
size_case() {  # size_case INDEX ARGS...: size case INDEX on lane INDEX+1, measured, scanned and judged
    local index="$1" kilobytes seconds case_seconds
    shift
    /usr/bin/time -v -o "${out}/time-${index}.txt" ansible-playbook -i "${CODEARTS_LANES_INVENTORY}" \
        --limit "lane$((index + 1))" -e "{\"case_name\": \"${size_cases[${index}]}\"}" size.yml -vvvv "$@" \
        > "${out}/size-${index}.txt" 2>&1 \
        || { grep -E -A4 '"assertion"' "${out}/size-${index}.txt" | cut -c1-2000; tail -n 5 "${out}/size-${index}.txt"; return 1; }
    scan "${out}/size-${index}.txt" || return 1
    kilobytes="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "${out}/time-${index}.txt")"
    seconds="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "${out}/time-${index}.txt")"
    # The case's own time, from its row (case.yml), checked there against the case's limit.
    case_seconds="$(grep -F -- "\"${size_cases[${index}]} | " "${out}/size-${index}.txt" | sed -n -E 's/.* \| ([0-9.]+) s \|.*/\1/p' | head -n 1)"
    echo "peak memory, ${size_cases[${index}]}: $((kilobytes / 1024)) MiB; case ${case_seconds:-?} s, ${seconds} for the whole playbook"
    [ "${kilobytes}" -lt 262144 ] || { echo "more than 256 MiB: the answer was not capped"; return 1; }
}
export_test_plugins
for index in "${!size_cases[@]}"; do
    start_job size_case "${index}" "$@"
done
finish_jobs
[ "${tables_failed}" = 0 ] || { echo "the hostile tables failed: see their failures above"; exit 1; }
