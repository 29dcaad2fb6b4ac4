/*
 * terms.h - payment terms as a schedule: the one type for a proposal, a
 * debtor's offer and a booked agreement, from the live call to the store
 * and every report.  Money is integer cents; days are rc_date days.
 *
 * A schedule is a list of parts in order of due date.  A part is one
 * payment, or a run of equal payments a week, a fortnight or a month
 * apart ("$200 a week for 11 weeks from December 9"), or a run whose dates
 * cannot be known ("$450 each payday").  Finishing a schedule against the
 * debt cuts the tail so nothing is paid beyond it (the last payment of a
 * run becomes smaller) and computes the total and what is left open.
 *
 * One JSON codec (rc_terms_json / rc_terms_from_json) is used by the store
 * and by every JSON renderer; it writes each payment ("schedule": [{"amount":
 * 1840.00, "due": "2026-12-02"}, ...]) and reads it back into runs.
 */
#ifndef RC_TERMS_H
#define RC_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

struct rc_buf;
struct cJSON;

enum rc_period {
	RC_PERIOD_NONE = 0,
	RC_PERIOD_WEEK,
	RC_PERIOD_FORTNIGHT,
	RC_PERIOD_MONTH
};

/* "month", "week", "fortnight" or "". */
const char *rc_period_name(enum rc_period p);

/* Payments in one month at PERIOD (52/12 weekly), 1 for NONE. */
double rc_period_per_month(enum rc_period p);

#define RC_TERMS_PARTS 12
/* Most payments a schedule may hold (ten years weekly: "a fiver a week"
 * on a debt of a thousand is 200 payments). */
#define RC_TERMS_PAYMENTS 520

/* One payment, or COUNT equal payments EVERY period apart. */
struct rc_part {
	int64_t cents;         /* each payment */
	int count;             /* >= 1 */
	enum rc_period every;  /* NONE for one payment or unknown dates */
	int32_t due;           /* the first payment's day, RC_DATE_NONE if not
	                          known */
	char when[24];         /* the words when DUE is not known ("payday"),
	                          else "" */
};

struct rc_terms {
	int n;                             /* parts */
	struct rc_part part[RC_TERMS_PARTS];
	int64_t total;                     /* cents: all payments */
	int64_t balance_left;              /* cents: the debt left open, >= 0 */
	char method[24];                   /* "card", "bank transfer", "" */
	int affordable;                    /* the debtor can truly keep them */
};

/* Cents in VALUE currency units, rounded to the nearest cent. */
int64_t rc_cents(double value);

/* VALUE cents in currency units. */
double rc_units(int64_t cents);

/* Empties T. */
void rc_terms_clear(struct rc_terms *t);

/* Appends a part: COUNT payments of CENTS, EVERY apart, the first on DUE
 * (or, with DUE RC_DATE_NONE, said as WHEN, may be NULL).  A zero or
 * negative amount or count adds nothing.  Returns 0 when T is full. */
int rc_terms_add(struct rc_terms *t, int64_t cents, int count,
                 enum rc_period every, int32_t due, const char *when);

/* Sorts T's parts by due date (parts without a date keep their place
 * after the dated part said before them), cuts the tail so the total does
 * not pass DEBT cents (DEBT <= 0: no cut), and sets total and
 * balance_left. */
void rc_terms_finish(struct rc_terms *t, int64_t debt);

/* "could we meet in the middle at 400 a month?" against "$900 today and
 * then $300 a month": RUN, a run of payments said with no count and
 * nothing before it, changes the instalment of BASE's plan, whose payment
 * up front stands.  Writes into OUT BASE's first payment and RUN's
 * instalment from BASE's second payment's day until DEBT cents are
 * cleared, finished, and returns 1; returns 0 (OUT untouched) when BASE
 * is no payment up front followed by a run of the same period, or RUN is
 * no such run or pays what BASE's run pays.  The caller decides the count
 * was not said ("400 a month for 6 months" is a plan of its own). */
int rc_terms_new_instalment(const struct rc_terms *base,
                            const struct rc_terms *run, int64_t debt,
                            struct rc_terms *out);

/* Payments in T (runs counted out). */
int rc_terms_count(const struct rc_terms *t);

/* Payment I of T (0-based, in order): its cents and day. Returns 0 when
 * I is out of range. */
int rc_terms_payment(const struct rc_terms *t, int i, int64_t *cents,
                     int32_t *due);

/* Cents T asks on or before DAY (payments without a date: counted one
 * period - a month when unknown - after the dated one before them). */
int64_t rc_terms_due_by(const struct rc_terms *t, int32_t day, int32_t today);

/* The first payment: cents (0 when T is empty) and its day. */
int64_t rc_terms_first(const struct rc_terms *t, int32_t *due);

/* The payment standing alone before the rest ("upfront"): the first
 * payment when it is not part of a run, else 0. */
int64_t rc_terms_upfront(const struct rc_terms *t);

/* Payments after the upfront one ("instalments"). */
int rc_terms_instalments(const struct rc_terms *t);

/* The largest payment after the upfront one, 0 when none; *EVERY gets
 * its period (NONE for a payment of its own). */
int64_t rc_terms_instalment(const struct rc_terms *t, enum rc_period *every);

/* Whether A and B ask the same payments on the same days. */
int rc_terms_same(const struct rc_terms *a, const struct rc_terms *b);

/* Writes T in words as a person restates it on a call held on TODAY, in
 * CURRENCY: "$1,840 today, $800 on December 15 and $480 on January 1",
 * "$1,000 today, then $200 a week for 11 weeks from December 9 (the last
 * $120)", "$450 each payday for 7 payments (the last $420)".  With TOTAL
 * set and more than one payment, adds " - $3,120 in all".  Returns BUF. */
char *rc_terms_say(const struct rc_terms *t, const char *currency,
                   int32_t today, int total, char *buf, size_t size);

/* Writes T in its brief form, one line a test corpus or a script can
 * compare: payments in order, "; " between them, each "AMOUNT@YYYY-MM-DD"
 * (AMOUNT@? with no day), a run "AMOUNT/week xN from YYYY-MM-DD" (week,
 * fortnight or month; a smaller last payment counted in the run), a run
 * on days that cannot be known "AMOUNT/payday xN" (a day the call's date
 * would name, "friday", is AMOUNT@?); "none" for no payments.
 * AMOUNT has two decimals.  Returns BUF. */
char *rc_terms_brief(const struct rc_terms *t, char *buf, size_t size);

/* Writes T as a JSON object: {"schedule": [{"amount": 1840.00, "due":
 * "2026-12-02"}, ...], "total": ..., "balance_left": ..., "method": ...,
 * "affordable": ..., "text": "..."} (an unknown due is null, with "when"
 * beside it).  TODAY and CURRENCY word the "text". */
void rc_terms_json(struct rc_buf *b, const struct rc_terms *t,
                   const char *currency, int32_t today);

/* Reads terms written by rc_terms_json, or by recoup before schedules
 * (upfront / instalment / period / count, with TODAY resolving their
 * words), into T.  Returns 1, or 0 when O is not terms. */
int rc_terms_from_json(const struct cJSON *o, struct rc_terms *t,
                       int32_t today);

#endif
