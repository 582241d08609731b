#!/bin/sh
# bench/run.sh - `make bench`: times the dg commands side by side with what
# a user would otherwise run, on a synthetic corpus of daily digests, and
# prints each ratio with its target (PASS/MISS).  Also peak memory on the
# full and the 1/4 corpus, instruction counts on a small slice, and the
# results table in README.md (between the bench markers).
#
# usage: sh bench/run.sh [BINDIR]
#
# Environment: BENCH_MB (corpus size, default 200), BENCH_ROUNDS (timed
# runs per command, default 5), BENCH_README=0 (leave README.md alone),
# CC.  The corpus is cached in bench/.corpus and made again only when its
# generator, its templates or BENCH_MB change.
#
# No test depends on these numbers: wall time on a shared machine is noisy,
# so every command runs in the same interleaved rounds and the best run
# counts; ratios, not absolute times, are the result.

set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
BIN=${1:-bin}
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
MB=${BENCH_MB:-200}
ROUNDS=${BENCH_ROUNDS:-5}
CC=${CC:-cc}
C=bench/.corpus
export LC_ALL=C
PATH=$BIN:$PATH
export PATH

if command -v mawk >/dev/null 2>&1; then AWK='mawk'; else AWK='awk'; fi

die() {
	echo "bench: $*" >&2
	exit 2
}

have() {
	[ -x "$BIN/$1" ]
}

# Is file $1 missing or older than file $2?
stale() {
	[ ! -f "$1" ] || [ -n "$(find "$2" -newer "$1" 2>/dev/null)" ]
}

have dg-parse || die "$BIN/dg-parse not built (run make)"
mkdir -p $C || die "cannot make $C"

# The helpers, compiled on the fly.
for h in gen timer; do
	if stale $C/$h bench/$h.c; then
		$CC -O2 -o $C/$h bench/$h.c || die "cannot compile bench/$h.c"
	fi
done

# Template digests: the examples, else the test fixtures; with neither,
# the generator has a summary of its own.
TDIR=
for d in examples tests/fixtures; do
	for f in "$d"/*.md; do
		[ -f "$f" ] && TDIR=$d
		break
	done
	[ -n "$TDIR" ] && break
done
TEMPLATES=
[ -n "$TDIR" ] && TEMPLATES=$(ls "$TDIR"/*.md)

# shellcheck disable=SC2086
key=$(cat bench/gen.c $TEMPLATES | cksum)
key="$key $MB"
if [ ! -f $C/key ] || [ "$(cat $C/key)" != "$key" ]; then
	echo "bench: generating a $MB MB corpus in $C/d ..."
	rm -rf $C/d $C/*.tsv $C/key
	mkdir -p $C/d
	# shellcheck disable=SC2086
	$C/gen $C/d "$MB" $TEMPLATES >$C/gen.log || die "generator failed"
	echo "$key" >$C/key
fi
echo "bench: corpus made from the summaries in ${TDIR:-gen.c}"
cat $C/gen.log

# The dg TSV streams the other commands read: made by this dg-parse.
if stale $C/full.tsv "$BIN/dg-parse"; then
	echo "bench: parsing the corpus into $C/full.tsv ..."
	(cd $C && dg-parse d/*/*.md >full.tsv.tmp && mv full.tsv.tmp full.tsv &&
	    dg-parse d/1/*.md >quarter.tsv) || die "dg-parse failed on the corpus"
fi
# A slice of about 5 MB for the instruction counts: every 8th file of the
# last quarter, so that both kinds are in.
# shellcheck disable=SC2016,SC2046
(cd $C && wc -c d/4/*.md | $AWK 'NR % 8 == 1 && $2 != "total" &&
    s < 5000000 { s += $1; print $2 } END { print s >"slice.bytes" }' \
    >slice.list && dg-parse $(cat slice.list) >slice.tsv) ||
    die "cannot make the slice"
# 100 000 label/value lines for dg-chart, labels with Hangul.
[ -f $C/chart.tsv ] || $AWK 'BEGIN { for (i = 1; i <= 100000; i++)
	printf "분류 %d category\t%d\n", i, (i * 7919) % 100003 }' >$C/chart.tsv

size() {
	wc -c <"$1" | tr -d ' '
}
mdbytes=$(cat $C/d/*/*.md | wc -c | tr -d ' ')
nfiles=$(find $C/d -name '*.md' | wc -l | tr -d ' ')
nlines=$(cat $C/d/*/*.md | wc -l | tr -d ' ')
tsvbytes=$(size $C/full.tsv)
nrec=$(wc -l <$C/full.tsv | tr -d ' ')
ncpu=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
cpu=$(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1)
[ -n "$cpu" ] || cpu=$(uname -m)

# Every timed command, in one interleaved run.  The commands run in $C.
set -- \
    cat-md 'cat d/*/*.md' \
    parse 'dg-parse d/*/*.md' \
    parse-S 'dg-parse -S d/*/*.md' \
    naive "$AWK -f ../naive-parse.awk d/*/*.md" \
    cat-tsv 'cat full.tsv' \
    wc-l 'wc -l full.tsv'
# dg-cat -d with a range that holds every date: the same records, each
# date tested, so the difference is the cost of the test.
have dg-cat && set -- "$@" \
    dg-cat 'dg-cat LLM full.tsv' \
    dg-cat-d 'dg-cat -d 2000: LLM full.tsv' \
    awk-cat "$AWK -F'\t' 'tolower(\$3)==\"llm\"' full.tsv"
have dg-links && set -- "$@" \
    links 'dg-links full.tsv' \
    links-u 'dg-links -u full.tsv' \
    cut-awk "cut -f5 full.tsv | $AWK '!s[\$0]++'"
have dg-stats && set -- "$@" \
    stats 'dg-stats full.tsv' \
    stats-2 'dg-stats -b month,category full.tsv' \
    cut-sort 'cut -f3 full.tsv | sort | uniq -c'
have dg-chart && set -- "$@" \
    chart 'dg-chart <chart.tsv'

printf '%s\t%s\n' "$@" >$C/cmds.tsv
echo "bench: timing $(($# / 2)) commands, best of $ROUNDS interleaved runs ..."
(cd $C && ./timer "$ROUNDS" "$@") >$C/times.tsv || die "timer failed"

# Peak memory on the 1/4 corpus, to compare with the full one.
set -- parse 'dg-parse d/1/*.md'
have dg-cat && set -- "$@" dg-cat 'dg-cat LLM quarter.tsv'
have dg-links && set -- "$@" links 'dg-links quarter.tsv' \
    links-u 'dg-links -u quarter.tsv'
have dg-stats && set -- "$@" stats 'dg-stats quarter.tsv'
(cd $C && ./timer 1 "$@") >$C/quarter.times || die "timer failed"

# Instructions on the slice, where valgrind is here.
instr() {	# name command...
	n=$1
	shift
	(cd $C && valgrind --tool=callgrind --callgrind-out-file="callgrind.$n" \
	    "$@" >/dev/null 2>"callgrind.$n.log") || return
	sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$C/callgrind.$n.log"
}
ins_parse=
ins_cat=
ins_catd=
if command -v valgrind >/dev/null 2>&1; then
	echo "bench: counting instructions with callgrind ..."
	# shellcheck disable=SC2046
	ins_parse=$(instr parse "$BIN/dg-parse" $(cat $C/slice.list))
	have dg-cat && ins_cat=$(instr cat "$BIN/dg-cat" LLM slice.tsv) &&
	    ins_catd=$(instr cat-d "$BIN/dg-cat" -d 2000: LLM slice.tsv)
fi
slicemd=$(cat $C/slice.bytes)
slicetsv=$(size $C/slice.tsv)

# Report.  $C/times.tsv: name best median rss status.
REPORT=$C/report.txt
TABLE=$C/table.md
$AWK -v mdbytes="$mdbytes" -v nfiles="$nfiles" -v nlines="$nlines" \
    -v tsvbytes="$tsvbytes" -v nrec="$nrec" -v ncpu="$ncpu" -v cpu="$cpu" \
    -v rounds="$ROUNDS" -v awk="$AWK" -v ins_parse="$ins_parse" \
    -v ins_cat="$ins_cat" -v ins_catd="$ins_catd" -v slicemd="$slicemd" \
    -v slicetsv="$slicetsv" \
    -v table="$TABLE" -f bench/report.awk \
    $C/cmds.tsv $C/times.tsv $C/quarter.times >$REPORT || die "report failed"
cat $REPORT

if [ "${BENCH_README:-1}" = 0 ]; then
	:
elif [ ! -f README.md ]; then
	echo "bench: no README.md; table left in $TABLE"
else
	if grep -q '^<!-- bench:begin -->' README.md &&
	    grep -q '^<!-- bench:end -->' README.md; then
		$AWK -v table="$TABLE" '
		/^<!-- bench:end -->/ { skip = 0 }
		!skip { print }
		/^<!-- bench:begin -->/ {
			while ((getline l <table) > 0)
				print l
			skip = 1
		}' README.md >README.md.tmp && mv README.md.tmp README.md &&
		    echo "bench: results written to README.md"
	else
		echo "bench: README.md has no bench markers; table left in $TABLE"
	fi
fi

if [ -f bench/hostile.sh ]; then
	echo
	sh bench/hostile.sh "$BIN"
fi
exit 0
