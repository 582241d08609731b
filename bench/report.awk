# report.awk - the results of bench/run.sh: a text report on stdout and a
# markdown table in the file named by -v table=.
#
# Input: the commands (name TAB command line), then the timer's lines
# (name, best s, median s, peak RSS KiB, exit status, processor s of the
# best run) for the full corpus,
# then for the 1/4 corpus (a name ending in @full: that command's peak
# on the full corpus, run alone).  The corpus facts come as -v variables.

BEGIN {
	FS = "\t"
	LIMIT = 32768		# KiB: the peak RSS target
	SLACK = 2048		# KiB: "does not grow" allows this much
}

FNR == 1 { part++ }
part == 1 { order[++ncmd] = $1; desc[$1] = $2 }
part == 2 { best[$1] = $2; med[$1] = $3; rss[$1] = $4; st[$1] = $5
	proc[$1] = $6 }
part == 3 && $1 ~ /@full$/ { sub(/@full$/, "", $1); frss[$1] = $4
	fst[$1] = $5; next }
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
function memory(what, n, flat,    v, ok, full) {
	if (!(n in rss)) {
		row(what, "-", "<= 32 MiB", "SKIP (not built)")
		return
	}
	full = (n in frss) ? frss[n] : rss[n]
	ok = !failed(n) && qst[n] <= 1 && fst[n] <= 1 && full <= LIMIT
	if (flat && (n in qrss))
		ok = ok && full <= qrss[n] + SLACK
	v = verdict(ok)
	row(what, mib(full) " / " ((n in qrss) ? mib(qrss[n]) : "-") " MiB",
	    flat ? "<= 32 MiB, flat" : "<= 32 MiB", v)
}

# "a / b: 1.23x", or nothing when either was not run.
function times(label, a, b) {
	if (!(a in best) || !(b in best) || best[b] <= 0)
		return ""
	return sprintf("%s %.2fx", label, best[a] / best[b])
}

function join(a, b) {
	return a == "" ? b : b == "" ? a : a "; " b
}

function row(what, got, target, v) {
	nrow++
	rw[nrow] = what
	rg[nrow] = got
	rt[nrow] = target
	rv[nrow] = v
}

END {
	facts = sprintf("%s CPUs (%s), load average %s over the timings; " \
	    "corpus r/*/*.md: %.1f MB of digests shaped like real ones " \
	    "(%d files, %d bytes/line; the same bytes as one file, r.md; " \
	    "its dg TSV is %.2fx its size); corpus d/*/*.md: %.1f MB of " \
	    "synthetic digests (%d files, %d lines, %d bytes/line); " \
	    "full.tsv: its dg TSV, %.1f MB (%d records); best of %d " \
	    "interleaved runs; LC_ALL=C; awk = %s",
	    ncpu, cpu, load == "" ? "?" : load, rbytes / 1e6, rfiles,
	    rlines ? rbytes / rlines : 0, rbytes ? rtsvbytes / rbytes : 0,
	    mdbytes / 1e6, nfiles, nlines,
	    nlines ? mdbytes / nlines : 0, tsvbytes / 1e6, nrec, rounds, awk)
	print ""
	print "dg bench: " facts
	print ""
	printf "%-48s %8s %8s %8s %10s %10s\n",
	    "command (run in bench/.corpus)", "best s", "median s", "cpu s",
	    "RSS KiB", "1/4 RSS"
	for (i = 1; i <= ncmd; i++) {
		n = order[i]
		if (!(n in best))
			continue
		note = failed(n) ? "  (exit " st[n] "!)" : ""
		printf "%-48s %8.3f %8.3f %8.3f %10d %10s%s\n", desc[n],
		    best[n], med[n], proc[n], rss[n], (n in qrss) ? qrss[n] : "",
		    note
	}

	ratio("dg-parse / cat, one file (r.md)", "parse-r1", "cat-r1", "<=",
	    2.0)
	ratio("dg-parse -S / cat, one file (r.md)", "parse-S-r1", "cat-r1",
	    "<=", 1.25)
	ratio("dg-parse, r/*/*.md / r.md", "parse-rN", "parse-r1", "<=", 1.3)
	ratio("dg-parse / cat1, many files (r/*/*.md)", "parse-rN", "cat1-rN",
	    "<=", 2.0)
	ratio("dg-parse / cat1, synthetic (d/*/*.md)", "parse", "cat1-md",
	    "<=", 2.5)
	ratio("dg-parse / naive awk parser", "parse", "naive", "<")
	ratio("dg-cat / cat (TSV)", "dg-cat", "cat-tsv", "<=", 1.5)
	ratio("dg-cat / awk tolower($3)", "dg-cat", "awk-cat", "<")
	ratio("dg-cat -d (every date) / dg-cat", "dg-cat-d", "dg-cat", "<=",
	    1.15)
	ratio("dg-links -u / cut | awk dedup", "links-u", "cut-awk", "<")
	ratio("dg-links -u / dg-links", "links-u", "links", "<=", 1.5)
	ratio("dg-cat -u / dg-links", "cat-u", "links", "<=", 1.5)
	ratio("dg-stats / cut | sort | uniq -c", "stats", "cut-sort",
	    "<=", 0.25)
	ratio("dg-stats -b month,category / -b category", "stats-2",
	    "stats", "<=", 1.5)
	ratio("dg-chart / its SVG through cat", "chart", "chart-cat", "<=", 4)
	memory("peak RSS dg-parse, full / 1/4 corpus", "parse", 1)
	memory("peak RSS dg-cat, full / 1/4 corpus", "dg-cat", 1)
	memory("peak RSS dg-links, full / 1/4 corpus", "links", 1)
	memory("peak RSS dg-links -u, full / 1/4 corpus", "links-u", 0)

	print ""
	printf "%-44s %16s %16s  %s\n", "target", "got", "wanted", "verdict"
	for (i = 1; i <= nrow; i++)
		printf "%-44s %16s %16s  %s\n", rw[i], rg[i], rt[i],
		    rv[i]
	# The floors, each against cat of r.md: cat with dg-parse's pipe,
	# GNU cat and cat1 over the many files, and the bytes dg-parse
	# writes, written with no parsing (default pipe, then the 1 MiB
	# pipe dg-parse asks for).
	floors = join(join(join(times("cat1 -p r.md (a 1 MiB pipe)",
	    "catp-r1", "cat-r1"),
	    times("GNU cat r/*/*.md", "gnucat-rN", "cat-r1")),
	    times("cat1 r/*/*.md", "cat1-rN", "cat-r1")),
	    join(times("r.md read, r.tsv written", "out-r1", "cat-r1"),
	    times("the same with a 1 MiB pipe", "outp-r1", "cat-r1")))
	if (floors != "")
		print "(floors against cat r.md | cat: " floors ")"
	synth = join(times("dg-parse -S / cat1", "parse-S", "cat1-md"),
	    times("GNU cat / cat1", "cat-md", "cat1-md"))
	if (synth != "")
		print "(synthetic d/*/*.md: " synth ")"
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
	if (ins_r != "" && ins_rS != "")
		ins = sprintf("dg-parse %.2f instructions per byte of " \
		    "r.md, -S %.2f (%d and %d on its first %.1f MB); ",
		    ins_r / rslice, ins_rS / rslice, ins_r, ins_rS,
		    rslice / 1e6)
	if (ins_parse != "")
		ins = ins sprintf("dg-parse %.1f instructions per byte of " \
		    "d/ (%d on %.1f MB)", ins_parse / slicemd, ins_parse,
		    slicemd / 1e6)
	if (ins_cat != "")
		ins = ins sprintf("; dg-cat LLM %.2f per TSV byte (%d on " \
		    "%.1f MB)", ins_cat / slicetsv, ins_cat, slicetsv / 1e6)
	if (ins_catd != "")
		ins = ins sprintf("; dg-cat -d 2000: LLM %.2f (%d)",
		    ins_catd / slicetsv, ins_catd)
	if (ins_chart != "")
		ins = ins (ins != "" ? "; " : "") sprintf("dg-chart %.0f per " \
		    "bar (%d on 100000 bars)", ins_chart / 100000, ins_chart)
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
	print "| command | best (s) | its cpu (s) | peak RSS (MiB) |" >table
	print "|---|---:|---:|---:|" >table
	for (i = 1; i <= ncmd; i++) {
		n = order[i]
		if (n in best)
			printf "| `%s` | %.3f | %.3f | %s |\n", md(desc[n]),
			    best[n], proc[n], mib(rss[n]) >table
	}
	print "" >table
	if (floors != "")
		print "Floors, each against `cat r.md | cat`: " floors \
		    ". cat1 is bench/cat1.c, one buffer for every file; " \
		    "GNU cat maps a fresh one per file and is shown, never " \
		    "used as a floor.\n" >table
	if (floor != "")
		print "Only finding the lines of full.tsv, as `wc -l` does: " \
		    floor ".\n" >table
	if (ins != "")
		print "Instruction counts (callgrind, ~5 MB slices): " ins "." \
		    >table
	print "" >table
	print "Absolute times vary from machine to machine, and with the " \
	    "load on this one; the ratios, all measured in the same run, " \
	    "are the result.  \"its cpu\" is the processor time of the " \
	    "best run, all its processes together: where it nears the " \
	    "wall time of a pipeline, its two ends took turns on a busy " \
	    "machine rather than running side by side.  Run `make bench` " \
	    "to measure yours." >table
	close(table)
}
