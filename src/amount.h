/*
 * amount.h - reading money, shares of a balance and payment plans out of
 * free text typed by a trainee (or said by a debtor in a transcript).
 *
 * Pure functions: no allocation, no I/O, no global state.  Offsets are byte
 * offsets into the text given.  The reader must not take invoice numbers
 * ("invoice 4471", "INV-2291"), dates ("the 31st", "2026-09-15", "March 3"),
 * phone numbers, percentages of nothing, durations ("45 days") or counts
 * ("two invoices", "6 months") for amounts of money.
 */
#ifndef RC_AMOUNT_H
#define RC_AMOUNT_H

#include <stddef.h>

#define RC_AMOUNT_MAX 16

/* One amount of money found in a text. */
struct rc_money {
	double value;   /* in currency units, e.g. 1840.5 */
	size_t start;   /* byte offset of the first character of the amount */
	size_t end;     /* byte offset one past its last character */
};

/* Finds every amount of money in TEXT, in order, and stores up to MAX of
 * them in OUT.  Returns the number found (which may exceed MAX; only MAX
 * are stored).  Recognised: "$1,200", "1200 dollars", "1.2k", "$1.2k",
 * "twelve hundred", "two thousand five hundred", "€740", "740 euros",
 * "£90.50", "USD 300", "300 bucks", and a bare number of 2+ digits used as
 * money ("can you pay 900?", "I'll do 450 now").  A NULL TEXT holds
 * nothing; OUT may be NULL when MAX is 0, to count. */
size_t rc_amount_find(const char *text, struct rc_money *out, size_t max);

enum rc_period {
	RC_PERIOD_NONE = 0,
	RC_PERIOD_WEEK,
	RC_PERIOD_FORTNIGHT,
	RC_PERIOD_MONTH
};

enum rc_prop_kind {
	RC_PROP_NONE = 0,  /* no proposal in the text */
	RC_PROP_LUMP,      /* one amount: "$900 today", "half of it", "25%" */
	RC_PROP_PLAN       /* instalments, possibly with an upfront part */
};

/* A proposal read from one line.  Amounts are resolved: a share ("half",
 * "25%", "a third") becomes share * BALANCE and "the rest" becomes
 * BALANCE - upfront. */
struct rc_proposal {
	enum rc_prop_kind kind;
	double upfront;          /* paid at once (LUMP: the amount) */
	double share;            /* 0.5 for "half", 0.25 for "25%"; 0 if none */
	double instalment;       /* PLAN: each instalment; 0 for LUMP */
	int count;               /* PLAN: number of instalments, 0 if unsaid */
	enum rc_period period;   /* PLAN: how often */
	int rest;                /* "the rest by the 31st": 1 */
	double total;            /* upfront + instalment * count (or balance
	                            when "the rest" was said) */
	char when[32];           /* "today", "now", "friday", "the 31st", ""
	                            - when the upfront part is paid (a plan
	                            without one: when it starts) */
	char rest_when[32];      /* "by the 31st" -> "the 31st"; "" if none */
};

/* Reads the payment proposal in TEXT, if any, against BALANCE (the debt's
 * balance, used to resolve shares and "the rest"; may be 0 when unknown,
 * in which case shares stay unresolved: upfront 0, share set).  Returns
 * OUT->kind.  Examples:
 *   "$400 a month for 6 months"            PLAN 400 x 6 monthly
 *   "$600 today and the rest by the 31st"  PLAN upfront 600, rest, total
 *                                          = balance
 *   "could you do half now?"               LUMP share .5, upfront B/2
 *   "I can pay 25% today"                  LUMP share .25
 *   "1,000 now and 200 a week"             PLAN upfront 1000, 200 weekly
 *   "we have two invoices"                 NONE
 * Statements of the debt ("your balance is $3,120", "invoice 4471 for
 * $1,840 was due"), payments made, income and refusals propose nothing.
 * A second lump ("$500 today and $500 on friday") is read as one
 * instalment: count 1, period NONE, rest_when its date.  An instalment
 * with no count said adds nothing to total.  TEXT NULL reads as NONE; OUT
 * may be NULL. */
enum rc_prop_kind rc_amount_proposal(const char *text, double balance,
                                     struct rc_proposal *out);

/* Formats VALUE as money in CURRENCY (ISO code: "USD" -> "$1,840",
 * "EUR" -> "€740.50", "GBP" -> "£90"; others -> "1,840 CHF").  Cents are
 * written only when not zero.  Writes at most SIZE bytes including the NUL
 * into BUF and returns BUF.  CURRENCY NULL or "" writes the number alone;
 * a value that is not finite is written "?"; a cut never splits a UTF-8
 * character. */
char *rc_amount_format(double value, const char *currency, char *buf,
                       size_t size);

#endif
