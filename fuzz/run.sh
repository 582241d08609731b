#!/bin/sh
# Builds each libFuzzer harness fuzz/fuzz_NAME.c against the library
# sources (clang, ASan + UBSan, into fuzzbuild/) and runs it for SECONDS
# seconds, one after another, from a seed corpus: the committed seeds in
# fuzz/corpus/NAME, the test fixtures, and what earlier runs found
# (fuzzbuild/corpus/NAME).  Exits 1 when a harness crashes or breaks a
# property; the input is saved as fuzzbuild/crash-NAME-*.
# Usage: sh fuzz/run.sh [SECONDS] [NAME...]
# FUZZBUILD names another build directory than fuzzbuild.
secs=${1:-60}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.." || exit 2
CC=${FUZZCC:-clang}
# FUZZFLAGS adds compiler flags (a different set needs rm -r fuzzbuild/lib).
FLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
    -fno-sanitize-recover=all -std=c11 -D_POSIX_C_SOURCE=200809L
    -Iinclude -Ilib -Icmd/util -Ifuzz -pthread $FUZZFLAGS"
B=${FUZZBUILD:-fuzzbuild}
if [ $# -eq 0 ]; then
	set -- $(cd fuzz && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi
mkdir -p "$B/lib" || exit 2

# The library and the commands' modules once, instrumented for coverage.
for src in lib/*.c cmd/*/*.c; do
	case $src in */main.c) continue ;; esac
	obj=$B/lib/$(echo "$src" | tr / _ | sed 's/\.c$//').o
	if [ ! -f "$obj" ] || [ -n "$(find "$src" include lib cmd -newer "$obj" \
	    -name '*.h' 2>/dev/null | head -1)" ] || [ "$src" -nt "$obj" ]; then
		$CC $FLAGS -fsanitize=fuzzer-no-link -c -o "$obj" "$src" ||
			exit 2
	fi
done

# Seeds made from the test fixtures: the digests, and their TSV.
mkdir -p "$B/seeds/md" "$B/seeds/tsv"
cp tests/fixtures/* "$B/seeds/md/" 2>/dev/null
if [ -x bin/dg-parse ]; then
	for f in tests/fixtures/*; do
		bin/dg-parse -H "$f" >"$B/seeds/tsv/${f##*/}.tsv" 2>/dev/null
	done
fi

# Per harness: the longest input worth trying and the fixtures to start from.
maxlen() {
	case $1 in
	parse) echo 16384 ;;
	tsv) echo 8192 ;;
	glob|arxiv) echo 512 ;;
	*) echo 4096 ;;
	esac
}
seeds() {
	case $1 in
	parse) echo "$B/seeds/md" ;;
	tsv|links|stats) echo "$B/seeds/tsv" ;;
	esac
}

fail=0
for name; do
	src=fuzz/fuzz_$name.c
	exe=$B/fuzz_$name
	[ -f "$src" ] || { echo "fuzz: no $src" >&2; fail=1; continue; }
	$CC $FLAGS -fsanitize=fuzzer -DFUZZ_TARGET="fuzz_$name" -o "$exe" \
	    fuzz/entry.c "$src" "$B"/lib/*.o || {
		fail=1
		continue
	}
	mkdir -p "$B/corpus/$name"
	dict=
	[ -f "fuzz/$name.dict" ] && dict=-dict=fuzz/$name.dict
	dirs="$B/corpus/$name"
	[ -d "fuzz/corpus/$name" ] && dirs="$dirs fuzz/corpus/$name"
	dirs="$dirs $(seeds "$name")"
	log=$B/$name.log
	# shellcheck disable=SC2086
	"$exe" -max_total_time="$secs" -max_len="$(maxlen "$name")" \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$B/crash-$name-" $dict $dirs >"$log" 2>&1
	st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	if [ "$st" -eq 0 ]; then
		echo "fuzz $name: ok, $execs runs, $cov"
	else
		fail=1
		echo "fuzz $name: FAILED (exit $st), see $log"
		grep -E 'ERROR|property failed|SUMMARY|Test unit written' \
		    "$log" | head -20
	fi
done
exit $fail
