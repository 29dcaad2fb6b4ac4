/*
 * test_match.c - the PCRE2 wrapper: caseless UTF-8 by default, invalid
 * UTF-8 subjects tolerated, named captures, compile errors with offsets,
 * and a pattern with catastrophic backtracking giving up instead of hanging.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "match.h"

static struct rc_pattern *
pat(const char *src)
{
	char msg[256];
	size_t off;
	struct rc_pattern *p = rc_pattern_new(src, msg, sizeof msg, &off);

	if (p == NULL)
		fprintf(stderr, "unexpected compile error in /%s/: %s\n", src, msg);
	return p;
}

int
main(void)
{
	struct rc_matcher *m = rc_matcher_new(0);
	struct rc_pattern *p;
	char msg[256], buf[64];
	size_t off = 0;
	char *big;

	/* Caseless by default; (?-i) turns it off. */
	p = pat("\\binvoice\\b");
	RC_CHECK_INT(rc_matcher_exec(m, p, "The INVOICE is late", 19), RC_MATCH_YES);
	RC_CHECK_INT(rc_matcher_exec(m, p, "invoices", 8), RC_MATCH_NO);
	rc_pattern_free(p);
	p = pat("(?-i)^[^a-z]*[A-Z]{4,}[^a-z]*$");
	RC_CHECK_INT(rc_matcher_exec(m, p, "PAY IT NOW, TODAY!", 18), RC_MATCH_YES);
	RC_CHECK_INT(rc_matcher_exec(m, p, "Pay now", 7), RC_MATCH_NO);
	rc_pattern_free(p);

	/* UTF-8 and Unicode-aware word boundaries. */
	p = pat("\\bcafé\\b");
	RC_CHECK_INT(rc_matcher_exec(m, p, "the CAFÉ bill", strlen("the CAFÉ bill")),
	    RC_MATCH_YES);
	/* Invalid UTF-8 in the subject is tolerated, not an error. */
	RC_CHECK_INT(rc_matcher_exec(m, p, "\xff\xfe caf\xc3 caf\xc3\xa9", 13),
	    RC_MATCH_YES);
	RC_CHECK_INT(rc_matcher_exec(m, p, "\xff\xfe\xc3", 3), RC_MATCH_NO);
	rc_pattern_free(p);

	/* Named captures. */
	p = pat("my name is (?<who>\\w+)");
	RC_CHECK_INT(rc_matcher_exec(m, p, "Hi, my name is Sam.", 19), RC_MATCH_YES);
	RC_CHECK_INT(rc_matcher_capture(m, "who", buf, sizeof buf), 1);
	RC_CHECK_STR(buf, "Sam");
	RC_CHECK_INT(rc_matcher_capture(m, "nope", buf, sizeof buf), 0);
	RC_CHECK_STR(buf, "");
	RC_CHECK_STR(rc_pattern_source(p), "my name is (?<who>\\w+)");
	rc_pattern_free(p);

	/* Compile errors carry PCRE2's message and offset. */
	RC_CHECK(rc_pattern_new("(unclosed", msg, sizeof msg, &off) == NULL);
	RC_CHECK_STR(msg, "missing closing parenthesis");
	RC_CHECK_INT(off, 9);
	RC_CHECK(rc_pattern_new("a{2,1}", msg, sizeof msg, &off) == NULL);
	RC_CHECK_INT(off, 5);

	/* Catastrophic backtracking against a long line gives up with a
	 * limit error (timing is measured by the benchmark, not here). */
	p = pat("^(a+)+$");
	big = malloc(20001);
	memset(big, 'a', 20000);
	big[19999] = '!';
	big[20000] = '\0';
	RC_CHECK_INT(rc_matcher_exec(m, p, big, 20000), RC_MATCH_LIMIT_HIT);
	RC_CHECK(strlen(rc_matcher_error(m)) > 0);
	/* The matcher still works afterwards. */
	RC_CHECK_INT(rc_matcher_exec(m, p, "aaaa", 4), RC_MATCH_YES);
	free(big);
	rc_pattern_free(p);

	rc_pattern_free(NULL);
	rc_matcher_free(m);
	rc_matcher_free(NULL);
	return RC_TEST_DONE();
}
