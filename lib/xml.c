/* xml.c - XML escaping (see lib/xml_int.h). */
#include <string.h>

#include "utf8_int.h"
#include "xml_int.h"

#define REPLACEMENT "\xef\xbf\xbd"

/* What each ASCII byte becomes: NULL to copy it as is. */
static const char *const ascii[128] = {
	[0x00] = REPLACEMENT, [0x01] = REPLACEMENT, [0x02] = REPLACEMENT,
	[0x03] = REPLACEMENT, [0x04] = REPLACEMENT, [0x05] = REPLACEMENT,
	[0x06] = REPLACEMENT, [0x07] = REPLACEMENT, [0x08] = REPLACEMENT,
	['\t'] = "&#9;", ['\n'] = "&#10;", [0x0b] = REPLACEMENT,
	[0x0c] = REPLACEMENT, ['\r'] = "&#13;", [0x0e] = REPLACEMENT,
	[0x0f] = REPLACEMENT, [0x10] = REPLACEMENT, [0x11] = REPLACEMENT,
	[0x12] = REPLACEMENT, [0x13] = REPLACEMENT, [0x14] = REPLACEMENT,
	[0x15] = REPLACEMENT, [0x16] = REPLACEMENT, [0x17] = REPLACEMENT,
	[0x18] = REPLACEMENT, [0x19] = REPLACEMENT, [0x1a] = REPLACEMENT,
	[0x1b] = REPLACEMENT, [0x1c] = REPLACEMENT, [0x1d] = REPLACEMENT,
	[0x1e] = REPLACEMENT, [0x1f] = REPLACEMENT,
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
	['\''] = "&#39;", [0x7f] = REPLACEMENT
};

int
dg_xml_unwanted(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) ||
	    (cp & 0xfffe) == 0xfffe;
}

int
dg_xml_escape(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *rep;
	size_t i = 0, run, len;
	uint32_t cp;

	while (i < n) {
		for (run = i; run < n && p[run] < 0x80 && ascii[p[run]] == NULL;
		    run++)
			continue;
		if (dg_buf_add(b, s + i, run - i) != DG_OK)
			return DG_ENOMEM;
		if ((i = run) == n)
			break;
		if (p[i] < 0x80) {
			rep = ascii[p[i]];
			len = 1;
		} else {
			len = dg_utf8_decode(p + i, n - i, &cp);
			rep = len == 0 || dg_xml_unwanted(cp) ? REPLACEMENT :
			    NULL;
			if (len == 0)
				len = 1;
		}
		if (rep != NULL ? dg_buf_add(b, rep, strlen(rep)) :
		    dg_buf_add(b, s + i, len))
			return DG_ENOMEM;
		i += len;
	}
	return DG_OK;
}
