/*
 * engine.c - one call through a scenario.
 *
 * For each trainee line the engine, in this order: notes research facts the
 * line uses; reads any payment proposal in it; tries the global rules, then
 * the current state's rules that claim proposals, then (in a bargaining
 * state, when the line proposes something) the bargain model, then the
 * state's other rules, then the state's fallback.  The chosen reply set is
 * said, its variable updates, events and next state applied; then the
 * endings are checked (an ending state, patience at zero, the turn limit).
 *
 * Invariants: the scenario is never modified; every random choice comes
 * from the one seeded generator, in an order fixed by the input, so the
 * same seed and lines give the same call.
 */
#include "engine.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "buf.h"
#include "match.h"
#include "rng.h"
#include "xmalloc.h"

/* A cycling reply set hands out a shuffled bag of reply indexes. */
struct bag {
	unsigned *v;
	unsigned n, pos;
	int last;
};

/* What a call changed in the engine's per-scenario arrays, so that
 * rc_engine_reset() puts back only that (lint plays one call per rule
 * example: clearing arrays the size of the scenario each time would make
 * linting quadratic). */
enum { TOUCH_VAR, TOUCH_FIRED, TOUCH_WARNED, TOUCH_BAG };
struct touch {
	int kind;
	int index;
};

struct rc_engine {
	const struct rc_scenario *s;
	uint64_t seed;
	struct rc_rng rng;
	struct rc_matcher *m;
	struct rc_transcript *t;
	double *vars;
	unsigned char *fired;          /* per rule index: fired once */
	unsigned char *research_seen;  /* per research fact */
	unsigned char *limit_warned;   /* per rule index */
	struct bag *bags;              /* per reply-set slot */
	unsigned char *var_touched;    /* per variable: in the touch log */
	struct touch *touched;         /* the touch log */
	size_t ntouched, ctouched;
	int state;
	int opened, ended;
	char *prev;                    /* the debtor's previous line */
	struct rc_proposal prop;       /* proposal in the current line */
	struct rc_bargain deal;        /* the debt and the call's date */
	int has_standing;
	struct rc_terms standing;      /* the debtor's standing offer */
	struct rc_terms cur;           /* terms spoken of in this reply */
	int has_cur;
	double last_amount;            /* the trainee's last proposed amount */
	int counter_upfront;           /* this reply counters the upfront part only */
	int since_agree;               /* trainee lines since the deal was booked */
	int extends;                   /* the line's terms add the rest to the
	                                  booked or offered terms before it */
	int agree_state;               /* the state the deal was made in */
	int line_state;                /* the state the current line came in */
	const struct rc_replyset *preface;   /* said before the next reply */
	/* the charge of the case a credit in this line took off: its "set"
	 * acts once the debtor has answered the line, as a rule's does */
	const struct rc_adjustable *granted;
	struct rc_err warnings;
	struct rc_buf trace;           /* how the last reply was chosen */
	const struct rc_rule *chosen;
	const char *line;              /* the line as typed */
	const char *norm;              /* its normal form: what rules match */
	struct rc_reader *rd;
	struct rc_reading rdg;         /* the current line, read once */
	int tracing;                   /* build the trace (for /why full, --trace) */
	/* What the short /why tells: the state the last line was said in and
	 * what answered it. */
	int firm_only;                 /* rules see only the firm intents */
	int why_state;
	enum { WHY_NONE, WHY_RULE, WHY_FALLBACK, WHY_BARGAIN, WHY_PAUSE } why_kind;
	const struct rc_rule *why_rule;
};

struct rc_engine *
rc_engine_new(const struct rc_scenario *s, uint64_t seed)
{
	struct rc_engine *e = rc_xcalloc(1, sizeof *e);
	size_t i;

	e->s = s;
	e->seed = seed;
	rc_rng_seed(&e->rng, seed);
	e->m = rc_matcher_new(0);
	e->rd = rc_scenario_reader(s);
	/* Likeness is a last resort: trained and read only for a line no
	 * rule took (see rc_engine_say). */
	rc_reader_likeness(e->rd, RC_LIKENESS_ON_DEMAND);
	e->tracing = 1;
	e->t = rc_transcript_new();
	e->vars = rc_xcalloc(s->nvars, sizeof *e->vars);
	for (i = 0; i < s->nvars; i++)
		e->vars[i] = s->vars[i].init;
	e->fired = rc_xcalloc((size_t)s->nrules + 1, 1);
	e->limit_warned = rc_xcalloc((size_t)s->nrules + 1, 1);
	e->research_seen = rc_xcalloc(s->nresearch + 1, 1);
	e->bags = rc_xcalloc((size_t)s->nslots + 1, sizeof *e->bags);
	e->var_touched = rc_xcalloc(s->nvars + 1, 1);
	e->state = s->start;
	e->deal.balance = s->balance;
	e->deal.today = s->date;
	return e;
}

static void
touch(struct rc_engine *e, int kind, int index)
{
	if (e->ntouched == e->ctouched) {
		e->ctouched = e->ctouched ? 2 * e->ctouched : 16;
		e->touched = rc_xreallocarray(e->touched, e->ctouched,
		    sizeof *e->touched);
	}
	e->touched[e->ntouched].kind = kind;
	e->touched[e->ntouched].index = index;
	e->ntouched++;
}

/* Notes that variable VAR is about to change.  The built-in variables
 * are always put back, so only the scenario's own are logged. */
static void
touch_var(struct rc_engine *e, int var)
{
	if (var >= RC_VAR_BUILTIN_COUNT && !e->var_touched[var]) {
		e->var_touched[var] = 1;
		touch(e, TOUCH_VAR, var);
	}
}

void
rc_engine_reset(struct rc_engine *e, uint64_t seed)
{
	const struct rc_scenario *s = e->s;
	struct rc_engine keep = *e;
	size_t i;

	for (i = 0; i < e->ntouched; i++) {
		int k = e->touched[i].index;

		switch (e->touched[i].kind) {
		case TOUCH_VAR:
			e->vars[k] = s->vars[k].init;
			e->var_touched[k] = 0;
			break;
		case TOUCH_FIRED: e->fired[k] = 0; break;
		case TOUCH_WARNED: e->limit_warned[k] = 0; break;
		case TOUCH_BAG:
			free(e->bags[k].v);
			memset(&e->bags[k], 0, sizeof e->bags[k]);
			break;
		}
	}
	for (i = 0; i < RC_VAR_BUILTIN_COUNT && i < s->nvars; i++)
		e->vars[i] = s->vars[i].init;
	memset(e->research_seen, 0, s->nresearch + 1);
	rc_reading_free(&e->rdg);
	rc_transcript_free(e->t);
	free(e->prev);
	rc_err_clear(&e->warnings);
	rc_buf_free(&e->trace);
	/* Everything else as rc_engine_new() leaves it. */
	memset(e, 0, sizeof *e);
	e->s = s;
	e->m = keep.m;
	e->rd = keep.rd;
	e->vars = keep.vars;
	e->fired = keep.fired;
	e->limit_warned = keep.limit_warned;
	e->research_seen = keep.research_seen;
	e->bags = keep.bags;
	e->var_touched = keep.var_touched;
	e->touched = keep.touched;
	e->ctouched = keep.ctouched;
	e->seed = seed;
	rc_rng_seed(&e->rng, seed);
	e->tracing = 1;
	e->t = rc_transcript_new();
	e->state = s->start;
	e->deal.balance = s->balance;
	e->deal.today = s->date;
}

void
rc_engine_free(struct rc_engine *e)
{
	int i;

	if (e == NULL)
		return;
	rc_matcher_free(e->m);
	rc_reader_free(e->rd);
	rc_reading_free(&e->rdg);
	rc_transcript_free(e->t);
	free(e->vars);
	free(e->fired);
	free(e->limit_warned);
	free(e->research_seen);
	for (i = 0; i < e->s->nslots; i++)
		free(e->bags[i].v);
	free(e->bags);
	free(e->var_touched);
	free(e->touched);
	free(e->prev);
	rc_err_clear(&e->warnings);
	rc_buf_free(&e->trace);
	free(e);
}

static const char *
state_name(const struct rc_engine *e)
{
	return e->state >= 0 ? e->s->states[e->state].name : NULL;
}

/* Runs pattern P on TEXT, warning once per rule when it hits its limit. */
static int
run(struct rc_engine *e, const struct rc_pattern *p, const char *text,
    const struct rc_rule *r)
{
	enum rc_match_result res = rc_matcher_exec(e->m, p, text, strlen(text));

	if (res == RC_MATCH_YES)
		return 1;
	if (res != RC_MATCH_NO && r != NULL && !e->limit_warned[r->index]) {
		e->limit_warned[r->index] = 1;
		touch(e, TOUCH_WARNED, r->index);
		rc_err_add(&e->warnings, RC_WARNING,
		    "%s: rule '%s': pattern /%s/ gave up (%s); treated as no match",
		    e->s->path, r->id, rc_pattern_source(p), rc_matcher_error(e->m));
	}
	return 0;
}

static int
cond_holds(const struct rc_engine *e, const struct rc_cond *c)
{
	double v = e->vars[c->var];

	switch (c->op) {
	case RC_CMP_EQ: return fabs(v - c->value) < 1e-9;
	case RC_CMP_NE: return fabs(v - c->value) >= 1e-9;
	case RC_CMP_LT: return v < c->value;
	case RC_CMP_LE: return v <= c->value;
	case RC_CMP_GT: return v > c->value;
	case RC_CMP_GE: return v >= c->value;
	}
	return 0;
}

static const char *
cmp_name(enum rc_cmp op)
{
	switch (op) {
	case RC_CMP_EQ: return "==";
	case RC_CMP_NE: return "!=";
	case RC_CMP_LT: return "<";
	case RC_CMP_LE: return "<=";
	case RC_CMP_GT: return ">";
	case RC_CMP_GE: return ">=";
	}
	return "?";
}

/* Writes variable VAR's value V as the scenario spells it. */
static void
put_value(const struct rc_engine *e, int var, double v, struct rc_buf *b)
{
	if (e->s->vars[var].is_bool)
		rc_buf_puts(b, v != 0 ? "true" : "false");
	else
		rc_buf_printf(b, "%g", v);
}

/* The proposal read from the current line, in words: "$500 today",
 * "$1,000 today, then $200 a week for 11 weeks from December 9". */
static void
describe_prop(const struct rc_engine *e, struct rc_buf *b)
{
	const struct rc_proposal *p = &e->prop;
	char tmp[512];

	if (p->terms.n == 0) {
		rc_buf_printf(b, "%g%% of a balance not known", p->share * 100);
		return;
	}
	rc_buf_puts(b, rc_terms_say(&p->terms, e->s->currency, e->s->date, 1, tmp,
	    sizeof tmp));
}

/* Why rule R does not fire on LINE now: NULL when it does.  Writes a
 * reason that needs details (a failed condition) into TMP.  *HIT is set to
 * the index of the pattern that matched (-1 when the rule has none). */
/* Does the current line carry intent I, as rules see it now? */
static int
has_intent(const struct rc_engine *e, int i)
{
	return rc_intents_has(e->firm_only ? &e->rdg.firm : &e->rdg.set, i);
}

/* Is R a rule on courtesies alone (thanks, empathy, small talk: intents
 * the lexicon marks "courtesy", and no patterns of its own)? */
static int
courtesy_rule(const struct rc_engine *e, const struct rc_rule *r)
{
	size_t i;

	if (r->nintents == 0 || r->nmatch > 0)
		return 0;
	for (i = 0; i < r->nintents; i++)
		if (!e->s->lex->intents[r->intents[i]].courtesy)
			return 0;
	return 1;
}

/* Does the line say more than courtesies: an intent read (as rules see it
 * now) that is neither a courtesy nor a mark of its form?  Then a rule on
 * courtesies alone gives way: "I'm sorry to hear that. What could you
 * manage?" is answered on what could be managed, and the courtesy rule
 * only when no rule takes the rest. */
static int
says_more(const struct rc_engine *e)
{
	const struct rc_lexicon *lx = e->s->lex;
	size_t i;

	for (i = 0; i < lx->nintents; i++)
		if (!lx->intents[i].courtesy && !lx->intents[i].mark &&
		    (lx->intents[i].side & RC_SIDE_TRAINEE) && has_intent(e, (int)i))
			return 1;
	return 0;
}

/* Takes rule R, which fires, as *CHOSEN; a rule on courtesies alone, when
 * the line says MORE, only as *DEFERRED (the first such), for when no
 * other rule takes the line. */
static void
take(const struct rc_engine *e, const struct rc_rule *r, int more,
     const struct rc_rule **chosen, const struct rc_rule **deferred)
{
	if (more && courtesy_rule(e, r)) {
		if (*deferred == NULL)
			*deferred = r;
		return;
	}
	*chosen = r;
}

static const char *
why_not(struct rc_engine *e, const struct rc_rule *r, const char *line,
        struct rc_buf *tmp, int *hit)
{
	size_t i;

	*hit = -1;
	if (r->once && e->fired[r->index])
		return "already fired once";
	for (i = 0; i < r->nconds; i++) {
		const struct rc_cond *c = &r->conds[i];

		if (!cond_holds(e, c)) {
			rc_buf_reset(tmp);
			rc_buf_printf(tmp, "condition: %s is ", e->s->vars[c->var].name);
			put_value(e, c->var, e->vars[c->var], tmp);
			rc_buf_puts(tmp, ", needs ");
			if (c->op != RC_CMP_EQ)
				rc_buf_printf(tmp, "%s ", cmp_name(c->op));
			put_value(e, c->var, c->value, tmp);
			return rc_buf_str(tmp);
		}
	}
	if (r->proposal >= 0 &&
	    (e->prop.kind != RC_PROP_NONE) != (r->proposal != 0)) {
		if (r->proposal)
			return "no proposal in the line";
		rc_buf_reset(tmp);
		rc_buf_puts(tmp, "the line proposes terms (");
		describe_prop(e, tmp);
		rc_buf_puts(tmp, ")");
		return rc_buf_str(tmp);
	}
	if (r->bargain == RC_BARGAIN_TAKE &&
	    (!e->has_standing || e->vars[RC_VAR_AGREED] != 0))
		return "no standing offer to take";
	if (r->after != NULL && (e->prev == NULL || !run(e, r->after, e->prev, r)))
		return "the debtor's previous line does not match \"after\"";
	if (r->either && r->nintents > 0 && r->nmatch > 0) {
		/* an intent read or a pattern matched: either will do */
		for (i = 0; i < r->nintents; i++)
			if (has_intent(e, r->intents[i]))
				break;
		if (i == r->nintents) {
			for (i = 0; *hit < 0 && i < r->nmatch; i++)
				if (run(e, r->match[i], line, r))
					*hit = (int)i;
			if (*hit < 0)
				return "neither an intent read nor a pattern matched";
		}
	} else if (r->nintents > 0) {
		for (i = 0; i < r->nintents; i++)
			if (has_intent(e, r->intents[i]))
				break;
		if (i == r->nintents) {
			rc_buf_reset(tmp);
			rc_buf_puts(tmp, "intent not read (wants ");
			for (i = 0; i < r->nintents; i++)
				rc_buf_printf(tmp, "%s%s", i ? " or " : "",
				    e->s->lex->intents[r->intents[i]].id);
			rc_buf_puts(tmp, ")");
			return rc_buf_str(tmp);
		}
	}
	for (i = 0; i < r->nnot_intents; i++)
		if (has_intent(e, r->not_intents[i])) {
			rc_buf_reset(tmp);
			rc_buf_printf(tmp, "the line also reads as '%s' (not_intent)",
			    e->s->lex->intents[r->not_intents[i]].id);
			return rc_buf_str(tmp);
		}
	if (r->nmatch > 0 && !(r->either && r->nintents > 0)) {
		for (i = 0; *hit < 0 && i < r->nmatch; i++)
			if (run(e, r->match[i], line, r))
				*hit = (int)i;
		if (*hit < 0)
			return "no pattern matched";
	}
	for (i = 0; i < r->nnot; i++) {
		if (run(e, r->not[i], line, r)) {
			rc_buf_reset(tmp);
			rc_buf_printf(tmp, "an exclusion ('not') matched: /%s/",
			    rc_pattern_source(r->not[i]));
			return rc_buf_str(tmp);
		}
	}
	return NULL;
}

/* Does rule R fire on LINE?  Cheap tests first, patterns last.  Records
 * the outcome in the trace. */
static int
fires(struct rc_engine *e, const struct rc_rule *r, const char *line)
{
	struct rc_buf tmp = RC_BUF_INIT;
	const char *why;
	int hit;

	why = why_not(e, r, line, &tmp, &hit);
	if (why) {
		if (e->tracing)
			rc_buf_printf(&e->trace, "  tried %-28s %s\n", r->id, why);
		rc_buf_free(&tmp);
		return 0;
	}
	rc_buf_free(&tmp);
	if (!e->tracing)
		return 1;
	if (hit >= 0)
		rc_buf_printf(&e->trace, "  fired %-28s /%s/ matched\n", r->id,
		    rc_pattern_source(r->match[hit]));
	else if (r->nintents > 0)
		rc_buf_printf(&e->trace, "  fired %-28s intent read\n", r->id);
	else
		rc_buf_printf(&e->trace, "  fired %-28s (no pattern: any line)\n", r->id);
	return 1;
}

static void
shuffle_bag(struct rc_engine *e, const struct rc_replyset *rs, struct bag *b)
{
	unsigned i, j, k, n = 0;

	for (i = 0; i < rs->nreplies; i++)
		n += rs->replies[i].weight > 8 ? 8 : rs->replies[i].weight;
	if (b->v == NULL)
		b->v = rc_xcalloc(n, sizeof *b->v);
	b->n = n;
	for (i = 0, k = 0; i < rs->nreplies; i++)
		for (j = 0; j < rs->replies[i].weight && j < 8; j++)
			b->v[k++] = i;
	for (i = n - 1; i > 0; i--) {
		unsigned t;

		j = rc_rng_below(&e->rng, i + 1);
		t = b->v[i];
		b->v[i] = b->v[j];
		b->v[j] = t;
	}
	/* Never say the same thing twice in a row across a refill. */
	for (i = 0; i + 1 < n; i++) {
		int prev = i == 0 ? b->last : (int)b->v[i - 1];

		if ((int)b->v[i] == prev) {
			for (j = i + 1; j < n && b->v[j] == b->v[i]; j++)
				;
			if (j < n) {
				unsigned t = b->v[i];
				b->v[i] = b->v[j];
				b->v[j] = t;
			}
		}
	}
	b->pos = 0;
}

/* May reply R be said now (its "when" holds)? */
static int
sayable(const struct rc_engine *e, const struct rc_reply *r)
{
	size_t i;

	for (i = 0; i < r->nconds; i++)
		if (!cond_holds(e, &r->conds[i]))
			return 0;
	return 1;
}

static const char *
pick(struct rc_engine *e, const struct rc_replyset *rs)
{
	struct bag *b = &e->bags[rs->slot];
	unsigned i, total = 0, n = 0, tries;

	if (rs->nreplies == 0)
		return "...";
	for (i = 0; i < rs->nreplies; i++)
		if (sayable(e, &rs->replies[i])) {
			total += rs->replies[i].weight;
			n++;
		}
	/* when no reply may be said, the first is (documented) */
	if (n == 0)
		return rs->replies[0].text;
	if (rs->nreplies == 1)
		return rs->replies[0].text;
	if (rs->random) {
		unsigned x = rc_rng_below(&e->rng, total);

		for (i = 0; i < rs->nreplies; i++) {
			if (!sayable(e, &rs->replies[i]))
				continue;
			if (x < rs->replies[i].weight)
				return rs->replies[i].text;
			x -= rs->replies[i].weight;
		}
		return rs->replies[rs->nreplies - 1].text;
	}
	/* Cycle: the bag holds every reply; those that may not be said now
	 * are passed over (two bags at most find one that may). */
	if (b->v == NULL) {
		b->last = -1;
		touch(e, TOUCH_BAG, rs->slot);
	}
	for (tries = 0; tries < 2 * b->n + 2; tries++) {
		if (b->v == NULL || b->pos >= b->n)
			shuffle_bag(e, rs, b);
		i = b->v[b->pos++];
		if (sayable(e, &rs->replies[i])) {
			b->last = (int)i;
			return rs->replies[i].text;
		}
	}
	for (i = 0; i < rs->nreplies && !sayable(e, &rs->replies[i]); i++)
		;
	return rs->replies[i < rs->nreplies ? i : 0].text;
}

static void
money(const struct rc_engine *e, double v, struct rc_buf *out)
{
	char tmp[64];

	rc_buf_puts(out, rc_amount_format(v, e->s->currency, tmp, sizeof tmp));
}

static double
upfront_of(const struct rc_terms *t)
{
	return rc_units(rc_terms_upfront(t));
}

/* Expands the placeholders of TEMPLATE into OUT. */
static void
render(struct rc_engine *e, const char *tpl, const struct rc_rule *r,
       struct rc_buf *out)
{
	const struct rc_scenario *s = e->s;
	/* The terms spoken of: those of this turn, else the agreement in
	 * force, else the debtor's standing offer. */
	const struct rc_terms *cur = e->has_cur ? &e->cur :
	    e->t->has_agreement ? &e->t->agreement :
	    e->has_standing ? &e->standing : NULL;
	const char *p = tpl;
	size_t i;

	/* Re-run the rule's first matching pattern so named captures refer
	 * to this line. */
	if (r != NULL && strstr(tpl, "{capture:") != NULL)
		for (i = 0; i < r->nmatch; i++)
			if (rc_matcher_exec(e->m, r->match[i], e->line,
			    strlen(e->line)) == RC_MATCH_YES)
				break;
	while (*p) {
		const char *end;
		size_t n;
		char tmp[160], words[512];

		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			rc_buf_putc(out, p[0]);
			p += 2;
			continue;
		}
		if (*p != '{' || (end = strchr(p, '}')) == NULL) {
			rc_buf_putc(out, *p++);
			continue;
		}
		n = (size_t)(end - p - 1);
#define IS(k) (n == strlen(k) && strncmp(p + 1, k, n) == 0)
		if (IS("name"))
			rc_buf_puts(out, s->name);
		else if (IS("first"))
			rc_buf_puts(out, s->first_name);
		else if (IS("creditor"))
			rc_buf_puts(out, s->creditor);
		else if (IS("debtor"))
			rc_buf_puts(out, s->debtor);
		else if (IS("collector"))
			rc_buf_puts(out, s->collector ? s->collector : s->creditor);
		else if (IS("balance"))
			money(e, e->deal.balance, out);   /* less credits granted */
		else if (IS("offer")) {
			/* Countering only the sum paid at once: say that sum. */
			if (e->counter_upfront || !e->has_standing ||
			    rc_terms_count(&e->standing) <= 1)
				money(e, e->has_standing ? rc_units(rc_terms_first(
				    &e->standing, NULL)) : 0, out);
			else
				rc_buf_puts(out, rc_terms_say(&e->standing, s->currency,
				    s->date, 1, words, sizeof words));
		} else if (IS("amount"))
			money(e, e->last_amount, out);
		else if (IS("upfront"))
			money(e, cur ? upfront_of(cur) : 0, out);
		else if (IS("instalment"))
			money(e, cur ? rc_units(rc_terms_instalment(cur, NULL)) : 0, out);
		else if (IS("count"))
			rc_buf_printf(out, "%d", cur ? rc_terms_instalments(cur) : 0);
		else if (IS("terms"))
			rc_buf_puts(out, cur ? rc_terms_say(cur, s->currency, s->date, 1,
			    words, sizeof words) : "");
		else if (IS("last"))
			rc_buf_puts(out, e->prev ? e->prev : "");
		else if (n > 8 && strncmp(p + 1, "capture:", 8) == 0) {
			char name[RC_MATCH_NAME_MAX];

			snprintf(name, sizeof name, "%.*s", (int)(n - 8), p + 9);
			rc_matcher_capture(e->m, name, tmp, sizeof tmp);
			rc_buf_puts(out, tmp);
		} else
			rc_buf_add(out, p, n + 2);
#undef IS
		p = end + 1;
	}
}

static void
apply_sets(struct rc_engine *e, const struct rc_set *sets, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		touch_var(e, sets[i].var);
		if (sets[i].add)
			e->vars[sets[i].var] += sets[i].value;
		else
			e->vars[sets[i].var] = sets[i].value;
	}
}

static void
add_terms_event(struct rc_turn *u, const char *type, const struct rc_terms *t)
{
	struct rc_event *ev = rc_turn_event(u, type);

	ev->has_terms = 1;
	ev->terms = *t;
	ev->has_amount = 1;
	ev->amount = rc_units(t->total);
}

/* Adds to the trace what saying RS changed: variables, events, state. */
static void
trace_effects(struct rc_engine *e, const struct rc_replyset *rs)
{
	size_t i;

	for (i = 0; i < rs->nsets; i++) {
		const struct rc_set *set = &rs->sets[i];

		rc_buf_printf(&e->trace, "%s%s ", i ? ", " : "  set   ",
		    e->s->vars[set->var].name);
		if (set->add) {
			rc_buf_printf(&e->trace, "%+g (now ", set->value);
			put_value(e, set->var, e->vars[set->var], &e->trace);
			rc_buf_putc(&e->trace, ')');
		} else {
			rc_buf_puts(&e->trace, "= ");
			put_value(e, set->var, set->value, &e->trace);
		}
	}
	if (rs->nsets > 0)
		rc_buf_putc(&e->trace, '\n');
	for (i = 0; i < rs->nevents; i++)
		rc_buf_printf(&e->trace, "%s%s", i ? ", " : "  events ", rs->events[i]);
	if (rs->nevents > 0)
		rc_buf_putc(&e->trace, '\n');
	if (rs->next >= 0)
		rc_buf_printf(&e->trace, "  next  state '%s'\n",
		    e->s->states[rs->next].name);
}

/* Says reply set RS (for rule R, may be NULL) as the debtor: appends the
 * turn, applies updates and events, moves to the next state. */
static struct rc_turn *
say(struct rc_engine *e, const struct rc_replyset *rs, const struct rc_rule *r,
    const char *rule_id)
{
	struct rc_buf text = RC_BUF_INIT;
	struct rc_turn *u;
	size_t i;

	if (e->preface != NULL) {
		render(e, pick(e, e->preface), NULL, &text);
		rc_buf_putc(&text, ' ');
		apply_sets(e, e->preface->sets, e->preface->nsets);
		e->preface = NULL;
	}
	render(e, pick(e, rs), r, &text);
	u = rc_transcript_add(e->t, RC_SPEAKER_DEBTOR, rc_buf_str(&text),
	    state_name(e), rule_id);
	if (e->state >= 0 && e->s->states[e->state].speaker != NULL)
		u->name = rc_xstrdup(e->s->states[e->state].speaker);
	apply_sets(e, rs->sets, rs->nsets);
	for (i = 0; i < rs->nevents; i++)
		rc_turn_event(u, rs->events[i]);
	if (rs->next >= 0)
		e->state = rs->next;
	if (e->trace.len > 0)
		trace_effects(e, rs);
	free(e->prev);
	e->prev = rc_buf_detach(&text);
	return u;
}

static void
agree(struct rc_engine *e, struct rc_turn *u, const struct rc_terms *t)
{
	e->t->has_agreement = 1;
	e->t->agreement = *t;
	e->vars[RC_VAR_AGREED] = 1;
	e->since_agree = 0;
	e->agree_state = e->line_state;
	add_terms_event(u, "agreement", t);
}

/* 1 when the firm reading of the line carries intent ID. */
static int
read_as(const struct rc_engine *e, const char *id)
{
	int i = e->s->lex != NULL ? rc_lexicon_find(e->s->lex, id) : -1;

	return i >= 0 && rc_intents_has(&e->rdg.firm, i);
}

/* 1 when terms A ask no more of the debtor than B by any day: the sum due
 * by each payment date of either is no larger under A. */
static int
no_harder(const struct rc_terms *a, const struct rc_terms *b, int32_t today)
{
	const struct rc_terms *both[2] = { a, b };
	int i, k;

	for (k = 0; k < 2; k++) {
		int32_t due;
		int64_t cents;

		for (i = 0; rc_terms_payment(both[k], i, &cents, &due); i++) {
			int32_t day = due == RC_DATE_NONE ? today : due;

			if (rc_terms_due_by(a, day, today) > rc_terms_due_by(b, day, today))
				return 0;
		}
	}
	return 1;
}

static struct rc_stance
stance(const struct rc_engine *e)
{
	struct rc_stance st;

	st.mood = e->vars[RC_VAR_MOOD];
	st.leverage = e->vars[RC_VAR_LEVERAGE];
	st.reason_known = e->vars[RC_VAR_REASON_KNOWN] != 0;
	st.good_faith_asked = e->vars[RC_VAR_GOOD_FAITH] != 0;
	st.rounds = (int)e->vars[RC_VAR_ROUNDS];
	return st;
}

/* The bargain model answers the proposal in the line. */
static struct rc_turn *
bargain(struct rc_engine *e)
{
	const struct rc_scenario *s = e->s;
	struct rc_stance st = stance(e);
	struct rc_terms out;
	const struct rc_replyset *rs;
	enum rc_verdict v;
	struct rc_turn *u;
	const char *id;

	/* This proposal is itself a round: pushing moves the debtor. */
	e->vars[RC_VAR_ROUNDS] += 1;
	st.rounds += 1;
	v = rc_negotiate_judge(&s->truth, &st, &e->deal,
	    e->has_standing ? &e->standing : NULL, &e->prop, &out);
	e->cur = out;
	e->has_cur = v != RC_REFUSE;
	switch (v) {
	case RC_ACCEPT: rs = &s->accept; id = "bargain:accept"; break;
	case RC_ACCEPT_PLAN: rs = &s->accept_plan; id = "bargain:accept_plan"; break;
	case RC_COUNTER: rs = &s->counter; id = "bargain:counter"; break;
	case RC_COUNTER_PLAN: rs = &s->counter_plan; id = "bargain:counter_plan"; break;
	default: rs = &s->refuse; id = "bargain:refuse"; break;
	}
	if (v == RC_COUNTER || v == RC_COUNTER_PLAN) {
		e->standing = out;
		e->has_standing = 1;
		e->vars[RC_VAR_OFFERS] += 1;
	}
	e->counter_upfront = v == RC_COUNTER && rc_terms_count(&out) > 1;
	{
		char tmp[64];

		rc_buf_printf(&e->trace, "  bargain model: %s (round %d; the debtor "
		    "would pay up to %s at once now)\n", id + 8, st.rounds,
		    rc_amount_format(rc_negotiate_reach(&s->truth, &st), s->currency,
		    tmp, sizeof tmp));
	}
	u = say(e, rs, NULL, id);
	e->counter_upfront = 0;
	if (v == RC_COUNTER || v == RC_COUNTER_PLAN)
		add_terms_event(u, "debtor-offer", &out);
	else if (v == RC_ACCEPT || v == RC_ACCEPT_PLAN)
		agree(e, u, &out);
	return u;
}

/* How many single payments of T are of CENTS; *LAST (may be NULL) gets
 * the part of the last of them. */
static int
payments_of(const struct rc_terms *t, int64_t cents, int *last)
{
	int k, n = 0;

	for (k = 0; k < t->n; k++)
		if (t->part[k].count == 1 && t->part[k].cents == cents) {
			if (last != NULL)
				*last = k;
			n++;
		}
	return n;
}

/* Terms SAID change the first payment of a booked plan OLD ("can we make
 * it 2,000 today?"): one payment leaving the debt open.  Fills OUT with
 * that payment and OLD's later dates sharing what is left of OLD's total
 * (the last payment takes the cents), and returns 1; 0 when SAID is not
 * such an amendment. */
static int
amend(const struct rc_terms *old, const struct rc_terms *said,
      struct rc_terms *out)
{
	int n = rc_terms_count(old), i;
	int32_t day;
	int64_t first = rc_terms_first(said, &day), rest = old->total - first, each;

	if (rc_terms_count(said) != 1 || said->balance_left <= 0 || n < 2 ||
	    rest <= 0)
		return 0;
	/* "could the $75 be on the 17th instead?": the one booked payment
	 * of that amount moves to the day said, the others stay */
	{
		int hit = -1, hits = payments_of(old, first, &hit);

		if (hits == 1 && day != RC_DATE_NONE && day != old->part[hit].due) {
			*out = *old;
			out->part[hit].due = day;
			out->part[hit].when[0] = '\0';
			rc_terms_finish(out, old->total);
			if (said->method[0])
				memcpy(out->method, said->method, sizeof out->method);
			return 1;
		}
	}
	rc_terms_clear(out);
	rc_terms_add(out, first, 1, RC_PERIOD_NONE, day, said->part[0].when);
	each = (rest + n - 2) / (n - 1);
	for (i = 0; i < old->n; i++) {
		const struct rc_part *p = &old->part[i];
		int count = p->count;
		int32_t due = p->due;
		int64_t cents;

		if (i == 0) {
			if (count == 1)
				continue;
			rc_terms_payment(old, 1, &cents, &due);
			count--;
		}
		rc_terms_add(out, each, count, p->every, due, p->when);
	}
	rc_terms_finish(out, old->total);
	memcpy(out->method, said->method[0] ? said->method : old->method,
	    sizeof out->method);
	return 1;
}

/* Whether every payment of SAID is one of BOOKED's as booked ("start
 * with the $690 today"): naming part of the deal asks nothing new. */
static int
said_within(const struct rc_terms *said, const struct rc_terms *booked)
{
	int i, k;

	for (i = 0; i < said->n; i++) {
		const struct rc_part *p = &said->part[i];

		for (k = 0; k < booked->n; k++) {
			const struct rc_part *q = &booked->part[k];

			if (q->cents == p->cents && q->count == p->count &&
			    q->every == p->every && q->due == p->due &&
			    p->due != RC_DATE_NONE)
				break;
		}
		if (k == booked->n)
			return 0;
	}
	return said->n > 0;
}

/* Whether SAID holds a run of payments of an amount or period no run of
 * BOOKED has ("ok, 40 a month it is" after $50 a month was booked): a
 * recap or a confirmation that says it changes the deal. */
static int
other_instalment(const struct rc_terms *said, const struct rc_terms *booked)
{
	int i, k;

	for (i = 0; i < said->n; i++) {
		const struct rc_part *p = &said->part[i];

		if (p->count < 2)
			continue;
		for (k = 0; k < booked->n; k++)
			if (booked->part[k].count >= 2 &&
			    booked->part[k].cents == p->cents &&
			    booked->part[k].every == p->every)
				break;
		if (k == booked->n)
			return 1;
	}
	return 0;
}

/* Terms SAID for what BASE (booked, or the debtor's offer) left open of
 * DEBT cents: "that leaves $1,280 - could that be paid on the 13th?", the
 * debtor's "$1,200 today" then "and the other 1,920 on the 9th?".  Fills
 * OUT with BASE's payments and SAID's and returns 1; 0 when SAID is not
 * for exactly the rest (a proposal of the whole debt, or of some other
 * sum, stands on its own). */
static int
extend(const struct rc_terms *base, const struct rc_terms *said, int64_t debt,
       struct rc_terms *out)
{
	int64_t open = debt - base->total;
	int i;

	if (base->n == 0 || said->n == 0 || open <= 0 ||
	    llabs(said->total - open) > 1)
		return 0;
	*out = *base;
	for (i = 0; i < said->n; i++) {
		const struct rc_part *p = &said->part[i];

		if (!rc_terms_add(out, p->cents, p->count, p->every, p->due,
		    p->when[0] ? p->when : NULL))
			return 0;
	}
	if (said->method[0] != '\0')
		snprintf(out->method, sizeof out->method, "%s", said->method);
	rc_terms_finish(out, debt);
	return 1;
}

/* A run of payments said with no count changes the instalment of BASE's
 * plan, its payment up front kept (rc_terms_new_instalment); returns 1
 * when it did. */
static int
keep_upfront(struct rc_engine *e, const struct rc_terms *base, int64_t debt)
{
	struct rc_terms whole;

	if (!e->prop.open_run || e->prop.rest ||
	    !rc_terms_new_instalment(base, &e->prop.terms, debt, &whole))
		return 0;
	rc_buf_puts(&e->trace, "  the line changes the instalment of the plan "
	    "before it: its payment up front stands\n");
	e->prop.terms = whole;
	e->prop.kind = RC_PROP_PLAN;
	e->prop.total = rc_units(whole.total);
	e->prop.upfront = rc_units(rc_terms_first(&whole, NULL));
	return 1;
}

/* Whether the line's terms add the rest to the booked deal or, with
 * none, to the debtor's standing offer; then the proposal is the whole.
 * "The rest" said against such a base is read as the rest of it. */
static void
extend_proposal(struct rc_engine *e)
{
	const struct rc_terms *base = e->t->has_agreement ? &e->t->agreement :
	    e->has_standing ? &e->standing : NULL;
	int64_t debt = rc_cents(e->deal.balance);
	struct rc_terms whole;

	e->extends = 0;
	if (base == NULL || e->prop.kind == RC_PROP_NONE)
		return;
	/* "could the $500 be paid next week instead?": one payment of the
	 * amount of one already there moves it (see amend()), unless "the
	 * rest" was said */
	if (!e->prop.rest && e->prop.terms.n == 1 &&
	    e->prop.terms.part[0].count == 1 &&
	    payments_of(base, e->prop.terms.part[0].cents, NULL) > 0)
		return;
	if (keep_upfront(e, base, debt))
		return;
	if (e->prop.rest && e->prop.terms.n == 1 &&
	    e->prop.terms.total > debt - base->total) {
		/* "the rest on the 13th", alone: the rest of what BASE leaves
		 * ("$800 today and the rest on the 1st" is a whole of its own) */
		struct rc_reading r = RC_READING_INIT;

		rc_reader_set_balance(e->rd, rc_units(debt - base->total));
		rc_reader_read(e->rd, e->line, RC_SIDE_TRAINEE, &r);
		rc_reader_set_balance(e->rd, e->deal.balance);
		if (r.prop.kind != RC_PROP_NONE)
			e->prop = r.prop;
		rc_reading_free(&r);
	}
	if (!extend(base, &e->prop.terms, debt, &whole)) {
		/* "ok 1200 today works. then the other 1920 on the 9th?": the
		 * rest after the first payments of an offer of the whole */
		struct rc_terms head = *base;
		int k, ok = 0;

		for (k = base->n - 1; k >= 1 && !ok; k--) {
			head.n = k;
			rc_terms_finish(&head, debt);
			ok = extend(&head, &e->prop.terms, debt, &whole);
		}
		if (!ok)
			return;
	}
	rc_buf_puts(&e->trace, "  the line's terms are for the rest of the terms "
	    "before it: read as the whole\n");
	e->prop.terms = whole;
	e->prop.kind = RC_PROP_PLAN;
	e->prop.total = rc_units(whole.total);
	e->prop.upfront = rc_units(rc_terms_first(&whole, NULL));
	e->extends = 1;
}

/* What a trainee's line does to a booked deal; returns 1 when the line
 * was answered here.  On the first line after the debtor restated the
 * terms, a correction or other terms dispute the restatement: the bargain
 * is open again (the debtor says a "reopen" reply, if the scenario has
 * them, then answers the new terms as any proposal).  Later, other terms
 * are a renegotiation: the debtor takes terms that ask no more of it by
 * any date and refuses the rest ("renegotiate" replies), keeping the
 * deal.  A recap or confirmation (unless it corrects), or other terms
 * said to a debtor with no "renegotiate" replies, is left to the rules. */
static int
revisit(struct rc_engine *e, struct rc_turn *u)
{
	const struct rc_scenario *s = e->s;
	const struct rc_terms *agreed = &e->t->agreement;
	int fresh = e->since_agree == 1, corrects = read_as(e, "correction");
	/* Saying the deal back, confirming it in writing, promising reminders
	 * or stating what a missed payment brings all name figures without
	 * asking for other terms, unless they name an instalment the deal
	 * does not have. */
	int other = e->prop.kind != RC_PROP_NONE && e->prop.terms.n > 0 &&
	    !rc_terms_same(&e->prop.terms, agreed) &&
	    !said_within(&e->prop.terms, agreed) && (corrects ||
	    (!read_as(e, "consequence") && other_instalment(&e->prop.terms,
	    agreed)) || (!read_as(e, "recap") && !read_as(e, "confirm-writing") &&
	    !read_as(e, "promise-reminders") && !read_as(e, "consequence")));
	struct rc_event *ev;

	if (!e->t->has_agreement || !(other || (fresh && corrects)))
		return 0;
	if (e->extends) {
		/* The booked terms left part of the debt open and the line
		 * asks for the rest: bargaining goes on over the whole, the
		 * booked payments kept. */
		struct rc_terms booked = *agreed;

		rc_buf_puts(&e->trace, "  the line adds terms for what the booked "
		    "deal left open: bargaining over the whole\n");
		e->standing = booked;
		e->has_standing = 1;
		e->t->has_agreement = 0;
		e->vars[RC_VAR_AGREED] = 0;
		e->state = e->line_state = e->agree_state;
		e->why_kind = WHY_BARGAIN;
		bargain(e);
		if (!e->t->has_agreement) {
			/* Not taken: what was booked still stands; the debtor's
			 * counter for the whole is on the table. */
			e->t->agreement = booked;
			e->t->has_agreement = 1;
			e->vars[RC_VAR_AGREED] = 1;
		}
		return 1;
	}
	if (other) {
		struct rc_terms t;

		if (amend(agreed, &e->prop.terms, &t)) {
			rc_buf_puts(&e->trace, "  one payment said: the booked plan's "
			    "first payment changes, its later dates share the rest\n");
			e->prop.terms = t;
			e->prop.kind = RC_PROP_PLAN;
		}
	}
	if (fresh) {
		ev = rc_turn_event(u, "agreement-reopened");
		ev->has_terms = 1;
		ev->terms = *agreed;
		rc_buf_puts(&e->trace, "  the trainee disputes the terms just "
		    "restated: the bargain is open again\n");
		e->has_cur = 0;
		if (s->reopen.nreplies > 0)
			e->preface = &s->reopen;
		/* What was booked stands as the debtor's offer: "ok, that" takes
		 * it again. */
		e->standing = *agreed;
		e->has_standing = 1;
		e->t->has_agreement = 0;
		e->vars[RC_VAR_AGREED] = 0;
		e->state = e->line_state = e->agree_state;
		e->why_kind = WHY_BARGAIN;
		if (other)
			bargain(e);
		else {
			/* Nothing new said yet: the debtor asks what, then. */
			const struct rc_replyset *rs = e->preface;

			e->preface = NULL;
			say(e, rs != NULL ? rs : &s->states[e->state].fallback, NULL,
			    rs != NULL ? "bargain:reopen" : "fallback");
		}
		return 1;
	}
	if (s->renegotiate.nreplies == 0)
		return 0;
	e->why_kind = WHY_BARGAIN;
	if (no_harder(&e->prop.terms, agreed, e->deal.today)) {
		rc_buf_puts(&e->trace, "  the trainee changes the deal to terms that "
		    "ask no more of the debtor: taken\n");
		int from = e->agree_state;

		e->cur = e->prop.terms;
		e->has_cur = 1;
		agree(e, say(e, rc_terms_count(&e->cur) > 1 ? &s->accept_plan :
		    &s->accept, NULL, "bargain:renegotiate"), &e->cur);
		e->agree_state = from;   /* a dispute reopens where they bargained */
		return 1;
	}
	rc_buf_puts(&e->trace, "  the trainee asks more than the booked deal: "
	    "the debtor keeps to it\n");
	e->has_cur = 0;
	ev = rc_turn_event(say(e, &s->renegotiate, NULL, "bargain:renegotiate"),
	    "renegotiation-refused");
	ev->has_terms = 1;
	ev->terms = e->prop.terms;
	return 1;
}

/* A credit the collector grants in the line ("I'll take the $120 fee off",
 * "we'll credit the 640 for the pallet"): the amount the reader found for
 * it, else the amount of a charge of the case the line names, comes off
 * the debt the bargain and the reader work to, once (the same amount
 * granted again is a repeat).  Returns 1 when the debt changed. */
static int
grant(struct rc_engine *e, struct rc_turn *u)
{
	int gi = e->s->lex != NULL ? rc_lexicon_find(e->s->lex, "grant-credit") : -1;
	double v = e->rdg.credit;
	const struct rc_adjustable *adj = NULL;
	const char *id;
	struct rc_event *ev;
	double before = 0;   /* what an earlier credit of the charge took off */
	size_t i;

	if (gi < 0 || !rc_intents_has(&e->rdg.firm, gi))
		return 0;
	/* The charge of the case the credit is for: the one of the amount
	 * said, else the one the line names ("we'll waive the late fee", "a
	 * credit note of $750 for the pallet"), whose amount comes off when
	 * none is said. */
	for (i = 0; v > 0 && adj == NULL && i < e->s->nadjustable; i++)
		if (fabs(e->s->adjustable[i].amount - v) < 0.005)
			adj = &e->s->adjustable[i];
	for (i = 0; adj == NULL && i < e->s->nadjustable; i++) {
		const struct rc_adjustable *x = &e->s->adjustable[i];
		size_t k;

		for (k = 0; k < x->npatterns && adj == NULL; k++)
			if (run(e, x->patterns[k], e->norm, NULL))
				adj = x;
	}
	if (adj != NULL && v <= 0)
		v = adj->amount;
	id = adj != NULL ? adj->id : NULL;
	for (i = 0; v > 0 && i < e->t->n; i++) {
		const struct rc_event *was = rc_turn_find(&e->t->turns[i], "adjustment");

		if (was == NULL)
			continue;
		if (fabs(was->amount - v) < 0.005)
			return 0;
		/* the same charge credited again: the new amount replaces the
		 * one before (rc_transcript_credited counts the last) */
		if (id != NULL && was->detail != NULL && strcmp(was->detail, id) == 0)
			before = was->amount;
	}
	if (v <= 0 || v >= e->deal.balance + before - 0.005) {
		rc_buf_puts(&e->trace, "  a credit is granted, but with no amount "
		    "said or charge of the case named: the debt stays as it is\n");
		return 0;
	}
	ev = rc_turn_event(u, "adjustment");
	ev->has_amount = 1;
	ev->amount = v;
	if (id != NULL)
		ev->detail = rc_xstrdup(id);
	e->deal.balance -= v - before;
	e->vars[RC_VAR_CREDITED] += v - before;
	e->granted = adj;
	rc_reader_set_balance(e->rd, e->deal.balance);
	{
		char a[64], b[64];

		rc_buf_printf(&e->trace, "  a credit of %s is granted: the debt is now %s\n",
		    rc_amount_format(v, e->s->currency, a, sizeof a),
		    rc_amount_format(e->deal.balance, e->s->currency, b, sizeof b));
	}
	return 1;
}

/* The "set" of the case's charge credited in this line, now that the
 * debtor has answered it. */
static void
settle_grant(struct rc_engine *e)
{
	if (e->granted != NULL)
		apply_sets(e, e->granted->sets, e->granted->nsets);
	e->granted = NULL;
}

static void
use_research(struct rc_engine *e, struct rc_turn *u, const char *line)
{
	const struct rc_scenario *s = e->s;
	size_t i, j;

	for (i = 0; i < s->nresearch; i++) {
		const struct rc_fact *f = &s->research[i];
		int by_intent = 0;

		/* Leverage is earned by what was surely said: likeness does
		 * not count here. */
		for (j = 0; j < f->nintents && !by_intent; j++)
			by_intent = rc_intents_has(&e->rdg.firm, f->intents[j]);
		for (j = 0; j < f->npatterns || by_intent; j++) {
			if (by_intent || run(e, f->patterns[j], line, NULL)) {
				struct rc_event *ev = rc_turn_event(u, "research-used");

				ev->detail = rc_xstrdup(f->id);
				if (!e->research_seen[i]) {
					e->research_seen[i] = 1;
					e->vars[RC_VAR_LEVERAGE] += 1;
				}
				e->vars[RC_VAR_RESEARCH_USED] = 1;
				break;
			}
		}
	}
}

/* Adds to the trace what the engine read in the trainee's line U before
 * trying any rule: research used and the proposal. */
static void
trace_line(struct rc_engine *e, const struct rc_turn *u)
{
	size_t i;

	for (i = 0; i < u->nevents; i++)
		if (strcmp(u->events[i].type, "research-used") == 0)
			rc_buf_printf(&e->trace, "  research '%s' used: leverage is now %g\n",
			    u->events[i].detail ? u->events[i].detail : "?",
			    e->vars[RC_VAR_LEVERAGE]);
	if (e->prop.kind == RC_PROP_NONE)
		return;
	rc_buf_puts(&e->trace, "  the line proposes ");
	describe_prop(e, &e->trace);
	rc_buf_puts(&e->trace, e->s->states[e->state].bargain ? "\n" :
	    " (this state does not bargain)\n");
}

static void
check_end(struct rc_engine *e, struct rc_turn *u)
{
	const struct rc_scenario *s = e->s;
	enum rc_end end = e->state >= 0 ? s->states[e->state].end : RC_END_NONE;

	if (e->vars[RC_VAR_PATIENCE] <= 0 && end == RC_END_NONE)
		rc_buf_puts(&e->trace, "  patience is used up: the debtor hangs up\n");
	if (end == RC_END_HANGUP) {
		rc_turn_event(u, "hang-up");
		e->t->ended_by = RC_ENDED_HANGUP;
	} else if (end == RC_END_CLOSE) {
		e->t->ended_by = e->t->has_agreement ? RC_ENDED_AGREEMENT :
		    RC_ENDED_TRAINEE;
		if (!e->t->has_agreement)
			rc_turn_event(u, "call-closed");
	} else if (e->vars[RC_VAR_PATIENCE] <= 0) {
		struct rc_turn *h = say(e, &s->hangup, NULL, "hangup");

		rc_turn_event(h, "hang-up");
		e->t->ended_by = RC_ENDED_HANGUP;
	} else if (e->vars[RC_VAR_TURN] >= s->turn_limit) {
		rc_buf_printf(&e->trace, "  turn limit (%d) reached: the call is cut off\n",
		    s->turn_limit);
		rc_turn_event(&e->t->turns[e->t->n - 1], "turn-limit");
		e->t->ended_by = RC_ENDED_TURN_LIMIT;
	}
	if (e->t->ended_by != RC_ENDED_NONE)
		e->ended = 1;
}

const struct rc_turn *
rc_engine_open(struct rc_engine *e)
{
	struct rc_turn *u;

	if (e->opened)
		return NULL;
	e->opened = 1;
	u = say(e, &e->s->opening, NULL, "opening");
	return u;
}

const struct rc_turn *
rc_engine_say(struct rc_engine *e, const char *line)
{
	const struct rc_scenario *s = e->s;
	const struct rc_state *st;
	const struct rc_rule *chosen = NULL, *deferred = NULL;
	struct rc_turn *u;
	size_t first, i;
	int pass, bargained = 0, more;

	if (!e->opened)
		rc_engine_open(e);
	if (e->ended)
		return NULL;
	e->line = line;
	e->chosen = NULL;
	e->has_cur = 0;
	e->why_state = e->state;
	e->why_kind = WHY_NONE;
	e->why_rule = NULL;
	rc_reader_read(e->rd, line, RC_SIDE_TRAINEE, &e->rdg);
	e->norm = rc_buf_str(&e->rdg.norm);
	rc_buf_reset(&e->trace);
	if (e->tracing)
		rc_buf_printf(&e->trace, "in state '%s':\n", state_name(e));
	e->vars[RC_VAR_TURN] += 1;
	u = rc_transcript_add(e->t, RC_SPEAKER_COLLECTOR, line, state_name(e), NULL);
	if (grant(e, u)) {
		/* read the line again: its terms are now against the debt left */
		rc_reader_read(e->rd, line, RC_SIDE_TRAINEE, &e->rdg);
		e->norm = rc_buf_str(&e->rdg.norm);
	}
	use_research(e, u, e->norm);
	e->prop = e->rdg.prop;
	extend_proposal(e);
	if (e->prop.kind != RC_PROP_NONE) {
		struct rc_event *ev = rc_turn_event(u, "proposal");

		ev->has_amount = 1;
		ev->amount = e->prop.kind == RC_PROP_PLAN && e->prop.upfront <= 0 ?
		    e->prop.instalment : e->prop.upfront;
		e->last_amount = ev->amount;
	}
	trace_line(e, u);
	first = e->t->n;
	e->line_state = e->state;
	if (e->t->has_agreement)
		e->since_agree++;
	e->preface = NULL;
	if (revisit(e, u)) {
		e->firm_only = 0;
		settle_grant(e);
		check_end(e, &e->t->turns[e->t->n - 1]);
		return &e->t->turns[first];
	}

	line = e->norm;
	st = &s->states[e->state];
	/* Rules first see only what the patterns (and the scenario, and the
	 * second chance) read; the intents likeness adds are a last resort,
	 * tried only when no rule took the line, so a likely-but-unsure
	 * reading never outranks a sure one. */
	for (pass = 0; pass < 2 && !chosen && !bargained; pass++) {
		e->firm_only = pass == 0;
		if (pass == 1) {
			if (!rc_reader_add_likeness(e->rd, e->line, RC_SIDE_TRAINEE,
			    &e->rdg))
				break;
			if (e->tracing)
				rc_buf_puts(&e->trace, "  again, with the intents read by "
				    "likeness:\n");
		}
		for (i = 0; !chosen && i < s->nglobal; i++)
			if (fires(e, &s->global[i], line))
				chosen = &s->global[i];
		for (i = 0; !chosen && i < st->nrules; i++)
			if (st->rules[i].proposal == 1 && fires(e, &st->rules[i], line))
				chosen = &st->rules[i];
		if (!chosen && st->bargain && e->prop.kind != RC_PROP_NONE) {
			bargained = 1;
			break;
		}
		more = says_more(e);
		for (i = 0; !chosen && i < st->nrules; i++)
			if (st->rules[i].proposal != 1 && fires(e, &st->rules[i], line))
				take(e, &st->rules[i], more, &chosen, &deferred);
		for (i = 0; !chosen && i < s->nbackstop; i++)
			if (fires(e, &s->backstop[i], line))
				take(e, &s->backstop[i], more, &chosen, &deferred);
		if (!chosen)
			chosen = deferred;
	}
	e->firm_only = 0;
	if (bargained) {
		e->why_kind = WHY_BARGAIN;
		bargain(e);
	} else {
		if (chosen) {
			struct rc_turn *d;

			e->chosen = chosen;
			e->why_kind = WHY_RULE;
			e->why_rule = chosen;
			if (!e->fired[chosen->index])
				touch(e, TOUCH_FIRED, chosen->index);
			e->fired[chosen->index] = 1;
			if (chosen->bargain == RC_BARGAIN_OFFER) {
				struct rc_stance sn = stance(e);

				struct rc_terms was = e->standing;

				rc_negotiate_offer(&s->truth, &sn, &e->deal,
				    e->has_standing ? &was : NULL, &e->standing);
				e->has_standing = 1;
				e->vars[RC_VAR_OFFERS] += 1;
			}
			if (chosen->bargain == RC_BARGAIN_TAKE) {
				e->cur = e->standing;
				e->has_cur = 1;
			}
			d = say(e, &chosen->rs, chosen, chosen->id);
			if (chosen->bargain == RC_BARGAIN_OFFER)
				add_terms_event(d, "debtor-offer", &e->standing);
			else if (chosen->bargain == RC_BARGAIN_TAKE)
				agree(e, d, &e->standing);
		} else {
			if (e->tracing)
				rc_buf_printf(&e->trace, "  no rule fired: fallback\n");
			e->why_kind = WHY_FALLBACK;
			say(e, &st->fallback, NULL, "fallback");
		}
	}
	settle_grant(e);
	check_end(e, &e->t->turns[e->t->n - 1]);
	return &e->t->turns[first];
}

const struct rc_turn *
rc_engine_pause(struct rc_engine *e)
{
	struct rc_turn *u;

	if (e->ended)
		return NULL;
	e->chosen = NULL;
	u = rc_transcript_add(e->t, RC_SPEAKER_ACTION, "/pause", state_name(e), NULL);
	rc_turn_event(u, "pause");
	if (!e->s->has_pause)
		return NULL;
	e->why_state = e->state;
	e->why_kind = WHY_PAUSE;
	rc_buf_reset(&e->trace);
	rc_buf_printf(&e->trace, "in state '%s':\n  the trainee paused: pause replies\n",
	    state_name(e));
	e->line = "";
	u = say(e, &e->s->pause, NULL, "pause");
	check_end(e, u);
	return u;
}

void
rc_engine_action(struct rc_engine *e, const char *text, const char *type)
{
	struct rc_turn *u = rc_transcript_add(e->t, RC_SPEAKER_ACTION, text,
	    state_name(e), NULL);

	if (type != NULL)
		rc_turn_event(u, type);
}

void
rc_engine_floor(struct rc_engine *e, double amount, int now)
{
	char buf[64], text[96];
	struct rc_turn *u;
	struct rc_event *ev;

	rc_amount_format(amount, e->s->currency, buf, sizeof buf);
	snprintf(text, sizeof text, "/floor %s%s", buf, now ? " now" : "");
	u = rc_transcript_add(e->t, RC_SPEAKER_ACTION, text, state_name(e), NULL);
	ev = rc_turn_event(u, "floor-set");
	ev->has_amount = 1;
	ev->amount = amount;
	if (now)
		ev->detail = rc_xstrdup("now");
	e->t->has_floor = 1;
	e->t->floor = amount;
	e->t->floor_now = now;
}

void
rc_engine_finish(struct rc_engine *e)
{
	if (e->ended)
		return;
	e->ended = 1;
	e->t->ended_by = e->t->has_agreement ? RC_ENDED_AGREEMENT : RC_ENDED_TRAINEE;
}

int
rc_engine_ended(const struct rc_engine *e)
{
	return e->ended;
}

const struct rc_transcript *
rc_engine_transcript(const struct rc_engine *e)
{
	return e->t;
}

const struct rc_scenario *
rc_engine_scenario(const struct rc_engine *e)
{
	return e->s;
}

uint64_t
rc_engine_seed(const struct rc_engine *e)
{
	return e->seed;
}

const char *
rc_engine_state(const struct rc_engine *e)
{
	return state_name(e);
}

double
rc_engine_var(const struct rc_engine *e, const char *name)
{
	int i = rc_scenario_var(e->s, name);

	return i >= 0 ? e->vars[i] : 0;
}

struct rc_err *
rc_engine_warnings(struct rc_engine *e)
{
	return &e->warnings;
}

void
rc_engine_explain_brief(const struct rc_engine *e, struct rc_buf *buf)
{
	const struct rc_scenario *s = e->s;
	const char *state = e->why_state >= 0 && (size_t)e->why_state < s->nstates ?
	    s->states[e->why_state].name : "?";
	const char *norm = rc_buf_str(&e->rdg.norm);
	size_t i;

	switch (e->why_kind) {
	case WHY_NONE:
		rc_buf_puts(buf, "the debtor has not answered anything yet\n");
		return;
	case WHY_PAUSE:
		rc_buf_printf(buf, "You paused (in state '%s'): the debtor filled the "
		    "silence.\n", state);
		return;
	case WHY_RULE:
		rc_buf_printf(buf, "Answered by rule '%s'%s, in state '%s'.\n",
		    e->why_rule->id, e->why_rule->base ? " (shared base)" : "", state);
		break;
	case WHY_FALLBACK:
		rc_buf_printf(buf, "No rule of state '%s' took your line: the debtor "
		    "gave a fallback reply.\n", state);
		break;
	case WHY_BARGAIN:
		rc_buf_printf(buf, "Your proposal was bargained over, in state "
		    "'%s'.\n", state);
		break;
	}
	if (e->rdg.changes > 0)
		rc_buf_printf(buf, "Your line, normalised: \"%s\"\n", norm);
	if (e->rdg.nhits == 0)
		rc_buf_puts(buf, "Read as: no intent\n");
	for (i = 0; i < e->rdg.nhits; i++) {
		const struct rc_hit *h = &e->rdg.hits[i];
		size_t n = h->end - h->start;

		rc_buf_printf(buf, "%s %-20s \"%.*s%s\"%s\n", i ? "        " : "Read as:",
		    s->lex->intents[h->intent].id, (int)(n > 60 ? 57 : n),
		    norm + h->start, n > 60 ? "..." : "",
		    h->path == RC_READ_SIMILAR ? " (like its examples)" :
		    h->path == RC_READ_LIKENESS ? " (like lines that carry it)" :
		    h->path == RC_READ_FACTS ? " (from the case file)" : "");
	}
	if (e->prop.kind != RC_PROP_NONE) {
		rc_buf_puts(buf, "Terms read: ");
		describe_prop(e, buf);
		rc_buf_putc(buf, '\n');
	}
	if (e->tracing)
		rc_buf_puts(buf, "('/why full' lists every rule tried.)\n");
}

void
rc_engine_explain(const struct rc_engine *e, struct rc_buf *buf)
{
	if (e->trace.len == 0)
		rc_buf_puts(buf, "the debtor has not answered anything yet\n");
	else
		rc_buf_puts(buf, rc_buf_str(&e->trace));
}

void
rc_engine_set_state(struct rc_engine *e, int state)
{
	if (state >= 0 && (size_t)state < e->s->nstates)
		e->state = state;
}

void
rc_engine_set_var(struct rc_engine *e, int var, double value)
{
	if (var >= 0 && (size_t)var < e->s->nvars) {
		touch_var(e, var);
		e->vars[var] = value;
	}
}

double
rc_engine_var_at(const struct rc_engine *e, int var)
{
	return var >= 0 && (size_t)var < e->s->nvars ? e->vars[var] : 0;
}

void
rc_engine_set_prev(struct rc_engine *e, const char *line)
{
	free(e->prev);
	e->prev = rc_xstrdup(line);
}

void
rc_engine_set_offer(struct rc_engine *e)
{
	struct rc_stance st = stance(e);
	struct rc_terms was = e->standing;

	rc_negotiate_offer(&e->s->truth, &st, &e->deal,
	    e->has_standing ? &was : NULL, &e->standing);
	e->has_standing = 1;
	e->vars[RC_VAR_OFFERS] += 1;
}

const struct rc_rule *
rc_engine_rule(const struct rc_engine *e)
{
	return e->chosen;
}

int
rc_engine_try(struct rc_engine *e, const struct rc_rule *r, const char *line,
              struct rc_buf *why)
{
	struct rc_proposal saved = e->prop;
	struct rc_reading keep = e->rdg;
	struct rc_reading now = RC_READING_INIT;
	struct rc_buf tmp = RC_BUF_INIT;
	const char *reason;
	int hit;

	rc_reader_read(e->rd, line, RC_SIDE_TRAINEE, &now);
	e->rdg = now;
	e->prop = now.prop;
	reason = why_not(e, r, rc_buf_str(&now.norm), &tmp, &hit);
	if (reason != NULL && why != NULL)
		rc_buf_puts(why, reason);
	rc_buf_free(&tmp);
	e->prop = saved;
	e->rdg = keep;
	rc_reading_free(&now);
	return reason == NULL;
}

const struct rc_rule *
rc_engine_choose(struct rc_engine *e, const char *line, const char **how,
                 struct rc_buf *trace, struct rc_reading *reading)
{
	const struct rc_scenario *s = e->s;
	const struct rc_state *st = &s->states[e->state];
	const struct rc_rule *chosen = NULL;
	struct rc_reading keep = e->rdg, now = RC_READING_INIT;
	struct rc_proposal saved = e->prop;
	struct rc_buf keep_trace = e->trace;
	int keep_tracing = e->tracing;
	const char *norm;
	size_t i;

	rc_reader_read(e->rd, line, RC_SIDE_TRAINEE, &now);
	e->rdg = now;
	e->prop = now.prop;
	norm = rc_buf_str(&now.norm);
	memset(&e->trace, 0, sizeof e->trace);
	e->tracing = trace != NULL;
	*how = "rule";
	for (i = 0; !chosen && i < s->nglobal; i++)
		if (fires(e, &s->global[i], norm))
			chosen = &s->global[i];
	for (i = 0; !chosen && i < st->nrules; i++)
		if (st->rules[i].proposal == 1 && fires(e, &st->rules[i], norm))
			chosen = &st->rules[i];
	if (!chosen && st->bargain && e->prop.kind != RC_PROP_NONE) {
		*how = "bargain";
	} else {
		const struct rc_rule *deferred = NULL;
		int more = says_more(e);

		for (i = 0; !chosen && i < st->nrules; i++)
			if (st->rules[i].proposal != 1 && fires(e, &st->rules[i], norm))
				take(e, &st->rules[i], more, &chosen, &deferred);
		for (i = 0; !chosen && i < s->nbackstop; i++)
			if (fires(e, &s->backstop[i], norm))
				take(e, &s->backstop[i], more, &chosen, &deferred);
		if (!chosen)
			chosen = deferred;
		if (!chosen)
			*how = "fallback";
	}
	if (trace != NULL)
		rc_buf_puts(trace, rc_buf_str(&e->trace));
	rc_buf_free(&e->trace);
	e->trace = keep_trace;
	e->tracing = keep_tracing;
	e->rdg = keep;
	e->prop = saved;
	if (reading != NULL)
		*reading = now;
	else
		rc_reading_free(&now);
	return chosen;
}

void
rc_engine_tracing(struct rc_engine *e, int on)
{
	e->tracing = on != 0;
}

const struct rc_reading *
rc_engine_reading(const struct rc_engine *e)
{
	return &e->rdg;
}
