/*
 * wrap.c - word wrapping for the terminal (see wrap.h).  A line is read as
 * runs of spaces ("gaps") and runs of anything else ("words"); recoup's
 * colour codes sit inside words and take no columns.  A line is broken
 * only at a gap, whose spaces are dropped, and only cut inside a word when
 * the word alone is wider than the room on a fresh line.  No state is kept
 * between calls: every line of S is taken to start at column 0.
 */
#include "wrap.h"

#include <string.h>

#include "utf8.h"

/* Columns of code point CP on a terminal: 0 for combining marks and
 * zero-width characters, 2 for East Asian wide ones, else 1. */
static size_t
cp_width(unsigned long cp)
{
	static const unsigned long zero[][2] = {
		{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
		{ 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
		{ 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	};
	static const unsigned long wide[][2] = {
		{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF },
		{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
		{ 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE30, 0xFE4F },
		{ 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
		{ 0x1F900, 0x1F9FF }, { 0x20000, 0x3FFFD },
	};
	size_t i;

	for (i = 0; i < sizeof zero / sizeof zero[0]; i++)
		if (cp >= zero[i][0] && cp <= zero[i][1])
			return 0;
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}

/* The length in bytes of the unit at P (N > 0 bytes left): a colour code
 * ESC [ digits ; m, one UTF-8 character, or one bad byte; its columns in
 * *W. */
static size_t
unit(const char *p, size_t n, size_t *w)
{
	unsigned long cp;
	size_t k;

	if (p[0] == '\033' && n > 1 && p[1] == '[') {
		for (k = 2; k < n && ((p[k] >= '0' && p[k] <= '9') || p[k] == ';'); k++)
			;
		if (k < n && p[k] == 'm') {
			*w = 0;
			return k + 1;
		}
	}
	k = rc_utf8_decode((const unsigned char *)p, n, &cp);
	if (k == 0) {
		*w = 1;
		return 1;
	}
	*w = cp_width(cp);
	return k;
}

size_t
rc_wrap_width(const char *s, size_t n)
{
	size_t i = 0, cols = 0, w;

	while (i < n) {
		i += unit(s + i, n - i, &w);
		cols += w;
	}
	return cols;
}

/* The bytes of a bullet at P ("- ", "* ", "> ", "[x] ", "12. "), spaces after
 * it included; 0 when there is none. */
static size_t
bullet(const char *p, size_t n)
{
	size_t k = 0;

	if (n >= 2 && (p[0] == '-' || p[0] == '*' || p[0] == '>') && p[1] == ' ')
		k = 2;
	else if (n >= 4 && p[0] == '[' && p[2] == ']' && p[3] == ' ')
		k = 4;
	else {
		while (k < n && k < 3 && p[k] >= '0' && p[k] <= '9')
			k++;
		if (k == 0 || k + 1 >= n || p[k] != '.' || p[k + 1] != ' ')
			return 0;
		k += 2;
	}
	while (k < n && p[k] == ' ')
		k++;
	return k;
}

/* 1 when the LEN bytes at P are all digits. */
static int
digits(const char *p, size_t len)
{
	size_t k;

	for (k = 0; k < len; k++)
		if (p[k] < '0' || p[k] > '9')
			return 0;
	return len > 0;
}

/* The bytes of a label at P, spaces after it included; 0 when there is
 * none.  A label is one word ending in ':' ("Maria: ", "tip: "), or up to
 * three words when two spaces or more follow the ':' ("Ended by:   ") or
 * the last is a number ("turn 4: "), and more text follows: so a title
 * or a sentence with a colon ("Forgetful florist: two invoices") is not
 * read as one. */
static size_t
label(const char *p, size_t n)
{
	size_t k = 0, words = 0, start, colon;

	while (k < n) {
		start = k;
		while (k < n && p[k] != ' ' && p[k] != ':')
			k++;
		if (k == start)
			return 0;
		if (k < n && p[k] == ':') {
			colon = k++;
			while (k < n && p[k] == ' ')
				k++;
			if (k == colon + 1 || k >= n || k > 24)
				return 0;
			if (words > 0 && k < colon + 3 && !digits(p + start, colon - start))
				return 0;
			return k;
		}
		if (++words == 3 || k + 1 >= n || p[k + 1] == ' ')
			return 0;
		k++;
	}
	return 0;
}

size_t
rc_wrap_indent(const char *line, size_t n)
{
	struct rc_buf b = RC_BUF_INIT;
	const char *p;
	size_t i = 0, k, w, len, col;

	/* The label rules read plain text: colour codes go first. */
	while (i < n) {
		k = unit(line + i, n - i, &w);
		if (!(w == 0 && line[i] == '\033'))
			rc_buf_add(&b, line + i, k);
		i += k;
	}
	p = rc_buf_str(&b);
	len = b.len;
	i = strspn(p, " ");
	if (i < len && p[i] == '(')
		i++;
	i += bullet(p + i, len - i);
	if (i < len && (k = bullet(p + i, len - i)) > 0 && p[i] >= '0' && p[i] <= '9')
		i += k;   /* "[x]  5. Title" */
	i += label(p + i, len - i);
	col = rc_wrap_width(p, i);
	rc_buf_free(&b);
	return col;
}

/* Appends a newline and INDENT spaces. */
static void
newline(struct rc_buf *out, size_t indent)
{
	rc_buf_putc(out, '\n');
	while (indent-- > 0)
		rc_buf_putc(out, ' ');
}

/* The columns of the spaces (and colour codes) that start LINE. */
static size_t
leading(const char *s, size_t n)
{
	size_t i = 0, cols = 0, w, k;

	while (i < n) {
		k = unit(s + i, n - i, &w);
		if (s[i] == ' ')
			cols++;
		else if (w != 0)
			break;
		i += k;
	}
	return cols;
}

static void
wrap_line(struct rc_buf *out, const char *s, size_t n, size_t width)
{
	size_t indent, lead, col = 0, i = 0, gap, ws, we, ww, w, k;
	int fresh = 1;     /* nothing but the indent on this output line yet */
	int started = 0;   /* a word was written (leading spaces are kept) */

	if (rc_wrap_width(s, n) <= width) {
		rc_buf_add(out, s, n);
		return;
	}
	lead = leading(s, n);
	indent = rc_wrap_indent(s, n);
	if (indent * 2 > width)
		indent = lead * 2 > width ? 0 : lead;
	while (i < n) {
		ws = i;
		while (i < n && s[i] == ' ')
			i++;
		gap = i - ws;
		we = i;
		while (we < n && s[we] != ' ')
			we++;
		ww = rc_wrap_width(s + i, we - i);
		if (ww == 0) {   /* a colour code alone, or trailing spaces */
			if (col + gap <= width && (!fresh || !started)) {
				rc_buf_add(out, s + ws, gap);
				col += gap;
			}
			rc_buf_add(out, s + i, we - i);
			i = we;
			continue;
		}
		/* A word that must be cut anyway starts where it is, if it can. */
		if (!fresh && col + gap + ww > width &&
		    (ww <= width - indent || col + gap + 1 >= width)) {
			newline(out, indent);
			col = indent;
			fresh = 1;
		}
		if (!fresh || !started) {
			rc_buf_add(out, s + ws, gap);
			col += gap;
		}
		if (col + ww <= width) {
			rc_buf_add(out, s + i, we - i);
			col += ww;
		} else {
			/* A word wider than a whole line: cut between characters. */
			while (i < we) {
				k = unit(s + i, we - i, &w);
				if (col + w > width && col > indent) {
					newline(out, indent);
					col = indent;
				}
				rc_buf_add(out, s + i, k);
				col += w;
				i += k;
			}
		}
		fresh = 0;
		started = 1;
		i = we;
	}
}

void
rc_wrap(struct rc_buf *out, const char *s, size_t width)
{
	const char *nl;

	if (width < 10) {
		rc_buf_puts(out, s);
		return;
	}
	while ((nl = strchr(s, '\n')) != NULL) {
		wrap_line(out, s, (size_t)(nl - s), width);
		rc_buf_putc(out, '\n');
		s = nl + 1;
	}
	if (*s != '\0')
		wrap_line(out, s, strlen(s), width);
}
