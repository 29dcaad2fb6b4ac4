/*
 * transcript.c - the call record.  Turns are numbered from 1 as they are
 * appended and never change once the next turn is added.
 */
#include "transcript.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct rc_transcript *
rc_transcript_new(void)
{
	return rc_xcalloc(1, sizeof(struct rc_transcript));
}

void
rc_transcript_free(struct rc_transcript *t)
{
	size_t i, j;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		struct rc_turn *u = &t->turns[i];

		free(u->text);
		free(u->state);
		free(u->rule);
		free(u->name);
		for (j = 0; j < u->nevents; j++) {
			free(u->events[j].type);
			free(u->events[j].detail);
		}
		free(u->events);
	}
	free(t->turns);
	free(t);
}

struct rc_turn *
rc_transcript_add(struct rc_transcript *t, enum rc_speaker who, const char *text,
                  const char *state, const char *rule)
{
	struct rc_turn *u;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->turns = rc_xreallocarray(t->turns, t->cap, sizeof *t->turns);
	}
	u = &t->turns[t->n++];
	memset(u, 0, sizeof *u);
	u->number = (int)t->n;
	u->speaker = who;
	u->text = rc_xstrdup(text);
	u->state = rc_xstrdup(state);
	u->rule = rc_xstrdup(rule);
	return u;
}

struct rc_turn *
rc_transcript_copy(struct rc_transcript *t, const struct rc_turn *from)
{
	struct rc_turn *u = rc_transcript_add(t, from->speaker, from->text,
	    from->state, from->rule);
	size_t i;

	u->number = from->number;
	u->name = from->name ? rc_xstrdup(from->name) : NULL;
	for (i = 0; i < from->nevents; i++) {
		const struct rc_event *f = &from->events[i];
		struct rc_event *e = rc_turn_event(u, f->type);

		e->detail = f->detail ? rc_xstrdup(f->detail) : NULL;
		e->has_amount = f->has_amount;
		e->amount = f->amount;
		e->has_terms = f->has_terms;
		e->terms = f->terms;
	}
	return u;
}

struct rc_event *
rc_turn_event(struct rc_turn *turn, const char *type)
{
	struct rc_event *e;

	turn->events = rc_xreallocarray(turn->events, turn->nevents + 1,
	    sizeof *turn->events);
	e = &turn->events[turn->nevents++];
	memset(e, 0, sizeof *e);
	e->type = rc_xstrdup(type);
	return e;
}

const struct rc_event *
rc_turn_find(const struct rc_turn *turn, const char *type)
{
	size_t i;

	for (i = 0; i < turn->nevents; i++)
		if (strcmp(turn->events[i].type, type) == 0)
			return &turn->events[i];
	return NULL;
}

/* The adjustment event of T after turn I, event J, that credits the same
 * charge of the case (its detail) again, if any. */
static int
credited_again(const struct rc_transcript *t, size_t i, size_t j)
{
	const char *id = t->turns[i].events[j].detail;
	size_t a, b;

	if (id == NULL || id[0] == '\0')
		return 0;
	for (a = i; a < t->n; a++)
		for (b = a == i ? j + 1 : 0; b < t->turns[a].nevents; b++) {
			const struct rc_event *e = &t->turns[a].events[b];

			if (strcmp(e->type, "adjustment") == 0 && e->has_amount &&
			    e->detail != NULL && strcmp(e->detail, id) == 0)
				return 1;
		}
	return 0;
}

double
rc_transcript_credited(const struct rc_transcript *t)
{
	double sum = 0;
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		const struct rc_turn *u = &t->turns[i];

		if (u->speaker != RC_SPEAKER_COLLECTOR)
			continue;
		/* a charge credited again at another amount: the last holds */
		for (j = 0; j < u->nevents; j++)
			if (u->events[j].has_amount &&
			    strcmp(u->events[j].type, "adjustment") == 0 &&
			    !credited_again(t, i, j))
				sum += u->events[j].amount;
	}
	return sum;
}

const char *
rc_ended_name(enum rc_ended e)
{
	switch (e) {
	case RC_ENDED_AGREEMENT: return "agreement";
	case RC_ENDED_HANGUP: return "hangup";
	case RC_ENDED_TRAINEE: return "trainee";
	case RC_ENDED_TURN_LIMIT: return "turn-limit";
	default: return "none";
	}
}

const char *
rc_speaker_name(enum rc_speaker s)
{
	switch (s) {
	case RC_SPEAKER_DEBTOR: return "debtor";
	case RC_SPEAKER_COLLECTOR: return "collector";
	default: return "action";
	}
}
