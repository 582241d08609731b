#!/bin/sh
# Makes sure the Check unit test library is here: installs it when we can
# (root with apt-get), otherwise says in one line what to install.  Takes
# xmllint (libxml2-utils) along when it can: the chart tests use it, and
# are skipped without it.
have() { printf '#include <check.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1; }
have && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "make check: installing the Check library (apt-get install check pkg-config libxml2-utils)"
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq check pkg-config libxml2-utils; } >/dev/null 2>&1
	have && exit 0
fi
echo "make check: needs the Check unit test library: apt-get install check pkg-config (as root)" >&2
exit 1
