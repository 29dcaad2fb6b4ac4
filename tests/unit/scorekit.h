/*
 * scorekit.h - what the detector tests (test_detect_deal.c,
 * test_detect_extended.c) share: the Bloom & Co case file, two debtor
 * truths, a transcript builder for calls written one line a string, and
 * EXPECT macros that score a call with the real rubric and check one
 * practice's status and cited turns.  Include it once, from the test's
 * .c file; call load_rubric() first.
 */
#ifndef RC_TEST_SCOREKIT_H
#define RC_TEST_SCOREKIT_H

#include <stdio.h>
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
	invoices, 2, RC_DATE_NONE, NULL,
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

	double up, each = 0;
	int count = 0;

	rc_terms_clear(t);
	up = strtod(s, &end);
	if (*end == '+') {
		each = strtod(end + 1, &end);
		if (*end == 'x')
			count = (int)strtol(end + 1, &end, 10);
	}
	rc_terms_add(t, rc_cents(up), 1, RC_PERIOD_NONE, RC_DATE_NONE, NULL);
	rc_terms_add(t, rc_cents(each), count, RC_PERIOD_MONTH, RC_DATE_NONE,
	    NULL);
	rc_terms_finish(t, 0);
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
expect_in(const char *file, int line, const char *id, const struct rc_case *c,
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
		fprintf(stderr, "%s:%d: %s: want %s", file, line, id,
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

/* expect_in() reporting failures at LINE of the calling test file. */
#define expect_at(line, ...) expect_in(__FILE__, line, __VA_ARGS__)
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
#endif
