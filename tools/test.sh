#!/usr/bin/env bash
# Run every test of the collection on a fresh machine, installing what it needs from the package indexes:
#   - ansible-test sanity and units on ansible-core 2.16 (Python 3.12), 2.17, 2.18, 2.19, 2.20 and the newest;
#     ansible-test integration on 2.16 (Python 3.12) and on the newest;
#   - the modules compiled with the oldest Python they declare (tests/config.yml);
#   - ansible-lint (production profile) at the checkout root with no arguments, as a user runs it;
#   - antsibull-docs lint and antsibull-changelog lint;
#   - ansible-galaxy collection build and install, the artifact's contents, ansible-doc on the installed collection;
#   - ansible-builder introspect, and ansible-builder create on the execution-environment definitions;
#   - galaxy-importer on the built tarball (without containers);
#   - the documentation site, built offline with warnings as errors.
# Exits non-zero when anything fails; the summary gives each step's time. The work directory is removed at
# the end unless CODEARTS_TEST_WORKDIR names one to keep (its virtualenvs are then reused).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${CODEARTS_TEST_WORKDIR:-}" ]; then
    work="${CODEARTS_TEST_WORKDIR}"
    mkdir -p "${work}"
else
    work="$(mktemp -d)"
    trap 'rm -rf "${work}"' EXIT
fi
# "ansible-core requirement|Python version|ansible-test commands"
matrix=(
    "ansible-core>=2.16,<2.17|3.12|sanity units integration"
    "ansible-core>=2.17,<2.18|3.12|sanity units"
    "ansible-core>=2.18,<2.19|3.12|sanity units"
    "ansible-core>=2.19,<2.20|3.11|sanity units"
    "ansible-core>=2.20,<2.21|3.12|sanity units"
    "ansible-core>=2.21|3.12|sanity units integration"
)
tools_python="3.11"
tools=(ansible-core ansible-lint antsibull-docs antsibull-changelog ansible-builder galaxy-importer
       -r "${repo}/docs/docsite/requirements.txt")
started=$SECONDS
summary=()

step() { printf '\n===== %s =====\n' "$*"; }
record() { summary+=("$(printf '%-66s %4ss' "$1" "$2")"); }

find_python() {  # the interpreter for a version, from PATH or pyenv's versions
    local version="$1" candidate
    for candidate in "$(command -v "python${version}" || true)" /root/.pyenv/versions/"${version}".*/bin/python"${version}"; do
        if [ -n "${candidate}" ] && [ -x "${candidate}" ] && "${candidate}" -c 'import ensurepip, venv' 2>/dev/null; then
            echo "${candidate}"
            return 0
        fi
    done
    echo "No working python${version} found (looked on PATH and in /root/.pyenv/versions)." >&2
    return 1
}

make_venv() {  # make_venv DIR PYTHON PACKAGE...: create (or reuse) a virtualenv and install the packages
    local dir="$1" python="$2"
    shift 2
    [ -x "${dir}/bin/python" ] || "${python}" -m venv "${dir}"
    "${dir}/bin/python" -m pip install --quiet --upgrade pip
    "${dir}/bin/python" -m pip install --quiet "$@"
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

install_get_pip_standin() {  # ansible-test downloads get-pip from a host these machines cannot reach
    local venv="$1" version
    version="$("${venv}/bin/python" - <<'PY'
import re, ansible_test, pathlib
source = pathlib.Path(ansible_test.__file__).parent.joinpath("_internal", "python_requirements.py").read_text()
print(re.search(r"pip='([0-9.]+)'", source).group(1))
PY
)"
    mkdir -p "${HOME}/.ansible/test/cache"
    cp "${repo}/tools/get_pip_standin.py" "${HOME}/.ansible/test/cache/get_pip_${version//./_}.py"
}

service_pids() {  # the processes of the services the Debian packages below would start
    local name
    for name in nginx squid tinyproxy; do
        pgrep -x "${name}" || true
    done
}

ensure_debian_packages() {  # ShellCheck (ansible-test skips it with only a warning), pandoc, and the proxies
    # the codearts_intermediaries target runs (nginx, squid, tinyproxy: on Debian two are in /usr/sbin)
    local missing=() program
    for program in shellcheck pandoc nginx squid tinyproxy; do
        PATH="${PATH}:/usr/sbin:/sbin" command -v "${program}" >/dev/null || missing+=("${program}")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
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

check_integration_targets() {  # check_integration_targets LOG COLLECTION WHAT: every codearts_* target ran
    local expected ran
    expected="$(find "$2/tests/integration/targets" -mindepth 1 -maxdepth 1 -type d -name 'codearts_*' -printf '%f\n' | sort)"
    ran="$(sed -n -E 's/^Running ([^ ]+) integration test (script|role)$/\1/p' "$1" | sort -u)"
    echo "integration targets run: $(grep -c . <<< "${ran}") of $(grep -c . <<< "${expected}") (tests/integration/targets/codearts_*)"
    if [ "${ran}" != "${expected}" ]; then
        echo "$3: the targets that ran are not the codearts_* targets; not run, or run but unexpected:" >&2
        diff <(echo "${expected}") <(echo "${ran}") >&2 || true
        return 1
    fi
}

t=$SECONDS
ensure_debian_packages
record "Debian packages (shellcheck, pandoc, nginx, squid, tinyproxy)" $((SECONDS - t))

step "the modules compile with the oldest Python they declare"
t=$SECONDS
floor="$(sed -n 's/.*python_requires: *">=\([0-9.]*\)".*/\1/p' "${repo}/tests/config.yml")"
"$(find_python "${floor}")" -m compileall -q "${repo}/plugins"
find "${repo}/plugins" -name __pycache__ -prune -exec rm -rf {} +
record "plugins compile on Python ${floor} (tests/config.yml floor)" $((SECONDS - t))

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

run_entry() {  # run_entry INDEX COMMAND...: install the entry's ansible-core (once) and run the ansible-test commands
    # Every step says "|| return 1": called from "run_lane ... || return 1", errexit does not apply in here.
    local index="$1" requirement version commands python venv collection core command t log installed=""
    shift
    IFS='|' read -r requirement version commands <<< "${matrix[${index}]}"
    python="$(find_python "${version}")" || return 1
    venv="${work}/venv-${index}"
    collection="${work}/tree-${index}/ansible_collections/huaweicloud/codearts"
    if [ ! -x "${venv}/bin/ansible-test" ] || [ ! -d "${collection}" ]; then
        step "Python ${version}: installing ${requirement}"
        t=$SECONDS
        make_venv "${venv}" "${python}" "${requirement}" || return 1
        install_get_pip_standin "${venv}" || return 1
        collection="$(copy_collection "${work}/tree-${index}")" || return 1
        installed=$((SECONDS - t))
    fi
    core="ansible-core $("${venv}/bin/python" -c 'from ansible.release import __version__; print(__version__)')"
    if [ -n "${installed}" ]; then echo "TIME|install ${core#ansible-core } (Python ${version})|${installed}"; fi
    for command in "$@"; do
        step "${core}, Python ${version}: ansible-test ${command}"
        t=$SECONDS
        log="${work}/${command}-${index}.log"
        (cd "${collection}" && "${venv}/bin/ansible-test" "${command}" --venv --python "${version}" --color no) > "${log}" 2>&1 \
            || { cat "${log}"; echo "ansible-test ${command} failed on ${core}" >&2; return 1; }
        cat "${log}"
        check_log "${log}" "ansible-test ${command} on ${core}" || return 1
        if [ "${command}" = integration ]; then
            check_integration_targets "${log}" "${collection}" "ansible-test integration on ${core}" || return 1
        fi
        echo "TIME|ansible-test ${command}: ${core} (Python ${version})|$((SECONDS - t))"
    done
}

run_lane() {  # run_lane LOG INDEX...: sanity and units for these entries, one after the other, into LOG
    local log="$1" index
    shift
    for index in "$@"; do
        run_entry "${index}" sanity units || return 1
    done > "${log}" 2>&1
}

collect() {  # collect LOG: print the log without its TIME| lines, and add those to the summary
    local log="$1"
    grep -v '^TIME|' "${log}"
    while IFS='|' read -r _tag what seconds; do
        record "${what}" "${seconds}"
    done < <(grep '^TIME|' "${log}")
}

# Sanity and units for the six releases in two lanes side by side (most of their time is installing into
# ansible-test's virtualenvs), and the ecosystem tools installed beside them; integration then runs with
# nothing else of this script beside it: its targets already run their independent cases side by side (see
# start_codearts_lanes in tests/integration/targets/setup_codearts_emulator/emulator.sh), and their
# time-bounded cases allow for that. Each lane's output is printed whole when the lane ends.
step "sanity and units on ${#matrix[@]} ansible-core releases, in two lanes; the ecosystem tools installed beside them"
t=$SECONDS
half=$(( (${#matrix[@]} + 1) / 2 ))
lanes=("$(seq -s ' ' 0 $((half - 1)))" "$(seq -s ' ' "${half}" $((${#matrix[@]} - 1)))")
tools_venv="${work}/venv-tools"
# shellcheck disable=SC2086  # the lanes are lists of indexes
run_lane "${work}/lane-0.log" ${lanes[0]} & lane0=$!
# shellcheck disable=SC2086
run_lane "${work}/lane-1.log" ${lanes[1]} & lane1=$!
make_venv "${tools_venv}" "$(find_python "${tools_python}")" "${tools[@]}" > "${work}/tools-install.log" 2>&1 & tools_pid=$!
status=0
wait "${lane0}" || status=1
wait "${lane1}" || status=1
wait "${tools_pid}" || { cat "${work}/tools-install.log"; status=1; }
collect "${work}/lane-0.log"
collect "${work}/lane-1.log"
record "  (wall time of the two lanes and the tools install)" $((SECONDS - t))
[ "${status}" -eq 0 ] || { echo "sanity, units or the tools install failed (see above)." >&2; exit 1; }

for index in "${!matrix[@]}"; do
    IFS='|' read -r _requirement _version commands <<< "${matrix[${index}]}"
    if [[ " ${commands} " == *" integration "* ]]; then
        status=0
        run_entry "${index}" integration > "${work}/integration-entry-${index}.log" 2>&1 || status=1
        collect "${work}/integration-entry-${index}.log"
        [ "${status}" -eq 0 ] || { echo "ansible-test integration failed (see above)." >&2; exit 1; }
    fi
done

export PATH="${tools_venv}/bin:${PATH}"
collection="$(copy_collection "${work}/tree-tools")"

step "ansible-lint --profile production, at the checkout root with no arguments"
t=$SECONDS
(cd "${collection}" && ansible-lint --profile production)
record "ansible-lint --profile production (no arguments)" $((SECONDS - t))

step "antsibull-docs lint-collection-docs; antsibull-changelog lint"
t=$SECONDS
(cd "${collection}" && antsibull-docs lint-collection-docs --plugin-docs . && antsibull-changelog lint -v)
record "antsibull-docs and antsibull-changelog lint" $((SECONDS - t))

step "ansible-galaxy collection build and install; the artifact; ansible-doc on the installed collection"
t=$SECONDS
rm -rf "${work}/build" "${work}/installed"
(cd "${collection}" && ansible-galaxy collection build --output-path "${work}/build")
tarball="$(ls "${work}/build"/huaweicloud-codearts-*.tar.gz)"
ansible-galaxy collection install -p "${work}/installed" "${tarball}"
python3 "${repo}/tools/check_artifact.py" "${tarball}"
for module in $(find "${repo}/plugins/modules" -name '*.py' -printf '%f\n' | sed 's/\.py$//' | sort); do
    # ansible-doc exits 0 even for a module it cannot find, so look for the module's own name in what it printed.
    ANSIBLE_COLLECTIONS_PATH="${work}/installed" ansible-doc "huaweicloud.codearts.${module}" > "${work}/${module}.doc.txt"
    grep -q "huaweicloud.codearts.${module}" "${work}/${module}.doc.txt"
    grep -q "ca_path" "${work}/${module}.doc.txt"
    echo "ansible-doc renders huaweicloud.codearts.${module} ($(wc -l < "${work}/${module}.doc.txt") lines)"
done
record "galaxy build + install + artifact check + ansible-doc" $((SECONDS - t))

step "ansible-builder: introspect the installed collection; create the execution environments' build contexts"
t=$SECONDS
ansible-builder introspect --sanitize "${work}/installed" | tee "${work}/ee-dependencies.yml"
grep -q "requests.*from collection huaweicloud.codearts" "${work}/ee-dependencies.yml"
cp "${tarball}" "${collection}/docs/awx/huaweicloud-codearts.tar.gz"
for definition in execution-environment.yml execution-environment-aap.yml; do
    context="${work}/ee-${definition%.yml}"
    ansible-builder create -f "${collection}/docs/awx/${definition}" -c "${context}" --output-filename Containerfile
    python3 "${repo}/tools/check_ee_context.py" "${context}" "${collection}/docs/awx/${definition}"
done
record "ansible-builder introspect + create (2 EE definitions)" $((SECONDS - t))

step "galaxy-importer on the built tarball (no containers, no ansible-test)"
t=$SECONDS
printf '[galaxy-importer]\nRUN_ANSIBLE_TEST = False\nLOCAL_IMAGE_DOCKER = False\nRUN_ANSIBLE_LINT = True\n' > "${work}/galaxy-importer.cfg"
(cd "${work}" && GALAXY_IMPORTER_CONFIG="${work}/galaxy-importer.cfg" python -m galaxy_importer.main "${tarball}") \
    | tee "${work}/galaxy-importer.log"
grep -q "Importer processing completed successfully" "${work}/galaxy-importer.log"
if grep -E "^(WARNING|ERROR)" "${work}/galaxy-importer.log"; then
    echo "galaxy-importer reported the problems above." >&2
    exit 1
fi
record "galaxy-importer" $((SECONDS - t))

step "the documentation site (offline, warnings as errors)"
t=$SECONDS
ANSIBLE_COLLECTIONS_PATH="${work}/installed" bash "${collection}/docs/docsite/build.sh"
for page in index collections/huaweicloud/codearts/codearts_user_email_module guides/user-guide guides/awx guides/reliability; do
    test -s "${collection}/docs/docsite/build/html/${page}.html"
done
record "docs site: antsibull-docs + Sphinx -W" $((SECONDS - t))

printf '\n===== summary (%ss in all) =====\n' $((SECONDS - started))
printf '%s\n' "${summary[@]}"
echo "All checks passed."
