/*
 * arxiv_int.h - arXiv identifiers in URLs (lib/arxiv.c).
 */
#ifndef DG_ARXIV_INT_H
#define DG_ARXIV_INT_H

#include "dg.h"

/*
 * Finds the arXiv identifier of url[0..n): the URL must be
 * http(s)://HOST/abs/ID or http(s)://HOST/pdf/ID with HOST arxiv.org,
 * www.arxiv.org or export.arxiv.org (any case, optional :port), ID new
 * style (2410.13754, 4 digits, a dot, 4 or 5 digits) or old style
 * (hep-th/9901001, math.GT/0309136: archive, optional .class, /, 7
 * digits), with an optional version (v2), then optionally .pdf and /,
 * then the end, a query (?...) or a fragment (#...).  Returns 1 and sets
 * *id to the identifier as written (version kept; it points into url),
 * or returns 0.
 */
int dg_arxiv_id(const char *url, size_t n, dg_str *id);

/* The identifier without its version suffix (2410.13754v2 ->
 * 2410.13754): two versions of one paper have the same key. */
dg_str dg_arxiv_key(dg_str id);

#endif
