/*
 * negotiate.c - the bargain model.  The debtor will pay at once at most
 * "reach", which starts at the first offer and moves toward cash_now as the
 * call earns it (rounds of bargaining, mood, leverage from research, a
 * known reason, a good-faith request); instalments are judged against the
 * truly affordable monthly amount.  The model never invents money: reach
 * never exceeds cash_now, and an unaffordable plan is only ever agreed by a
 * dishonest debtor, marked so the outcome can show it will likely fail.
 */
#include "negotiate.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static double
clamp01(double x)
{
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* Debtors name round figures: fives below a hundred, tens below a
 * thousand, fifties above. */
static double
round_down(double x)
{
	double step = x >= 1000 ? 50 : x >= 100 ? 10 : 5;

	if (x <= 0)
		return 0;
	return floor(x / step + 1e-9) * step;
}

double
rc_negotiate_reach(const struct rc_truth *t, const struct rc_stance *s)
{
	double w, reach;

	if (!t->can_pay || t->cash_now <= 0)
		return 0;
	w = t->concession * s->rounds + 0.1 * s->mood + 0.25 * s->leverage +
	    0.15 * (s->reason_known != 0) + 0.15 * (s->good_faith_asked != 0);
	reach = t->first_offer + (t->cash_now - t->first_offer) * clamp01(w);
	if (reach > t->cash_now)
		reach = t->cash_now;
	/* Round figures, but never below the first offer. */
	return reach >= t->cash_now ? t->cash_now :
	    fmax(round_down(reach), t->first_offer);
}

double
rc_negotiate_capacity(double now, double monthly, int32_t days)
{
	double months;

	if (days <= 0)
		return now;
	/* each month begun since the call brings one monthly amount; a
	 * payment up to three days into a month still counts in the one
	 * before (the 2nd of next month is a month on) */
	months = ceil((double)(days - 3) / 30.4375);
	return now + monthly * (months < 1 ? 1 : months);
}

/* Whether every payment of T, with all paid before it, keeps within
 * capacity. */
static int
fits(const struct rc_terms *t, int32_t today, double now, double monthly)
{
	int i, n = rc_terms_count(t);
	int64_t cents, sum = 0;
	int32_t due, prev = today;

	for (i = 0; i < n; i++) {
		rc_terms_payment(t, i, &cents, &due);
		if (due == RC_DATE_NONE)
			due = rc_date_add_months(prev, 1, 0);
		prev = due;
		sum += cents;
		if ((double)sum > rc_cents(rc_negotiate_capacity(now, monthly, due - today)) + 0.5)
			return 0;
	}
	return 1;
}

int
rc_negotiate_affordable(const struct rc_truth *t, const struct rc_bargain *b,
                        const struct rc_terms *terms)
{
	return fits(terms, b->today == RC_DATE_NONE ? 0 : b->today, t->cash_now,
	    t->monthly);
}

/* The day payments are counted from: the call's date, or a stand-in when
 * it is not known (days then only serve to order and space payments). */
static int32_t
base_day(const struct rc_bargain *b)
{
	return b->today == RC_DATE_NONE ? 0 : b->today;
}

/* T with every payment dated: a first payment said without a day is
 * today, a later one a month after the one before it; words naming no
 * day ("payday") stay. */
static void
dated(const struct rc_terms *in, const struct rc_bargain *b,
      struct rc_terms *out)
{
	int i, before = 0;
	int32_t prev = RC_DATE_NONE;
	*out = *in;
	for (i = 0; i < out->n; i++) {
		struct rc_part *p = &out->part[i];
		int64_t c;
		if (p->due == RC_DATE_NONE && p->when[0] == '\0')
			p->due = prev == RC_DATE_NONE ? base_day(b) :
			    rc_date_add_months(prev, 1, 0);
		before += p->count;
		/* the day of this part's last payment */
		if (p->due != RC_DATE_NONE)
			rc_terms_payment(out, before - 1, &c, &prev);
	}
	rc_terms_finish(out, rc_cents(b->balance));
}

/* A plan: FIRST today (when > 0), then EACH every PERIOD from one period
 * after today until TOTAL is paid. */
static void
plan(struct rc_terms *o, const struct rc_bargain *b, double first, double each,
     enum rc_period per, double total)
{
	int32_t today = base_day(b);
	int64_t left = rc_cents(total) - rc_cents(first);
	int count;

	rc_terms_clear(o);
	rc_terms_add(o, rc_cents(first), 1, RC_PERIOD_NONE, today, NULL);
	if (each > 0 && left > 0) {
		count = (int)ceil((double)left / (double)rc_cents(each) - 1e-9);
		if (count > RC_TERMS_PAYMENTS)
			count = RC_TERMS_PAYMENTS;
		rc_terms_add(o, rc_cents(each), count, per,
		    per == RC_PERIOD_WEEK ? today + 7 : per == RC_PERIOD_FORTNIGHT ?
		    today + 14 : rc_date_add_months(today, 1, 0), NULL);
	}
	rc_terms_finish(o, rc_cents(total));
}

static void
finish(const struct rc_truth *t, const struct rc_bargain *b,
       struct rc_terms *o)
{
	int64_t paid = o->total;

	o->balance_left = rc_cents(b->balance) > paid ?
	    rc_cents(b->balance) - paid : 0;
	o->affordable = rc_negotiate_affordable(t, b, o);
}

void
rc_negotiate_offer(const struct rc_truth *t, const struct rc_stance *s,
                   const struct rc_bargain *b, const struct rc_terms *standing,
                   struct rc_terms *out)
{
	double reach = rc_negotiate_reach(t, s);
	double up = fmax(reach, standing ? rc_units(rc_terms_first(standing,
	    NULL)) : 0);
	double each = 0;

	if (up > b->balance)
		up = b->balance;
	if (up <= 0 && t->monthly > 0) {
		each = round_down(t->monthly);
		if (each <= 0)
			each = t->monthly;
	}
	plan(out, b, up, each, RC_PERIOD_MONTH, up > 0 ? up : b->balance);
	finish(t, b, out);
}

enum rc_verdict
rc_negotiate_judge(const struct rc_truth *t, const struct rc_stance *s,
                   const struct rc_bargain *b, const struct rc_terms *standing,
                   const struct rc_proposal *p, struct rc_terms *out)
{
	double reach = rc_negotiate_reach(t, s);
	double most_now = fmax(reach, standing ? rc_units(rc_terms_first(standing,
	    NULL)) : 0);
	struct rc_terms d;
	enum rc_period per;
	double inst, total, first, factor;
	int one;

	rc_terms_clear(out);
	if (p->terms.n == 0) {
		/* A share of an unknown balance: answer with what can be paid. */
		rc_negotiate_offer(t, s, b, standing, out);
		return most_now > 0 ? RC_COUNTER : t->monthly > 0 ? RC_COUNTER_PLAN :
		    RC_REFUSE;
	}
	dated(&p->terms, b, &d);
	one = rc_terms_count(&d) == 1;
	if (fits(&d, base_day(b), most_now, t->monthly) ||
	    (!one && t->honesty <= 3)) {
		*out = d;
		finish(t, b, out);
		return one ? RC_ACCEPT : RC_ACCEPT_PLAN;
	}
	total = rc_units(d.total);
	if (one) {
		if (most_now <= 0) {
			if (t->monthly <= 0)
				return RC_REFUSE;
			rc_negotiate_offer(t, s, b, standing, out);
			return RC_COUNTER_PLAN;
		}
		plan(out, b, fmin(most_now, total), 0, RC_PERIOD_MONTH,
		    fmin(most_now, total));
		finish(t, b, out);
		return RC_COUNTER;
	}
	if (t->monthly <= 0 && most_now <= 0)
		return RC_REFUSE;
	inst = rc_units(rc_terms_instalment(&d, &per));
	if (per == RC_PERIOD_NONE)
		per = RC_PERIOD_MONTH;
	factor = rc_period_per_month(per);
	first = d.part[0].count == 1 ? rc_units(d.part[0].cents) : 0;
	/* Only the part paid at once is too much: the debtor counters that
	 * sum and keeps the instalments proposed (more of them). */
	if (inst > 0 && inst * factor <= t->monthly + 0.005 && first > most_now &&
	    most_now > 0) {
		plan(out, b, most_now, inst, per, total);
		finish(t, b, out);
		return RC_COUNTER;
	}
	inst = inst > 0 ? fmin(inst, round_down(t->monthly / factor)) :
	    round_down(t->monthly / factor);
	if (inst <= 0)
		inst = t->monthly / factor;
	plan(out, b, fmin(first, most_now), inst, per, total);
	finish(t, b, out);
	return RC_COUNTER_PLAN;
}
