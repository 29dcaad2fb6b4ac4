/*
 * plan.h - test plans for scenarios (`recoup test`): scripted calls with
 * what the debtor must answer at each step (reply patterns, rule, state,
 * events, variables, whether the call has ended) and how the call must end
 * (ended_by, final state, events, variables, the agreement and bounds on
 * its terms).  Each case is played once per seed through the same session
 * code as `recoup run`; every expectation must hold for every seed.  The
 * format is documented in docs/test-plans.md.
 *
 * Ownership: a struct rc_plan owns everything reachable from it (free it
 * with rc_plan_free()); a struct rc_plan_result owns its failures and
 * transcripts (rc_plan_result_free()).
 */
#ifndef RC_PLAN_H
#define RC_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "match.h"
#include "scenario.h"

#define RC_PLAN_SUFFIX ".plan.json"

/* A comparison with a number ("== 0", ">= 1200", or a plain value). */
struct rc_plan_cmp {
	enum rc_cmp op;
	double value;
	int is_bool;          /* written as true/false */
};

struct rc_plan_var {
	char *name;
	char *ptr;            /* JSON pointer, for messages */
	int var;              /* index in the scenario once bound, else -1 */
	struct rc_plan_cmp cmp;
};

/* What one step or the whole call must show.  Unset parts are not
 * checked. */
struct rc_plan_expect {
	struct rc_pattern **reply;       /* every one must match the reply */
	size_t nreply;
	struct rc_pattern **reply_not;   /* none may match */
	size_t nreply_not;
	char *rule;           /* rule id, "fallback", "bargain:counter", ... */
	char *state;          /* the state afterwards */
	char **events;        /* each must be emitted */
	size_t nevents;
	char **no_events;     /* none may be emitted */
	size_t nno_events;
	struct rc_plan_var *vars;
	size_t nvars;
	int ended;            /* -1 unchecked, 0 still going, 1 ended */
	char *ended_by;       /* outcome: "agreement", "hangup", ... */
	int agreement;        /* -1 unchecked, 0 none, 1 present */
	int has_terms[6];     /* bounds on upfront, instalment, count, total, */
	struct rc_plan_cmp terms[6];   /* balance_left, and turns */
	int affordable;       /* -1 unchecked */
	char *ptr;            /* JSON pointer of the expectation object */
};

enum { RC_PLAN_UPFRONT, RC_PLAN_INSTALMENT, RC_PLAN_COUNT, RC_PLAN_TOTAL,
       RC_PLAN_BALANCE_LEFT, RC_PLAN_TURNS };

struct rc_plan_step {
	char *line;           /* what the trainee types: speech or /command */
	char *ptr;            /* JSON pointer of the step */
	int line_no, col;     /* its position in the plan file (0: unknown) */
	struct rc_plan_expect expect;
};

struct rc_plan_case {
	char *name;
	char *description;
	char *ptr;
	int line_no, col;
	uint64_t *seeds;
	size_t nseeds;
	int assessment;       /* "mode": "assessment" */
	struct rc_plan_step *steps;
	size_t nsteps;
	struct rc_plan_expect outcome;
};

struct rc_jsonptr;

struct rc_plan {
	char *path;
	struct rc_jsonptr *index;   /* where each value is in the file */
	char *scenario;       /* the "scenario" key as written, or NULL */
	struct rc_plan_case *cases;
	size_t ncases;
};

/* Loads the plan in PATH.  Returns NULL and adds every problem found to
 * ERR ("PATH:LINE:COL: ..." / "PATH: /pointer: ...").  Free with
 * rc_plan_free(). */
struct rc_plan *rc_plan_load(const char *path, struct rc_err *err);
/* The same from TEXT (LEN bytes, NUL at TEXT[LEN]), NAME used in
 * messages. */
struct rc_plan *rc_plan_parse(const char *name, const char *text, size_t len,
                              struct rc_err *err);
void rc_plan_free(struct rc_plan *p);

/* The scenario file of plan P: its "scenario" key (an id, looked up beside
 * the plan and then in DIRS, or a path relative to the plan), or the file
 * beside the plan with the same name without ".plan".  Returns a path the
 * caller frees, or NULL (and adds why to ERR). */
char *rc_plan_scenario_path(const struct rc_plan *p, const char *const *dirs,
                            struct rc_err *err);

/* The plan file for scenario file PATH ("x.json" -> "x.plan.json").
 * The caller frees it. */
char *rc_plan_path_for(const char *scenario_path);

/* Checks that the states, rules and variables P names exist in S and
 * remembers the variables' indexes.  Returns the number of errors added to
 * ERR. */
size_t rc_plan_bind(struct rc_plan *p, const struct rc_scenario *s,
                    struct rc_err *err);

/* One expectation that did not hold, in one step (or the outcome) of one
 * case, for the seeds listed. */
struct rc_plan_failure {
	size_t case_index;
	size_t step;          /* from 1; 0 for the outcome */
	char *where;          /* "PLAN:LINE:COL" of the step or case */
	char *line;           /* the step's trainee line, or NULL */
	char *what;           /* "reply", "state", "ended_by", ... */
	char *expected;
	char *actual;
	uint64_t *seeds;
	size_t nseeds;
	char *transcript;     /* the call up to the failure (first seed) */
};

struct rc_plan_case_result {
	char *name;           /* the case's name (a copy) */
	size_t runs;          /* seeds played */
	size_t failed;        /* seeds with at least one failure */
};

struct rc_plan_result {
	size_t ncases, runs, failed_runs, checks;
	struct rc_plan_case_result *cases;    /* ncases of them */
	struct rc_plan_failure *v;
	size_t n;
};

#define RC_PLAN_RESULT_INIT { 0, 0, 0, 0, NULL, NULL, 0 }

/* Plays every case of P (bound to S) for each of its seeds, or only for
 * SEED when ONLY_SEED is set, and only the case called ONLY_CASE when not
 * NULL.  A run stops at its first failing step.  Adds to RESULT; returns
 * the number of failed runs. */
size_t rc_plan_run(const struct rc_plan *p, const struct rc_scenario *s,
                   const char *only_case, int only_seed, uint64_t seed,
                   struct rc_plan_result *result);
void rc_plan_result_free(struct rc_plan_result *r);

#endif
