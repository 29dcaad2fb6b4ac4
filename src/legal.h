/*
 * legal.h - a call's legal frame: whose debt it is (a consumer's or a
 * business's), who collects it (the creditor itself or a third-party
 * agency), under which law (us, uk or none), the debtor's time zone, and
 * the facts of the account that change what a collector may do (an
 * attorney, a written dispute, a cease request, no calls at work, a
 * post-dated payment offered, the debt's age and whether it is past the
 * limitation period).  Which compliance rules apply follows from it
 * (compliance.h, docs/compliance.md).
 *
 * Ownership: a struct rc_legal owns its time zone string; rc_legal_free()
 * frees it (the struct itself is the caller's).
 */
#ifndef RC_LEGAL_H
#define RC_LEGAL_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "jsonread.h"

enum rc_debt_kind { RC_DEBT_CONSUMER, RC_DEBT_BUSINESS };
enum rc_collector_kind { RC_COLLECTOR_CREDITOR, RC_COLLECTOR_AGENCY };
enum rc_jurisdiction { RC_JUR_NONE, RC_JUR_US, RC_JUR_UK };

/* The facts of "legal.facts", each 0 when not stated. */
struct rc_legal_facts {
	int attorney;            /* the debtor is represented by an attorney */
	int written_dispute;     /* a dispute received in writing, not yet
	                            answered with verification */
	int cease_request;       /* the debtor asked in writing to stop */
	int no_calls_at_work;    /* the employer forbids calls at work */
	int post_dated_payment;  /* the debtor has offered a post-dated payment */
	int debt_age_days;       /* days since the debt fell due; -1 unknown */
	int time_barred;         /* past the limitation period for a lawsuit */
};

/* A call placed to the debtor before this one (the contact log). */
struct rc_contact {
	int32_t date;            /* date.h day number */
	int seconds;             /* since the debtor's midnight; -1 unknown */
	int talked;              /* a conversation about the debt was had */
};

struct rc_legal {
	int set;                 /* the scenario (or front matter) states one */
	enum rc_debt_kind debt;
	enum rc_collector_kind collector;
	enum rc_jurisdiction jurisdiction;
	char *timezone;          /* owned; IANA name ("America/Chicago") */
	int first_contact;       /* 1: the first communication about the debt */
	struct rc_legal_facts facts;
	/* The contact log: earlier calls to the debtor about this debt
	 * ("contacts"), owned; HAS_CONTACTS 0 when the frame keeps no log. */
	struct rc_contact *contacts;
	size_t ncontacts;
	int has_contacts;
};

/* An unset frame: nothing stated, debt age unknown, first contact. */
void rc_legal_init(struct rc_legal *l);
/* Frees L's strings and sets it back to rc_legal_init()'s state. */
void rc_legal_free(struct rc_legal *l);

/* Reads the optional object OBJ["legal"] (OBJ at pointer PTR) into OUT
 * (initialised first), adding a message to R for every problem: unknown
 * keys, missing or misspelt values, a malformed time zone.  Returns 1 when
 * a frame was read (even with problems), 0 when there is none. */
int rc_legal_read(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                  struct rc_legal *out);

/* The simulated clock: when a call starts, in the debtor's time zone. */
struct rc_clock {
	int32_t date;            /* date.h day number */
	int seconds;             /* since the debtor's midnight, 0..86399 */
};

/* Each line of a call advances the clock by this many seconds. */
#define RC_CLOCK_TURN_SECONDS 15

/* Reads "YYYY-MM-DD HH:MM" (a 'T' may stand for the blank) into OUT: 1,
 * or 0 when TEXT is not such a time. */
int rc_clock_parse(const char *text, struct rc_clock *out);
/* Reads a contact's time, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", into OUT
 * (seconds -1 without the time): 1, or 0 when TEXT is neither. */
int rc_contact_parse(const char *text, struct rc_contact *out);
/* Adds contact C to L's log (and marks L as keeping one). */
void rc_legal_add_contact(struct rc_legal *l, const struct rc_contact *c);

/* L's frame in words ("us, consumer debt, third-party agency,
 * America/Chicago, written dispute") appended to B. */
struct rc_buf;
void rc_legal_describe(struct rc_buf *b, const struct rc_legal *l);

/* "consumer"/"business", "creditor"/"agency", "us"/"uk"/"none". */
const char *rc_legal_debt_name(enum rc_debt_kind k);
const char *rc_legal_collector_name(enum rc_collector_kind k);
const char *rc_legal_jurisdiction_name(enum rc_jurisdiction j);
/* The value named NAME into *OUT: 1, or 0 when NAME names none. */
int rc_legal_debt_parse(const char *name, enum rc_debt_kind *out);
int rc_legal_collector_parse(const char *name, enum rc_collector_kind *out);
int rc_legal_jurisdiction_parse(const char *name, enum rc_jurisdiction *out);
/* 1 when TZ looks like an IANA time zone name: "UTC", or "Area/Place"
 * (letters, digits, '_', '-', '+', up to three parts). */
int rc_legal_timezone_ok(const char *tz);

#endif
