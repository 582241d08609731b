#!/bin/sh
# Reads dg TSV fields, one per line, and writes their unescaped bytes
# in hex, one byte per line (as od would), the lines' LFs left out: so
# tests can compare any bytes, NUL included, with cmp.
# Usage: cut -f9 out.tsv | sh tests/gen/unescape-hex.sh
LC_ALL=C od -An -tx1 -v | tr -s ' ' '\n' | sed '/^$/d' | awk '
	$1 == "0a" && !esc { next }
	!esc && $1 == "5c" { esc = 1; next }
	esc {
		esc = 0
		if ($1 == "30") { print "00"; next }
		if ($1 == "74") { print "09"; next }
		if ($1 == "6e") { print "0a"; next }
		if ($1 == "72") { print "0d"; next }
		if ($1 == "5c") { print "5c"; next }
		print "bad escape" ; exit 1
	}
	{ print }'
