/*
 * buf.h - a growable, always NUL-terminated byte buffer.
 */
#ifndef RC_BUF_H
#define RC_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct rc_buf {
	char *data;   /* NUL-terminated once anything was added; may be NULL */
	size_t len;
	size_t cap;
};

#define RC_BUF_INIT { NULL, 0, 0 }

void rc_buf_add(struct rc_buf *b, const char *s, size_t n);
void rc_buf_puts(struct rc_buf *b, const char *s);
void rc_buf_putc(struct rc_buf *b, char c);
void rc_buf_printf(struct rc_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rc_buf_vprintf(struct rc_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Appends S as a JSON string literal, quotes included. */
void rc_buf_json_string(struct rc_buf *b, const char *s);
void rc_buf_reset(struct rc_buf *b);
/* Returns the contents ("" when empty), valid until the next change. */
const char *rc_buf_str(const struct rc_buf *b);
/* Gives the contents to the caller, who frees them; B is left empty. */
char *rc_buf_detach(struct rc_buf *b);
void rc_buf_free(struct rc_buf *b);

#endif
