/*
 * buf.c - growable strings.  Invariant: when data is not NULL,
 * data[len] == '\0' and len < cap.
 */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

static void
grow(struct rc_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->data = rc_xrealloc(b->data, b->cap);
}

void
rc_buf_add(struct rc_buf *b, const char *s, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
rc_buf_puts(struct rc_buf *b, const char *s)
{
	rc_buf_add(b, s, strlen(s));
}

void
rc_buf_putc(struct rc_buf *b, char c)
{
	rc_buf_add(b, &c, 1);
}

void
rc_buf_vprintf(struct rc_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
rc_buf_printf(struct rc_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rc_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
rc_buf_json_string(struct rc_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, len;
	unsigned long cp;

	rc_buf_putc(b, '"');
	while (i < n) {
		switch (p[i]) {
		case '"': rc_buf_puts(b, "\\\""); i++; continue;
		case '\\': rc_buf_puts(b, "\\\\"); i++; continue;
		case '\n': rc_buf_puts(b, "\\n"); i++; continue;
		case '\r': rc_buf_puts(b, "\\r"); i++; continue;
		case '\t': rc_buf_puts(b, "\\t"); i++; continue;
		}
		len = rc_utf8_decode(p + i, n - i, &cp);
		if (len == 0) {
			/* not UTF-8: never copied, so the output stays valid JSON */
			rc_buf_puts(b, "\\ufffd");
			i++;
		} else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
			/* C0, DEL and C1 controls, escaped so they never reach a
			 * terminal raw */
			rc_buf_printf(b, "\\u%04lx", cp);
			i += len;
		} else {
			rc_buf_add(b, s + i, len);
			i += len;
		}
	}
	rc_buf_putc(b, '"');
}

void
rc_buf_reset(struct rc_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

const char *
rc_buf_str(const struct rc_buf *b)
{
	return b->data ? b->data : "";
}

char *
rc_buf_detach(struct rc_buf *b)
{
	char *s = b->data ? b->data : rc_xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
rc_buf_free(struct rc_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
