#!/usr/bin/env bash
# bench/serveexport.sh: exports over SSH, inside the server. On a copy of
# the decade, `tasking serve` runs as a process of its own; the chair's
# fresh ed25519 key is added with `tasking member key add`; then, each on a
# freshly started server, one `ssh … export actions --format xlsx -o -` and
# three at once. Prints the server's resident memory before (after one small
# command, so the server has run a command), its peak (VmHWM) and the
# difference, and how long the exports took. Needs OpenSSH's ssh.
#
#   bench/serveexport.sh                       # builds the decade (about 20 s)
#   TASKING_BENCH_DB=/tmp/decade.db bench/serveexport.sh
#   TASKING=/tmp/old-tasking bench/serveexport.sh   # another build, for a before
#   FORMAT=csv bench/serveexport.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ssh >/dev/null || { echo "bench/serveexport.sh needs ssh (openssh-client)" >&2; exit 1; }
FORMAT=${FORMAT:-xlsx}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
bin=${TASKING:-}
if [ -z "$bin" ]; then
	bin="$work/tasking"
	go build -o "$bin" ./cmd/tasking
fi
export TASKING_NOW=${TASKING_NOW:-2026-11-24T10:00} XDG_CONFIG_HOME="$work/config"
src=${TASKING_BENCH_DB:-}
if [ -z "$src" ]; then
	src="$work/decade.db"
	"$bin" demo --scale decade --seed 1 --db "$src" >/dev/null
fi
db="$work/copy.db"
cp "$src" "$db"
ssh-keygen -q -t ed25519 -N '' -f "$work/key"
"$bin" --db "$db" --as 'Helen Marsh' member key add 'Helen Marsh' "$work/key.pub" >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
remote() {
	ssh -q -i "$work/key" -p "$port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o IdentitiesOnly=yes -o BatchMode=yes 127.0.0.1 "$@"
}
status() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$pid/status"; }
mb() { echo "$(( $1 / 1024 )) MB"; }

serve() { # starts a fresh server; sets pid
	"$bin" --db "$db" serve --listen "127.0.0.1:$port" --host-key "$work/host_key" >"$work/serve.log" 2>&1 &
	pid=$!
	for _ in $(seq 600); do
		grep -q 'ctrl+c stops the server' "$work/serve.log" && return
		sleep 0.1
	done
	echo "tasking serve did not start" >&2
	cat "$work/serve.log" >&2
	exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

run() { # n: n exports at once on a fresh server
	local n=$1
	serve
	remote actions --agency police --format csv >/dev/null
	local before
	before=$(status VmRSS)
	local s e
	s=$(date +%s%N)
	local exports=()
	for i in $(seq "$n"); do
		remote export actions --format "$FORMAT" -o - >"$work/out$i" &
		exports+=($!)
	done
	wait "${exports[@]}"
	e=$(date +%s%N)
	local peak
	peak=$(status VmHWM)
	printf '%d at once: server %s before, %s at most (VmHWM): %s added; %d ms for all; each export %s bytes\n' \
		"$n" "$(mb "$before")" "$(mb "$peak")" "$(mb $((peak - before)))" $(((e - s) / 1000000)) "$(stat -c %s "$work/out1")"
	stop
}

echo "== $FORMAT exports of the decade over SSH (load: $(cut -d' ' -f1-3 /proc/loadavg))"
run 1
run 3
