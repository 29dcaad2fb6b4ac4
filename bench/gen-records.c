/*
 * gen-records.c - fills a session database with synthetic calls for the
 * records benchmark (bench/records.sh): N sessions of 60 trainees (or TRAINEES) in four
 * cohorts over six months, each with ten turns and a full scorecard (every
 * practice of the rubric, evidence on the ones met), written through the
 * store API in one transaction.  Trainees improve over time at their own
 * pace, so the charts have something to show.
 *
 *   gen-records DB N SCORING_DIR [TRAINEES]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rubric.h"
#include "score.h"
#include "store.h"
#include "transcript.h"
#include "xmalloc.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static double
uniform(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (double)(rng_state >> 11) / 9007199254740992.0;
}

static void
fill(struct rc_result *r, const struct rc_practice_def *d, double skill,
     const struct rc_turn *cite)
{
	double u = uniform();

	memset(r, 0, sizeof *r);
	r->def = d;
	r->weight = d->weight;
	if (u < 0.08) {
		r->status = RC_NA;
	} else if (u < 0.08 + 0.92 * skill) {
		r->status = RC_MET;
		r->points = 1;
		r->ev = rc_xcalloc(1, sizeof *r->ev);
		r->ev[0].turn = cite->number;
		r->ev[0].quote = rc_xstrdup(cite->text);
		r->nev = 1;
	} else if (uniform() < 0.4) {
		r->status = RC_PARTIAL;
		r->points = 0.5;
	} else {
		r->status = RC_MISSED;
	}
}

int
main(int argc, char **argv)
{
	static const char *const cohorts[] = { "north", "south", "east", "west" };
	static const char *const names[] = { "Avery", "Blake", "Casey", "Devon",
	    "Emery", "Finley", "Gray", "Harper", "Indy", "Jordan", "Kai", "Logan",
	    "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Taylor" };
	struct rc_err err = RC_ERR_INIT;
	struct rc_store *st;
	struct rc_rubric *rubric;
	struct rc_transcript *t;
	long n, i;
	int ntrainees;
	int64_t now = (int64_t)time(NULL), span = 180 * 86400;
	size_t k;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: gen-records DB N SCORING_DIR [TRAINEES]\n");
		return 2;
	}
	n = atol(argv[2]);
	ntrainees = argc == 5 ? atoi(argv[4]) : 60;
	if (ntrainees < 1 || ntrainees > 60)
		ntrainees = 60;
	if ((rubric = rc_rubric_load(argv[3], &err)) == NULL ||
	    rc_store_open(argv[1], &st, &err) != 0) {
		for (k = 0; k < err.n; k++)
			fprintf(stderr, "gen-records: %s\n", err.v[k].msg);
		return 2;
	}
	t = rc_transcript_new();
	for (k = 0; k < 10; k++) {
		struct rc_turn *u = rc_transcript_add(t, k % 2 ? RC_SPEAKER_COLLECTOR :
		    RC_SPEAKER_DEBTOR, k % 2 ? "Could we agree on $600 today and the "
		    "rest by the 31st?" : "I can do some of it, not all at once.",
		    "negotiating", k % 2 ? NULL : "offer-low");

		if (k == 5)
			rc_turn_event(u, "debtor-offer")->has_amount = 1;
	}
	t->ended_by = RC_ENDED_AGREEMENT;
	if (rc_store_batch_begin(st, &err) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		int who = (int)(i * 7919 % ntrainees);
		char trainee[64];
		struct rc_store_meta m;
		struct rc_scorecard c;
		double progress = (double)i / (double)(n > 1 ? n - 1 : 1);
		double skill = 0.25 + 0.5 * progress * (0.4 + who % 7 / 10.0) +
		    0.15 * uniform();
		int64_t id, when = now - span + (int64_t)(progress * (double)span);
		double sum = 0, wsum = 0;

		if (skill > 0.97)
			skill = 0.97;
		snprintf(trainee, sizeof trainee, "%s %c.", names[who % 20],
		    'A' + who / 20);
		memset(&m, 0, sizeof m);
		m.trainee = trainee;
		m.cohort = cohorts[who % 4];
		m.drill = i % 3 == 0 ? "onboarding-week1" : NULL;
		m.scenario = "forgetful-florist";
		m.scenario_version = "1.0.0";
		m.scenario_title = "Forgetful florist";
		m.debtor = "Maria";
		m.currency = "USD";
		m.balance = 3120;
		m.seed = (uint64_t)i;
		m.mode = "practice";
		m.started_at = when;
		/* forgetful-florist's case: 2026-09-15 + 47 days overdue */
		m.has_call_date = 1;
		m.call_date = rc_date_from_ymd(2026, 11, 1);
		if ((id = rc_store_session_begin(st, &m, &err)) < 0)
			goto fail;
		for (k = 0; k < t->n; k++)
			if (rc_store_turn(st, id, &t->turns[k], "USD", &err) != 0)
				goto fail;
		memset(&c, 0, sizeof c);
		c.rubric_version = rubric->version;
		c.scenario_version = "1.0.0";
		c.npractices = rubric->npractices;
		c.practices = rc_xcalloc(c.npractices + 1, sizeof *c.practices);
		c.nextended = rubric->nextended;
		c.extended = rc_xcalloc(c.nextended + 1, sizeof *c.extended);
		for (k = 0; k < c.npractices; k++) {
			fill(&c.practices[k], &rubric->practices[k], skill, &t->turns[1]);
			if (c.practices[k].status != RC_NA) {
				sum += c.practices[k].points * c.practices[k].weight;
				wsum += c.practices[k].weight;
			}
		}
		for (k = 0; k < c.nextended; k++)
			fill(&c.extended[k], &rubric->extended[k], skill, &t->turns[1]);
		c.practice_score = wsum > 0 ? 100 * sum / wsum : 0;
		c.outcome.agreement = uniform() < skill + 0.1;
		c.outcome.score = c.outcome.agreement ? 40 + 60 * skill * uniform() +
		    20 * skill : 30 * uniform();
		if (c.outcome.score > 100)
			c.outcome.score = 100;
		c.outcome.goodwill = 100 * skill;
		c.outcome.days_to_full = c.outcome.agreement ? 60 : -1;
		c.score = rubric->w_practice * c.practice_score +
		    rubric->w_outcome * c.outcome.score;
		c.pass_mark = rubric->pass_mark;
		c.passed = c.score >= c.pass_mark;
		c.style = RC_STYLE_COLLABORATION;
		if (rc_store_session_end(st, id, RC_STORE_COMPLETE, t, 1, 50, &c,
		    when + 300 + (int64_t)(uniform() * 600), &err) != 0)
			goto fail;
		/* rc_scorecard_free() frees the card's parts and the card. */
		{
			struct rc_scorecard *heap = rc_xmalloc(sizeof *heap);

			*heap = c;
			rc_scorecard_free(heap);
		}
	}
	if (rc_store_batch_end(st, &err) != 0)
		goto fail;
	rc_transcript_free(t);
	rc_store_close(st);
	rc_rubric_free(rubric);
	return 0;
fail:
	for (k = 0; k < err.n; k++)
		fprintf(stderr, "gen-records: %s\n", err.v[k].msg);
	return 1;
}
