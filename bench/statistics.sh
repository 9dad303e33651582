#!/usr/bin/env bash
# Statistics benchmark, run by hand: /hello throughput with httpd's statistics=all (counters and
# latency histograms, the default), counters (no histograms) and none, interleaved in one run; then
# the /metrics scrape with 1000 more roots registered (bench/many-roots.bundle), each one requested.
# Run as root on Debian from anywhere: bench/statistics.sh [scrapes]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8888
NAME=statistics.sh
SCRAPES=${1:-100}
ROUNDS=${ROUNDS:-6}
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

command -v wrk >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; }

APP_JAR=$ROOT/app/target/switchboard.jar
if [[ ! -f $APP_JAR ]] || ! compgen -G "$ROOT/bench/many-roots.bundle/target/switchboard.bench.roots-*.jar" >/dev/null; then
    (cd "$ROOT" && mvn -B -q install -DskipTests)
fi
require_free "$PORT"
make_work

cp "$APP_JAR" "$WORK/"
mkdir "$WORK/deploy"
cp "$ROOT"/examples/hello.bundle/target/switchboard.examples.hello-*.jar "$WORK/deploy/"
cd "$WORK"
java -jar switchboard.jar </dev/null >java.log 2>&1 &
JAVA_PID=$!
t0=$(now_ns)
until [[ $(status "http://127.0.0.1:$PORT/hello") == 200 && $(status "http://127.0.0.1:$PORT/mi/") == 200 ]]; do
    kill -0 "$JAVA_PID" 2>/dev/null || { tail -n 40 java.log >&2; die "java exited"; }
    (( $(now_ns) - t0 < 60000000000 )) || { tail -n 40 java.log >&2; die "no 200 on /hello and /mi/ within 60 s"; }
    sleep 0.05
done

# One statistic's value through the MI, as an operator reads it.
statistic() {
    curl -s --max-time 5 -H 'Content-Type: application/json' \
        -d "{\"jsonrpc\":\"2.0\",\"method\":\"get_statistics\",\"params\":{\"statistics\":[\"httpd:$1\"]},\"id\":1}" \
        "http://127.0.0.1:$PORT/mi" | sed -n "s/.*\"httpd:$1\":\([0-9]*\).*/\1/p"
}

# What httpd counts now, seen from outside: one request to /hello, and which of its counter and its
# histogram moved.
counting_now() {
    local requests latency requests_after latency_after
    requests=$(statistic hello_requests) latency=$(statistic hello_latency_count)
    curl -s -o /dev/null "http://127.0.0.1:$PORT/hello"
    requests_after=$(statistic hello_requests) latency_after=$(statistic hello_latency_count)
    # An MI call that failed says nothing, rather than "none".
    [[ $requests =~ ^[0-9]+$ && $latency =~ ^[0-9]+$ && $requests_after =~ ^[0-9]+$ && $latency_after =~ ^[0-9]+$ ]] \
        || { echo unknown; return 0; }
    if [[ $requests_after == "$requests" ]]; then echo none
    elif [[ $latency_after == "$latency" ]]; then echo counters
    else echo all; fi
}

# Sets httpd's statistics as a user would (its file in etc/, which FileInstall watches) and waits
# until a request shows it applied.
DEFAULTS=$(cat etc/switchboard.httpd.cfg)
set_statistics() {
    # Written beside and moved in: FileInstall must never read a file half written.
    printf '%s\nstatistics = %s\n' "$DEFAULTS" "$1" > httpd.cfg.next
    mv httpd.cfg.next etc/switchboard.httpd.cfg
    for _ in $(seq 200); do
        [[ $(counting_now) == "$1" ]] && return 0
        sleep 0.05
    done
    die "statistics=$1 was not applied within 10 s"
}

MODES=(all counters none)
declare -A MODE_RPS=() MODE_P99=() MODE_CPU=()
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
warm "http://127.0.0.1:$PORT/hello"
for round in $(seq "$ROUNDS"); do
    # Each round starts with another setting: the first after a change of load ran slower in every run.
    for step in 0 1 2; do
        mode=${MODES[(round + step) % 3]}
        set_statistics "$mode"
        read -r rps p99 cpu < <(measure "$JAVA_PID" "http://127.0.0.1:$PORT/hello")
        printf '  round %d  statistics=%-9s %10.0f req/s  p99 %6.2f ms  %5.1f us CPU/req\n' "$round" "$mode" "$rps" "$p99" "$cpu"
        MODE_RPS[$mode]+="$rps " MODE_P99[$mode]+="$p99 " MODE_CPU[$mode]+="$cpu "
    done
done
echo "load average after the runs:  $(cut -d' ' -f1-3 /proc/loadavg)"
set_statistics all

# --- The scrape: 1000 more roots, each requested once, so that their counts are not all zero ---
cp "$ROOT"/bench/many-roots.bundle/target/switchboard.bench.roots-*.jar deploy/
for _ in $(seq 300); do [[ $(status "http://127.0.0.1:$PORT/r0999") == 200 ]] && break; sleep 0.1; done
[[ $(status "http://127.0.0.1:$PORT/r0999") == 200 ]] || { tail -n 40 java.log >&2; die "/r0999 never answered 200"; }
urls=()
for i in $(seq 0 999); do urls+=(-o /dev/null "http://127.0.0.1:$PORT/$(printf 'r%04d' "$i")"); done
codes=$(curl -s -w '%{http_code}\n' "${urls[@]}" | sort | uniq -c)
[[ $codes =~ ^\ *1000\ 200$ ]] || die "the 1000 roots did not all answer 200: $codes"

# Prints "median p99 bytes series" of $SCRAPES scrapes in milliseconds, each on a new connection,
# after 100 unmeasured; $1 is the Accept header.
scrape() {
    local times=() out
    curl -s -H "Accept: $1" -o scrape.txt "http://127.0.0.1:$PORT/metrics"
    # The JIT's: the scrape's code runs only when scraped, and reaches full speed after about a hundred.
    for _ in $(seq 100); do curl -s -o /dev/null -H "Accept: $1" "http://127.0.0.1:$PORT/metrics"; done
    for _ in $(seq "$SCRAPES"); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Accept: $1" "http://127.0.0.1:$PORT/metrics")")
    done
    out=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 * 1000 }
        END { printf "%.1f %.1f", v[int((NR + 1) / 2)], v[int(NR * 0.99 + 0.999)] }')
    echo "$out $(wc -c < scrape.txt) $(grep -vc '^#' scrape.txt)"
}
read -r text_median text_p99 text_bytes text_series < <(scrape 'text/plain')
read -r om_median om_p99 om_bytes om_series < <(scrape 'application/openmetrics-text; version=1.0.0')
[[ $(grep -c '^switchboard_httpd_r[0-9]*_latency_bucket' scrape.txt || true) -ge 13000 ]] \
    || die "the scrape lacks the 1000 roots' histograms"

echo
echo "/hello, wrk -t2 -c50 -d10s on 127.0.0.1, $(nproc) cores shared with wrk, median of $ROUNDS interleaved rounds"
printf '%-22s %12s %10s %8s %12s\n' "httpd statistics" req/s "p99 ms" "vs none" "us CPU/req"
# shellcheck disable=SC2086 # one figure per word
none_rps=$(median ${MODE_RPS[none]})
for mode in "${MODES[@]}"; do
    # shellcheck disable=SC2086
    rps=$(median ${MODE_RPS[$mode]}) p99=$(median ${MODE_P99[$mode]}) cpu=$(median ${MODE_CPU[$mode]})
    awk -v m="$mode" -v r="$rps" -v p="$p99" -v n="$none_rps" -v c="$cpu" \
        'BEGIN { printf "%-22s %12.0f %10.2f %7.1f%% %12.1f\n", m, r, p, (r / n - 1) * 100, c }'
done
echo "(goal: all within 3 % of none)"
echo
echo "GET /metrics with $(grep -c '^switchboard_httpd_r[0-9]*_requests_total' scrape.txt) extra roots, $SCRAPES scrapes each on a new connection"
printf '%-34s %9s %9s %10s %8s\n' format "median ms" "p99 ms" bytes series
printf '%-34s %9s %9s %10s %8s\n' "text/plain (0.0.4)" "$text_median" "$text_p99" "$text_bytes" "$text_series"
printf '%-34s %9s %9s %10s %8s\n' "OpenMetrics 1.0.0" "$om_median" "$om_p99" "$om_bytes" "$om_series"
echo "(goal: under 20 ms)"
