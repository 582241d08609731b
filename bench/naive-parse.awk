# naive-parse.awk - what a user might write instead of dg-parse: the
# category, title and URL of every source, TAB-separated.
#
#	awk -f naive-parse.awk digests/*.md
#
# Naive on purpose, but not slow on purpose: any heading is taken as the
# category (so headings inside summaries are wrong), a leading word that
# is not ASCII is taken as the marker, summaries are not kept, nothing is
# escaped, CRLF is not handled.

/^#/ {
	cat = $0
	sub(/^#+[ \t]*/, "", cat)
	if (cat ~ /^[^ -~][^ ]* /)
		sub(/^[^ ]+ +/, "", cat)
	next
}

/^[ \t]*([-*+]|[0-9]+\.)[ \t]/ {
	item = $0
	sub(/^[ \t]*([-*+]|[0-9]+\.)[ \t]+/, "", item)
	if (match(item, /\(https?:\/\/.*\)[ \t]*$/)) {
		title = substr(item, 1, RSTART - 1)
		url = substr(item, RSTART + 1)
		sub(/\)[ \t]*$/, "", url)
		sub(/[ \t]+$/, "", title)
		sub(/^\[/, "", title)
		sub(/\]$/, "", title)
	} else {
		title = item
		url = ""
	}
	print cat "\t" title "\t" url
}
