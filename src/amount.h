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
#include <stdint.h>

#include "terms.h"

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

/* Whether the words after an amount ending at byte END of TEXT name it a
 * fee or charge ("£10 reminder fee") or a sum taken off ("$250 credit
 * memo", "£150 Warm Home Discount"): 1 or 0. */
int rc_amount_named_cost(const char *text, size_t end);

enum rc_prop_kind {
	RC_PROP_NONE = 0,  /* no proposal in the text */
	RC_PROP_LUMP,      /* one payment: "$900 today", "half of it", "25%" */
	RC_PROP_PLAN       /* two or more payments */
};

/* What a proposal is read against: the debt, the call's date and the
 * invoices that may be named by their number. */
struct rc_deal_case {
	double balance;                    /* 0 when unknown */
	int32_t today;                     /* RC_DATE_NONE when unknown */
	int day_first;                     /* "5/1" is 5 January */
	const char *const *invoice_ids;    /* "INV-2291", "40812" */
	const double *invoice_amounts;
	size_t ninvoices;
};

/* A proposal read from one line: its schedule, and summaries of it for
 * the scorecard's detectors. */
struct rc_proposal {
	enum rc_prop_kind kind;
	struct rc_terms terms;   /* every payment said, in order of due date,
	                            finished against the balance; a payment
	                            with no day said has due RC_DATE_NONE */
	double share;            /* the first payment as a share of the
	                            balance: .5 for "half"; 0 if none */
	int rest;                /* "the rest" was said */
	double upfront;          /* the first payment */
	double instalment;       /* the payment of a run of two or more, 0 */
	double total;            /* all payments */
	char when[32];           /* the first payment's time, as said */
	int open_run;            /* a run of payments was said with no count
	                            ("400 a month", "300 a month till it's
	                            cleared"): as many as clear the balance */
};

/* Reads the payment proposal in TEXT, if any, against DC (NULL: nothing
 * known; a share then stays unresolved with upfront 0 and share set).
 * Returns OUT->kind.  Any number of payments in any order and wording:
 *   "$400 a month for 6 months"            400 x 6, monthly from a month
 *                                          after the call
 *   "1,840 today, 800 on Dec 15 and the final 480 Jan 1"   three payments
 *   "half now and the rest on the 30th"    two halves of the balance
 *   "INV-2291 today and INV-2307 Friday"   the invoices' amounts
 *   "540 a month till it's cleared"        as many as clear the balance
 *   "we have two invoices"                 NONE
 * Statements of the debt ("your balance is $3,120", "invoice 4471 for
 * $1,840 was due"), payments made, income, refusals and musing propose
 * nothing; a case invoice number is never money except as the invoice's
 * amount when a payment of that invoice is proposed.  TEXT NULL reads as
 * NONE; OUT may be NULL. */
enum rc_prop_kind rc_amount_proposal(const char *text,
                                     const struct rc_deal_case *dc,
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
