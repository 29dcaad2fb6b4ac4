/*
 * rubric.h - the scoring rubric as data: the twenty practices and the
 * extended ones (ids, numbers, titles, descriptions, tips, weights,
 * detector settings), the pass mark and the weights of practice against
 * outcome (scoring/rubric.json).  The detectors read lines through the
 * shared lexicon's intents (lexicon.h); each signal they test is one
 * intent, named in rc_signal_names[].
 *
 * Ownership: a struct rc_rubric owns everything reachable from it;
 * rc_rubric_free() frees it all.
 */
#ifndef RC_RUBRIC_H
#define RC_RUBRIC_H

#include <stddef.h>

#include "compliance.h"
#include "err.h"
#include "lexicon.h"
#include "understand.h"

/* How many practices the rubric has: the twenty of the spec. */
#define RC_PRACTICES 20

/* Collector-line signals, in the order of rc_signal_names[]. */
enum rc_signal {
	RC_SIG_IDENTIFY, RC_SIG_COURTESY, RC_SIG_PROFANITY, RC_SIG_INSULT,
	RC_SIG_CONDESCEND, RC_SIG_SARCASM, RC_SIG_THREAT, RC_SIG_ASK_REASON,
	RC_SIG_ASK_SOLUTION, RC_SIG_ASK_OFFER, RC_SIG_GOOD_FAITH, RC_SIG_WRITING,
	RC_SIG_RAMIFICATION, RC_SIG_FOLLOW_UP, RC_SIG_NEXT_STEP,
	RC_SIG_VERIFY_PARTY, RC_SIG_CONFIRM_UNPAID, RC_SIG_ASK_PROOF,
	RC_SIG_ACKNOWLEDGE, RC_SIG_EMPATHY, RC_SIG_RECAP, RC_SIG_OPTIONS,
	RC_SIG_MINIMUM, RC_SIG_ACCEPT, RC_SIG_CONSIDER_OFFER, RC_SIG_DEADLINE,
	RC_SIG_CONSEQUENCE, RC_SIG_WAIVE, RC_SIG_FULL_BALANCE, RC_SIG_OVERDUE,
	RC_SIG_GOODBYE, RC_SIG_PAYMENT_TALK, RC_SIG_RESEARCH, RC_SIG_MENTION_DEBT,
	RC_SIG_COMMAND,
	/* Read for the compliance rules (detect-compliance.c). */
	RC_SIG_MINI_MIRANDA, RC_SIG_OFFER_VERIFY, RC_SIG_SIGNPOST,
	RC_SIG_LEGAL_ACTION, RC_SIG_HARASS,
	RC_SIG_COLLECTOR_COUNT,
	/* Debtor-line signals. */
	RC_SIG_D_INABILITY = RC_SIG_COLLECTOR_COUNT, RC_SIG_D_REASON,
	RC_SIG_D_OFFER, RC_SIG_D_AGREE, RC_SIG_D_HOSTILE, RC_SIG_D_DISPUTE,
	RC_SIG_D_HANGUP, RC_SIG_D_SELF, RC_SIG_D_ELSE, RC_SIG_D_ASSENT,
	RC_SIG_D_ATTORNEY,
	RC_SIG_COUNT
};

/* The lexicon intents each signal is, by id ("a|b": either), the ids
 * being the lexicon's interface (docs/understanding.md). */
extern const char *const rc_signal_names[RC_SIG_COUNT];
#define RC_SIG_INTENTS 6          /* intents one signal may stand for, + 1 */

struct rc_practice_def {
	char *id;
	int number;              /* 1..RC_PRACTICES; 0 for an extended practice */
	char *title, *description, *tip;
	double weight;
	char **setting_keys;     /* numeric detector settings */
	double *setting_values;
	size_t nsettings;
};

/* How the outcome is scored (rubric.json "outcome"; every field has the
 * default given in docs/scoring.md). */
struct rc_outcome_model {
	double w_recovery, w_speed, w_goodwill;   /* sum to 1 */
	double goodwill_base, goodwill_per_mood;  /* mood known: base + per * mood */
	double goodwill_unknown, goodwill_per_hostile;  /* from a recording */
	double goodwill_hangup_cap;
	double unaffordable_success;  /* a plan above what they can afford:
	                                 its success is this x (affordable/asked)^2 */
	double achievable_months;     /* what a debtor can pay: cash + N months */
	double followup_recovery;     /* no deal, but a dated follow-up */
	double speed_now, speed_quarter, speed_year, speed_later, speed_never;
};

/* Coaching in practice mode (rubric.json "coaching"): the order /hint
 * goes through the practices, and the practices a single line can fail
 * by what it says (a live note says so at once).  Practice numbers. */
struct rc_coaching {
	int hint_order[RC_PRACTICES];
	size_t nhint;
	int faults[RC_PRACTICES];     /* failed by one line (a note at once) */
	size_t nfaults;
	int conduct[RC_PRACTICES];    /* judged on the whole call: no news
	                                 while it lasts */
	size_t nconduct;
	int after_deal[RC_PRACTICES]; /* hinted only once there is a deal */
	size_t nafter_deal;
	int any_time[RC_PRACTICES];   /* hinted with or without a deal */
	size_t nany_time;
	int once[RC_PRACTICES];       /* a step done once begun: not hinted
	                                 when partly met (a late reminder) */
	size_t nonce;
};

/* 1 when practice NUMBER is in LIST (N entries). */
int rc_coaching_has(const int *list, size_t n, int number);

/* A critical failure (rubric.json "critical"): it fails the call whatever
 * its score.  One is read from collector lines carrying any of SIGNALS
 * (the lexicon intents named in "intents", each one the scorer reads as a
 * signal); the one with DISCLOSURE set is the structural one, the debt
 * named to someone other than the debtor (score.c).  EVIDENCE says in
 * words what counts, for the docs and the card. */
#define RC_CRITICAL_SIGNALS 4
struct rc_critical_def {
	char *id, *title, *evidence, *tip;
	int signals[RC_CRITICAL_SIGNALS];   /* enum rc_signal; -1 ends the list */
	int disclosure;
};

/* The practice score's share of the overall when the rubric names none
 * (the outcome has the rest). */
#define RC_RUBRIC_W_PRACTICE 0.7

struct rc_rubric {
	char *version;
	double pass_mark;        /* 0..100 */
	double w_practice, w_outcome;
	struct rc_practice_def *practices;   /* the twenty, in number order */
	size_t npractices;
	struct rc_practice_def *extended;
	size_t nextended;
	struct rc_outcome_model outcome;
	struct rc_coaching coaching;
	struct rc_critical_def *criticals;
	size_t ncriticals;
	/* The compliance rules (DIR/compliance.json); NULL when the rubric's
	 * directory has none. */
	struct rc_compliance *compliance;
	/* How lines are read: the shared lexicon (not owned), the intent of
	 * each signal, and one reader kept for every call scored with this
	 * rubric (its spelling cache is worth keeping across calls). */
	const struct rc_lexicon *lex;
	int sig[RC_SIG_COUNT][RC_SIG_INTENTS];   /* -1 ends a list */
	struct rc_reader *reader;
};

/* Loads the rubric from DIR/rubric.json, the compliance rules from
 * DIR/compliance.json when it exists, and the lexicon (see
 * rc_lexicon_locate()).  Returns NULL and adds every problem to ERR.  Free
 * with rc_rubric_free(). */
struct rc_rubric *rc_rubric_load(const char *dir, struct rc_err *err);
void rc_rubric_free(struct rc_rubric *r);

/* The practice (or extended practice) called ID, or NULL. */
const struct rc_practice_def *rc_rubric_find(const struct rc_rubric *r,
                                             const char *id);

/* A numeric detector setting of P, or DEF when unset. */
double rc_rubric_setting(const struct rc_practice_def *p, const char *key,
                         double def);

/* The critical failure called ID, or NULL. */
const struct rc_critical_def *rc_rubric_critical(const struct rc_rubric *r,
                                                 const char *id);

/* The ids of the twenty practices, in number order (fixed by the spec). */
extern const char *const rc_practice_ids[RC_PRACTICES];

/* The number (1..RC_PRACTICES) of the practice whose id is the N bytes at
 * ID, or 0 when ID is none of them (an extended practice). */
int rc_practice_number(const char *id, size_t n);

#endif
