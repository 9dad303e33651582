#!/usr/bin/env bash
# Hot swap benchmark, run by hand: updates each Switchboard bundle (and a handler bundle) in turn,
# SWAPS times each, under a wrk load and a 20 ms probe of every route; prints per swap the requests,
# socket errors and non-2xx wrk saw and the probe's failures and longest wait. Then measures what the
# two bundles meant to stay cost when updated (the anchor, the API with a refresh), and runs a soak of
# mixed traffic with one update every 30 s, printing RSS, heap after GC, threads, descriptors and
# loaded classes at its start and end.
# Run as root on Debian from anywhere: bench/hotswap.sh [soak-seconds, default 600]
# (SWAPS=n sets the updates of each bundle, 10; STAY=n those of the anchor and the API, 3.)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8888
MICRO_PORT=8280
NGINX_PORT=${NGINX_PORT:-8480}
SWAPS=${SWAPS:-10}
STAY=${STAY:-3}          # updates of the anchor and of the API (with a refresh), which cost an outage
SOAK=${1:-600}
NAME=hotswap.sh
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

command -v wrk >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; }
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

APP_JAR=$ROOT/app/target/switchboard.jar
[[ -f $APP_JAR ]] || (cd "$ROOT" && mvn -B -q install -DskipTests)
require_free "$PORT" "$MICRO_PORT" "$NGINX_PORT"
make_work
cd "$WORK"

# --- nginx, the server the REST calls go to ---
mkdir -p nginx/logs
cat > nginx.conf <<CFG
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server { listen 127.0.0.1:$NGINX_PORT; location / { return 200 "hello"; } }
}
CFG
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
NGINX_PID=$!

# --- The container with both examples: a root (/hello) and an event handler (fallback, microhttpd) ---
cp "$APP_JAR" .
mkdir deploy
cp "$ROOT"/examples/hello.bundle/target/switchboard.examples.hello-*.jar deploy/
cp "$ROOT"/examples/xhttp.bundle/target/switchboard.examples.xhttp-*.jar deploy/
# Soft references (caches the JVM would clear under memory pressure) are cleared at every GC here, so
# that the footprint counts what is really kept, not what a cache still happens to hold.
java -XX:SoftRefLRUPolicyMSPerMB=0 -jar switchboard.jar </dev/null >java.log 2>&1 &
JAVA_PID=$!
for url in "http://127.0.0.1:$PORT/hello" "http://127.0.0.1:$PORT/no-root" "http://127.0.0.1:$MICRO_PORT/x"; do
    for _ in $(seq 300); do [[ $(status "$url") == 200 ]] && break; sleep 0.1; done
    [[ $(status "$url") == 200 ]] || { tail -n 40 java.log >&2; die "$url never answered 200"; }
done

mi() {
    curl -s --max-time 30 -H 'Content-Type: application/json' \
        -d "{\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":${2:-{\}},\"id\":1}" "http://127.0.0.1:$PORT/mi"
}
UPTIME='{"jsonrpc":"2.0","method":"uptime","id":1}'
REST="{\"jsonrpc\":\"2.0\",\"method\":\"rest_get\",\"params\":{\"url\":\"http://127.0.0.1:$NGINX_PORT/\"},\"id\":1}"
post_script uptime.lua "$UPTIME"
post_script rest.lua "$REST"
[[ $(mi rest_get "{\"url\":\"http://127.0.0.1:$NGINX_PORT/\"}") == *'"rc":1'* ]] || die "the REST client does not reach nginx"

javac -d "$WORK" "$ROOT/bench/probe/Probe.java"
PROBES=("hello|$PORT|GET|/hello/probe|hello, probe"
    "mi|$PORT|POST|/mi|Up time|$UPTIME"
    "fallback|$PORT|GET|/no-root|hello"
    "microhttpd|$MICRO_PORT|GET|/x|hello"
    "rest|$PORT|POST|/mi|\"rc\":1|$REST")

# wrk's figures: requests, socket errors, non-2xx
wrk_figures() {
    awk '/requests in/ { req = $1 }
         /Socket errors/ { gsub(/,/, ""); err = $4 + $6 + $8 + $10 }
         /Non-2xx/ { bad = $5 }
         END { printf "%d %d %d\n", req, err, bad }' "$1"
}

# One update of $2 under wrk on $3 (further arguments go to wrk) and the probe: one line of figures.
swap() {
    local label=$1 bundle=$2 url=$3 req err bad probed failed longest first
    shift 3
    wrk -t2 -c20 -d4s "$@" "$url" >wrk.out 2>&1 &
    local wrk_pid=$!
    java -cp "$WORK" Probe 20 4 "${PROBES[@]}" >probe.out &
    local probe_pid=$!
    sleep 1.5
    # The MI's own connection goes through the anchor: updating the anchor or the API may cut it.
    mi bundle_update "{\"bundle\":\"$bundle\"}" >update.out || true
    [[ $bundle != switchboard.api ]] || mi bundle_refresh >>update.out || true
    wait "$wrk_pid" || true
    wait "$probe_pid" || true
    case $bundle in
    switchboard.anchor | switchboard.api) ;;
    *) grep -q '"result"' update.out || { cat update.out >&2; die "the update of $bundle failed"; } ;;
    esac
    read -r req err bad < <(wrk_figures wrk.out)
    read -r probed failed longest first < <(awk '{ n += $2; f += $3; if ($4 > l) l = $4; if ($3 > 0 && first == "") first = $1 ":" $5 }
        END { printf "%d %d %d %s\n", n, f, l, first == "" ? "-" : first }' probe.out)
    printf '%-12s %-26s %8d req  %5d socket errors  %5d non-2xx | probe %4d req  %3d failed  longest %5d ms  %s\n' \
        "$label" "$bundle" "$req" "$err" "$bad" "$probed" "$failed" "$longest" "$first"
    TOTAL_ERRORS=$((TOTAL_ERRORS + err + bad + failed))
    [[ $longest -le $WORST ]] || WORST=$longest
}

echo "== $SWAPS updates of each bundle; wrk -t2 -c20 on the route it serves, the probe every 20 ms on every route"
TOTAL_ERRORS=0 WORST=0
for i in $(seq "$SWAPS"); do swap "httpd #$i" switchboard.httpd "http://127.0.0.1:$PORT/hello"; done
for i in $(seq "$SWAPS"); do swap "hello #$i" switchboard.examples.hello "http://127.0.0.1:$PORT/hello"; done
for i in $(seq "$SWAPS"); do swap "mihttp #$i" switchboard.mihttp "http://127.0.0.1:$PORT/mi" -s uptime.lua; done
for i in $(seq "$SWAPS"); do swap "xhttp #$i" switchboard.xhttp "http://127.0.0.1:$MICRO_PORT/x"; done
for i in $(seq "$SWAPS"); do swap "rest #$i" switchboard.restclient "http://127.0.0.1:$PORT/mi" -s rest.lua; done
echo "all swaps: $TOTAL_ERRORS errors and non-2xx in all, longest probe wait $WORST ms (goal: 0 and under 1000 ms)"

echo "== the bundles meant to stay: what one update costs"
TOTAL_ERRORS=0 WORST=0
for i in $(seq "$STAY"); do swap "anchor #$i" switchboard.anchor "http://127.0.0.1:$PORT/hello"; done
for i in $(seq "$STAY"); do swap "api+refresh #$i" switchboard.api "http://127.0.0.1:$PORT/hello"; done
for url in "http://127.0.0.1:$PORT/hello" "http://127.0.0.1:$PORT/no-root" "http://127.0.0.1:$MICRO_PORT/x"; do
    for _ in $(seq 300); do [[ $(status "$url") == 200 ]] && break; sleep 0.1; done
done

# --- Soak: mixed traffic, one update every 30 s ---
# How many revisions of each bundle the JVM still has classes of: one each, but for a leak.
revisions() {
    jcmd "$JAVA_PID" VM.class_hierarchy | awk '
        /--io\.switchboard\.httpd\.internal\.Httpd\//             { n["httpd"]++ }
        /--io\.switchboard\.mihttp\.internal\.MiHttp\//           { n["mihttp"]++ }
        /--io\.switchboard\.xhttp\.internal\.Xhttp\//             { n["xhttp"]++ }
        /--io\.switchboard\.rest\.internal\.HttpRestClient\//     { n["restclient"]++ }
        /--io\.switchboard\.examples\.hello\.HelloRoot\//         { n["hello"]++ }
        END { printf "  loaded revisions:"; for (b in n) printf " %s %d", b, n[b]; print "" }'
}
# Measured after a pause, once the GC has run twice (the second unloads what the first let go of).
# Jetty's pools (Pax Web's, microhttpd's) grow with the load and shrink by one thread a minute: the
# threads Switchboard starts itself are counted apart, by name.
footprint() {
    sleep "${SETTLE:-65}"
    jcmd "$JAVA_PID" GC.run >/dev/null
    jcmd "$JAVA_PID" GC.run >/dev/null
    local heap classes ours
    heap=$(jcmd "$JAVA_PID" GC.heap_info | awk '/ total / { for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print v; exit } }')
    classes=$(jstat -class "$JAVA_PID" | awk 'NR == 2 { print $1 - $3 }')
    ours=$(jstack "$JAVA_PID" | grep -cE '^"(switchboard-|httpclient-)' || true)
    awk -v rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$JAVA_PID/status")" -v heap="$heap" \
        -v threads="$(awk '/^Threads:/ { print $2 }' "/proc/$JAVA_PID/status")" -v ours="$ours" \
        -v fds="$(find "/proc/$JAVA_PID/fd" -mindepth 1 | wc -l)" -v classes="$classes" -v what="$1" \
        'BEGIN { printf "%-6s RSS %6.1f MiB  heap after GC %6.1f MiB  Switchboard threads %3d  descriptors %4d  classes %6d  (all threads %d)\n",
                 what, rss / 1024, heap / 1024, ours, fds, classes, threads }'
}
echo "== soak: $SOAK s of mixed traffic (a root, the MI, the xhttp fallback, microhttpd, REST calls), one update every 30 s"
# Warm first: traffic on every route and one update of each bundle, so that what only starts with the
# first update (httpd's hold timer, the anchor's socket timer) and the JIT's work are not counted as growth.
for url in "http://127.0.0.1:$PORT/hello" "http://127.0.0.1:$PORT/no-root" "http://127.0.0.1:$MICRO_PORT/x"; do
    wrk -t1 -c4 -d10s "$url" >/dev/null
done
wrk -t1 -c4 -d10s -s uptime.lua "http://127.0.0.1:$PORT/mi" >/dev/null
wrk -t1 -c4 -d10s -s rest.lua "http://127.0.0.1:$PORT/mi" >/dev/null
for bundle in switchboard.httpd switchboard.examples.hello switchboard.mihttp switchboard.xhttp switchboard.restclient; do
    mi bundle_update "{\"bundle\":\"$bundle\"}" >/dev/null
    sleep 1
done
footprint start | tee footprint.out
revisions
wrk -t1 -c4 -d"${SOAK}s" "http://127.0.0.1:$PORT/hello" >soak-hello.out 2>&1 &
wrk -t1 -c4 -d"${SOAK}s" -s uptime.lua "http://127.0.0.1:$PORT/mi" >soak-mi.out 2>&1 &
wrk -t1 -c4 -d"${SOAK}s" "http://127.0.0.1:$PORT/no-root" >soak-fallback.out 2>&1 &
wrk -t1 -c4 -d"${SOAK}s" "http://127.0.0.1:$MICRO_PORT/x" >soak-micro.out 2>&1 &
wrk -t1 -c4 -d"${SOAK}s" -s rest.lua "http://127.0.0.1:$PORT/mi" >soak-rest.out 2>&1 &
ROTATION=(switchboard.httpd switchboard.examples.hello switchboard.mihttp switchboard.xhttp switchboard.restclient)
updates=0
for ((t = 30; t < SOAK; t += 30)); do
    sleep 30
    mi bundle_update "{\"bundle\":\"${ROTATION[updates % ${#ROTATION[@]}]}\"}" >/dev/null
    updates=$((updates + 1))
done
wait $(jobs -p | grep -v -e "^$NGINX_PID\$" -e "^$JAVA_PID\$")
for out in soak-*.out; do
    read -r req err bad < <(wrk_figures "$out")
    printf '  %-18s %9d req  %5d socket errors  %5d non-2xx\n' "${out%.out}" "$req" "$err" "$bad"
done
echo "  $updates updates"
footprint end | tee -a footprint.out
revisions
awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+$/) v[NR, i] = $i; n = NF }
     END { split("RSS heap threads descriptors classes", names, " "); k = 0
           for (i = 1; i <= n; i++) if ((1, i) in v) { k++; printf "  %s %+.1f%%", names[k], (v[2, i] - v[1, i]) * 100 / v[1, i] }
           print "  (goal: each within 10 %)" }' footprint.out
