/*
 * digest.c - the digest parser: a streaming state machine fed one line
 * at a time, handing one record per source to a callback (SPEC §2).
 *
 * The only look-ahead the format needs is for headings: a heading starts
 * a section only when its next non-blank line is a summary label, so a
 * heading is held back ("pending") with the blank lines after it until
 * the next non-blank line decides.
 */
#include <stdlib.h>
#include <string.h>

#include "dg.h"
#include "ascii_int.h"
#include "reader_int.h"
#include "utf8_int.h"

enum state {
	OUTSIDE,	/* before the first section or after a sources list */
	SUMMARY,	/* after a section's summary label */
	SOURCES		/* after its sources label */
};

enum label {
	NO_LABEL,
	SUMMARY_LABEL,
	SOURCES_LABEL
};

struct dg_parser {
	unsigned flags;		/* enum dg_parse_flags */
	dg_record_fn rec;	/* where records go */
	dg_stray_fn stray;	/* where lines that fit nowhere are reported */
	void *arg;		/* passed to both */

	dg_buf file;		/* the file's name, for the file field */
	char date[10];		/* current date, YYYY-MM-DD */
	size_t datelen;		/* 0 or 10 */
	dg_buf kind;		/* current kind */
	int h1_kind;		/* the title named a kind */
	int titled;		/* a title has been read */
	uint64_t lineno;	/* lines fed so far */
	uint64_t section;	/* sections started so far */

	enum state state;
	dg_buf category;	/* of the current section */
	dg_buf emoji;		/* its marker */
	dg_buf summary;		/* its summary so far */
	size_t sum_keep;	/* summary length up to its last non-blank line */
	int sum_started;	/* a non-blank summary line has been seen */
	uint64_t sec_line;	/* line of its heading */
	uint64_t nsources;	/* records it has given */

	int pending;		/* a heading waits for its next non-blank line */
	dg_buf pend;		/* that heading line */
	uint64_t pend_line;	/* its number */
	dg_buf pend_blanks;	/* blank lines after it, each ended by LF,
				   kept only where they may be summary text */
};

/*
 * The length of the blank at the start of s[0..n): a space or a tab, or
 * a no-break space (U+00A0) or an ideographic space (U+3000), which
 * editors and Korean input methods put where a space is meant, or a CR,
 * which ends every line of a file converted to CRLF twice (CR CR LF);
 * else 0.  Blanks matter to the structure only: text keeps them.
 */
static size_t
blank_at(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	switch ((unsigned char)s[0]) {
	case ' ':
	case '\t':
	case '\r':
		return 1;
	case 0xc2:
		return n >= 2 && (unsigned char)s[1] == 0xa0 ? 2 : 0;
	case 0xe3:
		return n >= 3 && (unsigned char)s[1] == 0x80 &&
		    (unsigned char)s[2] == 0x80 ? 3 : 0;
	default:
		return 0;
	}
}

/* The length of the mark that ends s[0..n), or 0: at (blank_at, say)
 * tells the length of a mark of 1 to 3 bytes at the start of a string. */
static size_t
mark_before(size_t (*at)(const char *, size_t), const char *s, size_t n)
{
	size_t k;

	for (k = 1; k <= 3 && k <= n; k++)
		if (at(s + n - k, k) == k)
			return k;
	return 0;
}

static size_t
blank_before(const char *s, size_t n)
{
	return mark_before(blank_at, s, n);
}

/* The offset of the first blank in s[0..n), or n. */
static size_t
find_blank(const char *s, size_t n)
{
	/* The bytes that may start one: most go by at a look. */
	static const unsigned char may[256] = {
		[' '] = 1, ['\t'] = 1, ['\r'] = 1, [0xc2] = 1, [0xe3] = 1
	};
	size_t i;

	for (i = 0; i < n; i++)
		if (may[(unsigned char)s[i]] && blank_at(s + i, n - i) > 0)
			break;
	return i;
}

static int
is_blank(const char *s, size_t n)
{
	size_t i, b;

	for (i = 0; i < n; i += b)
		if ((b = blank_at(s + i, n - i)) == 0)
			return 0;
	return 1;
}

static dg_str
trim(const char *s, size_t n)
{
	dg_str t;
	size_t b;

	while ((b = blank_at(s, n)) > 0) {
		s += b;
		n -= b;
	}
	while ((b = blank_before(s, n)) > 0)
		n -= b;
	t.p = s;
	t.n = n;
	return t;
}

/* Is s a heading line?  Then *level and *text (trimmed, without a
 * closing run of #) are set. */
static int
heading(const char *s, size_t n, int *level, dg_str *text)
{
	size_t i = 0, h;
	dg_str t;

	while (i < n && i < 3 && s[i] == ' ')
		i++;
	for (h = i; h < n && s[h] == '#'; h++)
		continue;
	if (h == i || h - i > 6 || (h < n && s[h] != ' ' && s[h] != '\t'))
		return 0;
	*level = (int)(h - i);
	t = trim(s + h, n - h);
	/* A closing sequence of # counts only after a blank (CommonMark). */
	h = t.n;
	while (h > 0 && t.p[h - 1] == '#')
		h--;
	if (h < t.n && (h == 0 || blank_before(t.p, h) > 0))
		t = trim(t.p, h);
	*text = t;
	return 1;
}

/* `**word:**` or `**word**:`, blanks around. */
static enum label
label(const char *s, size_t n)
{
	static const struct {
		const char *word;
		enum label label;
	} words[] = {
		{"요약", SUMMARY_LABEL}, {"summary", SUMMARY_LABEL},
		{"출처", SOURCES_LABEL}, {"sources", SOURCES_LABEL},
		{"source", SOURCES_LABEL}
	};
	dg_str t;
	size_t i, wn, b;

	/* Most lines are text: look no further than their first byte. */
	for (i = 0; (b = blank_at(s + i, n - i)) > 0; i += b)
		continue;
	if (i == n || s[i] != '*')
		return NO_LABEL;
	t = trim(s, n);
	if (t.n < 7 || t.p[0] != '*' || t.p[1] != '*')
		return NO_LABEL;
	if (memcmp(t.p + t.n - 3, ":**", 3) == 0 ||
	    memcmp(t.p + t.n - 3, "**:", 3) == 0)
		wn = t.n - 5;
	else
		return NO_LABEL;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (dg_ascii_ieq(t.p + 2, wn, words[i].word))
			return words[i].label;
	return NO_LABEL;
}

/* Is s a list item?  Then *text is its text, trimmed (maybe empty). */
static int
item(const char *s, size_t n, dg_str *text)
{
	size_t i = 0, d, b;

	while ((b = blank_at(s + i, n - i)) > 0)
		i += b;
	if (i == n)
		return 0;
	if (s[i] == '-' || s[i] == '*' || s[i] == '+')
		i++;
	else {
		for (d = i; d < n && s[d] >= '0' && s[d] <= '9'; d++)
			continue;
		if (d == i || d == n || (s[d] != '.' && s[d] != ')'))
			return 0;
		i = d + 1;
	}
	if (i < n && blank_at(s + i, n - i) == 0)
		return 0;
	*text = trim(s + i, n - i);
	return 1;
}

/* `---`, `***`, `___` with optional blanks: decoration, not data. */
static int
thematic_break(const char *s, size_t n)
{
	size_t i, b, count = 0;
	char c = 0;

	for (i = 0; i < n; i++) {
		if ((b = blank_at(s + i, n - i)) > 0) {
			i += b - 1;
			continue;
		}
		if (c == 0 && (s[i] == '-' || s[i] == '*' || s[i] == '_'))
			c = s[i];
		if (s[i] != c)
			return 0;
		count++;
	}
	return count >= 3;
}

/* Offset of the first "![" in s, or n. */
static size_t
image_at(const char *s, size_t n)
{
	const char *b = s, *end = s + n;

	while (b < end && (b = memchr(b, '!', (size_t)(end - b))) != NULL) {
		if (b + 1 < end && b[1] == '[')
			return (size_t)(b - s);
		b++;
	}
	return n;
}

/* t without a chart image ("![...](...)") and what follows it. */
static dg_str
before_image(dg_str t)
{
	return trim(t.p, image_at(t.p, t.n));
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Finds the first YYYY-MM-DD or YYYY_MM_DD in s, not touching other
 * digits, and writes it with dashes to out; returns its offset, or n
 * when there is none. */
static size_t
date_at(const char *s, size_t n, char out[10])
{
	const char *p;
	size_t i, k;
	int month, day;

	for (i = 0; i + 10 <= n; i++) {
		p = s + i;
		if (!is_digit(p[0]) || (i > 0 && is_digit(p[-1])))
			continue;
		if ((p[4] != '-' && p[4] != '_') || p[7] != p[4])
			continue;
		for (k = 0; k < 10; k++)
			if (k != 4 && k != 7 && !is_digit(p[k]))
				break;
		if (k < 10 || (i + 10 < n && is_digit(p[10])))
			continue;
		month = (p[5] - '0') * 10 + (p[6] - '0');
		day = (p[8] - '0') * 10 + (p[9] - '0');
		if (month < 1 || month > 12 || day < 1 || day > 31)
			continue;
		memcpy(out, p, 10);
		out[4] = out[7] = '-';
		return i;
	}
	return n;
}

/* Sets the current date from the first one in s; 1 when there is one. */
static int
take_date(dg_parser *p, const char *s, size_t n)
{
	if (date_at(s, n, p->date) == n)
		return 0;
	p->datelen = 10;
	return 1;
}

/* Splits heading text into marker and rest: the first word is a marker
 * when it is made only of emoji code points and more words follow. */
static void
split_marker(dg_str text, dg_str *marker, dg_str *rest)
{
	const unsigned char *s = (const unsigned char *)text.p;
	size_t w = 0, len, cl;
	uint32_t cp;

	marker->p = text.p;
	marker->n = 0;
	*rest = text;
	w = find_blank(text.p, text.n);
	if (w == 0 || w == text.n)
		return;
	for (len = 0; len < w; len += cl)
		if ((cl = dg_utf8_decode(s + len, w - len, &cp)) == 0 ||
		    !dg_is_emoji(cp))
			return;
	marker->n = w;
	*rest = trim(text.p + w, text.n - w);
}

/* Sets b to s with runs of blanks made one space, trimmed. */
static int
set_folded(dg_buf *b, dg_str s)
{
	size_t i, bl;
	int blank = 0;

	b->len = 0;
	s = trim(s.p, s.n);
	if (dg_buf_reserve(b, s.n) != DG_OK)
		return DG_ENOMEM;
	for (i = 0; i < s.n; i++) {
		if ((bl = blank_at(s.p + i, s.n - i)) > 0) {
			blank = 1;
			i += bl - 1;
			continue;
		}
		if (blank)
			b->p[b->len++] = ' ';
		blank = 0;
		b->p[b->len++] = s.p[i];
	}
	return DG_OK;
}

static int
set_buf(dg_buf *b, const char *s, size_t n)
{
	b->len = 0;
	return dg_buf_add(b, s, n);
}

static dg_str
str_of(const dg_buf *b)
{
	dg_str s;

	s.p = b->p;
	s.n = b->len;
	return s;
}

dg_parser *
dg_parser_new(unsigned flags, dg_record_fn rec, dg_stray_fn stray, void *arg)
{
	dg_parser *p;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->flags = flags;
	p->rec = rec;
	p->stray = stray;
	p->arg = arg;
	return p;
}

int
dg_parser_begin(dg_parser *p, const char *name, size_t n)
{
	const char *base = name, *slash;

	if (set_buf(&p->file, name, n) != DG_OK)
		return DG_ENOMEM;
	/* The date in the file's own name comes first, then its folders'. */
	while ((slash = memchr(base, '/', n - (size_t)(base - name))) != NULL)
		base = slash + 1;
	p->datelen = 0;
	if (!take_date(p, base, n - (size_t)(base - name)))
		take_date(p, name, (size_t)(base - name));
	p->kind.len = 0;
	p->h1_kind = 0;
	p->titled = 0;
	p->lineno = 0;
	p->section = 0;
	p->state = OUTSIDE;
	p->pending = 0;
	return DG_OK;
}

static int
emit(dg_parser *p, dg_str title, dg_str url, uint64_t lineno)
{
	dg_record r;

	r.date.p = p->date;
	r.date.n = p->datelen;
	r.kind = str_of(&p->kind);
	r.category = str_of(&p->category);
	r.title = title;
	r.url = url;
	r.file = str_of(&p->file);
	r.emoji = str_of(&p->emoji);
	r.summary = str_of(&p->summary);
	r.section = p->section;
	r.lineno = lineno;
	p->nsources++;
	return p->rec(&r, p->arg) != 0 ? DG_ESTOP : DG_OK;
}

/* The offset of the '[' that pairs with the ']' at s[close], or close
 * when there is none. */
static size_t
opening(const char *s, size_t close)
{
	size_t i, depth = 0;

	for (i = close + 1; i-- > 0;) {
		if (s[i] == ']')
			depth++;
		else if (s[i] == '[' && --depth == 0)
			return i;
	}
	return close;
}

/* Is s[i] the '(' of "(http://" or "(https://"? */
static int
url_paren(const char *s, size_t i, size_t n)
{
	return s[i] == '(' && (dg_ascii_istarts(s + i + 1, n - i - 1, "http://") ||
	    dg_ascii_istarts(s + i + 1, n - i - 1, "https://"));
}

/*
 * Title (URL), [Title](URL), or just a title.  The URL runs from the last
 * "(http" to the final ')' of the text, so that URLs and titles may hold
 * parentheses; what follows that ')' ("(...) [PDF]", "(...).", the "**"
 * of a bold link) is dropped.  A URL holds no blank: when the final ')'
 * is past one, the URL ends at the last ')' before it.
 */
static int
source(dg_parser *p, dg_str text, uint64_t lineno)
{
	dg_str title = text, url = { text.p, 0 };
	size_t i, end, k;

	for (i = text.n; i-- > 0;)
		if (url_paren(text.p, i, text.n))
			break;
	if (i != (size_t)-1) {
		/* The last ')' before any blank. */
		for (end = i + 1 + find_blank(text.p + i + 1, text.n - i - 1);
		    end > i + 1 && text.p[end - 1] != ')'; end--)
			continue;
		if (end > i + 1) {
			url.p = text.p + i + 1;
			url.n = end - 1 - (i + 1);
			title = trim(text.p, i);
			/* [Title](URL), maybe in bold: "**[" starts it, and
			 * its '[' pairs with the last ']' ("[단독] ... [종합]"
			 * keeps both). */
			for (k = 0; k < title.n && (title.p[k] == '*' ||
			    title.p[k] == '_'); k++)
				continue;
			if (title.n - k >= 2 && title.p[k] == '[' &&
			    title.p[title.n - 1] == ']' &&
			    opening(title.p, title.n - 1) == k)
				title = trim(title.p + k + 1, title.n - k - 2);
		}
	}
	return emit(p, title, url, lineno);
}

/* The summary ends without its trailing blank lines. */
static void
end_summary(dg_parser *p)
{
	p->summary.len = p->sum_keep;
}

static int
close_section(dg_parser *p)
{
	dg_str none = { NULL, 0 };

	end_summary(p);
	p->state = OUTSIDE;
	if (p->nsources == 0)
		return emit(p, none, none, p->sec_line);
	return DG_OK;
}

static int
summary_line(dg_parser *p, const char *s, size_t n)
{
	int blank;

	if (p->flags & DG_PARSE_NO_SUMMARY)
		return DG_OK;
	blank = is_blank(s, n);
	if (!p->sum_started) {
		if (blank)
			return DG_OK;
		p->sum_started = 1;
	} else if (dg_buf_addc(&p->summary, '\n') != DG_OK)
		return DG_ENOMEM;
	if (dg_buf_add(&p->summary, s, n) != DG_OK)
		return DG_ENOMEM;
	if (!blank)
		p->sum_keep = p->summary.len;
	return DG_OK;
}

/* The length of the mark that may set a date off at the start of
 * s[0..n) ('-', '|', ',', '/', an en or em dash), or 0. */
static size_t
separator(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == '-' || s[0] == '|' || s[0] == ',' ||
	    s[0] == '/'))
		return 1;
	if (n >= 3 && (memcmp(s, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(s, "\xe2\x80\x94", 3) == 0))
		return 3;
	return 0;
}

/*
 * The digest's title, a level-one heading: the date and the kind, which
 * follows the last ':' up to any chart image.  A date there is no kind:
 * "Insights: 2024-03-04" names none, and "Insights: Papers (2024-03-04)"
 * names Papers (the text before the date, else after it, less the
 * dashes or bars that set the date off).  A later H1
 * ("# 결론") that names no kind leaves the kind as it is, though kind
 * headings may change it from there on (a combined digest read after
 * another); one that names a kind begins another digest.
 */
static int
title_heading(dg_parser *p, const char *s, size_t n, dg_str text)
{
	dg_str t = before_image(text), before, after;
	size_t i, d, k;
	char day[10];

	take_date(p, s, n);
	for (i = t.n; i > 0 && t.p[i - 1] != ':'; i--)
		continue;
	t = i > 0 ? trim(t.p + i, t.n - i) : trim(t.p, 0);
	if ((d = date_at(t.p, t.n, day)) < t.n) {
		before = trim(t.p, d);
		after = trim(t.p + d + 10, t.n - d - 10);
		if (before.n > 0 && (before.p[before.n - 1] == '(' ||
		    before.p[before.n - 1] == '[') && after.n > 0 &&
		    (after.p[0] == ')' || after.p[0] == ']')) {
			before = trim(before.p, before.n - 1);
			after = trim(after.p + 1, after.n - 1);
		}
		/* "News - 2024-10-19", "2024-10-19 | Papers". */
		while ((k = mark_before(separator, before.p, before.n)) > 0)
			before = trim(before.p, before.n - k);
		while ((k = separator(after.p, after.n)) > 0)
			after = trim(after.p + k, after.n - k);
		t = before.n > 0 ? before : after;
	}
	if (t.n == 0 && p->titled) {
		p->h1_kind = 0;
		return DG_OK;
	}
	p->titled = 1;
	p->h1_kind = t.n > 0;
	return set_folded(&p->kind, t);
}

/* Is the heading a kind heading of the combined layout, whose title names
 * no kind: level two, "Papers" or "News" (any case) after any marker?
 * Then *word is the kind, as written. */
static int
kind_heading(const dg_parser *p, int level, dg_str text, dg_str *word)
{
	dg_str marker;

	if (p->h1_kind || level != 2)
		return 0;
	split_marker(before_image(text), &marker, word);
	return dg_ascii_ieq(word->p, word->n, "papers") ||
	    dg_ascii_ieq(word->p, word->n, "news");
}

/* A heading outside sections that does not start one: the digest's
 * title, a kind heading of the combined layout, or neither (*fits stays
 * 0 unless the line holds an image, which may carry a date). */
static int
outside_heading(dg_parser *p, const char *s, size_t n, int level,
    dg_str text, int *fits)
{
	dg_str word;

	if (level == 1) {
		*fits = 1;
		return title_heading(p, s, n, text);
	}
	*fits = image_at(text.p, text.n) < text.n;
	if (*fits)
		take_date(p, s, n);
	if (!kind_heading(p, level, text, &word))
		return DG_OK;
	*fits = 1;
	return set_buf(&p->kind, word.p, word.n);
}

/* A line that is not a section's start, in the current state. */
static int
plain(dg_parser *p, const char *s, size_t n, uint64_t lineno)
{
	dg_str text;
	int level, st, fits;

	switch (p->state) {
	case SUMMARY:
		if (label(s, n) == SOURCES_LABEL) {
			end_summary(p);
			p->state = SOURCES;
			return DG_OK;
		}
		return summary_line(p, s, n);
	case SOURCES:
		if (is_blank(s, n))
			return DG_OK;
		/* "- - -" is a break, not an item (CommonMark). */
		if (!thematic_break(s, n) && item(s, n, &text))
			return text.n > 0 ? source(p, text, lineno) : DG_OK;
		/* Anything else ends the list, and the section. */
		if ((st = close_section(p)) != DG_OK)
			return st;
		break;
	case OUTSIDE:
		break;
	}
	if (is_blank(s, n) || thematic_break(s, n))
		return DG_OK;
	if (heading(s, n, &level, &text)) {
		if ((st = outside_heading(p, s, n, level, text, &fits)) !=
		    DG_OK || fits)
			return st;
	} else if (image_at(s, n) < n) {
		take_date(p, s, n);
		return DG_OK;
	}
	if (p->stray != NULL)
		p->stray(lineno, p->arg);
	return DG_OK;
}

static int
start_section(dg_parser *p)
{
	dg_str text, marker, rest;
	int level, st;

	p->pending = 0;
	if (p->state != OUTSIDE && (st = close_section(p)) != DG_OK)
		return st;
	heading(p->pend.p, p->pend.len, &level, &text);
	/* A chart image is no part of the category. */
	split_marker(before_image(text), &marker, &rest);
	/* The file's first H1, when it has a summary of its own, is still
	 * the title: it names the kind and date of the digest.  One with
	 * a marker is a section like the others. */
	if (level == 1 && !p->titled && p->section == 0 && marker.n == 0 &&
	    (st = title_heading(p, p->pend.p, p->pend.len, text)) != DG_OK)
		return st;
	if (set_buf(&p->emoji, marker.p, marker.n) != DG_OK ||
	    set_folded(&p->category, rest) != DG_OK)
		return DG_ENOMEM;
	p->section++;
	p->state = SUMMARY;
	p->summary.len = 0;
	p->sum_keep = 0;
	p->sum_started = 0;
	p->sec_line = p->pend_line;
	p->nsources = 0;
	return DG_OK;
}

/*
 * In the combined layout the last section of the Papers part may have no
 * sources: its summary runs on into "## News".  The pending heading ends
 * the summary when, once a kind heading has set the kind, it is one too
 * and carries its chart image as kind headings do: on the line under it
 * (s, the next non-blank one), or on its own line with a heading under
 * it.
 * Any other heading in a summary stays summary text.
 */
static int
kind_follows(const dg_parser *p, const char *s, size_t n)
{
	dg_str text, word;
	int level;

	if (p->kind.len == 0 || !heading(p->pend.p, p->pend.len, &level,
	    &text) || !kind_heading(p, level, text, &word))
		return 0;
	if (image_at(s, n) < n)
		return 1;
	return image_at(text.p, text.n) < text.n &&
	    heading(s, n, &level, &text);
}

/* The pending heading turned out not to start a section: it and the
 * blank lines after it are ordinary lines. */
static int
resolve_pending(dg_parser *p)
{
	const char *s, *nl;
	size_t left;
	int st;

	p->pending = 0;
	if ((st = plain(p, p->pend.p, p->pend.len, p->pend_line)) != DG_OK)
		return st;
	if (p->state != SUMMARY)
		return DG_OK;
	s = p->pend_blanks.p;
	left = p->pend_blanks.len;
	while (left > 0) {
		nl = memchr(s, '\n', left);
		if ((st = summary_line(p, s, (size_t)(nl - s))) != DG_OK)
			return st;
		left -= (size_t)(nl - s) + 1;
		s = nl + 1;
	}
	return DG_OK;
}

int
dg_parser_line(dg_parser *p, const char *s, size_t n)
{
	dg_str text;
	int level, st;

	p->lineno++;
	if (p->pending) {
		if (is_blank(s, n)) {
			if (p->state == SUMMARY &&
			    !(p->flags & DG_PARSE_NO_SUMMARY) &&
			    (dg_buf_add(&p->pend_blanks, s, n) != DG_OK ||
			    dg_buf_addc(&p->pend_blanks, '\n') != DG_OK))
				return DG_ENOMEM;
			return DG_OK;
		}
		if (label(s, n) == SUMMARY_LABEL)
			return start_section(p);
		if (p->state == SUMMARY && kind_follows(p, s, n) &&
		    (st = close_section(p)) != DG_OK)
			return st;
		if ((st = resolve_pending(p)) != DG_OK)
			return st;
	}
	if (heading(s, n, &level, &text)) {
		p->pending = 1;
		p->pend_line = p->lineno;
		p->pend_blanks.len = 0;
		return set_buf(&p->pend, s, n);
	}
	return plain(p, s, n, p->lineno);
}

int
dg_parser_end(dg_parser *p)
{
	int st;

	if (p->pending && (st = resolve_pending(p)) != DG_OK)
		return st;
	if (p->state != OUTSIDE)
		return close_section(p);
	return DG_OK;
}

uint64_t
dg_parser_sections(const dg_parser *p)
{
	return p->section;
}

void
dg_parser_free(dg_parser *p)
{
	if (p == NULL)
		return;
	dg_buf_free(&p->file);
	dg_buf_free(&p->kind);
	dg_buf_free(&p->category);
	dg_buf_free(&p->emoji);
	dg_buf_free(&p->summary);
	dg_buf_free(&p->pend);
	dg_buf_free(&p->pend_blanks);
	free(p);
}

int
dg_parse_mem(dg_parser *p, const char *name, size_t namelen,
    const char *text, size_t n)
{
	dg_reader r;
	dg_str line;
	int st;

	if ((st = dg_parser_begin(p, name, namelen)) != DG_OK)
		return st;
	dg_reader_init_mem(&r, text, n);
	while ((st = dg_reader_next(&r, &line)) == DG_OK)
		if ((st = dg_parser_line(p, line.p, line.n)) != DG_OK)
			return st;
	if (st != DG_EOF)
		return st;
	return dg_parser_end(p);
}
