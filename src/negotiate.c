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

static double
per_month(enum rc_period p)
{
	switch (p) {
	case RC_PERIOD_WEEK: return 52.0 / 12.0;
	case RC_PERIOD_FORTNIGHT: return 26.0 / 12.0;
	default: return 1.0;
	}
}

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

static void
finish(struct rc_terms *o, double balance, double cash_now, double monthly)
{
	o->total = o->upfront + o->instalment * o->count;
	/* The last instalment is smaller rather than paying past the debt. */
	if (o->total > balance && o->count > 0)
		o->total = balance;
	o->balance_left = balance - o->total;
	if (o->balance_left < 0.005)
		o->balance_left = 0;
	o->affordable = o->upfront <= cash_now + 0.005 &&
	    o->instalment * per_month(o->period) <= monthly + 0.005;
	if (o->when[0] == '\0' && o->upfront > 0)
		snprintf(o->when, sizeof o->when, "today");
}

static int
count_for(double rest, double instalment)
{
	if (instalment <= 0 || rest <= 0)
		return 0;
	return (int)ceil(rest / instalment - 1e-9);
}

void
rc_negotiate_offer(const struct rc_truth *t, const struct rc_stance *s,
                   double balance, const struct rc_terms *standing,
                   struct rc_terms *out)
{
	double reach = rc_negotiate_reach(t, s);

	memset(out, 0, sizeof *out);
	out->upfront = fmax(reach, standing ? standing->upfront : 0);
	if (out->upfront > balance)
		out->upfront = balance;
	if (out->upfront <= 0 && t->monthly > 0) {
		out->instalment = round_down(t->monthly);
		if (out->instalment <= 0)
			out->instalment = t->monthly;
		out->period = RC_PERIOD_MONTH;
		out->count = count_for(balance, out->instalment);
	}
	finish(out, balance, t->cash_now, t->monthly);
}

enum rc_verdict
rc_negotiate_judge(const struct rc_truth *t, const struct rc_stance *s,
                   double balance, const struct rc_terms *standing,
                   const struct rc_proposal *p, struct rc_terms *out)
{
	double reach = rc_negotiate_reach(t, s);
	double most_now = fmax(reach, standing ? standing->upfront : 0);
	double up = p->upfront, inst = p->instalment, factor;
	enum rc_period period = p->period ? p->period : RC_PERIOD_MONTH;
	int count = p->count;

	memset(out, 0, sizeof *out);
	snprintf(out->when, sizeof out->when, "%s", p->when);
	snprintf(out->rest_when, sizeof out->rest_when, "%s", p->rest_when);
	if (up > balance)
		up = balance;

	if (p->kind == RC_PROP_LUMP && up > 0) {
		if (up <= most_now + 0.005) {
			out->upfront = up;
			finish(out, balance, t->cash_now, t->monthly);
			return RC_ACCEPT;
		}
		if (most_now <= 0) {
			if (t->monthly <= 0)
				return RC_REFUSE;
			rc_negotiate_offer(t, s, balance, standing, out);
			return RC_COUNTER_PLAN;
		}
		out->upfront = most_now;
		finish(out, balance, t->cash_now, t->monthly);
		return RC_COUNTER;
	}

	/* A plan ("the rest by the 31st" is one instalment of the rest). */
	if (p->rest && inst <= 0) {
		inst = balance - up;
		count = 1;
	}
	if (inst <= 0 && p->kind == RC_PROP_LUMP) {
		/* A share of an unknown balance: answer with what can be paid. */
		rc_negotiate_offer(t, s, balance, standing, out);
		return most_now > 0 ? RC_COUNTER : t->monthly > 0 ? RC_COUNTER_PLAN :
		    RC_REFUSE;
	}
	if (count <= 0)
		count = count_for(balance - up, inst);
	factor = per_month(period);
	if ((up <= most_now + 0.005 && inst * factor <= t->monthly + 0.005) ||
	    t->honesty <= 3) {
		out->upfront = up;
		out->instalment = inst;
		out->period = period;
		out->count = count;
		finish(out, balance, t->cash_now, t->monthly);
		return RC_ACCEPT_PLAN;
	}
	if (t->monthly <= 0 && most_now <= 0)
		return RC_REFUSE;
	/* Only the part paid at once is too much: the debtor counters that
	 * sum and keeps the instalments proposed (more of them). */
	if (inst * factor <= t->monthly + 0.005 && up > most_now && most_now > 0) {
		out->upfront = most_now;
		out->instalment = inst;
		out->period = period;
		out->count = count_for(balance - most_now, inst);
		finish(out, balance, t->cash_now, t->monthly);
		return RC_COUNTER;
	}
	out->upfront = fmin(up, most_now);
	out->period = period;
	out->instalment = fmin(inst, round_down(t->monthly / factor));
	if (out->instalment <= 0)
		out->instalment = t->monthly / factor;
	out->count = count_for(balance - out->upfront, out->instalment);
	finish(out, balance, t->cash_now, t->monthly);
	return RC_COUNTER_PLAN;
}

/* "december 15" -> "December 15": the reader keeps words lowercase. */
static const char *
proper(const char *when, char *buf, size_t size)
{
	static const char *const names[] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december", "monday", "tuesday", "wednesday", "thursday",
	    "friday", "saturday", "sunday", NULL };
	size_t i, n;

	snprintf(buf, size, "%s", when);
	for (i = 0; names[i]; i++) {
		char *hit = strstr(buf, names[i]);

		n = strlen(names[i]);
		if (hit != NULL && (hit == buf || hit[-1] == ' ') &&
		    (hit[n] == '\0' || hit[n] == ' '))
			*hit = (char)(*hit - 'a' + 'A');
	}
	return buf;
}

char *
rc_negotiate_describe(const struct rc_terms *terms, const char *currency,
                      char *buf, size_t size)
{
	char a[48], b[48], w1[32], w2[32];
	const char *unit = rc_period_name(terms->period);

	if (*unit == '\0')
		unit = "month";
	rc_amount_format(terms->upfront, currency, a, sizeof a);
	rc_amount_format(terms->instalment, currency, b, sizeof b);
	if (terms->instalment <= 0)
		snprintf(buf, size, "%s %s", a, terms->when[0] ?
		    proper(terms->when, w1, sizeof w1) : "today");
	else if (terms->count == 1 && terms->upfront > 0 && terms->rest_when[0])
		snprintf(buf, size, "%s %s and the remaining %s by %s", a,
		    terms->when[0] ? proper(terms->when, w1, sizeof w1) : "today", b,
		    proper(terms->rest_when, w2, sizeof w2));
	else if (terms->count == 1 && terms->upfront > 0)
		snprintf(buf, size, "%s %s and the remaining %s within a %s", a,
		    terms->when[0] ? terms->when : "today", b, unit);
	else if (terms->count == 1)
		snprintf(buf, size, "%s %s", b, terms->rest_when[0] ?
		    proper(terms->rest_when, w2, sizeof w2) : "within a month");
	else if (terms->upfront <= 0)
		snprintf(buf, size, "%s a %s for %d %s%s", b, unit, terms->count,
		    unit, terms->count == 1 ? "" : "s");
	else
		snprintf(buf, size, "%s %s and then %s a %s for %d %s%s", a,
		    terms->when[0] ? terms->when : "today", b, unit, terms->count,
		    unit, terms->count == 1 ? "" : "s");
	/* The last instalment is smaller when the count overshoots the debt. */
	if (terms->instalment > 0 && terms->count > 1) {
		double last = terms->total - terms->upfront -
		    terms->instalment * (terms->count - 1);

		if (last > 0.005 && last < terms->instalment - 0.005) {
			size_t n = strlen(buf);

			rc_amount_format(last, currency, a, sizeof a);
			snprintf(buf + n, size > n ? size - n : 0, " (the last %s)", a);
		}
	}
	return buf;
}
