#!/usr/bin/env bash
# How fast the modules run, next to what a playbook would do without them. On demand only: not part of any test.
#
#   bash tools/benchmark.sh
#
# Environment:
#   CODEARTS_BENCH_WORKDIR  a directory to keep between runs: its virtualenv (venv/) is reused, so a second run
#                           starts in seconds, and the last run's playbooks, logs and timings stay in last-run/.
#                           Without it a temporary directory is used and removed at the end.
#   CODEARTS_BENCH_ROUNDS   rounds to spread the tasks over (default 4)
#   CODEARTS_BENCH_TASKS    tasks of each kind in all (default 20)
#   CODEARTS_BENCH_ENFORCE  when set, exit 3 if a ratio misses its target
#   PYTHON                  the Python to make the virtualenv with (default python3)
#   ANSIBLE_*               apply as usual (for example ANSIBLE_PIPELINING=1 to measure with pipelining)
#
# What it does: a virtualenv with ansible-core, requests and cryptography (the emulator's certificates); the
# collection built from this checkout and installed into a temporary collections path; the CodeArts Repo emulator
# started on 127.0.0.1 (and stopped on every exit path). Then, in one invocation, so that both sides of each
# comparison share the machine's conditions, CODEARTS_BENCH_ROUNDS ansible-playbook runs, each holding:
#   - a warm-up play, not timed (the first use of a module in a run builds its AnsiballZ payload);
#   - ping, a hand-written uri GET of /v4/user/emails (X-Auth-Token, the emulator's CA) and
#     codearts_user_email_info, interleaved task by task, the order turning at every step;
#   - email changes: codearts_user_email (send_verify_code false, as the emulator's user carol needs no code)
#     and a hand-written uri GET + uri PUT pair doing the same change, interleaved, each setting the address the
#     user does not have, so that every one really changes it;
#   - a play over 50 hosts (local connection, forks 10) running the info module once each, and one running ping,
#     their order swapped every round.
# The emulator: started from tests/emulator on 127.0.0.1 as the tests start it. It sets TCP_NODELAY, as
# production HTTP servers do; before it did, an answer's body waited for the client's delayed ACK on a kept-alive
# connection, about 40 ms per request for requests that uri (which closes its connections) never paid.
# How a task is timed: a callback (tools/benchmark_report.py, installed as benchmark_timer) notes the
# controller's monotonic clock when the task starts and when each host's result reaches the controller. A task's
# time is start to its last result: for one host that is fork, module transfer and run, and the result's way back,
# without ansible-playbook's start-up or the time between tasks; a pair's time is its two tasks added; a 50-host
# task's time is the whole task, start to the last host's result. Per kind the report gives the median over all
# its tasks (and each round's median, to show the noise). Each ratio is the median of paired ratios: a task over
# its neighbour of the same step (for 50 hosts: of the same round), which ran under the same load, so that load
# from other work cancels out pair by pair; the ratio of the two medians is shown beside it.
# The machine may be shared: uptime is shown before and after, and the CPU time that other processes used while
# the tasks were timed (all CPU time used on the machine, from /proc/stat, less this script's children's and the
# emulator's) is reported, with a warning when it was more than a tenth of the machine.
# The run checks itself: every task must succeed, every module change report changed, and the emulator must have
# applied exactly two changes per step, each to the other address; otherwise it exits 1.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"
rounds="${CODEARTS_BENCH_ROUNDS:-4}"
tasks="${CODEARTS_BENCH_TASKS:-20}"
if [ -n "${CODEARTS_BENCH_WORKDIR:-}" ]; then
    work="${CODEARTS_BENCH_WORKDIR}"
    mkdir -p "${work}"
    keep_work=1
else
    work="$(mktemp -d)"
    keep_work=0
fi
run="$(mktemp -d "${work}/run.XXXXXX")"

emulator_pid=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    if [ -n "${emulator_pid}" ]; then
        kill "${emulator_pid}" 2>/dev/null || true
        wait "${emulator_pid}" 2>/dev/null || true
    fi
    if [ "${keep_work}" = 1 ]; then
        rm -rf "${work}/last-run" "${run}/collections" && mv "${run}" "${work}/last-run"
    else
        rm -rf "${work}"
    fi
}
trap cleanup EXIT

step() { printf '\n===== %s =====\n' "$*"; }
cpu_busy() {  # CPU seconds all cores have been busy since boot (steal and idle waiting not counted)
    awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat
}
cpu_of() {  # cpu_of PID...: the CPU seconds of these processes and of their children they waited for
    local pid
    for pid in "$@"; do
        awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13 + $14 + $15) / hz }' "/proc/${pid}/stat"
    done | awk '{ total += $1 } END { print total + 0 }'
}
started=${SECONDS}

step "Virtualenv with ansible-core and the modules' requirements (${work}/venv)"
venv="${work}/venv"
if [ -x "${venv}/bin/ansible-playbook" ] && "${venv}/bin/python" -c 'import requests, cryptography' 2>/dev/null; then
    echo "Reusing it."
else
    if ! { "${python}" -m venv "${venv}" && "${venv}/bin/python" -m pip install --quiet --upgrade pip \
            && "${venv}/bin/python" -m pip install --quiet ansible-core -r "${repo}/requirements.txt" cryptography
         } > "${work}/pip.log" 2>&1; then
        cat "${work}/pip.log" >&2
        exit 1
    fi
fi
export PATH="${venv}/bin:${PATH}"
"${venv}/bin/python" -c 'import ansible.release, requests, sys
print("ansible-core %s, requests %s, Python %s" % (ansible.release.__version__, requests.__version__, sys.version.split()[0]))'

echo "Machine before: $(uptime)"

step "Building and installing huaweicloud.codearts from ${repo}"
export ANSIBLE_COLLECTIONS_PATH="${run}/collections"
if git -C "${repo}" rev-parse --git-dir >/dev/null 2>&1; then
    echo "Checkout at $(git -C "${repo}" rev-parse --short HEAD)$( [ -n "$(git -C "${repo}" status --porcelain -- plugins)" ] \
        && echo ", with uncommitted changes in plugins/")"
fi
ansible-galaxy collection build --force --output-path "${run}" "${repo}" > "${run}/build.log"
ansible-galaxy collection install -p "${run}/collections" "${run}"/huaweicloud-codearts-*.tar.gz > "${run}/install.log"

step "Starting the CodeArts Repo emulator on 127.0.0.1"
mkdir -p "${run}/emulator"
PYTHONPATH="${repo}/tests/emulator" "${venv}/bin/python" -m codearts_emulator --host 127.0.0.1 --state-dir "${run}/emulator" \
    > "${run}/emulator/emulator.log" 2>&1 &
emulator_pid=$!
emulator_vars="${run}/emulator/emulator.json"
for _ in $(seq 1 100); do
    [ -s "${emulator_vars}" ] && break
    kill -0 "${emulator_pid}" 2>/dev/null || break
    sleep 0.1
done
if [ ! -s "${emulator_vars}" ]; then
    echo "The emulator did not start:" >&2
    cat "${run}/emulator/emulator.log" >&2
    exit 1
fi
python -c 'import json, sys; print(json.load(open(sys.argv[1]))["emulator_url"])' "${emulator_vars}"

# Only this run's settings: no ansible.cfg from the checkout, the home directory or /etc.
mkdir -p "${run}/callback_plugins" "${run}/playbooks"
cp "${repo}/tools/benchmark_report.py" "${run}/callback_plugins/benchmark_timer.py"
cat > "${run}/ansible.cfg" <<CFG
[defaults]
forks = 10
callback_plugins = ${run}/callback_plugins
callbacks_enabled = benchmark_timer
localhost_warning = false
CFG
export ANSIBLE_CONFIG="${run}/ansible.cfg" CODEARTS_BENCH_TIMINGS="${run}/timings.jsonl"
python "${repo}/tools/benchmark_report.py" playbooks "${run}/playbooks" "${rounds}" "${tasks}"

step "Timing ${tasks} tasks of each kind over ${rounds} rounds"
uptime_before="$(uptime)"
busy_before="$(cpu_busy)"
ours_before="$(cpu_of "$$" "${emulator_pid}")"
timing_started=${SECONDS}
for round in $(seq 1 "${rounds}"); do
    round_started=${SECONDS}
    if ! (cd "${run}" && CODEARTS_BENCH_ROUND="${round}" ansible-playbook -i "${run}/playbooks/inventory.yml" \
            -e @"${emulator_vars}" "${run}/playbooks/round${round}.yml" > "${run}/round${round}.log" 2>&1); then
        echo "Round ${round} failed; the end of its output:" >&2
        tail -n 40 "${run}/round${round}.log" >&2
        exit 1
    fi
    echo "round ${round}: $((SECONDS - round_started)) s"
done
busy_after="$(cpu_busy)"
ours_after="$(cpu_of "$$" "${emulator_pid}")"
timing_seconds=$((SECONDS - timing_started))
uptime_after="$(uptime)"

step "Report"
status=0
python "${repo}/tools/benchmark_report.py" report "${CODEARTS_BENCH_TIMINGS}" "${emulator_vars}" "${tasks}" "${rounds}" \
    || status=$?
echo
echo "Machine before timing: ${uptime_before}"
echo "Machine after timing:  ${uptime_after}   (this includes the benchmark's own load: forks 10 on $(nproc) cores)"
awk -v busy="$(awk -v a="${busy_after}" -v b="${busy_before}" 'BEGIN { print a - b }')" \
    -v ours="$(awk -v a="${ours_after}" -v b="${ours_before}" 'BEGIN { print a - b }')" \
    -v wall="${timing_seconds}" -v cores="$(nproc)" 'BEGIN {
        other = busy - ours; if (other < 0) other = 0
        printf "CPU while timing (%d s on %d cores): the benchmark %.0f s, other processes %.0f s (%.0f%% of the machine)\n", \
            wall, cores, ours, other, 100 * other / (wall * cores)
        if (other > wall * cores / 10)
            print "Other work used more than a tenth of the machine while timing: the numbers are noisy;" \
                " run again when it is quieter."
    }'
echo "Whole run: $((SECONDS - started)) s"
exit "${status}"
