/*
 * test_detect_extended.c - the detectors of the extended practices
 * (listening, empathy, right party, not assuming, proof, starting high,
 * options, recap, notes) on small calls written the way a trainee would
 * type them.  Each case says how a collections trainer would judge the
 * call and which turn decided it; the scoring runs with the real rubric
 * and signals from scoring/.  Case: Bloom & Co owes Northwind Supplies
 * $3,120 (INV-2291 $1,840 due 2026-09-15, INV-2307 $1,280 due 2026-10-01).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "rubric.h"
#include "score.h"
#include "transcript.h"

static const struct rc_case_invoice invoices[] = {
	{ "INV-2291", 1840, "2026-09-15", 0 },
	{ "INV-2307", 1280, "2026-10-01", 0 },
};

static const struct rc_case kase = {
	"Northwind Supplies", "Bloom & Co", "Maria Okafor", "USD", 3120, 40,
	invoices, 2,
};

/* A debtor with nothing to pay now, and one who could pay it all. */
static const struct rc_truth broke = { 0, 150, 0, 0.2, 0, 8 };
static const struct rc_truth flush = { 3000, 800, 900, 0.3, 1, 6 };

static struct rc_rubric *rubric;

/* Reads "600+420x6" (upfront, instalment, count, monthly) or "900". */
static void
read_terms(const char *s, struct rc_terms *t)
{
	char *end;

	memset(t, 0, sizeof *t);
	t->upfront = strtod(s, &end);
	if (*end == '+') {
		t->instalment = strtod(end + 1, &end);
		if (*end == 'x')
			t->count = (int)strtol(end + 1, &end, 10);
		t->period = RC_PERIOD_MONTH;
	}
	t->total = t->upfront + t->instalment * t->count;
	t->affordable = 1;
}

/* Builds a transcript from lines "C: ...", "D: ...", "A: ..." (collector,
 * debtor, action), each with optional events in brackets after the
 * speaker: "D[debtor-offer 900, reason-revealed]: ...", "A[pause]: /pause",
 * "D[agreement 600+420x6]: ...".  An agreement event also sets the
 * transcript's agreement. */
static struct rc_transcript *
build(const char *const *lines)
{
	struct rc_transcript *t = rc_transcript_new();
	size_t i;

	for (i = 0; lines[i]; i++) {
		const char *s = lines[i], *p = s + 1, *q;
		enum rc_speaker who = s[0] == 'C' ? RC_SPEAKER_COLLECTOR :
		    s[0] == 'D' ? RC_SPEAKER_DEBTOR : RC_SPEAKER_ACTION;
		char evs[160] = "";
		struct rc_turn *u;
		char *tok, *save = NULL;

		if (*p == '[' && (q = strchr(p, ']')) != NULL) {
			memcpy(evs, p + 1, (size_t)(q - p - 1));
			evs[q - p - 1] = '\0';
			p = q + 1;
		}
		if (*p == ':')
			p++;
		while (*p == ' ')
			p++;
		u = rc_transcript_add(t, who, p, NULL, NULL);
		for (tok = evs; *tok; tok = save) {
			char type[64], *amount;
			struct rc_event *ev;
			size_t n;

			while (*tok == ' ' || *tok == ',')
				tok++;
			n = strcspn(tok, ",");
			save = tok + n;
			if (n == 0)
				continue;
			if (n >= sizeof type)
				n = sizeof type - 1;
			memcpy(type, tok, n);
			type[n] = '\0';
			amount = strchr(type, ' ');
			if (amount != NULL)
				*amount++ = '\0';
			ev = rc_turn_event(u, type);
			if (amount != NULL) {
				read_terms(amount, &ev->terms);
				ev->has_terms = 1;
				ev->has_amount = 1;
				ev->amount = ev->terms.total;
			}
			if (strcmp(type, "agreement") == 0) {
				t->has_agreement = 1;
				if (amount != NULL)
					t->agreement = ev->terms;
				t->ended_by = RC_ENDED_AGREEMENT;
			}
		}
	}
	return t;
}

static const struct rc_result *
find(const struct rc_scorecard *c, const char *id)
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

static int
cited(const struct rc_result *r, int turn)
{
	size_t i;

	for (i = 0; i < r->nev; i++)
		if (r->ev[i].turn == turn && r->ev[i].quote != NULL)
			return 1;
	return 0;
}

/* Scores LINES and checks practice ID: status WANT, and turns T1 and T2
 * (when not 0) among the evidence.  Every result must carry a note. */
static void
expect_at(int line, const char *id, const struct rc_case *c,
          const struct rc_truth *truth, int inferred, const char *const *lines,
          enum rc_status want, int t1, int t2)
{
	struct rc_transcript *t = build(lines);
	struct rc_score_input in;
	struct rc_scorecard *card;
	const struct rc_result *r;
	int ok;

	memset(&in, 0, sizeof in);
	in.t = t;
	in.c = c;
	in.truth = truth;
	in.inferred = inferred;
	card = rc_score(rubric, &in);
	r = find(card, id);
	ok = r != NULL && r->status == want && r->note != NULL &&
	    (t1 == 0 || cited(r, t1)) && (t2 == 0 || cited(r, t2));
	if (ok) {
		rc_test_passed++;
	} else {
		size_t i;

		rc_test_failed++;
		fprintf(stderr, "%s:%d: %s: want %s", __FILE__, line, id,
		    rc_status_name(want));
		if (t1)
			fprintf(stderr, " citing %d", t1);
		if (t2)
			fprintf(stderr, " and %d", t2);
		if (r == NULL) {
			fprintf(stderr, ", but there is no such practice\n");
		} else {
			fprintf(stderr, ", got %s (%s), citing", rc_status_name(r->status),
			    r->note ? r->note : "no note");
			for (i = 0; i < r->nev; i++)
				fprintf(stderr, " %d", r->ev[i].turn);
			fputc('\n', stderr);
		}
	}
	rc_scorecard_free(card);
	rc_transcript_free(t);
}

#define EXPECT(id, lines, want, t1) \
	expect_at(__LINE__, id, &kase, NULL, 0, lines, want, t1, 0)
#define EXPECT2(id, lines, want, t1, t2) \
	expect_at(__LINE__, id, &kase, NULL, 0, lines, want, t1, t2)
#define EXPECT_TRUTH(id, lines, truth, want, t1, t2) \
	expect_at(__LINE__, id, &kase, truth, 0, lines, want, t1, t2)

/* Every practice of TABLE has a detector and none lacks a note. */
static void
check_table(const struct rc_detector *table, const char *const *ids)
{
	size_t i, j;

	for (i = 0; ids[i]; i++) {
		int found = 0;

		for (j = 0; table[j].id; j++)
			found |= strcmp(table[j].id, ids[i]) == 0;
		if (!found)
			fprintf(stderr, "no detector for '%s'\n", ids[i]);
		RC_CHECK(found);
		RC_CHECK(rc_rubric_find(rubric, ids[i]) != NULL);
	}
}

static int
load_rubric(void)
{
	struct rc_err err = RC_ERR_INIT;
	size_t i;

	rubric = rc_rubric_load(RECOUP_SCORING_DIR, &err);
	for (i = 0; i < err.n; i++)
		fprintf(stderr, "%s\n", err.v[i].msg);
	rc_err_clear(&err);
	return rubric != NULL;
}

/* listen-and-acknowledge */
static const char *const listen_met[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[reason-revealed]: Our bookkeeper quit and the invoices went to an old inbox.",
	"C: I understand, thanks for telling me. Can we sort it out today?",
	"D[inability-revealed]: I can't pay all of it at once.",
	"C: That makes sense. What could you manage this week?",
	NULL,
};
static const char *const listen_partial[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[reason-revealed]: Our bookkeeper quit and the invoices went to an old inbox.",
	"C: I understand, thanks for telling me. Can you pay $1,840 by Friday?",
	"D[inability-revealed]: I can't pay all of it at once.",
	"C: We need $1,840 by Friday.",
	NULL,
};
static const char *const listen_missed[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I lost my job last month.",
	"C: Can you pay $3,120 by Friday?",
	NULL,
};
/* "Nothing about that makes sense" is not an acknowledgement. */
static const char *const listen_negated[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[dispute]: I already paid that in August.",
	"C: Nothing about that makes sense. Pay $1,840 by Friday.",
	NULL,
};
static const char *const listen_na[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $3,120 today?",
	"D[agreement 3120]: Sure, I'll pay it all today.",
	NULL,
};

/* tactical-empathy */
static const char *const empathy_met[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I lost my biggest client, I'm barely keeping the lights on.",
	"C: That must be stressful. Let's see what we can do.",
	NULL,
};
static const char *const empathy_partial[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[inability-revealed]: I lost my biggest client, I'm barely keeping the lights on.",
	"C: I understand. What could you pay this month?",
	NULL,
};
/* Quoting the debtor's "it must be hard" is not the collector's empathy. */
static const char *const empathy_quoted[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[hostility]: Stop calling me, you vultures.",
	"C: You said \"it must be hard\" to take my calls; please pay $3,120 by Friday.",
	NULL,
};

/* verify-right-party */
static const char *const party_asked[] = {
	"C: Hi, this is Sam from Northwind Supplies. Am I speaking with Maria Okafor?",
	"D[right-party-confirmed]: Yes, speaking.",
	"C: I'm calling about invoice INV-2291 for $1,840, which is overdue.",
	NULL,
};
static const char *const party_answered[] = {
	"D[right-party-confirmed]: Bloom and Co, Maria Okafor speaking.",
	"C: Hi Maria, this is Sam from Northwind, calling about invoice 2291.",
	NULL,
};
static const char *const party_disclosed[] = {
	"C: Hi, this is Sam from Northwind about your overdue invoice.",
	"D: Who?",
	"C: Am I speaking with Maria Okafor?",
	NULL,
};
/* The invoice id alone names the debt. */
static const char *const party_by_id[] = {
	"D: Hello?",
	"C: Hi, this is Sam from Northwind, I'm calling about INV-2307.",
	"D: I'm the cleaner, Maria is out.",
	NULL,
};
static const char *const party_same_breath[] = {
	"C: Hi, is this Maria Okafor? I'm calling about the $1,840 on invoice INV-2291.",
	"D: Yes.",
	NULL,
};
static const char *const party_na[] = {
	"C: Hello, this is Sam from Northwind Supplies.",
	"D: Sorry, wrong number.",
	"C: Apologies, have a good day.",
	NULL,
};

/* dont-assume */
static const char *const assume_checked[] = {
	"C: Hi Maria, this is Sam from Northwind. Did you receive invoice INV-2291 from us?",
	"D: Yes, it's still sitting here, unpaid.",
	"C: Could you pay the $1,840 by Friday?",
	NULL,
};
static const char *const assume_acknowledged[] = {
	"C: Hi Maria, this is Sam from Northwind.",
	"D[debt-acknowledged]: I know, I still owe you for those two invoices.",
	"C: Could you pay $3,120 by Friday?",
	NULL,
};
static const char *const assume_late_check[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $3,120 by Friday?",
	"D: For what?",
	"C: Did you receive the invoices we sent in September?",
	NULL,
};
static const char *const assume_never[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $3,120 by Friday?",
	"D: I'll see.",
	NULL,
};

/* validate-excuses */
static const char *const proof_asked[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: Our client hasn't paid us yet, we're waiting on their cheque.",
	"C: I see. Could you send me a copy of the client's remittance?",
	NULL,
};
static const char *const proof_dispute[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[dispute]: I already paid that in August.",
	"C: Thank you. Could you give me the transaction number?",
	NULL,
};
static const char *const proof_promise[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D: I'll pay it next week, I promise.",
	"C: When exactly will the payment go out?",
	NULL,
};
static const char *const proof_missed[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: Our client hasn't paid us yet, we're waiting on their cheque.",
	"C: OK. Could you pay $1,840 by the end of the month?",
	NULL,
};
/* The collector repeats the debtor's words: "receipt" in quotes is no ask. */
static const char *const proof_quoted[] = {
	"C: Hi Maria, this is Sam from Northwind. Invoice INV-2291 for $1,840 is overdue.",
	"D[dispute]: I already paid, I have the receipt somewhere.",
	"C: You keep saying \"I have the receipt somewhere\". Please pay by Friday.",
	NULL,
};
static const char *const proof_na[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay $3,120 by Friday?",
	"D[agreement 3120]: Yes, no problem.",
	NULL,
};

/* start-high */
static const char *const high_met[] = {
	"C: Hi Maria, this is Sam from Northwind. Could you pay the full balance of "
	    "$3,120 by Friday?",
	"D: That's a lot.",
	"C: Could you do $1,500 now and the rest on the 30th?",
	NULL,
};
static const char *const high_plan[] = {
	"C: Could you do $1,000 now and $530 a month for 4 months?",
	NULL,
};
static const char *const high_missed[] = {
	"C: Hi Maria, this is Sam from Northwind. Your balance of $3,120 is overdue.",
	"D: I know.",
	"C: Could you do $1,000 today?",
	NULL,
};
/* "The full balance becomes due if..." explains a consequence: no ask. */
static const char *const high_ramification_first[] = {
	"C: If a payment is missed, the full balance becomes due.",
	"D: OK.",
	"C: Could you do $1,000 today?",
	NULL,
};

/* give-options */
static const char *const options_met[] = {
	"C: You can either pay it all by Friday or half now and half on the 30th.",
	"D: Half now, then.",
	NULL,
};
static const char *const options_back_to_back[] = {
	"C: Could you pay $3,120 by Friday?",
	"C: Or $1,000 now and $530 a month for 4 months, if that's easier.",
	"D: The second one.",
	NULL,
};
static const char *const options_after_refusal[] = {
	"C: Could you pay $3,120 by Friday?",
	"D: No.",
	"C: Could you do $1,000 now and $530 a month for 4 months?",
	"D[agreement 1000+530x4]: OK.",
	NULL,
};
static const char *const options_one[] = {
	"C: Could you do $1,000 now and $530 a month for 4 months?",
	"D[agreement 1000+530x4]: OK.",
	NULL,
};
/* An ultimatum is not a choice. */
static const char *const options_ultimatum[] = {
	"C: Either you pay the $3,120 by Friday or we take you to court.",
	"D: Fine.",
	NULL,
};
static const char *const options_ultimatum2[] = {
	"C: Either you pay the $3,120 by Friday or we go to court.",
	"D: Fine.",
	NULL,
};

/* recap-terms */
static const char *const recap_met[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: So to confirm: $600 today by card, then $420 on the 1st of each month for 6 months.",
	NULL,
};
static const char *const recap_figures[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Great: $600 today, then $420 a month for six months.",
	NULL,
};
static const char *const recap_partial[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Great, I'll look out for the $600 today.",
	NULL,
};
static const char *const recap_missed[] = {
	"C: Could you do $600 today and $420 a month for 6 months?",
	"D[agreement 600+420x6]: OK, agreed.",
	"C: Thanks, goodbye.",
	NULL,
};

/* document-the-call */
static const char *const note_met[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: It went to an old inbox.",
	"A[note]: /note invoices went to an old inbox; call back Friday",
	"C: I'll call you back on Friday.",
	NULL,
};
static const char *const note_missed[] = {
	"C: Hi Maria, this is Sam from Northwind. What happened with invoice INV-2291?",
	"D[reason-revealed]: It went to an old inbox.",
	"A[pause]: /pause",
	"C: I'll call you back on Friday.",
	NULL,
};

int
main(void)
{
	static const char *const ids[] = { "listen-and-acknowledge",
	    "tactical-empathy", "verify-right-party", "dont-assume",
	    "validate-excuses", "start-high", "give-options", "recap-terms",
	    "document-the-call", NULL };

	if (!load_rubric()) {
		fprintf(stderr, "cannot load the rubric from %s\n", RECOUP_SCORING_DIR);
		return 1;
	}
	check_table(rc_detectors_extended, ids);

	EXPECT("listen-and-acknowledge", listen_met, RC_MET, 3);
	EXPECT2("listen-and-acknowledge", listen_partial, RC_PARTIAL, 4, 5);
	EXPECT2("listen-and-acknowledge", listen_missed, RC_MISSED, 2, 3);
	EXPECT2("listen-and-acknowledge", listen_negated, RC_MISSED, 2, 3);
	EXPECT("listen-and-acknowledge", listen_na, RC_NA, 0);

	EXPECT("tactical-empathy", empathy_met, RC_MET, 3);
	EXPECT2("tactical-empathy", empathy_partial, RC_PARTIAL, 2, 3);
	EXPECT2("tactical-empathy", listen_missed, RC_MISSED, 2, 3);
	EXPECT("tactical-empathy", empathy_quoted, RC_MISSED, 2);
	EXPECT("tactical-empathy", listen_na, RC_NA, 0);

	EXPECT("verify-right-party", party_asked, RC_MET, 1);
	EXPECT("verify-right-party", party_answered, RC_MET, 1);
	EXPECT("verify-right-party", party_disclosed, RC_MISSED, 1);
	EXPECT("verify-right-party", party_by_id, RC_MISSED, 2);
	EXPECT("verify-right-party", party_same_breath, RC_PARTIAL, 1);
	EXPECT("verify-right-party", party_na, RC_NA, 0);
	/* Without a case file only the words give the debt away. */
	expect_at(__LINE__, "verify-right-party", NULL, NULL, 0, party_by_id,
	    RC_NA, 0, 0);

	EXPECT("dont-assume", assume_checked, RC_MET, 1);
	EXPECT("dont-assume", assume_acknowledged, RC_MET, 2);
	EXPECT2("dont-assume", assume_late_check, RC_PARTIAL, 1, 3);
	EXPECT("dont-assume", assume_never, RC_MISSED, 1);
	/* The debtor said why it is unpaid before any ask: nothing assumed. */
	EXPECT("dont-assume", proof_missed, RC_MET, 2);
	EXPECT("dont-assume", party_na, RC_NA, 0);

	EXPECT2("validate-excuses", proof_asked, RC_MET, 2, 3);
	EXPECT2("validate-excuses", proof_dispute, RC_MET, 2, 3);
	EXPECT2("validate-excuses", proof_promise, RC_MET, 2, 3);
	EXPECT("validate-excuses", proof_missed, RC_MISSED, 2);
	EXPECT("validate-excuses", proof_quoted, RC_MISSED, 2);
	EXPECT("validate-excuses", proof_na, RC_NA, 0);

	EXPECT("start-high", high_met, RC_MET, 1);
	EXPECT("start-high", high_plan, RC_MET, 1);
	EXPECT("start-high", high_missed, RC_MISSED, 3);
	EXPECT("start-high", high_ramification_first, RC_MISSED, 3);
	EXPECT("start-high", party_na, RC_NA, 0);
	expect_at(__LINE__, "start-high", NULL, NULL, 0, high_met, RC_NA, 0, 0);

	EXPECT("give-options", options_met, RC_MET, 1);
	EXPECT2("give-options", options_back_to_back, RC_MET, 1, 2);
	EXPECT2("give-options", options_after_refusal, RC_PARTIAL, 1, 3);
	EXPECT("give-options", options_one, RC_MISSED, 1);
	EXPECT("give-options", options_ultimatum, RC_MISSED, 1);
	EXPECT("give-options", options_ultimatum2, RC_MISSED, 1);
	EXPECT("give-options", party_na, RC_NA, 0);
	EXPECT("give-options", listen_na, RC_NA, 0);

	EXPECT("recap-terms", recap_met, RC_MET, 3);
	EXPECT("recap-terms", recap_figures, RC_MET, 3);
	EXPECT2("recap-terms", recap_partial, RC_PARTIAL, 2, 3);
	EXPECT("recap-terms", recap_missed, RC_MISSED, 2);
	EXPECT("recap-terms", assume_never, RC_NA, 0);

	EXPECT("document-the-call", note_met, RC_MET, 3);
	EXPECT("document-the-call", note_missed, RC_MISSED, 4);
	expect_at(__LINE__, "document-the-call", &kase, NULL, 1, note_met,
	    RC_NA, 0, 0);

	/* The hidden truth does not change these practices. */
	EXPECT_TRUTH("tactical-empathy", empathy_met, &broke, RC_MET, 3, 0);
	EXPECT_TRUTH("start-high", high_met, &flush, RC_MET, 1, 0);

	rc_rubric_free(rubric);
	return RC_TEST_DONE();
}
