/*
 * report-json.c - the records as JSON for programs: the comparison, the
 * leaderboard and one object per session (export, history).  Keys come in
 * a fixed order and numbers with a fixed precision, so the same database
 * gives the same bytes.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static void
str_or_null(struct rc_buf *b, const char *s)
{
	if (s)
		rc_buf_json_string(b, s);
	else
		rc_buf_puts(b, "null");
}

/* A trainer's review of one practice (or null). */
static void
review_json(struct rc_buf *b, const struct rc_store_review *v)
{
	if (v == NULL) {
		rc_buf_puts(b, "null");
		return;
	}
	rc_buf_puts(b, "{\"was\": ");
	rc_buf_json_string(b, v->was);
	rc_buf_puts(b, ", \"by\": ");
	rc_buf_json_string(b, v->by);
	rc_buf_printf(b, ", \"at\": %lld, \"note\": ", (long long)v->at);
	if (v->note)
		rc_buf_json_string(b, v->note);
	else
		rc_buf_puts(b, "null");
	rc_buf_putc(b, '}');
}

static void
trainee_json(struct rc_buf *b, const struct rc_report *r,
             const struct rc_report_trainee *t, int practices)
{
	double trend;
	size_t j, n;
	long done, total;

	rc_buf_puts(b, "{\"trainee\": ");
	rc_buf_json_string(b, t->name);
	rc_buf_printf(b, ", \"sessions\": %ld, \"scored\": %ld, \"passed\": %ld, "
	    "\"reviewed\": %ld, \"critical\": %ld", t->sessions, t->scored,
	    t->passed, t->reviewed, t->critical);
	if (t->scored) {
		rc_buf_printf(b, ", \"mean_practice_score\": %.1f, "
		    "\"mean_outcome_score\": %.1f, \"mean_score\": %.1f, "
		    "\"best_score\": ", rc_report_mean_practice(t),
		    rc_report_mean_outcome(t), rc_report_mean_score(t));
		if (t->has_best)
			rc_buf_printf(b, "%.1f", t->best);
		else
			rc_buf_puts(b, "null");
	} else
		rc_buf_puts(b, ", \"mean_practice_score\": null, "
		    "\"mean_outcome_score\": null, \"mean_score\": null, "
		    "\"best_score\": null");
	trend = rc_report_trend(t, &n);
	if (n)
		rc_buf_printf(b, ", \"trend\": %.1f", trend);
	else
		rc_buf_puts(b, ", \"trend\": null");
	rc_buf_printf(b, ", \"trend_scenarios\": %zu, \"drill\": ", n);
	if (rc_report_drill_progress(r, t, &done, &total))
		rc_buf_printf(b, "{\"done\": %ld, \"calls\": %ld, \"complete\": %s}",
		    done, total, done == total ? "true" : "false");
	else
		rc_buf_puts(b, "null");
	if (practices) {
		rc_buf_puts(b, ", \"practices\": {");
		for (j = 0; j < r->npractices; j++) {
			const struct rc_report_cell *c = j < t->ncells ? &t->cells[j] : NULL;

			rc_buf_puts(b, j ? ", " : "");
			rc_buf_json_string(b, r->practices[j].id);
			if (c == NULL || c->n == 0)
				rc_buf_puts(b, ": {\"applied\": 0, \"share_met\": null, "
				    "\"mean_points\": null}");
			else
				rc_buf_printf(b, ": {\"applied\": %ld, \"met\": %ld, "
				    "\"partial\": %ld, \"share_met\": %.3f, \"mean_points\": "
				    "%.3f}", c->n, c->met, c->partial,
				    (double)c->met / (double)c->n, c->points / (double)c->n);
		}
		rc_buf_putc(b, '}');
	}
	rc_buf_putc(b, '}');
}

void
rc_report_compare_json(struct rc_buf *b, const struct rc_report *r)
{
	size_t i;

	rc_buf_printf(b, "{\"sessions\": %ld, \"scored\": %ld, \"reviewed\": %ld, "
	    "\"critical\": %ld, \"practices\": [", r->sessions, r->scored,
	    r->reviewed, r->critical);
	for (i = 0; i < r->npractices; i++) {
		rc_buf_puts(b, i ? ", " : "");
		rc_buf_json_string(b, r->practices[i].id);
	}
	rc_buf_puts(b, "],\n \"trainees\": [");
	for (i = 0; i < r->ntrainees; i++) {
		rc_buf_puts(b, i ? ",\n  " : "\n  ");
		trainee_json(b, r, r->trainees[i], 1);
	}
	rc_buf_puts(b, r->ntrainees ? "\n ]}\n" : "]}\n");
}

void
rc_report_leaderboard_json(struct rc_buf *b, const struct rc_report *r)
{
	struct rc_report_trainee **v = rc_report_ranked(r);
	size_t i;

	rc_buf_puts(b, "[");
	for (i = 0; i < r->ntrainees; i++) {
		rc_buf_puts(b, i ? ",\n " : "\n ");
		if (v[i]->scored)
			rc_buf_printf(b, "{\"rank\": %zu, \"entry\": ", i + 1);
		else
			rc_buf_puts(b, "{\"rank\": null, \"entry\": ");
		trainee_json(b, r, v[i], 0);
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, r->ntrainees ? "\n]\n" : "]\n");
	free(v);
}

void
rc_report_grid_json(struct rc_buf *b, const struct rc_report *r)
{
	size_t i, j, n;

	rc_buf_printf(b, "{\"sessions\": %ld, \"scored\": %ld, \"scenarios\": [",
	    r->sessions, r->scored);
	for (j = 0; j < r->nscenarios; j++) {
		rc_buf_puts(b, j ? ", " : "");
		rc_buf_json_string(b, r->scenarios[j].id);
	}
	rc_buf_puts(b, "],\n \"trainees\": [");
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];
		double trend = rc_report_trend(t, &n);
		int first = 1;

		rc_buf_puts(b, i ? ",\n  {\"trainee\": " : "\n  {\"trainee\": ");
		rc_buf_json_string(b, t->name);
		if (n)
			rc_buf_printf(b, ", \"trend\": %.1f", trend);
		else
			rc_buf_puts(b, ", \"trend\": null");
		rc_buf_printf(b, ", \"trend_scenarios\": %zu, \"scenarios\": {", n);
		for (j = 0; j < r->nscenarios; j++) {
			const struct rc_report_run *u = rc_report_run(t, j);

			if (u == NULL)
				continue;
			rc_buf_puts(b, first ? "" : ", ");
			first = 0;
			rc_buf_json_string(b, r->scenarios[j].id);
			rc_buf_printf(b, ": {\"sessions\": %ld, \"scored\": %ld, "
			    "\"passed\": %ld, \"critical\": %ld, ", u->sessions, u->scored,
			    u->passed, u->critical);
			if (u->scored)
				rc_buf_printf(b, "\"mean_score\": %.1f, \"first_score\": %.1f, "
				    "\"last_score\": %.1f, ", rc_report_run_mean(u),
				    (double)u->first, (double)u->last);
			else
				rc_buf_puts(b, "\"mean_score\": null, \"first_score\": null, "
				    "\"last_score\": null, ");
			if (u->scored >= 2)
				rc_buf_printf(b, "\"change\": %.1f}",
				    (double)u->last - (double)u->first);
			else
				rc_buf_puts(b, "\"change\": null}");
		}
		rc_buf_puts(b, "}}");
	}
	rc_buf_puts(b, r->ntrainees ? "\n ]}\n" : "]}\n");
}

void
rc_report_session_json(struct rc_buf *b, const struct rc_store_row *row)
{
	char t1[32], st[16];
	const char *p;

	rc_buf_printf(b, "{\"id\": %lld, \"trainee\": ", (long long)row->id);
	rc_buf_json_string(b, row->trainee ? row->trainee : "");
	rc_buf_puts(b, ", \"cohort\": ");
	str_or_null(b, row->cohort);
	rc_buf_puts(b, ", \"drill\": ");
	str_or_null(b, row->drill);
	rc_buf_puts(b, ", \"scenario\": {\"id\": ");
	str_or_null(b, row->scenario);
	rc_buf_puts(b, ", \"version\": ");
	str_or_null(b, row->scenario_version);
	rc_buf_puts(b, ", \"title\": ");
	str_or_null(b, row->scenario_title);
	rc_buf_printf(b, "}, \"seed\": %llu, \"mode\": ",
	    (unsigned long long)row->seed);
	str_or_null(b, row->mode);
	rc_buf_puts(b, ", \"status\": ");
	str_or_null(b, row->status);
	rc_buf_puts(b, ", \"started_at\": ");
	rc_buf_json_string(b, rc_report_iso_time(row->started_at, t1, sizeof t1));
	rc_buf_puts(b, ", \"ended_at\": ");
	if (row->ended_at)
		rc_buf_json_string(b, rc_report_iso_time(row->ended_at, t1, sizeof t1));
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"ended_by\": ");
	str_or_null(b, row->ended_by);
	rc_buf_puts(b, ", \"call_date\": ");
	if (row->call_date != RC_DATE_NONE) {
		char day[16];

		rc_buf_printf(b, "\"%s\"", rc_date_iso(row->call_date, day, sizeof day));
	} else {
		rc_buf_puts(b, "null");
	}
	rc_buf_printf(b, ", \"turns\": %d, \"agreement\": ", row->turns);
	/* Written afresh in the one schedule form, whichever shape it was
	 * stored in, with the words said against the call's date. */
	{
		struct rc_terms t;

		if (rc_report_terms(row, &t))
			rc_terms_json(b, &t, rc_report_currency(row), row->call_date);
		else
			rc_buf_puts(b, "null");
	}
	rc_buf_puts(b, ", \"score\": ");
	if (!row->has_score) {
		rc_buf_puts(b, "null}");
		return;
	}
	rc_buf_puts(b, "{\"rubric_version\": ");
	str_or_null(b, row->rubric_version);
	rc_buf_printf(b, ", \"practice_score\": %.1f, \"outcome_score\": %.1f, "
	    "\"score\": %.1f, \"pass_mark\": %.0f, \"passed\": %s, \"style\": ",
	    row->practice_score, row->outcome_score, row->score, row->pass_mark,
	    row->passed ? "true" : "false");
	str_or_null(b, row->style);
	rc_buf_printf(b, ", \"reviewed\": %zu, \"automatic\": ", row->nreviewed);
	if (row->nreviewed > 0)
		rc_buf_printf(b, "{\"practice_score\": %.1f, \"score\": %.1f, "
		    "\"passed\": %s}", row->auto_practice_score, row->auto_score,
		    row->auto_passed ? "true" : "false");
	else
		rc_buf_puts(b, "null");
	rc_buf_puts(b, ", \"critical\": ");
	rc_buf_puts(b, row->critical ? row->critical : "[]");
	/* The compliance section as stored (store.c writes it): null for a
	 * call without a legal frame. */
	rc_buf_puts(b, ", \"compliance\": ");
	rc_buf_puts(b, row->compliance ? row->compliance : "null");
	rc_buf_puts(b, ", \"practices\": [");
	for (p = row->summary; p && *p;) {
		const char *end = strchr(p, ' '), *c1 = strchr(p, ':');
		struct rc_buf id = RC_BUF_INIT;
		double pts;

		if (end == NULL)
			end = p + strlen(p);
		if (c1 == NULL || c1 > end)
			break;
		rc_buf_add(&id, p, (size_t)(c1 - p));
		if (rc_report_summary_get(p, rc_buf_str(&id), st, sizeof st, &pts)) {
			rc_buf_puts(b, p == row->summary ? "{\"id\": " : ", {\"id\": ");
			rc_buf_json_string(b, rc_buf_str(&id));
			rc_buf_puts(b, ", \"status\": ");
			rc_buf_json_string(b, st);
			rc_buf_printf(b, ", \"points\": %g, \"review\": ", pts);
			review_json(b, rc_report_review(row, rc_buf_str(&id)));
			rc_buf_putc(b, '}');
		}
		rc_buf_free(&id);
		p = *end ? end + 1 : end;
	}
	rc_buf_puts(b, "]}}");
}

void
rc_report_drill_json(struct rc_buf *b, const struct rc_report *r,
                     const struct rc_report_drill *d)
{
	size_t i, j;

	rc_buf_puts(b, "{\"drill\": ");
	rc_buf_json_string(b, d->name);
	rc_buf_puts(b, ", \"title\": ");
	str_or_null(b, d->title);
	rc_buf_puts(b, ", \"calls\": [");
	for (j = 0; j < d->ncalls; j++) {
		rc_buf_printf(b, "%s{\"call\": %zu, \"scenario\": ", j ? ", " : "",
		    j + 1);
		rc_buf_json_string(b, d->calls[j].scenario);
		rc_buf_printf(b, ", \"seed\": %llu}",
		    (unsigned long long)d->calls[j].seed);
	}
	rc_buf_printf(b, "], \"unmatched_sessions\": %ld,\n \"trainees\": [",
	    rc_report_drill_unmatched(r, d));
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];
		size_t done = rc_report_drill_done(r, t, d);

		rc_buf_puts(b, i ? ",\n  {\"trainee\": " : "\n  {\"trainee\": ");
		rc_buf_json_string(b, t->name);
		rc_buf_printf(b, ", \"done\": %zu, \"complete\": %s, \"calls\": [",
		    done, done == d->ncalls ? "true" : "false");
		for (j = 0; j < d->ncalls; j++) {
			const struct rc_report_attempt *a = rc_report_drill_attempt(r, t,
			    d, j);

			rc_buf_printf(b, "%s{\"call\": %zu, \"status\": \"%s\", "
			    "\"sessions\": %ld, \"score\": ", j ? ", " : "", j + 1,
			    a == NULL ? "not played" : a->complete ? "done" : "partial",
			    a ? a->sessions : 0L);
			if (a != NULL && a->complete && a->has_score)
				rc_buf_printf(b, "%.1f, \"passed\": %s}", (double)a->score,
				    a->passed ? "true" : "false");
			else
				rc_buf_puts(b, "null, \"passed\": null}");
		}
		rc_buf_puts(b, "]}");
	}
	rc_buf_puts(b, r->ntrainees ? "\n ]}\n" : "]}\n");
}
