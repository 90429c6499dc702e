#!/usr/bin/env bash
# bench/startup.sh: tasking as whole processes on the decade, against a Go
# hello world built by the same Go in the same run (bench/startup says how:
# rounds of every command in turn, medians, ratios to the hello world of the
# same round, peak resident memory), then the commands that read the decade
# whole, once each.
#
#   bench/startup.sh                            # builds the decade (about 20 s)
#   TASKING_BENCH_DB=/tmp/decade.db bench/startup.sh -runs 51
#   bench/startup.sh -demo                      # and time building a decade
#   TASKING=/tmp/old-tasking bench/startup.sh   # another build, for a before
#   bench/startup.sh -before /tmp/old-tasking   # both, in the same rounds
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${TASKING:-}
if [ -z "$bin" ]; then
	# Built as the README builds a release: static (CGO_ENABLED=0), with no
	# dynamic loader or libc to start, like the hello world it is timed
	# against. CGO_ENABLED=1 bench/startup.sh times a build that links libc.
	bin="$work/tasking"
	CGO_ENABLED=${CGO_ENABLED:-0} go build -o "$bin" ./cmd/tasking
fi
mkdir "$work/hello"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello, world") }\n' >"$work/hello/main.go"
printf 'module hello\n\ngo 1.26\n' >"$work/hello/go.mod"
(cd "$work/hello" && go build -o "$work/hello/hello" .)
go build -o "$work/startup" ./bench/startup
export TASKING_NOW=${TASKING_NOW:-2026-11-24T10:00} XDG_CONFIG_HOME="$work/config"
db=${TASKING_BENCH_DB:-}
if [ -z "$db" ]; then
	db="$work/decade.db"
	"$bin" demo --scale decade --seed 1 --db "$db" >/dev/null
fi
"$work/startup" -tasking "$bin" -hello "$work/hello/hello" -db "$db" "$@"
