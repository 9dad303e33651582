# What the bench scripts share; sourced, not run. The caller sets ROOT, NAME and KAM_PORT before
# sourcing, and JAVA_PID/KAM_PID/NGINX_PID as it starts processes.
WRK=(wrk -t2 -c50 -d10s --latency)
WARMUP=${WARMUP:-10s}   # JIT: the deeper paths reach full speed after several seconds of load
JAVA_PID= KAM_PID= NGINX_PID=

die() { echo "$NAME: $*" >&2; exit 1; }
listening() { ss -Hltn "sport = :$1" | grep -q .; }
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1" || true; }
now_ns() { date +%s%N; }

# The peers come from Debian's packages.
install_peers() {
    if ! command -v kamailio >/dev/null || ! command -v wrk >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y kamailio wrk
    fi
}

# Another listener on these ports would be measured instead of ours.
require_free() {
    for port in "$@"; do
        listening "$port" && die "port $port is taken"
    done
    return 0
}

# A fresh working folder, removed with every process started in it when the script ends.
make_work() {
    WORK=$(mktemp -d /tmp/switchboard-bench.XXXXXX)
    trap cleanup EXIT
    trap 'exit 130' INT TERM
}

cleanup() {
    for pid in $JAVA_PID $KAM_PID $NGINX_PID; do kill "$pid" 2>/dev/null || true; done
    # Give Felix and Kamailio's children time to go before their folder does.
    for pid in $JAVA_PID $KAM_PID $NGINX_PID; do
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}

# Kamailio 5.6 xhttp answering hello (STACK.md's minimal configuration); with KAM_JSONRPC=1 it
# also loads jsonrpcs and dispatches /RPC to it.
start_kamailio() {
    local jsonrpc_module= route='xhttp_reply("200", "OK", "text/plain", "hello");'
    if [[ ${KAM_JSONRPC:-0} == 1 ]]; then
        jsonrpc_module='loadmodule "jsonrpcs.so"
modparam("jsonrpcs", "transport", 1)'
        route='if ($hu =~ "^/RPC") { jsonrpc_dispatch(); exit; } xhttp_reply("200", "OK", "text/plain", "hello");'
    fi
    mkdir -p "$WORK/kamailio"
    cat > "$WORK/kamailio.cfg" <<CFG
#!KAMAILIO
children=2
tcp_children=2
listen=tcp:127.0.0.1:$KAM_PORT
tcp_accept_no_cl=yes
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "sl.so"
loadmodule "xhttp.so"
$jsonrpc_module
request_route { drop; }
event_route[xhttp:request] { $route }
CFG
    kamailio -f "$WORK/kamailio.cfg" -DD -E -Y "$WORK/kamailio" -P "$WORK/kamailio.pid" >"$WORK/kamailio.log" 2>&1 &
    KAM_PID=$!
    for _ in $(seq 50); do [[ $(status "http://127.0.0.1:$KAM_PORT/") == 200 ]] && return 0; sleep 0.1; done
    tail -n 40 "$WORK/kamailio.log" >&2
    die "Kamailio never answered 200"
}

# CPU time, in clock ticks, of process $1 and every process under it (Kamailio's and nginx's workers
# are children of the process the script started), reaped children included. A process may end while
# /proc is read; its name may hold spaces and parentheses, so fields count from its closing one.
tree_ticks() {
    { cat /proc/[0-9]*/stat 2>/dev/null || :; } | awk -v root="$1" '
        { pid = $1; sub(/^.*\) /, ""); parent[pid] = $2; ticks[pid] = $12 + $13 + $14 + $15 }
        END { for (pid in parent) { p = pid; while (p != root && p in parent && p > 1) p = parent[p]
                                    if (p == root) sum += ticks[pid] }
              print sum + 0 }'
}

# Loads URL $2 served by process $1 and prints "req/s p99-ms cpu-us": cpu-us is the CPU time (user
# and system) that process and its children spent per request, wrk's own excluded. Throughput on this
# shared machine moves with the neighbours; the CPU a request costs the server moves much less.
# Non-2xx answers or socket errors would make the figures meaningless. Further arguments go to wrk
# before the URL (a Lua script for POSTs).
measure() {
    local out pid=$1 url=$2 before after
    shift 2
    [[ $pid =~ ^[0-9]+$ ]] || die "measure: no process id for $url"
    before=$(tree_ticks "$pid")
    out=$("${WRK[@]}" "$@" "$url")
    after=$(tree_ticks "$pid")
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "$out" >&2; echo "$NAME: errors on $url" >&2; fi
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
         /^Requests\/sec:/ { rps = $2 }
         / requests in / { requests = $1 }
         $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
                       p99 = u == "us" ? v / 1000 : u == "s" ? v * 1000 : u == "m" ? v * 60000 : v }
         END { printf "%s %s %.1f\n", rps, p99, requests ? ticks / hz * 1e6 / requests : 0 }' <<<"$out"
}

warm() { local url=$1; shift; wrk -t2 -c50 -d"$WARMUP" "$@" "$url" >/dev/null; }

# Writes the wrk Lua script $1 that POSTs the JSON body $2.
post_script() {
    cat > "$1" <<LUA
wrk.method = "POST"
wrk.body   = '$2'
wrk.headers["Content-Type"] = "application/json"
LUA
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Measures each "label|pid|url" or "label|pid|url|wrk-lua-script" target (pid: the process that
# serves it) ROUNDS times, interleaved, so a slow moment of this shared machine hits every target
# alike; prints each round and leaves the medians in RPS, P99 and CPU (us per request), each taken
# on its own, so a target's median req/s and CPU may come from different rounds.
ROUNDS=${ROUNDS:-3}
declare -A RPS P99 CPU
measure_rounds() {
    local i label round rps p99 cpu
    local -a labels=() pids=() urls=() scripts=() args
    declare -A all_rps=() all_p99=() all_cpu=()
    for i in $(seq $#); do
        IFS='|' read -r 'labels[i]' 'pids[i]' 'urls[i]' 'scripts[i]' <<<"${!i}"
    done
    for i in "${!labels[@]}"; do
        args=(${scripts[i]:+-s "${scripts[i]}"})
        warm "${urls[i]}" "${args[@]}"
    done
    for round in $(seq "$ROUNDS"); do
        for i in "${!labels[@]}"; do
            args=(${scripts[i]:+-s "${scripts[i]}"})
            read -r rps p99 cpu < <(measure "${pids[i]}" "${urls[i]}" "${args[@]}")
            printf '  round %d  %-34s %10.0f req/s  p99 %6.2f ms  %6.1f us CPU/req\n' "$round" "${labels[i]}" "$rps" "$p99" "$cpu"
            all_rps[${labels[i]}]+="$rps "
            all_p99[${labels[i]}]+="$p99 "
            all_cpu[${labels[i]}]+="$cpu "
        done
    done
    for label in "${labels[@]}"; do
        # shellcheck disable=SC2086 # one figure per word
        RPS[$label]=$(median ${all_rps[$label]})
        # shellcheck disable=SC2086
        P99[$label]=$(median ${all_p99[$label]})
        # shellcheck disable=SC2086
        CPU[$label]=$(median ${all_cpu[$label]})
    done
}
