#!/bin/sh
# Records what real Go's race detector prints for each program here:
# builds it with `go build -race`, runs it RUNS times with GOMAXPROCS=1
# (the race runtime randomises the scheduler, so a racy program's report
# can change from run to run), and writes every distinct outcome, with
# addresses, PC offsets and directories normalised as
# tests/race_detector.rs normalises the engine's, to X.race.
#
# Usage: tests/race/record.sh [GO] [NAME...]   (GO defaults to .venv-go/bin/go)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
go=${1:-$here/../../../../.venv-go/bin/go}
[ $# -gt 0 ] && shift
runs=${RUNS:-20}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
normalise() {
	sed -E -e 's/0x[0-9a-f]{12}/0xADDR/g' -e 's/ \+0x[0-9a-f]+$/ +0xOFF/' -e 's#[^ 	]*/([A-Za-z0-9_]+\.go):#\1:#'
}
names=${*:-$(cd "$here" && ls *.go | sed 's/\.go$//')}
for name in $names; do
	mkdir -p "$scratch/$name"
	cp "$here/$name.go" "$scratch/$name/prog.go"
	(cd "$scratch/$name" && printf 'module prog\n\ngo 1.27\n' > go.mod && "$go" build -race -o prog . )
	: > "$scratch/$name/all"
	i=0
	while [ $i -lt "$runs" ]; do
		rc=0
		(cd "$scratch/$name" && GOMAXPROCS=1 ./prog > out 2> err) || rc=$?
		{
			echo "exit $rc"
			echo "-- stdout --"
			cat "$scratch/$name/out"
			echo "-- stderr --"
			normalise < "$scratch/$name/err"
			echo "-- end --"
		} > "$scratch/$name/run$i"
		i=$((i + 1))
	done
	# Distinct outcomes, most frequent first.
	for f in "$scratch/$name"/run*; do md5sum < "$f" | cut -c1-32; done | sort | uniq -c | sort -rn | while read -r n sum; do
		for f in "$scratch/$name"/run*; do
			if [ "$(md5sum < "$f" | cut -c1-32)" = "$sum" ]; then cat "$f"; break; fi
		done
	done > "$here/$name.race"
	echo "$name: $(grep -c '^exit' "$here/$name.race") outcome(s)"
done
