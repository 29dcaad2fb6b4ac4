/*
 * utf8.c - UTF-8 validation and repair (see utf8.h).  Invariant: the
 * output of rc_utf8_repair() always passes rc_utf8_check(), and valid
 * input comes out byte for byte.
 */
#include "utf8.h"

#include <string.h>

/* The length of the valid sequence at P (LEFT bytes left), or 0. */
static size_t
seq_len(const unsigned char *p, size_t left)
{
	unsigned char c = p[0];
	unsigned long cp;
	size_t need, k;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (k = 1; k <= need; k++) {
		if (k >= left || (p[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return need + 1;
}

size_t
rc_utf8_check(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	while (i < len) {
		if ((n = seq_len(p + i, len - i)) == 0)
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
	size_t i = 0, start = 0, n, bad = 0;

	while (i < len) {
		if ((n = seq_len(p + i, len - i)) > 0) {
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
