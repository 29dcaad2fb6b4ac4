/*
 * utf8.c - one UTF-8 character at a time.  Invariant: a length above 0 is
 * returned only for a shortest-form encoding of a scalar value
 * (U+0000-U+10FFFF without the surrogates), never past N.
 */
#include "utf8.h"

size_t
rc_utf8_decode(const unsigned char *p, size_t n, unsigned long *cp)
{
	unsigned long c = p[0], min;
	size_t len, i;

	*cp = c;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4; c &= 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

