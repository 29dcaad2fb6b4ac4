/*
 * test_safe.c - the output filter (safe.c) and the writers that escape
 * controls their own way: every C0 control, DEL, C1 control (raw or as
 * UTF-8) and escape sequence is rendered visibly, recoup's own colour
 * codes only pass when asked, and real text (accents, dashes, emoji) is
 * left alone; JSON strings, CSV cells and HTML text carry no raw control.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "safe.h"
#include "harness.h"

struct filter_case {
	const char *in;
	unsigned flags;
	const char *out;
};

static const struct filter_case cases[] = {
	{ "plain text", 0, "plain text" },
	{ "", 0, "" },
	/* a clipboard write, a screen clear and a window title */
	{ "\033]52;c;SGVsbG8=\007", 0, "^[]52;c;SGVsbG8=^G" },
	{ "\033[2J\033[H", 0, "^[[2J^[[H" },
	{ "\033]0;pwned\007", 0, "^[]0;pwned^G" },
	{ "bell\007", 0, "bell^G" },
	{ "nul\001soh\037us", 0, "nul^Asoh^_us" },
	{ "del\177", 0, "del^?" },
	/* C1 CSI: a stray byte, and U+009B written as UTF-8 */
	{ "\2332J", 0, "\\x9b2J" },
	{ "\302\2332J", 0, "\\x9b2J" },
	{ "\302\200\302\237", 0, "\\x80\\x9f" },
	/* lines: kept with RC_SAFE_LINES, shown without; a lone CR never */
	{ "a\tb\nc", RC_SAFE_LINES, "a\tb\nc" },
	{ "a\tb\nc", 0, "a^Ib^Jc" },
	{ "row\r\nnext", RC_SAFE_LINES, "row\r\nnext" },
	{ "over\rwrite", RC_SAFE_LINES, "over^Mwrite" },
	{ "end\r", RC_SAFE_LINES, "end^M" },
	/* recoup's own colours with RC_SAFE_COLOR, nothing else */
	{ "\033[1mbold\033[0m", RC_SAFE_COLOR, "\033[1mbold\033[0m" },
	{ "\033[31mred\033[0m", 0, "^[[31mred^[[0m" },
	{ "\033[8mhidden\033[0m", RC_SAFE_COLOR, "^[[8mhidden\033[0m" },
	{ "\033[2J", RC_SAFE_COLOR | RC_SAFE_LINES, "^[[2J" },
	{ "\033", RC_SAFE_COLOR, "^[" },
	/* real text passes: accents, dashes, NBSP, emoji, U+00A0 and up */
	{ "Caf\303\251 \342\200\223 \302\240\360\237\230\200", 0,
	  "Caf\303\251 \342\200\223 \302\240\360\237\230\200" },
	/* bytes that are not UTF-8 but not controls either are copied */
	{ "\377\376x", 0, "\377\376x" },
	/* bidirectional overrides, embeddings and isolates are shown (they
	 * would reverse the rest of the line); the plain marks pass */
	{ "name \342\200\256gnp.exe", 0, "name \\u202egnp.exe" },
	{ "\342\200\252a\342\200\254", 0, "\\u202aa\\u202c" },
	{ "\342\201\246x\342\201\251", 0, "\\u2066x\\u2069" },
	{ "a\342\200\217b\342\200\216", 0, "a\342\200\217b\342\200\216" },
	{ "\342\200\251\342\201\252", 0, "\342\200\251\342\201\252" },
	/* a truncated sequence: its lead copied, a following C1 byte shown */
	{ "\342\233", 0, "\342\\x9b" },
};

static void
test_filter(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rc_buf b = RC_BUF_INIT;

		rc_safe_puts(&b, cases[i].in, cases[i].flags);
		RC_CHECK_STR(rc_buf_str(&b), cases[i].out);
		rc_buf_free(&b);
	}
}

/* No byte of S is a control, DEL or C1 (raw or encoded). */
static int
clean(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 && *p != '\n' && *p != '\t')
			return 0;
		if (*p == 0x7f || (*p >= 0x80 && *p <= 0x9f && (p == (const
		    unsigned char *)s || p[-1] < 0x80 || p[-1] == 0xc2)))
			return 0;
	}
	return 1;
}

static const char hostile[] = "\033]52;c;SGVsbG8=\007\033[2J\033]0;t\007"
    "\007\233\302\233\177x";

static void
test_writers(void)
{
	struct rc_buf b = RC_BUF_INIT;

	rc_buf_json_string(&b, hostile);
	RC_CHECK_STR(rc_buf_str(&b), "\"\\u001b]52;c;SGVsbG8=\\u0007\\u001b[2J"
	    "\\u001b]0;t\\u0007\\u0007\\ufffd\\u009b\\u007fx\"");
	RC_CHECK(clean(rc_buf_str(&b)));
	rc_buf_reset(&b);
	rc_buf_json_string(&b, "Caf\303\251 \342\200\224 ok");
	RC_CHECK_STR(rc_buf_str(&b), "\"Caf\303\251 \342\200\224 ok\"");
	rc_buf_reset(&b);
	rc_csv_cell(&b, hostile);
	RC_CHECK(clean(rc_buf_str(&b)));
	RC_CHECK_STR(rc_buf_str(&b), "^[]52;c;SGVsbG8=^G^[[2J^[]0;t^G^G\\x9b\\x9b^?x");
	rc_buf_reset(&b);
	rc_csv_cell(&b, "=\0332+2");
	RC_CHECK_STR(rc_buf_str(&b), "'=^[2+2");
	rc_buf_reset(&b);
	rc_html_escape(&b, hostile);
	RC_CHECK(clean(rc_buf_str(&b)));
	RC_CHECK_STR(rc_buf_str(&b), "^[]52;c;SGVsbG8=^G^[[2J^[]0;t^G^G\\x9b\\x9b^?x");
	rc_buf_reset(&b);
	rc_html_escape(&b, "<b>\033[1m</b>");
	RC_CHECK_STR(rc_buf_str(&b), "&lt;b&gt;^[[1m&lt;/b&gt;");
	rc_buf_free(&b);
}

int
main(void)
{
	test_filter();
	test_writers();
	return RC_TEST_DONE();
}
