/*
 * policy.h - the creditor's policy in a case file (what terms a collector
 * may agree: the smallest instalment, the longest plan, the credit and
 * discount the collector may give on their own authority, whether a
 * payment may be booked for a later day) and the check of agreed terms
 * against it.  Pure functions, no I/O, no allocation.
 *
 * Every limit is optional: a limit the case does not state is never
 * checked.  What each check reads is documented in docs/scenario-format.md
 * ("case.policy") and docs/scoring.md ("within-policy").
 */
#ifndef RC_POLICY_H
#define RC_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "terms.h"

/* A limit not stated. */
#define RC_POLICY_UNSET (-1)

struct rc_policy {
	int set;                    /* the case states a policy at all */
	int64_t min_instalment;     /* cents a month, or RC_POLICY_UNSET */
	int max_months;             /* from the call to the last payment, or
	                               RC_POLICY_UNSET */
	int64_t credit_authority;   /* cents the collector may credit, or
	                               RC_POLICY_UNSET */
	double discount_percent;    /* of the balance, or RC_POLICY_UNSET */
	int post_dated;             /* 1 allowed, 0 not, RC_POLICY_UNSET */
};

/* A policy with nothing stated (set 0, every limit RC_POLICY_UNSET). */
void rc_policy_init(struct rc_policy *p);

enum rc_breach_kind {
	RC_BREACH_INSTALMENT,       /* an instalment below the minimum */
	RC_BREACH_LENGTH,           /* a plan longer than allowed */
	RC_BREACH_AUTHORITY,        /* more taken off than the authority */
	RC_BREACH_POST_DATED        /* a first payment later than the call */
};

/* "instalment", "length", "authority", "post-dated". */
const char *rc_breach_name(enum rc_breach_kind k);

#define RC_POLICY_BREACHES 4

struct rc_breach {
	enum rc_breach_kind kind;
	int64_t found;              /* the terms: cents a month, months, cents
	                               taken off, or days after the call */
	int64_t limit;              /* the policy: cents a month, months,
	                               cents, or 0 */
	char text[256];             /* in words: "$25 a month is below the
	                               $50 a month minimum instalment" */
};

/* Checks terms T, agreed on a debt of BALANCE cents on a call held on
 * TODAY (RC_DATE_NONE when unknown), against policy P; CURRENCY words the
 * breaches.  Fills OUT (RC_POLICY_BREACHES entries) with one breach per
 * limit broken, in the order of enum rc_breach_kind, and returns how
 * many (0 when P is NULL or nothing is broken).
 *   instalment: every payment after the first, except a smaller last
 *     payment that clears the debt, at its monthly rate (weekly x 52/12,
 *     fortnightly x 26/12) is at least min_instalment;
 *   length: the last payment falls within max_months of TODAY (three
 *     days' grace; an undated payment counts a period after the one
 *     before it; TODAY unknown: counted from the first payment);
 *   authority: BALANCE - total is at most credit_authority plus
 *     discount_percent of BALANCE (checked when either is stated);
 *   post-dated: with post_dated 0, the first payment is due on TODAY. */
int rc_policy_check(const struct rc_policy *p, const struct rc_terms *t,
                    int64_t balance, int32_t today, const char *currency,
                    struct rc_breach *out);

/* Writes each limit P states in plain words, one per line, each line
 * started with PREFIX (may be ""), into BUF of SIZE bytes: "Plans of at
 * least $50 a month." ...  Writes "" when P states nothing.  Returns BUF. */
char *rc_policy_say(const struct rc_policy *p, const char *currency,
                    const char *prefix, char *buf, size_t size);

#endif
