/*
 * terms.c - payment schedules: building them, counting out their runs,
 * saying them in words and their one JSON form.  Invariants kept by
 * rc_terms_finish: parts are in order of due date, no payment is zero,
 * total is the exact sum of every payment and never passes the debt it
 * was finished against, and balance_left = debt - total.
 */
#include "terms.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "amount.h"
#include "buf.h"

const char *
rc_period_name(enum rc_period p)
{
	switch (p) {
	case RC_PERIOD_WEEK: return "week";
	case RC_PERIOD_FORTNIGHT: return "fortnight";
	case RC_PERIOD_MONTH: return "month";
	default: return "";
	}
}

double
rc_period_per_month(enum rc_period p)
{
	switch (p) {
	case RC_PERIOD_WEEK: return 52.0 / 12.0;
	case RC_PERIOD_FORTNIGHT: return 26.0 / 12.0;
	default: return 1.0;
	}
}

int64_t
rc_cents(double value)
{
	if (!isfinite(value))
		return 0;
	return (int64_t)llround(value * 100.0);
}

double
rc_units(int64_t cents)
{
	return (double)cents / 100.0;
}

void
rc_terms_clear(struct rc_terms *t)
{
	memset(t, 0, sizeof *t);
}

int
rc_terms_add(struct rc_terms *t, int64_t cents, int count,
             enum rc_period every, int32_t due, const char *when)
{
	struct rc_part *p;

	if (cents <= 0 || count <= 0)
		return 1;
	if (t->n >= RC_TERMS_PARTS)
		return 0;
	p = &t->part[t->n++];
	memset(p, 0, sizeof *p);
	p->cents = cents;
	p->count = count;
	p->every = count > 1 ? every : RC_PERIOD_NONE;
	p->due = due;
	if (due == RC_DATE_NONE && when != NULL)
		snprintf(p->when, sizeof p->when, "%s", when);
	return 1;
}

/* Day of payment K of part P. */
static int32_t
nth_due(const struct rc_part *p, int k)
{
	int y, m, d;

	if (p->due == RC_DATE_NONE || k == 0)
		return p->due;
	switch (p->every) {
	case RC_PERIOD_WEEK: return p->due + 7 * k;
	case RC_PERIOD_FORTNIGHT: return p->due + 14 * k;
	case RC_PERIOD_MONTH:
		rc_date_ymd(p->due, &y, &m, &d);
		return rc_date_add_months(p->due, k, d);
	default: return RC_DATE_NONE;
	}
}

void
rc_terms_finish(struct rc_terms *t, int64_t debt)
{
	int32_t key[RC_TERMS_PARTS], last = INT32_MIN + 1;
	int i, j, k;
	int64_t sum = 0;

	/* Undated parts sort just after the dated part said before them. */
	for (i = 0; i < t->n; i++) {
		if (t->part[i].due != RC_DATE_NONE)
			last = t->part[i].due;
		key[i] = last;
	}
	for (i = 1; i < t->n; i++) {
		struct rc_part p = t->part[i];
		int32_t kk = key[i];

		for (j = i; j > 0 && key[j - 1] > kk; j--) {
			t->part[j] = t->part[j - 1];
			key[j] = key[j - 1];
		}
		t->part[j] = p;
		key[j] = kk;
	}
	for (i = 0; i < t->n; i++) {
		struct rc_part *p = &t->part[i];

		if (debt <= 0 || sum + p->cents * p->count <= debt) {
			sum += p->cents * p->count;
			continue;
		}
		/* Payment K of this part passes the debt: it becomes the rest,
		 * and nothing after it is paid. */
		k = (int)((debt - sum) / p->cents);
		if (k >= p->count)
			k = p->count - 1;
		{
			int64_t rest = debt - sum - p->cents * k;
			int32_t day = nth_due(p, k);
			char when[sizeof p->when];

			memcpy(when, p->when, sizeof when);
			t->n = i;
			if (k > 0) {
				rc_terms_add(t, p->cents, k, p->every, p->due, when);
				sum += p->cents * k;
			}
			if (rest > 0 && rc_terms_add(t, rest, 1, RC_PERIOD_NONE, day, when))
				sum += rest;
		}
		break;
	}
	t->total = sum;
	t->balance_left = debt > sum ? debt - sum : 0;
}

int
rc_terms_count(const struct rc_terms *t)
{
	int i, n = 0;

	for (i = 0; i < t->n; i++)
		n += t->part[i].count;
	return n;
}

int
rc_terms_payment(const struct rc_terms *t, int i, int64_t *cents, int32_t *due)
{
	int k;

	if (i < 0)
		return 0;
	for (k = 0; k < t->n; k++) {
		if (i < t->part[k].count) {
			*cents = t->part[k].cents;
			*due = nth_due(&t->part[k], i);
			return 1;
		}
		i -= t->part[k].count;
	}
	return 0;
}

int64_t
rc_terms_due_by(const struct rc_terms *t, int32_t day, int32_t today)
{
	int i, k;
	int32_t prev = today;
	int64_t sum = 0;

	for (i = 0; i < t->n; i++) {
		const struct rc_part *p = &t->part[i];

		for (k = 0; k < p->count; k++) {
			int32_t d = nth_due(p, k);

			if (d == RC_DATE_NONE)
				d = prev == RC_DATE_NONE ? RC_DATE_NONE :
				    rc_date_add_months(prev, 1, 0);
			if (d != RC_DATE_NONE && d <= day)
				sum += p->cents;
			if (d != RC_DATE_NONE)
				prev = d;
		}
	}
	return sum;
}

int64_t
rc_terms_first(const struct rc_terms *t, int32_t *due)
{
	if (due != NULL)
		*due = t->n > 0 ? t->part[0].due : RC_DATE_NONE;
	return t->n > 0 ? t->part[0].cents : 0;
}

int64_t
rc_terms_upfront(const struct rc_terms *t)
{
	return t->n > 0 && t->part[0].count == 1 ? t->part[0].cents : 0;
}

int
rc_terms_instalments(const struct rc_terms *t)
{
	return rc_terms_count(t) - (rc_terms_upfront(t) > 0);
}

int64_t
rc_terms_instalment(const struct rc_terms *t, enum rc_period *every)
{
	int i;
	int64_t best = 0;

	if (every != NULL)
		*every = RC_PERIOD_NONE;
	for (i = rc_terms_upfront(t) > 0; i < t->n; i++)
		if (t->part[i].cents > best) {
			best = t->part[i].cents;
			if (every != NULL)
				*every = t->part[i].every;
		}
	return best;
}

int
rc_terms_same(const struct rc_terms *a, const struct rc_terms *b)
{
	int i, n = rc_terms_count(a);
	int64_t ca = 0, cb = 0;
	int32_t da = 0, db = 0;

	if (n != rc_terms_count(b))
		return 0;
	for (i = 0; i < n; i++) {
		rc_terms_payment(a, i, &ca, &da);
		rc_terms_payment(b, i, &cb, &db);
		if (ca != cb || da != db)
			return 0;
	}
	return 1;
}

/* ---- words --------------------------------------------------------------- */

/* " today", " on Friday", " on payday", " on a date not set". */
static void
say_when(struct rc_buf *b, int32_t due, const char *when, int32_t today)
{
	char d[48];

	if (due == RC_DATE_NONE && when[0] != '\0') {
		static const char *const bare[] = {
			"next", "this", "each", "every", "in", "when", "within",
			"after", "before", "by", "once", "today", "tomorrow", "now",
			"tonight", NULL
		};
		size_t i, n;
		int plain = 0;

		for (i = 0; bare[i]; i++) {
			n = strlen(bare[i]);
			if (strncmp(when, bare[i], n) == 0 && (when[n] == ' ' ||
			    when[n] == '\0'))
				plain = 1;
		}
		rc_buf_printf(b, plain ? " %s" : " on %s", when);
		return;
	}
	rc_date_say(due, today, d, sizeof d);
	if (due != RC_DATE_NONE && today != RC_DATE_NONE &&
	    (due == today || due == today + 1))
		rc_buf_printf(b, " %s", d);
	else
		rc_buf_printf(b, " %s%s", due == RC_DATE_NONE ? "" : "on ", d);
}

/* Whether part I of T is the smaller last payment of the run before it. */
static int
run_tail(const struct rc_terms *t, int i)
{
	const struct rc_part *r, *p = &t->part[i];

	if (i == 0 || p->count != 1)
		return 0;
	r = &t->part[i - 1];
	return r->count > 1 && p->cents < r->cents &&
	    (r->every != RC_PERIOD_NONE ? p->due == nth_due(r, r->count) &&
	     p->due != RC_DATE_NONE : p->due == RC_DATE_NONE &&
	     strcmp(p->when, r->when) == 0);
}

static void
brief_amount(struct rc_buf *b, int64_t cents)
{
	rc_buf_printf(b, "%lld.%02lld", (long long)(cents / 100),
	    (long long)(cents % 100));
}

char *
rc_terms_brief(const struct rc_terms *t, char *buf, size_t size)
{
	struct rc_buf b = RC_BUF_INIT;
	char d[16];
	int i, k, sep = 0;

	for (i = 0; i < t->n; i++) {
		const struct rc_part *p = &t->part[i];
		const struct rc_part *q = i + 1 < t->n ? &t->part[i + 1] : NULL;
		/* words that name a day the call's date would resolve ("friday")
		 * are a day not known; others ("payday") an unknowable event */
		int count = p->count, run = p->every != RC_PERIOD_NONE ||
		    (p->due == RC_DATE_NONE && p->when[0] &&
		    rc_date_resolve(p->when, 0, 0) == RC_DATE_NONE);

		/* The smaller last payment finishing cut off a run is the
		 * run's own last payment. */
		if (run && q != NULL && q->count == 1 && q->cents < p->cents &&
		    q->due == (p->due == RC_DATE_NONE ? RC_DATE_NONE :
		    nth_due(p, p->count)) && strcmp(q->when, p->when) == 0) {
			count++;
			i++;
		}
		if (run) {
			rc_buf_puts(&b, sep++ ? "; " : "");
			brief_amount(&b, p->cents);
			if (p->due == RC_DATE_NONE || p->every == RC_PERIOD_NONE)
				rc_buf_printf(&b, "/payday x%d", count);
			else
				rc_buf_printf(&b, "/%s x%d from %s", rc_period_name(p->every),
				    count, rc_date_iso(p->due, d, sizeof d));
			continue;
		}
		for (k = 0; k < count; k++) {
			rc_buf_puts(&b, sep++ ? "; " : "");
			brief_amount(&b, p->cents);
			rc_buf_puts(&b, "@");
			rc_buf_puts(&b, p->due == RC_DATE_NONE ? "?" :
			    rc_date_iso(p->due, d, sizeof d));
		}
	}
	if (!sep)
		rc_buf_puts(&b, "none");
	snprintf(buf, size, "%s", rc_buf_str(&b));
	rc_buf_free(&b);
	return buf;
}

char *
rc_terms_say(const struct rc_terms *t, const char *currency, int32_t today,
             int total, char *buf, size_t size)
{
	struct rc_buf b = RC_BUF_INIT;
	char a[48], d[48];
	int i, phrases = 0, nphr = 0;

	for (i = 0; i < t->n; i++)
		nphr += !run_tail(t, i);
	for (i = 0; i < t->n; i++) {
		const struct rc_part *p = &t->part[i];
		int tail = i + 1 < t->n && run_tail(t, i + 1);

		if (run_tail(t, i))
			continue;
		if (phrases > 0)
			rc_buf_puts(&b, phrases == nphr - 1 ? (nphr > 2 ? ", and " :
			    " and ") : ", ");
		if (phrases > 0 && p->count > 1 && phrases == 1 && nphr == 2)
			rc_buf_puts(&b, "then ");
		phrases++;
		rc_amount_format(rc_units(p->cents), currency, a, sizeof a);
		if (p->count == 1) {
			rc_buf_puts(&b, a);
			say_when(&b, p->due, p->when, today);
			continue;
		}
		if (p->every == RC_PERIOD_NONE) {
			rc_buf_printf(&b, "%s", a);
			say_when(&b, RC_DATE_NONE, p->when[0] ? p->when : "a date not set",
			    today);
			rc_buf_printf(&b, ", %d payments", p->count + tail);
		} else {
			const char *u = rc_period_name(p->every);

			rc_buf_printf(&b, "%s a %s for %d %ss", a, u, p->count + tail, u);
			if (p->due != RC_DATE_NONE)
				rc_buf_printf(&b, " from %s", rc_date_say(p->due, today, d,
				    sizeof d));
		}
		if (tail) {
			rc_amount_format(rc_units(t->part[i + 1].cents), currency, a,
			    sizeof a);
			rc_buf_printf(&b, " (the last %s)", a);
		}
	}
	if (t->n == 0)
		rc_buf_puts(&b, "nothing");
	if (total && rc_terms_count(t) > 1) {
		rc_amount_format(rc_units(t->total), currency, a, sizeof a);
		rc_buf_printf(&b, ": %s in all", a);
	}
	snprintf(buf, size, "%s", rc_buf_str(&b));
	rc_buf_free(&b);
	return buf;
}

/* ---- JSON ---------------------------------------------------------------- */

static void
money(struct rc_buf *b, int64_t cents)
{
	rc_buf_printf(b, "%s%lld.%02lld", cents < 0 ? "-" : "",
	    (long long)(cents < 0 ? -cents : cents) / 100,
	    (long long)(cents < 0 ? -cents : cents) % 100);
}

void
rc_terms_json(struct rc_buf *b, const struct rc_terms *t,
              const char *currency, int32_t today)
{
	char words[512], d[16];
	int i, k, first = 1;

	rc_buf_puts(b, "{\"schedule\": [");
	for (i = 0; i < t->n; i++) {
		const struct rc_part *p = &t->part[i];

		for (k = 0; k < p->count; k++) {
			int32_t due = nth_due(p, k);

			rc_buf_puts(b, first ? "{\"amount\": " : ", {\"amount\": ");
			first = 0;
			money(b, p->cents);
			rc_buf_puts(b, ", \"due\": ");
			if (due == RC_DATE_NONE) {
				rc_buf_puts(b, "null, \"when\": ");
				rc_buf_json_string(b, p->when);
			} else {
				rc_buf_printf(b, "\"%s\"", rc_date_iso(due, d, sizeof d));
			}
			/* One of a run ("$640 a month for 2 months"), not a
			 * payment said on its own: read back the same. */
			if (p->count > 1)
				rc_buf_puts(b, ", \"run\": true");
			rc_buf_putc(b, '}');
		}
	}
	rc_buf_puts(b, "], \"total\": ");
	money(b, t->total);
	rc_buf_puts(b, ", \"balance_left\": ");
	money(b, t->balance_left);
	rc_buf_puts(b, ", \"method\": ");
	if (t->method[0])
		rc_buf_json_string(b, t->method);
	else
		rc_buf_puts(b, "null");
	rc_buf_printf(b, ", \"affordable\": %s, \"text\": ",
	    t->affordable ? "true" : "false");
	rc_buf_json_string(b, rc_terms_say(t, currency, today, 0, words,
	    sizeof words));
	rc_buf_putc(b, '}');
}

static double
jnum(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : "";
}

/* The period between days A and B of a run, NONE when not a run step. */
static enum rc_period
step(int32_t a, int32_t b, int32_t start, int k)
{
	int y, m, d;

	if (a == RC_DATE_NONE || b == RC_DATE_NONE)
		return RC_PERIOD_NONE;
	if (b - a == 7)
		return RC_PERIOD_WEEK;
	if (b - a == 14)
		return RC_PERIOD_FORTNIGHT;
	rc_date_ymd(start, &y, &m, &d);
	if (rc_date_add_months(start, k, d) == b && b - a >= 28 && b - a <= 31)
		return RC_PERIOD_MONTH;
	return RC_PERIOD_NONE;
}

/* The schedule written by rc_terms_json, parts as they were: a payment
 * marked "run" continues the run of the part before it when it is the same
 * amount and follows it (the run's next date, or the same undated words);
 * any other payment starts a part. */
static void
from_schedule(const cJSON *arr, struct rc_terms *t)
{
	const cJSON *e;
	int in_run = 0;

	cJSON_ArrayForEach(e, arr) {
		int64_t cents = rc_cents(jnum(e, "amount"));
		int32_t due = RC_DATE_NONE;
		const char *when = jstr(e, "when");
		int run = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "run"));
		struct rc_part *p = t->n > 0 ? &t->part[t->n - 1] : NULL;

		if (!rc_date_parse_iso(jstr(e, "due"), &due))
			due = RC_DATE_NONE;
		if (run && in_run && p != NULL && p->cents == cents) {
			int32_t prev = nth_due(p, p->count - 1);

			if (due == RC_DATE_NONE && p->due == RC_DATE_NONE &&
			    strcmp(p->when, when) == 0) {
				p->count++;
				continue;
			}
			if (p->count == 1 && step(prev, due, p->due, 1) != RC_PERIOD_NONE) {
				p->every = step(prev, due, p->due, 1);
				p->count++;
				continue;
			}
			if (p->count > 1 && p->every != RC_PERIOD_NONE &&
			    nth_due(p, p->count) == due) {
				p->count++;
				continue;
			}
		}
		rc_terms_add(t, cents, 1, RC_PERIOD_NONE, due, when);
		in_run = run;
	}
}

/* The day of a remaining payment in the words of a stored "text" written
 * before schedules ("2,000 today and the remaining 12,200 by December 15",
 * "12,200 by December 15"), which is where that day was kept: the words
 * after the last amount, in lower case, into WHEN ("" when the text names
 * none or says "within a month"). */
static void
old_rest_words(const char *text, int upfront, char *when, size_t size)
{
	const char *p = text;
	size_t i;

	when[0] = '\0';
	if (upfront) {
		if ((p = strstr(text, " the remaining ")) == NULL)
			return;
		p += strlen(" the remaining ");
	}
	/* past the amount ("$12,200", "12,200.50", "EUR 300") */
	while (*p && *p != ' ')
		p++;
	if (strncmp(p, " EUR", 4) == 0 || (p[0] == ' ' && p[1] >= 'A' &&
	    p[1] <= 'Z' && p[2] >= 'A' && p[2] <= 'Z' && p[3] >= 'A' &&
	    p[3] <= 'Z' && p[4] == ' '))
		p += 4;
	while (*p == ' ')
		p++;
	if (*p == '\0' || strncmp(p, "within ", 7) == 0)
		return;
	for (i = 0; p[i] && i + 1 < size; i++)
		when[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] - 'A' + 'a' : p[i]);
	when[i] = '\0';
}

/* Terms stored before schedules: an upfront sum (paid UPFRONT_WHEN,
 * "today" when unsaid), then COUNT instalments a PERIOD apart from one
 * period after it, the last smaller when TOTAL says so.  Two things that
 * shape never held are read back as the words it showed them in: one
 * remaining payment's day (kept only in "text"), and, with nothing
 * upfront, the day the instalments start (UPFRONT_WHEN). */
static void
from_old(const cJSON *o, struct rc_terms *t, int32_t today)
{
	const char *per = jstr(o, "period");
	enum rc_period every = strcmp(per, "week") == 0 ? RC_PERIOD_WEEK :
	    strcmp(per, "fortnight") == 0 ? RC_PERIOD_FORTNIGHT : RC_PERIOD_MONTH;
	int64_t up = rc_cents(jnum(o, "upfront"));
	int64_t inst = rc_cents(jnum(o, "instalment"));
	int64_t total = rc_cents(jnum(o, "total"));
	int count = (int)jnum(o, "count");
	const char *w = jstr(o, "upfront_when");
	int said = w[0] && strcmp(w, "today") != 0 && strcmp(w, "now") != 0;
	int32_t day = rc_date_resolve(w[0] ? w : "today", today, 0);
	int32_t start;
	char rest[sizeof t->part[0].when];

	if (up > 0)
		rc_terms_add(t, up, 1, RC_PERIOD_NONE, day, day == RC_DATE_NONE ?
		    (w[0] ? w : "today") : NULL);
	if (inst <= 0 || count <= 0)
		return;
	/* the instalments' first day: a period after the call or the
	 * upfront payment, or the day said when nothing is paid upfront */
	if (up <= 0 && said) {
		start = day;
	} else {
		int32_t from = up > 0 ? day : rc_date_resolve("today", today, 0);

		start = from == RC_DATE_NONE ? RC_DATE_NONE :
		    every == RC_PERIOD_WEEK ? from + 7 : every == RC_PERIOD_FORTNIGHT ?
		    from + 14 : rc_date_add_months(from, 1, 0);
	}
	if (count == 1) {
		old_rest_words(jstr(o, "text"), up > 0, rest, sizeof rest);
		if (rest[0]) {
			int32_t d = rc_date_resolve(strncmp(rest, "by ", 3) == 0 ?
			    rest + 3 : rest, today, 0);

			rc_terms_add(t, inst, 1, RC_PERIOD_NONE, d, d == RC_DATE_NONE ?
			    rest : NULL);
			return;
		}
		rc_terms_add(t, inst, 1, RC_PERIOD_NONE, start, start ==
		    RC_DATE_NONE ? "within a month" : NULL);
		return;
	}
	rc_terms_add(t, inst, count, every, start, NULL);
	/* the last instalment was smaller when the count overshot the debt */
	if (total > 0 && total < up + inst * count)
		rc_terms_finish(t, total);
}

int
rc_terms_from_json(const cJSON *o, struct rc_terms *t, int32_t today)
{
	const cJSON *arr;

	rc_terms_clear(t);
	if (!cJSON_IsObject(o))
		return 0;
	arr = cJSON_GetObjectItemCaseSensitive(o, "schedule");
	if (cJSON_IsArray(arr))
		from_schedule(arr, t);
	else if (cJSON_GetObjectItemCaseSensitive(o, "upfront") != NULL)
		from_old(o, t, today);
	else
		return 0;
	t->total = rc_cents(jnum(o, "total"));
	t->balance_left = rc_cents(jnum(o, "balance_left"));
	snprintf(t->method, sizeof t->method, "%s", jstr(o, "method"));
	t->affordable = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o,
	    "affordable"));
	return 1;
}

int
rc_terms_new_instalment(const struct rc_terms *base, const struct rc_terms *run,
                        int64_t debt, struct rc_terms *out)
{
	const struct rc_part *r, *head, *was;
	struct rc_terms whole;
	int64_t left;
	int count;

	if (base->n < 2 || run->n < 1)
		return 0;
	r = &run->part[0];
	head = &base->part[0];
	was = &base->part[1];
	if (r->count < 2 || r->every == RC_PERIOD_NONE || head->count != 1 ||
	    was->every != r->every || was->cents == r->cents || r->cents <= 0 ||
	    debt <= head->cents)
		return 0;
	left = debt - head->cents;
	count = (int)((left + r->cents - 1) / r->cents);
	if (count < 1 || count > RC_TERMS_PAYMENTS)
		return 0;
	rc_terms_clear(&whole);
	if (!rc_terms_add(&whole, head->cents, 1, RC_PERIOD_NONE, head->due,
	    head->when[0] ? head->when : NULL) || !rc_terms_add(&whole,
	    r->cents, count, r->every, was->due, was->when[0] ? was->when : NULL))
		return 0;
	rc_terms_finish(&whole, debt);
	*out = whole;
	return 1;
}
