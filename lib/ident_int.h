/*
 * ident_int.h - one identity per source (SPEC.md §5): the key that says
 * two records name the same source, for every command that drops repeats
 * (dg-links -u, dg-cat -u).  dg-links(1) SOURCE IDENTITY states the rule.
 */
#ifndef DG_IDENT_INT_H
#define DG_IDENT_INT_H

#include "dg.h"

/* What a source's identity comes from. */
enum dg_ident {
	DG_IDENT_NONE,	/* neither URL nor title: never a repeat */
	DG_IDENT_ARXIV,	/* an arXiv URL: "arXiv:" and the id, no version */
	DG_IDENT_URL,	/* another URL: "url:" and the URL normalised */
	DG_IDENT_TITLE	/* no URL: "title:" and the title folded */
};

/*
 * Appends to b the identity key of the source with the given URL and
 * title (raw, unescaped bytes), and sets *kind to what it came from; with
 * DG_IDENT_NONE nothing is appended.  The three prefixes keep the kinds
 * apart: an arXiv, URL or title key never equals a key of another kind.
 * Returns DG_OK, or DG_ENOMEM (b may then hold part of the key).
 *
 *	https://arxiv.org/pdf/2410.13754v2.pdf	arXiv:2410.13754
 *	http://WWW.Example.org:80/a/#top	url://example.org/a
 *	ftp://Example.org/a/			url:ftp://example.org/a
 *	(no URL) "Deep  Learning"		title:deep learning
 */
int dg_ident(dg_buf *b, dg_str url, dg_str title, enum dg_ident *kind);

#endif
