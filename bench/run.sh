#!/usr/bin/env bash
# Measures bosman's export of 1,000,000 rows against the floor (read the CSV
# and write 17 columns with encoding/csv, no calculation), and the start-up of
# 'bosman player Konate' against a hello-world Go program.
#
#   bench/run.sh            N=5 export runs, N=20 start-up runs
#   ROWS=200000 N=3 bench/run.sh
#
# Prints the median wall time, rows per second and peak RSS of each, and the
# ratios. Needs Go; uses GNU time (/usr/bin/time) for the peak RSS, or the
# kernel's VmHWM when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
N=${N:-5}
NSTART=${NSTART:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building bosman, floor, gendata and hello in $work" >&2
go build -o "$work/bosman" ./cmd/bosman
go build -o "$work/floor" ./bench/floor
go build -o "$work/gendata" ./cmd/gendata
mkdir "$work/hello"
cat >"$work/hello/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello") }
GO
(cd "$work/hello" && cat >go.mod <<'MOD'
module hello

go 1.26
MOD
go build -o "$work/hello-bin" .)

echo "generating $ROWS rows" >&2
"$work/gendata" -rows "$ROWS" -format tmdatasets -seed 1 -o "$work/players.csv"

# measure CMD...: runs it with stdout to /dev/null, prints "seconds maxrss_kib"
if [ -x /usr/bin/time ] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
	measure() {
		local t0 t1
		t0=$(date +%s.%N)
		/usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>/dev/null
		t1=$(date +%s.%N)
		echo "$(echo "$t1 - $t0" | bc -l) $(tail -1 "$work/rss")"
	}
else
	# no GNU time: poll the process's high-water mark until it exits
	measure() {
		local t0 t1 pid hwm=0 v
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>/dev/null &
		pid=$!
		while kill -0 "$pid" 2>/dev/null; do
			v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
			[ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
			sleep 0.01
		done
		wait "$pid"
		t1=$(date +%s.%N)
		echo "$(echo "$t1 - $t0" | bc -l) $hwm"
	}
fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

export BOSMAN_TODAY=2026-11-28
: >"$work/bosman.txt"
: >"$work/floor.txt"
for i in $(seq "$N"); do # alternate, so that both see the same machine
	measure "$work/bosman" export --data "$work/players.csv" --format csv >>"$work/bosman.txt"
	measure "$work/floor" "$work/players.csv" >>"$work/floor.txt"
done
: >"$work/player.txt"
: >"$work/hello.txt"
for i in $(seq "$NSTART"); do
	measure "$work/bosman" player Konate >>"$work/player.txt"
	measure "$work/hello-bin" >>"$work/hello.txt"
done

row() { # name file rows
	local t rss
	t=$(cut -d' ' -f1 "$2" | median)
	rss=$(cut -d' ' -f2 "$2" | median)
	if [ "$3" -gt 0 ]; then
		printf '| %-22s | %9.3f s | %12.0f | %8.1f MiB |\n' "$1" "$t" "$(echo "$3 / $t" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
	else
		printf '| %-22s | %9.4f s | %12s | %8.1f MiB |\n' "$1" "$t" "-" "$(echo "$rss / 1024" | bc -l)"
	fi
}
ratio() { echo "$(cut -d' ' -f1 "$1" | median) / $(cut -d' ' -f1 "$2" | median)" | bc -l; }

echo
echo "$ROWS rows ($(du -m "$work/players.csv" | cut -f1) MB), median of $N runs; start-up median of $NSTART runs; $(nproc) CPUs, $(go env GOVERSION)"
echo
echo "| run                    | median wall | rows/s       | peak RSS     |"
echo "|------------------------|-------------|--------------|--------------|"
row "bosman export" "$work/bosman.txt" "$ROWS"
row "floor (encoding/csv)" "$work/floor.txt" "$ROWS"
row "bosman player Konate" "$work/player.txt" 0
row "hello world" "$work/hello.txt" 0
echo
printf 'export bosman/floor: %.2fx (target 1.5x); peak RSS %.0f MiB (target 256 MiB)\n' \
	"$(ratio "$work/bosman.txt" "$work/floor.txt")" "$(echo "$(cut -d' ' -f2 "$work/bosman.txt" | median) / 1024" | bc -l)"
printf 'start-up player/hello: %.2fx (target 3x)\n' "$(ratio "$work/player.txt" "$work/hello.txt")"
