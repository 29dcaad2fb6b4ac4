/*
 * likeness.h - how much a line is like the lines known to carry each
 * intent (a naive Bayes model trained on lang/exemplars.txt and the
 * lexicon's examples; see likeness.c).  The reader's last way to an
 * intent, after its patterns and the scenario's facts.
 */
#ifndef RC_LIKENESS_H
#define RC_LIKENESS_H

#include "lexicon.h"

struct rc_likeness;

/* A model for LX, trained on first use; LX must outlive it. */
struct rc_likeness *rc_likeness_new(const struct rc_lexicon *lx);
void rc_likeness_free(struct rc_likeness *lk);

/* Writes into SCORE[i] (one per intent of the lexicon) the log odds that
 * TEXT carries intent i, -INFINITY for intents not of SIDE (a mask of
 * enum rc_side) or with nothing to learn from.  Returns 0 when there is
 * no model (no exemplars), 1 otherwise. */
int rc_likeness_scores(struct rc_likeness *lk, const char *text, int side,
                       double *score);

#endif
