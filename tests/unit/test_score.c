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

/* The critical failures of the two-line call "C: LINE", "D: Okay.",
 * joined by commas ("" when none). */
static const char *
criticals_of(const char *line, char *buf, size_t size)
{
	const char *lines[] = { NULL, "D: Okay.", NULL };
	char c[512];
	struct rc_transcript *t;
	struct rc_scorecard *card;
	struct rc_score_input in;
	size_t i, n = 0;

	snprintf(c, sizeof c, "C: %s", line);
	lines[0] = c;
	t = call(lines);
	memset(&in, 0, sizeof in);
	in.t = t;
	in.c = &kase;
	in.inferred = 1;
	card = rc_score(rubric, &in);
	buf[0] = '\0';
	for (i = 0; i < card->ncritical; i++)
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s",
		    i ? "," : "", card->critical[i].id);
	rc_scorecard_free(card);
	rc_transcript_free(t);
	return buf;
}

/* Scores a recorded call (events inferred from the debtor's lines) with
 * the case's contact CONTACT. */
static struct rc_scorecard *
score_recorded(const struct rc_transcript *t, const char *contact)
{
	static struct rc_case k;
	struct rc_score_input in;

	k = kase;
	k.contact = contact;
	memset(&in, 0, sizeof in);
	in.t = t;
	in.c = &k;
	in.inferred = 1;
	return rc_score(rubric, &in);
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
		RC_CHECK_INT(c->ncritical, 2);
		RC_CHECK_INT(c->critical[0].turn, 1);
		RC_CHECK_STR(c->critical[0].id, "name-calling");
		RC_CHECK_INT(c->critical[1].turn, 3);
		RC_CHECK_STR(c->critical[1].id, "threat");
		RC_CHECK_INT(c->passed, 0);
		RC_CHECK_INT(c->style, RC_STYLE_CONFRONTATION);
		RC_CHECK(c->practice_score < 40);
		RC_CHECK_INT(c->outcome.agreement, 0);
		RC_CHECK(c->score >= 0 && c->score <= 100);
		RC_CHECK_INT(result(c, "remain-calm")->status, RC_MISSED);
		rc_scorecard_free(c);
		rc_transcript_free(t);
	}

	/* Critical failures, each kind read in several phrasings; the rubric
	 * lists them (id, evidence, tip). */
	RC_CHECK(rc_rubric_critical(rubric, "abusive-language") != NULL);
	RC_CHECK(rc_rubric_critical(rubric, "name-calling") != NULL);
	RC_CHECK(rc_rubric_critical(rubric, "threat") != NULL);
	RC_CHECK(rc_rubric_critical(rubric, "third-party-disclosure") != NULL);
	{
		static const struct { const char *line, *want; } cases[] = {
			/* abusive language */
			{ "That's crap, we sent them twice.", "abusive-language" },
			{ "I don't give a damn about your excuses.", "abusive-language" },
			{ "Just pay the bloody invoice.", "abusive-language" },
			/* name-calling */
			{ "You're a deadbeat, plain and simple.", "name-calling" },
			{ "Stop lying to me, you liar.", "name-calling" },
			{ "You're just lazy, that's the problem.", "name-calling" },
			{ "I'm not calling you a liar, I just need the date.", "" },
			/* threats: arrest, jail, police, violence, credit, court */
			{ "If this isn't paid by Friday you could be arrested.", "threat" },
			{ "Keep this up and you'll end up in jail.", "threat" },
			{ "I'm filing a criminal complaint and you'll have police at your work asking for you.", "threat" },
			{ "We know where you live, and someone will come round and hurt you.", "threat" },
			{ "I'll personally make sure your credit is ruined.", "threat" },
			{ "We'll ruin your credit rating for years.", "threat" },
			{ "If you don't settle by Monday, we'll see you in court.", "threat" },
			{ "Unless it's paid today we will sue you.", "threat" },
			/* not threats: plain consequences and reassurance */
			{ "If a payment is missed, the account is referred to our solicitors.", "" },
			{ "Nobody is going to take you to court over this.", "" },
			{ "Could you pay the $1,375 by Friday, please?", "" },
			{ "Sorry, I'll have to call you again tomorrow.", "" },
		};
		char buf[128];
		size_t i;

		for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			criticals_of(cases[i].line, buf, sizeof buf);
			if (strcmp(buf, cases[i].want) != 0) {
				rc_test_failed++;
				fprintf(stderr, "%s: criticals of \"%s\": got \"%s\", want \"%s\"\n",
				    __FILE__, cases[i].line, buf, cases[i].want);
			} else {
				rc_test_passed++;
			}
		}
	}
	/* Third-party disclosure in a recorded call: someone else answers
	 * and the collector names the debt to them. */
	{
		static const char *const spouse[] = {
			"D: Hello, Marsh residence.",
			"C: Hi, this is Sam from ProFit. Is Helen around?",
			"D: She's at work. I'm her husband, can I help?",
			"C: Sure, it's about her account - there's $1,375 outstanding.",
			NULL };
		static const char *const receptionist[] = {
			"D: Marsh Studio, good morning.",
			"C: Hi, I'm trying to reach Helen Marsh?",
			"D: She's in a meeting. Can I take a message?",
			"C: Tell her INV-5540 is overdue and we need it paid by Friday.",
			NULL };
		static const char *const discreet[] = {
			"D: Yeah, hello?",
			"C: Hi, is that Helen?",
			"D: No, it's her flatmate. She's out till six.",
			"C: No bother, could you ask her to call Sam at ProFit? Thanks.",
			NULL };
		static const char *const then_debtor[] = {
			"D: Hello?",
			"C: Hi, is Helen there?",
			"D: Hang on, I'm her partner, I'll get her.",
			"D: Hello, Helen speaking.",
			"C: Hi Helen, it's Sam from ProFit, about INV-5540 for $1,375.",
			NULL };
		const char *const *calls[] = { spouse, receptionist, discreet, then_debtor };
		const size_t want[] = { 1, 1, 0, 0 };
		size_t i;

		for (i = 0; i < 4; i++) {
			t = call(calls[i]);
			c = score_recorded(t, "Helen Marsh, 555-0101");
			RC_CHECK_INT(c->ncritical, want[i]);
			if (c->ncritical > 0) {
				RC_CHECK_STR(c->critical[0].id, "third-party-disclosure");
				RC_CHECK_INT(c->critical[0].turn, 4);
				RC_CHECK_INT(c->passed, 0);
			}
			RC_CHECK_INT(result(c, "verify-right-party")->status,
			    want[i] ? RC_MISSED : RC_MET);
			rc_scorecard_free(c);
			rc_transcript_free(t);
		}
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
