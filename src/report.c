/*
 * report.c - aggregating session records for supervisors.  Rows arrive
 * oldest first; each trainee keeps running sums per practice and the
 * scored sessions as points, so every view (table, leaderboard, charts)
 * is a pass over small arrays.  Practice results come from the compact
 * per-score summary ("ID:STATUS:POINTS ..."), which keeps a query over
 * 100,000 sessions a single scan without a join on the results table.
 * Each trainee also keeps a run per scenario (the trend compares a
 * scenario's latest score with its first, never one debtor with another)
 * and, for sessions tagged with a drill, an attempt per drill call (a
 * scenario and seed), found through hash indexes: drill progress is read
 * from the sessions alone, with no SQL of its own.
 */
#include "report.h"

#include <ctype.h>
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
	size_t i, k;

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
	for (i = 0; i < r->nscenarios; i++)
		free(r->scenarios[i].id);
	free(r->scenarios);
	for (i = 0; i < r->ncalls; i++)
		free(r->calls[i].scenario);
	free(r->calls);
	for (i = 0; i < r->ndrills; i++)
		free(r->drills[i]);
	free(r->drills);
	free(r->drill_calls);
	free(r->attempts);
	free(r->call_index);
	free(r->attempt_index);
	for (i = 0; i < r->ntrainees; i++) {
		free(r->trainees[i]->name);
		free(r->trainees[i]->pts);
		free(r->trainees[i]->cells);
		free(r->trainees[i]->runs);
		free(r->trainees[i]->attempts);
		for (k = 0; k < r->trainees[i]->nrules; k++)
			free(r->trainees[i]->rules[k].id);
		free(r->trainees[i]->rules);
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

/* The index of scenario ID, added when new; the last one found is tried
 * first (sessions come in runs of one scenario). */
static size_t
scenario(struct rc_report *r, const char *id)
{
	size_t i, last = r->last_scenario;

	if (last < r->nscenarios && strcmp(r->scenarios[last].id, id) == 0)
		return last;
	for (i = 0; i < r->nscenarios; i++)
		if (strcmp(r->scenarios[i].id, id) == 0)
			return r->last_scenario = i;
	r->scenarios = rc_xreallocarray(r->scenarios, r->nscenarios + 1,
	    sizeof *r->scenarios);
	r->scenarios[r->nscenarios].id = rc_xstrdup(id);
	return r->last_scenario = r->nscenarios++;
}

/* The trainee's run of scenario I, the array grown to hold it. */
static struct rc_report_run *
run_of(struct rc_report_trainee *t, size_t i)
{
	if (i >= t->nruns) {
		t->runs = rc_xreallocarray(t->runs, i + 1, sizeof *t->runs);
		memset(t->runs + t->nruns, 0, (i + 1 - t->nruns) * sizeof *t->runs);
		t->nruns = i + 1;
	}
	return &t->runs[i];
}

/* Drill calls and attempts are found through open-addressing indexes
 * (a drill's seeds may all differ: calls can be many). */
static uint64_t
call_hash(const char *drill, const char *scenario_id, uint64_t seed)
{
	return (hash(drill) * 31 + hash(scenario_id)) ^
	    (seed * 0x9e3779b97f4a7c15u);
}

static size_t
drill_of(const struct rc_report *r, const char *drill)
{
	size_t i;

	for (i = 0; i < r->ndrills; i++)
		if (strcmp(r->drills[i], drill) == 0)
			return i;
	return (size_t)-1;
}

long
rc_report_call_index(const struct rc_report *r, const char *drill,
                     const char *scenario_id, uint64_t seed)
{
	size_t d = drill_of(r, drill), mask, i;

	if (d == (size_t)-1 || r->call_index_cap == 0)
		return -1;
	mask = r->call_index_cap - 1;
	for (i = call_hash(drill, scenario_id, seed) & mask; r->call_index[i];
	    i = (i + 1) & mask) {
		const struct rc_report_call *c = &r->calls[r->call_index[i] - 1];

		if (c->seed == seed && c->drill == d &&
		    strcmp(c->scenario, scenario_id) == 0)
			return (long)(r->call_index[i] - 1);
	}
	return -1;
}

static void
call_index_put(struct rc_report *r, size_t k)
{
	const struct rc_report_call *c = &r->calls[k];
	size_t mask = r->call_index_cap - 1;
	size_t i = call_hash(r->drills[c->drill], c->scenario, c->seed) & mask;

	while (r->call_index[i])
		i = (i + 1) & mask;
	r->call_index[i] = k + 1;
}

/* The index of ROW's drill call, added when new. */
static size_t
drill_call(struct rc_report *r, const struct rc_store_row *row)
{
	const char *sc = row->scenario ? row->scenario : "";
	long k = rc_report_call_index(r, row->drill, sc, row->seed);
	size_t d, i;

	if (k >= 0)
		return (size_t)k;
	if ((d = drill_of(r, row->drill)) == (size_t)-1) {
		r->drills = rc_xreallocarray(r->drills, r->ndrills + 1,
		    sizeof *r->drills);
		r->drill_calls = rc_xreallocarray(r->drill_calls, r->ndrills + 1,
		    sizeof *r->drill_calls);
		r->drills[r->ndrills] = rc_xstrdup(row->drill);
		r->drill_calls[r->ndrills] = 0;
		d = r->ndrills++;
	}
	if (r->ncalls == r->calls_cap) {
		r->calls_cap = r->calls_cap ? 2 * r->calls_cap : 16;
		r->calls = rc_xreallocarray(r->calls, r->calls_cap, sizeof *r->calls);
	}
	r->calls[r->ncalls].scenario = rc_xstrdup(sc);
	r->calls[r->ncalls].seed = row->seed;
	r->calls[r->ncalls].drill = d;
	r->drill_calls[d]++;
	r->ncalls++;
	if (2 * r->ncalls > r->call_index_cap) {
		r->call_index_cap = r->call_index_cap ? 2 * r->call_index_cap : 64;
		free(r->call_index);
		r->call_index = rc_xcalloc(r->call_index_cap, sizeof *r->call_index);
		for (i = 0; i < r->ncalls; i++)
			call_index_put(r, i);
	} else {
		call_index_put(r, r->ncalls - 1);
	}
	return r->ncalls - 1;
}

static uint64_t
attempt_hash(const struct rc_report_trainee *t, size_t call)
{
	return ((uint64_t)(uintptr_t)t * 0x9e3779b97f4a7c15u) ^
	    ((uint64_t)call * 1099511628211u);
}

const struct rc_report_attempt *
rc_report_attempt(const struct rc_report *r, const struct rc_report_trainee *t,
                  size_t call)
{
	size_t mask, i;

	if (r->attempt_index_cap == 0)
		return NULL;
	mask = r->attempt_index_cap - 1;
	for (i = attempt_hash(t, call) & mask; r->attempt_index[i];
	    i = (i + 1) & mask) {
		const struct rc_report_attempt *a =
		    &r->attempts[r->attempt_index[i] - 1];

		if (a->trainee == t && a->call == call)
			return a;
	}
	return NULL;
}

static void
attempt_index_put(struct rc_report *r, size_t k)
{
	size_t mask = r->attempt_index_cap - 1;
	size_t i = attempt_hash(r->attempts[k].trainee, r->attempts[k].call) & mask;

	while (r->attempt_index[i])
		i = (i + 1) & mask;
	r->attempt_index[i] = k + 1;
}

/* The attempt of trainee T at CALL, added when new. */
static struct rc_report_attempt *
attempt_of(struct rc_report *r, struct rc_report_trainee *t, size_t call)
{
	const struct rc_report_attempt *found = rc_report_attempt(r, t, call);
	struct rc_report_attempt *a;
	size_t i;

	if (found != NULL)
		return &r->attempts[found - r->attempts];
	if (r->nattempts == r->attempts_cap) {
		r->attempts_cap = r->attempts_cap ? 2 * r->attempts_cap : 16;
		r->attempts = rc_xreallocarray(r->attempts, r->attempts_cap,
		    sizeof *r->attempts);
	}
	a = &r->attempts[r->nattempts++];
	memset(a, 0, sizeof *a);
	a->trainee = t;
	a->call = call;
	if (2 * r->nattempts > r->attempt_index_cap) {
		r->attempt_index_cap = r->attempt_index_cap ?
		    2 * r->attempt_index_cap : 64;
		free(r->attempt_index);
		r->attempt_index = rc_xcalloc(r->attempt_index_cap,
		    sizeof *r->attempt_index);
		for (i = 0; i < r->nattempts; i++)
			attempt_index_put(r, i);
	} else {
		attempt_index_put(r, r->nattempts - 1);
	}
	if (t->nattempts == t->attempts_cap) {
		t->attempts_cap = t->attempts_cap ? 2 * t->attempts_cap : 8;
		t->attempts = rc_xreallocarray(t->attempts, t->attempts_cap,
		    sizeof *t->attempts);
	}
	t->attempts[t->nattempts++] = r->nattempts - 1;
	return a;
}

static void
add_attempt(struct rc_report *r, struct rc_report_trainee *t,
            const struct rc_store_row *row)
{
	struct rc_report_attempt *a = attempt_of(r, t, drill_call(r, row));

	a->sessions++;
	if (row->status == NULL || strcmp(row->status, "complete") != 0)
		return;
	a->complete++;
	if (row->has_score) {
		a->has_score = 1;
		a->score = (float)row->score;
		a->passed = row->passed != 0;
	}
}

/* The compliance section stored with a row (store.c writes it): the
 * session counted as judged for T when a rule applied in its frame, and
 * each rule breached counted. */
static void
add_compliance(struct rc_report *r, struct rc_report_trainee *t,
               const char *json)
{
	cJSON *o = cJSON_Parse(json), *e;
	const cJSON *rules = cJSON_GetObjectItemCaseSensitive(o, "rules");
	size_t k;

	if (!cJSON_IsArray(rules)) {
		cJSON_Delete(o);
		return;
	}
	cJSON_ArrayForEach(e, rules) {
		const cJSON *a = cJSON_GetObjectItemCaseSensitive(e, "applies");

		if ((cJSON_IsNumber(a) && a->valuedouble != 0) || cJSON_IsTrue(a)) {
			t->judged++;   /* a rule applied: the session was judged */
			break;
		}
	}
	cJSON_ArrayForEach(e, rules) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
		const cJSON *st = cJSON_GetObjectItemCaseSensitive(e, "status");

		if (!cJSON_IsString(id) || !cJSON_IsString(st) ||
		    strcmp(st->valuestring, "breached") != 0)
			continue;
		r->breaches++;
		t->breaches++;
		for (k = 0; k < t->nrules && strcmp(t->rules[k].id,
		    id->valuestring); k++)
			;
		if (k == t->nrules) {
			t->rules = rc_xreallocarray(t->rules, t->nrules + 1,
			    sizeof *t->rules);
			t->rules[t->nrules].id = rc_xstrdup(id->valuestring);
			t->rules[t->nrules++].n = 0;
		}
		t->rules[k].n++;
	}
	cJSON_Delete(o);
}

void
rc_report_add(struct rc_report *r, const struct rc_store_row *row)
{
	struct rc_report_trainee *t = trainee(r, row->trainee ? row->trainee : "");
	struct rc_report_point *p;
	struct rc_report_run *u;
	size_t sc = scenario(r, row->scenario ? row->scenario : "");
	int critical;

	if (r->sessions == 0 || row->started_at < r->first)
		r->first = row->started_at;
	if (row->started_at > r->last)
		r->last = row->started_at;
	r->sessions++;
	t->sessions++;
	u = run_of(t, sc);
	u->sessions++;
	if (row->drill != NULL && *row->drill != '\0')
		add_attempt(r, t, row);
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
	if (u->scored == 0)
		u->first = row->score;
	u->last = row->score;
	u->scored++;
	u->passed += row->passed != 0;
	u->critical += critical;
	u->sum_score += row->score;
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
	p->scenario = sc;
	add_summary(r, t, row->summary);
	if (row->compliance != NULL)
		add_compliance(r, t, row->compliance);
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
rc_report_trend(const struct rc_report_trainee *t, size_t *nscenarios)
{
	double sum = 0;
	size_t i, n = 0;

	for (i = 0; i < t->nruns; i++)
		if (t->runs[i].scored >= 2) {
			sum += (double)t->runs[i].last - (double)t->runs[i].first;
			n++;
		}
	*nscenarios = n;
	return n ? sum / (double)n : 0;
}

const char *
rc_report_trend_cell(const struct rc_report_trainee *t, char *buf, size_t size)
{
	size_t n;
	double trend = rc_report_trend(t, &n);

	if (n == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%+.0f (%zu)", trend, n);
	return buf;
}

const struct rc_report_run *
rc_report_run(const struct rc_report_trainee *t, size_t i)
{
	return i < t->nruns && t->runs[i].sessions > 0 ? &t->runs[i] : NULL;
}

double
rc_report_run_mean(const struct rc_report_run *u)
{
	return u->scored ? u->sum_score / (double)u->scored : 0;
}

void
rc_report_name(struct rc_report *r, const char *name)
{
	size_t i, k;

	for (i = 0; i < r->ntrainees; i++) {
		const char *a = r->trainees[i]->name, *b = name;

		for (k = 0; a[k] && b[k]; k++)
			if (tolower((unsigned char)a[k]) != tolower((unsigned char)b[k]))
				break;
		if (a[k] == '\0' && b[k] == '\0')
			return;
	}
	trainee(r, name);
}

const struct rc_report_attempt *
rc_report_drill_attempt(const struct rc_report *r,
                        const struct rc_report_trainee *t,
                        const struct rc_report_drill *d, size_t i)
{
	long k = rc_report_call_index(r, d->name, d->calls[i].scenario,
	    d->calls[i].seed);

	return k < 0 ? NULL : rc_report_attempt(r, t, (size_t)k);
}

size_t
rc_report_drill_done(const struct rc_report *r,
                     const struct rc_report_trainee *t,
                     const struct rc_report_drill *d)
{
	const struct rc_report_attempt *a;
	size_t i, n = 0;

	for (i = 0; i < d->ncalls; i++)
		n += (a = rc_report_drill_attempt(r, t, d, i)) != NULL &&
		    a->complete > 0;
	return n;
}

long
rc_report_drill_unmatched(const struct rc_report *r,
                          const struct rc_report_drill *d)
{
	size_t dn = drill_of(r, d->name), i, j;
	long n = 0;

	if (dn == (size_t)-1)
		return 0;
	for (i = 0; i < r->nattempts; i++) {
		const struct rc_report_call *c = &r->calls[r->attempts[i].call];
		int ours = 0;

		if (c->drill != dn)
			continue;
		for (j = 0; j < d->ncalls && !ours; j++)
			ours = c->seed == d->calls[j].seed &&
			    strcmp(c->scenario, d->calls[j].scenario) == 0;
		if (!ours)
			n += r->attempts[i].sessions;
	}
	return n;
}

int
rc_report_drill_progress(const struct rc_report *r,
                         const struct rc_report_trainee *t, long *done,
                         long *total)
{
	unsigned char *started;
	size_t i;

	*done = *total = 0;
	if (t->nattempts == 0)
		return 0;
	started = rc_xcalloc(r->ndrills, 1);
	for (i = 0; i < t->nattempts; i++) {
		const struct rc_report_attempt *a = &r->attempts[t->attempts[i]];
		size_t d = r->calls[a->call].drill;

		if (!started[d]) {
			started[d] = 1;
			*total += (long)r->drill_calls[d];
		}
		*done += a->complete > 0;
	}
	free(started);
	return 1;
}

struct ranked_scenario {
	char *id;
	size_t old;               /* its index before sorting */
};

static int
by_scenario_id(const void *a, const void *b)
{
	return strcmp(((const struct ranked_scenario *)a)->id,
	    ((const struct ranked_scenario *)b)->id);
}

void
rc_report_sort_scenarios(struct rc_report *r)
{
	struct ranked_scenario *order;
	size_t *where, i, k;

	if (r->nscenarios < 2)
		return;
	order = rc_xcalloc(r->nscenarios, sizeof *order);
	where = rc_xcalloc(r->nscenarios, sizeof *where);
	for (i = 0; i < r->nscenarios; i++) {
		order[i].id = r->scenarios[i].id;
		order[i].old = i;
	}
	qsort(order, r->nscenarios, sizeof *order, by_scenario_id);
	for (i = 0; i < r->nscenarios; i++) {
		r->scenarios[i].id = order[i].id;
		where[order[i].old] = i;
	}
	r->last_scenario = 0;
	for (i = 0; i < r->ntrainees; i++) {
		struct rc_report_trainee *t = r->trainees[i];
		struct rc_report_run *runs = rc_xcalloc(r->nscenarios, sizeof *runs);

		for (k = 0; k < t->nruns; k++)
			runs[where[k]] = t->runs[k];
		free(t->runs);
		t->runs = runs;
		t->nruns = r->nscenarios;
		for (k = 0; k < t->npts; k++)
			t->pts[k].scenario = where[t->pts[k].scenario];
	}
	free(order);
	free(where);
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
rc_report_local_time(int64_t t, int minutes, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || localtime_r(&tt, &tm) == NULL || (minutes ?
	    strftime(buf, size, "%Y-%m-%d %H:%M", &tm) :
	    strftime(buf, size, "%Y-%m-%d", &tm)) == 0)
		snprintf(buf, size, "-");
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
