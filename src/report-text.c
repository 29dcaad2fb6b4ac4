/*
 * report-text.c - the records as terminal tables: history lines, the
 * trainees x practices comparison and the leaderboard.  Names and tags are
 * user input: every cell goes through the output filter (safe.h), so
 * nothing typed into a name can move the cursor, retitle or recolour a
 * supervisor's terminal.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rubric.h"
#include "safe.h"
#include "wrap.h"
#include "xmalloc.h"

void
rc_report_text_cell(struct rc_buf *b, const char *s, int width)
{
	struct rc_buf safe = RC_BUF_INIT;
	const char *p;
	size_t cols = 0, room, all;

	/* The output filter first (safe.h), so a control shows as "^[" and
	 * is counted as the two columns it takes. */
	rc_safe_puts(&safe, s ? s : "", 0);
	p = rc_buf_str(&safe);
	all = rc_wrap_width(p, safe.len);
	if (width <= 0 || all <= (size_t)width) {
		rc_buf_add(b, p, safe.len);
		cols = all;
	} else {
		/* Too wide: cut at a character, and say so with an ellipsis. */
		room = (size_t)width - 1;
		while (*p) {
			size_t n = 1, w;

			if ((unsigned char)*p >= 0xc0)
				while (((unsigned char)p[n] & 0xc0) == 0x80 && n < 4)
					n++;
			w = rc_wrap_width(p, n);
			if (cols + w > room)
				break;
			rc_buf_add(b, p, n);
			cols += w;
			p += n;
		}
		rc_buf_puts(b, "\u2026");
		cols++;
	}
	for (; width > 0 && cols < (size_t)width; cols++)
		rc_buf_putc(b, ' ');
	rc_buf_free(&safe);
}

static const char *
when(int64_t t, char *buf, size_t size)
{
	return rc_report_local_time(t, 1, buf, size);
}

void
rc_report_history_text(struct rc_buf *b, const struct rc_store_row *row,
                       int header)
{
	char date[32];

	if (header)
		rc_buf_puts(b, "     ID  STARTED           TRAINEE           "
		    "SCENARIO                  STATUS       SCORE  PASSED\n");
	rc_buf_printf(b, "%7lld  %-16s  ", (long long)row->id,
	    when(row->started_at, date, sizeof date));
	rc_report_text_cell(b, row->trainee, 16);
	rc_buf_puts(b, "  ");
	rc_report_text_cell(b, row->scenario, 24);
	rc_buf_puts(b, "  ");
	rc_report_text_cell(b, row->status, 11);
	if (row->has_score)
		rc_buf_printf(b, "  %5.0f  %s\n", row->score, row->passed ? "yes" : "no");
	else
		rc_buf_puts(b, "      -  -\n");
	if (row->agreement != NULL) {
		struct rc_buf words = RC_BUF_INIT;
		char day[16];

		/* The terms as the scorecard said them, under the session. */
		rc_report_terms_say(&words, row);
		rc_buf_puts(b, "         Agreement: ");
		rc_report_text_cell(b, rc_buf_str(&words), 0);
		if (row->call_date != RC_DATE_NONE)
			rc_buf_printf(b, " (call dated %s)", rc_date_iso(row->call_date,
			    day, sizeof day));
		rc_buf_putc(b, '\n');
		rc_buf_free(&words);
	}
}

/* The trend legend every table with a TREND column ends with. */
static void
trend_legend(struct rc_buf *b)
{
	rc_buf_puts(b, "TREND compares like with like: for each scenario "
	    "played at least twice, the\nlatest score minus the first; the mean "
	    "of those changes, over how many\nscenarios in brackets ('-' no "
	    "scenario played twice).\n");
}

void
rc_report_compare_text(struct rc_buf *b, const struct rc_report *r)
{
	char trend[32];
	size_t i, j;

	if (r->ntrainees == 0) {
		rc_buf_puts(b, "No sessions match.\n");
		return;
	}
	rc_buf_puts(b, "Share of sessions where each practice was met (%; '-' "
	    "never applied).\n\n");
	rc_buf_printf(b, "%-16s %5s %5s %5s %8s %4s ", "TRAINEE", "SESS", "PRAC",
	    "OUTC", "TREND", "CRIT");
	for (j = 0; j < r->npractices; j++)
		if (r->practices[j].core)
			rc_buf_printf(b, "%4d", rc_practice_number(r->practices[j].id,
			    strlen(r->practices[j].id)));
	rc_buf_putc(b, '\n');
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];

		rc_report_text_cell(b, t->name, 16);
		rc_buf_printf(b, " %5ld ", t->sessions);
		if (t->scored)
			rc_buf_printf(b, "%5.0f %5.0f ", rc_report_mean_practice(t),
			    rc_report_mean_outcome(t));
		else
			rc_buf_printf(b, "%5s %5s ", "-", "-");
		rc_buf_printf(b, "%8s ", rc_report_trend_cell(t, trend, sizeof trend));
		rc_buf_printf(b, "%4ld ", t->critical);
		for (j = 0; j < r->npractices; j++) {
			double share;

			if (!r->practices[j].core)
				continue;
			share = rc_report_share_met(t, j);
			if (share < 0)
				rc_buf_printf(b, "%4s", "-");
			else
				rc_buf_printf(b, "%4.0f", 100 * share);
		}
		rc_buf_putc(b, '\n');
	}
	rc_buf_puts(b, "\nSESS sessions; PRAC, OUTC mean practice and outcome "
	    "scores; CRIT sessions with\na critical failure (none of them "
	    "passed).\n");
	trend_legend(b);
	rc_buf_puts(b, "Practices:\n");
	for (j = 0; j < r->npractices; j++)
		if (r->practices[j].core)
			rc_buf_printf(b, "%4d %s\n", rc_practice_number(r->practices[j].id,
			    strlen(r->practices[j].id)),
			    r->practices[j].id);
	if (r->reviewed > 0)
		rc_buf_putc(b, '\n');
	rc_report_reviewed_note(b, r);
}

void
rc_report_grid_text(struct rc_buf *b, const struct rc_report *r)
{
	char cell[32], trend[32];
	size_t i, j;

	if (r->ntrainees == 0) {
		rc_buf_puts(b, "No sessions match.\n");
		return;
	}
	rc_buf_puts(b, "Mean score per trainee and scenario (scored sessions in "
	    "brackets; '-' never\nplayed, '?' played but never scored).\n\n");
	rc_buf_printf(b, "%-16s %8s", "TRAINEE", "TREND");
	for (j = 0; j < r->nscenarios; j++) {
		snprintf(cell, sizeof cell, "S%zu", j + 1);
		rc_buf_printf(b, " %8s", cell);
	}
	rc_buf_putc(b, '\n');
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];

		rc_report_text_cell(b, t->name, 16);
		rc_buf_printf(b, " %8s", rc_report_trend_cell(t, trend, sizeof trend));
		for (j = 0; j < r->nscenarios; j++) {
			const struct rc_report_run *u = rc_report_run(t, j);

			if (u == NULL)
				snprintf(cell, sizeof cell, "-");
			else if (u->scored == 0)
				snprintf(cell, sizeof cell, "?");
			else
				snprintf(cell, sizeof cell, "%.0f (%ld)",
				    rc_report_run_mean(u), u->scored);
			rc_buf_printf(b, " %8s", cell);
		}
		rc_buf_putc(b, '\n');
	}
	rc_buf_putc(b, '\n');
	trend_legend(b);
	rc_buf_puts(b, "Scenarios:\n");
	for (j = 0; j < r->nscenarios; j++) {
		rc_buf_printf(b, "  S%-3zu ", j + 1);
		rc_report_text_cell(b, r->scenarios[j].id, 0);
		rc_buf_putc(b, '\n');
	}
	if (r->reviewed > 0)
		rc_buf_putc(b, '\n');
	rc_report_reviewed_note(b, r);
}

static int
by_rank(const void *a, const void *b)
{
	const struct rc_report_trainee *x = *(struct rc_report_trainee *const *)a;
	const struct rc_report_trainee *y = *(struct rc_report_trainee *const *)b;
	double mx = rc_report_mean_score(x), my = rc_report_mean_score(y);

	if ((x->scored > 0) != (y->scored > 0))
		return x->scored > 0 ? -1 : 1;
	if (mx != my)
		return mx > my ? -1 : 1;
	if (x->critical != y->critical)
		return x->critical < y->critical ? -1 : 1;
	if (x->passed != y->passed)
		return x->passed > y->passed ? -1 : 1;
	return strcmp(x->name, y->name);
}

struct rc_report_trainee **
rc_report_ranked(const struct rc_report *r)
{
	struct rc_report_trainee **v = rc_xcalloc(r->ntrainees + 1, sizeof *v);

	memcpy(v, r->trainees, r->ntrainees * sizeof *v);
	if (r->ntrainees > 1)
		qsort(v, r->ntrainees, sizeof *v, by_rank);
	return v;
}

/* "5/5", "3/5*" (a drill not finished) or "-" into BUF. */
static const char *
drill_cell(const struct rc_report *r, const struct rc_report_trainee *t,
           char *buf, size_t size)
{
	long done, total;

	if (!rc_report_drill_progress(r, t, &done, &total))
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%ld/%ld%s", done, total, done < total ? "*" : "");
	return buf;
}

void
rc_report_leaderboard_text(struct rc_buf *b, const struct rc_report *r)
{
	struct rc_report_trainee **v;
	char trend[32], drill[48];
	size_t i;
	int drills = r->ncalls > 0, unfinished = 0;

	if (r->ntrainees == 0) {
		rc_buf_puts(b, "No sessions match.\n");
		return;
	}
	v = rc_report_ranked(r);
	rc_buf_printf(b, "%4s  %-16s %5s %6s %6s %5s %5s %5s %8s %5s", "RANK",
	    "TRAINEE", "SESS", "PASSED", "SCORE", "BEST", "PRAC", "OUTC", "TREND",
	    "CRIT");
	rc_buf_puts(b, drills ? "  DRILL\n" : "\n");
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = v[i];

		drill_cell(r, t, drill, sizeof drill);
		unfinished |= strchr(drill, '*') != NULL;
		if (t->scored)
			rc_buf_printf(b, "%4zu  ", i + 1);
		else
			rc_buf_printf(b, "%4s  ", "-");
		rc_report_text_cell(b, t->name, 16);
		rc_buf_printf(b, " %5ld ", t->sessions);
		if (t->scored == 0) {
			rc_buf_puts(b, "     -      -     -     -     -        -     -");
			if (drills)
				rc_buf_printf(b, "  %s", drill);
			rc_buf_putc(b, '\n');
			continue;
		}
		rc_buf_printf(b, "%5.0f%% %6.1f ",
		    100.0 * (double)t->passed / (double)t->scored,
		    rc_report_mean_score(t));
		if (t->has_best)
			rc_buf_printf(b, "%5.0f ", t->best);
		else
			rc_buf_printf(b, "%5s ", "-");
		rc_buf_printf(b, "%5.0f %5.0f ", rc_report_mean_practice(t),
		    rc_report_mean_outcome(t));
		rc_buf_printf(b, "%8s", rc_report_trend_cell(t, trend, sizeof trend));
		rc_buf_printf(b, " %5ld", t->critical);
		if (drills)
			rc_buf_printf(b, "  %s", drill);
		rc_buf_putc(b, '\n');
	}
	free(v);
	rc_buf_putc(b, '\n');
	trend_legend(b);
	if (r->critical > 0)
		rc_buf_puts(b, "CRIT sessions with a critical failure (none of them "
		    "passed; BEST leaves them out).\n");
	if (drills)
		rc_buf_puts(b, "DRILL calls finished (a complete session) of the "
		    "drills the trainee started,\neach drill's calls being those "
		    "anyone played in it ('recoup drill status FILE'\nchecks against "
		    "the drill file).\n");
	if (unfinished)
		rc_buf_puts(b, "* drill not finished: the scores are over the calls "
		    "played so far.\n");
	if (r->reviewed > 0)
		rc_buf_putc(b, '\n');
	rc_report_reviewed_note(b, r);
}

/* A drill call's cell: "done 85", "done" (not scored), "partial" or "-". */
static const char *
attempt_cell(const struct rc_report_attempt *a, char *buf, size_t size)
{
	if (a == NULL)
		snprintf(buf, size, "-");
	else if (a->complete == 0)
		snprintf(buf, size, "partial");
	else if (a->has_score)
		snprintf(buf, size, "done %.0f", (double)a->score);
	else
		snprintf(buf, size, "done");
	return buf;
}

void
rc_report_drill_text(struct rc_buf *b, const struct rc_report *r,
                     const struct rc_report_drill *d)
{
	char cell[32];
	size_t i, j, finished = 0;
	long unmatched = rc_report_drill_unmatched(r, d);

	rc_buf_puts(b, "Drill ");
	rc_report_text_cell(b, d->name, 0);
	if (d->title != NULL) {
		rc_buf_puts(b, " (");
		rc_report_text_cell(b, d->title, 0);
		rc_buf_putc(b, ')');
	}
	rc_buf_printf(b, ": %zu call%s.\n\n", d->ncalls, d->ncalls == 1 ? "" : "s");
	if (r->ntrainees == 0) {
		rc_buf_puts(b, "Nobody has played it yet.\n");
	} else {
		rc_buf_printf(b, "%-16s %5s", "TRAINEE", "DONE");
		for (j = 0; j < d->ncalls; j++)
			rc_buf_printf(b, j + 1 < d->ncalls ? "  %-8zu" : "  %zu", j + 1);
		rc_buf_putc(b, '\n');
	}
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];
		size_t done = rc_report_drill_done(r, t, d);

		finished += done == d->ncalls;
		rc_report_text_cell(b, t->name, 16);
		snprintf(cell, sizeof cell, "%zu/%zu", done, d->ncalls);
		rc_buf_printf(b, " %5s", cell);
		for (j = 0; j < d->ncalls; j++)
			rc_buf_printf(b, j + 1 < d->ncalls ? "  %-8s" : "  %s",
			    attempt_cell(rc_report_drill_attempt(r, t, d, j), cell,
			    sizeof cell));
		rc_buf_putc(b, '\n');
	}
	if (r->ntrainees > 0)
		rc_buf_printf(b, "\n%zu of %zu trainee%s finished every call.\n",
		    finished, r->ntrainees, r->ntrainees == 1 ? "" : "s");
	rc_buf_puts(b, "\nCalls:\n");
	for (j = 0; j < d->ncalls; j++) {
		rc_buf_printf(b, "%4zu ", j + 1);
		rc_report_text_cell(b, d->calls[j].scenario, 0);
		rc_buf_printf(b, ", seed %llu\n", (unsigned long long)d->calls[j].seed);
	}
	rc_buf_puts(b, "\ndone: a complete session (the latest one's score); "
	    "partial: started but never\ncompleted (abandoned, interrupted or "
	    "still running); -: not played.\n");
	if (unmatched > 0)
		rc_buf_printf(b, "%ld session%s tagged with this drill %s none of "
		    "its calls (another scenario or\nseed) and %s not counted.\n",
		    unmatched, unmatched == 1 ? "" : "s", unmatched == 1 ? "is" : "are",
		    unmatched == 1 ? "is" : "are");
}
