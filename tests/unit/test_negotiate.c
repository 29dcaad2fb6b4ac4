/*
 * test_negotiate.c - the bargain model, worked by hand from the formula in
 * docs/scenario-format.md: reach = first + (cash - first) * w, clamped; a
 * schedule is kept when, on each payment's day, all asked by then is
 * within reach (or cash, for "affordable") plus the monthly amount for
 * each month begun since the call (ceil((days - 3) / 30.4375), at least
 * one after today).  The call is on Wednesday 2026-12-02; a month on is
 * 2027-01-02 (31 days: 1 month), then 02-02 (62: 2), 03-02 (90: 3),
 * 04-02 (121: 4), 05-02 (151: 5).
 */
#include <string.h>

#include "harness.h"
#include "negotiate.h"

static struct rc_truth truth = { 600, 200, 300, 0.3, 1, 8 };
static int32_t T;   /* the call's date */

static struct rc_proposal
lump(double amount)
{
	struct rc_proposal p;

	memset(&p, 0, sizeof p);
	p.kind = RC_PROP_LUMP;
	rc_terms_add(&p.terms, rc_cents(amount), 1, RC_PERIOD_NONE, T, NULL);
	rc_terms_finish(&p.terms, 100000);
	return p;
}

/* UP today (when > 0), then COUNT x EACH every PER from one period on. */
static struct rc_proposal
plan(double up, double each, int count, enum rc_period per)
{
	struct rc_proposal p;

	memset(&p, 0, sizeof p);
	p.kind = RC_PROP_PLAN;
	rc_terms_add(&p.terms, rc_cents(up), 1, RC_PERIOD_NONE, T, NULL);
	rc_terms_add(&p.terms, rc_cents(each), count, per, per == RC_PERIOD_WEEK ?
	    T + 7 : rc_date_add_months(T, 1, 0), NULL);
	rc_terms_finish(&p.terms, 100000);
	return p;
}

static double
first(const struct rc_terms *t, int32_t *due)
{
	return rc_units(rc_terms_first(t, due));
}

static double
each(const struct rc_terms *t, enum rc_period *per)
{
	enum rc_period dummy;

	return rc_units(rc_terms_instalment(t, per ? per : &dummy));
}

int
main(void)
{
	struct rc_stance st = { 0, 0, 0, 0, 0 };
	struct rc_terms out, standing;
	struct rc_bargain b;
	struct rc_proposal p;
	struct rc_truth t;
	enum rc_period per;
	int32_t due;
	char buf[256];

	T = rc_date_from_ymd(2026, 12, 2);
	b.balance = 1000;
	b.today = T;

	/* reach */
	RC_CHECK_NUM(rc_negotiate_reach(&truth, &st), 300);
	st.rounds = 1;                       /* w = .3 -> 390 */
	RC_CHECK_NUM(rc_negotiate_reach(&truth, &st), 390);
	st.rounds = 2; st.mood = 1;          /* w = .7 -> 510 */
	RC_CHECK_NUM(rc_negotiate_reach(&truth, &st), 510);
	st.leverage = 1; st.reason_known = 1; /* w = 1.1 -> cash_now */
	RC_CHECK_NUM(rc_negotiate_reach(&truth, &st), 600);
	st.mood = -20; st.rounds = 0; st.leverage = 0; st.reason_known = 0;
	RC_CHECK_NUM(rc_negotiate_reach(&truth, &st), 300);  /* never below first */
	memset(&st, 0, sizeof st);

	/* One payment today: within reach it is taken, else countered. */
	p = lump(250);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, NULL, &p, &out), RC_ACCEPT);
	RC_CHECK_NUM(first(&out, &due), 250);
	RC_CHECK_INT(due, T);
	RC_CHECK_INT(rc_terms_count(&out), 1);
	RC_CHECK_INT(out.balance_left, 75000);
	RC_CHECK_INT(out.affordable, 1);
	p = lump(500);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, NULL, &p, &out), RC_COUNTER);
	RC_CHECK_NUM(first(&out, &due), 300);
	RC_CHECK_INT(due, T);
	p = lump(2000);                      /* more than the whole balance */
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, NULL, &p, &out), RC_COUNTER);
	RC_CHECK_NUM(first(&out, NULL), 300);
	/* A standing offer above reach is honoured. */
	rc_terms_clear(&standing);
	rc_terms_add(&standing, 45000, 1, RC_PERIOD_NONE, T, NULL);
	rc_terms_finish(&standing, 100000);
	p = lump(450);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, &standing, &p, &out),
	    RC_ACCEPT);
	p = lump(480);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, &standing, &p, &out),
	    RC_COUNTER);
	RC_CHECK_NUM(first(&out, NULL), 450);

	/* $200 a month x 5: by month k, 200k of 300 + 200k. */
	p = plan(0, 200, 5, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, NULL, &p, &out),
	    RC_ACCEPT_PLAN);
	RC_CHECK_INT(rc_terms_count(&out), 5);
	RC_CHECK_NUM(first(&out, &due), 200);
	RC_CHECK_INT(due, rc_date_from_ymd(2027, 1, 2));
	RC_CHECK_INT(out.total, 100000);
	RC_CHECK_INT(out.balance_left, 0);
	RC_CHECK_INT(out.affordable, 1);
	/* $400 a month (400, 400, 200): by Feb 2 (62 days, 2 months) 800 is
	 * more than 300 + 2 * 200 = 700: countered at $200 a month x 5. */
	p = plan(0, 400, 3, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, NULL, &p, &out),
	    RC_COUNTER_PLAN);
	RC_CHECK_NUM(each(&out, &per), 200);
	RC_CHECK_INT(per, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_terms_count(&out), 5);
	RC_CHECK_NUM(rc_units(rc_terms_upfront(&out)), 0);
	/* $100 a week: in week 8 (day 56, 2 months) 800 passes 300 + 2 * 200
	 * = 700: countered at $45 a week (200 / 4.33 rounded down to fives),
	 * 23 payments (22 x 45 = 990, the last $10). */
	p = plan(0, 100, 10, RC_PERIOD_WEEK);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, NULL, &p, &out),
	    RC_COUNTER_PLAN);
	RC_CHECK_NUM(each(&out, &per), 45);
	RC_CHECK_INT(per, RC_PERIOD_WEEK);
	RC_CHECK_INT(rc_terms_count(&out), 23);
	RC_CHECK_INT(out.total, 100000);
	/* $500 today and $100 a month: only the sum today is too much; it is
	 * countered at reach (300) and the instalments kept, more of them. */
	p = plan(500, 100, 5, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, NULL, &p, &out),
	    RC_COUNTER);
	RC_CHECK_NUM(rc_units(rc_terms_upfront(&out)), 300);
	RC_CHECK_NUM(each(&out, NULL), 100);
	RC_CHECK_INT(rc_terms_instalments(&out), 7);
	RC_CHECK_INT(out.total, 100000);   /* the last instalment is smaller */

	/* A dishonest debtor agrees to what it cannot keep: $300 a week is
	 * 900 by day 21, beyond its cash 600 + 200 (the first month). */
	t = truth;
	t.honesty = 2;
	p = plan(0, 300, 4, RC_PERIOD_WEEK);
	RC_CHECK_INT(rc_negotiate_judge(&t, &st, &b, NULL, &p, &out), RC_ACCEPT_PLAN);
	RC_CHECK_INT(out.affordable, 0);
	RC_CHECK_INT(rc_terms_count(&out), 4);
	RC_CHECK_INT(rc_negotiate_affordable(&t, &b, &out), 0);
	/* capacity itself */
	RC_CHECK_NUM(rc_negotiate_capacity(600, 200, 0), 600);
	RC_CHECK_NUM(rc_negotiate_capacity(600, 200, 1), 800);
	RC_CHECK_NUM(rc_negotiate_capacity(600, 200, 33), 800);   /* Jan 4 */
	RC_CHECK_NUM(rc_negotiate_capacity(600, 200, 34), 1000);
	RC_CHECK_NUM(rc_negotiate_capacity(600, 200, 90), 1200);

	/* Broke: no cash now, a small monthly amount. */
	t.honesty = 8;
	t.can_pay = 0;
	t.cash_now = 0;
	t.first_offer = 0;
	t.monthly = 50;
	p = lump(100);
	RC_CHECK_INT(rc_negotiate_judge(&t, &st, &b, NULL, &p, &out), RC_COUNTER_PLAN);
	RC_CHECK_NUM(each(&out, NULL), 50);
	RC_CHECK_INT(rc_terms_count(&out), 20);
	rc_negotiate_offer(&t, &st, &b, NULL, &out);
	RC_CHECK_NUM(rc_units(rc_terms_upfront(&out)), 0);
	RC_CHECK_NUM(each(&out, NULL), 50);
	RC_CHECK_INT(out.affordable, 1);
	t.monthly = 0;
	RC_CHECK_INT(rc_negotiate_judge(&t, &st, &b, NULL, &p, &out), RC_REFUSE);

	/* The debtor's own offer rises with the rounds, never falls. */
	rc_negotiate_offer(&truth, &st, &b, NULL, &out);
	RC_CHECK_NUM(first(&out, &due), 300);
	RC_CHECK_INT(due, T);
	st.rounds = 1;
	rc_negotiate_offer(&truth, &st, &b, NULL, &out);
	RC_CHECK_NUM(first(&out, NULL), 390);
	standing = out;
	st.rounds = 0;
	rc_negotiate_offer(&truth, &st, &b, &standing, &out);
	RC_CHECK_NUM(first(&out, NULL), 390);

	/* Accepted terms in words: 300 + 4 x 200 is more than the 1,000
	 * owed, so the last is $100. */
	p = plan(300, 200, 4, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, &b, NULL, &p, &out),
	    RC_ACCEPT_PLAN);
	RC_CHECK_INT(rc_terms_count(&out), 5);
	RC_CHECK_INT(out.total, 100000);
	rc_terms_say(&out, "USD", T, 0, buf, sizeof buf);
	RC_CHECK(strstr(buf, "$300 today") == buf);
	RC_CHECK(strstr(buf, "$200 a month") != NULL);
	RC_CHECK(strstr(buf, "$100") != NULL);

	/* Small monthly amounts round to fives, not down to tens. */
	t = truth;
	t.can_pay = 0;
	t.cash_now = 0;
	t.first_offer = 0;
	t.monthly = 75;
	b.balance = 1900;
	rc_negotiate_offer(&t, &st, &b, NULL, &out);
	RC_CHECK_NUM(each(&out, NULL), 75);
	RC_CHECK_INT(rc_terms_count(&out), 26);

	/* A new instalment said alone keeps the plan's payment up front:
	 * $900 today and $300 a month, then "400 a month" on $2,340. */
	{
		struct rc_terms base, run, kept;
		int32_t d1 = rc_date_from_ymd(2027, 1, 2);

		rc_terms_clear(&base);
		rc_terms_add(&base, 90000, 1, RC_PERIOD_NONE, T, NULL);
		rc_terms_add(&base, 30000, 5, RC_PERIOD_MONTH, d1, NULL);
		rc_terms_finish(&base, 234000);
		rc_terms_clear(&run);
		rc_terms_add(&run, 40000, 6, RC_PERIOD_MONTH, T, NULL);
		rc_terms_finish(&run, 234000);
		RC_CHECK(rc_terms_new_instalment(&base, &run, 234000, &kept));
		rc_terms_say(&kept, "USD", T, 0, buf, sizeof buf);
		RC_CHECK_STR(buf, "$900 today and then $400 a month for 4 months "
		    "from January 2 (the last $240)");
		RC_CHECK_INT(kept.total, 234000);
		/* not against a plan with nothing up front, nor a lump, nor
		 * the same instalment again */
		RC_CHECK(!rc_terms_new_instalment(&run, &run, 234000, &kept));
		rc_terms_clear(&standing);
		rc_terms_add(&standing, 90000, 1, RC_PERIOD_NONE, T, NULL);
		RC_CHECK(!rc_terms_new_instalment(&standing, &run, 234000, &kept));
		rc_terms_clear(&run);
		rc_terms_add(&run, 30000, 8, RC_PERIOD_MONTH, T, NULL);
		RC_CHECK(!rc_terms_new_instalment(&base, &run, 234000, &kept));
		/* a weekly run does not change a monthly plan */
		rc_terms_clear(&run);
		rc_terms_add(&run, 10000, 10, RC_PERIOD_WEEK, T, NULL);
		RC_CHECK(!rc_terms_new_instalment(&base, &run, 234000, &kept));
	}
	return RC_TEST_DONE();
}
