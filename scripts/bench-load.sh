#!/bin/sh
# bench-load.sh BIN: the load figures of `make bench` (docs/performance.md).
# Starts `BIN serve` on a free loopback port with a temporary SQLite store,
# creates a trainer, and runs `BIN loadgen` against it: 200 calls × 5 turns
# all at once, three rounds, each against openline and then the floor in
# the same run (the ratios); then 10,000 calls held open without talking,
# for the server's memory per open call. Set LOAD_OPEN=0 to leave out the
# 10,000, LOAD_ROUNDS to change the rounds; DEBUG_ADDR=127.0.0.1:PORT serves
# the server's pprof profiles while it runs; LOADGEN=BIN2 runs the load
# from another binary's loadgen (to compare servers with one client).
set -eu
BIN=${1:?usage: bench-load.sh BIN}
LOADGEN=${LOADGEN:-$BIN}
ROUNDS=${LOAD_ROUNDS:-3}
OPEN=${LOAD_OPEN:-10000}
dir=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM
pw=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$pw" | "$BIN" user add bench --role trainer --data "$dir/data" >/dev/null
# The 10,000 open calls are spread over 200 trainees: 50 each.
"$BIN" serve --addr 127.0.0.1:0 --data "$dir/data" --max-calls-per-user 50 --max-calls 10000 \
	${DEBUG_ADDR:+--debug-addr "$DEBUG_ADDR"} >"$dir/out" 2>"$dir/log" &
pid=$!
for _ in $(seq 100); do grep -q 'listening on' "$dir/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^openline listening on //p' "$dir/out")
[ -n "$url" ] || { echo "serve did not start:"; cat "$dir/log"; exit 1; }
echo "openline serve at $url (pid $pid), 2 cores shared by server, clients and floor"
printf '%s\n' "$pw" | "$LOADGEN" loadgen --url "$url" --trainer bench --pid "$pid" \
	--calls 200 --turns 5 --floor --rounds "$ROUNDS"
if [ "$OPEN" -gt 0 ]; then
	printf '%s\n' "$pw" | "$LOADGEN" loadgen --url "$url" --trainer bench --pid "$pid" \
		--calls "$OPEN" --users 200 --turns 0 --hold 5s
fi
