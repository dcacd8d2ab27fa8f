#!/usr/bin/env bash
# Load test of the appointment slot search against a real `rathaus demo`
# process (SQLite, the demo city's five bookable offices): every bookable
# service's free slots over 8 weeks through the JSON API, 100 clients.
#
#   bench/appointments.sh                 # 10 s per run
#   DURATION=30s RATES="100 500" bench/appointments.sh
#
# The in-process benchmark over 10 offices is
#   go test -run '^$' -bench FindSlots -benchmem ./internal/appointment/
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CLIENTS=${CLIENTS:-100}
PORT=${PORT:-18090}
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/rathaus" ./cmd/rathaus
go build -o "$work/load" ./bench/load
RATHAUS_LOG_LEVEL=error "$work/rathaus" demo --db "$work/bench.db" --addr "127.0.0.1:$PORT" >"$work/demo.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$PORT"
for _ in $(seq 100); do
	curl -fsS "$base/readyz" >/dev/null 2>&1 && break
	sleep 0.2
done
from=$(date -d tomorrow +%F)
to=$(date -d '+56 days' +%F)
ids=$(curl -fsS "$base/api/v1/services?limit=100" | jq -r '.items[].id')
for id in $ids; do
	url="$base/api/v1/appointments/slots?service=$id&from=$from&to=$to"
	n=$(curl -fsS "$url" | jq '.slots | length')
	[ "$n" -gt 0 ] && echo "$url" >>"$work/slots.txt"
done
echo "$(wc -l <"$work/slots.txt") bookable services, 8 weeks each; $CLIENTS clients, $DURATION per run; $(nproc) CPUs"
echo "closed loop: $CLIENTS clients back to back (saturation)"
"$work/load" -c "$CLIENTS" -d "$DURATION" -label slots-api -urls "$work/slots.txt"
for rate in ${RATES:-100 500 1000}; do
	echo "open loop: $rate req/s over up to $CLIENTS connections"
	"$work/load" -c "$CLIENTS" -d "$DURATION" -rate "$rate" -label slots-api -urls "$work/slots.txt" | tail -n 1
done
