/*
 * engine.h - the dialogue engine: walks a scenario's states and rules for
 * one call.  No I/O: callers feed trainee lines and read back the debtor's
 * turns from the transcript the engine keeps.
 *
 * Determinism: for one scenario, one seed and the same sequence of calls,
 * the engine produces the same turns, byte for byte.
 */
#ifndef RC_ENGINE_H
#define RC_ENGINE_H

#include <stdint.h>

#include "err.h"
#include "scenario.h"
#include "transcript.h"

struct rc_engine;

/* Starts a call with scenario S (which must outlive the engine) and SEED.
 * Free with rc_engine_free(); NULL is ignored. */
struct rc_engine *rc_engine_new(const struct rc_scenario *s, uint64_t seed);
void rc_engine_free(struct rc_engine *e);
/* Puts E back as rc_engine_new(E's scenario, SEED) makes it, keeping its
 * reader and arrays: the cost is what the last call changed, not the
 * size of the scenario (lint plays a call per rule example). */
void rc_engine_reset(struct rc_engine *e, uint64_t seed);

/* The debtor picks up: appends and returns the opening turn.  Call once,
 * before anything else. */
const struct rc_turn *rc_engine_open(struct rc_engine *e);

/* The trainee says LINE.  Appends the collector turn and the debtor's
 * reply (two replies when the debtor then hangs up) and returns the first
 * debtor turn added, or NULL when the call had already ended. */
const struct rc_turn *rc_engine_say(struct rc_engine *e, const char *line);

/* The trainee takes a moment (/pause): records the action and returns the
 * debtor's reply to the silence, or NULL when the scenario gives none. */
const struct rc_turn *rc_engine_pause(struct rc_engine *e);

/* Records an in-call action of the trainee (TEXT like "/research") with an
 * event TYPE (e.g. "research-viewed"; NULL for none). */
void rc_engine_action(struct rc_engine *e, const char *text, const char *type);

/* Sets the trainee's private minimum (/floor): AMOUNT in total, or with
 * NOW set, AMOUNT paid now (on the call's date).  The action's event
 * "floor-set" carries the amount, and the detail "now" for the second. */
void rc_engine_floor(struct rc_engine *e, double amount, int now);

/* The trainee ends the call. */
void rc_engine_finish(struct rc_engine *e);

int rc_engine_ended(const struct rc_engine *e);
const struct rc_transcript *rc_engine_transcript(const struct rc_engine *e);
const struct rc_scenario *rc_engine_scenario(const struct rc_engine *e);
uint64_t rc_engine_seed(const struct rc_engine *e);
/* The current state's name. */
const char *rc_engine_state(const struct rc_engine *e);
/* The value of variable NAME (0 when unknown). */
double rc_engine_var(const struct rc_engine *e, const char *name);

/* Warnings raised during the call (a pattern that hit its match limit,
 * reported once per pattern).  The engine owns them; the caller may print
 * and clear them. */
struct rc_err *rc_engine_warnings(struct rc_engine *e);

/* Explains how the last debtor line was chosen (for /why and --trace):
 * writes text into BUF. */
struct rc_buf;
void rc_engine_explain(const struct rc_engine *e, struct rc_buf *buf);
/* The short answer to /why, for trainees: the rule that answered the
 * last line (or that none did), in which state, the intents read from
 * the line with their words, and any terms read. */
void rc_engine_explain_brief(const struct rc_engine *e, struct rc_buf *buf);

/* Setting up a situation, for `recoup lint` (rule examples) and tests:
 * these change the call directly, without a turn in the transcript. */

/* Moves the call to state STATE (an index into the scenario's states). */
void rc_engine_set_state(struct rc_engine *e, int state);
/* Sets variable VAR (an index into the scenario's vars) to VALUE. */
void rc_engine_set_var(struct rc_engine *e, int var, double value);
/* The value of variable VAR (an index), 0 when out of range. */
double rc_engine_var_at(const struct rc_engine *e, int var);
/* Sets the debtor's previous line, which "after" patterns test (copied;
 * NULL clears it). */
void rc_engine_set_prev(struct rc_engine *e, const char *line);
/* Gives the debtor a standing offer, as a rule with "bargain": "offer"
 * would, without saying anything. */
void rc_engine_set_offer(struct rc_engine *e);

/* What would answer LINE now, without changing the call: the rule that
 * would fire (returned), or NULL with *HOW set to "bargain" (the bargain
 * model would answer the terms in it) or "fallback".  With TRACE not
 * NULL, the rules tried and why each did not fire are appended to it.
 * The line's reading is left in *READING when not NULL (the caller frees
 * it with rc_reading_free()). */
const struct rc_rule *rc_engine_choose(struct rc_engine *e, const char *line,
                                       const char **how, struct rc_buf *trace,
                                       struct rc_reading *reading);

/* Whether to keep the trace of how each reply was chosen (for /why and
 * --trace; on by default).  Off, a reply costs less. */
void rc_engine_tracing(struct rc_engine *e, int on);

/* The reading of the trainee's last line (intents, amounts, terms). */
const struct rc_reading *rc_engine_reading(const struct rc_engine *e);

/* The rule that produced the last debtor reply, or NULL when it came from
 * elsewhere (opening, fallback, bargain model, pause).  The pointer is
 * into the scenario. */
const struct rc_rule *rc_engine_rule(const struct rc_engine *e);

/* Would rule R fire if the trainee said LINE now?  Changes nothing in the
 * call.  Returns 1 if so; otherwise 0, and appends why not to WHY (when
 * not NULL), e.g. "no pattern matched". */
int rc_engine_try(struct rc_engine *e, const struct rc_rule *r,
                  const char *line, struct rc_buf *why);

#endif
