#!/bin/sh
# Records what real Go prints for each program here: `go build` of
# NAME.go, with the `# command-line-arguments` header and the file name
# normalised to ./prog.go, into NAME.expected. Run from this directory:
#   GO=/path/to/go sh record.sh
set -e
GO=${GO:-go}
tmp=$(mktemp -d)
for f in *.go; do
	name=${f%.go}
	cp "$f" "$tmp/prog.go"
	(cd "$tmp" && "$GO" build -o prog prog.go 2>&1 || true) >"$name.expected"
done
rm -rf "$tmp"
