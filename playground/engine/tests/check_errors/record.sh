#!/bin/sh
# Re-records the expected diagnostics of every program here from real Go:
#   GO=/path/to/go sh record.sh
# Each NAME.go is built as prog.go; `go build`'s stderr is NAME.expected.
set -e
GO=${GO:-go}
cd "$(dirname "$0")"
tmp=$(mktemp -d)
for f in *.go; do
	cp "$f" "$tmp/prog.go"
	(cd "$tmp" && "$GO" build -o /dev/null prog.go 2> out.txt || true)
	cp "$tmp/out.txt" "${f%.go}.expected"
done
rm -rf "$tmp"
