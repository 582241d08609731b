# month-category.awk - dg TSV in, `month TAB category TAB sources TAB
# sections TAB digests` lines out (no header, in no order), as
# `dg-stats -b month,category` will write them: sources counts the records
# with a title or a URL, sections the distinct (file, section) pairs,
# digests the distinct files.  A stand-in for the examples until dg-stats
# takes more than one key.
BEGIN { FS = "\t" }
{
	k = substr($1, 1, 7) "\t" $3
	keys[k] = 1
	if ($4 != "" || $5 != "")
		src[k]++
	if (!((k, $6, $7) in sec)) {
		sec[k, $6, $7] = 1
		nsec[k]++
	}
	if (!((k, $6) in dig)) {
		dig[k, $6] = 1
		ndig[k]++
	}
}
END {
	for (k in keys)
		printf "%s\t%d\t%d\t%d\n", k, src[k], nsec[k], ndig[k]
}
