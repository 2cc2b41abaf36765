#!/usr/bin/env bash
# Real intermediaries from Debian's packages between the modules and the emulator (docs/reliability.md):
# nginx as a TLS reverse proxy, squid as a CONNECT proxy, tinyproxy demanding Basic auth, and a proxy that
# is down. Each proxy's own log must show that the requests went through it.
set -eu

# shellcheck source=../setup_codearts_emulator/emulator.sh
source ../setup_codearts_emulator/emulator.sh
# shellcheck source=proxies.sh
source ./proxies.sh
python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
nginx="$(program nginx)"
squid="$(program squid)"
tinyproxy="$(program tinyproxy)"
start_codearts_lanes 3  # 1: nginx; 2: squid and the proxy that is down; 3: tinyproxy
start_proxies_directory
out="${CODEARTS_EMULATOR_DIR}/intermediaries"
mkdir -p "${out}"
read -r nginx_port squid_port tinyproxy_port down_port <<< "$(free_ports 4)"

lane_value() {  # lane_value LANE KEY: one of the lane's emulator variables
    "${python}" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$(lane_vars "$1")" "$2"
}
emulator_port() {
    local url
    url="$(lane_value "$1" emulator_url)"
    echo "${url##*:}"
}

# The proxy passwords, their forms in a proxy URL and in a Proxy-Authorization header: none may appear in
# any output. tinyproxy 1.11 takes only [-A-Za-z0-9._] in a BasicAuth password, so the URL percent-encodes
# "-", "." and "_": tinyproxy sees the right password only if the module decodes HTTPS_PROXY's user-info.
proxy_user=puser
read -r right_password right_url right_basic wrong_password wrong_url wrong_basic <<< "$("${python}" - "${proxy_user}" <<'PY'
import base64, secrets, sys
for prefix in ("Rt", "Wr"):
    password = "%s-%s.Kq_%s" % (prefix, secrets.token_hex(4), secrets.token_hex(3))
    url = "".join(c if c.isalnum() else "%%%02X" % ord(c) for c in password)
    basic = base64.b64encode(("%s:%s" % (sys.argv[1], password)).encode()).decode()
    print(password, url, basic, end=" ")
PY
)"
secrets=("${right_password}" "${right_url}" "${right_basic}" "${wrong_password}" "${wrong_url}" "${wrong_basic}")

mask() {  # stdin to stdout with every secret replaced
    local line secret
    while IFS= read -r line; do
        for secret in "${secrets[@]}"; do line="${line//"${secret}"/<SECRET>}"; done
        printf '%s\n' "${line}"
    done
}

scan() {  # scan FILE...: fail on a file that is missing, empty or unreadable, or that holds a secret
    local file secret found=0 status
    for file in "$@"; do
        [ -s "${file}" ] || { echo "scan: ${file} is missing or empty"; return 1; }
        for secret in "${secrets[@]}"; do
            status=0
            grep -q -F -e "${secret}" -- "${file}" || status=$?
            case "${status}" in
                0) echo "LEAK: a proxy password (or its URL or header form) appears in ${file##*/}"; found=1 ;;
                1) ;;
                *) echo "scan: grep could not read ${file}"; return 1 ;;
            esac
        done
    done
    return "${found}"
}

proxy_run() {  # proxy_run NAME LANE PROXY_URL PLAYBOOK ARGS...: at -vvvv, its stdout and stderr kept for the scan
    local name="$1" lane="$2" url="$3"
    shift 3
    if with_proxy "${url}" lane_playbook "${lane}" "$@" -vvvv > "${out}/${name}.txt" 2>&1; then
        echo "${name}: passed"
        grep -F '"msg": "the module said: ' "${out}/${name}.txt" | mask || true
        return 0
    fi
    echo "${name}: FAILED"
    grep -E '"(assertion|msg|status)": |^ERROR|Traceback' "${out}/${name}.txt" | cut -c1-500 | tail -n 12 | mask
    tail -n 3 "${out}/${name}.txt" | mask
    return 1
}

through_nginx() {  # token reads and a change, and an access-key read, through nginx: its log holds them all
    local dir="${PROXIES_DIR}/nginx"
    mkdir -p "${dir}"
    # A CA of nginx's own: the module checks nginx's certificate, and nginx the emulator's.
    PYTHONPATH=../../../emulator "${python}" -c \
        'import sys; from codearts_emulator.certs import make_certificates; make_certificates(sys.argv[1])' "${dir}"
    chmod 0600 "${dir}/server.key"
    write_nginx_config "${dir}" "${nginx_port}" "$(lane_value 1 emulator_url)" "$(lane_value 1 emulator_ca_path)"
    trap 'stop_proxy nginx' EXIT  # this job's own shell: the proxy stops with it, also on a failure
    launch_proxy nginx "${nginx_port}" "${nginx}" -p "${dir}" -c "${dir}/nginx.conf" -e "${dir}/error.log"
    with_proxy "" lane_playbook 1 nginx.yml -e nginx_url="https://127.0.0.1:${nginx_port}" \
        -e nginx_ca_path="${dir}/ca.pem" -e received_file="${out}/nginx_received.txt" "$@"
    stop_proxy nginx
    # Every request the emulator received came through nginx, in the same order, with the same answer.
    [ -s "${out}/nginx_received.txt" ] || { echo "the emulator's request log was not written"; return 1; }
    awk -v upstream="127.0.0.1:$(emulator_port 1)" '{ print $0 " upstream=" upstream "/" $3 }' \
        "${out}/nginx_received.txt" > "${out}/nginx_expected.txt"
    diff "${out}/nginx_expected.txt" "${dir}/access.log" || { echo "nginx's access log is not the emulator's log"; return 1; }
    echo "nginx's access log, request for request the emulator's:"
    cat "${dir}/access.log"
}

through_squid() {  # a read through squid's CONNECT tunnel: squid's log holds the tunnel
    local dir="${PROXIES_DIR}/squid"
    mkdir -p "${dir}"
    chmod 0777 "${dir}"  # started as root, squid runs as its own user (proxy on Debian)
    write_squid_config "${dir}" "${squid_port}" "$(emulator_port 2)"
    trap 'stop_proxy squid' EXIT
    launch_proxy squid "${squid_port}" "${squid}" -N -f "${dir}/squid.conf"
    with_proxy "http://127.0.0.1:${squid_port}" lane_playbook 2 squid.yml "$@"
    stop_proxy squid
    echo "squid's access log, its tunnels to the emulator:"
    grep -E "TCP_TUNNEL/200 [0-9]+ CONNECT 127\.0\.0\.1:$(emulator_port 2) " "${dir}/access.log" \
        || { echo "none; the whole log:"; cat "${dir}/access.log"; return 1; }
}

through_tinyproxy() {  # wrong and no credentials refused, the right ones let through; no password in any output
    local dir="${PROXIES_DIR}/tinyproxy" at="127.0.0.1:${tinyproxy_port}" status=0 connects tunnels
    mkdir -p "${dir}"
    chmod 0700 "${dir}"  # its configuration holds the password
    write_tinyproxy_config "${dir}" "${tinyproxy_port}" "$(emulator_port 3)" "${proxy_user}" "${right_password}"
    trap 'stop_proxy tinyproxy' EXIT
    launch_proxy tinyproxy "${tinyproxy_port}" "${tinyproxy}" -d -c "${dir}/tinyproxy.conf"
    proxy_run tinyproxy_wrong_password 3 "http://${proxy_user}:${wrong_url}@${at}" proxy_refused.yml \
        -e proxy_case=wrong_password -e proxy_port="${tinyproxy_port}" -e proxy_user="${proxy_user}" "$@" || status=1
    proxy_run tinyproxy_no_credentials 3 "http://${at}" proxy_refused.yml \
        -e proxy_case=no_credentials -e proxy_port="${tinyproxy_port}" -e proxy_user="${proxy_user}" "$@" || status=1
    # Last: it checks that the emulator received its read alone, so the refused runs sent nothing around the proxy.
    proxy_run tinyproxy_right_password 3 "http://${proxy_user}:${right_url}@${at}" tinyproxy.yml "$@" || status=1
    stop_proxy tinyproxy
    connects="$(grep -c -F "): CONNECT 127.0.0.1:$(emulator_port 3) HTTP/" "${dir}/tinyproxy.log")" || true
    tunnels="$(grep -c -F 'Established connection to host "127.0.0.1"' "${dir}/tinyproxy.log")" || true
    echo "tinyproxy's log: ${connects} CONNECT 127.0.0.1:$(emulator_port 3) requests, ${tunnels} tunnels established"
    if ! { [ "${connects}" -ge 3 ] && [ "${tunnels}" -ge 1 ]; }; then
        echo "expected 3 or more requests and 1 or more tunnels; the whole log:"
        mask < "${dir}/tinyproxy.log"
        status=1
    fi
    # The scan must be able to fail: text holding a password has to be caught.
    printf 'proxy said: %s\n' "${wrong_password}" > "${out}/canary.txt"
    if scan "${out}/canary.txt" > /dev/null; then echo "the scan missed a password put there on purpose"; status=1; fi
    if scan "${out}"/tinyproxy_*.txt; then
        echo "no proxy password in $(cat "${out}"/tinyproxy_*.txt | wc -c) bytes of -vvvv output (3 runs); the canary was caught"
    else
        status=1
    fi
    return "${status}"
}

proxy_down() {  # a proxy port with nothing listening
    if (: < "/dev/tcp/127.0.0.1/${down_port}") 2>/dev/null; then echo "something listens on ${down_port}"; return 1; fi
    proxy_run proxy_down 2 "http://127.0.0.1:${down_port}" proxy_refused.yml \
        -e proxy_case=proxy_down -e proxy_port="${down_port}" -e proxy_user="${proxy_user}" "$@"
}

# Independent, each on its own emulator (the proxy that is down reaches none), at the same time.
start_job through_nginx "$@"
start_job through_squid "$@"
start_job through_tinyproxy "$@"
start_job proxy_down "$@"
finish_jobs
left=("${PROXIES_DIR}"/*.launched)
[ ! -e "${left[0]}" ] || { echo "a proxy was left running: ${left[*]}"; exit 1; }
