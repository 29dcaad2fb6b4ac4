/*
 * bench.c - the figures behind "fast enough that nobody notices": scenario
 * load time, debtor reply time, reading speed, amount reading speed, how
 * quickly a pathological pattern gives up, the cost of a practice-mode
 * reply early and late in a long call, and batch scoring of recorded
 * calls (parse, infer, score).  Run with `make bench`; it prints numbers
 * and asserts nothing.  Optional argument: a scenario file to load;
 * `--only SECTION` (load, reply, reading, proposal, backtracking, scoring,
 * practice, batch) runs one section, for profiling it alone.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "amount.h"
#include "engine.h"
#include "match.h"
#include "rng.h"
#include "rubric.h"
#include "scenario.h"
#include "score.h"
#include "session.h"
#include "transcript-parse.h"
#include "understand.h"

static const char *only;

/* Whether the section NAME runs. */
static int
want(const char *name)
{
	return only == NULL || strcmp(only, name) == 0;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const script[] = {
	"Hello, this is Sam from Greenline Wholesale. Am I speaking with Maria?",
	"I'm calling about two invoices, INV-2291 for $1,840 and INV-2307 for $1,280.",
	"Together that's $3,120, now 47 days overdue.",
	"Can I ask what happened with these payments?",
	"I understand. What do you think would work for you?",
	"I hear you. Could you make a good-faith payment today?",
	"I saw you just added a second delivery van, congratulations.",
	"Could you do $1,840 today and $640 a month for two months?",
	"Great. I'll send you the terms in writing today.",
	"If a payment is missed, the account goes on hold.",
	"We'll send a reminder before each payment.",
	"Thanks Maria, have a good day. Goodbye.",
	NULL,
};

/* Polite, neutral lines a long practice call can go on with. */
static const char *const long_call[] = {
	"I see. Could you tell me a bit more about that?",
	"Okay, thank you for explaining.",
	"Right. And when did you last look at the account?",
	"I understand. Let's keep talking it through.",
	"Got it. What else should I know?",
	NULL,
};

/* The replies the practice bench times, early and late in the call, each
 * through its own function so that a profiler can count them apart
 * (valgrind --tool=callgrind --toggle-collect=reply_early, reply_late). */
static int nearly_replies, nlate_replies;  /* keep the two apart: a
                                             compiler folds twins */

static __attribute__((noinline)) int
reply_early(struct rc_session *ss, const char *line, struct rc_buf *out)
{
	nearly_replies++;
	return rc_session_input(ss, line, out);
}

static __attribute__((noinline)) int
reply_late(struct rc_session *ss, const char *line, struct rc_buf *out)
{
	nlate_replies++;
	return rc_session_input(ss, line, out);
}

/* Practice mode scores the call after every line (live notes): the cost
 * of a reply at line 5 and at line 500 of one long call. */
static void
practice_bench(struct rc_scenario *s)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_rubric *rubric = rc_rubric_load(RECOUP_SOURCE_SCORING, &err);
	double early = 0, late = 0, min_early = HUGE_VAL, min_late = HUGE_VAL;
	int runs = 4, r, nearly = 0, nlate = 0, reached = 0;
	int keep = s->turn_limit;

	if (rubric == NULL) {
		rc_err_clear(&err);
		return;
	}
	/* A call may last as long as the bench needs. */
	s->turn_limit = 100000;
	for (r = 0; r < runs; r++) {
		struct rc_session_opts o;
		struct rc_session *ss;
		struct rc_buf out = RC_BUF_INIT;
		int line;

		memset(&o, 0, sizeof o);
		o.mode = RC_MODE_PRACTICE;
		o.rubric = rubric;
		ss = rc_session_new(s, (uint64_t)r + 1, &o);
		rc_session_start(ss, &out);
		for (line = 1; line <= 510; line++) {
			double a = now(), b;
			int ended;

			rc_buf_reset(&out);
			if (r > 0 && line >= 3 && line <= 7)
				ended = reply_early(ss, long_call[line % 5], &out);
			else if (r > 0 && line >= 498 && line <= 502)
				ended = reply_late(ss, long_call[line % 5], &out);
			else
				ended = rc_session_input(ss, long_call[line % 5], &out);
			b = now() - a;
			/* The first call warms the patterns up (compiled on
			 * first use, JIT-compiled on the tenth): not counted. */
			if (r > 0 && line >= 3 && line <= 7) {
				early += b;
				nearly++;
				min_early = b < min_early ? b : min_early;
			} else if (r > 0 && line >= 498 && line <= 502) {
				late += b;
				nlate++;
				min_late = b < min_late ? b : min_late;
			}
			if (ended)
				break;
			reached = line;
		}
		rc_buf_free(&out);
		rc_session_free(ss);
	}
	s->turn_limit = keep;
	if (nearly && nlate)
		printf("practice reply     %8.3f ms at line 5, %.3f ms at line 500 "
		    "(%.2fx; scored after every line; fastest: %.3f and %.3f ms, "
		    "%.2fx)\n", early / nearly * 1e3, late / nlate * 1e3,
		    (late / nlate) / (early / nearly), min_early * 1e3,
		    min_late * 1e3, min_late / min_early);
	else
		printf("practice reply     call ended at line %d before line 500\n",
		    reached + 1);
	rc_rubric_free(rubric);
}

/* `recoup score` on recorded calls, in one process and on one core:
 * parse the text, infer what the debtor meant, score.  The calls are
 * generated from the script above and the debtor's replies. */
static void
batch_score_bench(struct rc_scenario *s)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_rubric *rubric = rc_rubric_load(RECOUP_SOURCE_SCORING, &err);
	struct rc_buf *texts;
	struct rc_rng rng;
	long n = 1000, i;
	double t0, t;
	int k;

	/* RECOUP_BENCH_CALLS: fewer calls, for a profiler */
	if (getenv("RECOUP_BENCH_CALLS") != NULL)
		n = atol(getenv("RECOUP_BENCH_CALLS")) > 0 ?
		    atol(getenv("RECOUP_BENCH_CALLS")) : n;
	if (rubric == NULL) {
		rc_err_clear(&err);
		return;
	}
	texts = calloc((size_t)n, sizeof *texts);
	rc_rng_seed(&rng, 7);
	for (i = 0; i < n; i++) {
		struct rc_engine *e = rc_engine_new(s, (uint64_t)i);
		const struct rc_transcript *tr;
		int nlines = 6 + (int)rc_rng_below(&rng, 14);
		size_t j;

		rc_engine_tracing(e, 0);
		rc_engine_open(e);
		for (k = 0; k < nlines && !rc_engine_ended(e); k++)
			rc_engine_say(e, script[rc_rng_below(&rng, 12)]);
		tr = rc_engine_transcript(e);
		rc_buf_printf(&texts[i], "---\ndebtor: %s\ncreditor: %s\nbalance: %.2f\n"
		    "currency: %s\ninvoices: ", s->debtor, s->creditor, s->balance,
		    s->currency);
		for (j = 0; j < s->ninvoices; j++)
			rc_buf_printf(&texts[i], "%s%s %.2f %s", j ? ", " : "",
			    s->invoices[j].id, s->invoices[j].amount,
			    s->invoices[j].due ? s->invoices[j].due : "");
		rc_buf_puts(&texts[i], "\n---\n");
		for (j = 0; j < tr->n; j++)
			if (tr->turns[j].speaker != RC_SPEAKER_ACTION)
				rc_buf_printf(&texts[i], "%s: %s\n", tr->turns[j].speaker ==
				    RC_SPEAKER_COLLECTOR ? "Collector" : "Debtor",
				    tr->turns[j].text);
		rc_engine_free(e);
	}
	t0 = now();
	for (i = 0; i < n; i++) {
		const char *text = rc_buf_str(&texts[i]);
		struct rc_parsed *p = rc_transcript_parse("bench", text, strlen(text), &err);

		if (p == NULL)
			continue;
		rc_scorecard_free(rc_transcript_parse_score(p, rubric));
		rc_transcript_parse_free(p);
	}
	t = now() - t0;
	printf("batch scoring      %8.0f recorded calls per second (parse, infer, "
	    "score; %ld calls)\n", n / t, n);
	for (i = 0; i < n; i++)
		rc_buf_free(&texts[i]);
	free(texts);
	rc_err_clear(&err);
	rc_rubric_free(rubric);
}

int
main(int argc, char **argv)
{
	const char *path = RECOUP_SOURCE_SCENARIOS "/forgetful-florist.json";
	struct rc_err err = RC_ERR_INIT;
	struct rc_scenario *s;
	struct rc_matcher *m;
	struct rc_pattern *p;
	struct rc_proposal prop;
	char msg[128], *line;
	size_t off, len;
	double t0, t;
	long i, n, lines;
	int k;

	for (k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--only") == 0 && k + 1 < argc)
			only = argv[++k];
		else
			path = argv[k];
	}

	/* Load (parse JSON, check, compile and JIT every pattern). */
	n = want("load") ? 200 : 1;
	t0 = now();
	for (i = 0; i < n; i++) {
		s = rc_scenario_load(path, &err);
		if (s == NULL) {
			fprintf(stderr, "recoup-bench: cannot load %s\n", path);
			for (k = 0; k < (int)err.n; k++)
				fprintf(stderr, "  %s\n", err.v[k].msg);
			return 2;
		}
		if (i + 1 < n)
			rc_scenario_free(s);
	}
	t = now() - t0;
	if (want("load"))
		printf("scenario load      %8.3f ms per load (%s, %zu states, %zu rules)\n",
		    t / n * 1e3, s->id, s->nstates, rc_scenario_rule_count(s));

	/* Replies: whole scripted calls, timed per trainee line. */
	n = want("reply") ? 2000 : 0;
	lines = 0;
	t0 = now();
	for (i = 0; i < n; i++) {
		struct rc_engine *e = rc_engine_new(s, (uint64_t)i);

		rc_engine_tracing(e, 0);
		rc_engine_open(e);
		for (k = 0; script[k] && !rc_engine_ended(e); k++, lines++)
			rc_engine_say(e, script[k]);
		rc_engine_free(e);
	}
	t = now() - t0;
	if (lines)
		printf("debtor reply       %8.3f us per trainee line (%ld lines)\n",
		    t / lines * 1e6, lines);

	/* Reading: normalise, every trainee intent, amounts, terms. */
	if (want("reading")) {
		struct rc_reader *rd = rc_scenario_reader(s);
		struct rc_reading r = RC_READING_INIT;

		n = 20000;
		t0 = now();
		for (i = 0; i < n; i++)
			rc_reader_read(rd, script[i % 12], RC_SIDE_TRAINEE, &r);
		t = now() - t0;
		printf("line reading       %8.0f lines per second (%zu intents)\n", n / t,
		    s->lex->nintents);
		rc_reading_free(&r);
		rc_reader_free(rd);
	}

	/* Amount and plan reading. */
	if (want("proposal")) {
		struct rc_deal_case dc = { 3120, RC_DATE_NONE, 0, NULL, NULL, 0 };

		n = 200000;
		t0 = now();
		for (i = 0; i < n; i++)
			rc_amount_proposal(script[i % 12], &dc, &prop);
		t = now() - t0;
		printf("proposal reading   %8.0f lines per second\n", n / t);
	}

	/* A pattern with catastrophic backtracking against long lines. */
	m = rc_matcher_new(0);
	p = want("backtracking") ? rc_pattern_new("^(\\w+\\s?)+$", msg, sizeof msg, &off) : NULL;
	for (len = 2000; p != NULL && len <= 1000000; len *= 500) {
		line = malloc(len + 1);
		for (i = 0; i < (long)len; i++)
			line[i] = i % 7 == 6 ? ' ' : 'a';
		line[len - 1] = '!';
		line[len] = '\0';
		t0 = now();
		k = rc_matcher_exec(m, p, line, len);
		t = now() - t0;
		printf("backtracking       %8.3f ms to give up on a %zu-byte line (%s)\n",
		    t * 1e3, len, k == RC_MATCH_LIMIT_HIT ? "limit hit" :
		    k == RC_MATCH_NO ? "no match" : "match");
		free(line);
	}
	rc_pattern_free(p);
	rc_matcher_free(m);

	/* Scoring: 1,000 generated calls (lines drawn from the script above in
	 * a seeded random order, played through the engine), each scored
	 * against the case file. */
	if (want("scoring")) {
		struct rc_rubric *rubric = rc_rubric_load(RECOUP_SOURCE_SCORING, &err);
		struct rc_engine **calls;
		struct rc_case_invoice inv[8];
		struct rc_case kase;
		struct rc_rng rng;
		size_t nturns = 0;

		if (rubric == NULL) {
			for (k = 0; k < (int)err.n; k++)
				fprintf(stderr, "  %s\n", err.v[k].msg);
			return 2;
		}
		memset(&kase, 0, sizeof kase);
		for (k = 0; k < (int)s->ninvoices && k < 8; k++) {
			inv[k].id = s->invoices[k].id;
			inv[k].amount = s->invoices[k].amount;
			inv[k].due = s->invoices[k].due;
			inv[k].paid = s->invoices[k].paid;
		}
		kase.invoices = inv;
		kase.ninvoices = (size_t)k;
		kase.balance = s->balance;
		kase.currency = s->currency;
		n = 1000;
		calls = calloc((size_t)n, sizeof *calls);
		rc_rng_seed(&rng, 2026);
		for (i = 0; i < n; i++) {
			int nlines = 6 + (int)rc_rng_below(&rng, 14);

			calls[i] = rc_engine_new(s, (uint64_t)i);
			rc_engine_open(calls[i]);
			for (k = 0; k < nlines && !rc_engine_ended(calls[i]); k++)
				rc_engine_say(calls[i], script[rc_rng_below(&rng, 12)]);
			rc_engine_finish(calls[i]);
			nturns += rc_engine_transcript(calls[i])->n;
		}
		t0 = now();
		for (i = 0; i < n; i++) {
			struct rc_score_input in;
			struct rc_scorecard *card;

			memset(&in, 0, sizeof in);
			in.t = rc_engine_transcript(calls[i]);
			in.c = &kase;
			in.truth = &s->truth;
			card = rc_score(rubric, &in);
			rc_scorecard_free(card);
		}
		t = now() - t0;
		printf("scoring            %8.0f transcripts per second (%ld calls, %.1f turns each)\n",
		    n / t, n, (double)nturns / n);
		for (i = 0; i < n; i++)
			rc_engine_free(calls[i]);
		free(calls);
		rc_rubric_free(rubric);
	}
	if (want("practice"))
		practice_bench(s);
	if (want("batch"))
		batch_score_bench(s);
	rc_scenario_free(s);
	return 0;
}
