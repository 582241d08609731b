# report.awk - the results of bench/run.sh: a text report on stdout and a
# markdown table in the file named by -v table=.
#
# Input: the commands (name TAB command line), then the timer's lines
# (name, best s, median s, peak RSS KiB, exit status) for the full corpus,
# then for the 1/4 corpus.  The corpus facts come as -v variables.

BEGIN {
	FS = "\t"
	LIMIT = 32768		# KiB: the peak RSS target
	SLACK = 2048		# KiB: "does not grow" allows this much
}

FNR == 1 { part++ }
part == 1 { order[++ncmd] = $1; desc[$1] = $2 }
part == 2 { best[$1] = $2; med[$1] = $3; rss[$1] = $4; st[$1] = $5 }
part == 3 { qrss[$1] = $4; qst[$1] = $5 }

function mib(k) { return sprintf("%.1f", k / 1024) }

function md(s) { gsub(/\|/, "\\|", s); return s }

# Did every run of command n end well?  dg-cat and dg-links exit 1 when
# nothing was selected.
function failed(n) {
	return st[n] > 1 || (st[n] == 1 && n !~ /^dg-cat/ && n !~ /^links/)
}

function verdict(ok) {
	if (ok) {
		npass++
		return "PASS"
	}
	nmiss++
	return "MISS"
}

# A ratio of best times with its target: op is "<=" (at most) or "<"
# (faster than).
function ratio(what, a, b, op, target,    r, v, shown) {
	if (!(a in best) || !(b in best)) {
		row(what, "-", (op == "<" ? "< 1" : "<= " target) "x",
		    "SKIP (not built)")
		return
	}
	r = best[b] > 0 ? best[a] / best[b] : 0
	shown = op == "<" ? "< 1x (faster)" : "<= " target "x"
	if (failed(a) || failed(b)) {
		nmiss++
		row(what, "-", shown, "FAIL (exit " \
		    (failed(a) ? st[a] : st[b]) ")")
		return
	}
	v = verdict(op == "<" ? r < 1 : r <= target)
	row(what, sprintf("%.2fx", r), shown, v)
}

# Peak RSS on the full corpus within the limit and, when flat is set, no
# more than SLACK above the 1/4 corpus.
function memory(what, n, flat,    v, ok) {
	if (!(n in rss)) {
		row(what, "-", "<= 32 MiB", "SKIP (not built)")
		return
	}
	ok = !failed(n) && qst[n] <= 1 && rss[n] <= LIMIT
	if (flat && (n in qrss))
		ok = ok && rss[n] <= qrss[n] + SLACK
	v = verdict(ok)
	row(what, mib(rss[n]) " / " ((n in qrss) ? mib(qrss[n]) : "-") " MiB",
	    flat ? "<= 32 MiB, flat" : "<= 32 MiB", v)
}

function row(what, got, target, v) {
	nrow++
	rw[nrow] = what
	rg[nrow] = got
	rt[nrow] = target
	rv[nrow] = v
}

END {
	facts = sprintf("%s CPUs (%s); corpus d/*/*.md: %.1f MB of " \
	    "synthetic digests (%d files, %d lines, %d bytes/line); " \
	    "full.tsv: its dg TSV, %.1f MB (%d records); best of %d " \
	    "interleaved runs; LC_ALL=C; awk = %s",
	    ncpu, cpu, mdbytes / 1e6, nfiles, nlines,
	    nlines ? mdbytes / nlines : 0, tsvbytes / 1e6, nrec, rounds, awk)
	print ""
	print "dg bench: " facts
	print ""
	printf "%-48s %8s %8s %10s %10s\n", "command (run in bench/.corpus)",
	    "best s", "median s", "RSS KiB", "1/4 RSS"
	for (i = 1; i <= ncmd; i++) {
		n = order[i]
		if (!(n in best))
			continue
		note = failed(n) ? "  (exit " st[n] "!)" : ""
		printf "%-48s %8.3f %8.3f %10d %10s%s\n", desc[n],
		    best[n], med[n], rss[n], (n in qrss) ? qrss[n] : "", note
	}

	ratio("dg-parse / cat (digests)", "parse", "cat-md", "<=", 2.5)
	ratio("dg-parse / naive awk parser", "parse", "naive", "<")
	ratio("dg-cat / cat (TSV)", "dg-cat", "cat-tsv", "<=", 1.5)
	ratio("dg-cat / awk tolower($3)", "dg-cat", "awk-cat", "<")
	ratio("dg-cat -d (every date) / dg-cat", "dg-cat-d", "dg-cat", "<=",
	    1.15)
	ratio("dg-links -u / cut | awk dedup", "links-u", "cut-awk", "<")
	ratio("dg-stats / cut | sort | uniq -c", "stats", "cut-sort",
	    "<=", 0.25)
	ratio("dg-stats -b month,category / -b category", "stats-2",
	    "stats", "<=", 1.5)
	memory("peak RSS dg-parse, full / 1/4 corpus", "parse", 1)
	memory("peak RSS dg-cat, full / 1/4 corpus", "dg-cat", 1)
	memory("peak RSS dg-links, full / 1/4 corpus", "links", 1)
	memory("peak RSS dg-links -u, full / 1/4 corpus", "links-u", 0)

	print ""
	printf "%-44s %16s %16s  %s\n", "target", "got", "wanted", "verdict"
	for (i = 1; i <= nrow; i++)
		printf "%-44s %16s %16s  %s\n", rw[i], rg[i], rt[i],
		    rv[i]
	if ("parse-S" in best && "cat-md" in best && best["cat-md"] > 0)
		printf "(dg-parse -S / cat: %.2fx)\n",
		    best["parse-S"] / best["cat-md"]
	if ("stats" in qrss)
		printf "(dg-stats keeps its keys: %s MiB full, %s MiB on 1/4)\n",
		    mib(rss["stats"]), mib(qrss["stats"])
	# Finding the lines alone, with nothing done to them: the floor
	# under dg-cat, dg-links and dg-stats.
	if ("wc-l" in best && "cat-tsv" in best && best["cat-tsv"] > 0) {
		floor = sprintf("wc -l / cat: %.2fx",
		    best["wc-l"] / best["cat-tsv"])
		if ("dg-cat" in best && best["wc-l"] > 0)
			floor = floor sprintf("; dg-cat / wc -l: %.2fx",
			    best["dg-cat"] / best["wc-l"])
		print "(line floor: " floor ")"
	}
	if (ins_parse != "")
		ins = sprintf("dg-parse %.1f instructions per digest byte " \
		    "(%d on %.1f MB)", ins_parse / slicemd, ins_parse,
		    slicemd / 1e6)
	if (ins_cat != "")
		ins = ins sprintf("; dg-cat LLM %.2f per TSV byte (%d on " \
		    "%.1f MB)", ins_cat / slicetsv, ins_cat, slicetsv / 1e6)
	if (ins_catd != "")
		ins = ins sprintf("; dg-cat -d 2000: LLM %.2f (%d)",
		    ins_catd / slicetsv, ins_catd)
	if (ins != "")
		print "callgrind: " ins
	printf "%d targets hold, %d missed or failed\n", npass, nmiss

	# The README table.
	print "Measured by `make bench` (`bench/run.sh`): " facts "." >table
	print "" >table
	print "| measure | result | target | |" >table
	print "|---|---:|---|---|" >table
	for (i = 1; i <= nrow; i++)
		printf "| %s | %s | %s | %s |\n", md(rw[i]), rg[i], rt[i],
		    rv[i] >table
	print "" >table
	print "| command | best (s) | peak RSS (MiB) |" >table
	print "|---|---:|---:|" >table
	for (i = 1; i <= ncmd; i++) {
		n = order[i]
		if (n in best)
			printf "| `%s` | %.3f | %s |\n", md(desc[n]), best[n],
			    mib(rss[n]) >table
	}
	print "" >table
	if (floor != "")
		print "Only finding the lines of full.tsv, as `wc -l` does: " \
		    floor ".\n" >table
	if (ins != "")
		print "Instruction counts (callgrind, a ~5 MB slice): " ins "." \
		    >table
	print "" >table
	print "Absolute times vary from machine to machine, and with the " \
	    "load on this one; the ratios, all measured in the same run, " \
	    "are the result.  Run `make bench` to measure yours." >table
	close(table)
}
