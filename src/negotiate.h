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

/* Terms of an offer or an agreement. */
struct rc_terms {
	double upfront;          /* paid at once */
	char when[32];           /* when the upfront part is paid: "today" */
	char rest_when[32];      /* one remaining payment: by when ("december
	                            15"); "" when unsaid */
	double instalment;       /* 0 when none */
	enum rc_period period;
	int count;               /* instalments */
	double total;            /* upfront + instalment * count */
	double balance_left;     /* what the terms leave unpaid (>= 0) */
	int affordable;          /* the debtor can truly keep these terms */
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

/* Judges proposal P against a debt of BALANCE.  STANDING is the debtor's
 * current offer (upfront 0 when none was made).  Fills OUT with the terms
 * accepted or countered. */
enum rc_verdict rc_negotiate_judge(const struct rc_truth *t,
                                   const struct rc_stance *s, double balance,
                                   const struct rc_terms *standing,
                                   const struct rc_proposal *p,
                                   struct rc_terms *out);

/* The debtor's own offer now: a lump of the reach (never less than STANDING
 * upfront), or when nothing can be paid at once, a plan at the monthly
 * amount. */
void rc_negotiate_offer(const struct rc_truth *t, const struct rc_stance *s,
                        double balance, const struct rc_terms *standing,
                        struct rc_terms *out);

/* Writes TERMS in words ("$1,840 today and $640 a month for 2 months") in
 * CURRENCY into BUF (SIZE bytes); returns BUF. */
char *rc_negotiate_describe(const struct rc_terms *terms, const char *currency,
                            char *buf, size_t size);

/* "month", "week", "fortnight" or "". */
const char *rc_period_name(enum rc_period p);

#endif
