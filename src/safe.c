/*
 * safe.c - the output filter (see safe.h for what it renders and how).
 * Invariant: what rc_safe_add() appends contains no byte 0x00-0x1F (but
 * tab, newline and CR before newline with RC_SAFE_LINES, and the ESC of
 * recoup's own colour codes with RC_SAFE_COLOR), no DEL and no C1
 * control, raw or encoded, and no bidirectional embedding, override or
 * isolate control; valid UTF-8 characters outside those ranges pass
 * unchanged.
 */
#include "safe.h"

#include <string.h>

#include "utf8.h"

/* Whether CP is a bidirectional formatting control that changes how the
 * text after it is ordered on screen: the embeddings and overrides
 * U+202A-U+202E and the isolates U+2066-U+2069.  A name or a quote holding
 * U+202E would show reversed, and what follows it on the line too (the
 * "Trojan Source" trick).  The plain marks U+200E, U+200F and U+061C
 * only affect neutral characters next to them and are left alone. */
static int
bidi_control(unsigned long cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The length of one of recoup's own colour codes at P, or 0. */
static size_t
own_color(const char *p, size_t n)
{
	static const char *const codes[] = {
		"\033[0m", "\033[1m", "\033[2m", "\033[31m", "\033[32m",
		"\033[33m", "\033[36m", NULL,
	};
	size_t i, len;

	for (i = 0; codes[i] != NULL; i++) {
		len = strlen(codes[i]);
		if (len <= n && memcmp(p, codes[i], len) == 0)
			return len;
	}
	return 0;
}

void
rc_safe_add(struct rc_buf *b, const char *s, size_t n, unsigned flags)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, len;
	unsigned long cp;

	while (i < n) {
		unsigned char c = p[i];

		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if ((c == '\n' || c == '\t' || (c == '\r' && i + 1 < n &&
		    p[i + 1] == '\n')) && (flags & RC_SAFE_LINES)) {
			i++;
			continue;
		}
		if (c == 0x1b && (flags & RC_SAFE_COLOR) &&
		    (len = own_color(s + i, n - i)) > 0) {
			i += len;
			continue;
		}
		len = c >= 0x80 ? rc_utf8_decode(p + i, n - i, &cp) : 1;
		if (c >= 0x80 && len > 0 && cp >= 0xa0 && !bidi_control(cp)) {
			i += len;
			continue;
		}
		if (c >= 0x80 && len == 0 && c >= 0xa0) {
			/* a stray byte that no terminal takes as a control */
			i++;
			continue;
		}
		rc_buf_add(b, s + start, i - start);
		if (c < 0x20) {
			rc_buf_putc(b, '^');
			rc_buf_putc(b, (char)(c + 0x40));
			i++;
		} else if (c == 0x7f) {
			rc_buf_puts(b, "^?");
			i++;
		} else if (len > 0 && bidi_control(cp)) {
			rc_buf_puts(b, "\\u");
			rc_buf_putc(b, hex[(cp >> 12) & 0xf]);
			rc_buf_putc(b, hex[(cp >> 8) & 0xf]);
			rc_buf_putc(b, hex[(cp >> 4) & 0xf]);
			rc_buf_putc(b, hex[cp & 0xf]);
			i += len;
		} else {
			/* C1: U+0080-U+009F encoded (len 2), or a stray byte */
			unsigned long v = len > 0 ? cp : c;

			rc_buf_puts(b, "\\x");
			rc_buf_putc(b, hex[(v >> 4) & 0xf]);
			rc_buf_putc(b, hex[v & 0xf]);
			i += len > 0 ? len : 1;
		}
		start = i;
	}
	rc_buf_add(b, s + start, n - start);
}

void
rc_safe_puts(struct rc_buf *b, const char *s, unsigned flags)
{
	if (s != NULL)
		rc_safe_add(b, s, strlen(s), flags);
}
