#!/bin/sh
# Times dg-parse (and the consumers, on its output) on pathological
# digests at full size, made by tests/gen/digest.sh, and by
# tests/gen/flood.sh for keys made to share a slot of an unkeyed hash
# table: each should take time linear in its input (compare a run at N
# and at 2N with -x2).  Then dg-stats on a stream sorted by section, the
# order that once counted a digest per section, and dg-cat -u.
# Usage: sh bench/hostile.sh [BINDIR] [-x2]
bin=$(cd "${1:-bin}" && pwd) || exit 2
here=$(cd "$(dirname "$0")/.." && pwd)
gen=$here/tests/gen/digest.sh
scale=1
[ "$2" = -x2 ] && scale=2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
set -f	# "dg-cat *" below is a pattern, not a glob
LC_ALL=C
export LC_ALL

# Seconds taken by a command, with its output thrown away.
timeit() {
	s=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	e=$(date +%s.%N)
	echo "$s $e" | awk '{ printf "%.3f", $2 - $1 }'
}

printf '%-34s %12s %9s\n' case bytes seconds
for c in "headings 300000" "sources 1000000" "summary 1000000" \
    "labels 300000" "sourcelabels 300000" "blanks 1000000" \
    "longline 50000000" "flood 131072"; do
	set -- $c
	n=$(($2 * scale))
	case $1 in
	flood)	sh "$here/tests/gen/flood.sh" "$n" ;;
	*)	sh "$gen" "$1" "$n" ;;
	esac >"$tmp/in.md"
	size=$(wc -c <"$tmp/in.md")
	printf '%-34s %12d %9s\n' "dg-parse $1 $n" "$size" \
	    "$(timeit "$bin/dg-parse" "$tmp/in.md")"
	printf '%-34s %12s %9s\n' "dg-parse -w $1 $n" "" \
	    "$(timeit "$bin/dg-parse" -w "$tmp/in.md")"
	"$bin/dg-parse" "$tmp/in.md" >"$tmp/in.tsv"
	for cmd in "dg-cat *" "dg-links -u -f json" "dg-stats" \
	    "dg-stats -b domain"; do
		set -- $cmd
		prog=$1
		shift
		printf '%-34s %12s %9s\n' "  $prog $*" "" \
		    "$(timeit "$bin/$prog" "$@" "$tmp/in.tsv")"
	done
done

# Many 2-section digests, their records sorted by section number: every
# file comes back after the others (dg-stats counts it once, exactly).
n=$((20000 * scale))
awk -v n="$n" 'BEGIN {
	for (f = 1; f <= n; f++)
		for (s = 1; s <= 2; s++)
			printf "2024-01-01\tPapers\tC%d\tT\thttps://e.org/%d/%d" \
			    "\tf%d.md\t%d\t\t\n", f % 50, f, s, f, s
}' | sort -s -t "$(printf '\t')" -k7,7n >"$tmp/sorted.tsv"
printf '%-34s %12d %9s\n' "dg-stats sorted-by-section $n" \
    "$(wc -c <"$tmp/sorted.tsv")" "$(timeit "$bin/dg-stats" "$tmp/sorted.tsv")"
printf '%-34s %12s %9s\n' "  dg-cat -u *" "" \
    "$(timeit "$bin/dg-cat" -u '*' "$tmp/sorted.tsv")"
