/*
 * test_literal.c - the prefilter: the words a pattern cannot match
 * without (and the patterns for which no such set exists), and the
 * automaton that finds them all in a line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "literal.h"

/* The required words of PATTERN joined with ',' ("-" for no set). */
static const char *
req(const char *pattern)
{
	static char buf[512];
	char **v = rc_literal_required(pattern);
	size_t i;

	if (v == NULL)
		return "-";
	buf[0] = '\0';
	for (i = 0; v[i]; i++) {
		if (i)
			strcat(buf, ",");
		strncat(buf, v[i], sizeof buf - strlen(buf) - 1);
	}
	rc_literal_free(v);
	return buf;
}

/* Every required set of PATTERN: "{a|b} {c}" ("-" for none). */
static const char *
req_all(const char *pattern)
{
	static char buf[512];
	char ***v = rc_literal_required_all(pattern);
	size_t i, j;

	if (v == NULL)
		return "-";
	buf[0] = '\0';
	for (i = 0; v[i]; i++) {
		strncat(buf, i ? " {" : "{", sizeof buf - strlen(buf) - 1);
		for (j = 0; v[i][j]; j++) {
			if (j)
				strncat(buf, "|", sizeof buf - strlen(buf) - 1);
			strncat(buf, v[i][j], sizeof buf - strlen(buf) - 1);
		}
		strncat(buf, "}", sizeof buf - strlen(buf) - 1);
	}
	rc_literal_free_all(v);
	return buf;
}

int
main(void)
{
	char *words[] = { "thank", "court", "sorry", "rocket", "science" };
	struct rc_ac *ac;
	uint64_t bits[1];

	/* A plain phrase: its longest run. */
	RC_CHECK_STR(req("\\bthank you\\b"), "thank");
	/* A letter made optional ends the run before it. */
	RC_CHECK_STR(req("\\bthanks?\\b"), "thank");
	RC_CHECK_STR(req("\\bcolou?r\\b"), "colo");
	/* Alternation: every branch must have a word; their union. */
	RC_CHECK_STR(req("\\b(?:ruin|destroy|wreck)\\b"), "ruin,destroy,wreck");
	RC_CHECK_STR(req("\\b(?:see|take) you (?:in|to) court\\b"), "court");
	RC_CHECK_STR(req("\\b(?:I|we) (?:do|go)\\b"), "do,go");
	RC_CHECK_STR(req("foo|\\bno\\b"), "foo,no");
	RC_CHECK_STR(req("\\b(?:I|we) (?:a|go)\\b"), "-");
	/* Two letters are a word; one is not. */
	RC_CHECK_STR(req("^\\W*ok\\W*$"), "ok");
	RC_CHECK_STR(req("\\bx\\b"), "-");
	/* A letter that may repeat ends a run after it, and its last repeat
	 * begins the next: "hel+o+" needs "hel" (and "lo"). */
	RC_CHECK_STR(req("\\bhi+\\b"), "hi");
	RC_CHECK_STR(req("\\bhel+o+\\b"), "hel");
	RC_CHECK_STR(req("\\bmm+hmm\\b"), "mhmm");
	RC_CHECK_STR(req("\\bye{1,3}s\\b"), "-");
	/* Optional groups and lookarounds give nothing. */
	RC_CHECK_STR(req("(?:please )?\\bpay\\b"), "pay");
	RC_CHECK_STR(req("(?<!why )\\bnot now\\b"), "not");
	RC_CHECK_STR(req("(?:very )?(?:good|great)?"), "-");
	/* Classes and escapes break runs; an apostrophe too. */
	RC_CHECK_STR(req("\\bsummari[sz]e\\b"), "summari");
	RC_CHECK_STR(req("\\bdon'?t\\b"), "don");
	RC_CHECK_STR(req("\\b\\d+ days\\b"), "days");
	/* Named groups and option groups are groups. */
	RC_CHECK_STR(req("(?<who>maria|okafor)"), "maria,okafor");
	RC_CHECK_STR(req("(?-i:[A-Z])\\w+ (?i:here)"), "here");
	/* A group repeated at least once keeps its words. */
	RC_CHECK_STR(req("(?:yes\\W*)+"), "yes");
	RC_CHECK_STR(req("(?:yes\\W*)*"), "-");

	/* The automaton finds every word, overlapping ones too, any case. */
	ac = rc_ac_new(words, 5);
	bits[0] = 0;
	rc_ac_scan(ac, "THANKS, but not rocket-science: see you in COURT", bits);
	RC_CHECK(bits[0] & 1u);           /* thank */
	RC_CHECK(bits[0] & 2u);           /* court */
	RC_CHECK(!(bits[0] & 4u));        /* sorry */
	RC_CHECK(bits[0] & 8u);           /* rocket */
	RC_CHECK(bits[0] & 16u);          /* science */
	bits[0] = 0;
	rc_ac_scan(ac, "so rry, th ank", bits);
	RC_CHECK_INT((int)bits[0], 0);
	rc_ac_free(ac);
	/* Every set a sequence needs, the most selective first; optional
	 * parts, lookarounds and inner groups' own parts are not needed. */
	RC_CHECK_STR(req_all("\\byou (?:still )?owe\\b"), "{you} {owe}");
	RC_CHECK_STR(req_all("\\b(?:are|were) you (?:\\w+ ){0,2}(?:stupid|dumb)\\b"),
	    "{stupid|dumb} {are|were} {you}");
	RC_CHECK_STR(req_all("(?<!not )\\bgood (?:morning|day)(?= sir)"),
	    "{good} {morning|day}");
	RC_CHECK_STR(req_all("(?:please )?pay (?:me|us)? now"), "{pay} {now}");
	RC_CHECK_STR(req_all("hel+o there"), "{there} {hel} {lo}");
	/* an alternation at the top: the union, as one set */
	RC_CHECK_STR(req_all("hi|hello there"), "{hi|hello}");
	/* nothing required, or a part without a set */
	RC_CHECK_STR(req_all("\\d+"), "-");
	RC_CHECK_STR(req_all("(?:a|bc)d"), "-");
	RC_CHECK_STR(req_all("(?:x|yy)+ zz"), "{zz}");
	return RC_TEST_DONE();
}
