#!/bin/sh
# End-to-end tests: every directory tests/cases/NAME holds
#   cmd     a shell snippet, run in that directory with the commands on PATH
#   out     its expected stdout
#   err     its expected stderr (empty when absent)
#   status  its expected exit status (0 when absent)
# Usage: sh tests/e2e.sh BINDIR [NAME...]
# The cases run E2E_JOBS at a time (default: one per processor).
bin=$(cd "${1:?usage: e2e.sh BINDIR [NAME...]}" && pwd) || exit 2
shift
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then set -- $(cd "$here/cases" && ls); fi

# Shares the cases out among processes, each this script on a slice,
# and adds up their counts.
jobs=${E2E_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
if [ -z "$E2E_SLICE" ] && [ "$jobs" -gt 1 ] && [ $# -gt 1 ]; then
	per=$((($# + jobs - 1) / jobs))
	log=$(printf '%s\n' "$@" | E2E_SLICE=1 xargs -n "$per" -P "$jobs" \
	    sh "$0" "$bin")
	printf '%s\n' "$log" | grep -v '^e2e: ' | sort
	printf '%s\n' "$log" | awk '
	    /^e2e: / { p += $2; f += $4; s += $6 }
	    END {
		printf "e2e: %d passed, %d failed", p, f
		if (s > 0) printf ", %d skipped", s
		printf "\n"
		exit (f > 0 || NR == 0)
	    }'
	exit
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C
export LC_ALL
PATH=$bin:$PATH
export PATH
pass=0 fail=0 skip=0
for name; do
	dir=$here/cases/$name
	[ -f "$dir/cmd" ] || continue
	# The SVG checks need xmllint; without it they are skipped, and said so.
	if ! command -v xmllint >/dev/null 2>&1 && grep -q xmllint "$dir/cmd"; then
		skip=$((skip + 1))
		echo "SKIP $name: no xmllint (apt-get install libxml2-utils)"
		continue
	fi
	(cd "$dir" && sh ./cmd >"$tmp/out" 2>"$tmp/err")
	st=$?
	want=0
	[ -f "$dir/status" ] && want=$(cat "$dir/status")
	[ -f "$dir/err" ] && cp "$dir/err" "$tmp/wanterr" || : >"$tmp/wanterr"
	bad=
	[ "$st" = "$want" ] || bad="$bad status $st, want $want;"
	cmp -s "$tmp/out" "$dir/out" || bad="$bad stdout differs;"
	cmp -s "$tmp/err" "$tmp/wanterr" || bad="$bad stderr differs;"
	if [ -z "$bad" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name:$bad"
		if [ -n "$E2E_VERBOSE" ]; then
			diff "$dir/out" "$tmp/out" | head -20
			diff "$tmp/wanterr" "$tmp/err" | head -20
		fi
	fi
done
if [ "$skip" -gt 0 ]; then
	echo "e2e: $pass passed, $fail failed, $skip skipped"
else
	echo "e2e: $pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
