#!/usr/bin/env bash
# bench/tui.sh: the app on the decade, in a real terminal (tmux): time from
# start to the first drawn home, then the peak resident memory after home,
# the meeting screen and My actions (every agency).
#
#   bench/tui.sh                       # builds the decade (about 20 s)
#   TASKING_BENCH_DB=/tmp/decade.db RUNS=9 bench/tui.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
command -v tmux >/dev/null || { echo "bench/tui.sh needs tmux" >&2; exit 1; }
work=$(mktemp -d)
sock="$work/tmux"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/tasking" ./cmd/tasking
export TASKING_NOW=${TASKING_NOW:-2026-11-24T10:00} XDG_CONFIG_HOME="$work/config"
src=${TASKING_BENCH_DB:-}
if [ -z "$src" ]; then
	src="$work/decade.db"
	"$work/tasking" demo --scale decade --seed 1 --db "$src" >/dev/null
fi
db="$work/copy.db"
cp "$src" "$db"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
screen() { tmux -S "$sock" capture-pane -p -t bench; }
wait_for() { # text, timeout ms
	local until=$(( $(now_ms) + ${2:-10000} ))
	while ! screen | grep -qF "$1"; do
		[ "$(now_ms)" -lt "$until" ] || { echo "timed out waiting for: $1" >&2; screen >&2; exit 1; }
		sleep 0.002
	done
}

starts=()
for _ in $(seq "$RUNS"); do
	t0=$(now_ms)
	tmux -S "$sock" new-session -d -s bench -x 160 -y 48 "$work/tasking --db $db --as 'Helen Marsh'"
	wait_for "Hotspots by risk"
	starts+=($(( $(now_ms) - t0 )))
	tmux -S "$sock" kill-session -t bench
	sleep 0.2
done
median=$(printf '%s\n' "${starts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

# Home, then a meeting (started: the chair's first key), then My actions
# for every agency: the resident memory at its highest.
tmux -S "$sock" new-session -d -s bench -x 160 -y 48 "$work/tasking --db $db --as 'Helen Marsh'"
wait_for "Hotspots by risk"
pid=""
for p in $(pgrep -f "$work/tasking --db $db"); do
	[ "$(readlink "/proc/$p/exe")" = "$work/tasking" ] && pid=$p
done
tmux -S "$sock" send-keys -t bench m
wait_for "start"
tmux -S "$sock" send-keys -t bench y
wait_for "Confidentiality statement"
tmux -S "$sock" send-keys -t bench q
wait_for "Hotspots by risk"
tmux -S "$sock" send-keys -t bench A
wait_for "My actions"
tmux -S "$sock" send-keys -t bench t
wait_for "all agencies"
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "cold start to the first drawn home: median ${median} ms of $RUNS (${starts[*]})"
echo "resident memory after home, a meeting and My actions: $((rss / 1024)) MB now, $((hwm / 1024)) MB at most"
