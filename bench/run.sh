#!/usr/bin/env bash
# Measures bosman against baselines run alternately in the same invocation,
# by plain spawn-and-wait (bench/measure), printing for each run its median
# wall time, CPU time and peak RSS and its ratios to the baseline:
#
#   export    1,000,000 generated transfermarkt-datasets rows: bench/floor
#             (encoding/csv read + write of 17 columns, no calculation) is the
#             baseline; bosman export; DuckDB with the SQL in bench/duckdb
#             when node and @duckdb/node-api are installed
#             (cd bench/duckdb && npm install)
#   memory    bosman export of 4,000,000 rows, against the 1,000,000 above
#   lookups   bosman player and club over the 1,000,000-row file, against
#             bosman export of the same file
#   expiring  bosman expiring over the 1,000,000 rows, against export of them
#   start-up  bosman player Konate on the embedded data, against hello
#             world; with them hello world linking every package bosman
#             links (the floor of its package initialisation) and bosman
#             --version (the same, and bosman's own)
#   queries   two expiring queries on the embedded data, against player
#             Konate
#
#   bench/run.sh                      all of it, N=5 rounds (start-up: 20)
#   ROWS=200000 BIG=0 N=3 bench/run.sh  a quick run without the 4M file
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
BIG=${BIG:-4000000} # 0: skip the memory run
N=${N:-5}
NSTART=${NSTART:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building in $work" >&2
go build -o "$work/bosman" ./cmd/bosman
go build -o "$work/floor" ./bench/floor
go build -o "$work/gendata" ./cmd/gendata
go build -o "$work/measure" ./bench/measure
mkdir "$work/hello"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$work/hello/main.go"
printf 'module hello\n\ngo 1.26\n' >"$work/hello/go.mod"
(cd "$work/hello" && go build -o "$work/hello-bin" .)
# the same hello world linking every package bosman links but its own (a
# blank import each, so their package initialisation runs): the start-up
# no code of bosman's can go below
mkdir "$work/deps"
{
	printf 'package main\n\nimport (\n\t"fmt"\n'
	go list -deps ./cmd/bosman | grep -v -E -e '^github.com/bosmanhq/' -e '(^|/)internal(/|$)' -e '^vendor/' -e '^(C|fmt)$' | sed 's/.*/\t_ "&"/'
	printf ')\n\nfunc main() { fmt.Println("hello") }\n'
} >"$work/deps/main.go"
go build -o "$work/deps-bin" "$work/deps/main.go"

echo "generating $ROWS rows" >&2
"$work/gendata" -rows "$ROWS" -format tmdatasets -seed 1 -o "$work/players.csv"
# one player and one club that no generated row shares, for the lookups
printf '%s\r\n' '9999999,Zeno,Lookup,Zeno Lookup,2025,99999,zeno-lookup,Norway,Oslo,Norway,1999-05-25 00:00:00,Centre-Back,Defender,right,188,2027-06-30 00:00:00,,,,,,https://www.transfermarkt.co.uk/zeno-lookup/profil/spieler/9999999,GB1,Lookup Town FC,5000000,5000000' >>"$work/players.csv"
export BOSMAN_TODAY=2026-06-01
B="$work/bosman"
P="$work/players.csv"

echo "== export: $ROWS rows, $(du -m "$P" | cut -f1) MB"
runs=("floor=$work/floor $P" "bosman=$B export --data $P")
if command -v node >/dev/null && (cd bench/duckdb && node -e "require.resolve('@duckdb/node-api')" 2>/dev/null); then
	runs+=("duckdb=node bench/duckdb/export.mjs $P")
else
	echo "(DuckDB not installed: cd bench/duckdb && npm install)"
fi
"$work/measure" -n "$N" "${runs[@]}"
echo
echo "== expiring over the same $ROWS rows, against export of them"
# csv: every contract of the default horizon held, sorted and written;
# table: the 50 most valuable centre-backs for a Spanish club
"$work/measure" -n "$N" "export=$B export --data $P" "expiring-csv=$B expiring --data $P --to ESP --format csv" \
	"expiring-table=$B expiring --data $P --to ESP --position CB"

if [ "$BIG" != 0 ]; then
	echo
	echo "generating $BIG rows" >&2
	"$work/gendata" -rows "$BIG" -format tmdatasets -seed 2 -o "$work/big.csv"
	echo "== memory: export of $ROWS rows, then of $BIG rows ($(du -m "$work/big.csv" | cut -f1) MB)"
	"$work/measure" -n "$N" "bosman-$ROWS=$B export --data $P" "bosman-$BIG=$B export --data $work/big.csv"
	rm -f "$work/big.csv"
fi

echo
echo "== lookups over $ROWS rows, against reading them all for export"
"$work/measure" -n "$N" "export=$B export --data $P" "player=$B player --data $P Zeno Lookup" "club=$B club --data $P --all Lookup Town"

echo
echo "== start-up: bosman player Konate (embedded data), against hello world"
# alone: alternating with the 30 ms queries below slowed hello world
# (1.0 ms alone, 1.3-1.4 ms after them) more than bosman, and so
# flattered bosman's ratio by a fifth
"$work/measure" -n "$NSTART" "hello=$work/hello-bin" "linked-packages=$work/deps-bin" "version=$B --version" "player-konate=$B player Konate"
echo
echo "== queries over the embedded data, against player Konate"
"$work/measure" -n "$NSTART" "player-konate=$B player Konate" "expiring-cb=$B expiring --to ESP --position CB" "expiring-all=$B expiring --format csv"
