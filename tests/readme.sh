#!/bin/sh
# README's tour, run: every `    $ command` in README.md is run in order,
# in a scratch folder that sees examples/, with the fresh commands on the
# PATH, and where README shows output under a command, that output must
# be what the command prints.  Commands that set up a shell, run make or
# open an editor are passed over.
# Usage: sh tests/readme.sh BINDIR
bin=$(cd "${1:?usage: readme.sh BINDIR}" && pwd) || exit 2
top=$(pwd)
PATH=$bin:$PATH
LC_ALL=C
export PATH LC_ALL
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/ex" "$tmp/work" && ln -s "$top/examples" "$tmp/work/examples" ||
	exit 2
# Each example to files of its own: N.cmd, the command (continued on
# lines indented further), and N.out, the output shown (blank lines
# inside a code block included).
awk -v dir="$tmp/ex" '
	function close_all() { if (n > 0) { close(cmdf); close(outf) } }
	/^    \$ / {
		close_all(); n++
		cmdf = sprintf("%s/%03d.cmd", dir, n)
		outf = sprintf("%s/%03d.out", dir, n)
		printf "" > outf
		print substr($0, 7) > cmdf
		incmd = 1; inblock = 1; blanks = 0
		next
	}
	inblock && incmd && /^        / { print substr($0, 9) > cmdf; next }
	inblock && /^$/ { incmd = 0; blanks++; next }
	inblock && /^    / {
		incmd = 0
		for (; blanks > 0; blanks--) print "" > outf
		print substr($0, 5) > outf
		next
	}
	{ inblock = 0; incmd = 0; blanks = 0 }
	END { close_all() }
' README.md
cd "$tmp/work" || exit 2
pass=0 fail=0
for c in "$tmp"/ex/*.cmd; do
	o=${c%.cmd}.out
	cmd=$(cat "$c")
	case $cmd in PATH=*|make*|*'$EDITOR'*) continue ;; esac
	sh -c "$cmd" >"$tmp/got" 2>&1
	[ -s "$o" ] || continue
	if cmp -s "$tmp/got" "$o"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "readme: differs: $cmd"
		diff "$o" "$tmp/got" | head -5
	fi
done
echo "readme: $pass examples as shown, $fail not"
[ "$fail" -eq 0 ]
