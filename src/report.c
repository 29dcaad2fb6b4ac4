/*
 * report.c - aggregating session records for supervisors.  Rows arrive
 * oldest first; each trainee keeps running sums per practice and the
 * scored sessions as points, so every view (table, leaderboard, charts)
 * is a pass over small arrays.  Practice results come from the compact
 * per-score summary ("ID:STATUS:POINTS ..."), which keeps a query over
 * 100,000 sessions a single scan without a join on the results table.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "rubric.h"
#include "xmalloc.h"

size_t
rc_report_criticals(const struct rc_store_row *row, struct rc_buf *b)
{
	const cJSON *e;
	cJSON *arr;
	size_t n = 0;

	/* Most sessions have none: "[]" is not parsed. */
	if (!row->has_score || row->critical == NULL ||
	    strchr(row->critical, '{') == NULL)
		return 0;
	if ((arr = cJSON_Parse(row->critical)) == NULL)
		return 0;
	cJSON_ArrayForEach(e, arr) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
		const cJSON *turn = cJSON_GetObjectItemCaseSensitive(e, "turn");

		if (!cJSON_IsObject(e))
			continue;
		if (b != NULL) {
			rc_buf_puts(b, n ? "; " : "");
			rc_buf_puts(b, cJSON_IsString(id) ? id->valuestring : "critical");
			if (cJSON_IsNumber(turn))
				rc_buf_printf(b, " at turn %d", turn->valueint);
		}
		n++;
	}
	cJSON_Delete(arr);
	return n;
}

int
rc_report_terms(const struct rc_store_row *row, struct rc_terms *t)
{
	rc_terms_clear(t);
	return row->agreement != NULL && rc_store_parse_terms(row->agreement,
	    row->call_date, t) == 0;
}

const char *
rc_report_currency(const struct rc_store_row *row)
{
	return row->currency ? row->currency : "";
}

void
rc_report_terms_say(struct rc_buf *b, const struct rc_store_row *row)
{
	struct rc_terms t;
	char words[512];

	if (rc_report_terms(row, &t))
		rc_buf_puts(b, rc_terms_say(&t, rc_report_currency(row),
		    row->call_date, 0, words, sizeof words));
}

struct rc_report *
rc_report_new(void)
{
	return rc_xcalloc(1, sizeof(struct rc_report));
}

static void
agreement_free(struct rc_report_agreement *a)
{
	free(a->trainee);
	free(a->scenario);
	free(a->currency);
	free(a->json);
	memset(a, 0, sizeof *a);
}

void
rc_report_free(struct rc_report *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->npractices; i++)
		free(r->practices[i].id);
	free(r->practices);
	if (r->agreements != NULL)
		for (i = 0; i < RC_REPORT_AGREEMENTS; i++)
			agreement_free(&r->agreements[i]);
	free(r->agreements);
	if (r->criticals != NULL)
		for (i = 0; i < RC_REPORT_CRITICALS; i++) {
			free(r->criticals[i].trainee);
			free(r->criticals[i].scenario);
			free(r->criticals[i].failures);
		}
	free(r->criticals);
	for (i = 0; i < r->ntrainees; i++) {
		free(r->trainees[i]->name);
		free(r->trainees[i]->pts);
		free(r->trainees[i]->cells);
		free(r->trainees[i]);
	}
	free(r->trainees);
	free(r->index);
	free(r);
}

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The index holds trainee number + 1 (0: empty slot). */
static void
index_put(struct rc_report *r, size_t k)
{
	size_t mask = r->index_cap - 1, i = hash(r->trainees[k]->name) & mask;

	while (r->index[i])
		i = (i + 1) & mask;
	r->index[i] = k + 1;
}

static struct rc_report_trainee *
trainee(struct rc_report *r, const char *name)
{
	struct rc_report_trainee *t;
	size_t i, mask;

	if (r->index_cap) {
		mask = r->index_cap - 1;
		for (i = hash(name) & mask; r->index[i]; i = (i + 1) & mask)
			if (strcmp(r->trainees[r->index[i] - 1]->name, name) == 0)
				return r->trainees[r->index[i] - 1];
	}
	if (2 * (r->ntrainees + 1) > r->index_cap) {
		r->index_cap = r->index_cap ? 2 * r->index_cap : 64;
		free(r->index);
		r->index = rc_xcalloc(r->index_cap, sizeof *r->index);
		for (i = 0; i < r->ntrainees; i++)
			index_put(r, i);
	}
	t = rc_xcalloc(1, sizeof *t);
	t->name = rc_xstrdup(name);
	r->trainees = rc_xreallocarray(r->trainees, r->ntrainees + 1,
	    sizeof *r->trainees);
	r->trainees[r->ntrainees++] = t;
	index_put(r, r->ntrainees - 1);
	return t;
}

/* The index of practice ID (N bytes), added when new; GUESS is tried
 * first, since summaries list practices in the same order. */
static size_t
practice(struct rc_report *r, const char *id, size_t n, size_t guess)
{
	size_t i;

	if (guess < r->npractices && strlen(r->practices[guess].id) == n &&
	    memcmp(r->practices[guess].id, id, n) == 0)
		return guess;
	for (i = 0; i < r->npractices; i++)
		if (strlen(r->practices[i].id) == n &&
		    memcmp(r->practices[i].id, id, n) == 0)
			return i;
	r->practices = rc_xreallocarray(r->practices, r->npractices + 1,
	    sizeof *r->practices);
	r->practices[r->npractices].id = rc_xstrndup(id, n);
	r->practices[r->npractices].core = rc_practice_number(id, n) > 0;
	return r->npractices++;
}

/* The points at P in a summary ("1", "0.5", "0" nearly always: read
 * without strtod, which took a third of a report's time at 1M sessions). */
static double
points_at(const char *p)
{
	if ((p[0] == '0' || p[0] == '1') && (p[1] == ' ' || p[1] == '\0'))
		return p[0] - '0';
	if (p[0] == '0' && p[1] == '.' && p[2] == '5' &&
	    (p[3] == ' ' || p[3] == '\0'))
		return 0.5;
	return strtod(p, NULL);
}

static void
add_summary(struct rc_report *r, struct rc_report_trainee *t, const char *s)
{
	size_t k = 0;

	while (s && *s) {
		const char *id = s, *colon = strchr(s, ':'), *st, *pt, *end;
		struct rc_report_cell *c;
		size_t i;

		end = strchr(s, ' ');
		if (end == NULL)
			end = s + strlen(s);
		if (colon == NULL || colon > end)
			break;
		st = colon + 1;
		pt = memchr(st, ':', (size_t)(end - st));
		if (pt == NULL)
			break;
		i = practice(r, id, (size_t)(colon - id), k++);
		if (t->ncells < r->npractices) {
			t->cells = rc_xreallocarray(t->cells, r->npractices,
			    sizeof *t->cells);
			memset(t->cells + t->ncells, 0,
			    (r->npractices - t->ncells) * sizeof *t->cells);
			t->ncells = r->npractices;
		}
		c = &t->cells[i];
		if (strncmp(st, "n/a", 3) != 0) {
			c->n++;
			if (*st == 'm' && st[1] == 'e')
				c->met++;
			else if (*st == 'p')
				c->partial++;
			c->points += points_at(pt + 1);
		}
		s = *end ? end + 1 : end;
	}
}

/* Keeps ROW's agreement in the ring, over the oldest when it is full; the
 * JSON is read only when the list is rendered. */
static void
keep_agreement(struct rc_report *r, const struct rc_store_row *row)
{
	struct rc_report_agreement *a;

	if (r->agreements == NULL)
		r->agreements = rc_xcalloc(RC_REPORT_AGREEMENTS, sizeof *a);
	a = &r->agreements[r->nagreements++ % RC_REPORT_AGREEMENTS];
	agreement_free(a);
	a->id = row->id;
	a->started_at = row->started_at;
	a->trainee = rc_xstrdup(row->trainee ? row->trainee : "");
	a->scenario = rc_xstrdup(row->scenario ? row->scenario : "");
	a->currency = rc_xstrdup(rc_report_currency(row));
	a->json = rc_xstrdup(row->agreement);
	a->call_date = row->call_date;
}

static void
keep_critical(struct rc_report *r, const struct rc_store_row *row)
{
	struct rc_report_critical *c;
	struct rc_buf b = RC_BUF_INIT;

	if (r->criticals == NULL)
		r->criticals = rc_xcalloc(RC_REPORT_CRITICALS, sizeof *c);
	c = &r->criticals[(size_t)(r->critical - 1) % RC_REPORT_CRITICALS];
	free(c->trainee);
	free(c->scenario);
	free(c->failures);
	c->id = row->id;
	c->started_at = row->started_at;
	c->trainee = rc_xstrdup(row->trainee ? row->trainee : "");
	c->scenario = rc_xstrdup(row->scenario ? row->scenario : "");
	rc_report_criticals(row, &b);
	c->failures = rc_xstrdup(rc_buf_str(&b));
	rc_buf_free(&b);
}

const struct rc_report_critical *
rc_report_critical(const struct rc_report *r, size_t i)
{
	long kept = r->critical < RC_REPORT_CRITICALS ? r->critical :
	    RC_REPORT_CRITICALS;

	if ((long)i >= kept)
		return NULL;
	return &r->criticals[(size_t)(r->critical - 1 - (long)i) %
	    RC_REPORT_CRITICALS];
}

const struct rc_report_agreement *
rc_report_agreement(const struct rc_report *r, size_t i)
{
	long kept = r->nagreements < RC_REPORT_AGREEMENTS ? r->nagreements :
	    RC_REPORT_AGREEMENTS;

	if ((long)i >= kept)
		return NULL;
	return &r->agreements[(size_t)(r->nagreements - 1 - (long)i) %
	    RC_REPORT_AGREEMENTS];
}

int
rc_report_agreement_terms(const struct rc_report_agreement *a,
                          struct rc_terms *t)
{
	rc_terms_clear(t);
	return rc_store_parse_terms(a->json, a->call_date, t) == 0;
}

void
rc_report_add(struct rc_report *r, const struct rc_store_row *row)
{
	struct rc_report_trainee *t = trainee(r, row->trainee ? row->trainee : "");
	struct rc_report_point *p;
	int critical;

	if (r->sessions == 0 || row->started_at < r->first)
		r->first = row->started_at;
	if (row->started_at > r->last)
		r->last = row->started_at;
	r->sessions++;
	t->sessions++;
	if (row->agreement != NULL)
		keep_agreement(r, row);
	if (!row->has_score)
		return;
	r->scored++;
	t->scored++;
	r->reviewed += row->nreviewed > 0;
	t->reviewed += row->nreviewed > 0;
	t->passed += row->passed != 0;
	t->sum_practice += row->practice_score;
	t->sum_outcome += row->outcome_score;
	t->sum_score += row->score;
	/* A session with a critical failure did not pass: it is counted, and
	 * its score is no trainee's best. */
	critical = rc_report_criticals(row, NULL) > 0;
	if (critical) {
		r->critical++;
		t->critical++;
		keep_critical(r, row);
	} else if (!t->has_best || row->score > t->best) {
		t->best = row->score;
		t->has_best = 1;
	}
	if (t->npts == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->pts = rc_xreallocarray(t->pts, t->cap, sizeof *t->pts);
	}
	p = &t->pts[t->npts++];
	p->t = row->started_at;
	p->practice = (float)row->practice_score;
	p->outcome = (float)row->outcome_score;
	p->score = (float)row->score;
	p->passed = row->passed;
	p->critical = critical;
	add_summary(r, t, row->summary);
}

static int
by_name(const void *a, const void *b)
{
	const struct rc_report_trainee *x = *(struct rc_report_trainee *const *)a;
	const struct rc_report_trainee *y = *(struct rc_report_trainee *const *)b;

	return strcmp(x->name, y->name);
}

void
rc_report_sort(struct rc_report *r)
{
	size_t i;

	if (r->ntrainees > 1)
		qsort(r->trainees, r->ntrainees, sizeof *r->trainees, by_name);
	if (r->index_cap) {
		memset(r->index, 0, r->index_cap * sizeof *r->index);
		for (i = 0; i < r->ntrainees; i++)
			index_put(r, i);
	}
}

double
rc_report_mean_practice(const struct rc_report_trainee *t)
{
	return t->scored ? t->sum_practice / (double)t->scored : 0;
}

double
rc_report_mean_outcome(const struct rc_report_trainee *t)
{
	return t->scored ? t->sum_outcome / (double)t->scored : 0;
}

double
rc_report_mean_score(const struct rc_report_trainee *t)
{
	return t->scored ? t->sum_score / (double)t->scored : 0;
}

double
rc_report_trend(const struct rc_report_trainee *t, int *ok)
{
	size_t k = t->npts >= 6 ? 3 : t->npts / 2, i;
	double first = 0, last = 0;

	*ok = k > 0;
	if (k == 0)
		return 0;
	for (i = 0; i < k; i++) {
		first += t->pts[i].score;
		last += t->pts[t->npts - 1 - i].score;
	}
	return (last - first) / (double)k;
}

double
rc_report_share_met(const struct rc_report_trainee *t, size_t i)
{
	if (i >= t->ncells || t->cells[i].n == 0)
		return -1;
	return (double)t->cells[i].met / (double)t->cells[i].n;
}

const char *
rc_report_iso_time(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "%s", "");
	return buf;
}

const char *
rc_report_summary_get(const char *summary, const char *id, char *buf,
                      size_t size, double *points)
{
	size_t n = strlen(id);
	const char *p = summary;

	while (p && *p) {
		const char *end = strchr(p, ' ');

		if (end == NULL)
			end = p + strlen(p);
		if ((size_t)(end - p) > n + 1 && strncmp(p, id, n) == 0 &&
		    p[n] == ':') {
			const char *st = p + n + 1, *pt = memchr(st, ':',
			    (size_t)(end - st));

			if (pt == NULL)
				return NULL;
			snprintf(buf, size, "%.*s", (int)(pt - st), st);
			*points = strtod(pt + 1, NULL);
			return buf;
		}
		p = *end ? end + 1 : end;
	}
	return NULL;
}

const struct rc_store_review *
rc_report_review(const struct rc_store_row *row, const char *id)
{
	size_t i;

	for (i = 0; i < row->nreviews; i++)
		if (row->reviews[i].was != NULL &&
		    strcmp(row->reviews[i].practice, id) == 0)
			return &row->reviews[i];
	return NULL;
}

void
rc_report_reviews_brief(struct rc_buf *b, const struct rc_store_row *row)
{
	size_t i, n = 0;

	for (i = 0; i < row->nreviews; i++) {
		const struct rc_store_review *v = &row->reviews[i];

		if (v->was == NULL)
			continue;
		rc_buf_printf(b, "%s%s=%s (was %s, by %s)", n++ ? "; " : "",
		    v->practice, v->status, v->was, v->by);
	}
}

void
rc_report_reviewed_note(struct rc_buf *b, const struct rc_report *r)
{
	if (r->reviewed == 0)
		return;
	rc_buf_printf(b, "Reviewed: %ld session%s carr%s a trainer's override "
	    "(recoup review); the\nreviewed statuses and scores are counted.\n",
	    r->reviewed, r->reviewed == 1 ? "" : "s", r->reviewed == 1 ? "ies" : "y");
}
