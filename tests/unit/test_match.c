/*
 * test_match.c - the PCRE2 wrapper: caseless UTF-8 by default, invalid
 * UTF-8 subjects tolerated, named captures, compile errors with offsets,
 * a pattern with catastrophic backtracking giving up instead of hanging,
 * and the compiled-code cache: a pattern compiled in one "process" is
 * decoded, not compiled, in the next and matches the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

	{
		/* The caches live in a directory of this test's own. */
		char dir[] = "/tmp/recoup-test-match-XXXXXX", cmd[128];
		const char *src = "\\b(?:pay|settle)\\w*\\s+(?<sum>\\d+)";
		struct rc_pattern *q;

		RC_CHECK(mkdtemp(dir) != NULL);
		setenv("XDG_CACHE_HOME", dir, 1);
		rc_pattern_cache_free();   /* forget the patterns above */
		q = pat(src);       /* unknown: compiled at once, kept */
		RC_CHECK(rc_matcher_exec(m, q, "I'll pay 400", 12) == RC_MATCH_YES);
		rc_pattern_free(q);
		rc_pattern_cache_save();
		rc_pattern_cache_free();
		RC_CHECK(rc_pattern_cache_decoded() == 0);

		/* the next run: known, so deferred; decoded on first use */
		q = pat(src);
		RC_CHECK(rc_matcher_exec(m, q, "we settled 250 today", 20) ==
		    RC_MATCH_YES);
		RC_CHECK(rc_matcher_capture(m, "sum", buf, sizeof buf) &&
		    strcmp(buf, "250") == 0);
		RC_CHECK(rc_matcher_exec(m, q, "no money", 8) == RC_MATCH_NO);
		RC_CHECK(rc_pattern_cache_decoded() == 1);
		rc_pattern_free(q);
		/* borrowed source: the same, without a copy */
		q = rc_pattern_borrowed(src);
		RC_CHECK(rc_matcher_exec(m, q, "PAYING 9", 8) == RC_MATCH_YES);
		RC_CHECK(rc_pattern_cache_decoded() == 2);
		RC_CHECK(rc_pattern_source(q) == src);
		rc_pattern_free(q);
		rc_pattern_cache_free();

		/* a damaged blob: compiled again, same answer */
		{
			char path[256];
			FILE *f;
			long size;

			snprintf(path, sizeof path, "%s/recoup/pattern-code", dir);
			RC_CHECK((f = fopen(path, "r+b")) != NULL);
			if (f != NULL) {
				fseek(f, 0, SEEK_END);
				size = ftell(f);
				fseek(f, size - 40, SEEK_SET);
				fwrite("garbage garbage garbage garbage garbage!", 1, 40, f);
				fclose(f);
			}
		}
		q = pat(src);
		RC_CHECK(rc_matcher_exec(m, q, "pay 3", 5) == RC_MATCH_YES);
		RC_CHECK(rc_pattern_cache_decoded() == 0);
		rc_pattern_free(q);
		rc_pattern_cache_free();
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		RC_CHECK(system(cmd) == 0);
	}
	rc_matcher_free(m);
	rc_matcher_free(NULL);
	return RC_TEST_DONE();
}
