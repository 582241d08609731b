# chartcheck.awk - reads a dg-chart column chart (SVG) and checks it
# against what it says: used by the chart e2e cases.
#
#	awk -f ../../chartcheck.awk chart.svg
#
# Each column is <g class="row"><title>LABEL: VALUE</title> and one rect,
# or one rect per stacked segment, each with its own <title>K1, K2:
# VALUE</title>, up to </g>.  Checks, printing "FAIL: ..." for each
# failure and a summary otherwise:
#  - the rects of a column share its x and width, and its segments tile
#    it from the zero line up, adding up (in value and in height) to the
#    column's total;
#  - heights are proportional to values (within the 0.1px rounding);
#  - when the labels are periods (YYYY-MM-DD, YYYY-MM, YYYY): columns are
#    in time order, and the x of each is proportional to its time from
#    the first (slots of one width, so empty periods keep their room).
#  - tick labels of a time axis (a 1px mark, then the label) do not
#    overlap: 7px a digit and 4px a dash (DejaVu Sans at 11px), 4px
#    apart at least.
# Then prints the ticks, and each column: label, slot from the first,
# value, segments.

function fail(msg) {
	print "FAIL: " msg
	bad++
}

function num(s) {
	gsub(/,/, "", s)
	return s + 0
}

# The value at the end of a title "...: VALUE (share)".
function title_value(t,    v) {
	v = t
	sub(/.*: /, "", v)
	sub(/ .*/, "", v)
	return num(v)
}

function attr(line, name,    s) {
	s = line
	if (!match(s, " " name "=\"[^\"]*\""))
		return ""
	s = substr(s, RSTART + length(name) + 3, RLENGTH - length(name) - 4)
	return s
}

# Days from 1970-01-01 (H. Hinnant's days_from_civil).
function days(y, m, d,    era, yoe, doy) {
	y -= (m <= 2)
	era = int((y >= 0 ? y : y - 399) / 400)
	yoe = y - era * 400
	doy = int((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
	return era * 146097 + yoe * 365 + int(yoe / 4) - int(yoe / 100) + \
	    doy - 719468
}

# The slot of a period label, or "" when it is none.
function slot(s) {
	if (s ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/)
		return days(substr(s, 1, 4) + 0, substr(s, 6, 2) + 0,
		    substr(s, 9, 2) + 0)
	if (s ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]$/)
		return (substr(s, 1, 4) + 0) * 12 + substr(s, 6, 2) - 1
	if (s ~ /^[0-9][0-9][0-9][0-9]$/)
		return s + 0
	return ""
}

function abs(v) {
	return v < 0 ? -v : v
}

# The width of a tick label at 11px.
function tickw(s,    d) {
	d = s
	gsub(/[^-]/, "", d)
	return (length(s) - length(d)) * 7 + length(d) * 4
}

/ width="1" height="4"\/><text / {
	l = $0
	sub(/.*<text[^>]*>/, "", l)
	sub(/<\/text>.*/, "", l)
	x = attr(substr($0, index($0, "<text")), "x") + 0
	if (nt > 0 && x - tx[nt] < (tickw(l) + tickw(tl[nt])) / 2 + 4)
		fail("tick " l " overlaps " tl[nt])
	tx[++nt] = x
	tl[nt] = l
	ticks = ticks " " l
	next
}

/<g class="row"><title>/ {
	n++
	t = $0
	sub(/.*<g class="row"><title>/, "", t)
	sub(/<\/title>.*/, "", t)
	val[n] = title_value(t)
	lab[n] = t
	sub(/: [^:]*$/, "", lab[n])
	sub(/ \([0-9]+ rows?\)$/, "", lab[n])
	nseg[n] = 0
	segsum[n] = 0
	incol = 1
	next
}

incol && /<rect class="/ {
	k = ++nseg[n]
	x = attr($0, "x") + 0
	w = attr($0, "width") + 0
	y = attr($0, "y") + 0
	h = attr($0, "height") + 0
	if (k == 1) {
		cx[n] = x + w / 2
		cw[n] = w
		top[n] = y
		bottom[n] = y + h
	} else {
		if (abs(x + w / 2 - cx[n]) > 0.06 || abs(w - cw[n]) > 0.06)
			fail(lab[n] " segment " k " is not on its column")
		if (abs(y + h - top[n]) > 0.06)
			fail(lab[n] " segment " k " does not sit on the one " \
			    "below")
		top[n] = y
	}
	if ($0 ~ /<title>/) {
		t = $0
		sub(/.*<title>/, "", t)
		sub(/<\/title>.*/, "", t)
		segsum[n] += title_value(t)
	}
}

incol && /<\/g>/ {
	incol = 0
}

END {
	if (n == 0) {
		fail("no columns")
		exit 1
	}
	timed = 1
	for (i = 1; i <= n; i++) {
		s[i] = slot(lab[i])
		if (s[i] == "")
			timed = 0
		hgt[i] = bottom[i] - top[i]
		if (i > 1 && abs(bottom[i] - bottom[1]) > 0.06)
			fail(lab[i] " does not stand on the zero line")
		if (nseg[i] > 1 && abs(segsum[i] - val[i]) > 1e-9 * val[i])
			fail(lab[i] ": segments add up to " segsum[i] \
			    ", not " val[i])
		if (val[i] > vmax) {
			vmax = val[i]
			hmax = hgt[i]
		}
	}
	# Proportional heights: each within the rounding of all its
	# segments' edges.
	for (i = 1; i <= n; i++)
		if (vmax > 0 && abs(hgt[i] - val[i] * hmax / vmax) > \
		    0.05 * (nseg[i] + 2))
			fail(lab[i] " is " hgt[i] " high for " val[i] \
			    ", not " val[i] * hmax / vmax)
	if (timed) {
		for (i = 2; i <= n; i++)
			if (s[i] <= s[i - 1])
				fail(lab[i] " comes after " lab[i - 1])
		# One slot width from the first and last columns.
		if (n > 1) {
			sw = (cx[n] - cx[1]) / (s[n] - s[1])
			for (i = 2; i < n; i++)
				if (abs(cx[i] - cx[1] - (s[i] - s[1]) * sw) > 0.1)
					fail(lab[i] " is at x " cx[i] ", not " \
					    cx[1] + (s[i] - s[1]) * sw)
		}
	}
	if (bad)
		exit 1
	print n " columns" (timed ? ", in time order, x proportional to " \
	    "time" : "") ", heights proportional to values" \
	    (nseg[1] > 1 || nseg[n] > 1 ? ", segments stacked and adding up" \
	    : "")
	if (nt > 0)
		print "ticks, apart:" ticks
	for (i = 1; i <= n; i++)
		print lab[i] (timed ? " +" s[i] - s[1] : "") ": " val[i] \
		    (nseg[i] > 1 ? " in " nseg[i] " segments" : "")
}
