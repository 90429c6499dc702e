#!/usr/bin/env bash
# bench/bigwindow.sh: one member claims a 10000×10000 terminal from `tasking
# serve` on 127.0.0.1 for 3 s; prints the server's memory while it is held
# and after it has gone, and another member's command times meanwhile
# (bench/bigwindow says how). Bounded: the server is killed past 6 GB.
#
#   bench/bigwindow.sh
#   bench/bigwindow.sh -width 500 -height 200
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/tasking" ./cmd/tasking
go build -o "$work/bigwindow" ./bench/bigwindow
export TASKING_NOW=${TASKING_NOW:-2026-11-24T10:00}
"$work/bigwindow" -tasking "$work/tasking" "$@"
