/*
 * score.h - scoring a call: the twenty practices and the extended ones,
 * each met / partial / missed / n/a with points and evidence (turn numbers
 * and quoted lines), the outcome of the negotiation, critical failures, the
 * negotiation style used most, and the totals.
 *
 * The input is a transcript with events: from the simulator (events known)
 * or parsed from a recorded call (events inferred from the debtor's lines).
 * Detectors (detect-*.c) see each line through precomputed signals, never
 * through raw keywords alone.
 *
 * Ownership: rc_score() returns a scorecard the caller frees with
 * rc_scorecard_free(); it points into the rubric, which must outlive it.
 */
#ifndef RC_SCORE_H
#define RC_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "amount.h"
#include "negotiate.h"
#include "policy.h"
#include "rubric.h"
#include "transcript.h"
#include "understand.h"

/* The case file as the rubric needs it.  Strings are not owned. */
struct rc_case_invoice {
	const char *id;
	double amount;
	const char *due;          /* "YYYY-MM-DD" or NULL */
	int paid;
};

struct rc_case {
	const char *creditor, *debtor, *contact, *currency;
	double balance;
	int days_overdue;
	const struct rc_case_invoice *invoices;
	size_t ninvoices;
	int32_t date;                     /* the call's date (date.h), or
	                                     RC_DATE_NONE */
	const struct rc_policy *policy;   /* the creditor's policy, NULL when
	                                     the case states none */
};

struct rc_score_input {
	const struct rc_transcript *t;
	const struct rc_case *c;          /* NULL: no case file (n/a where needed) */
	const struct rc_truth *truth;     /* NULL: hidden truth unknown */
	int has_mood;                     /* the debtor's mood at the end is known */
	double mood;
	int inferred;                     /* events were inferred from debtor lines */
	const char *scenario_version;     /* may be NULL */
	const char *const *not_applicable;  /* ids the scenario marks n/a; NULL-ended, may be NULL */
	const char *const *weight_ids;    /* scenario weight overrides: ids ... */
	const double *weight_values;      /* ... and their weights; NULL-ended ids */
	struct rc_score_cache *cache;     /* may be NULL; see rc_score_cache_new() */
	const struct rc_legal *legal;     /* the call's legal frame, NULL when
	                                     none is stated (no compliance) */
	const struct rc_clock *clock;     /* when the call started in the
	                                     debtor's zone; NULL: not known */
	const struct rc_strmap *vocab;    /* the scenario's words, kept from
	                                     spelling correction; may be NULL */
};

/* The readings of a call's lines kept between scorings of a call that
 * only grows (practice mode scores after every line): each line is read
 * once, so scoring at line 500 costs about what it costs at line 5.  Use
 * one cache per call; free with rc_score_cache_free() (NULL ignored). */
struct rc_score_cache;
struct rc_score_cache *rc_score_cache_new(void);
void rc_score_cache_free(struct rc_score_cache *c);

/* Reads every line of IN->t not yet in IN->cache (which must not be NULL)
 * into it, against IN's case file, as rc_score() would: a recorded call's
 * inference and its scoring then share one reading per line.  What the
 * cache holds for line I (0-based; I below the lines read): whether signal
 * SIG was read, the terms the line proposes, the sums it names, and in a
 * recorded call the events inferred: whether the line makes the agreement
 * (a debtor's yes to terms put to them, or the collector taking the
 * debtor's offer) and whether it is a debtor's offer. */
void rc_score_read(const struct rc_rubric *rubric, const struct rc_score_input *in);
int rc_score_cache_signal(const struct rc_score_cache *c, size_t i, int sig);
const struct rc_proposal *rc_score_cache_proposal(const struct rc_score_cache *c,
                                                  size_t i);
int rc_score_cache_agreement(const struct rc_score_cache *c, size_t i);
int rc_score_cache_offer(const struct rc_score_cache *c, size_t i);
const struct rc_money *rc_score_cache_money(const struct rc_score_cache *c,
                                            size_t i, size_t *n);

enum rc_status { RC_MET, RC_PARTIAL, RC_MISSED, RC_NA };

struct rc_evidence {
	int turn;
	char *quote;              /* owned */
};

/* A trainer's override of an automatic status (`recoup review`), kept
 * beside it: the result shows the reviewed status, this the one the
 * scorer gave. */
struct rc_review {
	enum rc_status was;       /* the automatic status */
	double was_points;
	char *by;                 /* owned: who reviewed it */
	char *note;               /* owned, may be NULL */
	int64_t at;               /* when, unix seconds */
};

struct rc_result {
	const struct rc_practice_def *def;
	enum rc_status status;
	double points;            /* 0..1; 0 for n/a */
	double weight;            /* after scenario overrides */
	struct rc_evidence *ev;
	size_t nev;
	char *note;               /* owned, may be NULL: why, in a few words */
	unsigned flags;           /* RC_RESULT_*: what a live note may say */
	struct rc_review *review; /* owned; NULL: the automatic status */
};

/* Result flags: facts a detector found that live notes report (never
 * read back from the note's wording). */
#define RC_RESULT_HELD_CALM 1u    /* stayed calm right after a provocation */

/* Per-turn view used by the detectors. */
#define RC_LINE_IDS 8

/* The events of a turn the detectors ask about, as bits of rc_line.ev
 * (set once per line: a detector's question is then one test, not a
 * search of the turn's events by name on every line of every scoring). */
enum rc_line_event {
	RC_LEV_AGREEMENT, RC_LEV_DEBT_ACKNOWLEDGED, RC_LEV_DEBTOR_OFFER,
	RC_LEV_DISPUTE, RC_LEV_FLOOR_SET, RC_LEV_FOLLOW_UP_AGREED,
	RC_LEV_GATEKEEPER, RC_LEV_HANG_UP, RC_LEV_HOSTILITY,
	RC_LEV_INABILITY_REVEALED, RC_LEV_NOTE, RC_LEV_PAUSE,
	RC_LEV_PROMISE_MADE, RC_LEV_REASON_REVEALED, RC_LEV_RESEARCH_USED,
	RC_LEV_RESEARCH_VIEWED, RC_LEV_RIGHT_PARTY_CONFIRMED,
	RC_LEV_THIRD_PARTY_DISCLOSURE, RC_LEV_WRONG_PARTY,
	RC_LEV_COUNT
};

/* The bits of enum rc_line_event for the events TURN carries. */
uint32_t rc_line_events(const struct rc_turn *turn);

struct rc_line {
	const struct rc_turn *turn;
	uint64_t sig;             /* bit (1 << enum rc_signal) when the signal fired */
	uint32_t ev;              /* bit (1 << enum rc_line_event) per event */
	size_t nev;               /* the turn's events when EV was taken */
	/* The state of score.c's walk over the lines before this one (kept so
	 * that a growing call is walked again from here, not from the start) */
	int was_proposal_open, was_offer_open;
	size_t was_prev, was_said;
	int shout;                /* mostly capitals */
	struct rc_proposal prop;  /* a proposal in the line (collector or debtor) */
	struct rc_money money[RC_AMOUNT_MAX];
	size_t nmoney;
	double credit;            /* a credit the collector grants (reading.h) */
	int debtor_offer;         /* event debtor-offer (or inferred) */
	int inability;            /* event inability-revealed (or inferred) */
	int reason;               /* event reason-revealed */
	int hostility;            /* debtor hostility */
	int agreement;            /* event agreement */
	int hangup;
	int right_party;          /* event right-party-confirmed (or inferred:
	                             the debtor says it is them, answers with
	                             their own name, or answers to it) */
	int gatekeeper;           /* someone else answers: event gatekeeper or
	                             wrong-party (or inferred from the line) */
	/* Text facts read once per line (a practice call is rescored after
	 * every line, and these scans would make a reply cost grow with it): */
	long ids[RC_LINE_IDS];    /* invoice numbers named, as digits */
	size_t nids;
	int names_invoice;        /* names an invoice of the case by id or digits */
	/* The due dates and ages the line states, checked against the case
	 * (detect-core.c), filled in the first time a detector asks */
	int dates_read;
	int specific;             /* states the debt's details (detect-core.c):
	                             0 not asked yet, 1 no, 2 yes */
	unsigned dates_right, dates_wrong;
	char dates_what[96];      /* the first false one */
};

/* The invoice numbers TEXT names ("INV-2291", "invoice #2291", "invoices
 * 2291 and 2307") into IDS as numbers; returns how many (detect-core.c). */
size_t rc_line_invoice_ids(const char *text, long *ids, size_t max);
/* Does TEXT name one of the case's invoices, by its id or, when the id
 * ends in three or more digits, by those digits (detect-extended.c)? */
int rc_line_names_invoice(const struct rc_case *c, const char *text);
/* Does collector line L name the debt: that something is overdue, an
 * invoice of case C, or one of its amounts (detect-extended.c)? */
int rc_line_discloses(const struct rc_case *c, const struct rc_line *l);

#define RC_HAS(line, s) (((line)->sig >> (s)) & 1u)
#define RC_EV(line, e) (((line)->ev >> (e)) & 1u)

enum rc_style_kind {
	RC_STYLE_CONFRONTATION, RC_STYLE_AVOIDANCE, RC_STYLE_ACCOMMODATION,
	RC_STYLE_COMPROMISE, RC_STYLE_COLLABORATION
};

struct rc_outcome {
	int agreement;
	struct rc_terms terms;     /* when agreement */
	double balance;
	double credited;           /* taken off the balance in the call */
	double recovered_now;      /* paid at once */
	double expected;           /* expected recovery given the truth */
	int days_to_full;          /* -1: never in full under these terms */
	double goodwill;           /* 0..100 */
	int ended_by;              /* enum rc_ended */
	double score;              /* 0..100 */
	/* The agreed terms against the case's policy: the limits broken, in
	 * the order of enum rc_breach_kind (none without a policy or an
	 * agreement).  Flagged, not scored: the score above is unchanged. */
	struct rc_breach breaches[RC_POLICY_BREACHES];
	int nbreaches;
};

struct rc_critical {
	const char *id;            /* "abusive-language" */
	int turn;
	char *quote;               /* owned */
};

/* One compliance rule judged on a call (detect-compliance.c). */
enum rc_comply_status {
	RC_COMPLY_KEPT,           /* the rule applies and the call kept it */
	RC_COMPLY_BREACHED,       /* the rule applies and a line broke it */
	RC_COMPLY_NA,             /* the rule does not apply to this call */
	RC_COMPLY_UNJUDGED        /* it applies, but recoup cannot judge it
	                             from what it has (the clock, the log) */
};

struct rc_comply_result {
	const struct rc_compliance_rule *rule;   /* points into the rubric */
	enum rc_comply_status status;
	int applies;              /* the rule is one of the call's frame */
	int turn;                 /* the line that broke it, 0 when none */
	char *quote;              /* owned, NULL when no line is cited */
	char *note;               /* owned: why, in a few words */
};

struct rc_scorecard {
	const char *rubric_version;
	const char *scenario_version;    /* may be NULL */
	struct rc_result *practices;     /* the twenty, in order */
	size_t npractices;
	struct rc_result *extended;
	size_t nextended;
	enum rc_style_kind style;
	double practice_score;           /* 0..100 */
	struct rc_outcome outcome;
	double score;                    /* overall 0..100 */
	double pass_mark;
	int passed;
	double w_practice;               /* the practice score's share of the
	                                    overall (the rubric's) */
	/* With reviewed results (rc_scorecard_retotal()): the figures the
	 * scorer gave; equal to the above when nothing was reviewed. */
	size_t nreviewed;
	double auto_practice_score, auto_score;
	int auto_passed;
	struct rc_critical *critical;
	size_t ncritical;
	/* The compliance section: every rule of the rubric's compliance.json
	 * in its order, when the call has a legal frame (FRAME, owned, says
	 * it in words); none without one. */
	char *frame;
	struct rc_comply_result *compliance;
	size_t ncompliance;
};

/* Everything a detector sees. */
struct rc_detect {
	const struct rc_score_input *in;
	const struct rc_rubric *rubric;
	const struct rc_practice_def *def;
	const struct rc_line *lines;     /* one per transcript turn, same index */
	size_t nlines;
};

typedef void (*rc_detector_fn)(const struct rc_detect *d, struct rc_result *r);

struct rc_detector {
	const char *id;
	rc_detector_fn fn;
};

struct rc_scenario;

/* Sets up IN for a call of scenario S: its case file (written into KASE,
 * whose invoices go into INV, an array of S->ninvoices entries), hidden
 * truth, version and scoring overrides.  IN->t and the mood are left for
 * the caller.  Everything points into S and INV. */
void rc_score_input_scenario(struct rc_score_input *in, struct rc_case *kase,
                             struct rc_case_invoice *inv,
                             const struct rc_scenario *s);

/* Scores IN with RUBRIC. */
struct rc_scorecard *rc_score(const struct rc_rubric *rubric,
                              const struct rc_score_input *in);
void rc_scorecard_free(struct rc_scorecard *c);

/* 1 when TEXT is said on a condition: an "if", "unless", "otherwise",
 * "failing", or a clause opening with "should". */
int rc_text_conditional(const char *text);

/* Helpers for detectors (score.c). */
/* Adds evidence: turn number and a quote of its text (shortened). */
void rc_result_cite(struct rc_result *r, const struct rc_turn *turn);
/* Sets status and points (met 1, partial 0.5, missed 0, n/a 0) and a note
 * (printf-style, may be NULL). */
void rc_result_set(struct rc_result *r, enum rc_status st, const char *note, ...)
	__attribute__((format(printf, 3, 4)));
/* Is TEXT read as signal SIG (through RUBRIC's reader, as a collector's
 * line for collector signals and a debtor's for debtor ones)? */
int rc_signal_match(const struct rc_rubric *rubric, enum rc_signal sig,
                    const char *text);
/* Is signal SIG read in reading R (one of the intents it stands for)? */
int rc_signal_in(const struct rc_rubric *rubric, const struct rc_reading *r,
                 enum rc_signal sig);
const char *rc_status_name(enum rc_status s);
/* The status named S ("met", "partial", "missed", "n/a") into *OUT: 1, or
 * 0 when S names none. */
int rc_status_parse(const char *s, enum rc_status *out);
/* The points a status earns: met 1, partial 0.5, missed and n/a 0. */
double rc_status_points(enum rc_status s);

/* The practice score: 100 x sum(points x weight) / sum(weight) over the N
 * statuses that are not n/a (0 when all are). */
double rc_score_practice(const enum rc_status *st, const double *weight,
                         size_t n);
/* The overall score from the practice and outcome scores. */
double rc_score_overall(double practice, double outcome, double w_practice);

/* Gives R the reviewed status ST by BY (copied) with NOTE (copied, may
 * be NULL) at AT, keeping the automatic status in R->review.  Reviewing
 * again replaces the review, never the automatic status. */
void rc_result_review(struct rc_result *r, enum rc_status st, const char *by,
                      const char *note, int64_t at);
/* Recomputes C's practice score, overall and pass from its results (the
 * reviewed statuses with their weights), keeping the scorer's figures in
 * C->auto_* the first time; sets C->nreviewed. */
void rc_scorecard_retotal(struct rc_scorecard *c);
const char *rc_style_name(enum rc_style_kind s);

/* Judges the compliance rules of RUBRIC on the call of IN (its lines
 * read into LINES, N of them) into C's compliance section, after the
 * practices and the outcome; a critical breach is added to C's critical
 * failures (unless one already cites its line).  Nothing without a legal
 * frame or without compliance rules (detect-compliance.c). */
void rc_score_compliance(const struct rc_rubric *rubric,
                         const struct rc_score_input *in,
                         struct rc_scorecard *c, const struct rc_line *lines,
                         size_t n);
const char *rc_comply_status_name(enum rc_comply_status s);

/* The detector tables (detect-*.c), each NULL-id terminated. */
extern const struct rc_detector rc_detectors_core[];     /* practices 1-10 */
extern const struct rc_detector rc_detectors_deal[];     /* practices 11-20 */
extern const struct rc_detector rc_detectors_extended[]; /* extended */

#endif
