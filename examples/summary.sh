#!/bin/sh
# Prints what the examples report made.
# Usage: sh summary.sh OUT NDIGESTS PNG
out=$1 n=$2 png=$3
lines() { wc -l <"$1" | tr -d ' '; }
# The lines of a table below its header.
rows() { echo $(($(lines "$1") - 1)); }
records=$(cat "$out"/tsv/*.tsv | wc -l | tr -d ' ')
echo "demo: $n digests, $records records in $out/tsv/"
echo "demo: $(rows "$out/categories.tsv") categories in $out/categories.tsv, chart $out/categories.svg"
echo "demo: $(rows "$out/months.tsv") months in $out/months.tsv, chart $out/months.svg"
echo "demo: $(rows "$out/days.tsv") days in $out/days.tsv, chart $out/days.svg"
echo "demo: $(rows "$out/trend.tsv") months and categories in $out/trend.tsv, chart $out/trend.svg"
echo "demo: $(grep -c '^- ' "$out/llm.md") LLM sources in $out/llm.md"
echo "demo: $(grep -c '<entry>' "$out/llm.atom") LLM papers in the feed $out/llm.atom"
echo "demo: $(grep -c '<li>' "$out/reading-list.html") sources by date in $out/reading-list.html"
echo "demo: categories counted through examples/aliases.tsv; aliases suggested in $out/aliases.tsv (groups: $(grep -c '^# [0-9]* records' "$out/aliases.tsv"))"
if [ -n "$png" ]; then
	echo "demo: charts and page rendered in $out/png/ (make -C examples pictures: to README's)"
else
	echo "demo: chromium not installed, no PNG rendered"
fi
