/*
 * compliance.h - the compliance rules as data (scoring/compliance.json):
 * for each rule the law and section it comes from, a plain-English
 * statement, a tip, whether breaking it is critical (fails the call), and
 * the legal frames it applies to (jurisdictions, consumer or business
 * debt, creditor or agency).  The detectors that judge a call against
 * them are C (detect-compliance.c); which rules exist is fixed by
 * rc_compliance_ids[], so a rule in the file without a detector, or a
 * detector without its rule, is an error.
 *
 * Ownership: a struct rc_compliance owns every string reachable from it;
 * rc_compliance_free() frees it all (NULL is ignored).
 */
#ifndef RC_COMPLIANCE_H
#define RC_COMPLIANCE_H

#include <stddef.h>

#include "err.h"
#include "legal.h"

/* What a rule's detector needs beyond the call's lines. */
enum rc_compliance_need {
	RC_NEED_LINES,      /* the lines and the frame's facts */
	RC_NEED_CLOCK,      /* the time of the call in the debtor's zone */
	RC_NEED_LOG         /* the account's contact log */
};

struct rc_compliance_rule {
	char *id;            /* "us-third-party" */
	char *law;           /* "FDCPA", "Regulation F", "FCA CONC" */
	char *section;       /* "15 U.S.C. 1692c(b)" */
	char *title;         /* "No disclosure to third parties" */
	char *statement;     /* what the rule asks, in plain English */
	char *tip;           /* how to keep it on a call */
	int critical;        /* a breach fails the call */
	unsigned jurisdictions;  /* bit (1 << enum rc_jurisdiction) */
	unsigned debts;          /* bit (1 << enum rc_debt_kind) */
	unsigned collectors;     /* bit (1 << enum rc_collector_kind) */
	enum rc_compliance_need need;
};

struct rc_compliance {
	char *path;
	char *version;
	struct rc_compliance_rule *rules;   /* in the file's order */
	size_t nrules;
};

/* The ids of the rules recoup has a detector for, NULL-terminated, each
 * with what its detector needs (detect-compliance.c). */
extern const char *const rc_compliance_ids[];
enum rc_compliance_need rc_compliance_id_need(const char *id);

/* Loads PATH (normally scoring/compliance.json).  Returns NULL and adds
 * every problem to ERR as "PATH:LINE:COL: /pointer: what".  Free with
 * rc_compliance_free(). */
struct rc_compliance *rc_compliance_load(const char *path, struct rc_err *err);
/* The same from TEXT (LEN bytes, NUL at TEXT[LEN]), NAME used in messages. */
struct rc_compliance *rc_compliance_parse(const char *name, const char *text,
                                          size_t len, struct rc_err *err);
void rc_compliance_free(struct rc_compliance *c);

/* The rule called ID, or NULL. */
const struct rc_compliance_rule *rc_compliance_find(const struct rc_compliance *c,
                                                    const char *id);
/* 1 when rule R applies to a call in frame L (L->set); 0 otherwise, and
 * always 0 without a frame. */
int rc_compliance_applies(const struct rc_compliance_rule *r,
                          const struct rc_legal *l);

#endif
