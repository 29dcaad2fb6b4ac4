/*
 * test_amount.c - amount.c against tables of phrasings: what is money and
 * what is not, where an amount starts and ends, which lines propose a
 * payment and on what terms, how money is written, and that nothing reads
 * out of bounds on empty, truncated or very long text.  Expectations are
 * what a person reading the line would say (balance 3120 unless noted).
 */
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "terms.h"
#include "harness.h"

#define B 3120.0  /* the balance the proposals are read against */

/* Text and the amounts it holds, in order. */
struct money_case {
	const char *text;
	size_t n;
	double v[3];
};

static const struct money_case money_cases[] = {
	/* figures in words with no hundred: before a rate, asked alone, a
	 * price pair said with a space; "and a half" before a thousand */
	{ "I can manage forty a week", 1, { 40 } },
	{ "sixty per month", 1, { 60 } },
	{ "fifty?", 1, { 50 } },
	{ "six ninety friday", 1, { 690 } },
	{ "three and a half thousand on the 1st", 1, { 3500 } },
	{ "two and a half grand", 1, { 2500 } },
	{ "$1,200", 1, { 1200 } },
	{ "$1200.50", 1, { 1200.5 } },
	{ "1200 dollars", 1, { 1200 } },
	{ "1.2k", 1, { 1200 } },
	{ "$1.2k", 1, { 1200 } },
	{ "2k", 1, { 2000 } },
	{ "twelve hundred", 1, { 1200 } },
	{ "two thousand five hundred", 1, { 2500 } },
	{ "fifteen hundred dollars", 1, { 1500 } },
	{ "a thousand", 1, { 1000 } },
	{ "\xe2\x82\xac" "740", 1, { 740 } },
	{ "740 euros", 1, { 740 } },
	{ "\xc2\xa3" "90.50", 1, { 90.5 } },
	{ "90 pounds", 1, { 90 } },
	{ "USD 300", 1, { 300 } },
	{ "300 bucks", 1, { 300 } },
	{ "$400/month", 1, { 400 } },
	{ "can you pay 900?", 1, { 900 } },
	{ "I'll do 450 now", 1, { 450 } },
	{ "how about 1500 today", 1, { 1500 } },
	{ "TWELVE HUNDRED DOLLARS", 1, { 1200 } },
	{ "Twenty-five hundred", 1, { 2500 } },
	{ "one hundred and fifty quid", 1, { 150 } },
	{ "I could find 5 grand", 1, { 5000 } },
	{ "2 thousand", 1, { 2000 } },
	{ "740\xe2\x82\xac", 1, { 740 } },
	{ "300 USD", 1, { 300 } },
	{ "$0.50", 1, { 0.5 } },
	{ "50 cents", 1, { 0.5 } },
	{ "\xe2\x80\x9c$900\xe2\x80\x9d today", 1, { 900 } },
	{ "I can\xe2\x80\x99t pay $900", 1, { 900 } },
	{ "$1,234,567.89", 1, { 1234567.89 } },
	{ "Invoice 4471 for $1,840 was due on September 15", 1, { 1840 } },
	{ "invoice 4471 is for 1840 euros", 1, { 1840 } },
	{ "I can pay 250 on the 15th of March", 1, { 250 } },
	{ "You owe $3,120; could you pay $1,000 today?", 2, { 3120, 1000 } },
	{ "1,000 now and 200 a week", 2, { 1000, 200 } },
	{ "somewhere between $900 and $1,000", 2, { 900, 1000 } },
	{ "$600 today, $300 on the 1st and $300 by March 3", 3,
	  { 600, 300, 300 } },
};

/* Text with no amount of money in it. */
static const char *const not_money[] = {
	"fifty people came",
	"forty of them",
	"is fifty ok with you?",
	"I'll call you at six thirty friday",
	"six thirty pm",
	"invoice 4471",
	"invoice #4471",
	"INV-2291",
	"inv 2291",
	"Invoice no. 4471",
	"the 31st",
	"on the 15th",
	"2026-09-15",
	"15/09/2026",
	"March 3",
	"3 March 2026",
	"September 15",
	"September 15, 2026",
	"since 2024",
	"back in 2019",
	"555-0134",
	"(555) 013-4477",
	"07700 900123",
	"+44 7700 900123",
	"45 days",
	"6 months",
	"two invoices",
	"three weeks",
	"12 instalments",
	"2 payments",
	"a 30-day extension",
	"at 3pm",
	"I'll call you at 10 am",
	"10:30",
	"25%",
	"fifty percent",
	"account 88213",
	"the account number is 88213",
	"ref 5521",
	"order 10023",
	"PO 7781",
	"FY2024",
	"we have three invoices open: 4471, 4472 and 4473",
	"I live at 221 Baker Street",
	"I've told you a hundred times",
	"version 1.2.3",
	"",
};

/* Where an amount lies in its text. */
static const struct {
	const char *text;
	size_t start, end;
} spans[] = {
	{ "pay \xe2\x82\xac" "740 now", 4, 10 },
	{ "fifteen hundred dollars please", 0, 23 },
	{ "USD 300", 0, 7 },
	{ "ok, $1,200.50.", 4, 13 },
	{ "say 1.2k?", 4, 8 },
	{ "$400/month", 0, 4 },
};

struct prop_case {
	const char *text;
	double balance;
	enum rc_prop_kind kind;
	double upfront, share, instalment;
	int count;
	enum rc_period period;
	int rest;
	double total;
	const char *when, *rest_when;
};

#define LUMP RC_PROP_LUMP
#define PLAN RC_PROP_PLAN
#define NOP RC_PERIOD_NONE
#define WK RC_PERIOD_WEEK
#define FN RC_PERIOD_FORTNIGHT
#define MO RC_PERIOD_MONTH

static const struct prop_case prop_cases[] = {
	/* text, balance, kind, upfront, share, instalment, count, period,
	 * rest, total, when, rest_when */
	{ "$900 today", B, LUMP, 900, 0, 0, 0, NOP, 0, 900, "today", "" },
	{ "Could you make it $1,840 today as a good-faith payment, and then $640 a month for 2 months?",
	  B, PLAN, 1840, 0, 640, 2, MO, 0, 3120, "today", "" },
	/* A lateness word after the comma belongs to the rest, not to $900. */
	{ "$900 today, and the rest is due by Friday", B, PLAN, 900, 0, 2220, 1, NOP,
	  1, 3120, "today", "friday" },
	{ "Could you do half now?", B, LUMP, 1560, .5, 0, 0, NOP, 0, 1560,
	  "now", "" },
	{ "I can pay 25% today", B, LUMP, 780, .25, 0, 0, NOP, 0, 780,
	  "today", "" },
	{ "Could you manage a third of it?", B, LUMP, 1040, 1.0 / 3, 0, 0, NOP,
	  0, 1040, "", "" },
	{ "a third of it", B, LUMP, 1040, 1.0 / 3, 0, 0, NOP, 0, 1040, "", "" },
	{ "Can you pay the full amount?", B, LUMP, 3120, 1, 0, 0, NOP, 0, 3120,
	  "", "" },
	{ "I could clear the whole balance by Friday.", B, LUMP, 3120, 1, 0, 0,
	  NOP, 0, 3120, "friday", "" },
	{ "Could you do half of the balance?", B, LUMP, 1560, .5, 0, 0, NOP, 0,
	  1560, "", "" },
	{ "Could you settle for 80%?", B, LUMP, 2496, .8, 0, 0, NOP, 0, 2496,
	  "", "" },
	{ "I can do half", 0, LUMP, 0, .5, 0, 0, NOP, 0, 0, "", "" },
	{ "can you pay 900?", B, LUMP, 900, 0, 0, 0, NOP, 0, 900, "", "" },
	{ "I'll do 450 now", B, LUMP, 450, 0, 0, 0, NOP, 0, 450, "now", "" },
	{ "how about 1500 today", B, LUMP, 1500, 0, 0, 0, NOP, 0, 1500,
	  "today", "" },
	{ "900?", B, LUMP, 900, 0, 0, 0, NOP, 0, 900, "", "" },
	{ "Today I can do 700.", B, LUMP, 700, 0, 0, 0, NOP, 0, 700, "today",
	  "" },
	{ "Would you accept $2,500 to settle the account?", B, LUMP, 2500, 0, 0,
	  0, NOP, 0, 2500, "", "" },
	{ "Can you do 2k by the end of the week?", B, LUMP, 2000, 0, 0, 0, NOP,
	  0, 2000, "end of the week", "" },
	{ "Would you do \xe2\x82\xac" "740 today?", B, LUMP, 740, 0, 0, 0, NOP,
	  0, 740, "today", "" },
	{ "USD 300 by Monday?", B, LUMP, 300, 0, 0, 0, NOP, 0, 300, "monday",
	  "" },
	{ "I could pay \xc2\xa3" "90.50 right now", B, LUMP, 90.5, 0, 0, 0, NOP,
	  0, 90.5, "now", "" },
	{ "Could you pay twelve hundred dollars by the 1st of next month?", B,
	  LUMP, 1200, 0, 0, 0, NOP, 0, 1200, "the 1st of next month", "" },
	{ "You owe $3,120; could you pay $1,000 today?", B, LUMP, 1000, 0, 0, 0,
	  NOP, 0, 1000, "today", "" },
	{ "You owe $3,120 but could you pay $1,000 today?", B, LUMP, 1000, 0,
	  0, 0, NOP, 0, 1000, "today", "" },
	{ "Could you pay $1,000 of the $3,120 you owe?", B, LUMP, 1000, 0, 0,
	  0, NOP, 0, 1000, "", "" },
	{ "Can you pay the invoice for $1,840 today?", B, LUMP, 1840, 0, 0, 0,
	  NOP, 0, 1840, "today", "" },
	{ "You owe $3,120. Can you pay the full amount today?", B, LUMP, 3120,
	  1, 0, 0, NOP, 0, 3120, "today", "" },
	{ "I can't do 900, but I could do 500 on Friday", B, LUMP, 500, 0, 0,
	  0, NOP, 0, 500, "friday", "" },
	{ "My payday is Friday, so I could send you 400 then.", B, LUMP, 400,
	  0, 0, 0, NOP, 0, 400, "friday", "" },
	{ "Are you able to pay the $3,120 balance today?", B, LUMP, 3120, 0, 0,
	  0, NOP, 0, 3120, "today", "" },
	{ "Could you make a payment of $1,000 by Friday?", B, LUMP, 1000, 0, 0,
	  0, NOP, 0, 1000, "friday", "" },

	{ "$400 a month for 6 months", B, PLAN, 0, 0, 400, 6, MO, 0, 2400, "",
	  "" },
	{ "400 monthly for six months", B, PLAN, 0, 0, 400, 6, MO, 0, 2400,
	  "", "" },
	{ "$400/month for the next 6 months", B, PLAN, 0, 0, 400, 6, MO, 0,
	  2400, "", "" },
	{ "$200 a week", B, PLAN, 0, 0, 200, 16, WK, 0, 3120, "", "" },
	{ "$150 every two weeks", B, PLAN, 0, 0, 150, 21, FN, 0, 3120, "", "" },
	{ "$100 every Friday until it's paid", B, PLAN, 0, 0, 100, 32, WK, 0, 3120,
	  "", "friday" },
	{ "I can do $250 a fortnight starting next week.", B, PLAN, 0, 0, 250,
	  13, FN, 0, 3120, "next week", "next week"},
	/* a count with no period: payments on days not said */
	{ "Six payments of $500", B, PLAN, 0, 0, 500, 6, NOP, 0, 3000, "", "" },
	{ "What about 3 payments of $1,040?", B, PLAN, 0, 0, 1040, 3, NOP, 0,
	  3120, "", "" },
	{ "Pay $50 a week for 10 weeks", B, PLAN, 0, 0, 50, 10, WK, 0, 500, "",
	  "" },
	{ "Could you do $300 every 2 weeks for 10 weeks?", B, PLAN, 0, 0, 300,
	  5, FN, 0, 1500, "", "" },
	{ "I can only do $100 a month for a year.", B, PLAN, 0, 0, 100, 12, MO,
	  0, 1200, "", "" },
	{ "I can't pay more than $200 a month.", B, PLAN, 0, 0, 200, 16, MO, 0,
	  3120, "", "" },
	{ "How about $1,200 over 6 months?", B, PLAN, 0, 0, 200, 6, MO, 0,
	  1200, "", "" },
	{ "Pay it off over 4 months", B, PLAN, 0, 0, 780, 4, MO, 0, 3120, "",
	  "" },
	{ "Can you pay it in 4 monthly instalments?", B, PLAN, 0, 0, 780, 4,
	  MO, 0, 3120, "", "" },
	{ "Could you pay it off in 12 months?", B, PLAN, 0, 0, 260, 12, MO, 0,
	  3120, "", "" },
	{ "I could pay off the balance in 6 months.", B, PLAN, 0, 1, 520, 6,
	  MO, 0, 3120, "", "" },
	{ "I can do 12 monthly payments of $260.", B, PLAN, 0, 0, 260, 12, MO,
	  0, 3120, "", "" },
	{ "Let's do $2,000 today and the remaining $1,120 by the end of the "
	  "month.", B, PLAN, 2000, 0, 1120, 1, NOP, 1, 3120, "today",
	  "end of the month" },
	{ "$600 today and the rest by the 31st", B, PLAN, 600, 0, 2520, 1, NOP, 1,
	  3120, "today", "the 31st" },
	/* With the balance unknown "the rest" has no size: only $600 is a
	 * payment that can be booked. */
	{ "$600 today and the rest by the 31st", 0, LUMP, 600, 0, 0, 0, NOP, 1,
	  600, "today", "" },
	{ "$600 now and the balance by the end of the month.", B, PLAN, 600, 0,
	  2520, 1, NOP, 1, 3120, "now", "end of the month" },
	{ "Half now and the other half next Friday?", B, PLAN, 1560, .5, 1560, 1,
	  NOP, 1, 3120, "now", "next friday" },
	{ "$600 today and the rest over 4 months", B, PLAN, 600, 0, 630, 4, MO,
	  1, 3120, "today", "" },
	{ "Let's say a quarter today and the remainder in three monthly "
	  "payments.", B, PLAN, 780, .25, 780, 3, MO, 1, 3120, "today", "" },
	{ "1,000 now and 200 a week", B, PLAN, 1000, 0, 200, 11, WK, 0, 3120,
	  "now", "" },
	{ "Could you pay twelve hundred now and six hundred a month for three "
	  "months?", B, PLAN, 1200, 0, 600, 3, MO, 0, 3000, "now", "" },
	{ "Can you pay 1500 now and 540 a month for 3 months?", B, PLAN, 1500,
	  0, 540, 3, MO, 0, 3120, "now", "" },
	{ "I'll send 300 tomorrow and 300 every month after that", B, PLAN, 300,
	  0, 300, 10, MO, 0, 3120, "tomorrow", "" },
	{ "Could we say $500 today and $500 on Friday?", B, PLAN, 500, 0, 500,
	  1, NOP, 0, 1000, "today", "friday" },
};

/* Lines that propose nothing (balance 3120). */
static const char *const not_proposals[] = {
	"I'll put it all in writing for you.",
	"We sold 1,400 coffees on Saturday.",
	"I'm calling about invoices INV-2291 for $1,840 and INV-2307 for $1,280, now 47 days overdue.",
	"If a payment is missed, the full balance becomes due.",
	"I'll send everything over by email today.",
	"Two invoices are open: INV-2291 for $1,840, due September 15, and INV-2307 for $1,280, due October 1.",
	"Your balance is $3,120.",
	"Invoice 4471 for $1,840 was due on September 15.",
	"You owe $3,120 in total.",
	"The outstanding amount is $3,120.",
	"The total comes to $3,120.",
	"$3,120.",
	"I paid $500 last month.",
	"I made a payment of $500 last week.",
	"Your last payment of $200 was on March 3.",
	"I earn about 1,800 a month.",
	"My rent is $1,200 a month.",
	"I can't pay $900.",
	"I won't pay a thousand dollars.",
	"$900 is too much for me.",
	"We have two invoices.",
	"It's been 45 days.",
	"We sent you 3 reminders in 6 months.",
	"The late fee is 5%.",
	"Can you pay by the 15th?",
	"Could you call me back at 10:30?",
	"Hello, this is Sam from Acme Supplies.",
	"I've been a customer since 2019.",
	"Call me on 555-0134.",
	"Invoices 4471 and 4472 are both overdue.",
	"Your account number is 88213 and the reference is 5521.",
	"I'll be there at 3pm on the 15th.",
	"I'll pay you in 2 weeks.",
	"I don't have 900.",
	"Can you confirm the $3,120 balance?",
	"$3,120 is a lot of money.",
	"I lost my job 3 months ago.",
	/* a figure turned down, income said with a rate */
	"$250 a week is no use to me, sorry.",
	"I only get $1,900 a month take home.",
	"My paycheck is $800 every two weeks.",
	"$600 by Monday? I honestly can't.",
	"",
};

static const struct {
	double value;
	const char *currency;
	const char *want;
} formats[] = {
	{ 1840, "USD", "$1,840" },
	{ 1840.5, "USD", "$1,840.50" },
	{ 740, "EUR", "\xe2\x82\xac" "740" },
	{ 740.5, "EUR", "\xe2\x82\xac" "740.50" },
	{ 90, "GBP", "\xc2\xa3" "90" },
	{ 1840, "CHF", "1,840 CHF" },
	{ 1840, "JPY", "1,840 JPY" },
	{ -1840, "USD", "-$1,840" },
	{ -1840.25, "CHF", "-1,840.25 CHF" },
	{ 0, "USD", "$0" },
	{ -0.001, "USD", "$0" },
	{ 12.3, "USD", "$12.30" },
	{ 999.996, "USD", "$1,000" },
	{ 1234567.891, "USD", "$1,234,567.89" },
	{ 1e6, "GBP", "\xc2\xa3" "1,000,000" },
	{ 100, "usd", "$100" },
	{ 100, NULL, "100" },
	{ 100, "", "100" },
};

static void
test_money(void)
{
	struct rc_money m[RC_AMOUNT_MAX];
	size_t k, j, n;

	for (k = 0; k < sizeof money_cases / sizeof money_cases[0]; k++) {
		const struct money_case *c = &money_cases[k];

		n = rc_amount_find(c->text, m, RC_AMOUNT_MAX);
		if (n != c->n)
			fprintf(stderr, "  in \"%s\"\n", c->text);
		RC_CHECK_INT(n, c->n);
		for (j = 0; j < n && j < c->n; j++)
			RC_CHECK_NUM(m[j].value, c->v[j]);
	}
	for (k = 0; k < sizeof not_money / sizeof not_money[0]; k++) {
		n = rc_amount_find(not_money[k], m, RC_AMOUNT_MAX);
		if (n != 0)
			fprintf(stderr, "  in \"%s\": %.2f\n", not_money[k],
			        m[0].value);
		RC_CHECK_INT(n, 0);
	}
	for (k = 0; k < sizeof spans / sizeof spans[0]; k++) {
		n = rc_amount_find(spans[k].text, m, RC_AMOUNT_MAX);
		RC_CHECK_INT(n, 1);
		RC_CHECK_INT(m[0].start, spans[k].start);
		RC_CHECK_INT(m[0].end, spans[k].end);
	}
}

/* The words the last of two or more parts was said with (the call's date
 * is not known, so no day is), else "". */
static const char *
rest_when(const struct rc_proposal *p)
{
	const struct rc_terms *t = &p->terms;

	return t->n > 1 ? t->part[t->n - 1].when : "";
}

static void
test_proposals(void)
{
	struct rc_proposal p;
	struct rc_deal_case b;
	size_t k;

	memset(&b, 0, sizeof b);
	b.balance = B;
	b.today = RC_DATE_NONE;

	for (k = 0; k < sizeof prop_cases / sizeof prop_cases[0]; k++) {
		const struct prop_case *c = &prop_cases[k];
		int failed = rc_test_failed;

		enum rc_period every = RC_PERIOD_NONE;
		struct rc_deal_case dc;

		memset(&dc, 0, sizeof dc);
		dc.balance = c->balance;
		dc.today = RC_DATE_NONE;
		RC_CHECK_INT(rc_amount_proposal(c->text, &dc, &p), c->kind);
		RC_CHECK_INT(p.kind, c->kind);
		RC_CHECK_NUM(p.upfront, c->upfront);
		RC_CHECK_NUM(p.share, c->share);
		RC_CHECK_NUM(p.instalment, c->instalment);
		rc_terms_instalment(&p.terms, &every);
		RC_CHECK_INT(rc_terms_instalments(&p.terms), c->count);
		RC_CHECK_INT(every, c->period);
		RC_CHECK_INT(p.rest, c->rest);
		RC_CHECK_NUM(p.total, c->total);
		RC_CHECK_STR(p.when, c->when);
		RC_CHECK_STR(rest_when(&p), c->rest_when);
		if (rc_test_failed != failed)
			fprintf(stderr, "  in \"%s\"\n", c->text);
	}
	for (k = 0; k < sizeof not_proposals / sizeof not_proposals[0]; k++) {
		int failed = rc_test_failed;

		RC_CHECK_INT(rc_amount_proposal(not_proposals[k], &b, &p),
		             RC_PROP_NONE);
		RC_CHECK_NUM(p.upfront, 0);
		RC_CHECK_NUM(p.total, 0);
		RC_CHECK_STR(p.when, "");
		if (rc_test_failed != failed)
			fprintf(stderr, "  in \"%s\"\n", not_proposals[k]);
	}
	/* and nothing that is not money proposes anything either */
	for (k = 0; k < sizeof not_money / sizeof not_money[0]; k++) {
		int failed = rc_test_failed;

		if (strcmp(not_money[k], "25%") == 0 ||
		    strcmp(not_money[k], "fifty percent") == 0)
			continue;  /* a bare share may be an offer */
		RC_CHECK_INT(rc_amount_proposal(not_money[k], &b, &p),
		             RC_PROP_NONE);
		if (rc_test_failed != failed)
			fprintf(stderr, "  in \"%s\"\n", not_money[k]);
	}
}

/* Lines read against a call on Tuesday 2027-11-16 with 2400 owed (invoices
 * INV-5521 for 1100 and INV-5530 for 700 among it), and the schedule a
 * person would write down (rc_terms_brief). */
static const struct {
	const char *text, *brief;
} sched_cases[] = {
	/* found by fuzz_amount: a day too far from the payment before it,
	 * which has no day of its own, read it[-1] (AddressSanitizer) */
	{ "$600 to*iy and the ers00 to*iy and tt by the 31st", "none" },
	/* holidays name days */
	{ "I could send 600 on Christmas Eve", "600.00@2027-12-24" },
	{ "400 by xmas and the rest on boxing day",
	  "400.00@2027-12-25; 2000.00@2027-12-26" },
	{ "800 on new year's day", "800.00@2028-01-01" },
	{ "I'll send 500 on halloween", "500.00@2028-10-31" },
	/* weekday abbreviations, "wk", and "+" between parts */
	{ "300 thurs + 300 next wk", "300.00@2027-11-18; 300.00@2027-11-23" },
	{ "900 on sat", "900.00@2027-11-20" },
	/* days counted from the payment before */
	{ "500 friday and 500 the following friday",
	  "500.00@2027-11-19; 500.00@2027-11-26" },
	{ "700 on monday, 700 the thursday after that",
	  "700.00@2027-11-22; 700.00@2027-11-25" },
	/* runs: from a weekday, every other weekday, open-ended */
	{ "250 every tuesday", "250.00/week x10 from 2027-11-23" },
	{ "600 every other thursday", "600.00/fortnight x4 from 2027-11-18" },
	/* a figure struck out by a correction is no payment, and what is
	 * said after it still belongs to the figure corrected to */
	{ "I meant 300 a month, not 200, from the 1st",
	  "300.00/month x8 from 2027-12-01" },
	{ "500 today, not 400", "500.00@2027-11-16" },
	/* a rest talked over or let go is no payment */
	{ "300 on friday and we can discuss the remainder later",
	  "300.00@2027-11-19" },
	{ "1200 by monday and we'll forgive the rest", "1200.00@2027-11-22" },
	/* "a week later", "the one after that": from the payment before */
	{ "400 monday, 350 two weeks later",
	  "400.00@2027-11-22; 350.00@2027-12-06" },
	{ "200 friday, 200 the friday after, 200 the one after that",
	  "200.00@2027-11-19; 200.00@2027-11-26; 200.00@2027-12-03" },
	{ "500 on the 1st and 500 the one after",
	  "500.00@2027-12-01; 500.00@2028-01-01" },
	/* an invoice named after the amount that pays it is that payment */
	{ "1100, that's INV-5521, on friday and 700 the friday after",
	  "1100.00@2027-11-19; 700.00@2027-11-26" },
	{ "can i do 700 - that's 5530 - tomorrow", "700.00@2027-11-17" },
	/* a price said as a pair ("three-fifty"), and a figure in words
	 * struck out by a correction */
	{ "could do three-fifty on monday", "350.00@2027-11-22" },
	{ "sorry, four-twenty, not four hundred, by friday",
	  "420.00@2027-11-19" },
	{ "I said 600, not five hundred, on the 1st", "600.00@2027-12-01" },
	{ "1000 now and 350 a month after",
	  "1000.00@2027-11-16; 350.00/month x4 from 2027-12-16" },
	{ "120 a week from monday", "120.00/week x20 from 2027-11-22" },
	/* paydays: days the debtor cannot name yet */
	{ "200 every payday", "200.00/payday x12" },
	{ "I'll pay it all once my wages come in", "2400.00/payday x1" },
	{ "100 now then 100 whenever I get paid",
	  "100.00@2027-11-16; 100.00/payday x23" },
	/* "a tenner", prices said in pairs ("twelve forty") */
	{ "a tenner a week", "10.00/week x240 from 2027-11-23" },
	{ "twelve forty by friday", "1240.00@2027-11-19" },
	/* "the last ...": the final part, not a payment made */
	{ "a third now and the last third on december 6",
	  "800.00@2027-11-16; 800.00@2027-12-06" },
	{ "1,400 today, the last 1,000 next month",
	  "1400.00@2027-11-16; 1000.00@2027-12-16" },
	/* "paid" in a payment to come */
	{ "what if I paid 900 on monday",  "900.00@2027-11-22" },
	{ "I'll have it paid by the 30th", "2400.00@2027-11-30" },
	/* a count of paydays */
	{ "150 a payday for 3 paydays", "150.00/payday x3" },
	/* the day goes to the payment, not to the invoice it is for */
	{ "I'll send 300 for 5521 on thursday", "300.00@2027-11-18" },
	{ "I'll pay 5521 on thursday", "1100.00@2027-11-18" },
	/* "end of <month>", "a month's time"; "for now" and "dated" are no
	 * days */
	{ "1200 by the end of february", "1200.00@2028-02-29" },
	{ "I'll clear it in a fortnight's time", "2400.00@2027-11-30" },
	{ "30 a week for now", "30.00/week x80 from 2027-11-23" },
	/* refusals and money that is not a payment */
	{ "800 a month just doesn't work for me", "none" },
	{ "600 won't even cover the fees", "none" },
	{ "no way I'm paying 2400 by monday", "none" },
	{ "rent is 900 a month", "none" },
	{ "I get 700 a fortnight pension", "none" },
	{ "my brother could lend me 400 on friday", "none" },
	{ "your letter dated 10/02 says 2,400", "none" },
	/* "in three lots of 200": each, not a split */
	{ "I'll pay the 600 bill in three lots of 200 every friday",
	  "200.00/week x3 from 2027-11-19" },
	/* a figure asked back and not taken up */
	{ "2,400 by monday? I can't, sorry", "none" },
	{ "1k? hmm, let me think", "none" },
	{ "you want 2,400 now? no. 1,000 now and the rest next month",
	  "1000.00@2027-11-16; 1400.00@2027-12-16" },
	{ "no - 900 on the 20th", "900.00@2027-11-20" },
	/* said again, worked out, or talked about */
	{ "Could you do 240 today? That is 10%.", "240.00@2027-11-16" },
	{ "so 1,000 + 1,400 = 2,400, right", "none" },
	{ "about the 2,400, I could do 300 a month",
	  "300.00/month x8 from 2027-12-16" },
	{ "INV-5521 for 1,100 was sent in May. Can you pay 500 today?",
	  "500.00@2027-11-16" },
	{ "reminders went out on October 4, 11 and 18", "none" },
	{ "5521 is now 60 days late", "none" },
	{ "why is 5521 dated the 3rd", "none" },
	/* shares in words; parts of a rest */
	{ "forty percent by the 1st", "960.00@2027-12-01" },
	{ "half now and the rest split into 3",
	  "1200.00@2027-11-16; 400.00@?; 400.00@?; 400.00@?" },
	{ "600 now, the rest at 300 a month",
	  "600.00@2027-11-16; 300.00/month x6 from 2027-12-16" },
	/* days of the month listed: one payment on each, five and more */
	{ "400 on the 18th, 25th, 2nd, 9th and the 16th",
	  "400.00@2027-11-18; 400.00@2027-11-25; 400.00@2027-12-02; "
	  "400.00@2027-12-09; 400.00@2027-12-16" },
	/* one day of the month, a list of months: one payment in each */
	{ "800 on the 1st of December, January and February",
	  "800.00@2027-12-01; 800.00@2028-01-01; 800.00@2028-02-01" },
	{ "1,200 on the 30th of this month and next",
	  "1200.00@2027-11-30; 1200.00@2027-12-30" },
	{ "500 on the 20th of November and next friday 300",
	  "300.00@2027-11-19; 500.00@2027-11-20" },
	/* "each of the next N months"; a rate said of a day goes with it */
	{ "400 on the 1st of each of the next three months",
	  "400.00/month x3 from 2027-12-01" },
	{ "on the 15th of every month until it's paid, 600",
	  "600.00/month x4 from 2027-12-15" },
	/* a start day asked at length for the run said before */
	{ "300 a month. would you be able to pay the first one this friday?",
	  "300.00/month x8 from 2027-11-19" },
	/* a whole, then its parts one by one */
	{ "I'll pay 5521 in two halves, 600 today and 500 on the 1st",
	  "600.00@2027-11-16; 500.00@2027-12-01" },
	/* equal parts, a day for each */
	{ "1,000 today, the rest in two equal payments on the 1st and the 15th",
	  "1000.00@2027-11-16; 700.00@2027-12-01; 700.00@2027-12-15" },
	/* invoices named by what sets them apart */
	{ "I'll pay the bigger invoice friday and the other one on the 1st",
	  "1100.00@2027-11-19; 700.00@2027-12-01" },
	{ "the 5530 bill now and the other next month",
	  "700.00@2027-11-16; 1100.00@2027-12-16" },
	{ "can you clear the older bill today?", "1100.00@2027-11-16" },
	{ "200 today to clear the smaller one",
	  "200.00@2027-11-16" },
	/* "that" for the invoice named before */
	{ "about 5530: I'll have that paid by monday", "700.00@2027-11-22" },
	/* asking whether something is on offer proposes no sum */
	{ "is there a discount if I settle in full?", "none" },
	{ "is there any chance of 300 a month?",
	  "300.00/month x8 from 2027-12-16" },
	{ "the first bill on friday, the second one next month",
	  "1100.00@2027-11-19; 700.00@2027-12-16" },
	{ "300 a month if the first one comes in on the 1st",
	  "300.00/month x8 from 2027-12-01" },
	/* a fee joined to a payment, with its own day, is paid too */
	{ "2,000 now and the 40 fee on the 30th",
	  "2000.00@2027-11-16; 40.00@2027-11-30" },
	/* what is taken off is no payment */
	{ "2,300 - the balance less the 100 credit - by friday",
	  "2300.00@2027-11-19" },
	/* payday with its day said; each payment of a count with a day */
	{ "I'll pay 900 when I get paid on the 26th", "900.00@2027-11-26" },
	{ "two payments of 800, one today and one on the 1st",
	  "800.00@2027-11-16; 800.00@2027-12-01" },
	/* "on the first bill" names a bill, not a day */
	{ "1,100 is what I owe on the first bill", "none" },
	/* an invoice that is the subject of a statement is no payment */
	{ "deliveries stop on friday if the older invoice is still open", "none" },
	{ "the smaller one was due on the 3rd", "none" },
	/* a sum taken off, said as an aside after the payment, describes
	 * it: the day after the aside is still the payment's */
	{ "$2,300 - the balance less the disputed $100 - by December 1",
	  "2300.00@2027-12-01" },
	{ "2300 (the full balance minus the 100 fee) on friday",
	  "2300.00@2027-11-19" },
	/* a sum stated is no payment: "altogether", "all up", a figure that
	 * adds up the payments before it */
	{ "so that's $2,400 altogether, ok?", "none" },
	{ "$1,400 today and $1,000 on the 1st, $2,400 in all",
	  "1400.00@2027-11-16; 1000.00@2027-12-01" },
	{ "600 friday, 600 the friday after - 1200 all up",
	  "600.00@2027-11-19; 600.00@2027-11-26" },
	/* the same sum on the same day said twice is one payment */
	{ "you said 600 today twice - just the one 600 today, then 1800 on the 1st",
	  "600.00@2027-11-16; 1800.00@2027-12-01" },
	/* an invoice named after a sum of its amount is what it clears */
	{ "1100 today, so INV-5521 is cleared before friday", "1100.00@2027-11-16" },
	/* a weekday naming a thing that happens on it is no day to pay */
	{ "900 today so the friday deliveries keep coming", "900.00@2027-11-16" },
	{ "900 friday morning", "900.00@2027-11-19" },
	/* a weekday said with a date: the date is the day */
	{ "900 on Monday the 29th of November", "900.00@2027-11-29" },
	{ "could you pay 900 by friday, december 3?", "900.00@2027-12-03" },
	/* "that" standing for a sum said before: "could that be paid..." */
	{ "That leaves $1,100. Could that be paid by the 30th?",
	  "1100.00@2027-11-30" },
	/* what is owed after a change, and a credit, are no payments */
	{ "so that brings the balance to $2,300, ok?", "none" },
	{ "I'll put a credit of $100 through and you pay $2,300 today",
	  "2300.00@2027-11-16" },
	/* a count with no period: payments, days not said */
	{ "four payments of 600", "600.00@?; 600.00@?; 600.00@?; 600.00@?" },
	/* income said by its verb is no offer; an offer to get money over is */
	{ "we bring in about 2,000 a month between us", "none" },
	{ "my husband only gets 900 a week", "none" },
	{ "I can get you 500 a month", "500.00/month x5 from 2027-12-16" },
	/* a promise made before, and what a charge was for, are no offers */
	{ "you promised 300 by the 1st last month and nothing came", "none" },
	{ "she said 200 a week two months ago", "none" },
	{ "the 700 was for parts we never ordered, so no", "none" },
	{ "I can do 500 today like last time", "500.00@2027-11-16" },
	/* a day said after a payment is its day, not one said before it */
	{ "the van failed its MOT on Monday, so I can manage 300 on the 1st",
	  "300.00@2027-12-01" },
	{ "I said the 20th but I meant the 22nd: 400 on the 22nd and the rest "
	  "on the 20th of December", "400.00@2027-11-22; 2000.00@2027-12-20" },
	/* a count, then the payments' days or the payments one by one */
	{ "we'll pay it off in 2 payments: friday and the 1st",
	  "1200.00@2027-11-19; 1200.00@2027-12-01" },
	{ "three payments: 800 today, 800 on the 1st and 800 on the 15th",
	  "800.00@2027-11-16; 800.00@2027-12-01; 800.00@2027-12-15" },
	/* the payment before, once more; "another" and a figure */
	{ "600 today and the same again on the 1st",
	  "600.00@2027-11-16; 600.00@2027-12-01" },
	{ "400 on friday, another grand on the 1st",
	  "400.00@2027-11-19; 1000.00@2027-12-01" },
	/* a figure owned up to as said wrong; a figure said again with its
	 * day */
	{ "oops, I wrote 900 by mistake - 1,900 on friday and the rest on the "
	  "1st", "1900.00@2027-11-19; 500.00@2027-12-01" },
	{ "how about 300? 300 on friday then", "300.00@2027-11-19" },
	/* the rest said with its share: the day reaches it */
	{ "a third now and the remaining two thirds in a month",
	  "800.00@2027-11-16; 1600.00@2027-12-16" },
	/* "until the balance is paid" ends a run */
	{ "200 a month until the whole 2,400 is paid off",
	  "200.00/month x12 from 2027-12-16" },
	{ "300 now, then 100 a week till the rest is cleared",
	  "300.00@2027-11-16; 100.00/week x21 from 2027-11-23" },
	/* a count of paydays: that many payments, days not known */
	{ "500 now and 400 on each of the next 3 paydays",
	  "500.00@2027-11-16; 400.00/payday x3" },
	{ "I'll pay it off over the next 2 paydays", "1200.00/payday x2" },
	/* a time said of a cost is not the run's start */
	{ "with the school fees next week I can only manage 100 a week",
	  "100.00/week x24 from 2027-11-23" },
	/* "a week off the rest" pays it down */
	{ "500 now, then 100 a week off the rest",
	  "500.00@2027-11-16; 100.00/week x19 from 2027-11-23" },
	/* the whole debt said bare, then the payments that make it up */
	{ "right, so it all came to 2400 - could I do 1200 friday and 1200 on "
	  "the 1st?", "1200.00@2027-11-19; 1200.00@2027-12-01" },
	{ "I'll pay 500 and then 300 and 200 on friday",
	  "500.00@?; 300.00@?; 200.00@2027-11-19" },
	/* a shortened invoice number once an invoice is named; "in full"
	 * after an invoice is that invoice */
	{ "I'll pay 5521 on friday and 530 on the 1st",
	  "1100.00@2027-11-19; 700.00@2027-12-01" },
	{ "I can pay 530 on friday", "530.00@2027-11-19" },
	{ "invoice 5530 we'll pay in full on the 1st", "700.00@2027-12-01" },
	/* a day, then its month with no "of" */
	{ "1000 on the 3rd december", "1000.00@2027-12-03" },
	/* the sum of the rest said beside it: its day is the rest's */
	{ "600 now and the remainder, 1,800, by the 30th",
	  "600.00@2027-11-16; 1800.00@2027-11-30" },
	/* a fee or credit named by the words after it, or a credit said a
	 * little before it, is no payment, unless the speaker pays it */
	{ "There's a 25 admin fee, but if you pay 1200 on friday we'll waive it",
	  "1200.00@2027-11-19" },
	{ "the 40 late payment charge comes off if the full 2400 is in by the "
	  "30th", "2400.00@2027-11-30" },
	{ "take the 150 credit memo off and I'll send 1000 on the 1st",
	  "1000.00@2027-12-01" },
	{ "you still owe me a credit for the broken panel, 120, so I'll send "
	  "900 on friday", "900.00@2027-11-19" },
	{ "I could knock 70 off if you pay 1000 today", "1000.00@2027-11-16" },
	{ "a 5% discount if you pay 2000 by friday", "2000.00@2027-11-19" },
	{ "the 35 returned-check fee I'll pay today with the 1100",
	  "35.00@2027-11-16; 1100.00@2027-11-16" },
	{ "I'll pay 600 today and the 25 fee on friday",
	  "600.00@2027-11-16; 25.00@2027-11-19" },
	{ "I'll pay 1100 on friday but not that 30 fee", "1100.00@2027-11-19" },
	/* a sum that comes out, goes out or lands on a day is paid then;
	 * "goes" is still a count noun ("in three goes") */
	{ "the next 300 comes out on the 1st", "300.00@2027-12-01" },
	{ "my 600 lands friday", "600.00@2027-11-19" },
	{ "900 goes out on the 1st of December", "900.00@2027-12-01" },
	{ "I'll pay it in three goes", "800.00/month x3 from 2027-12-16" },
	{ "5521 goes out on the 20th and 5530 on the 1st",
	  "1100.00@2027-11-20; 700.00@2027-12-01" },
	{ "5521 and 5530 go out on Monday",
	  "1100.00@2027-11-22; 700.00@2027-11-22" },
	/* days of each month no monthly run holds: one payment each; a day
	 * of the month alone is still a run */
	{ "200 on the last friday of each of the next three months",
	  "200.00@2027-11-26; 200.00@2027-12-31; 200.00@2028-01-28" },
	{ "300 on the first monday of every month",
	  "300.00@2027-12-06; 300.00@2028-01-03; 300.00@2028-02-07; "
	  "300.00@2028-03-06; 300.00@2028-04-03; 300.00@2028-05-01; "
	  "300.00@2028-06-05; 300.00@2028-07-03" },
	{ "400 on the 1st and 15th of each month",
	  "400.00@2027-12-01; 400.00@2027-12-15; 400.00@2028-01-01; "
	  "400.00@2028-01-15; 400.00@2028-02-01; 400.00@2028-02-15" },
	{ "500 on the 15th of each of the next three months",
	  "500.00/month x3 from 2027-12-15" },
	/* figures in words */
	{ "I can manage forty a week", "40.00/week x60 from 2027-11-23" },
	{ "two-fifty a week", "250.00/week x10 from 2027-11-23" },
	{ "fifty?", "50.00@?" },
	{ "six ninety friday and six ninety on the 1st",
	  "690.00@2027-11-19; 690.00@2027-12-01" },
	{ "I'll call you at six thirty friday", "none" },
	/* what happened to the debt, a sum paid already, what a thing costs,
	 * which invoice: no payment */
	{ "INV-5521 was issued on October 15 for 1100.", "none" },
	{ "300 of that was paid on the day", "none" },
	{ "I already put 150 on my card Saturday", "none" },
	{ "I'll put 150 on my card Saturday", "150.00@2027-11-20" },
	{ "my car alone is 2k, so I can only do 100 a week",
	  "100.00/week x24 from 2027-11-23" },
	{ "the deal on the table is 1000 now", "1000.00@2027-11-16" },
	{ "that's the 1,100 one", "none" },
	{ "the 1,100 one I can pay friday", "1100.00@2027-11-19" },
	/* "pay it" after a sum said for an invoice is that sum */
	{ "that's 500 for 5530, I'll pay it Monday", "500.00@2027-11-22" },
	/* the sum paid into, named after "towards"/"against", is not paid */
	{ "what could you realistically put towards the 2,400 this week?", "none" },
	{ "could you pay something towards the 2,400 today?", "none" },
	{ "how much can you put against the balance of 2,400?", "none" },
	{ "I'll put 500 towards the 2,400 on friday", "500.00@2027-11-19" },
	{ "can you pay off the balance of 2,400 by friday?", "2400.00@2027-11-19" },
	/* a month named alone: payments from its 1st, or by its last day */
	{ "even something small like 25 a month from march?",
	  "25.00/month x96 from 2028-03-01" },
	{ "$100 a month starting in february", "100.00/month x24 from 2028-02-01" },
	{ "$200 a month from the new year", "200.00/month x12 from 2028-01-01" },
	{ "could you clear it by march?", "2400.00@2028-03-31" },
	{ "the bill from march was $200", "none" },
	/* a tens word said as the answer, hedged, or named by an offer */
	{ "maybe fifty?", "50.00@?" },
	{ "Maybe like... fifty?", "50.00@?" },
	{ "I could do fifty", "50.00@?" },
	{ "we can manage forty", "40.00@?" },
	{ "fifty people came", "none" },
	{ "I'm fifty", "none" },
	{ "there were twenty of them", "none" },
};

static void
test_schedules(void)
{
	static const char *const ids[] = { "INV-5521", "INV-5530" };
	static const double amounts[] = { 1100, 700 };
	struct rc_proposal p;
	struct rc_deal_case dc;
	char got[256];
	size_t k;

	memset(&dc, 0, sizeof dc);
	dc.balance = 2400;
	dc.today = rc_date_from_ymd(2027, 11, 16);
	dc.invoice_ids = ids;
	dc.invoice_amounts = amounts;
	dc.ninvoices = 2;
	for (k = 0; k < sizeof sched_cases / sizeof sched_cases[0]; k++) {
		int failed = rc_test_failed;

		if (rc_amount_proposal(sched_cases[k].text, &dc, &p) == RC_PROP_NONE)
			strcpy(got, "none");
		else
			rc_terms_brief(&p.terms, got, sizeof got);
		RC_CHECK_STR(got, sched_cases[k].brief);
		if (rc_test_failed != failed)
			fprintf(stderr, "  in \"%s\"\n", sched_cases[k].text);
	}
}

static void
test_format(void)
{
	char buf[64], small[4];
	size_t k;

	for (k = 0; k < sizeof formats / sizeof formats[0]; k++)
		RC_CHECK_STR(rc_amount_format(formats[k].value, formats[k].currency,
		                              buf, sizeof buf), formats[k].want);
	/* cut short, never in the middle of a character */
	RC_CHECK_STR(rc_amount_format(1840, "EUR", small, 4), "\xe2\x82\xac");
	RC_CHECK_STR(rc_amount_format(1840, "EUR", small, 3), "");
	RC_CHECK_STR(rc_amount_format(1840, "USD", small, 4), "$1,");
	RC_CHECK_STR(rc_amount_format(1840, "USD", small, 1), "");
	RC_CHECK(rc_amount_format(1840, "USD", small, 0) == small);
	RC_CHECK_STR(rc_amount_format(NAN, "USD", buf, sizeof buf), "?");
	RC_CHECK_STR(rc_amount_format(INFINITY, "USD", buf, sizeof buf), "?");
	rc_amount_format(1e300, "USD", buf, sizeof buf);
	RC_CHECK(strlen(buf) == sizeof buf - 1 && buf[0] == '$');
}

/* Fills a 1 MB line with copies of UNIT. */
static char *
long_line(const char *unit)
{
	size_t n = (size_t)1 << 20, u = strlen(unit), k;
	char *s = malloc(n + 1);

	if (s == NULL)
		abort();
	for (k = 0; k < n; k++)
		s[k] = unit[k % u];
	s[n] = '\0';
	return s;
}

static void
test_edges(void)
{
	static const char *const units[] = {
		"9", "a", " ", "$", "$900 now and 200 a week, ", "one hundred ",
		"1,000,", "\xe2\x82\xac", "\xe2\x82", "-1", "the rest ",
	};
	static const char *const cut[] = {
		"$", "1,", "1.", "\xe2\x82", "\xe2", "\xc2", "twenty-", "$1.2",
		"can\xe2\x80", "half", "the", "by the", "1 2 3 4 5 6 7 8 9 10",
	};
	struct rc_money m[4];
	struct rc_proposal p;
	size_t k, n;
	char *s;
	struct rc_deal_case b;

	memset(&b, 0, sizeof b);
	b.balance = B;
	b.today = RC_DATE_NONE;
	RC_CHECK_INT(rc_amount_find(NULL, m, 4), 0);
	RC_CHECK_INT(rc_amount_proposal(NULL, &b, &p), RC_PROP_NONE);
	RC_CHECK_INT(rc_amount_proposal("$900 today", &b, NULL), RC_PROP_LUMP);
	/* a run said without its count clears the balance, and says so */
	{
		static const struct { const char *text; int open; } runs[] = {
			{ "could we meet in the middle at 400 a month?", 1 },
			{ "300 a month till it's cleared", 1 },
			{ "$400 a month for 6 months", 0 },
			{ "900 today and 300 a month for 3 months", 0 },
			{ "$900 today", 0 },
			{ "300 a month on the 1st of December, January and February", 0 },
		};

		for (k = 0; k < sizeof runs / sizeof runs[0]; k++) {
			rc_amount_proposal(runs[k].text, &b, &p);
			if (p.open_run != runs[k].open)
				fprintf(stderr, "open_run of '%s'\n", runs[k].text);
			RC_CHECK_INT(p.open_run, runs[k].open);
		}
	}
	/* more amounts than room: all counted, MAX stored */
	m[2].value = -1;
	RC_CHECK_INT(rc_amount_find("$10 $20 $30 $40", m, 2), 4);
	RC_CHECK_NUM(m[1].value, 20);
	RC_CHECK_NUM(m[2].value, -1);
	RC_CHECK_INT(rc_amount_find("$10 $20 $30", NULL, 0), 3);
	for (k = 0; k < sizeof cut / sizeof cut[0]; k++) {
		n = rc_amount_find(cut[k], m, 4);
		RC_CHECK(n <= 4);
		rc_amount_proposal(cut[k], &b, &p);
		RC_CHECK(memchr(p.when, '\0', sizeof p.when) != NULL);
	}
	for (k = 0; k < sizeof units / sizeof units[0]; k++) {
		s = long_line(units[k]);
		n = rc_amount_find(s, m, 4);
		rc_amount_proposal(s, &b, &p);
		RC_CHECK(memchr(p.when, '\0', sizeof p.when) != NULL);
		RC_CHECK(n < ((size_t)1 << 20));
		free(s);
	}
	/* a 1 MB number is no amount */
	s = long_line("9");
	RC_CHECK_INT(rc_amount_find(s, m, 4), 0);
	free(s);
	/* long when phrases are cut to fit */
	rc_amount_proposal("$900 on the twenty-first of September 2026", &b, &p);
	RC_CHECK(strlen(p.when) < sizeof p.when);
}

int
main(void)
{
	test_money();
	test_proposals();
	test_schedules();
	test_format();
	test_edges();
	return RC_TEST_DONE();
}
