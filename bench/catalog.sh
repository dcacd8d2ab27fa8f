#!/usr/bin/env bash
# Load test of the service finder against a real `rathaus demo` process:
# the demo catalogue of Jena plus Munich's and Berlin's real DLDB exports
# (about 1,000 services) on SQLite, 100 concurrent clients.
#
#   bench/catalog.sh            # 10 s per run
#   DURATION=30s CLIENTS=100 bench/catalog.sh
#
# It prints requests per second and latency percentiles for the JSON
# search, the HTML search page and one service page, and for a bare
# net/http handler serving the service page's bytes in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data/services}
DURATION=${DURATION:-10s}
CLIENTS=${CLIENTS:-100}
PORT=${PORT:-18089}
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

go build -o "$work/rathaus" ./cmd/rathaus
go build -o "$work/load" ./bench/load
db="$work/bench.db"
"$work/rathaus" import dldb --db "$db" --source dldb:muenchen \
	--services "$DATA/muenchen_dldb_services_de_2026-06.json" \
	--locations "$DATA/muenchen_dldb_locations_de_2026-06.json" >/dev/null
"$work/rathaus" import dldb --db "$db" --source dldb:berlin \
	--services "$DATA/berlin_dldb_services_names_de_2018.json" >/dev/null
RATHAUS_LOG_LEVEL=error "$work/rathaus" demo --db "$db" --addr "127.0.0.1:$PORT" >"$work/demo.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$PORT"
for _ in $(seq 100); do
	curl -fsS "$base/readyz" >/dev/null 2>&1 && break
	sleep 0.2
done
total=$(curl -fsS "$base/api/v1/services?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
echo "catalogue: $total published services; $CLIENTS clients, $DURATION per run; $(nproc) CPUs"

# Every labelled question of the quality set, as JSON and HTML searches.
cut -f1 internal/search/testdata/munich_queries.tsv | grep -v '^#' | grep -v '^query$' |
	while IFS= read -r q; do
		enc=$(printf '%s' "$q" | jq -sRr @uri)
		echo "$base/api/v1/services?q=$enc&limit=10" >>"$work/api.txt"
		echo "$base/leistungen?q=$enc" >>"$work/html.txt"
	done
id=$(curl -fsS "$base/api/v1/services?q=Personalausweis&limit=1" | sed -E 's/.*"id":([0-9]+).*/\1/')

echo "closed loop: $CLIENTS clients back to back (saturation)"
"$work/load" -c "$CLIENTS" -d "$DURATION" -label search-api -urls "$work/api.txt"
"$work/load" -c "$CLIENTS" -d "$DURATION" -label search-html -urls "$work/html.txt" | tail -n 1
"$work/load" -c "$CLIENTS" -d "$DURATION" -label service -bare "$base/leistungen/$id" | tail -n 2
for rate in ${RATES:-500 1000 2000}; do
	echo "open loop: $rate req/s over up to $CLIENTS connections"
	"$work/load" -c "$CLIENTS" -d "$DURATION" -rate "$rate" -label search-api -urls "$work/api.txt" | tail -n 1
done
