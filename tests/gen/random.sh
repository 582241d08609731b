#!/bin/sh
# Writes N pseudo-random bytes on stdout, the same on every machine (a
# Park-Miller generator in awk, not awk's rand(), which differs between
# awks; NUL bytes made by tr, as some awks cannot print them).
# Usage: sh tests/gen/random.sh N [SEED]
LC_ALL=C
export LC_ALL
n=${1:?usage: random.sh N [SEED]}
awk -v n="$n" -v seed="${2:-42}" 'BEGIN {
	x = seed
	for (i = 0; i < n; i++) {
		x = (x * 16807) % 2147483647
		b = int(x / 128) % 256
		printf "%c", b == 0 ? 1 : b
	}
}' | LC_ALL=C tr '\001' '\000'
