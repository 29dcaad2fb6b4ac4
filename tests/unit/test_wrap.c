/*
 * test_wrap.c - word wrapping for the terminal: breaks at spaces only,
 * hanging indents under labels and bullets, columns counted per character
 * (not byte), colour codes free, lines that fit untouched.
 */
#include <stdlib.h>

#include "harness.h"
#include "wrap.h"

static char *
wrapped(const char *s, size_t width)
{
	struct rc_buf b = RC_BUF_INIT;

	rc_wrap(&b, s, width);
	return rc_buf_detach(&b);
}

#define CHECK_WRAP(in, width, want) do { \
	char *got_ = wrapped(in, width); \
	RC_CHECK_STR(got_, want); \
	free(got_); \
} while (0)

int
main(void)
{
	/* Fits: copied as is, spaces and all. */
	CHECK_WRAP("Maria:  two  spaces\n", 40, "Maria:  two  spaces\n");
	CHECK_WRAP("", 40, "");
	CHECK_WRAP("no newline", 40, "no newline");

	/* Plain text breaks between words, never inside one. */
	CHECK_WRAP("the quick brown fox jumps over the lazy dog\n", 20,
	    "the quick brown fox\njumps over the lazy\ndog\n");
	CHECK_WRAP("thanks for your courtesy today\n", 22,
	    "thanks for your\ncourtesy today\n");

	/* A speaker's label: continuation lines start under the text. */
	CHECK_WRAP("Maria: I can pay you something next week I think\n", 24,
	    "Maria: I can pay you\n       something next\n       week I think\n");
	CHECK_WRAP("Ended by:   agreement reached on the phone today\n", 30,
	    "Ended by:   agreement reached\n            on the phone today\n");
	/* Bullets and indented labels. */
	CHECK_WRAP("  - a note about the account that goes on\n", 20,
	    "  - a note about the\n    account that\n    goes on\n");
	CHECK_WRAP("       tip: ask them what would work\n", 26,
	    "       tip: ask them what\n            would work\n");
	CHECK_WRAP("       turn 4: \"hello there you\"\n", 30,
	    "       turn 4: \"hello there\n               you\"\n");
	/* A hanging indent past half the width falls back to the leading
	 * spaces. */
	CHECK_WRAP("       turn 4: \"hello there you\"\n", 24,
	    "       turn 4: \"hello\n       there you\"\n");
	CHECK_WRAP("(Hint: ask why they have not paid)\n", 20,
	    "(Hint: ask why they\n       have not\n       paid)\n");
	CHECK_WRAP("12. a research fact about them\n", 16,
	    "12. a research\n    fact about\n    them\n");
	/* A title or a sentence with a colon is no label. */
	RC_CHECK_INT(rc_wrap_indent("Forgetful florist: two invoices", 31), 0);
	RC_CHECK_INT(rc_wrap_indent("  - Still ordering: deliveries", 30), 4);
	RC_CHECK_INT(rc_wrap_indent("  - 2026-08-12: paid", 20), 16);
	RC_CHECK_INT(rc_wrap_indent("Maria runs a small florist: she", 31), 0);
	RC_CHECK_INT(rc_wrap_indent("Outcome score:  80/100", 22), 16);

	/* Columns, not bytes: "é" is one column, "日" two. */
	CHECK_WRAP("café café café\n", 10, "café café\ncafé\n");
	RC_CHECK_INT(rc_wrap_width("caf\xc3\xa9", 5), 4);
	RC_CHECK_INT(rc_wrap_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4);
	CHECK_WRAP("\xe6\x97\xa5\xe6\x9c\xac \xe6\x97\xa5\xe6\x9c\xac "
	    "\xe6\x97\xa5\xe6\x9c\xac\n", 10,
	    "\xe6\x97\xa5\xe6\x9c\xac \xe6\x97\xa5\xe6\x9c\xac\n"
	    "\xe6\x97\xa5\xe6\x9c\xac\n");

	/* Colour codes take no room. */
	CHECK_WRAP("\033[1m\033[36mMaria:\033[0m one two three four\n", 18,
	    "\033[1m\033[36mMaria:\033[0m one two\n       three four\n");
	CHECK_WRAP("\033[2m       tip: one two three\033[0m\n", 24,
	    "\033[2m       tip: one two\n            three\033[0m\n");

	/* A word longer than the line is cut, under the indent. */
	CHECK_WRAP("Maria: abcdefghijklmnopqrstuvwxyz\n", 20,
	    "Maria: abcdefghijklm\n       nopqrstuvwxyz\n");
	/* A width too small to wrap sensibly leaves the text alone. */
	CHECK_WRAP("one two three\n", 5, "one two three\n");

	return RC_TEST_DONE();
}
