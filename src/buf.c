/*
 * buf.c - growable strings.  Invariant: when data is not NULL,
 * data[len] == '\0' and len < cap.
 */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	const unsigned char *p;

	rc_buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': rc_buf_puts(b, "\\\""); break;
		case '\\': rc_buf_puts(b, "\\\\"); break;
		case '\n': rc_buf_puts(b, "\\n"); break;
		case '\r': rc_buf_puts(b, "\\r"); break;
		case '\t': rc_buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20)
				rc_buf_printf(b, "\\u%04x", *p);
			else
				rc_buf_putc(b, (char)*p);
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
