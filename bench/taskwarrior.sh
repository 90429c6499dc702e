#!/usr/bin/env bash
# bench/taskwarrior.sh: tasking against Taskwarrior on the same 60,000
# actions (the decade: `tasking demo --scale decade --seed 1`).
#
# Installs Taskwarrior from Debian when it is missing, loads every action
# into a throwaway Taskwarrior, then times the same question of both —
# "one agency's open actions, in due order, as CSV/JSON" — alternately, RUNS
# times each, and prints both medians, both peak resident set sizes and the
# ratio. Taskwarrior is asked as one who knows it would ask: status:pending
# (so it reads only its pending tasks, as our open-actions index does) and
# the open tag, exported through a report sorted by due date; the answer is
# checked to be the same actions in the same order. The question as first
# asked here (the tag alone, no status: Taskwarrior then reads its completed
# tasks too) is timed as well, for comparison.
#
#   bench/taskwarrior.sh            # builds the decade (about 20 s)
#   TASKING_BENCH_DB=/tmp/decade.db RUNS=31 bench/taskwarrior.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v task >/dev/null; then
	echo "== installing Taskwarrior"
	if [ "$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi
	$sudo apt-get update -qq >/dev/null
	$sudo apt-get install -y -qq taskwarrior >/dev/null
fi
if [ ! -x /usr/bin/time ]; then
	echo "bench/taskwarrior.sh needs GNU time (/usr/bin/time): apt-get install time" >&2
	exit 1
fi

echo "== building tasking"
go build -o "$work/tasking" ./cmd/tasking
export TASKING_NOW=${TASKING_NOW:-2026-11-24T10:00}
db=${TASKING_BENCH_DB:-}
if [ -z "$db" ]; then
	db="$work/decade.db"
	echo "== building the decade"
	"$work/tasking" demo --scale decade --seed 1 --db "$db" >/dev/null
fi

echo "== loading the same actions into Taskwarrior"
export TASKDATA="$work/taskdata" TASKRC="$work/taskrc"
mkdir -p "$TASKDATA"
# bydue: pending tasks by due date (then by entry, when two fall due together),
# exported as JSON in that order (`task FILTER export bydue`, Taskwarrior 2.6).
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\nrecurrence=off\ngc=off\n' "$TASKDATA" >"$TASKRC"
printf 'report.bydue.columns=id,due,description\nreport.bydue.sort=due+,entry+\nreport.bydue.filter=status:pending\n' >>"$TASKRC"
"$work/tasking" --db "$db" actions --all --format json >"$work/actions.json"
go run ./bench/twimport <"$work/actions.json" >"$work/tasks.json"
task import "$work/tasks.json" >/dev/null 2>&1
total=$(grep -c '"ref"' "$work/actions.json")
echo "   $total actions; Taskwarrior holds $(task status:pending count) pending, $(task status:completed count) completed, $(task status:deleted count) deleted"

# The question: one agency's open actions, in due order. Taskwarrior holds
# the status as a tag on a pending task (bench/twimport).
agency="Derbyshire Constabulary"
project=DerbyshireConstabulary
ours=("$work/tasking" --db "$db" actions --agency police --status open --format csv)
theirs=(task "project:$project" +open status:pending export bydue)
tagonly=(task "project:$project" +open export)
"$work/tasking" --db "$db" actions --agency police --status open --format json | grep -o '"ref": "A-[0-9]*' | sed 's/.*"A-/A-/' >"$work/ours.refs"
"${theirs[@]}" | grep -o '"description":"A-[0-9]*' | sed 's/.*"A-/A-/' >"$work/theirs.refs"
if ! cmp -s "$work/ours.refs" "$work/theirs.refs"; then
	echo "tasking and Taskwarrior answer differently:" >&2
	diff "$work/ours.refs" "$work/theirs.refs" >&2 || true
	exit 1
fi
echo "   $agency's open actions: $(wc -l <"$work/ours.refs") from each, the same in the same order"

measure() { # prints "seconds kilobytes" for one run
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
	cat "$work/time"
}
: >"$work/ours" ; : >"$work/theirs" ; : >"$work/tagonly"
for _ in $(seq "$RUNS"); do
	# Wall time in milliseconds from the shell's clock (time's is 10 ms
	# coarse); peak RSS from GNU time.
	s=$(date +%s%N); "${ours[@]}" >/dev/null; e=$(date +%s%N)
	echo "$(( (e - s) / 1000 )) $(measure "${ours[@]}" | cut -d' ' -f2)" >>"$work/ours"
	s=$(date +%s%N); "${theirs[@]}" >/dev/null; e=$(date +%s%N)
	echo "$(( (e - s) / 1000 )) $(measure "${theirs[@]}" | cut -d' ' -f2)" >>"$work/theirs"
	s=$(date +%s%N); "${tagonly[@]}" >/dev/null; e=$(date +%s%N)
	echo "$(( (e - s) / 1000 ))" >>"$work/tagonly"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ours_us=$(cut -d' ' -f1 "$work/ours" | median)
theirs_us=$(cut -d' ' -f1 "$work/theirs" | median)
ours_kb=$(cut -d' ' -f2 "$work/ours" | sort -n | tail -1)
theirs_kb=$(cut -d' ' -f2 "$work/theirs" | sort -n | tail -1)
tagonly_us=$(median <"$work/tagonly")
awk -v o="$ours_us" -v t="$theirs_us" -v ok="$ours_kb" -v tk="$theirs_kb" -v p="$tagonly_us" -v n="$RUNS" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
	printf "== %d runs each, alternately (load now %s)\n", n, l
	printf "tasking      median %7.1f ms   peak RSS %6.1f MB\n", o/1000, ok/1024
	printf "Taskwarrior  median %7.1f ms   peak RSS %6.1f MB   (status:pending +open, export bydue)\n", t/1000, tk/1024
	printf "tasking is %.1fx faster\n", t/o
	printf "(Taskwarrior asked with the tag alone, reading its completed tasks too: median %.1f ms, %.1fx)\n", p/1000, p/o
}'
