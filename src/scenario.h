/*
 * scenario.h - a debtor scenario loaded from JSON into an immutable
 * in-memory form: persona, case file, research, hidden truth, variables,
 * states with ordered rules, global rules, and reply sets.  Every pattern
 * is compiled (and JIT-compiled) at load.  The format is documented in
 * docs/scenario-format.md.
 *
 * Ownership: a struct rc_scenario owns every string, array and compiled
 * pattern reachable from it; rc_scenario_free() frees them all.
 */
#ifndef RC_SCENARIO_H
#define RC_SCENARIO_H

#include <stddef.h>

#include "err.h"
#include "legal.h"
#include "lexicon.h"
#include "match.h"
#include "negotiate.h"
#include "policy.h"
#include "understand.h"

/* Variables.  Index into rc_scenario.vars; read-only ones are kept by the
 * engine. */
struct rc_var {
	char *name;
	int is_bool;
	int readonly;        /* turn, rounds, offers, agreed, research_used */
	double init;
	int declared;        /* listed in "variables" (or a built-in) */
	int read, written;   /* used in a condition / set by a rule */
};

enum rc_cmp { RC_CMP_EQ, RC_CMP_NE, RC_CMP_LT, RC_CMP_LE, RC_CMP_GT, RC_CMP_GE };

struct rc_cond {
	int var;
	enum rc_cmp op;
	double value;
};

struct rc_set {
	int var;
	int add;             /* 1: value is added; 0: assigned */
	double value;
};

struct rc_reply {
	char *text;          /* template with {placeholders} */
	unsigned weight;
	struct rc_cond *conds;   /* "when": said only while all hold */
	size_t nconds;
};

/* A reply set: what the debtor says and what saying it changes. */
struct rc_replyset {
	int slot;            /* unique index: the engine's cycle state */
	struct rc_reply *replies;
	size_t nreplies;
	unsigned total_weight;
	int random;          /* "pick": "random"; else cycle */
	struct rc_set *sets;
	size_t nsets;
	char **events;
	size_t nevents;
	int next;            /* state index, -1 to stay */
};

enum rc_bargain_action { RC_BARGAIN_NONE, RC_BARGAIN_OFFER, RC_BARGAIN_TAKE };

struct rc_example {
	char *text;
	int state;           /* -1: the rule's own state (any for globals) */
	struct rc_set *vars; /* situation: assignments before trying */
	size_t nvars;
};

struct rc_rule {
	char *id;
	int base;             /* inherited from the shared base (lang/base.json) */
	char *where;          /* JSON pointer of the rule, for messages */
	int state;            /* owning state, -1 for a global rule */
	int index;            /* unique across the scenario (once flags) */
	struct rc_pattern **match;
	size_t nmatch;        /* 0: any line */
	struct rc_pattern **not;
	size_t nnot;
	int *intents;         /* lexicon indexes: one must be read; none: any */
	size_t nintents;
	int either;           /* with intents and match: one of them is enough */
	int *not_intents;     /* none of these may be read */
	size_t nnot_intents;
	struct rc_pattern *after;
	struct rc_cond *conds;
	size_t nconds;
	int proposal;         /* -1 either, 0 must not contain, 1 must */
	enum rc_bargain_action bargain;
	int once;
	struct rc_replyset rs;
	struct rc_example *examples;
	size_t nexamples;
};

enum rc_end { RC_END_NONE, RC_END_CLOSE, RC_END_HANGUP };

struct rc_state {
	char *name;
	char *description;
	char *speaker;       /* who answers in this state; NULL: the debtor */
	struct rc_rule *rules;
	size_t nrules;
	struct rc_replyset fallback;
	int has_fallback;
	int bargain;
	enum rc_end end;
};

struct rc_invoice {
	char *id;
	double amount;
	char *due;           /* "YYYY-MM-DD" or NULL */
	int paid;
};

/* A charge of the case the collector may fairly take off ("adjustments" in
 * the case file): a partial dispute, one charge wrong and the rest owed.
 * A credit granted in words that match PATTERNS, with no amount said,
 * takes off AMOUNT. */
struct rc_adjustable {
	char *id;
	char *what;          /* the author's words for it, for traces; may be NULL */
	double amount;
	struct rc_pattern **patterns;
	size_t npatterns;
	struct rc_set *sets;     /* "set": what granting it changes */
	size_t nsets;
};

struct rc_fact {
	char *id;
	char *source;
	char *text;
	struct rc_pattern **patterns;
	size_t npatterns;
	int *intents;        /* lexicon intents that also count as using it */
	size_t nintents;
};

struct rc_scenario {
	char *path;          /* file it was loaded from */
	char *id, *title, *version, *archetype, *difficulty, *summary;

	/* persona */
	char *name, *first_name, *role, *kind, *organisation, *speech;
	int patience, hostility, honesty;

	/* case file */
	char *creditor, *collector, *debtor, *contact, *currency;
	struct rc_invoice *invoices;
	size_t ninvoices;
	double balance;
	int days_overdue;
	int32_t date;        /* the call's date: "date" in the case file, else
	                        the oldest unpaid invoice's due date plus the
	                        days overdue; RC_DATE_NONE when neither */
	char **history;
	size_t nhistory;
	char **notes;
	size_t nnotes;
	struct rc_adjustable *adjustable;  /* "adjustments" in the case file */
	size_t nadjustable;
	struct rc_policy policy;  /* "policy" in the case file; .set 0 when
	                             none is stated */

	struct rc_legal legal;    /* "legal": the legal frame; .set 0 when
	                             the scenario states none */

	struct rc_fact *research;
	size_t nresearch;

	char *reason, *if_pushed;
	struct rc_truth truth;

	struct rc_var *vars;
	size_t nvars;

	struct rc_state *states;
	size_t nstates;
	int start;
	int turn_limit;

	struct rc_rule *global;
	size_t nglobal;
	/* Tried after the state's rules, before its fallback: shared moves
	 * (thanks, small talk, hold on) that must not take a line a state
	 * rule wants. */
	struct rc_rule *backstop;
	size_t nbackstop;

	/* Understanding: the shared lexicon (not owned), what the reader needs
	 * to know of this scenario, and its own words (kept from spelling
	 * correction). */
	const struct rc_lexicon *lex;
	struct rc_facts facts;
	char **fact_ids;
	double *fact_amounts;
	struct rc_pattern **fact_research;
	int *fact_research_intents;
	struct rc_strmap *vocab;
	char *base_path;     /* the shared base inherited, NULL when none */

	struct rc_replyset opening, hangup, pause;
	int has_pause;
	struct rc_replyset accept, accept_plan, counter, counter_plan, refuse;
	/* Optional (no replies when absent): said when the trainee corrects
	 * terms the debtor has just restated, before the new bargain's answer
	 * ("reopen"); and when the trainee later tries to change a booked deal
	 * to one that asks more of the debtor ("renegotiate"). */
	struct rc_replyset reopen, renegotiate;

	/* scoring overrides: practices not applicable here, and weights;
	 * both arrays NULL-terminated (weight_values parallel to weight_ids) */
	char **na_ids;
	size_t nna;
	char **weight_ids;
	double *weight_values;
	size_t nweights;

	/* Name indexes, kept as the lists grow so that loading stays linear
	 * in the size of the file: state name -> index, variable name ->
	 * index, rule id -> where the rule is (rc_scenario_rule()). */
	struct rc_strmap *state_ids, *var_ids, *rule_ids;

	int nslots;          /* reply sets, for the engine's cycle state */
	int nrules;          /* rules, for the engine's once flags */
};

/* Well-known variable indexes: always present, in this order. */
enum {
	RC_VAR_PATIENCE, RC_VAR_MOOD, RC_VAR_LEVERAGE, RC_VAR_REASON_KNOWN,
	RC_VAR_GOOD_FAITH, RC_VAR_TURN, RC_VAR_ROUNDS, RC_VAR_OFFERS,
	RC_VAR_AGREED, RC_VAR_RESEARCH_USED, RC_VAR_CREDITED,
	RC_VAR_BUILTIN_COUNT
};

/* Loads the scenario in the file PATH.  Returns NULL and adds every problem
 * found to ERR ("PATH:LINE:COL: ..." or "PATH: /pointer: ...").  Warnings
 * may be added even on success.  Free with rc_scenario_free(). */
struct rc_scenario *rc_scenario_load(const char *path, struct rc_err *err);

/* The same from TEXT (LEN bytes), NAME used in messages. */
struct rc_scenario *rc_scenario_parse(const char *name, const char *text,
                                      size_t len, struct rc_err *err);

/* Loading options.  RC_SCENARIO_SUMMARY reads the file's structure
 * without compiling a pattern or loading the lexicon: enough to list a
 * scenario (ids, titles, counts), nothing to play it with. */
#define RC_SCENARIO_SUMMARY 1u
struct rc_scenario *rc_scenario_load_opts(const char *path, unsigned flags,
                                          struct rc_err *err);
struct rc_scenario *rc_scenario_parse_opts(const char *name, const char *text,
                                           size_t len, unsigned flags,
                                           struct rc_err *err);

void rc_scenario_free(struct rc_scenario *s);

/* Index of the state called NAME, or -1. */
int rc_scenario_state(const struct rc_scenario *s, const char *name);
/* Index of the variable called NAME, or -1. */
int rc_scenario_var(const struct rc_scenario *s, const char *name);
/* A reader for lines of a call of S: its lexicon, facts and vocabulary.
 * Free with rc_reader_free(). */
struct rc_reader *rc_scenario_reader(const struct rc_scenario *s);

/* The rule called ID (global, backstop or of a state), or NULL. */
const struct rc_rule *rc_scenario_rule(const struct rc_scenario *s,
                                       const char *id);

/* Total rules, global and per state. */
size_t rc_scenario_rule_count(const struct rc_scenario *s);

/* Finds the scenario ARG: a path to a file (when it contains '/' or ends in
 * ".json"), else an id looked up as DIR/ARG.json in the scenario path (DIRS,
 * a NULL-terminated list).  Returns a path the caller frees, or NULL. */
char *rc_scenario_find(const char *arg, const char *const *dirs);

#endif
