/*
 * test_transcript_parse.c - recorded calls: front matter, labels and their
 * aliases, comments, pause and hang-up markers, every error with its exact
 * line:column, and the agreement and ending inferred for the outcome.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "rubric.h"
#include "transcript-parse.h"

static struct rc_rubric *rubric;

static struct rc_parsed *
parse(const char *text, struct rc_err *err)
{
	return rc_transcript_parse("t.txt", text, strlen(text), err);
}

/* Parses TEXT, which must fail, and checks the messages: WANT holds them
 * joined with newlines. */
static void
check_errors(const char *text, const char *want, int line)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_parsed *p = parse(text, &err);
	char got[4096] = "";
	size_t i;

	for (i = 0; i < err.n; i++) {
		if (i > 0)
			strcat(got, "\n");
		strncat(got, err.v[i].msg, sizeof got - strlen(got) - 2);
	}
	if (p == NULL && strcmp(got, want) == 0) {
		rc_test_passed++;
	} else {
		rc_test_failed++;
		fprintf(stderr, "%s:%d: errors differ (%s)\n  got:  %s\n  want: %s\n",
		    __FILE__, line, p ? "parsed" : "refused", got, want);
	}
	rc_transcript_parse_free(p);
	rc_err_clear(&err);
}
#define CHECK_ERRORS(text, want) check_errors(text, want, __LINE__)

static void
test_front_matter(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_parsed *p = parse(
	    "# a recorded call\n"
	    "---\n"
	    "debtor: Petals & Stems\n"
	    "Creditor:  Greenline Wholesale  \n"
	    "contact: Maria Okafor\n"
	    "# comments are allowed here too\n"
	    "\n"
	    "balance: $3,120.00\n"
	    "days_overdue: 47\n"
	    "invoices: INV-2264 960 2026-08-15 paid, INV-2291 1,840.00 2026-09-15,"
	    "INV-2307 $1280 2026-10-01 unpaid\n"
	    "---\n"
	    "Collector: Hello.\n", &err);

	RC_CHECK(p != NULL);
	RC_CHECK_INT(err.n, 0);
	if (p == NULL)
		return;
	RC_CHECK(p->has_case);
	RC_CHECK_STR(p->c.debtor, "Petals & Stems");
	RC_CHECK_STR(p->c.creditor, "Greenline Wholesale");
	RC_CHECK_STR(p->c.contact, "Maria Okafor");
	RC_CHECK_STR(p->c.currency, "USD");
	RC_CHECK_NUM(p->c.balance, 3120);
	RC_CHECK_INT(p->c.days_overdue, 47);
	RC_CHECK_INT(p->c.ninvoices, 3);
	if (p->c.ninvoices == 3) {
		RC_CHECK_STR(p->c.invoices[0].id, "INV-2264");
		RC_CHECK_NUM(p->c.invoices[0].amount, 960);
		RC_CHECK_STR(p->c.invoices[0].due, "2026-08-15");
		RC_CHECK_INT(p->c.invoices[0].paid, 1);
		RC_CHECK_STR(p->c.invoices[1].id, "INV-2291");
		RC_CHECK_NUM(p->c.invoices[1].amount, 1840);
		RC_CHECK_INT(p->c.invoices[1].paid, 0);
		RC_CHECK_STR(p->c.invoices[2].id, "INV-2307");
		RC_CHECK_NUM(p->c.invoices[2].amount, 1280);
		RC_CHECK_STR(p->c.invoices[2].due, "2026-10-01");
		RC_CHECK_INT(p->c.invoices[2].paid, 0);
	}
	RC_CHECK_INT(p->t->n, 1);
	RC_CHECK_INT(p->lines[0], 12);
	rc_transcript_parse_free(p);

	/* The balance defaults to the unpaid invoices; a euro sign sets the
	 * currency when none is given; an ID without a due date. */
	p = parse("---\ninvoices: A-1 700 paid, A-2 1200,B-3 40.50\n---\nDebtor: hi\n",
	    &err);
	RC_CHECK(p != NULL);
	RC_CHECK_INT(err.n, 0);
	if (p != NULL) {
		RC_CHECK_NUM(p->c.balance, 1240.5);
		RC_CHECK_INT(p->c.ninvoices, 3);
		RC_CHECK(p->c.invoices[1].due == NULL);
	}
	rc_transcript_parse_free(p);
	p = parse("---\nbalance: €740.50\n---\nDebtor: hi\n", &err);
	RC_CHECK(p != NULL);
	if (p != NULL) {
		RC_CHECK_STR(p->c.currency, "EUR");
		RC_CHECK_NUM(p->c.balance, 740.5);
	}
	rc_transcript_parse_free(p);
	p = parse("---\ncurrency: gbp\nbalance: 90\n---\nDebtor: hi\n", &err);
	RC_CHECK(p != NULL);
	if (p != NULL)
		RC_CHECK_STR(p->c.currency, "GBP");
	rc_transcript_parse_free(p);

	/* A balance that is not the sum of the unpaid invoices: a warning. */
	p = parse("---\nbalance: 3000\ninvoices: X 1000, Y 2120\n---\nDebtor: hi\n", &err);
	RC_CHECK(p != NULL);
	RC_CHECK_INT(err.n, 1);
	RC_CHECK_INT(err.nerrors, 0);
	if (err.n == 1)
		RC_CHECK_STR(err.v[0].msg, "t.txt:2:10: balance $3,000 is not the sum "
		    "of the unpaid invoices ($3,120)");
	rc_transcript_parse_free(p);
	rc_err_clear(&err);

	/* A policy: every limit, a thousands comma inside an amount, a
	 * percent sign; the case points at it.  Without one, no policy. */
	p = parse("---\nbalance: 8400\npolicy: min_instalment $50, max_months 6, "
	    "credit_authority 1,500, discount_percent 10%, post_dated no\n---\n"
	    "Debtor: hi\n", &err);
	RC_CHECK(p != NULL);
	RC_CHECK_INT(err.n, 0);
	if (p != NULL) {
		RC_CHECK(p->c.policy == &p->policy);
		RC_CHECK_INT(p->policy.set, 1);
		RC_CHECK_INT(p->policy.min_instalment, 5000);
		RC_CHECK_INT(p->policy.max_months, 6);
		RC_CHECK_INT(p->policy.credit_authority, 150000);
		RC_CHECK_NUM(p->policy.discount_percent, 10);
		RC_CHECK_INT(p->policy.post_dated, 0);
	}
	rc_transcript_parse_free(p);
	p = parse("---\nbalance: 8400\npolicy: post_dated yes\n---\nDebtor: hi\n", &err);
	RC_CHECK(p != NULL);
	if (p != NULL) {
		RC_CHECK_INT(p->policy.post_dated, 1);
		RC_CHECK_INT(p->policy.max_months, RC_POLICY_UNSET);
	}
	rc_transcript_parse_free(p);
	p = parse("---\nbalance: 8400\n---\nDebtor: hi\n", &err);
	RC_CHECK(p != NULL);
	if (p != NULL)
		RC_CHECK(p->c.policy == NULL);
	rc_transcript_parse_free(p);

	/* No front matter: no case, but a currency to format money with. */
	p = parse("Collector: Hello.\n", &err);
	RC_CHECK(p != NULL);
	if (p != NULL) {
		RC_CHECK(!p->has_case);
		RC_CHECK_STR(p->c.currency, "USD");
	}
	rc_transcript_parse_free(p);
}

static void
test_turns(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_parsed *p = parse(
	    "\xef\xbb\xbf# BOM, comments, CRLF, aliases, odd spacing\r\n"
	    "Collector: Hello, this is Sam.\r\n"
	    "   debtor:Hi there.   \r\n"
	    "\r\n"
	    "  # an indented comment\n"
	    "AGENT :   What happened?\n"
	    "customer: My bookkeeper left.\n"
	    "[pause]\n"
	    "Agent: [ Pause ]\n"
	    "Collector: Time: 10:30, invoice: INV-1.\n"
	    "Debtor: Bye. [hangs up]\n", &err);

	RC_CHECK(p != NULL);
	RC_CHECK_INT(err.n, 0);
	if (p == NULL)
		return;
	RC_CHECK_INT(p->t->n, 8);
	if (p->t->n == 8) {
		RC_CHECK_INT(p->t->turns[0].speaker, RC_SPEAKER_COLLECTOR);
		RC_CHECK_STR(p->t->turns[0].text, "Hello, this is Sam.");
		RC_CHECK_INT(p->t->turns[1].speaker, RC_SPEAKER_DEBTOR);
		RC_CHECK_STR(p->t->turns[1].text, "Hi there.");
		RC_CHECK_INT(p->t->turns[2].speaker, RC_SPEAKER_COLLECTOR);
		RC_CHECK_STR(p->t->turns[2].text, "What happened?");
		RC_CHECK_INT(p->t->turns[3].speaker, RC_SPEAKER_DEBTOR);
		RC_CHECK_INT(p->t->turns[4].speaker, RC_SPEAKER_ACTION);
		RC_CHECK_STR(p->t->turns[4].text, "/pause");
		RC_CHECK(rc_turn_find(&p->t->turns[4], "pause") != NULL);
		RC_CHECK_INT(p->t->turns[5].speaker, RC_SPEAKER_ACTION);
		RC_CHECK(rc_turn_find(&p->t->turns[5], "pause") != NULL);
		RC_CHECK_STR(p->t->turns[6].text, "Time: 10:30, invoice: INV-1.");
		RC_CHECK_STR(p->t->turns[7].text, "Bye. [hangs up]");
		RC_CHECK_INT(p->t->turns[7].number, 8);
		RC_CHECK_INT(p->lines[2], 6);
		RC_CHECK_INT(p->lines[7], 11);
	}
	RC_CHECK(!p->hung_up);
	rc_transcript_parse_free(p);

	p = parse("Debtor: Get lost.\n[Hangs Up]\n\n# after the call\n", &err);
	RC_CHECK(p != NULL);
	if (p != NULL) {
		RC_CHECK(p->hung_up);
		RC_CHECK_INT(p->t->n, 1);
	}
	rc_transcript_parse_free(p);
	p = parse("Debtor: Get lost.\nCustomer: [hung up]\n", &err);
	RC_CHECK(p != NULL && p->hung_up);
	rc_transcript_parse_free(p);
	/* A "---" in the middle of a turn is text. */
	p = parse("Collector: one --- two\n", &err);
	RC_CHECK(p != NULL && p->t->n == 1);
	rc_transcript_parse_free(p);
	RC_CHECK_INT(err.n, 0);
}

static void
test_errors(void)
{
	CHECK_ERRORS("Collector: Hello.\nMaria: Who is this?\n  hello\nDebtor: Hi.\n",
	    "t.txt:2:1: expected 'Collector:' or 'Debtor:'\n"
	    "t.txt:3:3: expected 'Collector:' or 'Debtor:'");
	CHECK_ERRORS("", "t.txt:1:1: empty file: expected 'Collector:' or 'Debtor:' lines");
	CHECK_ERRORS("# nothing\n\n  \n",
	    "t.txt:1:1: empty file: expected 'Collector:' or 'Debtor:' lines");
	CHECK_ERRORS("---\ndebtor: X\n---\n",
	    "t.txt:1:1: no turns: expected 'Collector:' or 'Debtor:' lines");
	CHECK_ERRORS("---\nfoo: 1\nbalance: 12,34\ncurrency: US\n---\nDebtor: hi\n",
	    "t.txt:2:1: unknown key 'foo' (expected debtor, creditor, contact, "
	    "balance, currency, days_overdue, invoices, date, policy, legal, facts "
	    "or contacts)\n"
	    "t.txt:3:10: invalid balance '12,34' (expected an amount such as 3,120.00)\n"
	    "t.txt:4:11: invalid currency 'US' (expected an ISO code such as USD)");
	CHECK_ERRORS("---\npolicy: max_months 0, post_dated maybe, floor 5\n---\nDebtor: hi\n",
	    "t.txt:2:20: policy: invalid max_months '0' (expected a whole number "
	    "of months from 1 to 600)\n"
	    "t.txt:2:34: policy: invalid post_dated 'maybe' (expected yes or no)\n"
	    "t.txt:2:41: policy: unknown limit 'floor' (expected min_instalment, "
	    "max_months, credit_authority, discount_percent or post_dated)");
	CHECK_ERRORS("---\ndays_overdue: 4.5\ndebtor:\ndebtor: A\ndebtor: B\n---\nDebtor: hi\n",
	    "t.txt:2:15: invalid days_overdue '4.5' (expected a whole number of days)\n"
	    "t.txt:3:1: empty value for 'debtor'\n"
	    "t.txt:5:1: duplicate key 'debtor'");
	/* Columns count characters, not bytes. */
	CHECK_ERRORS("---\ndebtor: Café\ninvoices: É-1 1O0\n---\nDebtor: hi\n",
	    "t.txt:3:15: invoice 'É-1': invalid amount '1O0'");
	CHECK_ERRORS("---\ninvoices: A 1 2026-13-01, B\n---\nDebtor: hi\n",
	    "t.txt:2:15: invoice 'A': invalid due date '2026-13-01' (expected YYYY-MM-DD)\n"
	    "t.txt:2:27: invoice 'B' has no amount (expected ID AMOUNT [DUE] [paid])");
	CHECK_ERRORS("---\ndebtor: X\nCollector: Hello.\n",
	    "t.txt:1:1: front matter not closed: expected a '---' line before the first turn");
	CHECK_ERRORS("---\ndebtor: X\n",
	    "t.txt:1:1: front matter not closed: expected a '---' line");
	CHECK_ERRORS("Collector: Hi.\n---\n",
	    "t.txt:2:1: front matter must come first, before any turn");
	CHECK_ERRORS("Debtor: [pause]\nCollector:   \nAgent: [hangs up]\n",
	    "t.txt:1:9: only the collector can pause\n"
	    "t.txt:2:1: nothing said after 'Collector:'\n"
	    "t.txt:3:8: only the debtor can hang up (a call the collector ends needs "
	    "no marker)");
	CHECK_ERRORS("Debtor: Bye.\n[hangs up]\nCollector: Hello?\n",
	    "t.txt:3:1: the debtor has hung up: nothing can follow '[hangs up]'");
	CHECK_ERRORS("Collector: Hi.\nDebtor: caf\xc3\n",
	    "t.txt:2:12: invalid UTF-8 (byte 0xc3)");
	CHECK_ERRORS("\xef\xbb\xbf" "Debtor: \xff\n", "t.txt:1:9: invalid UTF-8 (byte 0xff)");
	{
		static const char nul[] = "Collector: Hi.\nDebtor: a\0b\n";
		struct rc_err err = RC_ERR_INIT;
		struct rc_parsed *p = rc_transcript_parse("t.txt", nul, sizeof nul - 1, &err);

		RC_CHECK(p == NULL);
		RC_CHECK_INT(err.n, 1);
		if (err.n == 1)
			RC_CHECK_STR(err.v[0].msg, "t.txt:2:10: NUL byte in a text file");
		rc_err_clear(&err);
	}
	{
		/* Many bad lines: the first 50 and then one line to say so. */
		struct rc_err err = RC_ERR_INIT;
		char *text = malloc(200 * 4 + 1);
		struct rc_parsed *p;
		int i;

		text[0] = '\0';
		for (i = 0; i < 200; i++)
			strcat(text, "xyz\n");
		p = parse(text, &err);
		RC_CHECK(p == NULL);
		RC_CHECK_INT(err.n, 51);
		if (err.n == 51)
			RC_CHECK_STR(err.v[50].msg, "t.txt: too many errors, giving up");
		rc_err_clear(&err);
		free(text);
	}
	{
		struct rc_err err = RC_ERR_INIT;

		RC_CHECK(rc_transcript_parse_file("/no/such/file.txt", &err) == NULL);
		RC_CHECK_INT(err.n, 1);
		if (err.n == 1)
			RC_CHECK_STR(err.v[0].msg,
			    "/no/such/file.txt: cannot open: No such file or directory");
		rc_err_clear(&err);
	}
}

static struct rc_parsed *
inferred(const char *text)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_parsed *p = parse(text, &err);

	rc_err_clear(&err);
	if (p != NULL)
		rc_transcript_parse_infer(p, rubric, NULL);
	return p;
}

static void
test_infer(void)
{
	char brief[256];
	static const char deal[] =
	    "---\nbalance: 3120\ndate: 2026-12-02\n---\n"
	    "Collector: Could you clear the full $3,120 today?\n"
	    "Debtor: I can't, not in one go. I could do $2,000 now.\n"
	    "Collector: How about $1,840 today, and then $640 a month for the next 2 months?\n"
	    "Debtor: $1,840 today and then $640 a month for 2 months. Okay. Deal.\n"
	    "Collector: Thank you. I'll email the agreement.\n"
	    "Debtor: Bye now.\n";
	struct rc_parsed *p = inferred(deal);

	RC_CHECK(p != NULL);
	if (p == NULL)
		return;
	RC_CHECK(p->t->has_agreement);
	RC_CHECK_INT(p->t->ended_by, RC_ENDED_AGREEMENT);
	/* the call's date from the front matter dates every payment */
	RC_CHECK_STR(rc_terms_brief(&p->t->agreement, brief, sizeof brief),
	    "1840.00@2026-12-02; 640.00/month x2 from 2027-01-02");
	RC_CHECK_INT(p->t->agreement.total, 312000);
	RC_CHECK_INT(p->t->agreement.balance_left, 0);
	RC_CHECK_INT(p->t->agreement.affordable, 1);
	/* Inferring twice gives the same. */
	rc_transcript_parse_infer(p, rubric, NULL);
	RC_CHECK(p->t->has_agreement);
	RC_CHECK_INT(p->t->agreement.total, 312000);
	rc_transcript_parse_free(p);

	/* A new instalment said alone keeps the payment up front of the
	 * plan on the table, as a practice call's debtor reads it. */
	p = inferred("---\nbalance: 2340\ndate: 2026-12-02\n---\n"
	    "Collector: What could you manage?\n"
	    "Debtor: $900 today and then $300 a month, if that works.\n"
	    "Collector: Could we meet in the middle at 400 a month?\n"
	    "Debtor: Okay, yes, I can do that.\n"
	    "Collector: Thank you, I'll send it in writing.\n");
	RC_CHECK(p != NULL && p->t->has_agreement);
	if (p != NULL) {
		/* $900 + 3 x $400 + the last $240 (the brief form counts the
		 * short last payment in the run) */
		RC_CHECK_STR(rc_terms_brief(&p->t->agreement, brief, sizeof brief),
		    "900.00@2026-12-02; 400.00/month x4 from 2027-01-02");
		RC_CHECK_INT(rc_terms_first(&p->t->agreement, NULL), 90000);
		RC_CHECK_INT(p->t->agreement.total, 234000);
	}
	rc_transcript_parse_free(p);

	/* The debtor's own offer, taken. */
	p = inferred("---\nbalance: 900\n---\n"
	    "Collector: What could you manage?\n"
	    "Debtor: I could do $300 today.\n"
	    "Collector: Thank you, I can take that.\n"
	    "Debtor: Okay, deal.\n");
	RC_CHECK(p != NULL && p->t->has_agreement);
	if (p != NULL) {
		/* no date in the front matter: the day stays as said */
		RC_CHECK_STR(rc_terms_brief(&p->t->agreement, brief, sizeof brief),
		    "300.00@?");
		RC_CHECK_INT(p->t->agreement.balance_left, 60000);
	}
	rc_transcript_parse_free(p);

	/* Agreement words with nothing proposed are not an agreement. */
	p = inferred("Collector: Is this Maria?\nDebtor: Yes, that works, go on.\n");
	RC_CHECK(p != NULL && !p->t->has_agreement);
	if (p != NULL)
		RC_CHECK_INT(p->t->ended_by, RC_ENDED_TRAINEE);
	rc_transcript_parse_free(p);

	/* "Deal" negated is no deal. */
	p = inferred("Collector: Could you pay $500 today?\nDebtor: No deal.\n");
	RC_CHECK(p != NULL && !p->t->has_agreement);
	rc_transcript_parse_free(p);

	/* Hang-ups: said, or marked. */
	p = inferred("Collector: Pay up today.\nDebtor: I'm hanging up.\n");
	RC_CHECK(p != NULL);
	if (p != NULL)
		RC_CHECK_INT(p->t->ended_by, RC_ENDED_HANGUP);
	rc_transcript_parse_free(p);
	p = inferred("Collector: Pay up today.\nDebtor: Whatever.\n[hangs up]\n");
	RC_CHECK(p != NULL);
	if (p != NULL)
		RC_CHECK_INT(p->t->ended_by, RC_ENDED_HANGUP);
	rc_transcript_parse_free(p);
}

int
main(void)
{
	struct rc_err err = RC_ERR_INIT;

	rubric = rc_rubric_load(RECOUP_SOURCE_SCORING, &err);
	if (rubric == NULL) {
		size_t i;

		for (i = 0; i < err.n; i++)
			fprintf(stderr, "%s\n", err.v[i].msg);
		return 1;
	}
	rc_err_clear(&err);
	test_front_matter();
	test_turns();
	test_errors();
	test_infer();
	rc_rubric_free(rubric);
	return RC_TEST_DONE();
}
