/*
 * jsonptr.c - a position index of a JSON text.  One pass of a small
 * recursive-descent scanner records, for every value, its JSON pointer and
 * its byte offset; line and column are then computed in one more pass, as
 * values are met in order of their offsets.  Keys are decoded as cJSON
 * decodes them and escaped as RFC 6901 says ('~' as "~0", '/' as "~1"), so
 * the pointers equal those the loaders build.  The scanner stops at the
 * first thing that is not JSON and never reads past the text.
 */
#include "jsonptr.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

#define MAX_DEPTH 256

struct entry {
	char *ptr;
	size_t off;
	int line, col;
};

struct rc_jsonptr {
	struct entry *v;
	size_t n, cap;
};

struct scan {
	const char *t;
	size_t len, pos;
	int depth;
	struct rc_jsonptr *x;
};

static void
ws(struct scan *sc)
{
	while (sc->pos < sc->len && (sc->t[sc->pos] == ' ' ||
	    sc->t[sc->pos] == '\t' || sc->t[sc->pos] == '\n' ||
	    sc->t[sc->pos] == '\r'))
		sc->pos++;
}

static void
put_utf8(struct rc_buf *b, unsigned long cp)
{
	char u[4];

	if (cp < 0x80) {
		rc_buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		rc_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		rc_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		rc_buf_add(b, u, 4);
	}
}

static int
hex4(struct scan *sc, unsigned long *out)
{
	unsigned long v = 0;
	int i;

	if (sc->pos + 4 > sc->len)
		return 0;
	for (i = 0; i < 4; i++) {
		char c = sc->t[sc->pos + (size_t)i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned long)(c - 'A' + 10);
		else
			return 0;
	}
	sc->pos += 4;
	*out = v;
	return 1;
}

/* Scans a string at sc->pos (a '"'); decodes it into B when B is not
 * NULL.  Returns 0 on anything that is not a JSON string. */
static int
string(struct scan *sc, struct rc_buf *b)
{
	if (sc->pos >= sc->len || sc->t[sc->pos] != '"')
		return 0;
	sc->pos++;
	while (sc->pos < sc->len) {
		char c = sc->t[sc->pos++];
		unsigned long cp, lo;

		if (c == '"')
			return 1;
		if (c != '\\') {
			if (b)
				rc_buf_putc(b, c);
			continue;
		}
		if (sc->pos >= sc->len)
			return 0;
		c = sc->t[sc->pos++];
		switch (c) {
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			if (!hex4(sc, &cp))
				return 0;
			if (cp >= 0xD800 && cp <= 0xDBFF && sc->pos + 6 <= sc->len &&
			    sc->t[sc->pos] == '\\' && sc->t[sc->pos + 1] == 'u') {
				sc->pos += 2;
				if (!hex4(sc, &lo))
					return 0;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			break;
		default: cp = (unsigned char)c; break;
		}
		if (b)
			put_utf8(b, cp);
	}
	return 0;
}

static void
record(struct scan *sc, const char *ptr)
{
	struct rc_jsonptr *x = sc->x;

	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->v = rc_xreallocarray(x->v, x->cap, sizeof *x->v);
	}
	x->v[x->n].ptr = rc_xstrdup(ptr);
	x->v[x->n].off = sc->pos;
	x->n++;
}

static int value(struct scan *sc, struct rc_buf *ptr);

static int
object(struct scan *sc, struct rc_buf *ptr)
{
	struct rc_buf key = RC_BUF_INIT;
	size_t base = ptr->len, i;
	int ok = 0;

	sc->pos++;
	ws(sc);
	if (sc->pos < sc->len && sc->t[sc->pos] == '}') {
		sc->pos++;
		return 1;
	}
	for (;;) {
		ws(sc);
		rc_buf_reset(&key);
		rc_buf_puts(&key, "");
		if (!string(sc, &key))
			break;
		ws(sc);
		if (sc->pos >= sc->len || sc->t[sc->pos] != ':')
			break;
		sc->pos++;
		ptr->len = base;
		rc_buf_putc(ptr, '/');
		for (i = 0; i < key.len; i++) {
			if (key.data[i] == '~')
				rc_buf_puts(ptr, "~0");
			else if (key.data[i] == '/')
				rc_buf_puts(ptr, "~1");
			else
				rc_buf_putc(ptr, key.data[i]);
		}
		if (!value(sc, ptr))
			break;
		ws(sc);
		if (sc->pos < sc->len && sc->t[sc->pos] == ',') {
			sc->pos++;
			continue;
		}
		if (sc->pos < sc->len && sc->t[sc->pos] == '}') {
			sc->pos++;
			ok = 1;
		}
		break;
	}
	ptr->len = base;
	if (ptr->data)
		ptr->data[base] = '\0';
	rc_buf_free(&key);
	return ok;
}

static int
array(struct scan *sc, struct rc_buf *ptr)
{
	size_t base = ptr->len, i = 0;
	int ok = 0;

	sc->pos++;
	ws(sc);
	if (sc->pos < sc->len && sc->t[sc->pos] == ']') {
		sc->pos++;
		return 1;
	}
	for (;; i++) {
		ptr->len = base;
		rc_buf_printf(ptr, "/%zu", i);
		if (!value(sc, ptr))
			break;
		ws(sc);
		if (sc->pos < sc->len && sc->t[sc->pos] == ',') {
			sc->pos++;
			continue;
		}
		if (sc->pos < sc->len && sc->t[sc->pos] == ']') {
			sc->pos++;
			ok = 1;
		}
		break;
	}
	ptr->len = base;
	if (ptr->data)
		ptr->data[base] = '\0';
	return ok;
}

static int
value(struct scan *sc, struct rc_buf *ptr)
{
	int ok;

	ws(sc);
	if (sc->pos >= sc->len)
		return 0;
	record(sc, rc_buf_str(ptr));
	switch (sc->t[sc->pos]) {
	case '{':
	case '[':
		if (++sc->depth > MAX_DEPTH)
			return 0;
		ok = sc->t[sc->pos] == '{' ? object(sc, ptr) : array(sc, ptr);
		sc->depth--;
		return ok;
	case '"':
		return string(sc, NULL);
	default:
		/* A number, true, false or null: up to the next delimiter. */
		if (strchr(",]}", sc->t[sc->pos]) != NULL)
			return 0;
		while (sc->pos < sc->len && strchr(",]} \t\r\n", sc->t[sc->pos]) == NULL)
			sc->pos++;
		return 1;
	}
}

static int
by_ptr(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->ptr, y->ptr);

	/* Equal pointers (a duplicate key): the first one wins, as in cJSON. */
	if (c == 0)
		return x->off < y->off ? -1 : x->off > y->off;
	return c;
}

struct rc_jsonptr *
rc_jsonptr_index(const char *text, size_t len)
{
	struct rc_jsonptr *x = rc_xcalloc(1, sizeof *x);
	struct rc_buf ptr = RC_BUF_INIT;
	struct scan sc;
	size_t i, at = 0;
	int line = 1, col = 1;

	sc.t = text;
	sc.len = len;
	sc.pos = 0;
	sc.depth = 0;
	sc.x = x;
	rc_buf_puts(&ptr, "");
	value(&sc, &ptr);
	rc_buf_free(&ptr);
	/* Entries were recorded in order of their offsets. */
	for (i = 0; i < x->n; i++) {
		for (; at < x->v[i].off && at < len; at++) {
			unsigned char ch = (unsigned char)text[at];

			if (ch == '\n') {
				line++;
				col = 1;
			} else if ((ch & 0xC0) != 0x80) {
				col++;
			}
		}
		x->v[i].line = line;
		x->v[i].col = col;
	}
	if (x->n > 1)
		qsort(x->v, x->n, sizeof *x->v, by_ptr);
	return x;
}

void
rc_jsonptr_free(struct rc_jsonptr *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->n; i++)
		free(x->v[i].ptr);
	free(x->v);
	free(x);
}

int
rc_jsonptr_find(const struct rc_jsonptr *x, const char *ptr, int *line,
                int *col, size_t *offset)
{
	size_t lo = 0, hi;

	if (x == NULL)
		return 0;
	if (strcmp(ptr, "/") == 0)
		ptr = "";
	/* The first entry not less than PTR: with duplicates, the earliest. */
	hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(x->v[mid].ptr, ptr) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= x->n || strcmp(x->v[lo].ptr, ptr) != 0)
		return 0;
	*line = x->v[lo].line;
	*col = x->v[lo].col;
	if (offset)
		*offset = x->v[lo].off;
	return 1;
}
