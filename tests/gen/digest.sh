#!/bin/sh
# Writes a pathological digest on stdout, N being its size:
#   headings N   N headings without labels (text outside sections, then
#                inside a summary), then one real section
#   sources N    one section with N sources
#   summary N    one section whose summary has N lines
#   labels N     N sections, each summary being one more summary label
#   sourcelabels N  one section whose sources list is N sources labels,
#                each followed by an item
#   longline N   one section whose summary is one line of N bytes, and
#                whose source title is another
#   blanks N     a heading followed by N blank lines, then its label
# Usage: sh tests/gen/digest.sh MODE N
LC_ALL=C
export LC_ALL
mode=${1:?usage: digest.sh MODE N}
n=${2:?usage: digest.sh MODE N}
case $mode in
headings)
	awk -v n="$n" 'BEGIN {
		print "# Daily Digest : Papers"
		for (i = 1; i <= n; i++)
			printf "## Heading %d\n", i
		print "## Real\n\n**Summary:**\n\nText."
		for (i = 1; i <= n; i++)
			printf "### Inside %d\n", i
		print "\n**Sources:**\n\n- Last (https://example.org/last)"
	}' ;;
sources)
	awk -v n="$n" 'BEGIN {
		print "# Daily Digest : Papers\n\n## One\n\n**Summary:**\n\nS.\n"
		print "**Sources:**\n"
		for (i = 1; i <= n; i++)
			printf " - Paper %d (https://arxiv.org/abs/%04d.%05dv%d)\n",
			    i, 2400 + int(i / 100000), i % 100000, 1 + i % 2
	}' ;;
summary)
	awk -v n="$n" 'BEGIN {
		print "# Daily Digest : Papers\n\n## One\n\n**Summary:**\n"
		for (i = 1; i <= n; i++)
			printf "line %d\n", i
		print "\n**Sources:**\n\n- Only (https://example.org/only)"
	}' ;;
labels)
	awk -v n="$n" 'BEGIN {
		print "# Daily Digest : Papers"
		for (i = 1; i <= n; i++)
			printf "## S%d\n**요약:**\n**요약:**\n", i
	}' ;;
sourcelabels)
	awk -v n="$n" 'BEGIN {
		print "# Daily Digest : Papers\n## One\n**요약:**\nS\n"
		for (i = 1; i <= n; i++)
			printf "**출처:**\n- T%d (https://example.org/%d)\n", i, i
	}' ;;
longline)
	printf '# Daily Digest : Papers\n\n## Long\n\n**Summary:**\n\n'
	head -c "$n" /dev/zero | tr '\0' a
	printf '\n\n**Sources:**\n\n- '
	head -c "$n" /dev/zero | tr '\0' b
	printf ' (https://example.org/long)\n' ;;
blanks)
	printf '# Daily Digest : Papers\n\n## After blanks\n'
	awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) print "" }'
	printf '**Summary:**\nS.\n' ;;
*)
	echo "digest.sh: unknown mode $mode" >&2
	exit 2 ;;
esac
