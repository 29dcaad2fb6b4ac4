/*
 * test_negotiate.c - the bargain model, worked by hand from the formula in
 * docs/scenario-format.md: reach = first + (cash - first) * w, clamped, and
 * plans judged against the monthly amount.
 */
#include <string.h>

#include "harness.h"
#include "negotiate.h"

static struct rc_truth truth = { 600, 200, 300, 0.3, 1, 8 };

static struct rc_proposal
lump(double amount)
{
	struct rc_proposal p;

	memset(&p, 0, sizeof p);
	p.kind = RC_PROP_LUMP;
	p.upfront = amount;
	p.total = amount;
	return p;
}

static struct rc_proposal
plan(double up, double inst, int count, enum rc_period period)
{
	struct rc_proposal p;

	memset(&p, 0, sizeof p);
	p.kind = RC_PROP_PLAN;
	p.upfront = up;
	p.instalment = inst;
	p.count = count;
	p.period = period;
	return p;
}

int
main(void)
{
	struct rc_stance st = { 0, 0, 0, 0, 0 };
	struct rc_terms out, standing;
	struct rc_proposal p;
	struct rc_truth t;
	char buf[160];

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

	/* lumps */
	p = lump(250);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out), RC_ACCEPT);
	RC_CHECK_NUM(out.upfront, 250);
	RC_CHECK_NUM(out.balance_left, 750);
	RC_CHECK_INT(out.affordable, 1);
	RC_CHECK_STR(out.when, "today");
	p = lump(500);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out), RC_COUNTER);
	RC_CHECK_NUM(out.upfront, 300);
	p = lump(2000);                      /* more than the whole balance */
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out), RC_COUNTER);
	RC_CHECK_NUM(out.upfront, 300);
	/* A standing offer above reach is honoured. */
	memset(&standing, 0, sizeof standing);
	standing.upfront = 450;
	p = lump(450);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, &standing, &p, &out),
	    RC_ACCEPT);
	p = lump(480);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, &standing, &p, &out),
	    RC_COUNTER);
	RC_CHECK_NUM(out.upfront, 450);

	/* plans */
	p = plan(0, 200, 5, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out),
	    RC_ACCEPT_PLAN);
	RC_CHECK_INT(out.count, 5);
	RC_CHECK_NUM(out.total, 1000);
	RC_CHECK_NUM(out.balance_left, 0);
	RC_CHECK_INT(out.affordable, 1);
	p = plan(0, 200, 0, RC_PERIOD_MONTH);  /* count worked out: 5 */
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out),
	    RC_ACCEPT_PLAN);
	RC_CHECK_INT(out.count, 5);
	p = plan(0, 300, 0, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out),
	    RC_COUNTER_PLAN);
	RC_CHECK_NUM(out.instalment, 200);
	RC_CHECK_INT(out.count, 5);
	/* $100 a week is ~$433 a month: countered at $45 a week (200/4.33
	 * rounded down to fives), 23 weeks. */
	p = plan(0, 100, 0, RC_PERIOD_WEEK);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out),
	    RC_COUNTER_PLAN);
	RC_CHECK_NUM(out.instalment, 45);
	RC_CHECK_INT(out.period, RC_PERIOD_WEEK);
	RC_CHECK_INT(out.count, 23);
	/* "$300 today and the rest by the end of the month": 700 in one go is
	 * more than 200 a month: countered as 300 now and 200 a month x 4. */
	p = plan(300, 0, 0, RC_PERIOD_NONE);
	p.rest = 1;
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out),
	    RC_COUNTER_PLAN);
	RC_CHECK_NUM(out.upfront, 300);
	RC_CHECK_NUM(out.instalment, 200);
	RC_CHECK_INT(out.count, 4);
	/* Only the upfront part is too much: it is countered (a lump
	 * counter), the instalments kept and their count raised. */
	p = plan(500, 100, 5, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out),
	    RC_COUNTER);
	RC_CHECK_NUM(out.upfront, 300);
	RC_CHECK_NUM(out.instalment, 100);
	RC_CHECK_INT(out.count, 7);
	RC_CHECK_NUM(out.total, 1000);   /* the last instalment is smaller */
	/* Both too much: a plan counter. */
	p = plan(500, 300, 2, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out),
	    RC_COUNTER_PLAN);
	RC_CHECK_NUM(out.upfront, 300);
	RC_CHECK_NUM(out.instalment, 200);

	/* A dishonest debtor agrees to what it cannot keep. */
	t = truth;
	t.honesty = 2;
	p = plan(0, 300, 0, RC_PERIOD_MONTH);
	RC_CHECK_INT(rc_negotiate_judge(&t, &st, 1000, NULL, &p, &out), RC_ACCEPT_PLAN);
	RC_CHECK_INT(out.affordable, 0);
	RC_CHECK_INT(out.count, 4);

	/* Broke: no cash now, a small monthly amount. */
	t.honesty = 8;
	t.can_pay = 0;
	t.cash_now = 0;
	t.first_offer = 0;
	t.monthly = 50;
	p = lump(100);
	RC_CHECK_INT(rc_negotiate_judge(&t, &st, 1000, NULL, &p, &out), RC_COUNTER_PLAN);
	RC_CHECK_NUM(out.instalment, 50);
	RC_CHECK_INT(out.count, 20);
	rc_negotiate_offer(&t, &st, 1000, NULL, &out);
	RC_CHECK_NUM(out.upfront, 0);
	RC_CHECK_NUM(out.instalment, 50);
	t.monthly = 0;
	RC_CHECK_INT(rc_negotiate_judge(&t, &st, 1000, NULL, &p, &out), RC_REFUSE);

	/* The debtor's own offer rises with the rounds, never falls. */
	rc_negotiate_offer(&truth, &st, 1000, NULL, &out);
	RC_CHECK_NUM(out.upfront, 300);
	st.rounds = 1;
	rc_negotiate_offer(&truth, &st, 1000, NULL, &out);
	RC_CHECK_NUM(out.upfront, 390);
	standing = out;
	st.rounds = 0;
	rc_negotiate_offer(&truth, &st, 1000, &standing, &out);
	RC_CHECK_NUM(out.upfront, 390);

	/* Terms in words. */
	p = plan(300, 200, 4, RC_PERIOD_MONTH);
	rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out);
	/* 300 + 4 x 200 is more than the 1,000 owed: the last is $100. */
	RC_CHECK_STR(rc_negotiate_describe(&out, "USD", buf, sizeof buf),
	    "$300 today and then $200 a month for 4 months (the last $100)");
	p = plan(0, 200, 5, RC_PERIOD_MONTH);
	rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out);
	RC_CHECK_STR(rc_negotiate_describe(&out, "EUR", buf, sizeof buf),
	    "€200 a month for 5 months");
	p = lump(250);
	rc_negotiate_judge(&truth, &st, 1000, NULL, &p, &out);
	RC_CHECK_STR(rc_negotiate_describe(&out, "GBP", buf, sizeof buf), "£250 today");
	/* One remaining payment reads as such, not "for 1 month". */
	p = plan(600, 0, 0, RC_PERIOD_NONE);
	p.rest = 1;
	t = truth;
	t.monthly = 500;
	t.first_offer = 600;
	RC_CHECK_INT(rc_negotiate_judge(&t, &st, 1000, NULL, &p, &out), RC_ACCEPT_PLAN);
	RC_CHECK_STR(rc_negotiate_describe(&out, "USD", buf, sizeof buf),
	    "$600 today and the remaining $400 within a month");
	/* Small monthly amounts round to fives, not down to tens. */
	t = truth;
	t.can_pay = 0;
	t.cash_now = 0;
	t.first_offer = 0;
	t.monthly = 75;
	rc_negotiate_offer(&t, &st, 1900, NULL, &out);
	RC_CHECK_NUM(out.instalment, 75);
	RC_CHECK_INT(out.count, 26);
	return RC_TEST_DONE();
}
