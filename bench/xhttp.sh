#!/usr/bin/env bash
# xhttp benchmark, run by hand: wrk against Switchboard's xhttp (httpd's fallback) and microhttpd
# listener, both answering through the xhttp example's handler, and Kamailio 5.6 xhttp.
# Run as root on Debian from anywhere: bench/xhttp.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8888                      # httpd's default; xhttp serves every path no root claims
MICRO_PORT=8280                # microhttpd's default listen_port
KAM_PORT=${KAM_PORT:-8380}
WRK=(wrk -t2 -c50 -d10s --latency)
WARMUP=5s

die() { echo "xhttp.sh: $*" >&2; exit 1; }
listening() { ss -Hltn "sport = :$1" | grep -q .; }
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1" || true; }
# A 200 alone could come from something other than the example handler.
says_hello() { [[ $(curl -s -w ' %{http_code}' --max-time 1 "$1" || true) == "hello 200" ]]; }
now_ns() { date +%s%N; }

if ! command -v kamailio >/dev/null || ! command -v wrk >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y kamailio wrk
fi

APP_JAR=$ROOT/app/target/switchboard.jar
if [[ ! -f $APP_JAR ]] || ! compgen -G "$ROOT/examples/xhttp.bundle/target/switchboard.examples.xhttp-*.jar" >/dev/null; then
    (cd "$ROOT" && mvn -B -q install -DskipTests)
fi

# Another listener on these ports would be measured instead of ours.
listening "$PORT" && die "port $PORT is taken"
listening "$MICRO_PORT" && die "port $MICRO_PORT is taken"
listening "$KAM_PORT" && die "port $KAM_PORT is taken (set KAM_PORT)"

WORK=$(mktemp -d /tmp/switchboard-bench.XXXXXX)
JAVA_PID= KAM_PID=
cleanup() {
    for pid in $JAVA_PID $KAM_PID; do kill "$pid" 2>/dev/null || true; done
    # Give Felix and Kamailio's children time to go before their folder does.
    for pid in $JAVA_PID $KAM_PID; do
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

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

# --- Kamailio xhttp, the peer (as in bench/httpd.sh) ---
mkdir -p "$WORK/kamailio"
cat > "$WORK/kamailio.cfg" <<EOF
#!KAMAILIO
children=2
tcp_children=2
listen=tcp:127.0.0.1:$KAM_PORT
tcp_accept_no_cl=yes
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "sl.so"
loadmodule "xhttp.so"
request_route { drop; }
event_route[xhttp:request] { xhttp_reply("200", "OK", "text/plain", "hello"); }
EOF
kamailio -f "$WORK/kamailio.cfg" -DD -E -Y "$WORK/kamailio" -P "$WORK/kamailio.pid" >kamailio.log 2>&1 &
KAM_PID=$!
for _ in $(seq 50); do [[ $(status "http://127.0.0.1:$KAM_PORT/") == 200 ]] && break; sleep 0.1; done
[[ $(status "http://127.0.0.1:$KAM_PORT/") == 200 ]] || { tail -n 40 kamailio.log >&2; die "Kamailio never answered 200"; }

# --- Load ---
# Prints "req/s p99-ms"; non-2xx answers or socket errors would make the figures meaningless.
measure() {
    local out
    out=$("${WRK[@]}" "$1")
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "$out" >&2; echo "xhttp.sh: errors on $1" >&2; fi
    awk '/^Requests\/sec:/ { rps = $2 }
         $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
                       p99 = u == "us" ? v / 1000 : u == "s" ? v * 1000 : u == "m" ? v * 60000 : v }
         END { printf "%s %s\n", rps, p99 }' <<<"$out"
}
warm() { wrk -t2 -c50 -d"$WARMUP" "$1" >/dev/null; }

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
warm "http://127.0.0.1:$PORT/x"
read -r xh_rps xh_p99 < <(measure "http://127.0.0.1:$PORT/x")
warm "http://127.0.0.1:$MICRO_PORT/x"
read -r mh_rps mh_p99 < <(measure "http://127.0.0.1:$MICRO_PORT/x")
read -r kam_rps kam_p99 < <(measure "http://127.0.0.1:$KAM_PORT/")
echo "load average after the runs:  $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "wrk -t2 -c50 -d10s on 127.0.0.1, $(nproc) cores shared with wrk (compare ratios, not absolutes)"
printf '%-28s %12s %10s\n' target req/s "p99 ms"
printf '%-28s %12.0f %10.2f\n' "Switchboard xhttp /x" "$xh_rps" "$xh_p99" \
    "Switchboard microhttpd /x" "$mh_rps" "$mh_p99" \
    "Kamailio 5.6 xhttp /" "$kam_rps" "$kam_p99"
echo
awk -v x="$xh_rps" -v m="$mh_rps" -v k="$kam_rps" 'BEGIN {
    printf "xhttp / Kamailio:      %.2f (target >= 1.0)\n", x / k
    printf "microhttpd / Kamailio: %.2f (target >= 1.0)\n", m / k }'
