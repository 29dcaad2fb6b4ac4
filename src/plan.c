/*
 * plan.c - loading and running test plans.  Loading mirrors the scenario
 * loader: one walk of the cJSON tree that adds a message for every problem
 * (with the line and column of the offending value, from a jsonptr index)
 * instead of stopping at the first.  Running plays each case through a
 * real session once per seed; after each step the turns it added are
 * checked, and a run stops at its first failing step.  Failures that are
 * the same for several seeds are kept once, with the list of seeds.
 */
#include "plan.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "engine.h"
#include "jsonpos.h"
#include "jsonptr.h"
#include "jsonread.h"
#include "session.h"
#include "terms.h"
#include "xmalloc.h"

#define MAX_SEED 9007199254740991.0   /* 2^53 - 1: exact in a JSON number */

static const char *const term_names[] = {
	"upfront", "instalment", "count", "total", "balance_left", "turns",
};

/* Plans may not hold score expectations yet; say so rather than
 * "unknown key". */
static const char *
unknown_key(const char *key)
{
	return strcmp(key, "score") == 0 ? "score expectations are not "
	    "supported by this version of recoup" : NULL;
}

/* A comparison: a number (equality), a boolean, or a string "OP N". */
static int
get_cmp(struct rc_jsonread *c, const cJSON *v, const char *ptr, int bool_ok,
        struct rc_plan_cmp *out)
{
	static const struct { const char *op; enum rc_cmp cmp; } ops[] = {
		{ "==", RC_CMP_EQ }, { "!=", RC_CMP_NE }, { "<=", RC_CMP_LE },
		{ ">=", RC_CMP_GE }, { "<", RC_CMP_LT }, { ">", RC_CMP_GT },
	};
	const char *s;
	char *end;
	size_t k;

	memset(out, 0, sizeof *out);
	if (cJSON_IsNumber(v)) {
		out->value = v->valuedouble;
		return 1;
	}
	if (cJSON_IsBool(v) && bool_ok) {
		out->is_bool = 1;
		out->value = cJSON_IsTrue(v);
		return 1;
	}
	if (!cJSON_IsString(v)) {
		rc_jsonread_fail(c, ptr, "expected a number%s or a comparison like \">= 2\", "
		    "found %s", bool_ok ? ", a boolean" : "",
		    rc_jsonread_type(v));
		return 0;
	}
	for (s = v->valuestring; *s == ' '; s++)
		;
	for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
		if (strncmp(s, ops[k].op, strlen(ops[k].op)) == 0)
			break;
	if (k == sizeof ops / sizeof ops[0]) {
		rc_jsonread_fail(c, ptr, "expected a comparison like \">= 2\", found \"%s\"",
		    v->valuestring);
		return 0;
	}
	out->op = ops[k].cmp;
	s += strlen(ops[k].op);
	out->value = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (end == s || *end != '\0' || !isfinite(out->value)) {
		rc_jsonread_fail(c, ptr, "expected a number after '%s', found \"%s\"", ops[k].op,
		    v->valuestring);
		return 0;
	}
	return 1;
}

/* An array of strings at OBJ[KEY] (a single string is taken as a list of
 * one). */
static char **
get_strings(struct rc_jsonread *c, const cJSON *obj, const char *ptr,
            const char *key, size_t *n)
{
	const cJSON *v = rc_jsonread_member(obj, key), *e;
	char **out;
	char *p;
	size_t i = 0;

	*n = 0;
	if (v == NULL)
		return NULL;
	p = rc_jsonread_join(ptr, key);
	if (cJSON_IsString(v)) {
		out = rc_xcalloc(1, sizeof *out);
		out[(*n)++] = rc_xstrdup(v->valuestring);
		free(p);
		return out;
	}
	if (!cJSON_IsArray(v)) {
		rc_jsonread_fail(c, p, "expected an array of strings, found %s", rc_jsonread_type(v));
		free(p);
		return NULL;
	}
	out = rc_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *out);
	cJSON_ArrayForEach(e, v) {
		char *q = rc_jsonread_join_index(p, i++);

		if (cJSON_IsString(e) && e->valuestring[0] != '\0')
			out[(*n)++] = rc_xstrdup(e->valuestring);
		else
			rc_jsonread_fail(c, q,
			    "expected a non-empty string, found %s",
			    cJSON_IsString(e) ? "an empty one" : rc_jsonread_type(e));
		free(q);
	}
	free(p);
	return out;
}

static struct rc_pattern *
compile(struct rc_jsonread *c, const cJSON *v, const char *ptr)
{
	struct rc_pattern *p;
	char msg[256];
	size_t off = 0;

	if (!cJSON_IsString(v)) {
		rc_jsonread_fail(c, ptr, "expected a pattern string, found %s", rc_jsonread_type(v));
		return NULL;
	}
	if (v->valuestring[0] == '\0') {
		rc_jsonread_fail(c, ptr,
		    "empty pattern (it would match every reply)");
		return NULL;
	}
	p = rc_pattern_new(v->valuestring, msg, sizeof msg, &off);
	if (p == NULL)
		rc_jsonread_fail(c, ptr, "pcre2 error at offset %zu: %s", off, msg);
	return p;
}

/* A pattern or an array of patterns at OBJ[KEY]. */
static struct rc_pattern **
get_patterns(struct rc_jsonread *c, const cJSON *obj, const char *ptr,
             const char *key, size_t *n)
{
	const cJSON *v = rc_jsonread_member(obj, key), *e;
	struct rc_pattern **out;
	char *p;
	size_t i = 0;

	*n = 0;
	if (v == NULL)
		return NULL;
	p = rc_jsonread_join(ptr, key);
	if (cJSON_IsString(v)) {
		out = rc_xcalloc(1, sizeof *out);
		if ((out[0] = compile(c, v, p)) != NULL)
			*n = 1;
		free(p);
		return out;
	}
	if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
		if (cJSON_IsArray(v))
			rc_jsonread_fail(c, p, "empty pattern list");
		else
			rc_jsonread_fail(c, p, "expected a pattern or an array of patterns, found %s",
			    rc_jsonread_type(v));
		free(p);
		return NULL;
	}
	out = rc_xcalloc((size_t)cJSON_GetArraySize(v), sizeof *out);
	cJSON_ArrayForEach(e, v) {
		char *q = rc_jsonread_join_index(p, i++);
		struct rc_pattern *pat = compile(c, e, q);

		if (pat != NULL)
			out[(*n)++] = pat;
		free(q);
	}
	free(p);
	return out;
}

static void
parse_vars(struct rc_jsonread *c, const cJSON *obj, const char *ptr,
           struct rc_plan_expect *x)
{
	const cJSON *v = rc_jsonread_member(obj, "vars"), *e;
	char *p;

	if (v == NULL)
		return;
	p = rc_jsonread_join(ptr, "vars");
	if (!cJSON_IsObject(v)) {
		rc_jsonread_fail(c, p, "expected an object of variables, found %s", rc_jsonread_type(v));
		free(p);
		return;
	}
	x->vars = rc_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *x->vars);
	for (e = v->child; e; e = e->next) {
		struct rc_plan_var *pv = &x->vars[x->nvars];
		char *q = rc_jsonread_join(p, e->string);

		if (get_cmp(c, e, q, 1, &pv->cmp)) {
			pv->name = rc_xstrdup(e->string);
			pv->ptr = q;
			pv->var = -1;
			x->nvars++;
		} else {
			free(q);
		}
	}
	free(p);
}

static void
parse_agreement(struct rc_jsonread *c, const cJSON *v, const char *ptr,
                struct rc_plan_expect *x)
{
	static const char *const keys[] = { "upfront", "instalment", "count",
	    "total", "balance_left", "affordable", NULL };
	const cJSON *e;
	size_t i;

	if (cJSON_IsBool(v)) {
		x->agreement = cJSON_IsTrue(v);
		return;
	}
	if (!cJSON_IsObject(v)) {
		rc_jsonread_fail(c, ptr, "expected true, false or an object of bounds on the "
		    "terms, found %s", rc_jsonread_type(v));
		return;
	}
	x->agreement = 1;
	rc_jsonread_keys(c, v, ptr, keys);
	for (i = 0; i < RC_PLAN_TURNS; i++) {
		if ((e = rc_jsonread_member(v, term_names[i])) != NULL) {
			char *q = rc_jsonread_join(ptr, term_names[i]);

			x->has_terms[i] = get_cmp(c, e, q, 0, &x->terms[i]);
			free(q);
		}
	}
	rc_jsonread_bool(c, v, ptr, "affordable", &x->affordable);
}

/* The expectations in OBJ: a step's (STEP) or a case's "expect". */
static void
parse_expect(struct rc_jsonread *c, const cJSON *obj, const char *ptr,
             int step, struct rc_plan_expect *x)
{
	static const char *const step_keys[] = { "say", "reply", "reply_not",
	    "rule", "state", "events", "no_events", "vars", "ended", NULL };
	static const char *const outcome_keys[] = { "ended_by", "state", "events",
	    "no_events", "vars", "agreement", "turns", NULL };
	static const char *const ended[] = { "agreement", "hangup", "trainee",
	    "turn-limit", NULL };
	const cJSON *v;
	size_t i;

	x->ended = -1;
	x->agreement = -1;
	x->affordable = -1;
	x->ptr = rc_xstrdup(ptr);
	rc_jsonread_keys(c, obj, ptr, step ? step_keys : outcome_keys);
	x->state = rc_jsonread_str(c, obj, ptr, "state", 0);
	x->events = get_strings(c, obj, ptr, "events", &x->nevents);
	x->no_events = get_strings(c, obj, ptr, "no_events", &x->nno_events);
	parse_vars(c, obj, ptr, x);
	if (step) {
		x->reply = get_patterns(c, obj, ptr, "reply", &x->nreply);
		x->reply_not = get_patterns(c, obj, ptr, "reply_not", &x->nreply_not);
		x->rule = rc_jsonread_str(c, obj, ptr, "rule", 0);
		rc_jsonread_bool(c, obj, ptr, "ended", &x->ended);
		return;
	}
	x->ended_by = rc_jsonread_str(c, obj, ptr, "ended_by", 0);
	if (x->ended_by) {
		for (i = 0; ended[i] && strcmp(ended[i], x->ended_by); i++)
			;
		if (ended[i] == NULL) {
			char *q = rc_jsonread_join(ptr, "ended_by");
			rc_jsonread_fail(c, q, "expected \"agreement\", \"hangup\", \"trainee\" or "
			    "\"turn-limit\", found \"%s\"", x->ended_by);
			free(q);
		}
	}
	if ((v = rc_jsonread_member(obj, "agreement")) != NULL) {
		char *q = rc_jsonread_join(ptr, "agreement");
		parse_agreement(c, v, q, x);
		free(q);
	}
	if ((v = rc_jsonread_member(obj, "turns")) != NULL) {
		char *q = rc_jsonread_join(ptr, "turns");
		x->has_terms[RC_PLAN_TURNS] = get_cmp(c, v, q, 0,
		    &x->terms[RC_PLAN_TURNS]);
		free(q);
	}
}

static void
free_expect(struct rc_plan_expect *x)
{
	size_t i;

	rc_pattern_free_all(x->reply, x->nreply);
	rc_pattern_free_all(x->reply_not, x->nreply_not);
	free(x->rule);
	free(x->state);
	rc_jsonread_free_strings(x->events, x->nevents);
	rc_jsonread_free_strings(x->no_events, x->nno_events);
	for (i = 0; i < x->nvars; i++) {
		free(x->vars[i].name);
		free(x->vars[i].ptr);
	}
	free(x->vars);
	free(x->ended_by);
	free(x->ptr);
}

static void
parse_step(struct rc_jsonread *c, const cJSON *v, const char *ptr,
           struct rc_plan_step *st)
{
	st->ptr = rc_xstrdup(ptr);
	rc_jsonptr_find(c->idx, ptr, &st->line_no, &st->col, NULL);
	if (cJSON_IsString(v)) {
		st->expect.ended = st->expect.agreement = st->expect.affordable = -1;
		st->expect.ptr = rc_xstrdup(ptr);
		if (v->valuestring[0] == '\0')
			rc_jsonread_fail(c, ptr, "empty step (write what the trainee says)");
		else
			st->line = rc_xstrdup(v->valuestring);
		return;
	}
	if (!cJSON_IsObject(v)) {
		st->expect.ended = st->expect.agreement = st->expect.affordable = -1;
		st->expect.ptr = rc_xstrdup(ptr);
		rc_jsonread_fail(c, ptr, "expected a step: a string or an object with \"say\", "
		    "found %s", rc_jsonread_type(v));
		return;
	}
	parse_expect(c, v, ptr, 1, &st->expect);
	st->line = rc_jsonread_str(c, v, ptr, "say", 1);
}

static uint64_t *
get_seeds(struct rc_jsonread *c, const cJSON *obj, const char *ptr, size_t *n)
{
	const cJSON *v = rc_jsonread_member(obj, "seeds"), *e;
	uint64_t *out;
	char *p;
	size_t i = 0;

	*n = 0;
	if (v == NULL)
		return NULL;
	p = rc_jsonread_join(ptr, "seeds");
	if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
		if (cJSON_IsArray(v))
			rc_jsonread_fail(c, p, "needs at least one seed");
		else
			rc_jsonread_fail(c, p, "expected an array of seeds, found %s", rc_jsonread_type(v));
		free(p);
		return NULL;
	}
	out = rc_xcalloc((size_t)cJSON_GetArraySize(v), sizeof *out);
	cJSON_ArrayForEach(e, v) {
		char *q = rc_jsonread_join_index(p, i++);

		if (!cJSON_IsNumber(e) || e->valuedouble < 0 ||
		    e->valuedouble > MAX_SEED || e->valuedouble != floor(e->valuedouble))
			rc_jsonread_fail(c, q, "expected a seed: a whole number from 0 to %.0f",
			    MAX_SEED);
		else
			out[(*n)++] = (uint64_t)e->valuedouble;
		free(q);
	}
	free(p);
	return out;
}

static void
parse_case(struct rc_jsonread *c, const cJSON *v, const char *ptr,
           struct rc_plan_case *pc, const uint64_t *seeds, size_t nseeds)
{
	static const char *const keys[] = { "name", "description", "seeds",
	    "mode", "steps", "expect", NULL };
	const cJSON *steps, *e;
	char *mode;
	size_t i = 0;

	pc->ptr = rc_xstrdup(ptr);
	pc->outcome.ended = pc->outcome.agreement = pc->outcome.affordable = -1;
	rc_jsonptr_find(c->idx, ptr, &pc->line_no, &pc->col, NULL);
	if (!cJSON_IsObject(v)) {
		rc_jsonread_fail(c, ptr, "expected a case object, found %s",
		    rc_jsonread_type(v));
		return;
	}
	rc_jsonread_keys(c, v, ptr, keys);
	pc->name = rc_jsonread_str(c, v, ptr, "name", 1);
	pc->description = rc_jsonread_str(c, v, ptr, "description", 0);
	pc->seeds = get_seeds(c, v, ptr, &pc->nseeds);
	if (pc->seeds == NULL) {
		pc->seeds = rc_xcalloc(nseeds + 1, sizeof *pc->seeds);
		if (nseeds)
			memcpy(pc->seeds, seeds, nseeds * sizeof *seeds);
		pc->nseeds = nseeds;
	}
	if ((mode = rc_jsonread_str(c, v, ptr, "mode", 0)) != NULL) {
		if (strcmp(mode, "assessment") == 0)
			pc->assessment = 1;
		else if (strcmp(mode, "practice") != 0) {
			char *q = rc_jsonread_join(ptr, "mode");
			rc_jsonread_fail(c, q, "expected \"practice\" or \"assessment\", found \"%s\"",
			    mode);
			free(q);
		}
		free(mode);
	}
	steps = rc_jsonread_member(v, "steps");
	if (steps == NULL) {
		rc_jsonread_fail(c, ptr, "missing required key 'steps'");
	} else if (!cJSON_IsArray(steps) || cJSON_GetArraySize(steps) == 0) {
		char *q = rc_jsonread_join(ptr, "steps");
		if (cJSON_IsArray(steps))
			rc_jsonread_fail(c, q, "needs at least one step");
		else
			rc_jsonread_fail(c, q,
			    "expected an array of steps, found %s",
			    rc_jsonread_type(steps));
		free(q);
	} else {
		char *sp = rc_jsonread_join(ptr, "steps");

		pc->steps = rc_xcalloc((size_t)cJSON_GetArraySize(steps),
		    sizeof *pc->steps);
		cJSON_ArrayForEach(e, steps) {
			char *q = rc_jsonread_join_index(sp, i++);
			parse_step(c, e, q, &pc->steps[pc->nsteps++]);
			free(q);
		}
		free(sp);
	}
	if ((e = rc_jsonread_member(v, "expect")) != NULL) {
		char *q = rc_jsonread_join(ptr, "expect");

		free(pc->outcome.ptr);
		if (cJSON_IsObject(e))
			parse_expect(c, e, q, 0, &pc->outcome);
		else {
			pc->outcome.ptr = rc_xstrdup(q);
			rc_jsonread_fail(c, q, "expected an object, found %s", rc_jsonread_type(e));
		}
		free(q);
	}
	if (pc->outcome.ptr == NULL)
		pc->outcome.ptr = rc_xstrdup(ptr);
}

struct rc_plan *
rc_plan_parse(const char *name, const char *text, size_t len,
              struct rc_err *err)
{
	static const char *const keys[] = { "scenario", "seeds", "cases", NULL };
	static const uint64_t one = 1;
	struct rc_jsonread c;
	struct rc_plan *p;
	const cJSON *cases, *e;
	cJSON *root;
	uint64_t *seeds;
	size_t nseeds, before = err->nerrors, i = 0, j;

	root = rc_json_parse(name, text, len, err);
	if (root == NULL)
		return NULL;
	c.name = name;
	c.err = err;
	c.idx = rc_jsonptr_index(text, len);
	c.unknown = unknown_key;
	p = rc_xcalloc(1, sizeof *p);
	p->path = rc_xstrdup(name);
	if (!cJSON_IsObject(root)) {
		rc_jsonread_fail(&c, "",
		    "expected a JSON object at the top, found %s",
		    rc_jsonread_type(root));
		goto done;
	}
	rc_jsonread_keys(&c, root, "", keys);
	p->scenario = rc_jsonread_str(&c, root, "", "scenario", 0);
	seeds = get_seeds(&c, root, "", &nseeds);
	cases = rc_jsonread_member(root, "cases");
	if (cases == NULL) {
		rc_jsonread_fail(&c, "", "missing required key 'cases'");
	} else if (!cJSON_IsArray(cases) || cJSON_GetArraySize(cases) == 0) {
		if (cJSON_IsArray(cases))
			rc_jsonread_fail(&c, "/cases",
			    "needs at least one case");
		else
			rc_jsonread_fail(&c, "/cases", "expected an array of cases, found %s",
			    rc_jsonread_type(cases));
	} else {
		p->cases = rc_xcalloc((size_t)cJSON_GetArraySize(cases),
		    sizeof *p->cases);
		cJSON_ArrayForEach(e, cases) {
			char *q = rc_jsonread_join_index("/cases", i++);

			parse_case(&c, e, q, &p->cases[p->ncases++],
			    seeds ? seeds : &one, seeds ? nseeds : 1);
			free(q);
		}
	}
	free(seeds);
	for (i = 0; i < p->ncases; i++) {
		for (j = 0; j < i && p->cases[i].name; j++) {
			if (p->cases[j].name &&
			    strcmp(p->cases[i].name, p->cases[j].name) == 0) {
				char *q = rc_jsonread_join(p->cases[i].ptr,
				    "name");
				rc_jsonread_fail(&c, q, "duplicate case name '%s' (also %s)",
				    p->cases[i].name, p->cases[j].ptr);
				free(q);
				break;
			}
		}
	}
done:
	cJSON_Delete(root);
	p->index = c.idx;
	if (err->nerrors > before) {
		rc_plan_free(p);
		return NULL;
	}
	return p;
}

struct rc_plan *
rc_plan_load(const char *path, struct rc_err *err)
{
	struct rc_plan *p;
	size_t len = 0;
	char *text = rc_file_read(path, &len, err);

	if (text == NULL)
		return NULL;
	p = rc_plan_parse(path, text, len, err);
	free(text);
	return p;
}

void
rc_plan_free(struct rc_plan *p)
{
	size_t i, j;

	if (p == NULL)
		return;
	for (i = 0; i < p->ncases; i++) {
		struct rc_plan_case *pc = &p->cases[i];

		free(pc->name);
		free(pc->description);
		free(pc->ptr);
		free(pc->seeds);
		for (j = 0; j < pc->nsteps; j++) {
			free(pc->steps[j].line);
			free(pc->steps[j].ptr);
			free_expect(&pc->steps[j].expect);
		}
		free(pc->steps);
		free_expect(&pc->outcome);
	}
	free(p->cases);
	free(p->scenario);
	free(p->path);
	rc_jsonptr_free(p->index);
	free(p);
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *
rc_plan_path_for(const char *scenario_path)
{
	struct rc_buf b = RC_BUF_INIT;
	size_t n = strlen(scenario_path);

	if (n > 5 && strcmp(scenario_path + n - 5, ".json") == 0)
		n -= 5;
	rc_buf_add(&b, scenario_path, n);
	rc_buf_puts(&b, RC_PLAN_SUFFIX);
	return rc_buf_detach(&b);
}

char *
rc_plan_scenario_path(const struct rc_plan *p, const char *const *dirs,
                      struct rc_err *err)
{
	struct rc_buf b = RC_BUF_INIT;
	const char *slash = strrchr(p->path, '/');
	size_t dirlen = slash ? (size_t)(slash - p->path) + 1 : 0;
	size_t n = strlen(p->path), sl = strlen(RC_PLAN_SUFFIX);
	char *found;

	if (p->scenario == NULL) {
		if (n <= sl || strcmp(p->path + n - sl, RC_PLAN_SUFFIX) != 0) {
			rc_err_add(err, RC_ERROR, "%s: cannot tell which scenario this "
			    "plan tests: name it ID.plan.json or give \"scenario\"",
			    p->path);
			return NULL;
		}
		rc_buf_add(&b, p->path, n - sl);
		rc_buf_puts(&b, ".json");
	} else if (strchr(p->scenario, '/') != NULL ||
	    (strlen(p->scenario) > 5 &&
	    strcmp(p->scenario + strlen(p->scenario) - 5, ".json") == 0)) {
		if (p->scenario[0] != '/')
			rc_buf_add(&b, p->path, dirlen);
		rc_buf_puts(&b, p->scenario);
	} else {
		rc_buf_add(&b, p->path, dirlen);
		rc_buf_printf(&b, "%s.json", p->scenario);
		if (!is_file(rc_buf_str(&b)) && dirs != NULL &&
		    (found = rc_scenario_find(p->scenario, dirs)) != NULL) {
			rc_buf_free(&b);
			return found;
		}
	}
	if (!is_file(rc_buf_str(&b))) {
		rc_err_add(err, RC_ERROR, "%s: no scenario '%s' for this plan",
		    p->path, rc_buf_str(&b));
		rc_buf_free(&b);
		return NULL;
	}
	return rc_buf_detach(&b);
}

/* Binding: names in the plan against the scenario. */

static int
rule_exists(const struct rc_scenario *s, const char *id)
{
	static const char *const special[] = { "opening", "fallback", "hangup",
	    "pause", "bargain:accept", "bargain:accept_plan", "bargain:counter",
	    "bargain:counter_plan", "bargain:refuse", "bargain:reopen",
	    "bargain:renegotiate", NULL };
	size_t i;

	for (i = 0; special[i]; i++)
		if (strcmp(special[i], id) == 0)
			return 1;
	return rc_scenario_rule(s, id) != NULL;
}

static size_t
bind_expect(struct rc_jsonread *c, struct rc_plan_expect *x,
            const struct rc_scenario *s)
{
	size_t before = c->err->nerrors, i;

	if (x->state && rc_scenario_state(s, x->state) < 0) {
		char *q = rc_jsonread_join(x->ptr, "state");
		rc_jsonread_fail(c, q, "unknown state '%s' in scenario '%s'", x->state, s->id);
		free(q);
	}
	if (x->rule && !rule_exists(s, x->rule)) {
		char *q = rc_jsonread_join(x->ptr, "rule");
		rc_jsonread_fail(c, q, "unknown rule '%s' in scenario '%s'", x->rule, s->id);
		free(q);
	}
	for (i = 0; i < x->nvars; i++) {
		struct rc_plan_var *v = &x->vars[i];

		v->var = rc_scenario_var(s, v->name);
		if (v->var < 0)
			rc_jsonread_fail(c, v->ptr, "unknown variable '%s' in scenario '%s'",
			    v->name, s->id);
		else if (v->cmp.is_bool && !s->vars[v->var].is_bool)
			rc_jsonread_fail(c, v->ptr, "variable '%s' is a number, not a boolean",
			    v->name);
		else if (!v->cmp.is_bool && s->vars[v->var].is_bool &&
		    v->cmp.op != RC_CMP_EQ && v->cmp.op != RC_CMP_NE)
			rc_jsonread_fail(c, v->ptr, "variable '%s' is a boolean: expect true or "
			    "false", v->name);
	}
	return c->err->nerrors - before;
}

size_t
rc_plan_bind(struct rc_plan *p, const struct rc_scenario *s, struct rc_err *err)
{
	struct rc_jsonread c;
	size_t n = 0, i, j;

	c.name = p->path;
	c.err = err;
	c.idx = p->index;
	c.unknown = NULL;
	for (i = 0; i < p->ncases; i++) {
		for (j = 0; j < p->cases[i].nsteps; j++)
			n += bind_expect(&c, &p->cases[i].steps[j].expect, s);
		n += bind_expect(&c, &p->cases[i].outcome, s);
	}
	return n;
}

/* Running. */

struct run {
	const struct rc_plan *p;
	const struct rc_scenario *s;
	struct rc_plan_result *r;
	struct rc_session *ss;
	struct rc_matcher *m;
	size_t case_index;
	uint64_t seed;
	size_t step;          /* from 1; 0 for the outcome */
	const char *where_ptr;
	int line_no, col;
	const char *line;
	int failed;           /* this step failed */
};

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

static int
cmp_holds(const struct rc_plan_cmp *c, double v)
{
	switch (c->op) {
	case RC_CMP_EQ: return fabs(v - c->value) < 1e-6;
	case RC_CMP_NE: return fabs(v - c->value) >= 1e-6;
	case RC_CMP_LT: return v < c->value;
	case RC_CMP_LE: return v <= c->value;
	case RC_CMP_GT: return v > c->value;
	case RC_CMP_GE: return v >= c->value;
	}
	return 0;
}

/* "NAME is VALUE" or "NAME OP VALUE". */
static void
put_cmp(struct rc_buf *b, const char *name, const struct rc_plan_cmp *c,
        int is_bool)
{
	rc_buf_printf(b, "%s %s ", name, c->op == RC_CMP_EQ ? "is" :
	    cmp_name(c->op));
	if (is_bool)
		rc_buf_puts(b, c->value != 0 ? "true" : "false");
	else
		rc_buf_printf(b, "%g", c->value);
}

/* The call so far, as a trainee would read it, for failure reports. */
static char *
transcript_text(const struct run *u)
{
	const struct rc_transcript *t = rc_engine_transcript(rc_session_engine(u->ss));
	struct rc_buf b = RC_BUF_INIT;
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		const struct rc_turn *x = &t->turns[i];

		if (x->speaker == RC_SPEAKER_DEBTOR)
			rc_buf_printf(&b, "%s: %s", u->s->first_name, x->text);
		else if (x->speaker == RC_SPEAKER_COLLECTOR)
			rc_buf_printf(&b, "You: %s", x->text);
		else
			rc_buf_printf(&b, "(%s)", x->text);
		if (x->speaker == RC_SPEAKER_DEBTOR && x->rule)
			rc_buf_printf(&b, "   [%s in '%s'", x->rule, x->state ? x->state :
			    "?");
		else if (x->nevents > 0)
			rc_buf_puts(&b, "   [");
		for (j = 0; j < x->nevents; j++)
			rc_buf_printf(&b, "%s%s", j ? ", " : x->speaker == RC_SPEAKER_DEBTOR &&
			    x->rule ? "; " : "", x->events[j].type);
		if ((x->speaker == RC_SPEAKER_DEBTOR && x->rule) || x->nevents > 0)
			rc_buf_putc(&b, ']');
		rc_buf_putc(&b, '\n');
	}
	return rc_buf_detach(&b);
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void
fail(struct run *u, const char *what, const char *expected, const char *actual)
{
	struct rc_plan_result *r = u->r;
	struct rc_plan_failure *f;
	struct rc_buf where = RC_BUF_INIT;
	size_t i;

	u->failed = 1;
	if (u->line_no > 0)
		rc_buf_printf(&where, "%s:%d:%d", u->p->path, u->line_no, u->col);
	else
		rc_buf_printf(&where, "%s: %s", u->p->path, u->where_ptr);
	for (i = 0; i < r->n; i++) {
		f = &r->v[i];
		if (f->case_index == u->case_index && f->step == u->step &&
		    strcmp(f->what, what) == 0 && same(f->expected, expected) &&
		    same(f->actual, actual)) {
			if (f->seeds[f->nseeds - 1] != u->seed) {
				f->seeds = rc_xreallocarray(f->seeds, f->nseeds + 1,
				    sizeof *f->seeds);
				f->seeds[f->nseeds++] = u->seed;
			}
			rc_buf_free(&where);
			return;
		}
	}
	r->v = rc_xreallocarray(r->v, r->n + 1, sizeof *r->v);
	f = &r->v[r->n++];
	memset(f, 0, sizeof *f);
	f->case_index = u->case_index;
	f->step = u->step;
	f->where = rc_buf_detach(&where);
	f->line = rc_xstrdup(u->line);
	f->what = rc_xstrdup(what);
	f->expected = rc_xstrdup(expected);
	f->actual = rc_xstrdup(actual);
	f->seeds = rc_xcalloc(1, sizeof *f->seeds);
	f->seeds[0] = u->seed;
	f->nseeds = 1;
	f->transcript = transcript_text(u);
}

static int
has_event(const struct rc_transcript *t, size_t from, const char *type)
{
	size_t i;

	for (i = from; i < t->n; i++)
		if (rc_turn_find(&t->turns[i], type) != NULL)
			return 1;
	return 0;
}

static void
list_events(const struct rc_transcript *t, size_t from, struct rc_buf *b)
{
	size_t i, j, n = 0;

	for (i = from; i < t->n; i++)
		for (j = 0; j < t->turns[i].nevents; j++)
			rc_buf_printf(b, "%s%s", n++ ? ", " : "", t->turns[i].events[j].type);
	if (n == 0)
		rc_buf_puts(b, "(none)");
}

/* Checks the expectations X against the turns from FROM on. */
static void
check(struct run *u, const struct rc_plan_expect *x, size_t from)
{
	struct rc_engine *e = rc_session_engine(u->ss);
	const struct rc_transcript *t = rc_engine_transcript(e);
	struct rc_buf exp = RC_BUF_INIT, act = RC_BUF_INIT;
	const struct rc_turn *first = NULL;
	size_t i;

	/* The debtor's reply: every debtor line this step added. */
	for (i = from; u->step > 0 && i < t->n; i++) {
		if (t->turns[i].speaker != RC_SPEAKER_DEBTOR)
			continue;
		if (first == NULL)
			first = &t->turns[i];
		else
			rc_buf_putc(&act, '\n');
		rc_buf_puts(&act, t->turns[i].text);
	}
	for (i = 0; i < x->nreply; i++) {
		u->r->checks++;
		if (first == NULL || rc_matcher_exec(u->m, x->reply[i], act.data,
		    act.len) != RC_MATCH_YES) {
			rc_buf_reset(&exp);
			rc_buf_printf(&exp, "a reply matching /%s/",
			    rc_pattern_source(x->reply[i]));
			fail(u, "reply", rc_buf_str(&exp), first ? rc_buf_str(&act) :
			    "(no reply)");
		}
	}
	for (i = 0; i < x->nreply_not; i++) {
		u->r->checks++;
		if (first != NULL && rc_matcher_exec(u->m, x->reply_not[i], act.data,
		    act.len) == RC_MATCH_YES) {
			rc_buf_reset(&exp);
			rc_buf_printf(&exp, "no reply matching /%s/",
			    rc_pattern_source(x->reply_not[i]));
			fail(u, "reply_not", rc_buf_str(&exp), rc_buf_str(&act));
		}
	}
	if (x->rule) {
		u->r->checks++;
		if (first == NULL || !same(first->rule, x->rule))
			fail(u, "rule", x->rule, first && first->rule ? first->rule :
			    "(no reply)");
	}
	if (x->state) {
		u->r->checks++;
		if (!same(rc_engine_state(e), x->state))
			fail(u, "state", x->state, rc_engine_state(e));
	}
	for (i = 0; i < x->nevents; i++) {
		u->r->checks++;
		if (!has_event(t, from, x->events[i])) {
			rc_buf_reset(&act);
			list_events(t, from, &act);
			rc_buf_reset(&exp);
			rc_buf_printf(&exp, "event '%s'", x->events[i]);
			fail(u, "events", rc_buf_str(&exp), rc_buf_str(&act));
		}
	}
	for (i = 0; i < x->nno_events; i++) {
		u->r->checks++;
		if (has_event(t, from, x->no_events[i])) {
			rc_buf_reset(&act);
			list_events(t, from, &act);
			rc_buf_reset(&exp);
			rc_buf_printf(&exp, "no event '%s'", x->no_events[i]);
			fail(u, "no_events", rc_buf_str(&exp), rc_buf_str(&act));
		}
	}
	for (i = 0; i < x->nvars; i++) {
		const struct rc_plan_var *v = &x->vars[i];
		double val = rc_engine_var_at(e, v->var);
		int is_bool = v->var >= 0 && u->s->vars[v->var].is_bool;

		u->r->checks++;
		if (!cmp_holds(&v->cmp, val)) {
			rc_buf_reset(&exp);
			put_cmp(&exp, v->name, &v->cmp, is_bool);
			rc_buf_reset(&act);
			if (is_bool)
				rc_buf_printf(&act, "%s is %s", v->name, val != 0 ? "true" :
				    "false");
			else
				rc_buf_printf(&act, "%s is %g", v->name, val);
			fail(u, "vars", rc_buf_str(&exp), rc_buf_str(&act));
		}
	}
	if (x->ended >= 0) {
		u->r->checks++;
		if (rc_engine_ended(e) != x->ended)
			fail(u, "ended", x->ended ? "the call has ended" :
			    "the call goes on", rc_engine_ended(e) ? "the call has ended" :
			    "the call goes on");
	}
	rc_buf_free(&exp);
	rc_buf_free(&act);
}

/* Every plan checks, at every step, what a debtor who agrees must do: say
 * back the whole schedule it agrees to, whose payments add up to its
 * total to the cent. */
static void
check_restated(struct run *u, size_t from)
{
	const struct rc_transcript *t = rc_engine_transcript(rc_session_engine(u->ss));
	size_t i;

	for (i = from; i < t->n; i++) {
		const struct rc_event *ev = rc_turn_find(&t->turns[i], "agreement");
		char words[512], got[64], want[64];
		int64_t cents, sum = 0;
		int32_t due;
		int k;

		if (ev == NULL || !ev->has_terms)
			continue;
		u->r->checks++;
		for (k = 0; rc_terms_payment(&ev->terms, k, &cents, &due); k++)
			sum += cents;
		if (sum != ev->terms.total) {
			snprintf(want, sizeof want, "%lld cents", (long long)ev->terms.total);
			snprintf(got, sizeof got, "%lld cents", (long long)sum);
			fail(u, "agreement: payments add up to the total", want, got);
		}
		rc_terms_say(&ev->terms, u->s->currency, u->s->date, 1, words,
		    sizeof words);
		if (t->turns[i].speaker == RC_SPEAKER_DEBTOR &&
		    strstr(t->turns[i].text, words) == NULL)
			fail(u, "agreement: the debtor restates the terms", words,
			    t->turns[i].text);
	}
}

static size_t
spoken_turns(const struct rc_transcript *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->n; i++)
		n += t->turns[i].speaker == RC_SPEAKER_COLLECTOR;
	return n;
}

static void
check_outcome(struct run *u, const struct rc_plan_expect *x)
{
	const struct rc_transcript *t = rc_engine_transcript(rc_session_engine(u->ss));
	const struct rc_terms *a = &t->agreement;
	struct rc_buf exp = RC_BUF_INIT, act = RC_BUF_INIT;
	char tmp[512];
	double values[6];
	size_t i;

	check(u, x, 0);
	if (x->ended_by) {
		u->r->checks++;
		if (strcmp(x->ended_by, rc_ended_name(t->ended_by)) != 0)
			fail(u, "ended_by", x->ended_by, rc_ended_name(t->ended_by));
	}
	if (t->has_agreement)
		rc_terms_say(a, u->s->currency, u->s->date, 1, tmp, sizeof tmp);
	else
		snprintf(tmp, sizeof tmp, "no agreement");
	if (x->agreement >= 0) {
		u->r->checks++;
		if (x->agreement != t->has_agreement)
			fail(u, "agreement", x->agreement ? "an agreement" :
			    "no agreement", tmp);
	}
	values[RC_PLAN_UPFRONT] = rc_units(rc_terms_upfront(a));
	values[RC_PLAN_INSTALMENT] = rc_units(rc_terms_instalment(a, NULL));
	values[RC_PLAN_COUNT] = rc_terms_instalments(a);
	values[RC_PLAN_TOTAL] = rc_units(a->total);
	values[RC_PLAN_BALANCE_LEFT] = rc_units(a->balance_left);
	values[RC_PLAN_TURNS] = (double)spoken_turns(t);
	for (i = 0; i < 6; i++) {
		if (!x->has_terms[i])
			continue;
		u->r->checks++;
		if (i != RC_PLAN_TURNS && !t->has_agreement)
			continue;   /* already reported as "agreement" */
		if (!cmp_holds(&x->terms[i], values[i])) {
			rc_buf_reset(&exp);
			put_cmp(&exp, term_names[i], &x->terms[i], 0);
			rc_buf_reset(&act);
			rc_buf_printf(&act, "%s is %g", term_names[i], values[i]);
			if (i != RC_PLAN_TURNS)
				rc_buf_printf(&act, " (%s)", tmp);
			fail(u, i == RC_PLAN_TURNS ? "turns" : "agreement",
			    rc_buf_str(&exp), rc_buf_str(&act));
		}
	}
	if (x->affordable >= 0 && t->has_agreement) {
		u->r->checks++;
		if (x->affordable != a->affordable)
			fail(u, "agreement", x->affordable ? "affordable terms" :
			    "unaffordable terms", a->affordable ? "affordable terms" :
			    "unaffordable terms");
	}
	rc_buf_free(&exp);
	rc_buf_free(&act);
}

/* Plays case PC once with SEED.  Returns 1 when every check held. */
static int
play(struct run *u, const struct rc_plan_case *pc)
{
	struct rc_session_opts so;
	struct rc_buf out = RC_BUF_INIT;
	const struct rc_transcript *t;
	struct rc_engine *e;
	size_t i, from;
	int ok = 1;

	memset(&so, 0, sizeof so);
	so.mode = pc->assessment ? RC_MODE_ASSESSMENT : RC_MODE_PRACTICE;
	so.trainee = "test plan";
	u->ss = rc_session_new(u->s, u->seed, &so);
	e = rc_session_engine(u->ss);
	t = rc_engine_transcript(e);
	rc_session_start(u->ss, &out);
	for (i = 0; ok && i < pc->nsteps; i++) {
		const struct rc_plan_step *st = &pc->steps[i];

		rc_buf_reset(&out);
		u->step = i + 1;
		u->line = st->line;
		u->where_ptr = st->ptr;
		u->line_no = st->line_no;
		u->col = st->col;
		u->failed = 0;
		if (rc_engine_ended(e)) {
			u->r->checks++;
			fail(u, "ended", "the call goes on", "the call had already ended");
			ok = 0;
			break;
		}
		from = t->n;
		/* /end hangs up: finish the call as the commands do. */
		if (rc_session_input(u->ss, st->line, &out) && !rc_engine_ended(e))
			rc_session_finish(u->ss, &out);
		check(u, &st->expect, from);
		check_restated(u, from);
		ok = !u->failed;
	}
	if (ok) {
		rc_buf_reset(&out);
		rc_session_finish(u->ss, &out);
		u->step = 0;
		u->line = NULL;
		u->where_ptr = pc->outcome.ptr;
		if (!rc_jsonptr_find(u->p->index, pc->outcome.ptr, &u->line_no,
		    &u->col, NULL))
			u->line_no = u->col = 0;
		u->failed = 0;
		check_outcome(u, &pc->outcome);
		ok = !u->failed;
	}
	rc_buf_free(&out);
	rc_session_free(u->ss);
	u->ss = NULL;
	return ok;
}

size_t
rc_plan_run(const struct rc_plan *p, const struct rc_scenario *s,
            const char *only_case, int only_seed, uint64_t seed,
            struct rc_plan_result *r)
{
	struct run u;
	size_t i, k, failed = 0, base = r->ncases;

	memset(&u, 0, sizeof u);
	u.p = p;
	u.s = s;
	u.r = r;
	u.m = rc_matcher_new(0);
	r->cases = rc_xreallocarray(r->cases, r->ncases + p->ncases + 1,
	    sizeof *r->cases);
	for (i = 0; i < p->ncases; i++) {
		const struct rc_plan_case *pc = &p->cases[i];
		struct rc_plan_case_result *cr = &r->cases[base + i];

		memset(cr, 0, sizeof *cr);
		cr->name = rc_xstrdup(pc->name);
		r->ncases++;
		if (only_case && !same(only_case, pc->name))
			continue;
		u.case_index = base + i;
		for (k = 0; k < (only_seed ? 1 : pc->nseeds); k++) {
			u.seed = only_seed ? seed : pc->seeds[k];
			cr->runs++;
			r->runs++;
			if (!play(&u, pc)) {
				cr->failed++;
				r->failed_runs++;
				failed++;
			}
		}
	}
	rc_matcher_free(u.m);
	return failed;
}

void
rc_plan_result_free(struct rc_plan_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].where);
		free(r->v[i].line);
		free(r->v[i].what);
		free(r->v[i].expected);
		free(r->v[i].actual);
		free(r->v[i].seeds);
		free(r->v[i].transcript);
	}
	free(r->v);
	for (i = 0; i < r->ncases; i++)
		free(r->cases[i].name);
	free(r->cases);
	memset(r, 0, sizeof *r);
}
