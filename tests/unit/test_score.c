/*
 * test_score.c - the scoring pipeline itself: shouting, signals with
 * quotes and negation, critical failures, totals and the outcome, and a
 * few detector cases found while playing the shipped debtors (a paid
 * invoice chased as owed, "why haven't you paid", invoice numbers in
 * capitals, a dispute that is not a confirmation).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "score.h"

static struct rc_rubric *rubric;
static struct rc_matcher *m;

static const struct rc_case_invoice invoices[] = {
	{ "INV-5512", 890, "2026-09-20", 1 },
	{ "INV-5540", 1375, "2026-10-20", 0 },
};
static const struct rc_case kase = { "ProFit Equipment Services", "Marsh Studio",
	NULL, "USD", 1375, 33, invoices, 2, RC_DATE_NONE, NULL };

/* Builds a call from "C: ...", "D: ..." lines; "D[event]: ..." adds an
 * event to a debtor line. */
static struct rc_transcript *
call(const char *const *lines)
{
	struct rc_transcript *t = rc_transcript_new();

	for (; *lines; lines++) {
		const char *p = *lines, *text = strchr(p, ':') + 2;
		struct rc_turn *u = rc_transcript_add(t, p[0] == 'C' ?
		    RC_SPEAKER_COLLECTOR : RC_SPEAKER_DEBTOR, text, NULL, NULL);

		if (p[1] == '[') {
			char ev[64];

			snprintf(ev, sizeof ev, "%.*s", (int)(strchr(p, ']') - p - 2), p + 2);
			rc_turn_event(u, ev);
		}
	}
	t->ended_by = RC_ENDED_TRAINEE;
	return t;
}

static const struct rc_result *
result(const struct rc_scorecard *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->npractices; i++)
		if (strcmp(c->practices[i].def->id, id) == 0)
			return &c->practices[i];
	for (i = 0; i < c->nextended; i++)
		if (strcmp(c->extended[i].def->id, id) == 0)
			return &c->extended[i];
	return NULL;
}

static struct rc_scorecard *
score(const struct rc_transcript *t)
{
	struct rc_score_input in;

	memset(&in, 0, sizeof in);
	in.t = t;
	in.c = &kase;
	return rc_score(rubric, &in);
}

int
main(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_transcript *t;
	struct rc_scorecard *c;
	const struct rc_result *r;

	rubric = rc_rubric_load(RECOUP_SCORING_DIR, &err);
	RC_CHECK(rubric != NULL);
	if (rubric == NULL)
		return RC_TEST_DONE();
	m = rc_matcher_new(0);
	RC_CHECK_INT(rubric->npractices, 20);
	RC_CHECK_STR(rubric->practices[19].id, "hold-to-the-deal");

	/* Shouting is capitals in words, not in invoice numbers. */
	RC_CHECK(rc_text_shouted("PAY THE BILL NOW!"));
	RC_CHECK(rc_text_shouted("WHY HAVEN'T YOU PAID YOUR BILLS? IT'S BEEN A MONTH."));
	RC_CHECK(!rc_text_shouted("Invoices INV-2291, INV-2307 and INV-2264 are open."));
	RC_CHECK(!rc_text_shouted("I called the USA office at 9 AM, OK?"));
	RC_CHECK(!rc_text_shouted("I'm not shouting, I'm just asking."));

	/* Signals: quoted speech and negation do not count. */
	RC_CHECK(rc_signal_match(rubric, RC_SIG_CONDESCEND, "You people never pay."));
	RC_CHECK(!rc_signal_match(rubric, RC_SIG_CONDESCEND,
	    "You said 'you people' earlier; I'm sorry it came across that way."));
	RC_CHECK(!rc_signal_match(rubric, RC_SIG_INSULT, "Nobody thinks you're stupid."));
	RC_CHECK(rc_signal_match(rubric, RC_SIG_INSULT, "That was a stupid excuse."));
	RC_CHECK(rc_signal_match(rubric, RC_SIG_ASK_REASON, "Why haven't you paid?"));
	RC_CHECK(rc_signal_match(rubric, RC_SIG_ASK_REASON, "Why isn't this settled yet?"));
	/* "Why not ...?" suggests; it does not ask why the debt is unpaid. */
	RC_CHECK(!rc_signal_match(rubric, RC_SIG_ASK_REASON, "Why not set up a plan?"));

	/* A paid invoice chased as owed is a wrong figure about the debt. */
	{
		static const char *const lines[] = {
			"C: Hi Helen, this is Sam from ProFit. Invoice INV-5512 is overdue.",
			"D[dispute]: I paid that one by card in September!",
			NULL };
		t = call(lines);
		c = score(t);
		r = result(c, "accurate-information");
		RC_CHECK_INT(r->status, RC_MISSED);
		RC_CHECK(r->nev >= 1 && r->ev[0].turn == 1);
		/* The dispute is not the debtor confirming the debt. */
		r = result(c, "dont-assume");
		RC_CHECK(r->status != RC_MET);
		rc_scorecard_free(c);
		rc_transcript_free(t);
	}
	/* ...while naming it as paid, and the real one as overdue, is right. */
	{
		static const char *const lines[] = {
			"C: Hi Helen, this is Sam from ProFit. Thanks for paying INV-5512; INV-5540 for $1,375 is still outstanding.",
			"D: Yes, that one I haven't paid.",
			NULL };
		t = call(lines);
		c = score(t);
		r = result(c, "accurate-information");
		RC_CHECK_INT(r->status, RC_MET);
		rc_scorecard_free(c);
		rc_transcript_free(t);
	}

	/* Critical failures, the style and the totals. */
	{
		static const char *const lines[] = {
			"C: Listen, you idiot, pay the $1,375 today.",
			"D[hostility]: Don't talk to me like that.",
			"C: PAY IT NOW OR ELSE.",
			NULL };
		t = call(lines);
		c = score(t);
		RC_CHECK_INT(c->ncritical, 1);
		RC_CHECK_INT(c->critical[0].turn, 1);
		RC_CHECK_STR(c->critical[0].id, "abusive-language");
		RC_CHECK_INT(c->passed, 0);
		RC_CHECK_INT(c->style, RC_STYLE_CONFRONTATION);
		RC_CHECK(c->practice_score < 40);
		RC_CHECK_INT(c->outcome.agreement, 0);
		RC_CHECK(c->score >= 0 && c->score <= 100);
		RC_CHECK_INT(result(c, "remain-calm")->status, RC_MISSED);
		rc_scorecard_free(c);
		rc_transcript_free(t);
	}

	/* The outcome: an agreement the debtor can keep, in full. */
	{
		static const char *const lines[] = {
			"C: Hi Helen, this is Sam from ProFit. Can we settle INV-5540 today?",
			"D: Yes, I'll pay the $1,375 by card now.",
			NULL };
		struct rc_truth truth = { 1375, 700, 700, 0.35, 1, 8 };
		struct rc_score_input in;

		t = call(lines);
		t->has_agreement = 1;
		rc_terms_clear(&t->agreement);
		rc_terms_add(&t->agreement, 137500, 1, RC_PERIOD_NONE, RC_DATE_NONE,
		    "now");
		rc_terms_finish(&t->agreement, 137500);
		t->agreement.affordable = 1;
		t->ended_by = RC_ENDED_AGREEMENT;
		memset(&in, 0, sizeof in);
		in.t = t;
		in.c = &kase;
		in.truth = &truth;
		in.has_mood = 1;
		in.mood = 2;
		c = rc_score(rubric, &in);
		RC_CHECK_INT(c->outcome.agreement, 1);
		RC_CHECK_NUM(c->outcome.recovered_now, 1375);
		RC_CHECK_NUM(c->outcome.expected, 1375);
		RC_CHECK_INT(c->outcome.days_to_full, 0);
		RC_CHECK_NUM(c->outcome.goodwill, 75);
		/* 100 * (.6 * 1 + .15 * 1 + .25 * .75) = 93.75 */
		RC_CHECK_NUM(c->outcome.score, 93.75);
		rc_scorecard_free(c);
		/* The same sum a month on, beyond what the debtor will have by
		 * then, likely fails. */
		rc_terms_clear(&t->agreement);
		rc_terms_add(&t->agreement, 137500, 1, RC_PERIOD_NONE, 31, NULL);
		rc_terms_finish(&t->agreement, 137500);
		truth.cash_now = 0;
		truth.monthly = 500;
		c = rc_score(rubric, &in);
		/* by day 31 it has one month's 500; p = .6 * (500 / 1375)^2 =
		 * .0793: expected about $109 */
		RC_CHECK(c->outcome.expected > 105 && c->outcome.expected < 113);
		RC_CHECK_NUM(c->outcome.recovered_now, 0);
		rc_scorecard_free(c);
		rc_transcript_free(t);
	}

	rc_matcher_free(m);
	rc_rubric_free(rubric);
	return RC_TEST_DONE();
}
