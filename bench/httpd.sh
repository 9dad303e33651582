#!/usr/bin/env bash
# httpd benchmark, run by hand: start-up time and idle RSS of the container, then wrk against
# Switchboard /hello, a bare whiteboard servlet /bare in the same JVM, and Kamailio xhttp; then the
# container's RSS once idle again.
# Run as root on Debian from anywhere: bench/httpd.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8888                      # the container's default; the bare servlet shares it
KAM_PORT=${KAM_PORT:-8380}
NAME=httpd.sh
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

install_peers

APP_JAR=$ROOT/app/target/switchboard.jar
if [[ ! -f $APP_JAR ]] || ! compgen -G "$ROOT/bench/bare-servlet.bundle/target/switchboard.bench.bare-*.jar" >/dev/null; then
    (cd "$ROOT" && mvn -B -q install -DskipTests)
fi

require_free "$PORT" "$KAM_PORT"

make_work

cp "$APP_JAR" "$WORK/"
mkdir "$WORK/deploy"
cp "$ROOT"/examples/hello.bundle/target/switchboard.examples.hello-*.jar "$WORK/deploy/"

# --- Start-up: java -jar until every default root answers (the MI, /metrics, /health), and /hello ---
cd "$WORK"
t0=$(now_ns)
java -jar switchboard.jar </dev/null >java.log 2>&1 &
JAVA_PID=$!
declare -A ready_ns=()
while (( ${#ready_ns[@]} < 4 )); do
    for path in /mi/ /metrics /health /hello; do
        [[ -z ${ready_ns[$path]:-} && $(status "http://127.0.0.1:$PORT$path") == 200 ]] && ready_ns[$path]=$(( $(now_ns) - t0 ))
    done
    kill -0 "$JAVA_PID" 2>/dev/null || { tail -n 40 java.log >&2; die "java exited"; }
    (( $(now_ns) - t0 < 60000000000 )) || { tail -n 40 java.log >&2; die "not every root answered 200 within 60 s"; }
    sleep 0.01
done
defaults_ns=$(printf '%s\n' "${ready_ns[/mi/]}" "${ready_ns[/metrics]}" "${ready_ns[/health]}" | sort -n | tail -1)
for path in /mi/ /metrics /health /hello; do
    awk -v p="$path" -v ns="${ready_ns[$path]}" 'BEGIN { printf "java -jar to 200 on %-9s %.2f s\n", p, ns / 1e9 }'
done
awk -v ns="$defaults_ns" 'BEGIN { printf "java -jar to every default root answering: %.2f s (target <= 2.0 s)\n", ns / 1e9 }'

# Deployed once httpd serves: Pax Web 11.1.0's whiteboard can lose a servlet registered while httpd
# hands its listener settings over at start (the Pax Web server restarts then).
cp "$ROOT"/bench/bare-servlet.bundle/target/switchboard.bench.bare-*.jar "$WORK/deploy/"
for _ in $(seq 100); do [[ $(status "http://127.0.0.1:$PORT/bare") == 200 ]] && break; sleep 0.1; done
[[ $(status "http://127.0.0.1:$PORT/bare") == 200 ]] || { tail -n 40 java.log >&2; die "/bare never answered 200"; }

# --- Idle RSS: wait until two readings 2 s apart differ by under 1 MiB (at most 20 s) ---
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$JAVA_PID/status"; }
# Idle means idle: past the 10 s after which G1, as the launcher sets it, gives back unused heap.
sleep 15
prev=$(rss_kib)
for _ in $(seq 10); do
    sleep 2
    cur=$(rss_kib)
    (( cur - prev < 1024 && prev - cur < 1024 )) && break
    prev=$cur
done
awk -v kib="$cur" 'BEGIN { printf "idle RSS of the container: %.1f MiB (target <= 200 MiB)\n", kib / 1024 }'

# --- Kamailio xhttp, the peer ---
start_kamailio

# --- Load ---

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
SB="Switchboard /hello"
BARE="Pax Web bare servlet /bare"
KAM="Kamailio 5.6 xhttp /"
measure_rounds "$SB|$JAVA_PID|http://127.0.0.1:$PORT/hello" "$BARE|$JAVA_PID|http://127.0.0.1:$PORT/bare" \
    "$KAM|$KAM_PID|http://127.0.0.1:$KAM_PORT/"
echo "load average after the runs:  $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "wrk -t2 -c50 -d10s on 127.0.0.1, $(nproc) cores shared with wrk, median of $ROUNDS interleaved rounds"
echo "(compare ratios, not absolutes; CPU/req: the server's CPU time per request, wrk's excluded)"
printf '%-28s %12s %10s %12s\n' target req/s "p99 ms" "us CPU/req"
for label in "$SB" "$BARE" "$KAM"; do
    printf '%-28s %12.0f %10.2f %12.1f\n' "$label" "${RPS[$label]}" "${P99[$label]}" "${CPU[$label]}"
done
echo
awk -v s="${RPS[$SB]}" -v b="${RPS[$BARE]}" -v k="${RPS[$KAM]}" -v sc="${CPU[$SB]}" -v kc="${CPU[$KAM]}" 'BEGIN {
    printf "Switchboard / Kamailio:     %.2f (target >= 1.0, goal 1.1); CPU per request %.2fx Kamailio\n", s / k, sc / kc
    printf "Switchboard / bare servlet: %.2f (target >= 0.9)\n", s / b }'

# --- RSS once idle again: the launcher lets G1 give back, after 10 s without a collection, what the
# load made it commit ---
sleep 30
awk -v kib="$(rss_kib)" 'BEGIN { printf "RSS of the container 30 s after the load: %.1f MiB\n", kib / 1024 }'
