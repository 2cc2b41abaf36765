#!/usr/bin/env bash
# Run every test of the collection on a fresh machine, installing what it needs from the package indexes:
#   - ansible-test sanity and units on ansible-core 2.16 (Python 3.12), 2.17, 2.18, 2.19 (Python 3.11), 2.20 and
#     the newest (the middle releases: the modules' unit tests); ansible-test integration on the newest, and on
#     2.16 the targets of the alias group every_release/ (the targets whose aliases name every_release);
#   - the modules compiled with the oldest Python they declare (tests/config.yml);
#   - antsibull-nox's extra checks (no unwanted files, the action group, no trailing white space: antsibull-nox.toml);
#   - ansible-lint (production profile) at the checkout root with no arguments, as a user runs it;
#   - antsibull-docs lint and antsibull-changelog lint;
#   - ansible-galaxy collection build and install, the artifact's contents, ansible-doc on the installed collection;
#   - ansible-builder introspect, and ansible-builder create on the execution-environment definitions;
#   - galaxy-importer on the built tarball (without containers);
#   - the documentation site, built offline with warnings as errors.
# Exits non-zero when anything fails; the summary gives each step's wall and CPU time. docs/testing.md says what
# runs where and why. The work directory is removed at the end unless CODEARTS_TEST_WORKDIR names one to keep
# (its virtualenvs, and ansible-test's, are then reused).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${CODEARTS_TEST_WORKDIR:-}" ]; then
    work="$(mkdir -p "${CODEARTS_TEST_WORKDIR}" && cd "${CODEARTS_TEST_WORKDIR}" && pwd)"
    keep_work=1
else
    work="$(mktemp -d)"
    keep_work=0
fi
# "ansible-core requirement|Python version|ansible-test commands"
matrix=(
    "ansible-core>=2.16,<2.17|3.12|sanity units integration=every_release/"
    "ansible-core>=2.17,<2.18|3.12|sanity units"
    "ansible-core>=2.18,<2.19|3.12|sanity units"
    "ansible-core>=2.19,<2.20|3.11|sanity units"
    "ansible-core>=2.20,<2.21|3.12|sanity units"
    "ansible-core>=2.21|3.12|sanity units integration"
)
# Every unit test runs on the oldest and the newest release (Python 3.12) and on the only Python 3.11 one. The
# middle releases run the modules' tests (tests/unit/plugins/modules), which drive each module through that
# release's AnsibleModule: argument specs, check mode, no_log, results. The other unit tests (module_utils, the
# promises, the emulator's) run the same code on the same Python on every release, and what they use of
# ansible-core is that AnsibleModule. docs/testing.md has the measurements.
full_unit_entries=(0 3 5)
middle_release_units="tests/unit/plugins/modules/"
# Integration: every target on the newest release; on the oldest, the targets whose aliases name this group (the
# playbooks a user runs, secrets at -vvvv, AWX, the intermediaries); the matrices of faults, hostile answers, bad
# input and load test the modules' own logic, which does not differ between releases, and cost 7 minutes a run.
# Sanity and units run in three lanes side by side, each lane one release with every unit test and one with the
# modules' tests, one after the other; the ecosystem tools run in a fourth lane beside them. The machines have two
# cores, but two lanes left a third of them idle (1,120 s of CPU in 805 s): ansible-test waits for pip in each of its
# sanity virtualenvs, and a third lane fills those waits.
lanes=("0 1" "3 2" "5 4")
tools_python="3.11"
tools=(ansible-core ansible-lint antsibull-docs antsibull-changelog ansible-builder galaxy-importer
       -r "${repo}/docs/docsite/requirements.txt")
# antsibull-nox in a virtualenv of its own: nox needs a newer attrs than galaxy-importer allows.
nox_tools=("antsibull-nox>=1,<2")
started=$SECONDS
summary=()
# ansible-test's own environments (its sanity virtualenvs and the cached get-pip stand-in) live in its HOME: one
# per release in the work directory, so that a run starts as fresh as the machine it is on and leaves nothing behind,
# and so that lanes running side by side never build the same sanity virtualenv at once (releases on one Python
# share requirement sets, and ansible-test does not lock them).
home_of() { echo "${work}/home-$1"; }
mkdir -p "${work}/bin"

step() { printf '\n===== %s =====\n' "$*"; }
record() { summary+=("$(printf '%-70s %5ss %9s %s' "$1" "$2" "${3:+${3}s cpu}" "${4:-}")"); }

cpu_now() {  # CPU=the user + system CPU time, in hundredths of a second, of this shell's finished children
    # `times` must run in this shell itself: in a command substitution it would count the substitution's children.
    local file="${work}/.times.${BASHPID}"
    times > "${file}"
    CPU="$(sed -n 2p "${file}" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); n += p[1] * 60 + p[2] } printf "%d", n * 100 }')"
    rm -f "${file}"
}
format_cpu() { printf '%d' $(( ($1 + 50) / 100 )); }

find_python() {  # the interpreter for a version, from PATH or pyenv's versions
    local version="$1" candidate
    for candidate in "$(command -v "python${version}" || true)" "$(pyenv root 2>/dev/null || echo /root/.pyenv)"/versions/"${version}".*/bin/python"${version}"; do
        if [ -n "${candidate}" ] && [ -x "${candidate}" ] && "${candidate}" -c 'import ensurepip, venv' 2>/dev/null; then
            echo "${candidate}"
            return 0
        fi
    done
    echo "No working python${version} found (looked on PATH and in pyenv's versions)." >&2
    return 1
}

uv_venv() {  # uv_venv DIR PYTHON compile|lazy PACKAGE...: create (or reuse) a virtualenv with uv, install the packages
    local dir="$1" python="$2" compile=()
    # compile: byte-compiled now, with every core, for programs this script runs itself: PYTHONDONTWRITEBYTECODE
    # (set on these machines) would have each of their runs compile what it imports again. lazy: for the
    # ansible-core releases, whose code ansible-test runs with its own environment, which compiles on import.
    [ "$3" = compile ] && compile=(--compile-bytecode)
    shift 3
    [ -x "${dir}/bin/python" ] || "${work}/bin/uv" venv --quiet --python "${python}" "${dir}"
    "${work}/bin/uv" pip install --quiet "${compile[@]}" --python "${dir}/bin/python" "$@"
}

copy_collection() {  # ansible-test needs the collection at .../ansible_collections/huaweicloud/codearts
    local target="$1/ansible_collections/huaweicloud/codearts"
    rm -rf "$1"
    mkdir -p "${target}"
    if git -C "${repo}" rev-parse --git-dir >/dev/null 2>&1; then
        git -C "${repo}" ls-files -co --exclude-standard -z | (cd "${repo}" && tar --null -cf - -T -) | tar -xf - -C "${target}"
    else
        (cd "${repo}" && tar --exclude=./tests/output --exclude=./.ansible -cf - .) | tar -xf - -C "${target}"
    fi
    echo "${target}"
}

install_get_pip_standin() {  # install_get_pip_standin VENV HOME: ansible-test downloads get-pip from a host these
    # machines cannot reach
    local venv="$1" home="$2" version
    version="$("${venv}/bin/python" - <<'PY'
import re, ansible_test, pathlib
source = pathlib.Path(ansible_test.__file__).parent.joinpath("_internal", "python_requirements.py").read_text()
print(re.search(r"pip='([0-9.]+)'", source).group(1))
PY
)"
    mkdir -p "${home}/.ansible/test/cache"
    cp "${repo}/tools/get_pip_standin.py" "${home}/.ansible/test/cache/get_pip_${version//./_}.py"
}

reap() {  # reap DIR WHAT: stop the processes still running from DIR (left behind by a test), and say so
    local dir="$1" what="$2" file pid pids=() signal args=()
    for signal in TERM KILL; do
        pids=()
        for file in /proc/[0-9]*/cmdline; do  # read by bash itself: a grep would find its own command line
            pid="${file#/proc/}"
            pid="${pid%/cmdline}"
            { [ "${pid}" = "$$" ] || [ "${pid}" = "${BASHPID}" ]; } && continue
            mapfile -d '' args 2>/dev/null < "${file}" || continue
            [[ " ${args[*]} " == *"${dir}/"* ]] && pids+=("${pid}")
        done
        [ "${#pids[@]}" -eq 0 ] && return 0
        [ "${signal}" = TERM ] && echo "${what} left ${#pids[@]} processes running (${dir}); stopping them."
        kill "-${signal}" "${pids[@]}" 2>/dev/null || true
        if [ "${signal}" = TERM ]; then sleep 5; fi
    done
}

cleanup() {
    reap "${work}" "tools/test.sh" || true
    [ "${keep_work}" = 1 ] || rm -rf "${work}"
}
trap cleanup EXIT

service_pids() {  # the processes of the services the Debian packages below would start
    local name
    for name in nginx squid tinyproxy; do
        pgrep -x "${name}" || true
    done
}

ensure_debian_packages() {  # ShellCheck (ansible-test skips it with only a warning), pandoc, the proxies the
    # codearts_intermediaries target runs (nginx, squid, tinyproxy: on Debian two are in /usr/sbin), and GNU time
    # (/usr/bin/time, which codearts_hostile measures memory with; the shell's `time` keyword is not it)
    local missing=() program
    for program in shellcheck pandoc nginx squid tinyproxy; do
        PATH="${PATH}:/usr/sbin:/sbin" command -v "${program}" >/dev/null || missing+=("${program}")
    done
    [ -x /usr/bin/time ] || missing+=(time)
    [ "${#missing[@]}" -eq 0 ] && { echo "shellcheck, pandoc, nginx, squid, tinyproxy and GNU time are installed."; return 0; }
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "${missing[*]} missing and cannot be installed here (needs root and apt-get)." >&2
        return 1
    fi
    step "installing ${missing[*]} (Debian packages)"
    # In a subshell, so that its trap removes the policy whatever happens.
    (
        # Installing a service starts it: a policy-rc.d answering 101 (action forbidden) stops that. One that is
        # already there (Docker's images have one) is left as it is.
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            trap 'rm -f /usr/sbin/policy-rc.d' EXIT
            printf '#!/bin/sh\n# tools/test.sh: no service starts while it installs packages\nexit 101\n' > /usr/sbin/policy-rc.d
            chmod 0755 /usr/sbin/policy-rc.d
        fi
        before="$(service_pids)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
        after="$(service_pids)"
        if [ "${after}" != "${before}" ]; then
            echo "Installing started a service (pids ${after//$'\n'/ }): policy-rc.d did not hold." >&2
            exit 1
        fi
    )
}

check_integration_targets() {  # check_integration_targets LOG COLLECTION WHAT [GROUP]: every codearts_* target ran
    # (with GROUP, every codearts_* target whose aliases name it)
    local expected ran
    expected="$(find "$2/tests/integration/targets" -mindepth 1 -maxdepth 1 -type d -name 'codearts_*' -printf '%f\n' | sort)"
    if [ -n "${4:-}" ]; then
        expected="$(while read -r target; do grep -qx "${4%/}" "$2/tests/integration/targets/${target}/aliases" && echo "${target}"; done <<< "${expected}")"
    fi
    ran="$(sed -n -E 's/^Running ([^ ]+) integration test (script|role)$/\1/p' "$1" | sort -u)"
    echo "integration targets run: $(grep -c . <<< "${ran}") of $(grep -c . <<< "${expected}") (tests/integration/targets/codearts_*${4:+ in ${4}})"
    if [ "${ran}" != "${expected}" ]; then
        echo "$3: the targets that ran are not the codearts_* targets; not run, or run but unexpected:" >&2
        diff <(echo "${expected}") <(echo "${ran}") >&2 || true
        return 1
    fi
}

check_log() {  # check_log LOG WHAT: fail on a skipped sanity test or an unsupported-version warning
    if grep -q "Required program .* not found" "$1"; then
        echo "$2 skipped a test for want of a program (see above): that is a failure here." >&2
        return 1
    fi
    if grep -q "does not support Ansible version" "$1"; then
        echo "$2: ansible-core warned that the collection does not support it (see above): requires_ansible is wrong." >&2
        return 1
    fi
}

preinstall_unit_requirements() {  # preinstall_unit_requirements VENV COLLECTION VERSION
    # What `ansible-test units` installs with pip into its virtualenv (ansible-test's units.txt, then the
    # collection's tests/unit/requirements.txt, each with the same constraints), installed first with uv: pip
    # then finds every requirement satisfied. 17 s of CPU less per release. Without that virtualenv (which the
    # sanity run makes) ansible-test installs them itself.
    local delegation="$2/tests/output/.tmp/delegation/python$3" data unit_constraints=()
    [ -x "${delegation}/bin/python" ] || return 0
    data="$("$1/bin/python" -c 'import ansible_test, os; print(os.path.join(os.path.dirname(ansible_test.__file__), "_data", "requirements"))')"
    "${work}/bin/uv" pip install --quiet --python "${delegation}/bin/python" -r "${data}/units.txt" -c "${data}/constraints.txt"
    if [ -f "$2/tests/unit/requirements.txt" ]; then
        [ -f "$2/tests/unit/constraints.txt" ] && unit_constraints=(-c "$2/tests/unit/constraints.txt")
        "${work}/bin/uv" pip install --quiet --python "${delegation}/bin/python" -r "$2/tests/unit/requirements.txt" \
            "${unit_constraints[@]}" -c "${data}/constraints.txt"
    fi
}

prepare_entry() {  # prepare_entry INDEX: the entry's ansible-core in its virtualenv, the get-pip stand-in, the tree
    local index="$1" requirement version _commands venv
    IFS='|' read -r requirement version _commands <<< "${matrix[${index}]}"
    venv="${work}/venv-${index}"
    uv_venv "${venv}" "$(find_python "${version}")" lazy "${requirement}"
    install_get_pip_standin "${venv}" "$(home_of "${index}")"
    [ -d "${work}/tree-${index}" ] || copy_collection "${work}/tree-${index}" > /dev/null
}

run_entry() {  # run_entry INDEX COMMAND [GROUP]: run one ansible-test command on the entry's release (integration: the
    # targets of an alias group, or all); fail if it failed
    # Every step says "|| ok=0" or "|| return 1": called as "run_entry ... || ...", errexit does not apply in here.
    local index="$1" command="$2" group="${3:-}" requirement version _commands venv tree collection core t c log ok=1 arguments=()
    IFS='|' read -r requirement version _commands <<< "${matrix[${index}]}"
    venv="${work}/venv-${index}"
    tree="${work}/tree-${index}"
    collection="${tree}/ansible_collections/huaweicloud/codearts"
    core="ansible-core $("${venv}/bin/python" -c 'from ansible.release import __version__; print(__version__)')" || return 1
    step "${core}, Python ${version}: ansible-test ${command}"
    t=$SECONDS
    cpu_now
    c=${CPU}
    log="${work}/${command}-${index}.log"
    if [ "${command}" = units ]; then
        preinstall_unit_requirements "${venv}" "${collection}" "${version}" || ok=0
        if [[ " ${full_unit_entries[*]} " != *" ${index} "* ]]; then
            arguments=("${middle_release_units}")
            echo "NOT RUN on ${core}: the unit tests outside ${middle_release_units} (they run on 2.16, 2.19 and the newest; docs/testing.md)"
            echo "TIME|  unit tests outside ${middle_release_units} not run on ${core}|0||not run"
        fi
    fi
    if [ -n "${group}" ]; then
        arguments=("${group}")
        echo "NOT RUN on ${core}: the integration targets whose aliases do not name ${group} (they run on the newest; docs/testing.md)"
    fi
    # The integration targets print "TIME|  target NAME|SECONDS" lines themselves: collect puts them in the summary.
    (cd "${collection}" && HOME="$(home_of "${index}")" "${venv}/bin/ansible-test" "${command}" --venv --python "${version}" --color no "${arguments[@]}") \
        > "${log}" 2>&1 || ok=0
    cat "${log}"
    reap "${tree}" "ansible-test ${command} on ${core}"
    [ "${ok}" = 1 ] || echo "ansible-test ${command} failed on ${core}" >&2
    check_log "${log}" "ansible-test ${command} on ${core}" || ok=0
    if [ "${command}" = integration ]; then
        check_integration_targets "${log}" "${collection}" "ansible-test integration on ${core}" "${group}" || ok=0
    fi
    cpu_now
    echo "TIME|ansible-test ${command}: ${core} (Python ${version})|$((SECONDS - t))|$((CPU - c))|$([ "${ok}" = 1 ] || echo FAILED)"
    [ "${ok}" = 1 ]
}

run_lane() {  # run_lane LOG INDEX...: sanity and units for these entries, one after the other, into LOG; all of
    # them, whatever fails, so that one run tells every failure
    local log="$1" index command ok=1
    shift
    for index in "$@"; do
        for command in sanity units; do
            run_entry "${index}" "${command}" || ok=0
        done
    done > "${log}" 2>&1
    [ "${ok}" = 1 ]
}

timed() {  # timed LABEL FUNCTION: run it with errexit (a failing command fails it), write "TIME|LABEL|wall|cpu|status"
    local label="$1" t=$SECONDS c ok=1
    shift
    cpu_now
    c=${CPU}
    # In the background and waited for: errexit does not apply inside anything that is part of a "||" list.
    (set -e; "$@") &
    wait "$!" || ok=0
    cpu_now
    echo "TIME|${label}|$((SECONDS - t))|$((CPU - c))|$([ "${ok}" = 1 ] || echo FAILED)"
    [ "${ok}" = 1 ]
}

failed=()
collect() {  # collect LOG: print the log without its TIME| lines, and add those to the summary (and to failed)
    local log="$1" what seconds cpu result
    grep -v '^TIME|' "${log}" || true
    while IFS='|' read -r _tag what seconds cpu result; do
        record "${what}" "${seconds}" "${cpu:+$(format_cpu "${cpu}")}" "${result}"
        [ "${result}" != FAILED ] || failed+=("${what}")
    done < <(grep '^TIME|' "${log}")
}

collect_checked() {  # collect_checked LOG STATUS WHAT: collect LOG; a failure (STATUS) that no TIME line names fails WHAT
    local before="${#failed[@]}"
    collect "$1"
    if [ "$2" != 0 ] && [ "${#failed[@]}" = "${before}" ]; then failed+=("$3 (see its output above)"); fi
}

# ---- the ecosystem tools, one after the other (the third lane) ----

tools_venv="${work}/venv-tools"

built_tarball() { ls "${work}/build"/huaweicloud-codearts-*.tar.gz; }

tool_extra_checks() {
    step "antsibull-nox extra checks: no unwanted files, the action group, no trailing white space (antsibull-nox.toml)"
    # --no-venv: the checks are scripts that antsibull-nox runs with its own interpreter; nothing to install.
    (cd "${repo}" && "${work}/venv-nox/bin/nox" --no-venv --envdir "${work}/nox" --no-color --session extra-checks)
}

tool_ansible_lint() {
    step "ansible-lint --profile production, at the checkout root with no arguments"
    (cd "${tools_collection}" && ansible-lint --profile production)
}

tool_docs_lint() {
    step "antsibull-docs lint-collection-docs; antsibull-changelog lint"
    (cd "${tools_collection}" && antsibull-docs lint-collection-docs --plugin-docs . && antsibull-changelog lint -v)
}

tool_galaxy() {
    step "ansible-galaxy collection build and install; the artifact; ansible-doc on the installed collection"
    rm -rf "${work}/build" "${work}/installed"
    (cd "${tools_collection}" && ansible-galaxy collection build --output-path "${work}/build")
    local tarball
    tarball="$(built_tarball)"
    ansible-galaxy collection install -p "${work}/installed" "${tarball}"
    python "${repo}/tools/check_artifact.py" "${tarball}"
    local modules
    mapfile -t modules < <(find "${repo}/plugins/modules" -name '*.py' -printf 'huaweicloud.codearts.%f\n' | sed 's/\.py$//' | sort)
    # One ansible-doc for all modules. It exits 0 even for a module it cannot find, so each module must be in
    # its answer, with the connection options of the doc fragment (ca_path).
    ANSIBLE_COLLECTIONS_PATH="${work}/installed" ansible-doc --json "${modules[@]}" > "${work}/modules.doc.json"
    python - "${work}/modules.doc.json" "${modules[@]}" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))
for module in sys.argv[2:]:
    options = ((docs.get(module) or {}).get("doc") or {}).get("options") or {}
    if "ca_path" not in options:
        sys.exit("ansible-doc did not render %s with its connection options (ca_path)" % module)
    print("ansible-doc renders %s (%d options)" % (module, len(options)))
PY
}

tool_builder() {
    step "ansible-builder: introspect the installed collection; create the execution environments' build contexts"
    ansible-builder introspect --sanitize "${work}/installed" | tee "${work}/ee-dependencies.yml"
    grep -q "requests.*from collection huaweicloud.codearts" "${work}/ee-dependencies.yml"
    cp "$(built_tarball)" "${tools_collection}/docs/awx/huaweicloud-codearts.tar.gz"
    local definition context
    for definition in execution-environment.yml execution-environment-aap.yml; do
        context="${work}/ee-${definition%.yml}"
        ansible-builder create -f "${tools_collection}/docs/awx/${definition}" -c "${context}" --output-filename Containerfile
        python "${repo}/tools/check_ee_context.py" "${context}" "${tools_collection}/docs/awx/${definition}"
    done
}

tool_importer() {
    step "galaxy-importer on the built tarball (no containers, no ansible-test; it runs ansible-lint on the artifact)"
    printf '[galaxy-importer]\nRUN_ANSIBLE_TEST = False\nLOCAL_IMAGE_DOCKER = False\nRUN_ANSIBLE_LINT = True\n' > "${work}/galaxy-importer.cfg"
    (cd "${work}" && GALAXY_IMPORTER_CONFIG="${work}/galaxy-importer.cfg" python -m galaxy_importer.main "$(built_tarball)") \
        | tee "${work}/galaxy-importer.log"
    grep -q "Importer processing completed successfully" "${work}/galaxy-importer.log"
    if grep -E "^(WARNING|ERROR)" "${work}/galaxy-importer.log"; then
        echo "galaxy-importer reported the problems above." >&2
        return 1
    fi
}

tool_docsite() {
    step "the documentation site (offline, warnings as errors)"
    ANSIBLE_COLLECTIONS_PATH="${work}/installed" bash "${tools_collection}/docs/docsite/build.sh"
    local page
    for page in index collections/huaweicloud/codearts/codearts_user_email_module guides/user-guide guides/awx guides/reliability; do
        test -s "${tools_collection}/docs/docsite/build/html/${page}.html"
    done
}

install_tools() {
    uv_venv "${tools_venv}" "$(find_python "${tools_python}")" compile "${tools[@]}"
    uv_venv "${work}/venv-nox" "$(find_python "${tools_python}")" compile "${nox_tools[@]}"
}

run_tools() {  # the ecosystem tools lane: install them, then run each, timed; all of them, whatever fails
    local ok=1
    timed "install the tools (uv: ansible-lint, antsibull-*, galaxy-importer, Sphinx, antsibull-nox)" install_tools || return 1
    export PATH="${tools_venv}/bin:${PATH}"
    tools_collection="$(copy_collection "${work}/tree-tools")"
    timed "antsibull-nox extra checks (no-unwanted-files, action-groups, whitespace)" tool_extra_checks || ok=0
    timed "ansible-lint --profile production (no arguments)" tool_ansible_lint || ok=0
    timed "antsibull-docs and antsibull-changelog lint" tool_docs_lint || ok=0
    timed "galaxy build + install + artifact check + ansible-doc" tool_galaxy || ok=0
    timed "ansible-builder introspect + create (2 EE definitions)" tool_builder || ok=0
    timed "galaxy-importer (with its ansible-lint of the artifact)" tool_importer || ok=0
    timed "docs site: antsibull-docs + Sphinx -W" tool_docsite || ok=0
    [ "${ok}" = 1 ]
}

# ---- the run ----

step "setup: uv; Debian packages beside it; the modules compiled with their oldest Python"
t=$SECONDS
ensure_debian_packages > "${work}/apt.log" 2>&1 & apt_pid=$!
floor="$(sed -n 's/.*python_requires: *">=\([0-9.]*\)".*/\1/p' "${repo}/tests/config.yml")"
"$(find_python "${floor}")" -m compileall -q "${repo}/plugins"
find "${repo}/plugins" -name __pycache__ -prune -exec rm -rf {} +
record "plugins compile on Python ${floor} (tests/config.yml floor)" $((SECONDS - t))

export UV_SYSTEM_CERTS=1  # uv, unlike pip, has its own certificates unless told to use the system's
# uv makes the virtualenvs (of each ansible-core release, of the tools): a second to install ansible-core where
# pip takes twenty, and one download of each wheel for all of them. ansible-test makes its own with pip.
t=$SECONDS
uv_python="$(find_python "${tools_python}")"
[ -x "${work}/venv-uv/bin/uv" ] || { "${uv_python}" -m venv "${work}/venv-uv" && "${work}/venv-uv/bin/python" -m pip install --quiet uv; }
ln -sf "${work}/venv-uv/bin/uv" "${work}/bin/uv"
# The get-pip stand-in installs pip into ansible-test's virtualenvs with this uv when it finds it on PATH. Only
# uv is in that directory: the uv virtualenv's python must not shadow the interpreters ansible-test looks for.
export PATH="${work}/bin:${PATH}"
record "uv (pip install uv)" $((SECONDS - t))

step "the ${#matrix[@]} ansible-core releases, each in its virtualenv (uv)"
t=$SECONDS
cpu_now
c=${CPU}
for index in "${!matrix[@]}"; do
    prepare_entry "${index}"
    echo "  $(IFS='|' read -r requirement _ _ <<< "${matrix[${index}]}"; echo "${requirement}"): $("${work}/venv-${index}/bin/python" -c 'from ansible.release import __version__; print(__version__)')"
done
cpu_now
record "install the ${#matrix[@]} ansible-core releases (uv)" $((SECONDS - t)) "$(format_cpu $((CPU - c)))"

t=$SECONDS
status=0
wait "${apt_pid}" || status=1
cat "${work}/apt.log"
record "Debian packages (shellcheck, pandoc, nginx, squid, tinyproxy, time; beside the installs)" $((SECONDS - t))
[ "${status}" -eq 0 ] || { echo "Installing the Debian packages failed (see above)." >&2; exit 1; }

step "sanity and units on ${#matrix[@]} ansible-core releases in ${#lanes[@]} lanes; the ecosystem tools in one more lane beside them"
t=$SECONDS
cpu_now
c=${CPU}
pids=()
for lane in "${!lanes[@]}"; do
    # shellcheck disable=SC2086  # the lanes are lists of indexes
    run_lane "${work}/lane-${lane}.log" ${lanes[${lane}]} & pids+=($!)
done
run_tools > "${work}/tools.log" 2>&1 & tools_pid=$!
lane_status=()
for pid in "${pids[@]}"; do wait "${pid}" && lane_status+=(0) || lane_status+=(1); done
tools_status=0
wait "${tools_pid}" || tools_status=1
for lane in "${!lanes[@]}"; do collect_checked "${work}/lane-${lane}.log" "${lane_status[${lane}]}" "sanity/units lane ${lane}"; done
collect_checked "${work}/tools.log" "${tools_status}" "the ecosystem tools lane"
cpu_now
record "  (wall time of the three lanes)" $((SECONDS - t)) "$(format_cpu $((CPU - c)))"

# Integration with nothing else of this script beside it: its targets already run their independent cases side
# by side (see start_codearts_lanes in tests/integration/targets/setup_codearts_emulator/emulator.sh), and their
# time-bounded cases allow for that, not for more. It runs even when something above failed, so that one run
# tells every failure.
for index in "${!matrix[@]}"; do
    IFS='|' read -r _requirement _version commands <<< "${matrix[${index}]}"
    if [[ " ${commands} " =~ \ integration(=([^ ]+))?\  ]]; then
        status=0
        run_entry "${index}" integration "${BASH_REMATCH[2]}" > "${work}/integration-entry-${index}.log" 2>&1 || status=1
        collect_checked "${work}/integration-entry-${index}.log" "${status}" "integration on ${_requirement}"
    fi
done

printf '\n===== summary (%ss in all) =====\n' $((SECONDS - started))
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
    printf '%s step(s) failed:\n' "${#failed[@]}"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
echo "All checks passed."
