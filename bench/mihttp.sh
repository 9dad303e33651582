#!/usr/bin/env bash
# mi_http benchmark, run by hand: JSON-RPC uptime over POST against Switchboard's MI, Kamailio 5.6
# jsonrpcs core.version over xhttp and the hello example's /hello in the same container (GET, and
# POST with the MI's body, which tells the MI's own cost from Jetty's for a request body), interleaved
# in rounds; then the MI web page against a static page of the same size served by nginx.
# Run as root on Debian from anywhere: bench/mihttp.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8888                      # httpd's default
MICRO_PORT=8280                # microhttpd's default: the container opens it too
KAM_PORT=${KAM_PORT:-8380}
NGINX_PORT=${NGINX_PORT:-8381}
NAME=mihttp.sh
KAM_JSONRPC=1
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

install_peers
command -v nginx >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light

APP_JAR=$ROOT/app/target/switchboard.jar
[[ -f $APP_JAR ]] || (cd "$ROOT" && mvn -B -q install -DskipTests)

require_free "$PORT" "$MICRO_PORT" "$KAM_PORT" "$NGINX_PORT"
make_work

cp "$APP_JAR" "$WORK/"
mkdir "$WORK/deploy"
cp "$ROOT"/examples/hello.bundle/target/switchboard.examples.hello-*.jar "$WORK/deploy/"
cd "$WORK"
java -jar switchboard.jar </dev/null >java.log 2>&1 &
JAVA_PID=$!
t0=$(now_ns)
until [[ $(status "http://127.0.0.1:$PORT/mi/") == 200 && $(status "http://127.0.0.1:$PORT/hello") == 200 ]]; do
    kill -0 "$JAVA_PID" 2>/dev/null || { tail -n 40 java.log >&2; die "java exited"; }
    (( $(now_ns) - t0 < 60000000000 )) || { tail -n 40 java.log >&2; die "no 200 on /mi/ and /hello within 60 s"; }
    sleep 0.05
done

start_kamailio

# The same page, byte for byte, as a static file.
mkdir -p nginx/html nginx/logs
curl -s -o nginx/html/page.html "http://127.0.0.1:$PORT/mi/"
page_bytes=$(stat -c %s nginx/html/page.html)
cat > nginx/nginx.conf <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/nginx/html;
        location / { default_type text/html; }
    }
}
CONF
# nginx's workers run as www-data: they must be able to read the page.
chmod o+rx "$WORK" "$WORK/nginx" "$WORK/nginx/html" && chmod o+r nginx/html/page.html
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 100); do [[ $(status "http://127.0.0.1:$NGINX_PORT/page.html") == 200 ]] && break; sleep 0.05; done
[[ $(status "http://127.0.0.1:$NGINX_PORT/page.html") == 200 ]] || die "nginx does not serve the page: $(tail -n 3 nginx/logs/error.log)"

post_script uptime.lua '{"jsonrpc":"2.0","method":"uptime","id":1}'
post_script version.lua '{"jsonrpc":"2.0","method":"core.version","id":1}'
curl -s -d @- -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/mi" <<<'{"jsonrpc":"2.0","method":"uptime","id":1}' \
    | grep -q '"Up time"' || die "the MI does not answer uptime"
curl -s -d '{"jsonrpc":"2.0","method":"core.version","id":1}' "http://127.0.0.1:$KAM_PORT/RPC" \
    | grep -q '"result"' || die "Kamailio jsonrpcs does not answer core.version"

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
MI="Switchboard MI uptime"
KAM="Kamailio jsonrpcs core.version"
HELLO="Switchboard /hello"
HELLO_POST="Switchboard POST /hello"
measure_rounds "$MI|$JAVA_PID|http://127.0.0.1:$PORT/mi|$WORK/uptime.lua" \
    "$KAM|$KAM_PID|http://127.0.0.1:$KAM_PORT/RPC|$WORK/version.lua" \
    "$HELLO|$JAVA_PID|http://127.0.0.1:$PORT/hello" "$HELLO_POST|$JAVA_PID|http://127.0.0.1:$PORT/hello|$WORK/uptime.lua"
warm "http://127.0.0.1:$PORT/mi/"
read -r page_rps page_p99 page_cpu < <(measure "$JAVA_PID" "http://127.0.0.1:$PORT/mi/")
read -r static_rps static_p99 static_cpu < <(measure "$NGINX_PID" "http://127.0.0.1:$NGINX_PORT/page.html")
echo "load average after the runs:  $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "wrk -t2 -c50 -d10s on 127.0.0.1, $(nproc) cores shared with wrk (compare ratios, not absolutes;"
echo "CPU/req: the server's CPU time per request, wrk's excluded); the first four: median of $ROUNDS interleaved rounds"
printf '%-44s %12s %10s %12s\n' target req/s "p99 ms" "us CPU/req"
printf '%-44s %12.0f %10.2f %12.1f\n' "Switchboard MI uptime (POST /mi)" "${RPS[$MI]}" "${P99[$MI]}" "${CPU[$MI]}" \
    "Kamailio 5.6 jsonrpcs core.version" "${RPS[$KAM]}" "${P99[$KAM]}" "${CPU[$KAM]}" \
    "Switchboard /hello (same container)" "${RPS[$HELLO]}" "${P99[$HELLO]}" "${CPU[$HELLO]}" \
    "Switchboard /hello, POST of the MI's body" "${RPS[$HELLO_POST]}" "${P99[$HELLO_POST]}" "${CPU[$HELLO_POST]}" \
    "Switchboard MI web page (GET /mi/)" "$page_rps" "$page_p99" "$page_cpu" \
    "nginx, the same $page_bytes bytes static" "$static_rps" "$static_p99" "$static_cpu"
echo
awk -v m="${RPS[$MI]}" -v k="${RPS[$KAM]}" -v h="${RPS[$HELLO]}" -v hp="${RPS[$HELLO_POST]}" \
    -v p="$page_rps" -v s="$static_rps" 'BEGIN {
    printf "MI uptime / Kamailio jsonrpcs:  %.2f (target >= 1.75, the seed mi_http measured here)\n", m / k
    printf "MI uptime / /hello:             %.2f (target >= 0.9)\n", m / h
    printf "MI uptime / POST /hello:        %.2f (the MI itself: the same request, answered by a bare root)\n", m / hp
    printf "MI page / static page:          %.2f\n", p / s }'
