#!/usr/bin/env bash
# xhttp benchmark, run by hand: wrk against Switchboard's xhttp (httpd's fallback) and microhttpd
# listener, both answering through the xhttp example's handler, and Kamailio 5.6 xhttp.
# Run as root on Debian from anywhere: bench/xhttp.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8888                      # httpd's default; xhttp serves every path no root claims
MICRO_PORT=8280                # microhttpd's default listen_port
KAM_PORT=${KAM_PORT:-8380}
NAME=xhttp.sh
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
# A 200 alone could come from something other than the example handler.
says_hello() { [[ $(curl -s -w ' %{http_code}' --max-time 1 "$1" || true) == "hello 200" ]]; }

install_peers

APP_JAR=$ROOT/app/target/switchboard.jar
if [[ ! -f $APP_JAR ]] || ! compgen -G "$ROOT/examples/xhttp.bundle/target/switchboard.examples.xhttp-*.jar" >/dev/null; then
    (cd "$ROOT" && mvn -B -q install -DskipTests)
fi

require_free "$PORT" "$MICRO_PORT" "$KAM_PORT"

make_work

cp "$APP_JAR" "$WORK/"
mkdir "$WORK/deploy"
cp "$ROOT"/examples/xhttp.bundle/target/switchboard.examples.xhttp-*.jar "$WORK/deploy/"

# --- The container, with the example handler on both routes ---
cd "$WORK"
t0=$(now_ns)
java -jar switchboard.jar </dev/null >java.log 2>&1 &
JAVA_PID=$!
for url in "http://127.0.0.1:$PORT/x" "http://127.0.0.1:$MICRO_PORT/x"; do
    until says_hello "$url"; do
        kill -0 "$JAVA_PID" 2>/dev/null || { tail -n 40 java.log >&2; die "java exited"; }
        (( $(now_ns) - t0 < 60000000000 )) || { tail -n 40 java.log >&2; die "no 200 hello on $url within 60 s"; }
        sleep 0.05
    done
done

# --- Kamailio xhttp, the peer ---
start_kamailio

# --- Load ---

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
XH="Switchboard xhttp /x"
MH="Switchboard microhttpd /x"
KAM="Kamailio 5.6 xhttp /"
measure_rounds "$XH|$JAVA_PID|http://127.0.0.1:$PORT/x" "$MH|$JAVA_PID|http://127.0.0.1:$MICRO_PORT/x" \
    "$KAM|$KAM_PID|http://127.0.0.1:$KAM_PORT/"
echo "load average after the runs:  $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "wrk -t2 -c50 -d10s on 127.0.0.1, $(nproc) cores shared with wrk, median of $ROUNDS interleaved rounds"
echo "(compare ratios, not absolutes; CPU/req: the server's CPU time per request, wrk's excluded)"
printf '%-28s %12s %10s %12s\n' target req/s "p99 ms" "us CPU/req"
for label in "$XH" "$MH" "$KAM"; do
    printf '%-28s %12.0f %10.2f %12.1f\n' "$label" "${RPS[$label]}" "${P99[$label]}" "${CPU[$label]}"
done
echo
awk -v x="${RPS[$XH]}" -v m="${RPS[$MH]}" -v k="${RPS[$KAM]}" \
    -v xc="${CPU[$XH]}" -v mc="${CPU[$MH]}" -v kc="${CPU[$KAM]}" 'BEGIN {
    printf "xhttp / Kamailio:      %.2f (target >= 1.0); CPU per request %.2fx Kamailio\n", x / k, xc / kc
    printf "microhttpd / Kamailio: %.2f (target >= 1.2); CPU per request %.2fx Kamailio\n", m / k, mc / kc }'
