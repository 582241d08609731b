/*
 * linkfmt.h - how dg-links writes a source (linkfmt.c): JSON strings,
 * markdown link text and destinations, bare URLs, href attributes.
 *
 * Every function appends to a dg_buf and returns 0, or DG_ENOMEM.
 * Inputs are raw (unescaped) bytes, not NUL-terminated, maybe not UTF-8.
 */
#ifndef DG_LINKFMT_H
#define DG_LINKFMT_H

#include "dg.h"

/*
 * s as a JSON string, quotes included, always valid UTF-8: " and \ are
 * escaped with \, control characters (U+0000-U+001F) and U+2028, U+2029
 * written \u00XX / \u2028 / \u2029, each byte that is not part of a
 * valid UTF-8 sequence replaced by U+FFFD; everything else kept as is.
 */
int dg_json_str(dg_buf *b, const char *s, size_t n);

/*
 * s as markdown inline text that stays plain text inside a link label:
 * a \ before each of \ ` * _ [ ] ( ) < > # ! & ~ |; TAB, LF and CR
 * become a space, other control characters and each byte that is not
 * valid UTF-8 become U+FFFD.
 */
int dg_md_text(dg_buf *b, const char *s, size_t n);

/*
 * s as a markdown link destination: space, ( ) < > ", control
 * characters, DEL and bytes that are not valid UTF-8 percent-encoded
 * (%20, %28, ...), \ written \\; the rest kept, so the link still leads
 * to the same place.
 */
int dg_md_url(dg_buf *b, const char *s, size_t n);

/*
 * s as a bare URL on its own line: control characters (LF, TAB, NUL...)
 * and DEL percent-encoded, so one line holds one URL; the rest kept.
 */
int dg_url_line(dg_buf *b, const char *s, size_t n);

/*
 * s as the value of an XML or HTML attribute in double quotes that holds
 * a link (href): what an IRI may not hold percent-encoded (controls,
 * space, DEL, " < > \ ^ ` { | }, C1 controls, U+FFFE, U+FFFF and bytes
 * that are not valid UTF-8), & written &amp;, the rest kept: the link
 * leads where the URL does, and the value is text (dg_xml_escape would
 * change nothing else).
 */
int dg_href(dg_buf *b, const char *s, size_t n);

#endif
