#!/bin/sh
# libdg as another program uses it: `make install` into a temporary
# PREFIX, then examples/sources.c built against the installed dg.h,
# libdg.a and dg.pc only, and run on a digest of the fixtures.
# Usage: sh tests/installed.sh MAKE [VAR=value...]   (from make check)
make=${1:?usage: installed.sh MAKE [VAR=value...]}
shift
for v; do
	case $v in
	CC=*) cc=${v#CC=} ;;
	CFLAGS=*) cflags=${v#CFLAGS=} ;;
	LDFLAGS=*) ldflags=${v#LDFLAGS=} ;;
	esac
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail() { echo "installed: $*"; exit 1; }

$make -s install "$@" PREFIX="$tmp/usr" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; fail "make install failed"; }
for f in include/dg.h lib/libdg.a lib/pkgconfig/dg.pc; do
	[ -f "$tmp/usr/$f" ] || fail "make install left no $f"
done
if command -v pkg-config >/dev/null 2>&1; then
	flags=$(PKG_CONFIG_PATH=$tmp/usr/lib/pkgconfig pkg-config --cflags \
	    --libs dg) || fail "pkg-config does not know dg"
else
	flags="-I$tmp/usr/include -L$tmp/usr/lib -ldg -pthread"
fi
# Only the installed copy: no -I or -L into the source tree.
${cc:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L $cflags -o "$tmp/sources" \
    examples/sources.c $flags $ldflags ||
	fail "examples/sources.c does not build against the installed libdg"
"$tmp/sources" <tests/fixtures/papers_current.md >"$tmp/out" ||
	fail "examples/sources.c failed"
bin=${B:-}bin
for v; do case $v in B=*) bin=${v#B=}bin ;; esac; done
"$bin/dg-parse" -S tests/fixtures/papers_current.md |
    awk -F'\t' '$4 != "" { print $3 ": " $4 }' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" ||
	fail "examples/sources.c disagrees with dg-parse (titles with escapes?)"
$make -s uninstall "$@" PREFIX="$tmp/usr" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; fail "make uninstall failed"; }
left=$(find "$tmp/usr" -type f | head -3)
[ -z "$left" ] || fail "make uninstall left $left"
echo "installed: libdg.a, dg.h and dg.pc build examples/sources.c"
