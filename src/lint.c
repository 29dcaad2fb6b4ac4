/*
 * lint.c - the checks of `recoup lint`.  Loading already reports what makes
 * a file unusable; this module looks for what makes a scenario wrong:
 * the state graph (reachability from the start, ways out, endings), the
 * rules' examples run through the real engine (a fresh call per example,
 * put in the example's state with its variables), variable use, repeated
 * replies and the case's arithmetic.  Findings are collected with their
 * byte offset in the file and handed over sorted by it, so an author reads
 * them top to bottom.  The scenario is never modified.
 */
#include "lint.h"
#include "rubric.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "buf.h"
#include "engine.h"
#include "jsonpos.h"
#include "jsonptr.h"
#include "plan.h"
#include "strmap.h"
#include "xmalloc.h"

#define QUOTE_MAX 60    /* reply text quoted in a message */

struct finding {
	size_t off;           /* byte offset in the file; SIZE_MAX unknown */
	size_t seq;
	enum rc_severity sev;
	char *msg;
};

/* A reply set and where it lives. */
struct rsref {
	const struct rc_replyset *rs;
	char *ptr;
	const struct rc_rule *rule;   /* NULL for the other reply sets */
	char *label;                  /* "rule 'x'", "the opening", ... */
	size_t off;
};

struct lint {
	const struct rc_scenario *s;
	struct rc_jsonptr *idx;
	struct finding *v;
	size_t n, cap;
	struct rsref *rs;
	size_t nrs;
	struct rc_matcher *m;
	struct rc_engine *e;  /* the examples' calls, reset between them */
	struct rc_err seen;   /* engine warnings already reported */
};

static size_t
offset_of(const struct lint *l, const char *ptr)
{
	int line, col;
	size_t off;

	return rc_jsonptr_find(l->idx, ptr, &line, &col, &off) ? off : (size_t)-1;
}

static void add(struct lint *l, enum rc_severity sev, const char *ptr,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
add(struct lint *l, enum rc_severity sev, const char *ptr, const char *fmt, ...)
{
	struct rc_buf msg = RC_BUF_INIT, b = RC_BUF_INIT;
	va_list ap;
	int line, col;
	size_t off;

	va_start(ap, fmt);
	rc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (rc_jsonptr_find(l->idx, ptr, &line, &col, &off)) {
		rc_buf_printf(&msg, "%s:%d:%d: %s: %s", l->s->path, line, col,
		    *ptr ? ptr : "/", rc_buf_str(&b));
	} else {
		off = (size_t)-1;
		rc_buf_printf(&msg, "%s: %s: %s", l->s->path, *ptr ? ptr : "/",
		    rc_buf_str(&b));
	}
	rc_buf_free(&b);
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = rc_xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].off = off;
	l->v[l->n].seq = l->n;
	l->v[l->n].sev = sev;
	l->v[l->n].msg = rc_buf_detach(&msg);
	l->n++;
}

static char *
ptr_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
ptr_printf(const char *fmt, ...)
{
	struct rc_buf b = RC_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	rc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return rc_buf_detach(&b);
}

/* " (line N)" for pointer PTR, or "" when unknown. */
static void
line_note(const struct lint *l, const char *ptr, struct rc_buf *b)
{
	int line, col;

	if (rc_jsonptr_find(l->idx, ptr, &line, &col, NULL))
		rc_buf_printf(b, " (line %d)", line);
}

/* TEXT quoted as a JSON string, cut after QUOTE_MAX characters. */
static void
quote(struct rc_buf *b, const char *text, size_t max)
{
	struct rc_buf cut = RC_BUF_INIT;
	size_t i, chars = 0;

	for (i = 0; text[i]; i++) {
		if (((unsigned char)text[i] & 0xC0) != 0x80 && chars++ == max)
			break;
	}
	rc_buf_add(&cut, text, i);
	if (text[i])
		rc_buf_puts(&cut, "...");
	rc_buf_json_string(b, rc_buf_str(&cut));
	rc_buf_free(&cut);
}

/* The reply sets of the scenario. */

static void
add_rs(struct lint *l, const struct rc_replyset *rs, const struct rc_rule *r,
       char *ptr, char *label)
{
	l->rs = rc_xreallocarray(l->rs, l->nrs + 1, sizeof *l->rs);
	l->rs[l->nrs].rs = rs;
	l->rs[l->nrs].rule = r;
	l->rs[l->nrs].ptr = ptr;
	l->rs[l->nrs].label = label;
	l->rs[l->nrs].off = offset_of(l, ptr);
	l->nrs++;
}

static int
by_off(const void *a, const void *b)
{
	const struct rsref *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return strcmp(x->ptr, y->ptr);
}

static void
collect_replysets(struct lint *l)
{
	static const char *const bnames[] = { "accept", "accept_plan", "counter",
	    "counter_plan", "refuse" };
	const struct rc_scenario *s = l->s;
	const struct rc_replyset *bsets[5];
	size_t i, j;

	bsets[0] = &s->accept;
	bsets[1] = &s->accept_plan;
	bsets[2] = &s->counter;
	bsets[3] = &s->counter_plan;
	bsets[4] = &s->refuse;
	add_rs(l, &s->opening, NULL, rc_xstrdup("/opening"),
	    rc_xstrdup("the opening"));
	add_rs(l, &s->hangup, NULL, rc_xstrdup("/hangup"),
	    rc_xstrdup("the hang-up"));
	if (s->has_pause)
		add_rs(l, &s->pause, NULL, rc_xstrdup("/pause"),
		    rc_xstrdup("the pause replies"));
	for (i = 0; i < 5; i++)
		add_rs(l, bsets[i], NULL, ptr_printf("/bargain/%s", bnames[i]),
		    ptr_printf("the bargain '%s' replies", bnames[i]));
	if (s->reopen.nreplies > 0)
		add_rs(l, &s->reopen, NULL, rc_xstrdup("/bargain/reopen"),
		    rc_xstrdup("the bargain 'reopen' replies"));
	if (s->renegotiate.nreplies > 0)
		add_rs(l, &s->renegotiate, NULL, rc_xstrdup("/bargain/renegotiate"),
		    rc_xstrdup("the bargain 'renegotiate' replies"));
	/* Rules inherited from the shared base are checked with the base
	 * (their pointers are into base.json), not with each scenario. */
	for (i = 0; i < s->nglobal; i++)
		if (!s->global[i].base)
			add_rs(l, &s->global[i].rs, &s->global[i],
			    rc_xstrdup(s->global[i].where),
			    ptr_printf("rule '%s'", s->global[i].id));
	for (i = 0; i < s->nbackstop; i++)
		if (!s->backstop[i].base)
			add_rs(l, &s->backstop[i].rs, &s->backstop[i],
			    rc_xstrdup(s->backstop[i].where),
			    ptr_printf("rule '%s'", s->backstop[i].id));
	for (i = 0; i < s->nstates; i++) {
		const struct rc_state *st = &s->states[i];

		for (j = 0; j < st->nrules; j++)
			add_rs(l, &st->rules[j].rs, &st->rules[j],
			    rc_xstrdup(st->rules[j].where),
			    ptr_printf("rule '%s'", st->rules[j].id));
		if (st->has_fallback)
			add_rs(l, &st->fallback, NULL,
			    ptr_printf("/states/%s/fallback", st->name),
			    ptr_printf("the fallback of state '%s'", st->name));
	}
	if (l->nrs > 1)
		qsort(l->rs, l->nrs, sizeof *l->rs, by_off);
}

/* The state graph. */

/* Calls F(L, FROM, TO) for every "next" of state FROM's own: its rules,
 * its fallback and, when it bargains, the bargain's replies. */
static void
each_own_exit(const struct rc_scenario *s, int from,
              void (*f)(void *, int, int), void *arg)
{
	const struct rc_state *st = &s->states[from];
	size_t i;

	for (i = 0; i < st->nrules; i++)
		if (st->rules[i].rs.next >= 0)
			f(arg, from, st->rules[i].rs.next);
	if (st->has_fallback && st->fallback.next >= 0)
		f(arg, from, st->fallback.next);
	if (st->bargain) {
		const struct rc_replyset *b[5] = { &s->accept, &s->accept_plan,
		    &s->counter, &s->counter_plan, &s->refuse };

		for (i = 0; i < 5; i++)
			if (b[i]->next >= 0)
				f(arg, from, b[i]->next);
	}
}

/* Calls F(L, FROM, TO) for every "next" out of state FROM. */
static void
each_exit(const struct rc_scenario *s, int from,
          void (*f)(void *, int, int), void *arg)
{
	size_t i;

	each_own_exit(s, from, f, arg);
	for (i = 0; i < s->nglobal; i++)
		if (s->global[i].rs.next >= 0)
			f(arg, from, s->global[i].rs.next);
	for (i = 0; i < s->nbackstop; i++)
		if (s->backstop[i].rs.next >= 0)
			f(arg, from, s->backstop[i].rs.next);
	if (s->has_pause && s->pause.next >= 0)
		f(arg, from, s->pause.next);
}

struct walk {
	unsigned char *mark;
	int *queue;
	size_t nq;
	int way_out;          /* for exits_of: an exit to another state */
	int target;           /* for leads_to */
};

static void
visit(void *arg, int from, int to)
{
	struct walk *w = arg;

	(void)from;
	if (!w->mark[to]) {
		w->mark[to] = 1;
		w->queue[w->nq++] = to;
	}
}

void
rc_lint_reach(const struct rc_scenario *s, unsigned char *reach)
{
	struct walk w;
	size_t head = 0;

	memset(reach, 0, s->nstates);
	if (s->start < 0 || s->nstates == 0)
		return;
	w.mark = reach;
	w.queue = rc_xcalloc(s->nstates + 1, sizeof *w.queue);
	w.nq = 0;
	visit(&w, -1, s->start);
	if (s->opening.next >= 0)
		visit(&w, -1, s->opening.next);
	while (head < w.nq)
		each_exit(s, w.queue[head++], visit, &w);
	free(w.queue);
}

static void
note_way_out(void *arg, int from, int to)
{
	struct walk *w = arg;

	if (to != from)
		w->way_out = 1;
}

struct back {
	size_t *first;        /* per state: its first exit in from/next, + 1 */
	size_t *from, *next;  /* the exits into a state, as linked lists */
	size_t n, cap;
	int common;           /* an exit every state has leads to an ending */
	unsigned char *is_common;  /* per state: a global, backstop or pause
	                              rule's exit leads there */
};

static void
note_back(void *arg, int from, int to)
{
	struct back *b = arg;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->from = rc_xreallocarray(b->from, b->cap, sizeof *b->from);
		b->next = rc_xreallocarray(b->next, b->cap, sizeof *b->next);
	}
	b->from[b->n] = (size_t)from;
	b->next[b->n] = b->first[to];
	b->first[to] = ++b->n;
}

/* Marks 2 in ENDS (1 for the states that end the call) every state from
 * which an ending can be reached.  The exits of the global, backstop and
 * pause rules leave every state alike, so they are not listed per state:
 * once one of them leads to a marked state, every state is marked. */
static void
mark_leading_to_end(const struct rc_scenario *s, unsigned char *ends)
{
	struct back b;
	size_t *queue = rc_xcalloc(s->nstates + 1, sizeof *queue);
	size_t nq = 0, head = 0, i, k;

	memset(&b, 0, sizeof b);
	b.first = rc_xcalloc(s->nstates + 1, sizeof *b.first);
	b.is_common = rc_xcalloc(s->nstates + 1, 1);
	for (i = 0; i < s->nglobal; i++)
		if (s->global[i].rs.next >= 0)
			b.is_common[s->global[i].rs.next] = 1;
	for (i = 0; i < s->nbackstop; i++)
		if (s->backstop[i].rs.next >= 0)
			b.is_common[s->backstop[i].rs.next] = 1;
	if (s->has_pause && s->pause.next >= 0)
		b.is_common[s->pause.next] = 1;
	for (i = 0; i < s->nstates; i++)
		each_own_exit(s, (int)i, note_back, &b);
	for (i = 0; i < s->nstates; i++)
		if (ends[i])
			queue[nq++] = i;
	while (head < nq) {
		size_t to = queue[head++];

		if (b.is_common[to]) {
			for (i = 0; i < s->nstates; i++)
				if (!ends[i])
					ends[i] = 2;
			break;
		}
		for (k = b.first[to]; k != 0; k = b.next[k - 1]) {
			size_t from = b.from[k - 1];

			if (!ends[from]) {
				ends[from] = 2;
				queue[nq++] = from;
			}
		}
	}
	free(queue);
	free(b.first);
	free(b.from);
	free(b.next);
	free(b.is_common);
}

static void
check_graph(struct lint *l)
{
	const struct rc_scenario *s = l->s;
	unsigned char *reach = rc_xcalloc(s->nstates + 1, 1);
	unsigned char *dead = rc_xcalloc(s->nstates + 1, 1);
	unsigned char *ends = rc_xcalloc(s->nstates + 1, 1);
	size_t i, nend = 0;

	rc_lint_reach(s, reach);
	for (i = 0; i < s->nstates; i++) {
		const struct rc_state *st = &s->states[i];
		char *p = ptr_printf("/states/%s", st->name);
		struct walk w;

		memset(&w, 0, sizeof w);
		if (!reach[i])
			add(l, RC_ERROR, p, "state '%s' is unreachable from the start "
			    "state '%s'", st->name, s->states[s->start].name);
		if (st->end != RC_END_NONE) {
			nend++;
			ends[i] = 1;
			if (st->nrules > 0 || st->has_fallback)
				add(l, RC_WARNING, p, "state '%s' ends the call as soon as "
				    "it is entered: its rules and fallback are never used",
				    st->name);
		} else {
			each_exit(s, (int)i, note_way_out, &w);
			if (!w.way_out) {
				dead[i] = 1;
				add(l, RC_ERROR, p, "state '%s' has no way out: no rule, "
				    "fallback, global or backstop rule leads to another state, and it "
				    "has no \"end\"", st->name);
			}
		}
		free(p);
	}
	/* States from which an ending can be reached: a walk back from the
	 * endings along the exits (each state and exit once). */
	if (nend > 0)
		mark_leading_to_end(s, ends);
	if (nend == 0 && s->nstates > 0) {
		add(l, RC_WARNING, "/states", "no state has an \"end\": a call can "
		    "only end when the debtor runs out of patience, at the turn "
		    "limit or when the trainee hangs up");
	} else {
		for (i = 0; i < s->nstates; i++) {
			char *p;

			if (!reach[i] || dead[i] || ends[i])
				continue;
			p = ptr_printf("/states/%s", s->states[i].name);
			add(l, RC_WARNING, p, "no ending can be reached from state '%s': "
			    "the call can only end on patience, the turn limit or the "
			    "trainee", s->states[i].name);
			free(p);
		}
	}
	free(reach);
	free(dead);
	free(ends);
}

/* Variables. */

/* Where each variable is first set, read and given by an example, found
 * in one pass over the rules (a pass per variable would be quadratic). */
struct var_uses {
	char **set;           /* the first "set" in reply-set order */
	char **read;          /* the earliest "when" in the file */
	char **example;       /* the earliest example "vars" in the file */
	size_t *read_off, *example_off;
};

static void
consider(const struct lint *l, char **best, size_t *best_off, char *ptr)
{
	size_t off = offset_of(l, ptr);

	if (*best == NULL || off < *best_off) {
		free(*best);
		*best = ptr;
		*best_off = off;
	} else {
		free(ptr);
	}
}

static void
rule_uses(const struct lint *l, const struct rc_rule *r, struct var_uses *u,
          int examples)
{
	const struct rc_scenario *s = l->s;
	size_t k, v;

	for (k = 0; k < r->nconds; k++) {
		int var = r->conds[k].var;

		if (var >= 0 && (size_t)var < s->nvars)
			consider(l, &u->read[var], &u->read_off[var], ptr_printf(
			    "%s/when/%s", r->where, s->vars[var].name));
	}
	for (k = 0; examples && k < r->nexamples; k++)
		for (v = 0; v < r->examples[k].nvars; v++) {
			int var = r->examples[k].vars[v].var;

			if (var >= 0 && (size_t)var < s->nvars)
				consider(l, &u->example[var], &u->example_off[var],
				    ptr_printf("%s/examples/%zu/vars/%s", r->where, k,
				    s->vars[var].name));
		}
}

static void
find_uses(const struct lint *l, struct var_uses *u)
{
	const struct rc_scenario *s = l->s;
	size_t n = s->nvars + 1, i, j;

	u->set = rc_xcalloc(n, sizeof *u->set);
	u->read = rc_xcalloc(n, sizeof *u->read);
	u->example = rc_xcalloc(n, sizeof *u->example);
	u->read_off = rc_xcalloc(n, sizeof *u->read_off);
	u->example_off = rc_xcalloc(n, sizeof *u->example_off);
	for (i = 0; i < l->nrs; i++)
		for (j = 0; j < l->rs[i].rs->nsets; j++) {
			int var = l->rs[i].rs->sets[j].var;

			if (var >= 0 && (size_t)var < s->nvars && u->set[var] == NULL)
				u->set[var] = ptr_printf("%s/set/%s", l->rs[i].ptr,
				    s->vars[var].name);
		}
	/* Examples of global and state rules, as before; backstop rules'
	 * examples were never looked at for this. */
	for (i = 0; i < s->nglobal; i++)
		rule_uses(l, &s->global[i], u, 1);
	for (i = 0; i < s->nbackstop; i++)
		rule_uses(l, &s->backstop[i], u, 0);
	for (i = 0; i < s->nstates; i++)
		for (j = 0; j < s->states[i].nrules; j++)
			rule_uses(l, &s->states[i].rules[j], u, 1);
}

static void
free_uses(const struct lint *l, struct var_uses *u)
{
	size_t i;

	for (i = 0; i < l->s->nvars; i++) {
		free(u->set[i]);
		free(u->read[i]);
		free(u->example[i]);
	}
	free(u->set);
	free(u->read);
	free(u->example);
	free(u->read_off);
	free(u->example_off);
}

/* Takes *P, leaving NULL. */
static char *
take(char **p)
{
	char *q = *p;

	*p = NULL;
	return q;
}

static void
check_vars(struct lint *l)
{
	const struct rc_scenario *s = l->s;
	struct var_uses u;
	size_t i;

	find_uses(l, &u);
	/* The built-in variables are read by the engine itself. */
	for (i = RC_VAR_BUILTIN_COUNT; i < s->nvars; i++) {
		const struct rc_var *v = &s->vars[i];
		char *p = NULL, *decl = ptr_printf("/variables/%s", v->name);
		int declared = offset_of(l, decl) != (size_t)-1 || v->declared;

		if (v->written && !v->read) {
			p = take(&u.set[i]);
			add(l, RC_WARNING, p ? p : decl, "variable '%s' is set but "
			    "never read", v->name);
		} else if (v->read && !v->written) {
			p = take(&u.read[i]);
			if (declared)
				add(l, RC_WARNING, p ? p : decl, "variable '%s' is read but "
				    "never set: it always keeps its initial value",
				    v->name);
			else
				add(l, RC_ERROR, p ? p : decl, "variable '%s' is read but "
				    "never set or declared (a misspelt name?)", v->name);
		} else if (!v->read && !v->written && declared) {
			add(l, RC_WARNING, decl, "variable '%s' is declared but never "
			    "used", v->name);
		} else if (!v->read && !v->written) {
			p = take(&u.example[i]);
			add(l, RC_WARNING, p ? p : decl, "variable '%s' is set by an "
			    "example but no rule uses it", v->name);
		}
		free(p);
		free(decl);
	}
	free_uses(l, &u);
}

/* Replies. */

/* TEXT lowercased with runs of spaces made one, for "word for word". */
static char *
normal(const char *text)
{
	struct rc_buf b = RC_BUF_INIT;
	int space = 0;

	for (; *text; text++) {
		if (isspace((unsigned char)*text)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			rc_buf_putc(&b, ' ');
		space = 0;
		rc_buf_putc(&b, (char)tolower((unsigned char)*text));
	}
	return rc_buf_detach(&b);
}

struct reply {
	char *norm;
	size_t set, index;
};

/* Reports reply I (in v) that repeats reply J, or, when reply set A
 * repeats COUNT replies of reply set B, the whole lot once. */
static void
report_repeat(struct lint *l, const struct reply *v, size_t i, size_t j,
              size_t count)
{
	const struct rsref *a = &l->rs[v[i].set], *b = &l->rs[v[j].set];
	char *p = ptr_printf("%s/replies/%zu", a->ptr, v[i].index);
	char *q = ptr_printf("%s/replies/%zu", b->ptr, v[j].index);
	struct rc_buf msg = RC_BUF_INIT;

	if (v[i].set == v[j].set) {
		rc_buf_puts(&msg, "reply ");
		quote(&msg, a->rs->replies[v[i].index].text, QUOTE_MAX);
		rc_buf_puts(&msg, " is repeated word for word in the same reply set");
		line_note(l, q, &msg);
		rc_buf_puts(&msg, ": a variant should say something different (use "
		    "\"weight\" to say it more often)");
		add(l, RC_ERROR, p, "%s", rc_buf_str(&msg));
	} else if (count == 1) {
		rc_buf_puts(&msg, "reply ");
		quote(&msg, a->rs->replies[v[i].index].text, QUOTE_MAX);
		rc_buf_printf(&msg, " is also said by %s", b->label);
		line_note(l, q, &msg);
		add(l, RC_WARNING, p, "%s", rc_buf_str(&msg));
	} else {
		rc_buf_printf(&msg, "%s repeats %zu replies of %s word for word",
		    a->label, count, b->label);
		line_note(l, q, &msg);
		add(l, RC_WARNING, p, "%s", rc_buf_str(&msg));
	}
	rc_buf_free(&msg);
	free(p);
	free(q);
}

static void
check_replies(struct lint *l)
{
	struct reply *v = NULL;
	struct rc_strmap *texts, *pairs;
	size_t *first, *count, n = 0, cap = 0, i, k;

	for (i = 0; i < l->nrs; i++) {
		const struct rc_replyset *rs = l->rs[i].rs;

		for (k = 0; k < rs->nreplies; k++) {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				v = rc_xreallocarray(v, cap, sizeof *v);
			}
			v[n].norm = normal(rs->replies[k].text);
			v[n].set = i;
			v[n].index = k;
			n++;
		}
	}
	/* first[i]: the earliest reply saying what reply i says. */
	first = rc_xcalloc(n + 1, sizeof *first);
	texts = rc_strmap_new();
	for (i = 0; i < n; i++) {
		uint64_t f;

		if (rc_strmap_put_num(texts, v[i].norm, strlen(v[i].norm), i))
			first[i] = i;
		else if (rc_strmap_get_num(texts, v[i].norm, strlen(v[i].norm), &f))
			first[i] = (size_t)f;
	}
	/* The repeats in one set of another set's replies are reported
	 * together, at the first of them: count them per pair of sets. */
	pairs = rc_strmap_new();
	count = rc_xcalloc(n + 1, sizeof *count);
	for (i = 0; i < n; i++) {
		char key[48];
		uint64_t at;

		if (first[i] == i || v[first[i]].set == v[i].set)
			continue;
		snprintf(key, sizeof key, "%zu %zu", v[i].set, v[first[i]].set);
		if (!rc_strmap_put_num(pairs, key, strlen(key), i) &&
		    rc_strmap_get_num(pairs, key, strlen(key), &at))
			count[at]++;
		else
			count[i]++;
	}
	for (i = 0; i < n; i++) {
		if (first[i] == i)
			continue;
		if (v[first[i]].set == v[i].set)
			report_repeat(l, v, i, first[i], 1);
		else if (count[i] > 0)
			report_repeat(l, v, i, first[i], count[i]);
	}
	rc_strmap_free(texts);
	rc_strmap_free(pairs);
	free(count);
	for (i = 0; i < n; i++)
		free(v[i].norm);
	free(v);
	free(first);
}

/* A debtor who agrees says back what it agrees to: every reply of the
 * bargain's accept sets and of rules that take the standing offer names
 * the whole schedule through {terms} ({amount} alone would drop payments
 * and dates). */
static void
check_restatement(struct lint *l)
{
	size_t i, k;

	for (i = 0; i < l->nrs; i++) {
		const struct rsref *r = &l->rs[i];
		int agrees = r->rule != NULL ? r->rule->bargain == RC_BARGAIN_TAKE :
		    r->rs == &l->s->accept || r->rs == &l->s->accept_plan;

		if (!agrees || (r->rule != NULL && r->rule->base))
			continue;
		for (k = 0; k < r->rs->nreplies; k++) {
			struct rc_buf msg = RC_BUF_INIT;
			char *p;

			if (strstr(r->rs->replies[k].text, "{terms}") != NULL)
				continue;
			p = ptr_printf("%s/replies/%zu", r->ptr, k);
			rc_buf_puts(&msg, "reply ");
			quote(&msg, r->rs->replies[k].text, QUOTE_MAX);
			rc_buf_printf(&msg, " of %s agrees without saying the terms: "
			    "write {terms} so the debtor restates every payment and "
			    "date it accepts", r->label);
			add(l, RC_ERROR, p, "%s", rc_buf_str(&msg));
			rc_buf_free(&msg);
			free(p);
		}
	}
}

/* Rules: "after" patterns and examples. */

/* The first debtor reply (as written) that pattern P matches, or NULL. */
static const char *
reply_matching(struct lint *l, const struct rc_pattern *p)
{
	size_t i, k;

	for (i = 0; i < l->nrs; i++) {
		const struct rc_replyset *rs = l->rs[i].rs;

		for (k = 0; k < rs->nreplies; k++)
			if (rc_matcher_exec(l->m, p, rs->replies[k].text,
			    strlen(rs->replies[k].text)) == RC_MATCH_YES)
				return rs->replies[k].text;
	}
	return NULL;
}

static void
check_example(struct lint *l, const struct rc_rule *r, size_t k)
{
	const struct rc_scenario *s = l->s;
	const struct rc_example *ex = &r->examples[k];
	struct rc_engine *e;
	struct rc_buf why = RC_BUF_INIT, msg = RC_BUF_INIT;
	const struct rc_transcript *t;
	const struct rc_rule *chosen;
	const char *answered = NULL;
	char *p = ptr_printf("%s/examples/%zu", r->where, k);
	size_t i, from;
	int state, would;

	if (l->e == NULL)
		l->e = rc_engine_new(s, 1);
	else
		rc_engine_reset(l->e, 1);
	e = l->e;
	rc_engine_open(e);
	state = ex->state >= 0 ? ex->state : r->state >= 0 ? r->state : s->start;
	rc_engine_set_state(e, state);
	for (i = 0; i < ex->nvars; i++) {
		const struct rc_set *v = &ex->vars[i];

		rc_engine_set_var(e, v->var, v->add ? rc_engine_var_at(e, v->var) +
		    v->value : v->value);
	}
	if (r->bargain == RC_BARGAIN_TAKE)
		rc_engine_set_offer(e);
	if (r->after != NULL)
		rc_engine_set_prev(e, reply_matching(l, r->after));
	would = rc_engine_try(e, r, ex->text, &why);
	t = rc_engine_transcript(e);
	from = t->n;
	rc_engine_say(e, ex->text);
	chosen = rc_engine_rule(e);
	for (i = from; i < t->n && answered == NULL; i++)
		if (t->turns[i].speaker == RC_SPEAKER_DEBTOR)
			answered = t->turns[i].rule;
	if (chosen != r) {
		rc_buf_printf(&msg, "rule '%s' example ", r->id);
		rc_buf_json_string(&msg, ex->text);
		if (would && chosen != NULL)
			rc_buf_printf(&msg, " is caught first by rule '%s'", chosen->id);
		else if (would && answered && strncmp(answered, "bargain:", 8) == 0)
			rc_buf_puts(&msg, " is caught first by the bargain model (the "
			    "line proposes terms; mark the rule \"proposal\": true to "
			    "claim it)");
		else if (would)
			rc_buf_printf(&msg, " is answered by %s first",
			    answered ? answered : "nothing");
		else {
			rc_buf_printf(&msg, " does not fire it: %s; ", rc_buf_str(&why));
			if (chosen != NULL)
				rc_buf_printf(&msg, "rule '%s' answers", chosen->id);
			else if (answered && strcmp(answered, "fallback") == 0)
				rc_buf_puts(&msg, "the fallback answers");
			else if (answered && strncmp(answered, "bargain:", 8) == 0)
				rc_buf_puts(&msg, "the bargain model answers");
			else
				rc_buf_printf(&msg, "%s answers", answered ? answered :
				    "nothing");
		}
		add(l, RC_ERROR, p, "%s", rc_buf_str(&msg));
	}
	/* Patterns that gave up on an example: once per message. */
	{
		struct rc_err *w = rc_engine_warnings(e);
		size_t plen = strlen(s->path);

		for (i = 0; i < w->n; i++) {
			const char *m = w->v[i].msg;
			size_t j;

			if (strncmp(m, s->path, plen) == 0 && strncmp(m + plen, ": ", 2) == 0)
				m += plen + 2;
			for (j = 0; j < l->seen.n; j++)
				if (strcmp(l->seen.v[j].msg, m) == 0)
					break;
			if (j == l->seen.n) {
				rc_err_add(&l->seen, RC_WARNING, "%s", m);
				add(l, RC_WARNING, p, "%s", m);
			}
		}
	}
	rc_buf_free(&why);
	rc_buf_free(&msg);
	free(p);
}

static void
check_rule(struct lint *l, const struct rc_rule *r)
{
	size_t k;

	if (r->after != NULL && reply_matching(l, r->after) == NULL) {
		char *p = ptr_printf("%s/after", r->where);
		add(l, RC_WARNING, p, "rule '%s': no debtor reply matches its "
		    "\"after\" pattern, so the rule can never fire", r->id);
		free(p);
	}
	for (k = 0; k < r->nexamples; k++)
		check_example(l, r, k);
}

static void
check_case(struct lint *l)
{
	const struct rc_scenario *s = l->s;
	double sum = 0;
	size_t i;
	char a[64], b[64];

	for (i = 0; i < s->ninvoices; i++)
		if (!s->invoices[i].paid)
			sum += s->invoices[i].amount;
	if (s->ninvoices > 0 && fabs(sum - s->balance) >= 0.005)
		add(l, RC_WARNING, "/case/balance", "balance %s is not the sum of the "
		    "unpaid invoices (%s)", rc_amount_format(s->balance, s->currency,
		    a, sizeof a), rc_amount_format(sum, s->currency, b, sizeof b));
}

static int by_position(const void *a, const void *b);

/* Adds L's findings to ERR in the order of their position in the file and
 * frees them. */
static void
flush(struct lint *l, struct rc_err *err)
{
	size_t i;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, by_position);
	for (i = 0; i < l->n; i++) {
		rc_err_add(err, l->v[i].sev, "%s", l->v[i].msg);
		free(l->v[i].msg);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
by_position(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
rc_lint_check(const struct rc_scenario *s, const char *text, size_t len,
              struct rc_err *err)
{
	struct lint l;
	size_t i, j;

	memset(&l, 0, sizeof l);
	l.s = s;
	l.idx = text ? rc_jsonptr_index(text, len) : NULL;
	l.m = rc_matcher_new(0);
	collect_replysets(&l);
	check_case(&l);
	check_graph(&l);
	check_vars(&l);
	check_replies(&l);
	check_restatement(&l);
	for (i = 0; i < s->nglobal; i++)
		if (!s->global[i].base)
			check_rule(&l, &s->global[i]);
	for (i = 0; i < s->nbackstop; i++)
		if (!s->backstop[i].base)
			check_rule(&l, &s->backstop[i]);
	for (i = 0; i < s->nstates; i++)
		for (j = 0; j < s->states[i].nrules; j++)
			check_rule(&l, &s->states[i].rules[j]);
	flush(&l, err);
	for (i = 0; i < l.nrs; i++) {
		free(l.rs[i].ptr);
		free(l.rs[i].label);
	}
	free(l.rs);
	rc_err_clear(&l.seen);
	rc_engine_free(l.e);
	rc_matcher_free(l.m);
	rc_jsonptr_free(l.idx);
}

/* The practice ids of the scenario's "scoring" block exist in RUBRIC. */
static void
check_practice_ids(const struct rc_scenario *s, const char *text, size_t len,
                   const struct rc_rubric *rubric, struct rc_err *err)
{
	struct lint l;
	size_t i;

	memset(&l, 0, sizeof l);
	l.s = s;
	l.idx = rc_jsonptr_index(text, len);
	for (i = 0; i < s->nna; i++)
		if (rc_rubric_find(rubric, s->na_ids[i]) == NULL) {
			char *p = ptr_printf("/scoring/not_applicable/%zu", i);
			add(&l, RC_ERROR, p, "unknown practice '%s' (the ids are listed "
			    "in docs/scoring.md)", s->na_ids[i]);
			free(p);
		}
	for (i = 0; i < s->nweights; i++)
		if (rc_rubric_find(rubric, s->weight_ids[i]) == NULL) {
			char *p = ptr_printf("/scoring/weights/%s", s->weight_ids[i]);
			add(&l, RC_ERROR, p, "unknown practice '%s'", s->weight_ids[i]);
			free(p);
		}
	flush(&l, err);
	rc_jsonptr_free(l.idx);
}

long
rc_lint_scenario_rubric(const char *path, const struct rc_rubric *rubric,
                        struct rc_err *err)
{
	struct rc_scenario *s;
	size_t len = 0, before = err->nerrors;
	char *text = rc_file_read(path, &len, err);

	if (text == NULL)
		return -1;
	s = rc_scenario_parse(path, text, len, err);
	if (s != NULL && rubric != NULL)
		check_practice_ids(s, text, len, rubric, err);
	if (s != NULL)
		rc_lint_check(s, text, len, err);
	rc_scenario_free(s);
	free(text);
	return (long)(err->nerrors - before);
}

long
rc_lint_scenario(const char *path, struct rc_err *err)
{
	return rc_lint_scenario_rubric(path, NULL, err);
}

long
rc_lint_lexicon(const char *dir, struct rc_err *err)
{
	size_t before = err->nerrors;
	struct rc_lexicon *lx = rc_lexicon_load(dir, err);
	struct rc_reader *rd;

	if (lx == NULL)
		return (long)(err->nerrors - before);
	rd = rc_reader_new(lx);
	rc_reader_check(rd, err);
	rc_reader_free(rd);
	rc_lexicon_free(lx);
	return (long)(err->nerrors - before);
}

long
rc_lint_compliance(const char *path, struct rc_err *err)
{
	size_t before = err->nerrors;

	rc_compliance_free(rc_compliance_load(path, err));
	return (long)(err->nerrors - before);
}

long
rc_lint_rubric(const char *dir, struct rc_err *err)
{
	size_t before = err->nerrors;
	struct rc_rubric *r = rc_rubric_load(dir, err);

	rc_rubric_free(r);
	return (long)(err->nerrors - before);
}

long
rc_lint_plan(const char *path, const char *const *dirs, struct rc_err *err)
{
	struct rc_plan *p;
	struct rc_scenario *s;
	size_t len = 0, before = err->nerrors;
	char *text = rc_file_read(path, &len, err), *spath;

	if (text == NULL)
		return -1;
	p = rc_plan_parse(path, text, len, err);
	free(text);
	if (p == NULL)
		return (long)(err->nerrors - before);
	if ((spath = rc_plan_scenario_path(p, dirs, err)) != NULL) {
		if ((s = rc_scenario_load(spath, err)) != NULL)
			rc_plan_bind(p, s, err);
		rc_scenario_free(s);
		free(spath);
	}
	rc_plan_free(p);
	return (long)(err->nerrors - before);
}

/* The smallest debtor there is: it inherits the shared base and has
 * nothing of its own but a state with a fallback. */
static const char base_probe[] =
    "{\"id\": \"base-check\", \"title\": \"Shared base check\", \"version\": \"0\","
    " \"archetype\": \"other\", \"difficulty\": \"easy\", \"summary\": \"-\","
    " \"persona\": {\"name\": \"Pat Base\", \"role\": \"owner\", \"kind\": \"consumer\"},"
    " \"case\": {\"creditor\": \"Acme\", \"debtor\": \"Pat Base\", \"currency\": \"USD\","
    " \"invoices\": [{\"id\": \"INV-1\", \"amount\": 100, \"due\": \"2026-10-01\"}],"
    " \"balance\": 100, \"days_overdue\": 30},"
    " \"truth\": {\"reason\": \"-\", \"cash_now\": 50, \"monthly\": 10, \"first_offer\": 20},"
    " \"start\": \"talk\", \"opening\": {\"replies\": [\"Hello?\"]},"
    " \"hangup\": {\"replies\": [\"Bye.\"]},"
    " \"bargain\": {\"accept\": {\"replies\": [\"Fine.\"]}, \"accept_plan\": {\"replies\": [\"OK.\"]},"
    " \"counter\": {\"replies\": [\"{offer}?\"]}, \"counter_plan\": {\"replies\": [\"Less.\"]},"
    " \"refuse\": {\"replies\": [\"No.\"]}},"
    " \"states\": {\"talk\": {\"fallback\": {\"replies\": [\"Sorry?\"]}}}}";

long
rc_lint_base(const char *path, struct rc_err *err)
{
	size_t before = err->nerrors, len = 0, i;
	char *text = rc_file_read(path, &len, err), *dir, *slash, *old;
	struct rc_scenario *s;
	struct lint l;

	if (text == NULL)
		return -1;
	/* The probe must inherit this base, wherever it is. */
	dir = rc_xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
	old = getenv("RECOUP_LANG") ? rc_xstrdup(getenv("RECOUP_LANG")) : NULL;
	setenv("RECOUP_LANG", dir, 1);
	s = rc_scenario_parse(path, base_probe, sizeof base_probe - 1, err);
	if (old != NULL)
		setenv("RECOUP_LANG", old, 1);
	else
		unsetenv("RECOUP_LANG");
	free(old);
	free(dir);
	if (s != NULL) {
		memset(&l, 0, sizeof l);
		l.s = s;
		l.idx = rc_jsonptr_index(text, len);
		l.m = rc_matcher_new(0);
		for (i = 0; i < s->nglobal; i++)
			if (s->global[i].base)
				check_rule(&l, &s->global[i]);
		for (i = 0; i < s->nbackstop; i++)
			if (s->backstop[i].base)
				check_rule(&l, &s->backstop[i]);
		flush(&l, err);
		free(l.rs);
		rc_err_clear(&l.seen);
		rc_engine_free(l.e);
		rc_matcher_free(l.m);
		rc_jsonptr_free(l.idx);
	}
	rc_scenario_free(s);
	free(text);
	return (long)(err->nerrors - before);
}
