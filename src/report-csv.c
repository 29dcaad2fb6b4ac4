/*
 * report-csv.c - the records as CSV (RFC 4180: CRLF line ends, cells with
 * a comma, quote, CR or LF quoted, quotes doubled).  A cell a spreadsheet
 * would run as a formula ('=', '+', '-', '@' first or after leading
 * blanks and line breaks, or a leading tab or CR) gets a single quote in
 * front, so a trainee called =HYPERLINK("...") stays text.
 * Numbers written by this file never pass through rc_csv_cell().
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "rubric.h"
#include "safe.h"

void
rc_csv_cell(struct rc_buf *b, const char *text)
{
	struct rc_buf safe = RC_BUF_INIT;
	const char *p, *s, *lead;
	int quote;

	if (text == NULL)
		return;
	/* Controls and escape sequences shown, not passed on (safe.h). */
	rc_safe_puts(&safe, text, RC_SAFE_LINES);
	s = rc_buf_str(&safe);
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		rc_buf_putc(b, '"');
	/* Spreadsheets skip leading blanks (and line breaks) before they
	 * look for a formula: look past them too. */
	lead = s + strspn(s, " \t\r\n");
	if (*lead != '\0' && (strchr("=+-@", *lead) != NULL ||
	    strchr("\t\r", s[0]) != NULL))
		rc_buf_putc(b, '\'');
	for (p = s; *p; p++) {
		if (*p == '"')
			rc_buf_putc(b, '"');
		rc_buf_putc(b, *p);
	}
	if (quote)
		rc_buf_putc(b, '"');
	rc_buf_free(&safe);
}

void
rc_report_compare_csv(struct rc_buf *b, const struct rc_report *r)
{
	size_t i, j, n;

	rc_buf_puts(b, "trainee,sessions,scored,passed,mean_practice_score,"
	    "mean_outcome_score,mean_score,trend,critical,trend_scenarios");
	for (j = 0; j < r->npractices; j++) {
		rc_buf_putc(b, ',');
		rc_csv_cell(b, r->practices[j].id);
	}
	rc_buf_puts(b, "\r\n");
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];
		double trend = rc_report_trend(t, &n);

		rc_csv_cell(b, t->name);
		rc_buf_printf(b, ",%ld,%ld,%ld,", t->sessions, t->scored, t->passed);
		if (t->scored)
			rc_buf_printf(b, "%.1f,%.1f,%.1f,", rc_report_mean_practice(t),
			    rc_report_mean_outcome(t), rc_report_mean_score(t));
		else
			rc_buf_puts(b, ",,,");
		if (n)
			rc_buf_printf(b, "%.1f", trend);
		rc_buf_printf(b, ",%ld,%zu", t->critical, n);
		for (j = 0; j < r->npractices; j++) {
			double share = rc_report_share_met(t, j);

			rc_buf_putc(b, ',');
			if (share >= 0)
				rc_buf_printf(b, "%.3f", share);
		}
		rc_buf_puts(b, "\r\n");
	}
}

void
rc_report_leaderboard_csv(struct rc_buf *b, const struct rc_report *r)
{
	struct rc_report_trainee **v = rc_report_ranked(r);
	size_t i, n;
	long done, total;

	rc_buf_puts(b, "rank,trainee,sessions,scored,passed,mean_score,best_score,"
	    "mean_practice_score,mean_outcome_score,trend,critical,"
	    "trend_scenarios,drill_calls_done,drill_calls\r\n");
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = v[i];
		double trend = rc_report_trend(t, &n);

		if (t->scored)
			rc_buf_printf(b, "%zu,", i + 1);
		else
			rc_buf_putc(b, ',');
		rc_csv_cell(b, t->name);
		rc_buf_printf(b, ",%ld,%ld,%ld,", t->sessions, t->scored, t->passed);
		if (t->scored) {
			rc_buf_printf(b, "%.1f,", rc_report_mean_score(t));
			if (t->has_best)
				rc_buf_printf(b, "%.1f", t->best);
			rc_buf_printf(b, ",%.1f,%.1f,", rc_report_mean_practice(t),
			    rc_report_mean_outcome(t));
		} else
			rc_buf_puts(b, ",,,,");
		if (n)
			rc_buf_printf(b, "%.1f", trend);
		rc_buf_printf(b, ",%ld,%zu,", t->critical, n);
		if (rc_report_drill_progress(r, t, &done, &total))
			rc_buf_printf(b, "%ld,%ld", done, total);
		else
			rc_buf_putc(b, ',');
		rc_buf_puts(b, "\r\n");
	}
	free(v);
}

void
rc_report_grid_csv(struct rc_buf *b, const struct rc_report *r)
{
	size_t i, j;

	rc_buf_puts(b, "trainee,scenario,sessions,scored,passed,critical,"
	    "mean_score,first_score,last_score,change\r\n");
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];

		for (j = 0; j < r->nscenarios; j++) {
			const struct rc_report_run *u = rc_report_run(t, j);

			if (u == NULL)
				continue;
			rc_csv_cell(b, t->name);
			rc_buf_putc(b, ',');
			rc_csv_cell(b, r->scenarios[j].id);
			rc_buf_printf(b, ",%ld,%ld,%ld,%ld,", u->sessions, u->scored,
			    u->passed, u->critical);
			if (u->scored)
				rc_buf_printf(b, "%.1f,%.1f,%.1f,", rc_report_run_mean(u),
				    (double)u->first, (double)u->last);
			else
				rc_buf_puts(b, ",,,");
			if (u->scored >= 2)
				rc_buf_printf(b, "%.1f", (double)u->last - (double)u->first);
			rc_buf_puts(b, "\r\n");
		}
	}
}

void
rc_report_sessions_csv(struct rc_buf *b, const struct rc_store_row *row,
                       int header)
{
	struct rc_terms terms;
	char t1[32], t2[32], st[16];
	size_t i;

	if (header) {
		rc_buf_puts(b, "id,started_at,ended_at,trainee,cohort,drill,scenario,"
		    "scenario_version,seed,mode,status,ended_by,turns,rubric_version,"
		    "practice_score,outcome_score,score,passed");
		for (i = 0; i < RC_PRACTICES; i++) {
			rc_buf_putc(b, ',');
			rc_csv_cell(b, rc_practice_ids[i]);
		}
		rc_buf_puts(b, ",call_date,agreement,schedule,agreement_total,"
		    "balance_left,reviewed,reviews,auto_practice_score,auto_score,"
		    "auto_passed,critical,critical_failures\r\n");
	}
	rc_buf_printf(b, "%lld,%s,%s,", (long long)row->id,
	    rc_report_iso_time(row->started_at, t1, sizeof t1),
	    rc_report_iso_time(row->ended_at, t2, sizeof t2));
	rc_csv_cell(b, row->trainee);
	rc_buf_putc(b, ',');
	rc_csv_cell(b, row->cohort);
	rc_buf_putc(b, ',');
	rc_csv_cell(b, row->drill);
	rc_buf_putc(b, ',');
	rc_csv_cell(b, row->scenario);
	rc_buf_putc(b, ',');
	rc_csv_cell(b, row->scenario_version);
	rc_buf_printf(b, ",%llu,", (unsigned long long)row->seed);
	rc_csv_cell(b, row->mode);
	rc_buf_putc(b, ',');
	rc_csv_cell(b, row->status);
	rc_buf_putc(b, ',');
	rc_csv_cell(b, row->ended_by);
	rc_buf_printf(b, ",%d,", row->turns);
	if (row->has_score) {
		rc_csv_cell(b, row->rubric_version);
		rc_buf_printf(b, ",%.1f,%.1f,%.1f,%d", row->practice_score,
		    row->outcome_score, row->score, row->passed);
	} else {
		rc_buf_puts(b, ",,,,");
	}
	for (i = 0; i < RC_PRACTICES; i++) {
		double pts;

		rc_buf_putc(b, ',');
		if (row->has_score && rc_report_summary_get(row->summary,
		    rc_practice_ids[i], st, sizeof st, &pts))
			rc_csv_cell(b, st);
	}
	/* The agreement: the call's date, the words of the scorecard, the
	 * brief form (one "AMOUNT@YYYY-MM-DD" a payment, "; " between) and
	 * the sums, appended so earlier columns keep their places. */
	rc_buf_putc(b, ',');
	if (row->call_date != RC_DATE_NONE)
		rc_buf_puts(b, rc_date_iso(row->call_date, t1, sizeof t1));
	if (rc_report_terms(row, &terms)) {
		struct rc_buf words = RC_BUF_INIT;
		char brief[1024];

		rc_buf_putc(b, ',');
		rc_report_terms_say(&words, row);
		rc_csv_cell(b, rc_buf_str(&words));
		rc_buf_putc(b, ',');
		rc_csv_cell(b, rc_terms_brief(&terms, brief, sizeof brief));
		rc_buf_printf(b, ",%.2f,%.2f", rc_units(terms.total),
		    rc_units(terms.balance_left));
		rc_buf_free(&words);
	} else {
		rc_buf_puts(b, ",,,,");
	}
	/* Trainers' reviews, after the agreement for the same reason: the
	 * statuses and scores above are the reviewed ones, these the
	 * scorer's. */
	if (row->has_score) {
		struct rc_buf v = RC_BUF_INIT;

		rc_report_reviews_brief(&v, row);
		rc_buf_printf(b, ",%zu,", row->nreviewed);
		rc_csv_cell(b, rc_buf_str(&v));
		rc_buf_printf(b, ",%.1f,%.1f,%d", row->auto_practice_score,
		    row->auto_score, row->auto_passed);
		rc_buf_free(&v);
	} else {
		rc_buf_puts(b, ",,,,,");
	}
	/* Critical failures last, for the same reason: how many, and each
	 * as "ID at turn N" joined by "; ". */
	if (row->has_score) {
		struct rc_buf v = RC_BUF_INIT;

		rc_buf_printf(b, ",%zu,", rc_report_criticals(row, &v));
		rc_csv_cell(b, rc_buf_str(&v));
		rc_buf_free(&v);
	} else {
		rc_buf_puts(b, ",,");
	}
	rc_buf_puts(b, "\r\n");
}

void
rc_report_drill_csv(struct rc_buf *b, const struct rc_report *r,
                    const struct rc_report_drill *d)
{
	size_t i, j;

	rc_buf_puts(b, "trainee,call,scenario,seed,status,sessions,complete,"
	    "score,passed\r\n");
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];

		for (j = 0; j < d->ncalls; j++) {
			const struct rc_report_attempt *a = rc_report_drill_attempt(r, t,
			    d, j);

			rc_csv_cell(b, t->name);
			rc_buf_printf(b, ",%zu,", j + 1);
			rc_csv_cell(b, d->calls[j].scenario);
			rc_buf_printf(b, ",%llu,%s,%ld,%ld,",
			    (unsigned long long)d->calls[j].seed, a == NULL ? "not played" :
			    a->complete ? "done" : "partial", a ? a->sessions : 0L,
			    a ? a->complete : 0L);
			if (a != NULL && a->complete && a->has_score)
				rc_buf_printf(b, "%.1f,%d", (double)a->score, a->passed);
			else
				rc_buf_putc(b, ',');
			rc_buf_puts(b, "\r\n");
		}
	}
}
