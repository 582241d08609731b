#!/bin/sh
# Lints the man pages with mandoc when it is installed (CI installs it).
[ $# -gt 0 ] || exit 0
if ! command -v mandoc >/dev/null 2>&1; then
	echo "manlint: mandoc not installed, man pages not linted"
	exit 0
fi
out=$(mandoc -Tlint -W warning "$@" 2>&1)
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	echo "manlint: mandoc -Tlint found problems"
	exit 1
fi
echo "manlint: $# pages clean"
