/*
 * test_policy.c - the check of agreed terms against a creditor's policy
 * (src/policy.c): each limit on its own, limits not stated never checked,
 * the smaller last payment of a plan, weekly instalments at their monthly
 * rate, undated payments, and the plain words /case shows.
 */
#include "harness.h"

#include "date.h"
#include "policy.h"
#include "terms.h"

static int32_t T;   /* the call's date */

/* UP today (0: none), then COUNT payments of EACH every PER from the
 * month after the call, finished against DEBT. */
static struct rc_terms
plan(double up, double each, int count, enum rc_period per, double debt)
{
	struct rc_terms t;

	rc_terms_clear(&t);
	if (up > 0)
		rc_terms_add(&t, rc_cents(up), 1, RC_PERIOD_NONE, T, NULL);
	if (count > 0)
		rc_terms_add(&t, rc_cents(each), count, per,
		    per == RC_PERIOD_MONTH ? rc_date_add_months(T, 1, 0) : T + 7, NULL);
	rc_terms_finish(&t, rc_cents(debt));
	return t;
}

static void
test_instalment(void)
{
	struct rc_policy p;
	struct rc_breach b[RC_POLICY_BREACHES];
	struct rc_terms t;

	rc_policy_init(&p);
	p.set = 1;
	p.min_instalment = rc_cents(50);
	/* The observed defect: $25 a month for 76 months on $1,900. */
	t = plan(0, 25, 76, RC_PERIOD_MONTH, 1900);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(1900), T, "USD", b), 1);
	RC_CHECK_INT(b[0].kind, RC_BREACH_INSTALMENT);
	RC_CHECK_INT(b[0].found, 2500);
	RC_CHECK_INT(b[0].limit, 5000);
	RC_CHECK_STR(b[0].text, "$25 a month is below the $50 a month minimum "
	    "instalment");
	/* $80 a month with a smaller last payment of $60: within. */
	t = plan(0, 80, 24, RC_PERIOD_MONTH, 1900);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(1900), T, "USD", b), 0);
	/* A last payment of $20 that clears the rest is not an instalment. */
	t = plan(0, 60, 33, RC_PERIOD_MONTH, 1940);
	RC_CHECK_INT(t.part[t.n - 1].cents, 2000);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(1940), T, "USD", b), 0);
	/* $12 a week is $52 a month: within; $10 a week ($43.33) is not. */
	t = plan(0, 12, 20, RC_PERIOD_WEEK, 240);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(240), T, "USD", b), 0);
	t = plan(0, 10, 20, RC_PERIOD_WEEK, 200);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(200), T, "USD", b), 1);
	RC_CHECK_STR(b[0].text, "$10 a week ($43.33 a month) is below the $50 a "
	    "month minimum instalment");
	/* The first payment is never an instalment: $20 today, $100 later. */
	t = plan(20, 100, 3, RC_PERIOD_MONTH, 320);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(320), T, "USD", b), 0);
	/* One payment: no instalment at all. */
	t = plan(30, 0, 0, RC_PERIOD_NONE, 30);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(30), T, "USD", b), 0);
}

static void
test_length(void)
{
	struct rc_policy p;
	struct rc_breach b[RC_POLICY_BREACHES];
	struct rc_terms t;

	rc_policy_init(&p);
	p.set = 1;
	p.max_months = 6;
	/* Six monthly payments from next month end six months out: within. */
	t = plan(0, 390, 6, RC_PERIOD_MONTH, 2340);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(2340), T, "USD", b), 0);
	/* Seven: a month too long. */
	t = plan(0, 300, 8, RC_PERIOD_MONTH, 2340);
	RC_CHECK_INT(rc_terms_count(&t), 8);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(2340), T, "USD", b), 1);
	RC_CHECK_INT(b[0].kind, RC_BREACH_LENGTH);
	RC_CHECK_INT(b[0].found, 8);
	RC_CHECK_STR(b[0].text, "the plan runs 8 months; the longest allowed is "
	    "6 months");
	/* Without the call's date: counted from the first payment. */
	t = plan(0, 300, 8, RC_PERIOD_MONTH, 2340);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(2340), RC_DATE_NONE, "USD",
	    b), 1);
	RC_CHECK_INT(b[0].found, 7);
	/* Undated payments ("each payday"): counted by their number. */
	rc_terms_clear(&t);
	rc_terms_add(&t, rc_cents(100), 9, RC_PERIOD_NONE, RC_DATE_NONE, "payday");
	rc_terms_finish(&t, rc_cents(900));
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(900), RC_DATE_NONE, "USD",
	    b), 1);
	RC_CHECK_INT(b[0].found, 8);
	/* Weekly for 20 weeks: under five months. */
	t = plan(0, 50, 20, RC_PERIOD_WEEK, 1000);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(1000), T, "USD", b), 0);
}

static void
test_authority(void)
{
	struct rc_policy p;
	struct rc_breach b[RC_POLICY_BREACHES];
	struct rc_terms t;

	rc_policy_init(&p);
	p.set = 1;
	p.credit_authority = rc_cents(750);
	/* $640 off $8,400: within the $750. */
	t = plan(7760, 0, 0, RC_PERIOD_NONE, 8400);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(8400), T, "USD", b), 0);
	/* $1,400 off: beyond. */
	t = plan(7000, 0, 0, RC_PERIOD_NONE, 8400);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(8400), T, "USD", b), 1);
	RC_CHECK_INT(b[0].kind, RC_BREACH_AUTHORITY);
	RC_CHECK_INT(b[0].found, 140000);
	RC_CHECK_STR(b[0].text, "the terms take $1,400 off the $8,400 balance; "
	    "your authority to credit or discount is $750");
	/* A discount of 10% adds to the credit: $750 + $840. */
	p.discount_percent = 10;
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(8400), T, "USD", b), 0);
	/* A discount alone. */
	p.credit_authority = RC_POLICY_UNSET;
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(8400), T, "USD", b), 1);
	RC_CHECK_INT(b[0].limit, 84000);
	/* Neither stated: never checked. */
	p.discount_percent = RC_POLICY_UNSET;
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(8400), T, "USD", b), 0);
}

static void
test_post_dated(void)
{
	struct rc_policy p;
	struct rc_breach b[RC_POLICY_BREACHES];
	struct rc_terms t;

	rc_policy_init(&p);
	p.set = 1;
	p.post_dated = 0;
	/* A payment today and a plan after it: not post-dated. */
	t = plan(2000, 1000, 5, RC_PERIOD_MONTH, 6750);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(6750), T, "USD", b), 0);
	/* Everything on Friday: post-dated. */
	rc_terms_clear(&t);
	rc_terms_add(&t, rc_cents(6750), 1, RC_PERIOD_NONE, T + 4, NULL);
	rc_terms_finish(&t, rc_cents(6750));
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(6750), T, "USD", b), 1);
	RC_CHECK_INT(b[0].kind, RC_BREACH_POST_DATED);
	RC_CHECK_INT(b[0].found, 4);
	RC_CHECK_STR(b[0].text, "the first payment is due Friday, not today: "
	    "post-dated payments are not accepted");
	/* A plan with nothing today. */
	t = plan(0, 1000, 7, RC_PERIOD_MONTH, 6750);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(6750), T, "USD", b), 1);
	RC_CHECK_STR(b[0].text, "the first payment is due December 2, not today: "
	    "post-dated payments are not accepted");
	/* Allowed: nothing to flag. */
	p.post_dated = 1;
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(6750), T, "USD", b), 0);
	/* Undated, said "payday": post-dated whatever the call's date. */
	p.post_dated = 0;
	rc_terms_clear(&t);
	rc_terms_add(&t, rc_cents(500), 1, RC_PERIOD_NONE, RC_DATE_NONE, "payday");
	rc_terms_finish(&t, rc_cents(500));
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(500), RC_DATE_NONE, "USD",
	    b), 1);
}

static void
test_several_and_none(void)
{
	struct rc_policy p;
	struct rc_breach b[RC_POLICY_BREACHES];
	struct rc_terms t;

	rc_policy_init(&p);
	t = plan(0, 25, 76, RC_PERIOD_MONTH, 1900);
	/* No policy stated: nothing is checked. */
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(1900), T, "USD", b), 0);
	RC_CHECK_INT(rc_policy_check(NULL, &t, rc_cents(1900), T, "USD", b), 0);
	/* Every limit broken at once, in order. */
	p.set = 1;
	p.min_instalment = rc_cents(50);
	p.max_months = 12;
	p.credit_authority = 0;
	p.post_dated = 0;
	t = plan(0, 25, 40, RC_PERIOD_MONTH, 1900);
	RC_CHECK_INT(rc_policy_check(&p, &t, rc_cents(1900), T, "USD", b), 4);
	RC_CHECK_INT(b[0].kind, RC_BREACH_INSTALMENT);
	RC_CHECK_INT(b[1].kind, RC_BREACH_LENGTH);
	RC_CHECK_INT(b[2].kind, RC_BREACH_AUTHORITY);
	RC_CHECK_INT(b[3].kind, RC_BREACH_POST_DATED);
	RC_CHECK_STR(rc_breach_name(RC_BREACH_POST_DATED), "post-dated");
}

static void
test_say(void)
{
	struct rc_policy p;
	char buf[512];

	rc_policy_init(&p);
	RC_CHECK_STR(rc_policy_say(&p, "USD", "  ", buf, sizeof buf), "");
	p.set = 1;
	p.min_instalment = rc_cents(50);
	p.max_months = 6;
	p.credit_authority = rc_cents(750);
	p.discount_percent = 5;
	p.post_dated = 0;
	RC_CHECK_STR(rc_policy_say(&p, "USD", "  ", buf, sizeof buf),
	    "  Instalments of at least $50 a month.\n"
	    "  Plans of at most 6 months, from today to the last payment.\n"
	    "  You may credit up to $750 on your own authority; more needs approval.\n"
	    "  You may discount up to 5% of the balance on your own authority.\n"
	    "  No post-dated payments: the first payment is taken today.\n");
	/* A small buffer is cut, never overrun. */
	rc_policy_say(&p, "USD", "", buf, 16);
	RC_CHECK_INT(strlen(buf), 15);
}

int
main(void)
{
	T = rc_date_from_ymd(2026, 11, 2);
	test_instalment();
	test_length();
	test_authority();
	test_post_dated();
	test_several_and_none();
	test_say();
	return RC_TEST_DONE();
}
