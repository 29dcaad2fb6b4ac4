/*
 * graph.h - a scenario's state machine as Graphviz DOT, for `recoup graph`:
 * states as nodes (their description as the tooltip; the start state
 * marked; endings as double circles, green for a close and red for a
 * hang-up; bargaining states shaded; unreachable states greyed), and
 * transitions as edges labelled with the ids of the rules that take them,
 * parallel edges merged into one.  Global rules and /pause replies leave
 * from one "any state" node, drawn dashed; the bargain model's replies are
 * drawn bold, and its accept edges green.
 */
#ifndef RC_GRAPH_H
#define RC_GRAPH_H

#include "buf.h"
#include "scenario.h"

enum {
	RC_GRAPH_NO_GLOBAL = 1 << 0,   /* leave out the "any state" edges */
	RC_GRAPH_NO_FALLBACK = 1 << 1  /* leave out the fallbacks' edges */
};

/* Appends the DOT text of scenario S to OUT.  FLAGS is a mask of the
 * RC_GRAPH_* values.  The output is the same for the same scenario. */
void rc_graph_dot(const struct rc_scenario *s, unsigned flags,
                  struct rc_buf *out);

#endif
