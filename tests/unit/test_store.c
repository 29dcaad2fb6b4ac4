/*
 * test_store.c - the session store on ":memory:" and a temporary file:
 * a call saved turn by turn and read back whole, rescoring keeps the old
 * scorecard, filters, the schema version guard, and the safety of the
 * CSV and HTML renderers.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "report.h"
#include "rubric.h"
#include "score.h"
#include "store.h"

#ifndef RECOUP_SCORING_DIR
#define RECOUP_SCORING_DIR RECOUP_TEST_DATA "/../scoring"
#endif

static struct rc_transcript *
sample_call(void)
{
	struct rc_transcript *t = rc_transcript_new();
	struct rc_turn *u;
	struct rc_event *ev;

	rc_transcript_add(t, RC_SPEAKER_DEBTOR, "Hello, Maria speaking.", "greeting", NULL);
	rc_transcript_add(t, RC_SPEAKER_COLLECTOR, "Hi Maria, this is Sam from "
	    "Greenline. Why was invoice GW-1182 not paid?", "greeting", NULL);
	u = rc_transcript_add(t, RC_SPEAKER_DEBTOR, "I can do $600 today.",
	    "negotiating", "offer-low");
	ev = rc_turn_event(u, "debtor-offer");
	ev->has_amount = 1;
	ev->amount = 600;
	ev->has_terms = 1;
	/* $600 today and $300 on a day said only as "payday" */
	rc_terms_add(&ev->terms, 60000, 1, RC_PERIOD_NONE,
	    rc_date_from_ymd(2026, 12, 2), NULL);
	rc_terms_add(&ev->terms, 30000, 1, RC_PERIOD_NONE, RC_DATE_NONE, "payday");
	rc_terms_finish(&ev->terms, 312000);
	u = rc_transcript_add(t, RC_SPEAKER_ACTION, "/research", "negotiating", NULL);
	ev = rc_turn_event(u, "research-viewed");
	ev->detail = strdup("van \"quoted\"");
	t->ended_by = RC_ENDED_TRAINEE;
	return t;
}

static int
count_row(void *ctx, const struct rc_store_row *r)
{
	(void)r;
	(*(int *)ctx)++;
	return 0;
}

static struct rc_store_row last;
static char last_summary[4096], last_status[32];

static int
keep_row(void *ctx, const struct rc_store_row *r)
{
	(void)ctx;
	last = *r;
	snprintf(last_summary, sizeof last_summary, "%s", r->summary ? r->summary : "");
	snprintf(last_status, sizeof last_status, "%s", r->status);
	last.summary = last_summary;
	last.status = last_status;
	return 0;
}

static void
test_roundtrip(const struct rc_rubric *rubric)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_store *st = NULL;
	struct rc_transcript *t = sample_call();
	struct rc_store_meta m;
	struct rc_store_filter f;
	struct rc_score_input in;
	struct rc_scorecard *card;
	struct rc_store_loaded *l;
	int64_t id, id2;
	size_t i;
	int n = 0;

	RC_CHECK_INT(rc_store_open(":memory:", &st, &err), 0);
	RC_CHECK_INT(rc_store_schema(st), RC_STORE_SCHEMA);
	memset(&m, 0, sizeof m);
	m.trainee = "=HYPERLINK(\"x\")";
	m.cohort = "north";
	m.scenario = "forgetful-florist";
	m.scenario_version = "1.0.0";
	m.debtor = "Maria";
	m.currency = "USD";
	m.seed = UINT64_MAX;
	m.mode = "practice";
	m.started_at = 1700000000;
	id = rc_store_session_begin(st, &m, &err);
	RC_CHECK(id > 0);
	for (i = 0; i < t->n; i++)
		RC_CHECK_INT(rc_store_turn(st, id, &t->turns[i], "USD", &err), 0);
	/* Before the end: running, no score. */
	memset(&f, 0, sizeof f);
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_STR(last.status, "running");
	RC_CHECK_INT(last.turns, 4);
	RC_CHECK_INT(last.has_score, 0);

	memset(&in, 0, sizeof in);
	in.t = t;
	card = rc_score(rubric, &in);
	RC_CHECK_INT(rc_store_session_end(st, id, RC_STORE_COMPLETE, t, 1, 55, card,
	    1700000300, &err), 0);
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_STR(last.status, "complete");
	RC_CHECK_INT(last.has_score, 1);
	RC_CHECK(last.seed == UINT64_MAX);
	RC_CHECK_NUM(last.score, card->score);
	RC_CHECK(strncmp(last_summary, "every-interaction-negotiation:", 30) == 0);

	l = rc_store_load(st, id, rubric, &err);
	RC_CHECK(l != NULL);
	if (l != NULL) {
		RC_CHECK_INT(l->t->n, 4);
		RC_CHECK_STR(l->t->turns[1].text, t->turns[1].text);
		RC_CHECK_STR(l->t->turns[2].rule, "offer-low");
		RC_CHECK_INT(l->t->turns[2].nevents, 1);
		RC_CHECK(l->t->turns[2].events[0].has_terms);
		RC_CHECK(rc_terms_same(&l->t->turns[2].events[0].terms,
		    &t->turns[2].events[0].terms));
		RC_CHECK_INT(l->t->turns[2].events[0].terms.total, 90000);
		RC_CHECK_INT(l->t->turns[2].events[0].terms.balance_left, 222000);
		RC_CHECK_STR(l->t->turns[2].events[0].terms.part[1].when, "payday");
		RC_CHECK_STR(l->t->turns[3].events[0].detail, "van \"quoted\"");
		RC_CHECK_INT(l->t->ended_by, RC_ENDED_TRAINEE);
		RC_CHECK(l->card != NULL);
		if (l->card) {
			RC_CHECK_INT(l->card->npractices, card->npractices);
			RC_CHECK_INT(l->card->nextended, card->nextended);
			for (i = 0; i < card->npractices; i++) {
				RC_CHECK_INT(l->card->practices[i].status, card->practices[i].status);
				RC_CHECK_INT(l->card->practices[i].nev, card->practices[i].nev);
			}
			RC_CHECK_NUM(l->card->practice_score, card->practice_score);
		}
	}
	rc_store_loaded_free(l);

	/* A rescore adds a current scorecard and keeps the old one. */
	RC_CHECK_INT(rc_store_add_score(st, id, card, &err), 0);
	n = 0;
	rc_store_sessions(st, &f, count_row, &n, &err);
	RC_CHECK_INT(n, 1);

	/* Filters. */
	m.trainee = "bob";
	m.cohort = "south";
	m.started_at = 1800000000;
	id2 = rc_store_session_begin(st, &m, &err);
	RC_CHECK(id2 > id);
	f.cohort[0] = "south";
	f.ncohort = 1;
	n = 0;
	rc_store_sessions(st, &f, count_row, &n, &err);
	RC_CHECK_INT(n, 1);
	/* a repeated name means any of them; case does not matter */
	f.cohort[0] = "SOUTH";
	f.cohort[1] = "North";
	f.ncohort = 2;
	n = 0;
	rc_store_sessions(st, &f, count_row, &n, &err);
	RC_CHECK_INT(n, 2);
	f.trainee[0] = "Bob";
	f.ntrainee = 1;
	n = 0;
	rc_store_sessions(st, &f, count_row, &n, &err);
	RC_CHECK_INT(n, 1);
	f.ntrainee = 0;
	f.ncohort = 0;
	f.since = 1750000000;
	n = 0;
	rc_store_sessions(st, &f, count_row, &n, &err);
	RC_CHECK_INT(n, 1);
	f.since = 0;
	f.trainee[0] = "nobody'; DROP TABLE sessions; --";
	f.ntrainee = 1;
	n = 0;
	RC_CHECK_INT(rc_store_sessions(st, &f, count_row, &n, &err), 0);
	f.ntrainee = 0;
	n = 0;
	rc_store_sessions(st, &f, count_row, &n, &err);
	RC_CHECK_INT(n, 2);
	RC_CHECK(rc_store_load(st, 999, rubric, &err) == NULL);
	RC_CHECK(err.nerrors > 0);
	rc_err_clear(&err);

	rc_scorecard_free(card);
	rc_transcript_free(t);
	rc_store_close(st);
}

/* A trainer's review: kept beside the automatic result, applied to the
 * row's summary and scores and to the loaded card, kept by a rescore,
 * undone by clearing it. */
static void
test_review(const struct rc_rubric *rubric)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_store *st = NULL;
	struct rc_transcript *t = sample_call();
	struct rc_store_meta m;
	struct rc_store_filter f;
	struct rc_score_input in;
	struct rc_scorecard *card;
	struct rc_store_loaded *l;
	const struct rc_result *r = NULL;
	double sum = 0, wsum = 0, want;
	char was[16], id[64];
	int64_t sid;
	size_t i, k = 0;

	RC_CHECK_INT(rc_store_open(":memory:", &st, &err), 0);
	memset(&m, 0, sizeof m);
	m.trainee = "dana";
	m.scenario = "forgetful-florist";
	m.mode = "practice";
	m.started_at = 1700000000;
	sid = rc_store_session_begin(st, &m, &err);
	memset(&in, 0, sizeof in);
	in.t = t;
	card = rc_score(rubric, &in);
	RC_CHECK_INT(rc_store_session_end(st, sid, RC_STORE_COMPLETE, t, 0, 0, card,
	    1700000300, &err), 0);
	/* The first of the twenty the scorer did not give "met". */
	for (i = 0; i < card->npractices && r == NULL; i++)
		if (card->practices[i].status != RC_MET) {
			r = &card->practices[i];
			k = i;
		}
	RC_CHECK(r != NULL);
	if (r == NULL)
		goto out;
	snprintf(was, sizeof was, "%s", rc_status_name(r->status));
	snprintf(id, sizeof id, "%s", r->def->id);
	for (i = 0; i < card->npractices; i++) {
		enum rc_status s = i == k ? RC_MET : card->practices[i].status;

		if (s != RC_NA) {
			sum += rc_status_points(s) * card->practices[i].weight;
			wsum += card->practices[i].weight;
		}
	}
	want = 100 * sum / wsum;

	RC_CHECK_INT(rc_store_review_set(st, sid, id, RC_MET, "fair enough", "Ana",
	    1700000400, &err), 0);
	memset(&f, 0, sizeof f);
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_NUM(last.practice_score, want);
	RC_CHECK_NUM(last.score, rubric->w_practice * want +
	    rubric->w_outcome * card->outcome.score);
	RC_CHECK_NUM(last.auto_practice_score, card->practice_score);
	RC_CHECK_NUM(last.auto_score, card->score);
	RC_CHECK_INT((int)last.nreviewed, 1);
	RC_CHECK(strstr(last_summary, id) != NULL &&
	    strncmp(strstr(last_summary, id) + strlen(id), ":met:1", 6) == 0);

	l = rc_store_load(st, sid, rubric, &err);
	RC_CHECK(l != NULL && l->card != NULL);
	if (l != NULL && l->card != NULL) {
		const struct rc_result *lr = &l->card->practices[k];

		RC_CHECK_INT(lr->status, RC_MET);
		RC_CHECK_NUM(lr->points, 1);
		RC_CHECK(lr->review != NULL);
		if (lr->review) {
			RC_CHECK_STR(rc_status_name(lr->review->was), was);
			RC_CHECK_STR(lr->review->by, "Ana");
			RC_CHECK_STR(lr->review->note, "fair enough");
			RC_CHECK_INT((int)lr->review->at, 1700000400);
		}
		RC_CHECK_NUM(l->card->practice_score, want);
		RC_CHECK_NUM(l->card->auto_practice_score, card->practice_score);
		RC_CHECK_INT((int)l->card->nreviewed, 1);
		RC_CHECK_INT((int)l->row.nreviews, 1);
		RC_CHECK_STR(l->row.reviews[0].was, was);
	}
	rc_store_loaded_free(l);

	/* A rescore keeps it; clearing undoes it. */
	RC_CHECK_INT(rc_store_add_score(st, sid, card, &err), 0);
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_NUM(last.practice_score, want);
	RC_CHECK_INT(rc_store_review_clear(st, sid, id, &err), 1);
	RC_CHECK_INT(rc_store_review_clear(st, sid, id, &err), 0);
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_NUM(last.practice_score, card->practice_score);
	RC_CHECK_NUM(last.score, card->score);
	RC_CHECK_INT((int)last.nreviewed, 0);
out:
	rc_err_clear(&err);
	rc_scorecard_free(card);
	rc_transcript_free(t);
	rc_store_close(st);
}

static void
test_too_new(void)
{
	char dir[] = "/tmp/recoup-store-XXXXXX";
	struct rc_err err = RC_ERR_INIT;
	struct rc_store *st = NULL;
	struct stat before, after;
	char path[256];
	sqlite3 *db;

	if (mkdtemp(dir) == NULL) {
		RC_CHECK(0);
		return;
	}
	snprintf(path, sizeof path, "%s/sub/r.db", dir);
	RC_CHECK_INT(rc_store_open(path, &st, &err), 0);
	rc_store_close(st);
	RC_CHECK(stat(path, &before) == 0);
	RC_CHECK_INT(before.st_mode & 0777, 0600);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	stat(path, &before);
	RC_CHECK_INT(rc_store_open(path, &st, &err), RC_STORE_TOO_NEW);
	RC_CHECK(st == NULL);
	RC_CHECK(err.n == 1 && strstr(err.v[0].msg, "schema version 99, newer") != NULL);
	RC_CHECK(stat(path, &after) == 0);
	RC_CHECK(before.st_size == after.st_size &&
	    before.st_mtime == after.st_mtime);
	rc_err_clear(&err);
	/* Not a database at all. */
	snprintf(path, sizeof path, "%s/junk.db", dir);
	{
		FILE *f = fopen(path, "w");

		fputs("this is not a database, just some text that is long enough "
		    "to have a header page of its own........................", f);
		fclose(f);
	}
	RC_CHECK(rc_store_open(path, &st, &err) != 0);
	RC_CHECK(err.n >= 1);
	rc_err_clear(&err);
	remove(path);
	snprintf(path, sizeof path, "%s/sub/r.db", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/sub/r.db-wal", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/sub/r.db-shm", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/sub", dir);
	rmdir(path);
	rmdir(dir);
}

static int
count_undated(void *ctx, const char *scenario, const char *version)
{
	(void)scenario;
	(void)version;
	(*(int *)ctx)++;
	return 0;
}

/* The call's date is kept and read back; an agreement is read against it
 * in either shape the store has held; undated sessions are found and
 * dated by scenario and version. */
static void
test_call_date(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_store *st = NULL;
	struct rc_transcript *t = rc_transcript_new();
	struct rc_store_meta m;
	struct rc_store_filter f;
	struct rc_store_loaded *l;
	struct rc_terms a;
	int32_t nov2 = rc_date_from_ymd(2026, 11, 2), due;
	int64_t id, id2, cents;
	char brief[256];
	int n;

	RC_CHECK_INT(rc_store_open(":memory:", &st, &err), 0);
	memset(&m, 0, sizeof m);
	m.trainee = "sam";
	m.scenario = "distressed-manufacturer";
	m.scenario_version = "1.0.0";
	m.mode = "practice";
	m.has_call_date = 1;
	m.call_date = nov2;
	id = rc_store_session_begin(st, &m, &err);
	RC_CHECK(id > 0);
	t->ended_by = RC_ENDED_AGREEMENT;
	t->has_agreement = 1;
	rc_terms_add(&t->agreement, 200000, 1, RC_PERIOD_NONE, nov2, NULL);
	rc_terms_add(&t->agreement, 1220000, 1, RC_PERIOD_NONE,
	    rc_date_from_ymd(2026, 12, 15), NULL);
	rc_terms_finish(&t->agreement, 1420000);
	RC_CHECK_INT(rc_store_session_end(st, id, RC_STORE_COMPLETE, t, 0, 0, NULL,
	    0, &err), 0);
	l = rc_store_load(st, id, NULL, &err);
	RC_CHECK(l != NULL);
	if (l != NULL) {
		RC_CHECK_INT(l->row.call_date, nov2);
		RC_CHECK(l->t->has_agreement);
		RC_CHECK(rc_terms_same(&l->t->agreement, &t->agreement));
		RC_CHECK_INT(l->t->agreement.total, 1420000);
	}
	rc_store_loaded_free(l);

	/* A session begun without it, as before schema 3: found, then dated. */
	m.has_call_date = 0;
	id2 = rc_store_session_begin(st, &m, &err);
	RC_CHECK(id2 > id);
	n = 0;
	RC_CHECK_INT(rc_store_undated(st, count_undated, &n, &err), 1);
	RC_CHECK_INT(n, 1);
	memset(&f, 0, sizeof f);
	f.id = id2;
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_INT(last.call_date, RC_DATE_NONE);
	RC_CHECK_INT(rc_store_set_call_date(st, "distressed-manufacturer", "2.0.0",
	    nov2, &err), 0);
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_INT(last.call_date, RC_DATE_NONE);   /* another version */
	RC_CHECK_INT(rc_store_set_call_date(st, "distressed-manufacturer", "1.0.0",
	    nov2 + 1, &err), 0);
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_INT(last.call_date, nov2 + 1);
	f.id = id;
	rc_store_sessions(st, &f, keep_row, NULL, &err);
	RC_CHECK_INT(last.call_date, nov2);           /* a dated one is kept */
	n = 0;
	RC_CHECK_INT(rc_store_undated(st, count_undated, &n, &err), 0);

	/* The shape before schedules, as recoup 99e81e6 stored it: the day of
	 * the remaining payment is only in the text. */
	RC_CHECK_INT(rc_store_parse_terms("{\"upfront\": 2000, \"upfront_when\": "
	    "\"today\", \"instalment\": 12200, \"period\": \"month\", \"count\": 1, "
	    "\"total\": 14200, \"balance_left\": 0, \"affordable\": true, \"text\": "
	    "\"2,000 today and the remaining 12,200 by December 15\"}", nov2, &a), 0);
	RC_CHECK_STR(rc_terms_brief(&a, brief, sizeof brief),
	    "2000.00@2026-11-02; 12200.00@2026-12-15");
	RC_CHECK_INT(a.total, 1420000);
	/* Without the call's date the words stay as they were said. */
	RC_CHECK_INT(rc_store_parse_terms("{\"upfront\": 2000, \"upfront_when\": "
	    "\"today\", \"instalment\": 12200, \"period\": \"month\", \"count\": 1, "
	    "\"total\": 14200, \"balance_left\": 0, \"affordable\": true, \"text\": "
	    "\"2,000 today and the remaining 12,200 by December 15\"}", RC_DATE_NONE,
	    &a), 0);
	RC_CHECK_STR(rc_terms_say(&a, "USD", RC_DATE_NONE, 0, brief, sizeof brief),
	    "$2,000 today and $12,200 by december 15");
	/* Nothing upfront: the plan starts on the day said; the last
	 * instalment is what the total leaves. */
	RC_CHECK_INT(rc_store_parse_terms("{\"upfront\": 0, \"upfront_when\": "
	    "\"december 15th\", \"instalment\": 80, \"period\": \"month\", "
	    "\"count\": 24, \"total\": 1900, \"balance_left\": 0, \"affordable\": "
	    "true, \"text\": \"80 a month for 24 months (the last 60)\"}", nov2, &a), 0);
	RC_CHECK_INT(rc_terms_count(&a), 24);
	RC_CHECK(rc_terms_payment(&a, 0, &cents, &due));
	RC_CHECK_INT(cents, 8000);
	RC_CHECK_INT(due, rc_date_from_ymd(2026, 12, 15));
	RC_CHECK(rc_terms_payment(&a, 23, &cents, &due));
	RC_CHECK_INT(cents, 6000);
	RC_CHECK_INT(due, rc_date_from_ymd(2028, 11, 15));
	RC_CHECK_INT(a.total, 190000);
	/* A plan with something upfront starts a period after it. */
	RC_CHECK_INT(rc_store_parse_terms("{\"upfront\": 1840, \"upfront_when\": "
	    "\"today\", \"instalment\": 640, \"period\": \"month\", \"count\": 2, "
	    "\"total\": 3120, \"balance_left\": 0, \"affordable\": true}",
	    rc_date_from_ymd(2026, 11, 1), &a), 0);
	RC_CHECK_STR(rc_terms_brief(&a, brief, sizeof brief),
	    "1840.00@2026-11-01; 640.00/month x2 from 2026-12-01");
	RC_CHECK(rc_store_parse_terms("{\"nothing\": 1}", nov2, &a) != 0);
	RC_CHECK(rc_store_parse_terms("not json", nov2, &a) != 0);

	rc_err_clear(&err);
	rc_transcript_free(t);
	rc_store_close(st);
}

static void
test_escaping(void)
{
	struct rc_buf b = RC_BUF_INIT;

	rc_csv_cell(&b, "=HYPERLINK(\"x\")");
	RC_CHECK_STR(rc_buf_str(&b), "\"'=HYPERLINK(\"\"x\"\")\"");
	rc_buf_reset(&b);
	rc_csv_cell(&b, "+1");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, "-x");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, "@sum");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, "\tx");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, "a,b");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, "line\nbreak");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, "plain");
	RC_CHECK_STR(rc_buf_str(&b), "'+1|'-x|'@sum|'\tx|\"a,b\"|\"line\nbreak\"|plain");
	rc_buf_reset(&b);
	/* A lone CR is shown by the output filter (safe.h), so it can
	 * neither start a formula nor break a row. */
	rc_csv_cell(&b, "\rcr");
	RC_CHECK_STR(rc_buf_str(&b), "^Mcr");
	rc_buf_reset(&b);
	/* Spreadsheets skip blanks and line breaks before a formula. */
	rc_csv_cell(&b, "  =1+1");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, "\n@x");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, " \r\n-2");
	rc_buf_puts(&b, "|");
	rc_csv_cell(&b, "  ok");
	RC_CHECK_STR(rc_buf_str(&b), "'  =1+1|\"'\n@x\"|\"' \r\n-2\"|  ok");
	rc_buf_reset(&b);
	rc_html_escape(&b, "<script>alert('1')</script> & \"q\"");
	RC_CHECK_STR(rc_buf_str(&b), "&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; "
	    "&amp; &quot;q&quot;");
	rc_buf_reset(&b);
	rc_report_text_cell(&b, "a\033[31mb\x7f", 0);
	RC_CHECK_STR(rc_buf_str(&b), "a^[[31mb^?");
	rc_buf_reset(&b);
	rc_report_text_cell(&b, "Zoë", 5);
	RC_CHECK_STR(rc_buf_str(&b), "Zoë  ");
	rc_buf_free(&b);
}

static void
test_report(void)
{
	struct rc_report *r = rc_report_new();
	struct rc_store_row row;
	const struct rc_report_trainee *t;
	double scores[] = { 40, 50, 60, 70, 80, 90, 100 };
	size_t i, n;

	memset(&row, 0, sizeof row);
	row.trainee = "ann";
	row.has_score = 1;
	for (i = 0; i < 7; i++) {
		row.started_at = 1000 + (int64_t)i;
		row.score = scores[i];
		row.practice_score = scores[i];
		row.passed = scores[i] >= 70;
		row.summary = i % 2 ? "every-interaction-negotiation:met:1 "
		    "start-with-reminder:n/a:0 x-extra:partial:0.5" :
		    "every-interaction-negotiation:missed:0 start-with-reminder:n/a:0 "
		    "x-extra:met:1";
		rc_report_add(r, &row);
	}
	RC_CHECK_INT(r->ntrainees, 1);
	RC_CHECK_INT(r->npractices, 3);
	RC_CHECK(r->practices[0].core && !r->practices[2].core);
	t = r->trainees[0];
	RC_CHECK_INT(t->sessions, 7);
	RC_CHECK_INT(t->passed, 4);
	RC_CHECK_NUM(rc_report_mean_score(t), 70);
	/* One scenario (none named) played seven times: latest minus first. */
	RC_CHECK_NUM(rc_report_trend(t, &n), 60);
	RC_CHECK_INT(n, 1);
	RC_CHECK_NUM(rc_report_share_met(t, 0), 3.0 / 7);
	RC_CHECK_NUM(rc_report_share_met(t, 1), -1);
	RC_CHECK_NUM(t->cells[2].points, 4 + 1.5);
	rc_report_free(r);
}

/* The trend compares like with like: a trainee who improved on both
 * debtors and whose last call was against the hardest one trends up. */
static void
test_report_trend(void)
{
	static const struct { const char *who, *scenario; double score; } calls[] = {
		{ "ann", "easy", 60 }, { "ann", "hard", 20 }, { "ann", "easy", 80 },
		{ "ann", "hard", 30 },
		{ "bob", "easy", 90 }, { "bob", "hard", 40 },
		{ "cal", "easy", 50 }, { "cal", "easy", 70 }, { "cal", "hard", 10 },
	};
	struct rc_report *r = rc_report_new();
	struct rc_store_row row;
	const struct rc_report_run *u;
	char cell[32];
	size_t i, n;

	memset(&row, 0, sizeof row);
	row.has_score = 1;
	for (i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		row.trainee = calls[i].who;
		row.scenario = calls[i].scenario;
		row.started_at = 1000 + (int64_t)i;
		row.score = calls[i].score;
		rc_report_add(r, &row);
	}
	RC_CHECK_INT(r->nscenarios, 2);
	/* ann: easy +20, hard +10: +15 over 2, where last minus first
	 * across debtors says -30. */
	RC_CHECK_NUM(rc_report_trend(r->trainees[0], &n), 15);
	RC_CHECK_INT(n, 2);
	RC_CHECK_STR(rc_report_trend_cell(r->trainees[0], cell, sizeof cell),
	    "+15 (2)");
	/* bob played each debtor once: no trend, not -50. */
	RC_CHECK_NUM(rc_report_trend(r->trainees[1], &n), 0);
	RC_CHECK_INT(n, 0);
	RC_CHECK_STR(rc_report_trend_cell(r->trainees[1], cell, sizeof cell), "-");
	/* cal: the easy debtor twice, +20; the last call (hard) is not a
	 * drop of 40. */
	RC_CHECK_NUM(rc_report_trend(r->trainees[2], &n), 20);
	RC_CHECK_INT(n, 1);
	/* The grid: ann's hard debtor, two sessions, mean 25. */
	u = rc_report_run(r->trainees[0], 1);
	RC_CHECK(u != NULL);
	if (u != NULL) {
		RC_CHECK_INT(u->scored, 2);
		RC_CHECK_NUM(rc_report_run_mean(u), 25);
	}
	/* Sorting scenarios by id keeps each trainee's runs with them. */
	row.trainee = "dee";
	row.scenario = "aaa";
	row.score = 5;
	rc_report_add(r, &row);
	rc_report_sort_scenarios(r);
	RC_CHECK_STR(r->scenarios[0].id, "aaa");
	RC_CHECK_STR(r->scenarios[2].id, "hard");
	u = rc_report_run(r->trainees[0], 2);
	RC_CHECK(u != NULL && u->scored == 2 && u->last == 30);
	RC_CHECK(rc_report_run(r->trainees[0], 0) == NULL);
	RC_CHECK_INT(r->trainees[3]->pts[0].scenario, 0);
	RC_CHECK_INT(r->trainees[0]->pts[1].scenario, 2);
	rc_report_free(r);
}

/* Drill progress from the sessions: each drill's calls are the scenario
 * and seed pairs anyone played with its tag. */
static void
test_report_drills(void)
{
	static const struct { const char *who, *drill, *scenario, *status;
	    uint64_t seed; } s[] = {
		{ "ann", "w1", "a", "complete", 1 },
		{ "bob", "w1", "a", "interrupted", 1 },
		{ "ann", "w1", "b", "complete", 2 },
		{ "ann", "w2", "c", "complete", 3 },
		{ "cal", NULL, "a", "complete", 1 },
		{ "ann", "w1", "a", "complete", 9 },
		{ "bob", "w1", "b", "complete", 2 },
	};
	struct rc_report *r = rc_report_new();
	struct rc_store_row row;
	const struct rc_report_attempt *a;
	long done, total;
	size_t i;

	memset(&row, 0, sizeof row);
	for (i = 0; i < sizeof s / sizeof s[0]; i++) {
		row.trainee = s[i].who;
		row.drill = s[i].drill;
		row.scenario = s[i].scenario;
		row.status = s[i].status;
		row.seed = s[i].seed;
		row.started_at = 1000 + (int64_t)i;
		rc_report_add(r, &row);
	}
	/* w1: a/1, b/2, a/9; w2: c/3; in the order first played. */
	RC_CHECK_INT(r->ncalls, 4);
	RC_CHECK_INT(r->ndrills, 2);
	RC_CHECK_STR(r->calls[3].scenario, "a");
	RC_CHECK_INT(r->calls[3].seed, 9);
	RC_CHECK_STR(r->drills[r->calls[2].drill], "w2");
	RC_CHECK_INT(r->drill_calls[0], 3);
	RC_CHECK_INT(rc_report_call_index(r, "w1", "b", 2), 1);
	RC_CHECK_INT(rc_report_call_index(r, "w2", "b", 2), -1);
	RC_CHECK_INT(rc_report_call_index(r, "w9", "a", 1), -1);
	/* ann: all of w1 and w2. */
	RC_CHECK(rc_report_drill_progress(r, r->trainees[0], &done, &total));
	RC_CHECK_INT(done, 4);
	RC_CHECK_INT(total, 4);
	/* bob: w1 only, a/1 interrupted, b/2 done, a/9 never. */
	RC_CHECK(rc_report_drill_progress(r, r->trainees[1], &done, &total));
	RC_CHECK_INT(done, 1);
	RC_CHECK_INT(total, 3);
	a = rc_report_attempt(r, r->trainees[1], 0);
	RC_CHECK(a != NULL && a->sessions == 1 && a->complete == 0);
	RC_CHECK(rc_report_attempt(r, r->trainees[1], 3) == NULL);
	a = rc_report_attempt(r, r->trainees[0], 3);
	RC_CHECK(a != NULL && a->complete == 1);
	/* cal played no drill. */
	RC_CHECK(!rc_report_drill_progress(r, r->trainees[2], &done, &total));
	/* Many calls (every seed differs) stay indexed. */
	row.trainee = "dee";
	row.drill = "big";
	row.scenario = "a";
	row.status = "complete";
	for (i = 0; i < 3000; i++) {
		row.seed = 100 + i % 1500;
		rc_report_add(r, &row);
	}
	RC_CHECK_INT(r->ncalls, 4 + 1500);
	RC_CHECK(rc_report_drill_progress(r, r->trainees[3], &done, &total));
	RC_CHECK_INT(done, 1500);
	RC_CHECK_INT(total, 1500);
	a = rc_report_attempt(r, r->trainees[3], (size_t)rc_report_call_index(r,
	    "big", "a", 1599));
	RC_CHECK(a != NULL && a->sessions == 2);
	rc_report_free(r);
}

/* The report's time chart: three calls on one day, in a report that
 * spans two months, stand side by side (by order), not on one vertical
 * line; every dot has a title; the heat map shrinks to the page. */
static void
test_report_html(void)
{
	static const int64_t day = 86400, t0 = 1790000000;
	static const struct { const char *who; int64_t at; double score; } s[] = {
		{ "ann", t0, 50 }, { "bob", t0 + 30 * day, 40 },
		{ "bob", t0 + 30 * day + 600, 60 }, { "bob", t0 + 30 * day + 1200, 80 },
		{ "ann", t0 + 60 * day, 70 },
	};
	struct rc_report *r = rc_report_new();
	struct rc_buf b = RC_BUF_INIT;
	struct rc_store_row row;
	const char *p, *end;
	double cx[8];
	size_t i, n = 0;

	memset(&row, 0, sizeof row);
	row.has_score = 1;
	row.scenario = "forgetful-florist";
	row.summary = "every-interaction-negotiation:met:1";
	for (i = 0; i < sizeof s / sizeof s[0]; i++) {
		row.trainee = s[i].who;
		row.started_at = s[i].at;
		row.score = s[i].score;
		rc_report_add(r, &row);
	}
	rc_report_sort(r);
	rc_report_html(&b, r, "t", NULL, t0, 70);
	p = strstr(rc_buf_str(&b), "<h3>bob</h3>");
	RC_CHECK(p != NULL);
	end = p ? strstr(p, "</svg>") : NULL;
	while (p && end && (p = strstr(p, "<circle cx=\"")) != NULL && p < end &&
	    n < 8) {
		cx[n++] = strtod(p + strlen("<circle cx=\""), NULL);
		RC_CHECK(strncmp(strchr(p, '>'), "><title>bob, ", 13) == 0);
		p++;
	}
	RC_CHECK_INT(n, 3);
	for (i = 1; i < n; i++)
		RC_CHECK(cx[i] - cx[i - 1] > 50);
	RC_CHECK(strstr(rc_buf_str(&b), "class=\"fit\" width=") != NULL);
	RC_CHECK(strstr(rc_buf_str(&b), "@media print{") != NULL);
	/* bob's trend: one scenario, 80 - 40. */
	RC_CHECK(strstr(rc_buf_str(&b), "trend <span class=\"up\">+40</span> over "
	    "1 scenario played again") != NULL);
	rc_buf_free(&b);
	rc_report_free(r);
}

int
main(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_rubric *rubric = rc_rubric_load(RECOUP_SCORING_DIR, &err);

	RC_CHECK(rubric != NULL);
	if (rubric != NULL)
		test_roundtrip(rubric);
	if (rubric != NULL)
		test_review(rubric);
	rc_err_clear(&err);
	rc_rubric_free(rubric);
	test_too_new();
	test_call_date();
	test_escaping();
	test_report();
	test_report_trend();
	test_report_drills();
	test_report_html();
	return RC_TEST_DONE();
}
