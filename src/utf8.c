/*
 * utf8.c - UTF-8 one character at a time, and validation and repair built
 * on it (see utf8.h).  Invariants: a length above 0 is returned only for a
 * shortest-form encoding of a scalar value (U+0000-U+10FFFF without the
 * surrogates), never past N; the output of rc_utf8_repair() always passes
 * rc_utf8_check(), and valid input comes out byte for byte.
 */
#include "utf8.h"

#include <string.h>

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

size_t
rc_utf8_check(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t i = 0, n;

	while (i < len) {
		if ((n = rc_utf8_decode(p + i, len - i, &cp)) == 0)
			return i;
		i += n;
	}
	return len;
}

int
rc_utf8_valid(const char *s)
{
	size_t len = strlen(s);

	return rc_utf8_check(s, len) == len;
}

size_t
rc_utf8_repair(struct rc_buf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t i = 0, start = 0, n, bad = 0;

	while (i < len) {
		if ((n = rc_utf8_decode(p + i, len - i, &cp)) > 0) {
			i += n;
			continue;
		}
		rc_buf_add(out, s + start, i - start);
		rc_buf_puts(out, "\xef\xbf\xbd");
		bad++;
		start = ++i;
	}
	rc_buf_add(out, s + start, len - start);
	return bad;
}
