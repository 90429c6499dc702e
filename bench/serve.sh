#!/usr/bin/env bash
# bench/serve.sh: the server under load. 30 members connect to `tasking
# serve` over SSH, each with the app open in a terminal, and each makes 100
# action updates on the same connection, all at once, on a copy of the
# decade; then every update is looked for in the record. Prints the updates'
# round trip, the time from each commit to its arrival at the other members'
# apps, and the server's peak resident memory (bench/serveload says how).
#
#   bench/serve.sh                     # builds the decade if it is not cached (about 20 s)
#   TASKING_BENCH_DB=/tmp/decade.db bench/serve.sh
#   bench/serve.sh -sessions 10 -updates 20 -keep
#   bench/serve.sh -postgres "$TASKING_TEST_POSTGRES" -servers 2            # the decade copied in (minutes)
#   bench/serve.sh -postgres "$TASKING_TEST_POSTGRES" -template decade -servers 2   # a clone of a copy made once
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/tasking" ./cmd/tasking
go build -o "$work/serveload" ./bench/serveload
export TASKING_NOW=${TASKING_NOW:-2026-11-24T10:00}
"$work/serveload" -tasking "$work/tasking" "$@"
