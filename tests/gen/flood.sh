#!/bin/sh
# Writes on stdout a digest of N sections (N up to 2^18) whose category
# and whose one source's URL are the same string: "https://example.org/"
# then 18 blocks of 16 digits, each A or B.  The FNV-1a hashes of all
# 2^18 such strings agree in their low 48 bits, so in the unkeyed table
# dg had before issue 14 they all took one slot, and dg-links -u (keyed
# by URL) and dg-stats (by category) took time quadratic in N.  Under a
# keyed hash they cost what any N keys cost.  Why A and B collide:
# tests/check_hash.c.
# Usage: sh tests/gen/flood.sh N
LC_ALL=C
export LC_ALL
n=${1:?usage: flood.sh N}
if [ "$n" -gt 262144 ]; then
	echo "flood.sh: at most 262144 keys" >&2
	exit 2
fi
awk -v n="$n" 'BEGIN {
	b[0] = "8614945780458847"
	b[1] = "0542587889301129"
	print "# Daily Digest : Papers"
	for (i = 0; i < n; i++) {
		s = "https://example.org/"
		x = i
		for (k = 0; k < 18; k++) {
			s = s b[x % 2]
			x = int(x / 2)
		}
		printf "\n## %s\n\n**Summary:**\n\nS.\n\n**Sources:**\n\n", s
		printf "- Paper %d (%s)\n", i, s
	}
}'
