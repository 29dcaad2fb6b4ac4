/*
 * policy.c - the creditor's policy and the check of a schedule against it.
 * A limit the policy does not state is never checked, and a check never
 * guesses what the terms do not say: a plan whose days cannot be known is
 * measured by its count of payments, and a call without a date checks a
 * post-dated payment only by the words it was said in.  Money is cents
 * throughout; a breach is worded once, here, for every renderer.
 */
#include "policy.h"

#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "date.h"

/* Payments that differ by less than this are the same (cents). */
#define SLACK 50
/* Days a last payment may fall past a whole month of the plan. */
#define GRACE_DAYS 3

void
rc_policy_init(struct rc_policy *p)
{
	p->set = 0;
	p->min_instalment = RC_POLICY_UNSET;
	p->max_months = RC_POLICY_UNSET;
	p->credit_authority = RC_POLICY_UNSET;
	p->discount_percent = RC_POLICY_UNSET;
	p->post_dated = RC_POLICY_UNSET;
}

const char *
rc_breach_name(enum rc_breach_kind k)
{
	switch (k) {
	case RC_BREACH_INSTALMENT: return "instalment";
	case RC_BREACH_LENGTH: return "length";
	case RC_BREACH_AUTHORITY: return "authority";
	case RC_BREACH_POST_DATED: return "post-dated";
	}
	return "?";
}

static char *
money(int64_t cents, const char *currency, char *buf, size_t size)
{
	return rc_amount_format(rc_units(cents), currency, buf, size);
}

/* What payment CENTS every EVERY comes to in a month. */
static int64_t
monthly(int64_t cents, enum rc_period every)
{
	switch (every) {
	case RC_PERIOD_WEEK: return cents * 52 / 12;
	case RC_PERIOD_FORTNIGHT: return cents * 26 / 12;
	default: return cents;
	}
}

/* The lowest instalment of T at its monthly rate into *LOW (its own
 * amount and period into *CENTS, *EVERY); 0 when T has none.  The first
 * payment is not an instalment, nor a smaller last payment that only
 * clears what is left. */
static int
lowest_instalment(const struct rc_terms *t, int64_t *low, int64_t *cents,
                  enum rc_period *every)
{
	int i, found = 0;

	for (i = 0; i < t->n; i++) {
		const struct rc_part *p = &t->part[i];
		int n = p->count;
		int64_t m;

		if (i == 0)
			n--;            /* the first payment */
		if (i == t->n - 1 && i > 0 && p->count == 1 &&
		    p->cents < t->part[i - 1].cents)
			n = 0;          /* the rest, paid off */
		if (n <= 0)
			continue;
		m = monthly(p->cents, p->every);
		if (!found || m < *low) {
			*low = m;
			*cents = p->cents;
			*every = p->every;
			found = 1;
		}
	}
	return found;
}

/* The day of T's last payment, counted from FROM for undated payments (a
 * month after the one before); RC_DATE_NONE when no day is known at all. */
static int32_t
last_day(const struct rc_terms *t, int32_t from)
{
	int i, n = rc_terms_count(t);
	int32_t prev = from, d = RC_DATE_NONE;
	int64_t c;

	for (i = 0; i < n; i++) {
		rc_terms_payment(t, i, &c, &d);
		if (d == RC_DATE_NONE)
			d = prev == RC_DATE_NONE ? RC_DATE_NONE :
			    rc_date_add_months(prev, 1, 0);
		if (d != RC_DATE_NONE)
			prev = d;
	}
	return prev;
}

/* Months from FROM to LAST, a part month counted whole. */
static int
months_between(int32_t from, int32_t last)
{
	int m;

	for (m = 0; m < 1200; m++)
		if (rc_date_add_months(from, m, 0) + GRACE_DAYS >= last)
			return m;
	return m;
}

/* Months T runs when no day is known: each payment after the first adds
 * its period (an undated one, a month). */
static int
months_counted(const struct rc_terms *t)
{
	double months = 0;
	int i;

	for (i = 0; i < t->n; i++) {
		const struct rc_part *p = &t->part[i];
		int n = i == 0 ? p->count - 1 : p->count;

		months += n / rc_period_per_month(p->every == RC_PERIOD_NONE ?
		    RC_PERIOD_MONTH : p->every);
	}
	return (int)(months + 0.999);
}

/* Is the first payment of T later than TODAY? */
static int
post_dated(const struct rc_terms *t, int32_t today, int32_t *due)
{
	const struct rc_part *p = &t->part[0];

	*due = p->due;
	if (p->due != RC_DATE_NONE)
		return today != RC_DATE_NONE && p->due > today;
	return p->when[0] != '\0' && strcmp(p->when, "today") != 0 &&
	    strcmp(p->when, "now") != 0;
}

int
rc_policy_check(const struct rc_policy *p, const struct rc_terms *t,
                int64_t balance, int32_t today, const char *currency,
                struct rc_breach *out)
{
	char a[48], b[48], c[48];
	int n = 0;

	if (p == NULL || !p->set || t == NULL || t->n == 0)
		return 0;
	if (p->min_instalment != RC_POLICY_UNSET) {
		int64_t low = 0, cents = 0;
		enum rc_period every = RC_PERIOD_NONE;

		if (lowest_instalment(t, &low, &cents, &every) &&
		    low < p->min_instalment) {
			struct rc_breach *r = &out[n++];

			r->kind = RC_BREACH_INSTALMENT;
			r->found = low;
			r->limit = p->min_instalment;
			money(cents, currency, a, sizeof a);
			money(p->min_instalment, currency, b, sizeof b);
			if (every == RC_PERIOD_WEEK || every == RC_PERIOD_FORTNIGHT)
				snprintf(r->text, sizeof r->text, "%s a %s (%s a month) "
				    "is below the %s a month minimum instalment", a,
				    rc_period_name(every), money(low, currency, c,
				    sizeof c), b);
			else
				snprintf(r->text, sizeof r->text, "%s a month is below "
				    "the %s a month minimum instalment", a, b);
		}
	}
	if (p->max_months != RC_POLICY_UNSET) {
		int32_t from = today != RC_DATE_NONE ? today : t->part[0].due;
		int32_t last = last_day(t, from);
		int months = from != RC_DATE_NONE && last != RC_DATE_NONE ?
		    months_between(from, last) : months_counted(t);

		if (months > p->max_months) {
			struct rc_breach *r = &out[n++];

			r->kind = RC_BREACH_LENGTH;
			r->found = months;
			r->limit = p->max_months;
			snprintf(r->text, sizeof r->text, "the plan runs %d months; "
			    "the longest allowed is %d month%s", months, p->max_months,
			    p->max_months == 1 ? "" : "s");
		}
	}
	if ((p->credit_authority != RC_POLICY_UNSET ||
	    p->discount_percent != RC_POLICY_UNSET) && balance > 0) {
		int64_t off = balance - t->total, allowed = 0;

		if (p->credit_authority != RC_POLICY_UNSET)
			allowed += p->credit_authority;
		if (p->discount_percent != RC_POLICY_UNSET)
			allowed += rc_cents(rc_units(balance) * p->discount_percent / 100);
		if (off > allowed + SLACK) {
			struct rc_breach *r = &out[n++];

			r->kind = RC_BREACH_AUTHORITY;
			r->found = off;
			r->limit = allowed;
			money(off, currency, a, sizeof a);
			money(balance, currency, b, sizeof b);
			money(allowed, currency, c, sizeof c);
			snprintf(r->text, sizeof r->text, "the terms take %s off the %s "
			    "balance; your authority to credit or discount is %s", a, b,
			    c);
		}
	}
	if (p->post_dated == 0) {
		int32_t due;

		if (post_dated(t, today, &due)) {
			struct rc_breach *r = &out[n++];

			r->kind = RC_BREACH_POST_DATED;
			r->found = due != RC_DATE_NONE && today != RC_DATE_NONE ?
			    due - today : 0;
			r->limit = 0;
			if (due != RC_DATE_NONE)
				rc_date_say(due, today, a, sizeof a);
			else
				snprintf(a, sizeof a, "%s", t->part[0].when);
			snprintf(r->text, sizeof r->text, "the first payment is due %s, "
			    "not today: post-dated payments are not accepted", a);
		}
	}
	return n;
}

char *
rc_policy_say(const struct rc_policy *p, const char *currency,
              const char *prefix, char *buf, size_t size)
{
	char a[48];
	size_t len = 0;

#define ADD(...) do { \
	int w_; \
	if (len < size) { \
		w_ = snprintf(buf + len, size - len, "%s", prefix); \
		len += w_ > 0 ? (size_t)w_ : 0; \
	} \
	if (len < size) { \
		w_ = snprintf(buf + len, size - len, __VA_ARGS__); \
		len += w_ > 0 ? (size_t)w_ : 0; \
	} \
} while (0)

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (p == NULL || !p->set)
		return buf;
	if (p->min_instalment != RC_POLICY_UNSET)
		ADD("Instalments of at least %s a month.\n",
		    money(p->min_instalment, currency, a, sizeof a));
	if (p->max_months != RC_POLICY_UNSET)
		ADD("Plans of at most %d month%s, from today to the last payment.\n",
		    p->max_months, p->max_months == 1 ? "" : "s");
	if (p->credit_authority != RC_POLICY_UNSET)
		ADD("You may credit up to %s on your own authority; more needs "
		    "approval.\n", money(p->credit_authority, currency, a, sizeof a));
	if (p->discount_percent != RC_POLICY_UNSET)
		ADD("You may discount up to %g%% of the balance on your own "
		    "authority.\n", p->discount_percent);
	if (p->post_dated == 0)
		ADD("No post-dated payments: the first payment is taken today.\n");
	else if (p->post_dated == 1)
		ADD("Post-dated payments are accepted.\n");
#undef ADD
	if (len >= size && size > 0)
		buf[size - 1] = '\0';
	return buf;
}
