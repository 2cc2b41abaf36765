#!/usr/bin/env bash
# Run every test of the collection on a fresh machine, installing what it needs from the package index:
#   ansible-test sanity, units and integration on ansible-core 2.19 (Python 3.11) and on the newest
#   ansible-core (Python 3.12); ansible-lint (production profile); antsibull-docs; antsibull-changelog;
#   ansible-galaxy collection build and install; ansible-doc on the installed collection; and what
#   ansible-builder would install for an execution environment with the collection.
# Exits non-zero when anything fails. Set CODEARTS_TEST_WORKDIR to keep the work directory.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${CODEARTS_TEST_WORKDIR:-$(mktemp -d)}"
mkdir -p "${work}"
# ansible-core releases tested: "python version|pip requirement"
matrix=("3.11|ansible-core>=2.19,<2.20" "3.12|ansible-core")
lint_python="3.11"
started=$SECONDS
summary=()

step() { printf '\n===== %s =====\n' "$*"; }
record() { summary+=("$(printf '%-58s %4ss' "$1" "$2")"); }

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

make_venv() {  # make_venv DIR PYTHON PACKAGE...
    local dir="$1" python="$2"
    shift 2
    "${python}" -m venv "${dir}"
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
        (cd "${repo}" && tar --exclude=./tests/output -cf - .) | tar -xf - -C "${target}"
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

ensure_shellcheck() {  # ansible-test skips its shellcheck sanity test, with only a warning, when the program is missing
    if command -v shellcheck >/dev/null; then
        return 0
    fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        step "installing shellcheck (Debian package) for ansible-test's shellcheck sanity test"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck
    else
        echo "shellcheck is missing and cannot be installed here; ansible-test would skip its shellcheck test." >&2
        return 1
    fi
}

ensure_shellcheck

for entry in "${matrix[@]}"; do
    version="${entry%%|*}"
    requirement="${entry#*|}"
    python="$(find_python "${version}")"
    venv="${work}/venv-${version}"
    extra=()
    if [ "${version}" = "${lint_python}" ]; then
        extra=(ansible-lint antsibull-docs antsibull-changelog ansible-builder)
    fi
    step "Python ${version}: installing ${requirement} ${extra[*]}"
    t=$SECONDS
    make_venv "${venv}" "${python}" "${requirement}" requests "${extra[@]}"
    core="ansible-core $("${venv}/bin/python" -c 'from ansible.release import __version__; print(__version__)')"
    record "install ${core} (Python ${version})" $((SECONDS - t))
    install_get_pip_standin "${venv}"
    collection="$(copy_collection "${work}/tree-${version}")"
    for command in sanity units integration; do
        step "${core}, Python ${version}: ansible-test ${command}"
        t=$SECONDS
        (cd "${collection}" && "${venv}/bin/ansible-test" "${command}" --venv --python "${version}" --color no) 2>&1 \
            | tee "${work}/${command}-${version}.log"
        if grep -q "Required program .* not found" "${work}/${command}-${version}.log"; then
            echo "ansible-test ${command} skipped a test for want of a program (see above): that is a failure here." >&2
            exit 1
        fi
        record "ansible-test ${command}: ${core}" $((SECONDS - t))
    done
done

lint_venv="${work}/venv-${lint_python}"
collection="$(copy_collection "${work}/tree-lint")"
export PATH="${lint_venv}/bin:${PATH}"

step "ansible-lint (production profile)"
t=$SECONDS
# Its syntax checks must resolve the collection's own modules and action group, and the test playbooks'
# setup role, as ansible-test does when it runs them.
(cd "${collection}" && ANSIBLE_COLLECTIONS_PATH="${work}/tree-lint" \
    ANSIBLE_ROLES_PATH="${collection}/tests/integration/targets" ansible-lint --profile production)
record "ansible-lint --profile production" $((SECONDS - t))

step "antsibull-docs lint-collection-docs"
t=$SECONDS
(cd "${collection}" && antsibull-docs lint-collection-docs --plugin-docs .)
record "antsibull-docs lint-collection-docs" $((SECONDS - t))

step "antsibull-changelog lint"
t=$SECONDS
(cd "${collection}" && antsibull-changelog lint -v)
record "antsibull-changelog lint" $((SECONDS - t))

step "ansible-galaxy collection build and install; ansible-doc on the installed collection"
t=$SECONDS
rm -rf "${work}/build" "${work}/installed"
(cd "${collection}" && ansible-galaxy collection build --output-path "${work}/build")
ansible-galaxy collection install -p "${work}/installed" "${work}/build"/huaweicloud-codearts-*.tar.gz
python3 "${repo}/tools/check_artifact.py" "${work}/build"/huaweicloud-codearts-*.tar.gz
for module in codearts_user_email codearts_user_email_info; do
    # ansible-doc exits 0 even for a module it cannot find, so look for the module's own name in what it printed.
    ANSIBLE_COLLECTIONS_PATH="${work}/installed" ansible-doc "huaweicloud.codearts.${module}" > "${work}/${module}.doc.txt"
    grep -q "huaweicloud.codearts.${module}" "${work}/${module}.doc.txt"
    grep -q "ca_path" "${work}/${module}.doc.txt"
    echo "ansible-doc renders huaweicloud.codearts.${module} ($(wc -l < "${work}/${module}.doc.txt") lines)"
done
# What ansible-builder collects from the installed collection for an execution environment.
ansible-builder introspect --sanitize "${work}/installed" | tee "${work}/ee-dependencies.yml"
grep -q "requests.*from collection huaweicloud.codearts" "${work}/ee-dependencies.yml"
record "galaxy build + install + ansible-doc + EE introspect" $((SECONDS - t))

printf '\n===== summary (%ss in all) =====\n' $((SECONDS - started))
printf '%s\n' "${summary[@]}"
echo "All checks passed."
