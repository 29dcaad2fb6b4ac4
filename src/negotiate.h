/*
 * negotiate.h - the debtor's side of bargaining: given what the debtor can
 * truly pay (the hidden truth), how the call has gone (the stance) and a
 * proposal read from the trainee's line, decide to accept, counter or
 * refuse, and with what terms.  Pure functions, no I/O, no allocation.
 */
#ifndef RC_NEGOTIATE_H
#define RC_NEGOTIATE_H

#include <stddef.h>

#include "amount.h"

/* The hidden truth of a scenario, as numbers. */
struct rc_truth {
	double cash_now;      /* most they can pay at once, now */
	double monthly;       /* affordable monthly instalment */
	double first_offer;   /* what they offer first */
	double concession;    /* 0..1: ground given per bargaining round */
	int can_pay;          /* can they pay anything now */
	int honesty;          /* 0..10; <= 3 agrees to plans it cannot afford */
};

/* How the call has gone, read from the engine's variables. */
struct rc_stance {
	double mood;
	double leverage;
	int reason_known;
	int good_faith_asked;
	int rounds;           /* proposals judged so far */
};

enum rc_verdict {
	RC_ACCEPT,         /* lump accepted */
	RC_ACCEPT_PLAN,    /* plan accepted */
	RC_COUNTER,        /* counter the sum paid at once: out->upfront (with
	                      the proposed instalments kept, when it was a plan) */
	RC_COUNTER_PLAN,   /* counter with a plan */
	RC_REFUSE          /* nothing to offer */
};

/* The most the debtor will pay at once at this point of the call. */
double rc_negotiate_reach(const struct rc_truth *t, const struct rc_stance *s);

/* What a bargain is about: the debt and the call's date. */
struct rc_bargain {
	double balance;
	int32_t today;     /* RC_DATE_NONE when unknown */
};

/* Judges proposal P in bargain B.  STANDING is the debtor's current offer
 * (NULL when none was made).  Fills OUT with the terms accepted or
 * countered, every payment dated (a first payment said without a day is
 * today; a later one, a month after the one before it) and finished
 * against the balance.  A proposal is kept when, on every day of it, what
 * it has asked by then is within what the debtor can pay at once plus
 * what it can afford a month since the call. */
enum rc_verdict rc_negotiate_judge(const struct rc_truth *t,
                                   const struct rc_stance *s,
                                   const struct rc_bargain *b,
                                   const struct rc_terms *standing,
                                   const struct rc_proposal *p,
                                   struct rc_terms *out);

/* The debtor's own offer now: its reach today (never less than STANDING's
 * first payment), or when nothing can be paid at once, a monthly plan at
 * the affordable amount until the balance is cleared. */
void rc_negotiate_offer(const struct rc_truth *t, const struct rc_stance *s,
                        const struct rc_bargain *b,
                        const struct rc_terms *standing, struct rc_terms *out);

/* What a debtor holding NOW at once and able to find MONTHLY a month can
 * have paid DAYS after the call: NOW today, NOW + MONTHLY within the first
 * month, one more MONTHLY for each month begun after that (three days'
 * grace: a payment on the 2nd of next month is in the first). */
double rc_negotiate_capacity(double now, double monthly, int32_t days);

/* Whether TERMS keep within what the debtor can truly pay (cash now plus
 * the affordable monthly amount, day by day). */
int rc_negotiate_affordable(const struct rc_truth *t, const struct rc_bargain *b,
                            const struct rc_terms *terms);

#endif
