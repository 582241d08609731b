/*
 * digest.c - the digest parser: the grammar of dg-parse(1), THE DIGEST
 * FORMAT, fed one line at a time, handing one record per source to a
 * callback.
 *
 * As md4c's block parser does (md_analyze_line, then md_process_line),
 * each line is looked at once by classify(), which makes it a typed
 * line (enum line_type), and step() then acts on the pair (where the
 * parser is, what the line is): one switch, which reads beside the man
 * page.
 *
 * The only look-ahead the format needs is for headings: a heading starts
 * a section only when its next non-blank line is a summary label, so a
 * heading is held back, classified, with the blank lines after it until
 * the next non-blank line decides (the *_HEADING states).
 */
#include <stdlib.h>
#include <string.h>

#include "dg.h"
#include "ascii_int.h"
#include "date_int.h"
#include "reader_int.h"
#include "utf8_int.h"

/* Where the parser is in the grammar. */
enum state {
	OUTSIDE,		/* outside sections: before the first, or
				   after a sources list has ended */
	OUTSIDE_HEADING,	/* a heading there waits for its next
				   non-blank line */
	SUMMARY,		/* in a section's summary, after its
				   summary label */
	SUMMARY_HEADING,	/* a heading in a summary waits */
	SOURCES,		/* in a section's sources list, after its
				   sources label */
	SOURCES_HEADING		/* a heading after the list waits: the list
				   and the section end when it is known
				   what the heading is */
};

/* What the titles read so far said: a kind heading of the combined
 * layout sets the kind unless the last title named one. */
enum title {
	NO_TITLE,		/* none yet */
	TITLE_NO_KIND,		/* the last one named no kind */
	TITLE_KIND		/* the last one named a kind */
};

/* What a line is, as far as the grammar asks (classify). */
enum line_type {
	LINE_BLANK,		/* empty, or blanks only */
	LINE_HEADING,		/* '#' to '######' */
	LINE_SUMMARY,		/* a summary label */
	LINE_SOURCES,		/* a sources label */
	LINE_BREAK,		/* a thematic break: "---", "* * *", "___" */
	LINE_ITEM,		/* a list item (in a sources list only) */
	LINE_IMAGE,		/* any other line holding a chart image "![",
				   where that counts (not in a summary) */
	LINE_TEXT		/* anything else */
};

/* A line, classified. */
struct line {
	enum line_type type;
	const char *s;		/* the line, without its LF */
	size_t n;
	uint64_t lineno;	/* its number in the file */
	dg_str text;		/* a heading's or an item's text, trimmed */
	/* Headings only: */
	int level;		/* 1 to 6 */
	int image;		/* the text holds a chart image */
	dg_str marker;		/* the first word, when it is a marker */
	dg_str name;		/* the rest up to any image: the category */
	int kind_word;		/* level two, and the name is Papers or News */
};

struct dg_parser {
	unsigned flags;		/* enum dg_parse_flags */
	dg_record_fn rec;	/* where records go */
	dg_stray_fn stray;	/* where lines that fit nowhere are reported */
	void *arg;		/* passed to both */

	dg_buf file;		/* the file's name, for the file field */
	char date[DG_DATE_LEN];	/* current date, YYYY-MM-DD */
	size_t datelen;		/* 0 or DG_DATE_LEN */
	dg_buf kind;		/* current kind */
	enum title title;	/* what the titles said */
	uint64_t lineno;	/* lines fed so far */
	uint64_t section;	/* sections started so far */

	enum state state;
	dg_buf category;	/* of the current section */
	dg_buf emoji;		/* its marker */
	dg_buf summary;		/* its summary so far (empty until its first
				   non-blank line) */
	size_t sum_keep;	/* summary length up to its last non-blank line */
	uint64_t sec_line;	/* line of its heading */
	uint64_t nsources;	/* records it has given */

	struct line held;	/* the heading held back (*_HEADING), its
				   strings in held_buf */
	dg_buf held_buf;	/* a copy of its bytes */
	dg_buf held_blanks;	/* the blank lines after it, each after an
				   LF, kept only where they may be summary
				   text */
};

/* --- blanks ----------------------------------------------------------- */

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

/* The bytes that may start a blank: 1 for a blank of one byte, 2 for the
 * first byte of a longer one.  Most bytes go by at a look. */
static const unsigned char blank_lead[256] = {
	[' '] = 1, ['\t'] = 1, ['\r'] = 1, [0xc2] = 2, [0xe3] = 2
};

/* blank_at, made fast for where most bytes are: no blank, or a blank of
 * one byte. */
static size_t
blank_here(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	switch (blank_lead[(unsigned char)s[0]]) {
	case 0:
		return 0;
	case 1:
		return 1;
	default:
		return blank_at(s, n);
	}
}

/* The length of the blank that ends s[0..n), or 0, looked for only when
 * the last byte may end one. */
static size_t
blank_before(const char *s, size_t n)
{
	static const unsigned char tail[256] = {
		[' '] = 1, ['\t'] = 1, ['\r'] = 1, [0xa0] = 1, [0x80] = 1
	};

	return n > 0 && tail[(unsigned char)s[n - 1]] ?
	    mark_before(blank_at, s, n) : 0;
}

/*
 * The offset of the first blank in s[0..n), or n.  A URL is looked
 * through for one: eight bytes go by at once while none may start a
 * blank, as none is below '!' or above 127.  (A byte below '!' borrows
 * into the top bit of its lane, or of one above: a false alarm costs a
 * look at each byte, as every byte after the first alarm gets.)
 */
static size_t
find_blank(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, tops = ones << 7;
	uint64_t w;
	size_t i;

	for (i = 0; n - i >= 8; i += 8) {
		memcpy(&w, s + i, 8);
		if (((w - ones * '!') | w) & tops)
			break;
	}
	for (; i < n; i++)
		if (blank_lead[(unsigned char)s[i]] != 0 &&
		    blank_at(s + i, n - i) > 0)
			break;
	return i;
}

/* s[0..n) without the blanks at either end. */
static dg_str
trim(const char *s, size_t n)
{
	dg_str t;
	size_t b;

	while ((b = blank_here(s, n)) > 0) {
		s += b;
		n -= b;
	}
	while ((b = blank_before(s, n)) > 0)
		n -= b;
	t.p = s;
	t.n = n;
	return t;
}

/* --- what a line is: classify ------------------------------------------ */

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

/* Splits heading text into marker and rest: the first word is a marker
 * when it is made only of emoji code points and more words follow
 * (dg-parse(1), Sections). */
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

/*
 * Is l, whose first non-blank byte s[i] is '#', a heading: up to three
 * spaces, one to six '#', then a space, a tab, a CR (a blank, as CR CR
 * LF leaves one at the end of "##") or the end of the line (dg-parse(1),
 * Sections)?  Then it gets its level, its text (trimmed,
 * without a closing run of '#'), and what the text is made of: marker,
 * name, chart image.
 */
static int
heading_at(struct line *l, size_t i)
{
	const char *s = l->s;
	size_t n = l->n, h, k, img;
	dg_str t;

	if (i > 3)
		return 0;
	for (k = 0; k < i; k++)
		if (s[k] != ' ')
			return 0;
	for (h = i; h < n && s[h] == '#'; h++)
		continue;
	if (h - i > 6 ||
	    (h < n && s[h] != ' ' && s[h] != '\t' && s[h] != '\r'))
		return 0;
	l->level = (int)(h - i);
	t = trim(s + h, n - h);
	/* A closing sequence of # counts only after a blank (CommonMark). */
	h = t.n;
	while (h > 0 && t.p[h - 1] == '#')
		h--;
	if (h < t.n && (h == 0 || blank_before(t.p, h) > 0))
		t = trim(t.p, h);
	l->type = LINE_HEADING;
	l->text = t;
	/* A chart image is no part of the category. */
	img = image_at(t.p, t.n);
	l->image = img < t.n;
	split_marker(trim(t.p, img), &l->marker, &l->name);
	l->kind_word = l->level == 2 &&
	    (dg_ascii_ieq(l->name.p, l->name.n, "papers") ||
	    dg_ascii_ieq(l->name.p, l->name.n, "news"));
	return 1;
}

/* The label s[i..n) reads, trimmed of blanks: `**word:**` or
 * `**word**:` (dg-parse(1), Labels); s[i] is '*'.  LINE_TEXT if none. */
static enum line_type
label_at(const char *s, size_t n, size_t i)
{
	static const struct {
		const char *word;
		enum line_type type;
	} words[] = {
		{"요약", LINE_SUMMARY}, {"summary", LINE_SUMMARY},
		{"출처", LINE_SOURCES}, {"sources", LINE_SOURCES},
		{"source", LINE_SOURCES}
	};
	dg_str t;
	size_t k, wn;

	if (n - i < 7 || s[i + 1] != '*')
		return LINE_TEXT;
	t = trim(s + i, n - i);
	if (t.n < 7)
		return LINE_TEXT;
	if (memcmp(t.p + t.n - 3, ":**", 3) == 0 ||
	    memcmp(t.p + t.n - 3, "**:", 3) == 0)
		wn = t.n - 5;
	else
		return LINE_TEXT;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (dg_ascii_ieq(t.p + 2, wn, words[k].word))
			return words[k].type;
	return LINE_TEXT;
}

/* Is s[i..n) `---`, `***`, `___` with optional blanks: decoration, not
 * data?  s[i], not a blank, is the mark: '-', '*' or '_' (a NUL byte is
 * data, never a mark). */
static int
break_at(const char *s, size_t n, size_t i)
{
	size_t b, count = 0;
	char c = s[i];

	for (; i < n; i++) {
		if ((b = blank_here(s + i, n - i)) > 0) {
			i += b - 1;
			continue;
		}
		if (s[i] != c)
			return 0;
		count++;
	}
	return count >= 3;
}

/* Is s[i..n) a list item: '-', '*', '+', or digits and '.' or ')', then
 * a blank or the end (dg-parse(1), Sources)?  Then *text is its text,
 * trimmed (maybe empty).  s[i] is not a blank. */
static int
item_at(const char *s, size_t n, size_t i, dg_str *text)
{
	size_t d;

	if (s[i] == '-' || s[i] == '*' || s[i] == '+')
		i++;
	else {
		for (d = i; d < n && s[d] >= '0' && s[d] <= '9'; d++)
			continue;
		if (d == i || d == n || (s[d] != '.' && s[d] != ')'))
			return 0;
		i = d + 1;
	}
	if (i < n && blank_here(s + i, n - i) == 0)
		return 0;
	*text = trim(s + i, n - i);
	return 1;
}

/*
 * Makes l->s[0..l->n) a typed line.  The first non-blank byte tells what
 * the line may be, so that text, the bulk of a digest, goes by at a look.
 * As md4c's md_analyze_line, it asks only what can matter where the
 * parser is: in a summary every line but a heading, a sources label and
 * a blank line is text, lists and breaks included; items are looked for
 * in a sources list only, and chart images outside summaries only.
 */
static void
classify(const dg_parser *p, struct line *l)
{
	const char *s = l->s;
	size_t n = l->n, i, b;
	enum state where = p->state;

	for (i = 0; (b = blank_here(s + i, n - i)) > 0; i += b)
		continue;
	if (i == n) {
		l->type = LINE_BLANK;
		return;
	}
	l->type = LINE_TEXT;
	switch (s[i]) {
	case '#':
		if (heading_at(l, i))
			return;
		break;
	case '*':
		if ((l->type = label_at(s, n, i)) != LINE_TEXT)
			return;
		/* FALLTHROUGH */
	case '-':
	case '_':
		if (where != SUMMARY && break_at(s, n, i)) {
			l->type = LINE_BREAK;
			return;
		}
		/* FALLTHROUGH */
	case '+':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (where == SOURCES && item_at(s, n, i, &l->text)) {
			l->type = LINE_ITEM;
			return;
		}
		break;
	default:
		break;
	}
	if (where != SUMMARY && image_at(s, n) < n)
		l->type = LINE_IMAGE;
}

/*
 * In a summary every line but a blank one, a heading and a label is
 * text, and most lines, the bulk of a digest, are told at a look: after
 * any spaces and tabs, the end of the line (blank), or a byte that can
 * start neither a heading, nor a label, nor a longer blank (text).  Then
 * *type is set and they take this way past classify and step; 0 when
 * classify must tell.
 */
static int
summary_quick(const char *s, size_t n, enum line_type *type)
{
	size_t i = 0;
	unsigned char c;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n) {
		*type = LINE_BLANK;
		return 1;
	}
	c = (unsigned char)s[i];
	if (blank_lead[c] != 0 || c == '#' || c == '*')
		return 0;
	*type = LINE_TEXT;
	return 1;
}

/* --- dates, names ------------------------------------------------------ */

/* Finds the first YYYY-MM-DD or YYYY_MM_DD in s that is a day of the
 * calendar (no 2023-02-29), not touching other digits, and writes it
 * with dashes to out; returns its offset, or n when there is none. */
static size_t
date_at(const char *s, size_t n, char out[DG_DATE_LEN])
{
	const char *p;
	size_t i;
	char day[DG_DATE_LEN];

	for (i = 0; i + DG_DATE_LEN <= n; i++) {
		p = s + i;
		if (!dg_ascii_digit((unsigned char)p[0]) ||
		    (i > 0 && dg_ascii_digit((unsigned char)p[-1])))
			continue;
		if ((p[4] != '-' && p[4] != '_') || p[7] != p[4])
			continue;
		if (i + DG_DATE_LEN < n &&
		    dg_ascii_digit((unsigned char)p[DG_DATE_LEN]))
			continue;
		/* With dashes, dg_date_valid checks the digits too. */
		memcpy(day, p, DG_DATE_LEN);
		day[4] = day[7] = '-';
		if (!dg_date_valid(day, DG_DATE_LEN))
			continue;
		memcpy(out, day, DG_DATE_LEN);
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
	p->datelen = DG_DATE_LEN;
	return 1;
}

int
dg_name_date(const char *name, size_t n, char out[DG_DATE_LEN])
{
	const char *base = name, *slash;

	/* The file's own name comes first, then its folders'. */
	while ((slash = memchr(base, '/', n - (size_t)(base - name))) != NULL)
		base = slash + 1;
	if (date_at(base, n - (size_t)(base - name), out) <
	    n - (size_t)(base - name))
		return 1;
	return date_at(name, (size_t)(base - name), out) <
	    (size_t)(base - name);
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
		if ((bl = blank_here(s.p + i, s.n - i)) > 0) {
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

/* --- records ----------------------------------------------------------- */

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
 * An item's text, not empty: Title (URL), [Title](URL), or just a title
 * (dg-parse(1), Sources).  The URL runs from the last "(http" to the
 * final ')' of the text, so that URLs and titles may hold parentheses;
 * what follows that ')' ("(...) [PDF]", "(...).", the "**" of a bold
 * link) is dropped.  A URL holds no blank: when the final ')' is past
 * one, the URL ends at the last ')' before it.
 */
static int
source(dg_parser *p, dg_str text, uint64_t lineno)
{
	const char *s = text.p, *b = s, *end = s + text.n;
	dg_str title = text, url = { text.p, 0 };
	size_t i = text.n, k, stop, close;

	/* The last "(http": memchr goes over the title and the URL at the
	 * speed of the library, not a byte at a time. */
	while ((b = memchr(b, '(', (size_t)(end - b))) != NULL) {
		if (url_paren(s, (size_t)(b - s), text.n))
			i = (size_t)(b - s);
		b++;
	}
	if (i == text.n)
		return emit(p, title, url, lineno);
	/* close: one past the last ')' before the first blank after the
	 * '(', or i + 1 when there is none. */
	stop = i + 1 + find_blank(s + i + 1, text.n - i - 1);
	for (close = stop; close > i + 1 && s[close - 1] != ')'; close--)
		continue;
	if (close > i + 1) {
		url.p = s + i + 1;
		url.n = close - 1 - (i + 1);
		title = trim(s, i);
		/* [Title](URL), maybe in bold: "**[" starts it, and its '['
		 * pairs with the last ']' ("[단독] ... [종합]" keeps both). */
		for (k = 0; k < title.n && (title.p[k] == '*' ||
		    title.p[k] == '_'); k++)
			continue;
		if (title.n - k >= 2 && title.p[k] == '[' &&
		    title.p[title.n - 1] == ']' &&
		    opening(title.p, title.n - 1) == k)
			title = trim(title.p + k + 1, title.n - k - 2);
	}
	return emit(p, title, url, lineno);
}

/* --- sections ---------------------------------------------------------- */

/* Adds a line to the summary, unless no line has been added and this one
 * is blank: a summary starts at its first non-blank line, and ends at
 * its last (end_summary).  Lines are joined with LF. */
static inline int
summary_add(dg_parser *p, const char *s, size_t n, int blank)
{
	dg_buf *b = &p->summary;

	if (p->flags & DG_PARSE_NO_SUMMARY || (blank && b->len == 0))
		return DG_OK;
	if (b->cap - b->len <= n && dg_buf_reserve(b, n + 1) != DG_OK)
		return DG_ENOMEM;
	if (b->len > 0)
		b->p[b->len++] = '\n';
	if (n > 0)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	if (!blank)
		p->sum_keep = b->len;
	return DG_OK;
}

static int
summary_line(dg_parser *p, const struct line *l)
{
	return summary_add(p, l->s, l->n, l->type == LINE_BLANK);
}

/* The summary ends without its trailing blank lines. */
static void
end_summary(dg_parser *p)
{
	p->summary.len = p->sum_keep;
}

/* Ends the current section; one without sources still gives a record.
 * The caller has said where the parser goes. */
static int
close_section(dg_parser *p)
{
	dg_str none = { NULL, 0 };

	end_summary(p);
	if (p->nsources == 0)
		return emit(p, none, none, p->sec_line);
	return DG_OK;
}

/* --- outside sections -------------------------------------------------- */

/* A line outside sections that is no data: reported, for -w and
 * --strict. */
static void
fits_nowhere(dg_parser *p, uint64_t lineno)
{
	if (p->stray != NULL)
		p->stray(lineno, p->arg);
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
 * A title, a level-one heading (dg-parse(1), Kind and date): the date
 * and the kind, which follows the last ':' up to any chart image.  A
 * date there is no kind: "Insights: 2024-03-04" names none, and
 * "Insights: Papers (2024-03-04)" names Papers (the text before the
 * date, else after it, less the dashes or bars that set the date off).
 * A later title ("# 결론") that names no kind leaves the kind as it is,
 * though kind headings may change it from there on (a combined digest
 * read after another); one that names a kind begins another digest.
 */
static int
title_heading(dg_parser *p, const struct line *h)
{
	dg_str t, before, after;
	size_t i, d, k;
	char day[DG_DATE_LEN];

	take_date(p, h->s, h->n);
	t = trim(h->text.p, image_at(h->text.p, h->text.n));
	for (i = t.n; i > 0 && t.p[i - 1] != ':'; i--)
		continue;
	t = i > 0 ? trim(t.p + i, t.n - i) : trim(t.p, 0);
	if ((d = date_at(t.p, t.n, day)) < t.n) {
		before = trim(t.p, d);
		after = trim(t.p + d + DG_DATE_LEN, t.n - d - DG_DATE_LEN);
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
	if (t.n == 0 && p->title != NO_TITLE) {
		p->title = TITLE_NO_KIND;
		return DG_OK;
	}
	p->title = t.n > 0 ? TITLE_KIND : TITLE_NO_KIND;
	return set_folded(&p->kind, t);
}

/* Is h a kind heading of the combined layout: "## Papers" or "## News"
 * (any case, after any marker), where the last title named no kind? */
static int
kind_heading(const dg_parser *p, const struct line *h)
{
	return h->kind_word && p->title != TITLE_KIND;
}

/* A heading outside sections that does not start one: a title, a kind
 * heading, a heading with an image (which may carry a date), or a line
 * that fits nowhere. */
static int
outside_heading(dg_parser *p, const struct line *h)
{
	if (h->level == 1)
		return title_heading(p, h);
	if (h->image)
		take_date(p, h->s, h->n);
	if (kind_heading(p, h))
		return set_buf(&p->kind, h->name.p, h->name.n);
	if (!h->image)
		fits_nowhere(p, h->lineno);
	return DG_OK;
}

/* --- the held heading -------------------------------------------------- */

/* Holds the heading l back until its next non-blank line: a copy, its
 * strings moved into the copy. */
static int
hold(dg_parser *p, const struct line *l, enum state to)
{
	struct line *h = &p->held;
	const char *at;

	p->state = to;
	p->held_blanks.len = 0;
	if (set_buf(&p->held_buf, l->s, l->n) != DG_OK)
		return DG_ENOMEM;
	at = p->held_buf.p;
	*h = *l;
	h->s = at;
	h->text.p = at + (l->text.p - l->s);
	h->marker.p = at + (l->marker.p - l->s);
	h->name.p = at + (l->name.p - l->s);
	return DG_OK;
}

/* A blank line after the held heading: kept where the heading may turn
 * out to be summary text. */
static int
hold_blank(dg_parser *p, const struct line *l)
{
	if (p->state != SUMMARY_HEADING || p->flags & DG_PARSE_NO_SUMMARY)
		return DG_OK;
	if (dg_buf_addc(&p->held_blanks, '\n') != DG_OK ||
	    dg_buf_add(&p->held_blanks, l->s, l->n) != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

/* The held heading is followed by a summary label: it starts a section
 * (dg-parse(1), Sections). */
static int
start_section(dg_parser *p)
{
	const struct line *h = &p->held;
	enum state from = p->state;
	int st;

	p->state = OUTSIDE;
	if (from != OUTSIDE_HEADING && (st = close_section(p)) != DG_OK)
		return st;
	/* The file's first H1, when it has a summary of its own, is still
	 * the title: it names the kind and date of the digest.  One with
	 * a marker is a section like the others. */
	if (h->level == 1 && p->title == NO_TITLE && p->section == 0 &&
	    h->marker.n == 0 && (st = title_heading(p, h)) != DG_OK)
		return st;
	if (set_buf(&p->emoji, h->marker.p, h->marker.n) != DG_OK ||
	    set_folded(&p->category, h->name) != DG_OK)
		return DG_ENOMEM;
	p->section++;
	p->state = SUMMARY;
	p->summary.len = 0;
	p->sum_keep = 0;
	p->sec_line = h->lineno;
	p->nsources = 0;
	return DG_OK;
}

/*
 * In the combined layout the last section of the Papers part may have no
 * sources: its summary runs on into "## News".  The held heading ends
 * the summary when, once a kind has been set, it is a kind heading and
 * carries its chart image as kind headings do: on the line under it
 * (next, its next non-blank line), or on its own line with a heading
 * under it (dg-parse(1), Kind and date).  Any other heading in a summary
 * stays summary text.
 */
static int
kind_follows(const dg_parser *p, const struct line *next)
{
	const struct line *h = &p->held;

	if (p->kind.len == 0 || !kind_heading(p, h))
		return 0;
	if (next->type == LINE_HEADING)
		return next->image || h->image;
	return next->type == LINE_IMAGE;
}

/* The held heading does not start a section: next (NULL at the end of
 * the file), its next non-blank line, is no summary label.  Then it is
 * what it would have been without the wait. */
static int
unhold(dg_parser *p, const struct line *next)
{
	int st;

	switch (p->state) {
	case SUMMARY_HEADING:
		if (next == NULL || !kind_follows(p, next)) {
			/* Summary text, and so are the blank lines after
			 * it. */
			p->state = SUMMARY;
			if ((st = summary_line(p, &p->held)) != DG_OK)
				return st;
			return dg_buf_add(&p->summary, p->held_blanks.p,
			    p->held_blanks.len);
		}
		/* A kind heading ends the section. */
		p->state = OUTSIDE_HEADING;
		if ((st = close_section(p)) != DG_OK)
			return st;
		break;
	case SOURCES_HEADING:
		/* Not an item: it ends the list and the section. */
		p->state = OUTSIDE;
		if ((st = close_section(p)) != DG_OK)
			return st;
		break;
	default:
		break;
	}
	p->state = OUTSIDE;
	return outside_heading(p, &p->held);
}

/* --- the grammar: (state, line type) -> action ------------------------- */

/*
 * Acts on the typed line l where the parser is: dg-parse(1), THE DIGEST
 * FORMAT, one case per state, one line type per arm.
 */
static int
step(dg_parser *p, const struct line *l)
{
	int st;

	switch (p->state) {
	case OUTSIDE:
		/* Kind and date: blank lines, thematic breaks, titles, kind
		 * headings and lines holding an image fit outside sections
		 * (an image line sets the date); any other line there fits
		 * nowhere. */
		switch (l->type) {
		case LINE_HEADING:
			return hold(p, l, OUTSIDE_HEADING);
		case LINE_BLANK:
		case LINE_BREAK:
			return DG_OK;
		case LINE_IMAGE:
			take_date(p, l->s, l->n);
			return DG_OK;
		default:
			fits_nowhere(p, l->lineno);
			return DG_OK;
		}
	case SUMMARY:
		/* Summary: every line after the summary label up to the
		 * sources label or the next section, headings, lists,
		 * "---", even another summary label. */
		switch (l->type) {
		case LINE_HEADING:
			return hold(p, l, SUMMARY_HEADING);
		case LINE_SOURCES:
			end_summary(p);
			p->state = SOURCES;
			return DG_OK;
		default:
			return summary_line(p, l);
		}
	case SOURCES:
		/* Sources: each list item is one source; blank lines are
		 * skipped and an item without text is ignored; any other
		 * line, a thematic break included, ends the list and the
		 * section, and is then a line outside sections. */
		switch (l->type) {
		case LINE_HEADING:
			return hold(p, l, SOURCES_HEADING);
		case LINE_BLANK:
			return DG_OK;
		case LINE_ITEM:
			return l->text.n > 0 ? source(p, l->text, l->lineno) :
			    DG_OK;
		default:
			p->state = OUTSIDE;
			if ((st = close_section(p)) != DG_OK)
				return st;
			return step(p, l);
		}
	case OUTSIDE_HEADING:
	case SUMMARY_HEADING:
	case SOURCES_HEADING:
		/* Sections: a heading starts a section when, and only when,
		 * its next non-blank line is a summary label; any other
		 * heading is what it would have been without the wait. */
		switch (l->type) {
		case LINE_BLANK:
			return hold_blank(p, l);
		case LINE_SUMMARY:
			return start_section(p);
		default:
			if ((st = unhold(p, l)) != DG_OK)
				return st;
			return step(p, l);
		}
	}
	return DG_OK;
}

/* --- the interface ----------------------------------------------------- */

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
	if (set_buf(&p->file, name, n) != DG_OK)
		return DG_ENOMEM;
	p->datelen = dg_name_date(name, n, p->date) ? DG_DATE_LEN : 0;
	p->kind.len = 0;
	p->title = NO_TITLE;
	p->lineno = 0;
	p->section = 0;
	p->state = OUTSIDE;
	return DG_OK;
}

int
dg_parser_line(dg_parser *p, const char *s, size_t n)
{
	struct line l;

	l.lineno = ++p->lineno;
	if (p->state == SUMMARY && summary_quick(s, n, &l.type))
		return summary_add(p, s, n, l.type == LINE_BLANK);
	l.s = s;
	l.n = n;
	classify(p, &l);
	return step(p, &l);
}

int
dg_parser_end(dg_parser *p)
{
	int st;

	switch (p->state) {
	case OUTSIDE_HEADING:
	case SUMMARY_HEADING:
	case SOURCES_HEADING:
		if ((st = unhold(p, NULL)) != DG_OK)
			return st;
		break;
	default:
		break;
	}
	if (p->state == OUTSIDE)
		return DG_OK;
	p->state = OUTSIDE;
	return close_section(p);
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
	dg_buf_free(&p->held_buf);
	dg_buf_free(&p->held_blanks);
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
