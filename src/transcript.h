/*
 * transcript.h - one call as data: every turn in order (debtor lines,
 * collector lines, and the collector's in-call actions such as /research or
 * /floor), each with its state, the rule that produced it and the events it
 * carried, plus how the call ended and the agreement, if any.  The scoring
 * and the renderers read it; the engine writes it.
 *
 * Ownership: the transcript owns all its strings; rc_transcript_free()
 * frees everything.
 */
#ifndef RC_TRANSCRIPT_H
#define RC_TRANSCRIPT_H

#include <stddef.h>

#include "negotiate.h"

/* The longest line of a call, in bytes: a script's or a recorded call's
 * longer line is refused with its position (no one says 4 KiB at once,
 * and reading a line costs time in its length). */
#define RC_LINE_MAX 4096

enum rc_speaker { RC_SPEAKER_DEBTOR, RC_SPEAKER_COLLECTOR, RC_SPEAKER_ACTION };

struct rc_event {
	char *type;           /* "debtor-offer", "agreement", "hang-up", ... */
	char *detail;         /* e.g. the research fact id; may be NULL */
	int has_amount;
	double amount;
	int has_terms;
	struct rc_terms terms;
};

struct rc_turn {
	int number;           /* from 1, in order of the call */
	enum rc_speaker speaker;
	char *text;
	char *state;          /* state the line was said in; may be NULL */
	char *rule;           /* rule id that produced a debtor line; or NULL */
	char *name;           /* who said a debtor line when not the debtor
	                         (a gatekeeper); NULL otherwise */
	struct rc_event *events;
	size_t nevents;
};

enum rc_ended {
	RC_ENDED_NONE,        /* still going */
	RC_ENDED_AGREEMENT,   /* the call closed with an agreement in force */
	RC_ENDED_HANGUP,      /* the debtor hung up */
	RC_ENDED_TRAINEE,     /* the trainee ended it without an agreement */
	RC_ENDED_TURN_LIMIT
};

struct rc_transcript {
	struct rc_turn *turns;
	size_t n, cap;
	enum rc_ended ended_by;
	int has_agreement;
	struct rc_terms agreement;
	int has_floor;
	double floor;         /* the trainee's /floor, if set */
	int floor_now;        /* the floor is the least paid now (on the
	                         call's date), not the least in total */
};

struct rc_transcript *rc_transcript_new(void);
void rc_transcript_free(struct rc_transcript *t);

/* Appends a turn (copies TEXT, STATE, RULE; the last two may be NULL) and
 * returns it; the pointer stays valid until the next append. */
struct rc_turn *rc_transcript_add(struct rc_transcript *t, enum rc_speaker who,
                                  const char *text, const char *state,
                                  const char *rule);

/* Appends a copy of turn FROM (of another transcript), keeping its
 * number, and returns it; the pointer stays valid until the next append. */
struct rc_turn *rc_transcript_copy(struct rc_transcript *t,
                                   const struct rc_turn *from);

/* Adds an event of TYPE (copied) to TURN and returns it, zeroed. */
struct rc_event *rc_turn_event(struct rc_turn *turn, const char *type);

/* Finds the first event of TYPE on TURN, or NULL. */
const struct rc_event *rc_turn_find(const struct rc_turn *turn, const char *type);

/* "agreement", "hangup", "trainee", "turn-limit" or "none". */
/* What the collector took off the debt in the call: the sum of the
 * amounts of the "adjustment" events (credits granted, fees waived) on
 * the collector's turns. */
double rc_transcript_credited(const struct rc_transcript *t);

const char *rc_ended_name(enum rc_ended e);
const char *rc_speaker_name(enum rc_speaker s);

#endif
