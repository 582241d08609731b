#!/bin/sh
# Reads dg-links' Atom feeds and HTML pages as a reader would
# (tests/readers.py): feedparser must find each feed sound (bozo false)
# and see every entry's link; html5lib in strict mode must find no parse
# error in any page.  Both are Debian packages (python3-feedparser,
# python3-html5lib): a python3 that imports them is looked for, they are
# installed when we can (root with apt-get), and otherwise the test is
# skipped with one line saying what to install.
# Usage: sh tests/readers.sh BINDIR
bin=$(cd "${1:?usage: readers.sh BINDIR}" && pwd) || exit 2
here=$(cd "$(dirname "$0")" && pwd)

# /usr/bin/python3 first: the system packages are installed for it, and
# the python3 first on PATH may be another one.
find_python() {
	for py in /usr/bin/python3 python3; do
		if command -v "$py" >/dev/null 2>&1 &&
		    "$py" -c 'import feedparser, html5lib' >/dev/null 2>&1; then
			echo "$py"
			return 0
		fi
	done
	return 1
}

if ! py=$(find_python) && [ "$(id -u)" = 0 ] &&
    command -v apt-get >/dev/null 2>&1; then
	echo "readers: installing python3-feedparser python3-html5lib (apt-get)"
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq python3-feedparser python3-html5lib; } \
		>/dev/null 2>&1
	py=$(find_python)
fi
if [ -z "$py" ]; then
	echo "readers: SKIP: no python3 with feedparser and html5lib (apt-get install python3-feedparser python3-html5lib)"
	exit 0
fi
exec "$py" "$here/readers.py" "$bin" "$here"
