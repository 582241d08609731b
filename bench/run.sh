#!/bin/sh
# bench/run.sh - `make bench`: times the dg commands side by side with what
# a user would otherwise run, on two corpora of daily digests, and prints
# each ratio with its target (PASS/MISS).  Also peak memory on the full
# and the 1/4 corpus, instruction counts on small slices, and the results
# table in README.md (between the bench markers).
#
# The corpora (bench/gen.c): d/, synthetic digests made from the
# summaries of the examples, and r/, digests shaped like real ones (long
# summaries, ~85 bytes a line, mostly two sources a section, both
# layouts), also as one file, r.md, of the same bytes.
#
# dg-parse is timed as it runs, into a pipe (`| cat`), and so are its
# floors: `cat r.md | cat`, the same bytes as one file, and `cat1 r/*/*.md
# | cat`, the many files read through one buffer (bench/cat1.c; GNU cat
# maps a fresh buffer per file, which on thousands of files makes it
# several times slower than its one-file speed: shown, never a floor).
#
# usage: sh bench/run.sh [BINDIR]
#
# Environment: BENCH_MB (size of each corpus, default 200), BENCH_ROUNDS
# (timed runs per command, default 5), BENCH_README=0 (leave README.md
# alone), CC.  The corpora are cached in bench/.corpus and made again only
# when their generator, its templates or BENCH_MB change.
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
for h in gen timer cat1; do
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
echo "bench: corpus d/ made from the summaries in ${TDIR:-gen.c}"
cat $C/gen.log
# The real-shaped corpus, and its bytes as one file.
rkey="$(cksum <bench/gen.c) $MB"
if [ ! -f $C/rkey ] || [ "$(cat $C/rkey)" != "$rkey" ]; then
	echo "bench: generating a $MB MB real-shaped corpus in $C/r ..."
	rm -rf $C/r $C/r.md $C/r.tsv $C/rkey
	mkdir -p $C/r
	$C/gen -r $C/r "$MB" >$C/rgen.log &&
	    cat $C/r/*/*.md >$C/r.md || die "generator failed"
	echo "$rkey" >$C/rkey
fi
echo "bench: corpus r/ shaped like real digests"
cat $C/rgen.log

# The dg TSV streams the other commands read, and the output floor
# writes: made by this dg-parse.
if stale $C/full.tsv "$BIN/dg-parse" || stale $C/r.tsv "$BIN/dg-parse" ||
    stale $C/r.tsv $C/r.md; then
	echo "bench: parsing the corpora into $C/full.tsv, $C/r.tsv ..."
	(cd $C && dg-parse d/*/*.md >full.tsv.tmp && mv full.tsv.tmp full.tsv &&
	    dg-parse d/1/*.md >quarter.tsv && dg-parse r.md >r.tsv.tmp &&
	    mv r.tsv.tmp r.tsv) || die "dg-parse failed on the corpus"
fi
# A slice of about 5 MB for the instruction counts: every 8th file of the
# last quarter, so that both kinds are in.
# shellcheck disable=SC2016,SC2046
(cd $C && wc -c d/4/*.md | $AWK 'NR % 8 == 1 && $2 != "total" &&
    s < 5000000 { s += $1; print $2 } END { print s >"slice.bytes" }' \
    >slice.list && dg-parse $(cat slice.list) >slice.tsv) ||
    die "cannot make the slice"
# The first 5 MB of r.md, for the same on the real-shaped corpus.
head -c 5000000 $C/r.md >$C/rslice.md || die "cannot make the slice"
# 100 000 label/value lines for dg-chart, labels with Hangul.
[ -f $C/chart.tsv ] || $AWK 'BEGIN { for (i = 1; i <= 100000; i++)
	printf "분류 %d category\t%d\n", i, (i * 7919) % 100003 }' >$C/chart.tsv
# The chart of those, made by this dg-chart: what it is timed against is
# only moving its own output through a pipe.
if have dg-chart && stale $C/chart.svg "$BIN/dg-chart"; then
	dg-chart <$C/chart.tsv >$C/chart.svg || die "dg-chart failed"
fi

size() {
	wc -c <"$1" | tr -d ' '
}
mdbytes=$(cat $C/d/*/*.md | wc -c | tr -d ' ')
nfiles=$(find $C/d -name '*.md' | wc -l | tr -d ' ')
nlines=$(cat $C/d/*/*.md | wc -l | tr -d ' ')
rbytes=$(size $C/r.md)
rfiles=$(find $C/r -name '*.md' | wc -l | tr -d ' ')
rlines=$(wc -l <$C/r.md | tr -d ' ')
rtsvbytes=$(size $C/r.tsv)
# The load before and after the timings: a busy machine slows a pipeline
# more than one command, as its two ends then take turns on a processor.
loadavg() {
	cut -d ' ' -f 1 /proc/loadavg 2>/dev/null
}
load=$(loadavg)
tsvbytes=$(size $C/full.tsv)
nrec=$(wc -l <$C/full.tsv | tr -d ' ')
ncpu=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
cpu=$(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1)
[ -n "$cpu" ] || cpu=$(uname -m)

# Every timed command, in one interleaved run.  The commands run in $C.
# dg-parse and its floors write into a pipe, as dg-parse is used.
set -- \
    cat-r1 'cat r.md | cat' \
    catp-r1 './cat1 -p r.md | cat' \
    cat1-rN './cat1 r/*/*.md | cat' \
    gnucat-rN 'cat r/*/*.md | cat' \
    out-r1 './cat1 -o r.tsv r.md | cat' \
    outp-r1 './cat1 -p -o r.tsv r.md | cat' \
    parse-r1 'dg-parse r.md | cat' \
    parse-S-r1 'dg-parse -S r.md | cat' \
    parse-rN 'dg-parse r/*/*.md | cat' \
    cat1-md './cat1 d/*/*.md | cat' \
    cat-md 'cat d/*/*.md | cat' \
    parse 'dg-parse d/*/*.md | cat' \
    parse-S 'dg-parse -S d/*/*.md | cat' \
    naive "$AWK -f ../naive-parse.awk d/*/*.md | cat" \
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
    cat-u "dg-cat -u '*' full.tsv" \
    cut-awk "cut -f5 full.tsv | $AWK '!s[\$0]++'"
have dg-stats && set -- "$@" \
    stats 'dg-stats full.tsv' \
    stats-2 'dg-stats -b month,category full.tsv' \
    cut-sort 'cut -f3 full.tsv | sort | uniq -c'
have dg-chart && set -- "$@" \
    chart 'dg-chart <chart.tsv' \
    chart-cat 'cat chart.svg | cat'

printf '%s\t%s\n' "$@" >$C/cmds.tsv
echo "bench: timing $(($# / 2)) commands, best of $ROUNDS interleaved runs ..."
(cd $C && ./timer "$ROUNDS" "$@") >$C/times.tsv || die "timer failed"
load="$load to $(loadavg)"

# Peak memory on the 1/4 corpus, to compare with the full one; dg-parse's
# on the full one too, with no cat beside it.
set -- parse 'dg-parse d/1/*.md' parse@full 'dg-parse d/*/*.md'
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
ins_chart=
ins_r=
ins_rS=
if command -v valgrind >/dev/null 2>&1; then
	echo "bench: counting instructions with callgrind ..."
	# shellcheck disable=SC2046
	ins_parse=$(instr parse "$BIN/dg-parse" $(cat $C/slice.list))
	ins_r=$(instr parse-r "$BIN/dg-parse" rslice.md)
	ins_rS=$(instr parse-rS "$BIN/dg-parse" -S rslice.md)
	have dg-cat && ins_cat=$(instr cat "$BIN/dg-cat" LLM slice.tsv) &&
	    ins_catd=$(instr cat-d "$BIN/dg-cat" -d 2000: LLM slice.tsv)
	have dg-chart && ins_chart=$(instr chart "$BIN/dg-chart" chart.tsv)
fi
slicemd=$(cat $C/slice.bytes)
slicetsv=$(size $C/slice.tsv)
rslice=$(size $C/rslice.md)

# Report.  $C/times.tsv: name best median rss status.
REPORT=$C/report.txt
TABLE=$C/table.md
$AWK -v mdbytes="$mdbytes" -v nfiles="$nfiles" -v nlines="$nlines" \
    -v tsvbytes="$tsvbytes" -v nrec="$nrec" -v ncpu="$ncpu" -v cpu="$cpu" \
    -v rounds="$ROUNDS" -v awk="$AWK" -v ins_parse="$ins_parse" \
    -v ins_cat="$ins_cat" -v ins_catd="$ins_catd" -v ins_chart="$ins_chart" \
    -v slicemd="$slicemd" -v slicetsv="$slicetsv" \
    -v rbytes="$rbytes" -v rfiles="$rfiles" -v rlines="$rlines" \
    -v rtsvbytes="$rtsvbytes" -v ins_r="$ins_r" -v ins_rS="$ins_rS" \
    -v rslice="$rslice" -v load="$load" \
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
