/*
 * lint.h - checks a scenario beyond what loading it requires, for
 * `recoup lint`: states nobody can reach, states with no way out, rules
 * shadowed by earlier rules and rule examples that do not fire their rule
 * (both found by running every example through the real engine),
 * variables set but never read or read but never set, repeated replies, a
 * balance that is not the sum of the unpaid invoices.
 *
 * Messages are added to a struct rc_err as the loader writes them:
 * "FILE:LINE:COL: /json/pointer: what" (or "FILE: /json/pointer: what"
 * when the position is unknown), errors and warnings marked by severity.
 * Nothing here prints.
 */
#ifndef RC_LINT_H
#define RC_LINT_H

#include <stddef.h>

#include "err.h"
#include "scenario.h"

/* Lints the scenario file PATH: every load problem (JSON syntax, schema,
 * patterns, unknown states, missing fallbacks) and, when it loads, every
 * check of rc_lint_check().  Returns -1 when the file cannot be read at
 * all (ERR says why), else the number of errors added to ERR. */
long rc_lint_scenario(const char *path, struct rc_err *err);

/* The same, also checking the practice ids the scenario's "scoring" block
 * names against RUBRIC (may be NULL: not checked). */
struct rc_rubric;
long rc_lint_scenario_rubric(const char *path, const struct rc_rubric *rubric,
                             struct rc_err *err);

/* Lints the lexicon in DIR (intents.json and normalise.json): load
 * problems, then every intent's examples must be read as it and no
 * counter-example may be.  Returns -1 when a file cannot be read, else the
 * number of errors added. */
long rc_lint_lexicon(const char *dir, struct rc_err *err);

/* Lints the shared base PATH (lang/base.json): it is read as every
 * scenario inherits it, by a minimal debtor, and each of its rules'
 * examples must fire the rule.  Returns -1 when it cannot be read, else
 * the number of errors added. */
long rc_lint_base(const char *path, struct rc_err *err);

/* Lints DIR/rubric.json (and the lexicon intents it needs).  Returns -1
 * when it cannot be read, else the number of errors added. */
long rc_lint_rubric(const char *dir, struct rc_err *err);
/* Lints the compliance rules in PATH (scoring/compliance.json): the
 * loader's checks (compliance.h).  Returns the number of errors added. */
long rc_lint_compliance(const char *path, struct rc_err *err);

/* Runs the checks on scenario S, loaded from TEXT (LEN bytes; used for
 * line and column numbers, may be NULL).  Adds findings to ERR in the
 * order of their position in the file. */
void rc_lint_check(const struct rc_scenario *s, const char *text, size_t len,
                   struct rc_err *err);

/* Lints the test plan PATH (see plan.h): its structure, and that the
 * states, rules and variables it names exist in its scenario, which is
 * looked up beside the plan or in DIRS (NULL-terminated).  Returns -1 when
 * the plan cannot be read, else the number of errors added. */
long rc_lint_plan(const char *path, const char *const *dirs,
                  struct rc_err *err);

/* Marks in REACH (S->nstates bytes) the states a call can get to from the
 * start state, following every "next" (rules, fallbacks, global rules,
 * /pause replies, the opening, and the bargain replies of bargaining
 * states). */
void rc_lint_reach(const struct rc_scenario *s, unsigned char *reach);

#endif
