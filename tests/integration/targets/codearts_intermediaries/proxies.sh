# shellcheck shell=bash
# Sourced by runme.sh: real proxies from Debian's packages (nginx, squid, tinyproxy), each with its own
# configuration, logs and pid in a directory of its own, listening on 127.0.0.1 only.
#
#   start_proxies_directory      PROXIES_DIR, and an EXIT trap that stops every proxy still running (then
#                                the emulators, as emulator.sh's own trap does)
#   free_ports N                 N ports on 127.0.0.1 that nothing listens on now
#   program NAME                 the path of a proxy's executable, or a failure naming the Debian package
#   launch_proxy NAME PORT COMMAND...
#                                COMMAND in the background, its output in PROXIES_DIR/NAME/output.txt; then
#                                wait until it accepts connections on 127.0.0.1:PORT
#   stop_proxy NAME              SIGTERM, wait for it to exit (SIGKILL after 15 s); nothing if it is not running
#   with_proxy URL COMMAND...    COMMAND with HTTPS_PROXY=URL and no other proxy variable (none for "")

start_proxies_directory() {
    # Not under the emulator's private directory: squid drops to its own user, which must reach its files.
    PROXIES_DIR="$(mktemp -d)"
    chmod 0755 "${PROXIES_DIR}"
    trap 'stop_all_proxies; stop_codearts_emulator' EXIT
}

free_ports() {
    "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" - "$1" <<'PY'
import socket, sys
sockets = [socket.socket() for _ in range(int(sys.argv[1]))]
for each in sockets:
    each.bind(("127.0.0.1", 0))
print(" ".join(str(each.getsockname()[1]) for each in sockets))
PY
}

program() {
    local found
    found="$(PATH="${PATH}:/usr/sbin:/sbin" command -v "$1")" || { echo "$1 is missing: install the Debian package $1" >&2; return 1; }
    echo "${found}"
}

running() {  # running PID: the process exists and is not a zombie
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [ "${stat:0:1}" != Z ]
}

launch_proxy() {
    local name="$1" port="$2" pid
    shift 2
    "$@" > "${PROXIES_DIR}/${name}/output.txt" 2>&1 &
    pid=$!
    echo "${pid}" > "${PROXIES_DIR}/${name}.launched"
    for _ in $(seq 1 100); do
        if (: < "/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
            return 0
        fi
        running "${pid}" || break
        sleep 0.1
    done
    echo "${name} did not start listening on 127.0.0.1:${port}:" >&2
    cat "${PROXIES_DIR}/${name}/output.txt" >&2
    return 1
}

stop_proxy() {
    local launched="${PROXIES_DIR}/$1.launched" pid
    [ -f "${launched}" ] || return 0
    pid="$(cat "${launched}")"
    kill -TERM "${pid}" 2>/dev/null || true
    for _ in $(seq 1 150); do
        running "${pid}" || break
        sleep 0.1
    done
    if running "${pid}"; then
        echo "$1 (pid ${pid}) ignored SIGTERM for 15 s: killed" >&2
        kill -KILL "${pid}" 2>/dev/null || true
    fi
    wait "${pid}" 2>/dev/null || true  # reaps it when this shell started it
    rm -f "${launched}"
}

stop_all_proxies() {
    local launched name
    [ -n "${PROXIES_DIR:-}" ] || return 0
    for launched in "${PROXIES_DIR}"/*.launched; do
        [ -e "${launched}" ] || continue
        name="${launched##*/}"
        stop_proxy "${name%.launched}"
    done
    rm -rf "${PROXIES_DIR}"
    PROXIES_DIR=""
}

with_proxy() {
    (
        unset http_proxy https_proxy all_proxy no_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY NO_PROXY
        if [ -n "$1" ]; then export HTTPS_PROXY="$1"; fi
        shift
        "$@"
    )
}

write_nginx_config() {  # write_nginx_config DIR PORT UPSTREAM_URL UPSTREAM_CA: TLS in front, HTTP/1.1 behind
    local dir="$1"
    cat > "${dir}/nginx.conf" <<EOF
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
worker_processes 1;
events { worker_connections 64; }
http {
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    log_format requests '\$request_method \$uri \$status upstream=\$upstream_addr/\$upstream_status';
    server {
        listen 127.0.0.1:$2 ssl;
        ssl_certificate ${dir}/server.pem;
        ssl_certificate_key ${dir}/server.key;
        access_log ${dir}/access.log requests;
        location / {
            proxy_pass $3;
            proxy_http_version 1.1;
            # The client signs the Host it sent (nginx's): pass it on, as reverse proxies in front of an API do.
            proxy_set_header Host \$http_host;
            proxy_ssl_verify on;
            proxy_ssl_trusted_certificate $4;
            # nginx checks DNS names only; the emulator's certificate has localhost besides 127.0.0.1.
            proxy_ssl_name localhost;
        }
    }
}
EOF
}

write_squid_config() {  # write_squid_config DIR PORT EMULATOR_PORT: CONNECT from and to 127.0.0.1 only, no DNS
    local dir="$1"
    cat > "${dir}/squid.conf" <<EOF
http_port 127.0.0.1:$2
visible_hostname codearts-intermediaries
acl from_loopback src 127.0.0.1/32
acl to_loopback dst 127.0.0.1/32
acl emulator_port port $3
acl CONNECT method CONNECT
http_access allow from_loopback to_loopback CONNECT emulator_port
http_access deny all
dns_nameservers 127.0.0.1
access_log stdio:${dir}/access.log
cache_log ${dir}/cache.log
pid_filename ${dir}/squid.pid
coredump_dir ${dir}
netdb_filename none
pinger_enable off
cache deny all
cache_mem 8 MB
shutdown_lifetime 0 seconds
EOF
}

write_tinyproxy_config() {  # write_tinyproxy_config DIR PORT EMULATOR_PORT USER PASSWORD
    local dir="$1"
    cat > "${dir}/tinyproxy.conf" <<EOF
Port $2
Listen 127.0.0.1
Bind 127.0.0.1
Allow 127.0.0.1
ConnectPort $3
BasicAuth $4 $5
Timeout 30
MaxClients 20
LogLevel Connect
LogFile "${dir}/tinyproxy.log"
PidFile "${dir}/tinyproxy.pid"
DisableViaHeader Yes
EOF
}
