/*
 * graph.c - DOT output of a scenario's states and transitions.  Edges are
 * collected first, keyed by (from, to, kind), so that every rule moving
 * from one state to another lands on one edge whose label lists them; then
 * nodes and edges are written in the scenario's order, which makes the
 * output stable.  Every string that reaches the DOT text is escaped.
 * Self-loops (a "next" naming the state it is in) change nothing and are
 * not drawn.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#include "lint.h"
#include "xmalloc.h"

#define LABEL_MAX 4     /* ids shown on an edge before "+N more" */

#define FROM_START (-1)
#define FROM_ANY (-2)

enum kind { K_OPENING, K_RULE, K_FALLBACK, K_ACCEPT, K_BARGAIN, K_GLOBAL,
            K_PAUSE };

struct edge {
	int from, to;
	enum kind kind;
	const char **ids;     /* borrowed from the scenario */
	size_t n;
};

struct graph {
	struct edge *v;
	size_t n;
};

static void
edge(struct graph *g, int from, int to, enum kind kind, const char *id)
{
	struct edge *e;
	size_t i;

	if (from == to || to < 0)
		return;
	for (i = 0; i < g->n; i++)
		if (g->v[i].from == from && g->v[i].to == to && g->v[i].kind == kind)
			break;
	if (i == g->n) {
		g->v = rc_xreallocarray(g->v, g->n + 1, sizeof *g->v);
		e = &g->v[g->n++];
		memset(e, 0, sizeof *e);
		e->from = from;
		e->to = to;
		e->kind = kind;
	}
	e = &g->v[i];
	if (id == NULL)
		return;
	for (i = 0; i < e->n; i++)
		if (strcmp(e->ids[i], id) == 0)
			return;
	e->ids = rc_xreallocarray(e->ids, e->n + 1, sizeof *e->ids);
	e->ids[e->n++] = id;
}

/* S as the inside of a DOT string: quotes, backslashes and control
 * characters escaped. */
static void
esc(struct rc_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\') {
			rc_buf_putc(b, '\\');
			rc_buf_putc(b, *s);
		} else if (*s == '\n') {
			rc_buf_puts(b, "\\n");
		} else if ((unsigned char)*s < 0x20) {
			rc_buf_putc(b, ' ');
		} else {
			rc_buf_putc(b, *s);
		}
	}
}

static void
node_id(struct rc_buf *b, const struct rc_scenario *s, int i)
{
	if (i == FROM_START)
		rc_buf_puts(b, "\"__start\"");
	else if (i == FROM_ANY)
		rc_buf_puts(b, "\"__any\"");
	else {
		rc_buf_putc(b, '"');
		esc(b, s->states[i].name);
		rc_buf_putc(b, '"');
	}
}

static void
write_nodes(const struct rc_scenario *s, const unsigned char *reach,
            struct rc_buf *out)
{
	size_t i;

	rc_buf_puts(out, "\t\"__start\" [label=\"\", shape=circle, width=0.2, "
	    "style=filled, fillcolor=black, tooltip=\"the call starts\"];\n");
	for (i = 0; i < s->nstates; i++) {
		const struct rc_state *st = &s->states[i];

		rc_buf_puts(out, "\t");
		node_id(out, s, (int)i);
		rc_buf_puts(out, " [");
		if (st->bargain) {
			rc_buf_puts(out, "label=\"");
			esc(out, st->name);
			rc_buf_puts(out, "\\n(bargaining)\", fillcolor=lightyellow, ");
		}
		if (st->end == RC_END_CLOSE)
			rc_buf_puts(out, "shape=doublecircle, fillcolor=palegreen, ");
		else if (st->end == RC_END_HANGUP)
			rc_buf_puts(out, "shape=doublecircle, fillcolor=lightpink, ");
		if ((int)i == s->start)
			rc_buf_puts(out, "penwidth=2.5, ");
		if (!reach[i])
			rc_buf_puts(out, "style=\"rounded,filled,dashed\", color=gray50, "
			    "fontcolor=gray40, ");
		rc_buf_puts(out, "tooltip=\"");
		if (!reach[i])
			rc_buf_puts(out, "(unreachable) ");
		if (st->end != RC_END_NONE)
			rc_buf_printf(out, "(ends the call: %s) ",
			    st->end == RC_END_CLOSE ? "close" : "hangup");
		esc(out, st->description ? st->description : st->name);
		rc_buf_puts(out, "\"];\n");
	}
}

static const char *
bargain_name(const struct rc_scenario *s, const struct rc_replyset *rs)
{
	if (rs == &s->accept) return "accept";
	if (rs == &s->accept_plan) return "accept_plan";
	if (rs == &s->counter) return "counter";
	if (rs == &s->counter_plan) return "counter_plan";
	return "refuse";
}

static void
collect(const struct rc_scenario *s, unsigned flags, struct graph *g)
{
	const struct rc_replyset *b[5];
	size_t i, j;

	b[0] = &s->accept;
	b[1] = &s->accept_plan;
	b[2] = &s->counter;
	b[3] = &s->counter_plan;
	b[4] = &s->refuse;
	if (s->start >= 0) {
		edge(g, FROM_START, s->start, K_OPENING, NULL);
		if (s->opening.next >= 0)
			edge(g, s->start, s->opening.next, K_OPENING, "opening");
	}
	for (i = 0; i < s->nstates; i++) {
		const struct rc_state *st = &s->states[i];

		for (j = 0; j < st->nrules; j++)
			edge(g, (int)i, st->rules[j].rs.next, K_RULE, st->rules[j].id);
		if (st->has_fallback && !(flags & RC_GRAPH_NO_FALLBACK))
			edge(g, (int)i, st->fallback.next, K_FALLBACK, NULL);
		if (st->bargain)
			for (j = 0; j < 5; j++)
				edge(g, (int)i, b[j]->next, j < 2 ? K_ACCEPT : K_BARGAIN,
				    bargain_name(s, b[j]));
	}
	if (flags & RC_GRAPH_NO_GLOBAL)
		return;
	for (i = 0; i < s->nglobal; i++)
		edge(g, FROM_ANY, s->global[i].rs.next, K_GLOBAL, s->global[i].id);
	for (i = 0; i < s->nbackstop; i++)
		edge(g, FROM_ANY, s->backstop[i].rs.next, K_GLOBAL, s->backstop[i].id);
	if (s->has_pause)
		edge(g, FROM_ANY, s->pause.next, K_PAUSE, NULL);
}

static void
write_label(struct rc_buf *out, const struct edge *e)
{
	size_t i, shown = e->n > LABEL_MAX + 1 ? LABEL_MAX : e->n;

	rc_buf_puts(out, "label=\"");
	switch (e->kind) {
	case K_FALLBACK: rc_buf_puts(out, "(fallback)"); break;
	case K_PAUSE: rc_buf_puts(out, "(/pause)"); break;
	case K_ACCEPT:
	case K_BARGAIN:
		rc_buf_puts(out, "bargain: ");
		for (i = 0; i < e->n; i++) {
			rc_buf_puts(out, i ? ", " : "");
			esc(out, e->ids[i]);
		}
		break;
	default:
		for (i = 0; i < shown; i++) {
			rc_buf_puts(out, i ? "\\n" : "");
			esc(out, e->ids[i]);
		}
		if (shown < e->n)
			rc_buf_printf(out, "\\n(+%zu more)", e->n - shown);
	}
	rc_buf_puts(out, "\"");
	if (e->n > 0 && e->kind != K_ACCEPT && e->kind != K_BARGAIN) {
		rc_buf_puts(out, ", tooltip=\"");
		for (i = 0; i < e->n; i++) {
			rc_buf_puts(out, i ? ", " : e->n > 1 ? "rules: " : "rule: ");
			esc(out, e->ids[i]);
		}
		rc_buf_puts(out, "\"");
	}
}

void
rc_graph_dot(const struct rc_scenario *s, unsigned flags, struct rc_buf *out)
{
	struct graph g = { NULL, 0 };
	unsigned char *reach = rc_xcalloc(s->nstates + 1, 1);
	size_t i;
	int any = 0;

	rc_lint_reach(s, reach);
	collect(s, flags, &g);
	rc_buf_puts(out, "digraph \"");
	esc(out, s->id);
	rc_buf_puts(out, "\" {\n\tgraph [label=\"");
	esc(out, s->title);
	rc_buf_puts(out, "\\n");
	esc(out, s->id);
	rc_buf_puts(out, " ");
	esc(out, s->version);
	rc_buf_puts(out, "\", labelloc=t, rankdir=LR, fontname=\"Helvetica\"];\n"
	    "\tnode [shape=box, style=\"rounded,filled\", fillcolor=white, "
	    "fontname=\"Helvetica\", fontsize=11];\n"
	    "\tedge [fontname=\"Helvetica\", fontsize=9];\n\n");
	write_nodes(s, reach, out);
	for (i = 0; i < g.n; i++)
		any |= g.v[i].from == FROM_ANY;
	if (any)
		rc_buf_puts(out, "\t\"__any\" [label=\"any state\", style=\"rounded,"
		    "dashed\", color=blue4, fontcolor=blue4, tooltip=\"global rules "
		    "and /pause replies, tried in every state\"];\n");
	rc_buf_puts(out, "\n");
	for (i = 0; i < g.n; i++) {
		const struct edge *e = &g.v[i];

		rc_buf_puts(out, "\t");
		node_id(out, s, e->from);
		rc_buf_puts(out, " -> ");
		node_id(out, s, e->to);
		rc_buf_puts(out, " [");
		if (e->from == FROM_START) {
			rc_buf_puts(out, "tooltip=\"start\"];\n");
			continue;
		}
		write_label(out, e);
		switch (e->kind) {
		case K_FALLBACK: rc_buf_puts(out, ", style=dotted"); break;
		case K_ACCEPT:
			rc_buf_puts(out, ", color=darkgreen, fontcolor=darkgreen, "
			    "penwidth=2");
			break;
		case K_BARGAIN:
			rc_buf_puts(out, ", color=darkgoldenrod, fontcolor=darkgoldenrod, "
			    "penwidth=2");
			break;
		case K_GLOBAL:
		case K_PAUSE:
			rc_buf_puts(out, ", style=dashed, color=blue4, fontcolor=blue4");
			break;
		default:
			break;
		}
		rc_buf_puts(out, "];\n");
	}
	rc_buf_puts(out, "}\n");
	for (i = 0; i < g.n; i++)
		free(g.v[i].ids);
	free(g.v);
	free(reach);
}
