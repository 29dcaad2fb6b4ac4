/*
 * jsonpos.c - JSON parsing with positions for every error.  The checks
 * before cJSON runs (UTF-8, NUL bytes, depth) make sure cJSON only ever
 * sees text it can handle and that every refusal names a line and column.
 */
#include "jsonpos.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

void
rc_json_linecol(const char *text, size_t len, size_t off, int *line, int *col)
{
	size_t i;
	int l = 1, c = 1;

	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)text[i];

		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* Scans outside strings for the nesting depth; returns the offset where it
 * first exceeds the limit, or LEN. */
static size_t
depth_check(const char *text, size_t len)
{
	size_t i;
	int depth = 0, in_string = 0;

	for (i = 0; i < len; i++) {
		char c = text[i];

		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = 0;
			continue;
		}
		if (c == '"') {
			in_string = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > RC_JSON_MAX_DEPTH)
				return i;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return len;
}

static void
describe_stop(struct rc_buf *b, const char *text, size_t len, size_t off)
{
	unsigned char c;

	if (off >= len) {
		rc_buf_puts(b, "unexpected end of input");
		return;
	}
	c = (unsigned char)text[off];
	if (c == '\n' || c == '\r' || c == '\t' || c == ' ')
		rc_buf_puts(b, "unexpected whitespace");
	else if (c < 0x20)
		rc_buf_printf(b, "unexpected control character 0x%02x", c);
	else if (c < 0x80)
		rc_buf_printf(b, "unexpected '%c'", c);
	else
		rc_buf_puts(b, "unexpected non-ASCII character");
}

cJSON *
rc_json_parse(const char *name, const char *text, size_t len, struct rc_err *err)
{
	const char *end = NULL;
	struct rc_buf why = RC_BUF_INIT;
	cJSON *root;
	size_t off, i;
	int line, col;

	for (i = 0; i < len && (text[i] == ' ' || text[i] == '\n' ||
	    text[i] == '\r' || text[i] == '\t'); i++)
		;
	if (i == len) {
		rc_err_add(err, RC_ERROR, "%s:1:1: empty file: expected a JSON object", name);
		return NULL;
	}
	if ((off = rc_utf8_check(text, len)) < len) {
		rc_json_linecol(text, len, off, &line, &col);
		rc_err_add(err, RC_ERROR, "%s:%d:%d: invalid UTF-8 (byte 0x%02x)", name,
		    line, col, (unsigned char)text[off]);
		return NULL;
	}
	if (memchr(text, '\0', len) != NULL) {
		off = (size_t)((const char *)memchr(text, '\0', len) - text);
		rc_json_linecol(text, len, off, &line, &col);
		rc_err_add(err, RC_ERROR, "%s:%d:%d: NUL byte in a text file", name, line, col);
		return NULL;
	}
	if ((off = depth_check(text, len)) < len) {
		rc_json_linecol(text, len, off, &line, &col);
		rc_err_add(err, RC_ERROR, "%s:%d:%d: nested deeper than %d levels", name,
		    line, col, RC_JSON_MAX_DEPTH);
		return NULL;
	}
	/* The length includes the terminating NUL: cJSON's "require null
	 * terminated" check looks at the byte after the value. */
	root = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1);
	if (root != NULL)
		return root;
	off = end ? (size_t)(end - text) : 0;
	if (off > len)
		off = len;
	/* When a string fails, cJSON points one past its opening quote: point
	 * at the quote, and say when the string is simply never closed. */
	if (off > 0 && (text[off - 1] == '"' || text[off - 1] == '\'')) {
		off--;
		if (text[off] == '"' && strcspn(text + off + 1, "\"\n") ==
		    strcspn(text + off + 1, "\n"))
			rc_buf_puts(&why, "string never closed on this line");
		else if (text[off] == '\'')
			rc_buf_puts(&why, "strings and keys take double quotes, not '");
	}
	/* A bare word where a key or value belongs: cJSON stops one past its
	 * first letter; point at the word. */
	if (why.len == 0 && off > 0 && off <= len) {
		size_t w = off;

		while (w > 0 && isalpha((unsigned char)text[w - 1]))
			w--;
		if (w < off && (w == 0 || strchr(" \t\r\n{[,:", text[w - 1])))
			off = w;
	}
	if (why.len == 0)
		describe_stop(&why, text, len, off);
	rc_json_linecol(text, len, off, &line, &col);
	rc_err_add(err, RC_ERROR, "%s:%d:%d: invalid JSON: %s", name, line, col,
	    rc_buf_str(&why));
	rc_buf_free(&why);
	return NULL;
}
