/*
 * xml_int.h - text for XML and HTML documents (dg-chart's SVG, dg-links'
 * Atom and HTML): one escaping, so that no command lets markup or a
 * character XML forbids through.
 */
#ifndef DG_XML_INT_H
#define DG_XML_INT_H

#include "dg.h"

/*
 * Appends s[0..n) XML-escaped, fit for a text node or an attribute value
 * in double or single quotes: & < > " ' as entities, TAB LF CR as
 * character references (attribute normalisation would eat them), and
 * U+FFFD in place of each invalid UTF-8 byte and of every character XML
 * 1.0 forbids or that is a control (C0 other than TAB LF CR, DEL, C1) or
 * a noncharacter (U+FDD0-U+FDEF, U+FFFE and U+FFFF of every plane: XML
 * discourages them, and to HTML they are parse errors): text can never
 * end the document or make an element.
 * Returns DG_OK or DG_ENOMEM.
 */
int dg_xml_escape(dg_buf *b, const char *s, size_t n);

/* Is the code point cp (U+0080 or above) one dg_xml_escape replaces? */
int dg_xml_unwanted(uint32_t cp);

#endif
