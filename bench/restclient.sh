#!/usr/bin/env bash
# REST client benchmark, run by hand: asynchronous GETs, 100 in flight, against nginx on 127.0.0.1
# answering `return 200 "hello"`, through Switchboard's RestClient, bare HttpClient 5 async and the
# JDK's java.net.http.HttpClient, in one JVM and one run (bench/restclient-bench); then how late after
# curl_timeout 1000 calls sharing 20 slots end against a server that never answers.
# Run as root on Debian from anywhere: bench/restclient.sh [seconds]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
NGINX_PORT=${NGINX_PORT:-8480}
SECONDS_EACH=${1:-10}
IN_FLIGHT=100
NAME=restclient.sh
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

require_free "$NGINX_PORT"
make_work

# The bench main and its classpath, from this checkout's reactor (nothing is installed in ~/.m2).
(cd "$ROOT" && mvn -B -q package dependency:build-classpath -DskipTests -pl bench/restclient-bench -am \
    -Dmdep.outputFile="$WORK/classpath.txt")
CLASSPATH="$ROOT/bench/restclient-bench/target/switchboard.bench.restclient-0.1.0-SNAPSHOT.jar:$(cat "$WORK/classpath.txt")"

# --- nginx with its own configuration and prefix; one worker leaves the other core to the clients ---
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx.conf" <<CFG
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / { return 200 "hello"; }
    }
}
CFG
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 50); do [[ $(status "http://127.0.0.1:$NGINX_PORT/") == 200 ]] && break; sleep 0.1; done
[[ $(status "http://127.0.0.1:$NGINX_PORT/") == 200 ]] || { cat "$WORK/nginx/error.log" >&2; die "nginx never answered 200"; }

# --- Load: three interleaved rounds of switchboard, httpclient5, jdk, each starting with another; 3 s warm-up before each ---
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$CLASSPATH" io.switchboard.bench.rest.RestClientBench \
    "http://127.0.0.1:$NGINX_PORT/" "$IN_FLIGHT" "$SECONDS_EACH" 3 | tee "$WORK/results.txt"
echo "load average after the runs:  $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "$IN_FLIGHT async GETs in flight, ${SECONDS_EACH} s each, nginx 1 worker, $(nproc) cores shared (compare ratios)"
awk '{ r = $2; if (r > best[$1]) best[$1] = r; err[$1] += $3
       if (!($1 in cpu) || $4 < cpu[$1]) cpu[$1] = $4 }
     END {
       printf "%-14s %12s %8s %18s\n", "client", "best req/s", "errors", "least CPU us/req"
       split("switchboard httpclient5 jdk", order, " ")
       for (i = 1; i <= 3; i++) printf "%-14s %12.0f %8d %18.1f\n", order[i], best[order[i]], err[order[i]], cpu[order[i]]
       printf "\nswitchboard / httpclient5: %.2f (target >= 1.0: no regression), CPU per request %.2fx\n",
              best["switchboard"] / best["httpclient5"], cpu["switchboard"] / cpu["httpclient5"]
       printf "switchboard / jdk:         %.2f\n", best["switchboard"] / best["jdk"]
     }' "$WORK/results.txt"

# --- How late curl_timeout fires when 1000 calls share 20 slots (RestLoadTest holds only "never early") ---
echo
java -Xmx512m -cp "$CLASSPATH" io.switchboard.bench.rest.RestClientBench timeouts 1000 20
