/*
 * scenario.c - loading and checking scenario files.
 *
 * The loader walks the cJSON tree once, building the immutable scenario and
 * adding a message for every problem it meets instead of stopping at the
 * first: structure problems name the JSON pointer of the offending value,
 * pattern problems also the line and column of the pattern's literal.
 * State names are collected before any rule is read, so "next" can refer
 * to a state defined later in the file.  Any error frees the partial
 * scenario and returns NULL.
 */
#include "scenario.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "jsonpos.h"
#include "jsonptr.h"
#include "jsonread.h"
#include "strmap.h"
#include "xmalloc.h"

struct ctx {
	struct rc_jsonread r;    /* file name, errors; no index: no line:col */
	const char *text;
	size_t len;
	struct rc_jsonptr *idx;  /* built on the first pattern error, for its line */
	struct rc_scenario *s;
	int rule_index;
	struct rc_strmap *seen;  /* rule id -> where, of every rule read so
	                            far (the scenario's own, not the base's) */
	int base;                /* reading the shared base: ids may repeat */
	int summary;             /* RC_SCENARIO_SUMMARY: nothing compiled */
};

static const char *builtin_vars[RC_VAR_BUILTIN_COUNT] = {
	"patience", "mood", "leverage", "reason_known", "good_faith_asked",
	"turn", "rounds", "offers", "agreed", "research_used", "credited",
};

static const char *placeholders[] = {
	"name", "first", "creditor", "debtor", "collector", "balance", "offer",
	"amount", "upfront", "instalment", "count", "terms", "last", NULL,
};

/* An array of strings (or, when ONE_OK, a single string) → copies. */
static char **
get_strings(struct ctx *c, const cJSON *obj, const char *ptr, const char *key,
            size_t *n)
{
	const cJSON *v = rc_jsonread_arr(&c->r, obj, ptr, key, 0), *e;
	char **out;
	size_t i = 0;
	char *p;

	*n = 0;
	if (v == NULL)
		return NULL;
	out = rc_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *out);
	p = rc_jsonread_join(ptr, key);
	cJSON_ArrayForEach(e, v) {
		if (!cJSON_IsString(e)) {
			char *q = rc_jsonread_join_index(p, i);
			rc_jsonread_fail(&c->r, q,
			    "expected a string, found %s", rc_jsonread_type(e));
			free(q);
		} else {
			out[(*n)++] = rc_xstrdup(e->valuestring);
		}
		i++;
	}
	free(p);
	return out;
}

/* Compiles the pattern in string node V at pointer PTR; CONTEXT names the
 * owner ("rule 'x'") for the message. */
static struct rc_pattern *
compile(struct ctx *c, const cJSON *v, const char *ptr, const char *context)
{
	struct rc_pattern *p;
	char msg[256];
	size_t off = 0;
	int line, col;

	if (!cJSON_IsString(v)) {
		rc_jsonread_fail(&c->r, ptr, "expected a pattern string, found %s", rc_jsonread_type(v));
		return NULL;
	}
	if (v->valuestring[0] == '\0') {
		rc_jsonread_fail(&c->r, ptr,
		    "empty pattern (it would match every line)");
		return NULL;
	}
	if (!rc_jsonread_pattern_ok(&c->r, ptr, context, v->valuestring))
		return NULL;
	if (c->summary)
		return NULL;
	p = rc_pattern_new(v->valuestring, msg, sizeof msg, &off);
	if (p != NULL)
		return p;
	if (c->idx == NULL)
		c->idx = rc_jsonptr_index(c->text, c->len);
	if (rc_jsonptr_find(c->idx, ptr, &line, &col, NULL))
		rc_err_add(c->r.err, RC_ERROR,
		    "%s:%d:%d: %s: %s: pcre2 error at offset %zu: %s", c->r.name, line,
		    col, ptr, context, off, msg);
	else
		rc_jsonread_fail(&c->r, ptr, "%s: pcre2 error at offset %zu: %s", context, off, msg);
	return NULL;
}

/* A pattern or an array of patterns at OBJ[KEY]. */
static struct rc_pattern **
get_patterns(struct ctx *c, const cJSON *obj, const char *ptr, const char *key,
             const char *context, size_t *n)
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
		if ((out[0] = compile(c, v, p, context)) != NULL)
			*n = 1;
		free(p);
		return out;
	}
	if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
		rc_jsonread_fail(&c->r, p,
		    cJSON_IsArray(v) ? "empty pattern list" :
		    "expected a pattern or an array of patterns, found %s",
		    rc_jsonread_type(v));
		free(p);
		return NULL;
	}
	out = rc_xcalloc((size_t)cJSON_GetArraySize(v), sizeof *out);
	cJSON_ArrayForEach(e, v) {
		char *q = rc_jsonread_join_index(p, i++);
		struct rc_pattern *pat = compile(c, e, q, context);

		if (pat != NULL)
			out[(*n)++] = pat;
		free(q);
	}
	free(p);
	return out;
}

/* An intent id or an array of them at OBJ[KEY], as lexicon indexes.
 * Only intents a trainee can carry make sense in a debtor's rules. */
static int *
get_intents(struct ctx *c, const cJSON *obj, const char *ptr, const char *key,
            const char *context, size_t *n)
{
	const cJSON *v = rc_jsonread_member(obj, key), *e;
	int *out;
	char *p;
	size_t i = 0;

	*n = 0;
	if (v == NULL || c->summary)
		return NULL;
	p = rc_jsonread_join(ptr, key);
	if (!cJSON_IsString(v) && (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0)) {
		rc_jsonread_fail(&c->r, p, "expected an intent id or a non-empty "
		    "array of them, found %s", rc_jsonread_type(v));
		free(p);
		return NULL;
	}
	out = rc_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *out);
	for (e = cJSON_IsString(v) ? v : v->child; e; e = cJSON_IsString(v) ? NULL : e->next) {
		char *q = cJSON_IsString(v) ? rc_xstrdup(p) : rc_jsonread_join_index(p, i);
		int idx;

		i++;
		if (!cJSON_IsString(e)) {
			rc_jsonread_fail(&c->r, q, "expected an intent id, found %s",
			    rc_jsonread_type(e));
		} else if ((idx = rc_lexicon_find(c->s->lex, e->valuestring)) < 0) {
			rc_jsonread_fail(&c->r, q, "%s: unknown intent '%s' (the ids are "
			    "listed in docs/understanding.md)", context, e->valuestring);
		} else if (!(c->s->lex->intents[idx].side & RC_SIDE_TRAINEE)) {
			rc_jsonread_fail(&c->r, q, "%s: intent '%s' is read from the "
			    "debtor's lines, never from the trainee's", context,
			    e->valuestring);
		} else {
			out[(*n)++] = idx;
		}
		free(q);
	}
	free(p);
	return out;
}

/* Finds or declares variable NAME.  IS_BOOL < 0: type unknown yet. */
static int
var_use(struct ctx *c, const char *name, int is_bool, const char *ptr)
{
	struct rc_scenario *s = c->s;
	int i = rc_scenario_var(s, name);
	const char *p;

	if (i >= 0) {
		if (is_bool >= 0 && s->vars[i].is_bool != is_bool) {
			rc_jsonread_fail(&c->r, ptr,
			    "variable '%s' is %s, not %s", name,
			    s->vars[i].is_bool ? "a boolean" : "a number",
			    is_bool ? "a boolean" : "a number");
			return -1;
		}
		return i;
	}
	for (p = name; *p; p++) {
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '_')) {
			rc_jsonread_fail(&c->r, ptr, "variable name '%s' must be lowercase letters, "
			    "digits and '_'", name);
			return -1;
		}
	}
	s->vars = rc_xreallocarray(s->vars, s->nvars + 1, sizeof *s->vars);
	memset(&s->vars[s->nvars], 0, sizeof *s->vars);
	s->vars[s->nvars].name = rc_xstrdup(name);
	s->vars[s->nvars].is_bool = is_bool > 0;
	rc_strmap_put_num(s->var_ids, name, strlen(name), s->nvars);
	return (int)s->nvars++;
}

/* The conditions of OBJ's "when" (a rule's or a reply's) into *OUT and
 * *N; none when it has no "when". */
static void
parse_when(struct ctx *c, const cJSON *obj, const char *ptr,
           struct rc_cond **out, size_t *n)
{
	const cJSON *w = rc_jsonread_obj(&c->r, obj, ptr, "when", 0), *e;
	char *wp;
	struct rc_cond *conds;
	size_t nconds = 0;

	*out = NULL;
	*n = 0;
	if (w == NULL)
		return;
	wp = rc_jsonread_join(ptr, "when");
	conds = rc_xcalloc((size_t)cJSON_GetArraySize(w) + 1, sizeof *conds);
	for (e = w->child; e; e = e->next) {
		char *p = rc_jsonread_join(wp, e->string);
		struct rc_cond cond = { 0, RC_CMP_EQ, 0 };
		int v;

		if (cJSON_IsBool(e)) {
			cond.value = cJSON_IsTrue(e);
			v = var_use(c, e->string, 1, p);
		} else if (cJSON_IsNumber(e)) {
			cond.value = e->valuedouble;
			v = var_use(c, e->string, 0, p);
		} else if (cJSON_IsString(e)) {
			const char *s = e->valuestring;
			char *end;
			static const struct { const char *op; enum rc_cmp cmp; } ops[] = {
				{ "==", RC_CMP_EQ }, { "!=", RC_CMP_NE }, { "<=", RC_CMP_LE },
				{ ">=", RC_CMP_GE }, { "<", RC_CMP_LT }, { ">", RC_CMP_GT },
			};
			size_t k;

			while (*s == ' ')
				s++;
			for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
				if (strncmp(s, ops[k].op, strlen(ops[k].op)) == 0)
					break;
			if (k == sizeof ops / sizeof ops[0]) {
				rc_jsonread_fail(&c->r, p, "expected a comparison like \">= 2\", found \"%s\"",
				    e->valuestring);
				free(p);
				continue;
			}
			cond.op = ops[k].cmp;
			s += strlen(ops[k].op);
			cond.value = strtod(s, &end);
			while (*end == ' ')
				end++;
			if (end == s || *end != '\0') {
				rc_jsonread_fail(&c->r, p, "expected a number after '%s', found \"%s\"",
				    ops[k].op, e->valuestring);
				free(p);
				continue;
			}
			v = var_use(c, e->string, 0, p);
		} else {
			rc_jsonread_fail(&c->r, p, "expected a number, a boolean or a comparison string, "
			    "found %s", rc_jsonread_type(e));
			free(p);
			continue;
		}
		free(p);
		if (v < 0)
			continue;
		cond.var = v;
		c->s->vars[v].read = 1;
		conds[nconds++] = cond;
	}
	free(wp);
	*out = conds;
	*n = nconds;
}

static struct rc_set *
parse_sets(struct ctx *c, const cJSON *w, const char *wp, size_t *n,
           int mark_written)
{
	const cJSON *e;
	struct rc_set *out = rc_xcalloc((size_t)cJSON_GetArraySize(w) + 1, sizeof *out);

	*n = 0;
	for (e = w->child; e; e = e->next) {
		char *p = rc_jsonread_join(wp, e->string);
		struct rc_set set = { 0, 0, 0 };
		int v = -1;

		if (cJSON_IsBool(e)) {
			set.value = cJSON_IsTrue(e);
			v = var_use(c, e->string, 1, p);
		} else if (cJSON_IsNumber(e)) {
			set.value = e->valuedouble;
			v = var_use(c, e->string, 0, p);
		} else if (cJSON_IsString(e) && (e->valuestring[0] == '+' ||
		    e->valuestring[0] == '-')) {
			char *end;

			set.add = 1;
			set.value = strtod(e->valuestring, &end);
			if (end == e->valuestring + 1 || *end != '\0')
				rc_jsonread_fail(&c->r, p, "expected \"+N\" or \"-N\", found \"%s\"",
				    e->valuestring);
			else
				v = var_use(c, e->string, 0, p);
		} else {
			rc_jsonread_fail(&c->r, p, "expected a number, a boolean, \"+N\" or \"-N\", "
			    "found %s", cJSON_IsString(e) ? "a string" : rc_jsonread_type(e));
		}
		/* An example may set up any situation, "agreed" included; a
		 * reply may not change what the engine keeps. */
		if (v >= 0 && c->s->vars[v].readonly && mark_written) {
			rc_jsonread_fail(&c->r, p, "variable '%s' is kept by the engine and cannot be set",
			    e->string);
			v = -1;
		}
		free(p);
		if (v < 0)
			continue;
		set.var = v;
		if (mark_written)
			c->s->vars[v].written = 1;
		out[(*n)++] = set;
	}
	return out;
}

/* Checks the {placeholders} of a reply template. */
static void
check_template(struct ctx *c, const char *text, const char *ptr)
{
	const char *p = text;

	while ((p = strpbrk(p, "{}")) != NULL) {
		const char *end;
		size_t k, n;
		int ok = 0;

		if (p[0] == p[1]) {
			p += 2;
			continue;
		}
		if (*p == '}') {
			rc_jsonread_fail(&c->r, ptr, "unmatched '}' in reply (write '}}' for a brace)");
			return;
		}
		end = strchr(p, '}');
		if (end == NULL) {
			rc_jsonread_fail(&c->r, ptr, "unclosed '{' in reply (write '{{' for a brace)");
			return;
		}
		n = (size_t)(end - p - 1);
		for (k = 0; placeholders[k]; k++)
			if (strlen(placeholders[k]) == n &&
			    strncmp(placeholders[k], p + 1, n) == 0)
				ok = 1;
		if (n > 8 && strncmp(p + 1, "capture:", 8) == 0)
			ok = 1;
		if (!ok)
			rc_jsonread_fail(&c->r, ptr, "unknown placeholder '{%.*s}'", (int)n, p + 1);
		p = end + 1;
	}
}

static int
state_ref(struct ctx *c, const cJSON *v, const char *ptr)
{
	int i;

	if (!cJSON_IsString(v)) {
		rc_jsonread_fail(&c->r, ptr, "expected a state name, found %s",
		    rc_jsonread_type(v));
		return -1;
	}
	i = rc_scenario_state(c->s, v->valuestring);
	if (i < 0)
		rc_jsonread_fail(&c->r, ptr, "unknown state '%s'",
		    v->valuestring);
	return i;
}

static const char *const replyset_keys[] = {
	"replies", "pick", "set", "events", "next", NULL,
};

/* Parses the reply-set keys of OBJ (a reply set or a rule) into RS. */
static void
parse_replyset(struct ctx *c, const cJSON *obj, const char *ptr,
               struct rc_replyset *rs)
{
	const cJSON *v, *e;
	size_t i = 0;
	char *p;

	memset(rs, 0, sizeof *rs);
	rs->slot = c->s->nslots++;
	rs->next = -1;
	v = rc_jsonread_member(obj, "replies");
	p = rc_jsonread_join(ptr, "replies");
	if (v == NULL) {
		rc_jsonread_fail(&c->r, ptr, "missing required key 'replies'");
	} else if (cJSON_IsString(v)) {
		rc_jsonread_fail(&c->r, p,
		    "expected an array of replies, found a string "
		    "(write [\"...\"])");
	} else if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
		rc_jsonread_fail(&c->r, p,
		    cJSON_IsArray(v) ? "needs at least one reply" :
		    "expected an array of replies, found %s",
		    rc_jsonread_type(v));
	} else {
		rs->replies = rc_xcalloc((size_t)cJSON_GetArraySize(v), sizeof *rs->replies);
		cJSON_ArrayForEach(e, v) {
			char *q = rc_jsonread_join_index(p, i++);
			const char *text = NULL;
			int weight = 1;
			struct rc_cond *conds = NULL;
			size_t nconds = 0;

			if (cJSON_IsString(e)) {
				text = e->valuestring;
			} else if (cJSON_IsObject(e)) {
				static const char *const keys[] = { "text", "weight",
				    "when", NULL };
				const cJSON *t = rc_jsonread_member(e, "text");

				rc_jsonread_keys(&c->r, e, q, keys);
				if (t == NULL || !cJSON_IsString(t))
					rc_jsonread_fail(&c->r, q, t ? "'text' must be a string" :
					    "missing required key 'text'");
				else
					text = t->valuestring;
				rc_jsonread_int(&c->r, e, q, "weight", 0, 1,
				    1000, &weight);
				parse_when(c, e, q, &conds, &nconds);
			} else {
				rc_jsonread_fail(&c->r, q, "expected a reply string or {\"text\", \"weight\", \"when\"}, "
				    "found %s", rc_jsonread_type(e));
			}
			if (text != NULL && text[0] == '\0') {
				rc_jsonread_fail(&c->r, q, "empty reply");
				text = NULL;
			}
			if (text != NULL) {
				check_template(c, text, q);
				rs->replies[rs->nreplies].text = rc_xstrdup(text);
				rs->replies[rs->nreplies].weight = (unsigned)weight;
				rs->replies[rs->nreplies].conds = conds;
				rs->replies[rs->nreplies].nconds = nconds;
				rs->total_weight += (unsigned)weight;
				rs->nreplies++;
			} else {
				free(conds);
			}
			free(q);
		}
	}
	free(p);

	if ((v = rc_jsonread_member(obj, "pick")) != NULL) {
		p = rc_jsonread_join(ptr, "pick");
		if (cJSON_IsString(v) && strcmp(v->valuestring, "random") == 0)
			rs->random = 1;
		else if (!cJSON_IsString(v) || strcmp(v->valuestring, "cycle") != 0)
			rc_jsonread_fail(&c->r, p,
			    "expected \"cycle\" or \"random\"");
		free(p);
	}
	if ((v = rc_jsonread_obj(&c->r, obj, ptr, "set", 0)) != NULL) {
		p = rc_jsonread_join(ptr, "set");
		rs->sets = parse_sets(c, v, p, &rs->nsets, 1);
		free(p);
	}
	rs->events = get_strings(c, obj, ptr, "events", &rs->nevents);
	for (i = 0; i < rs->nevents; i++) {
		const char *ev = rs->events[i];
		const char *q;
		int ok = islower((unsigned char)ev[0]);

		for (q = ev; ok && *q; q++)
			ok = islower((unsigned char)*q) || isdigit((unsigned char)*q) ||
			    (*q == '-' && q[1] != '-' && q[1] != '\0');
		if (!ok) {
			char *ep = rc_jsonread_join(ptr, "events"), *eq = rc_jsonread_join_index(ep, i);
			rc_jsonread_fail(&c->r, eq,
			    "event name '%s' must be kebab-case", ev);
			free(ep);
			free(eq);
		}
	}
	if ((v = rc_jsonread_member(obj, "next")) != NULL) {
		p = rc_jsonread_join(ptr, "next");
		rs->next = state_ref(c, v, p);
		free(p);
	}
}

static void
free_replyset(struct rc_replyset *rs)
{
	size_t i;

	for (i = 0; i < rs->nreplies; i++) {
		free(rs->replies[i].text);
		free(rs->replies[i].conds);
	}
	free(rs->replies);
	free(rs->sets);
	rc_jsonread_free_strings(rs->events, rs->nevents);
}

static void
parse_replyset_at(struct ctx *c, const cJSON *obj, const char *ptr,
                  const char *key, struct rc_replyset *rs, int required)
{
	const cJSON *v = rc_jsonread_obj(&c->r, obj, ptr, key, required);
	char *p;

	if (v == NULL) {
		memset(rs, 0, sizeof *rs);
		rs->slot = c->s->nslots++;
		rs->next = -1;
		return;
	}
	p = rc_jsonread_join(ptr, key);
	rc_jsonread_keys(&c->r, v, p, replyset_keys);
	parse_replyset(c, v, p, rs);
	free(p);
}

static void
parse_examples(struct ctx *c, const cJSON *obj, const char *ptr,
               struct rc_rule *r)
{
	const cJSON *v = rc_jsonread_arr(&c->r, obj, ptr, "examples", 0), *e;
	char *p;
	size_t i = 0;

	if (v == NULL)
		return;
	p = rc_jsonread_join(ptr, "examples");
	r->examples = rc_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *r->examples);
	cJSON_ArrayForEach(e, v) {
		char *q = rc_jsonread_join_index(p, i++);
		struct rc_example *ex = &r->examples[r->nexamples];

		ex->state = -1;
		if (cJSON_IsString(e)) {
			ex->text = rc_xstrdup(e->valuestring);
			r->nexamples++;
		} else if (cJSON_IsObject(e)) {
			static const char *const keys[] = { "text", "state", "vars", NULL };
			const cJSON *t = rc_jsonread_member(e, "text"), *st = rc_jsonread_member(e, "state"),
			    *vars = rc_jsonread_obj(&c->r, e, q, "vars", 0);

			rc_jsonread_keys(&c->r, e, q, keys);
			if (t == NULL || !cJSON_IsString(t)) {
				rc_jsonread_fail(&c->r, q,
				    t ? "'text' must be a string" :
				    "missing required key 'text'");
			} else {
				ex->text = rc_xstrdup(t->valuestring);
				if (st != NULL) {
					char *sp = rc_jsonread_join(q, "state");
					ex->state = state_ref(c, st, sp);
					free(sp);
				}
				if (vars != NULL) {
					char *vp = rc_jsonread_join(q, "vars");
					ex->vars = parse_sets(c, vars, vp, &ex->nvars, 0);
					free(vp);
				}
				r->nexamples++;
			}
		} else {
			rc_jsonread_fail(&c->r, q, "expected an example string or object, found %s",
			    rc_jsonread_type(e));
		}
		free(q);
	}
	free(p);
}

/* Every {capture:NAME} in rule R's replies names a group of one of its
 * "match" patterns; otherwise the reply would say nothing there. */
static void
check_captures(struct ctx *c, const struct rc_rule *r, const char *ptr)
{
	size_t i, k;

	if (c->summary)
		return;
	for (i = 0; i < r->rs.nreplies; i++) {
		const char *t = r->rs.replies[i].text;

		while ((t = strstr(t, "{capture:")) != NULL) {
			char name[RC_MATCH_NAME_MAX];
			size_t n = strcspn(t + 9, "}");
			int found = 0;

			t += 9;
			if (n == 0 || n >= sizeof name)
				continue;
			memcpy(name, t, n);
			name[n] = '\0';
			for (k = 0; k < r->nmatch && !found; k++)
				found = rc_pattern_has_group(r->match[k], name);
			if (!found) {
				char *p = rc_jsonread_join(ptr, "replies");
				char *q = rc_jsonread_join_index(p, i);

				rc_jsonread_fail(&c->r, q, "rule '%s': {capture:%s} names no "
				    "group of the rule's \"match\" patterns (write "
				    "(?<%s>...) in one)", r->id ? r->id : "?", name, name);
				free(q);
				free(p);
			}
		}
	}
}

static const char *const rule_keys[] = {
	"id", "match", "not", "intent", "not_intent", "when", "after",
	"proposal", "replies", "pick", "set", "events", "bargain", "next",
	"once", "either", "examples", NULL,
};

static void
parse_rule(struct ctx *c, const cJSON *obj, const char *ptr, int state,
           struct rc_rule *r)
{
	struct rc_buf context = RC_BUF_INIT;
	const cJSON *v;
	int b;

	memset(r, 0, sizeof *r);
	r->state = state;
	r->proposal = -1;
	r->index = c->rule_index++;
	r->where = rc_xstrdup(ptr);
	if (!cJSON_IsObject(obj)) {
		rc_jsonread_fail(&c->r, ptr, "expected a rule object, found %s", rc_jsonread_type(obj));
		r->rs.next = -1;
		return;
	}
	rc_jsonread_keys(&c->r, obj, ptr, rule_keys);
	r->id = rc_jsonread_str(&c->r, obj, ptr, "id", 1);
	rc_buf_printf(&context, "rule '%s'", r->id ? r->id : "?");
	r->match = get_patterns(c, obj, ptr, "match", rc_buf_str(&context), &r->nmatch);
	r->not = get_patterns(c, obj, ptr, "not", rc_buf_str(&context), &r->nnot);
	r->intents = get_intents(c, obj, ptr, "intent", rc_buf_str(&context), &r->nintents);
	r->not_intents = get_intents(c, obj, ptr, "not_intent", rc_buf_str(&context),
	    &r->nnot_intents);
	r->base = c->base;
	if ((v = rc_jsonread_member(obj, "after")) != NULL) {
		char *p = rc_jsonread_join(ptr, "after");
		r->after = compile(c, v, p, rc_buf_str(&context));
		free(p);
	}
	parse_when(c, obj, ptr, &r->conds, &r->nconds);
	if (rc_jsonread_bool(&c->r, obj, ptr, "proposal", &b))
		r->proposal = b;
	rc_jsonread_bool(&c->r, obj, ptr, "once", &r->once);
	if (rc_jsonread_bool(&c->r, obj, ptr, "either", &r->either) && r->either &&
	    (rc_jsonread_member(obj, "intent") == NULL ||
	    rc_jsonread_member(obj, "match") == NULL)) {
		char *p = rc_jsonread_join(ptr, "either");
		rc_jsonread_fail(&c->r, p, "\"either\" needs both \"intent\" and "
		    "\"match\" (the rule fires on an intent read or a pattern matched)");
		free(p);
	}
	if ((v = rc_jsonread_member(obj, "bargain")) != NULL) {
		char *p = rc_jsonread_join(ptr, "bargain");
		if (cJSON_IsString(v) && strcmp(v->valuestring, "offer") == 0)
			r->bargain = RC_BARGAIN_OFFER;
		else if (cJSON_IsString(v) && strcmp(v->valuestring, "take") == 0)
			r->bargain = RC_BARGAIN_TAKE;
		else
			rc_jsonread_fail(&c->r, p,
			    "expected \"offer\" or \"take\"");
		free(p);
	}
	parse_replyset(c, obj, ptr, &r->rs);
	/* Only when every pattern compiled: a broken one is reported already. */
	if ((v = rc_jsonread_member(obj, "match")) == NULL ||
	    (size_t)(cJSON_IsArray(v) ? cJSON_GetArraySize(v) : 1) == r->nmatch)
		check_captures(c, r, ptr);
	parse_examples(c, obj, ptr, r);
	rc_buf_free(&context);
}

static void
free_rule(struct rc_rule *r)
{
	size_t i;

	free(r->id);
	free(r->where);
	rc_pattern_free_all(r->match, r->nmatch);
	rc_pattern_free_all(r->not, r->nnot);
	free(r->intents);
	free(r->not_intents);
	rc_pattern_free(r->after);
	free(r->conds);
	free_replyset(&r->rs);
	for (i = 0; i < r->nexamples; i++) {
		free(r->examples[i].text);
		free(r->examples[i].vars);
	}
	free(r->examples);
}

static struct rc_rule *
parse_rules(struct ctx *c, const cJSON *arr, const char *ptr, int state,
            size_t *n)
{
	struct rc_rule *rules;
	struct rc_strmap *seen;
	const cJSON *e;
	size_t i = 0;

	*n = 0;
	rules = rc_xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *rules);
	cJSON_ArrayForEach(e, arr) {
		char *p = rc_jsonread_join_index(ptr, i++);
		parse_rule(c, e, p, state, &rules[(*n)++]);
		free(p);
	}
	/* Rule ids are unique across the whole scenario: each id is looked
	 * up among those read before it (this list and, but for the shared
	 * base, the lists read earlier).  The shared base is checked against
	 * itself only: a scenario rule with a base rule's id overrides it. */
	seen = c->base ? rc_strmap_new() : c->seen;
	for (i = 0; i < *n; i++) {
		const char *also;

		if (rules[i].id == NULL)
			continue;
		if (rc_strmap_get(seen, rules[i].id, strlen(rules[i].id), &also))
			rc_jsonread_fail(&c->r, rules[i].where, "duplicate rule id '%s' (also %s)",
			    rules[i].id, also);
		else
			rc_strmap_put(seen, rules[i].id, strlen(rules[i].id),
			    rules[i].where);
	}
	if (c->base)
		rc_strmap_free(seen);
	return rules;
}

static void
parse_persona(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "name", "role", "kind",
	    "organisation", "temperament", "speech", NULL };
	static const char *const tkeys[] = { "patience", "hostility", "honesty", NULL };
	const cJSON *p = rc_jsonread_obj(&c->r, root, "", "persona", 1), *t;
	struct rc_scenario *s = c->s;
	const char *sp;

	s->patience = 8;
	s->hostility = 3;
	s->honesty = 7;
	if (p == NULL)
		return;
	rc_jsonread_keys(&c->r, p, "/persona", keys);
	s->name = rc_jsonread_str(&c->r, p, "/persona", "name", 1);
	s->role = rc_jsonread_str(&c->r, p, "/persona", "role", 1);
	s->kind = rc_jsonread_str(&c->r, p, "/persona", "kind", 1);
	if (s->kind && strcmp(s->kind, "business") && strcmp(s->kind, "consumer"))
		rc_jsonread_fail(&c->r, "/persona/kind", "expected \"business\" or \"consumer\", found \"%s\"",
		    s->kind);
	s->organisation = rc_jsonread_str(&c->r, p, "/persona",
	    "organisation", 0);
	s->speech = rc_jsonread_str(&c->r, p, "/persona", "speech", 0);
	t = rc_jsonread_obj(&c->r, p, "/persona", "temperament", 0);
	if (t != NULL) {
		rc_jsonread_keys(&c->r, t, "/persona/temperament", tkeys);
		rc_jsonread_int(&c->r, t, "/persona/temperament", "patience", 0, 1, 20, &s->patience);
		rc_jsonread_int(&c->r, t, "/persona/temperament", "hostility", 0, 0, 10, &s->hostility);
		rc_jsonread_int(&c->r, t, "/persona/temperament", "honesty", 0, 0, 10, &s->honesty);
	}
	if (s->name) {
		sp = strchr(s->name, ' ');
		s->first_name = sp ? rc_xstrndup(s->name, (size_t)(sp - s->name)) :
		    rc_xstrdup(s->name);
	}
}

static int
valid_date(const char *d)
{
	int i;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (d[i] != '-')
				return 0;
		} else if (!isdigit((unsigned char)d[i])) {
			return 0;
		}
	}
	return d[10] == '\0' && (d[5] - '0') * 10 + (d[6] - '0') >= 1 &&
	    (d[5] - '0') * 10 + (d[6] - '0') <= 12 &&
	    (d[8] - '0') * 10 + (d[9] - '0') >= 1 &&
	    (d[8] - '0') * 10 + (d[9] - '0') <= 31;
}

/* "adjustments" in the case file: the charges a credit may fairly take
 * off, each with the words that name it. */
static void
parse_adjustments(struct ctx *c, const cJSON *k)
{
	static const char *const keys[] = { "id", "what", "amount", "patterns",
	    "set", NULL };
	const cJSON *a = rc_jsonread_arr(&c->r, k, "/case", "adjustments", 0), *e;
	struct rc_scenario *s = c->s;
	size_t i = 0;

	if (a == NULL)
		return;
	s->adjustable = rc_xcalloc((size_t)cJSON_GetArraySize(a) + 1,
	    sizeof *s->adjustable);
	cJSON_ArrayForEach(e, a) {
		char *p = rc_jsonread_join_index("/case/adjustments", i++);
		struct rc_adjustable *x = &s->adjustable[s->nadjustable];
		struct rc_buf context = RC_BUF_INIT;

		if (!cJSON_IsObject(e)) {
			rc_jsonread_fail(&c->r, p, "expected an adjustment object, "
			    "found %s", rc_jsonread_type(e));
			free(p);
			continue;
		}
		rc_jsonread_keys(&c->r, e, p, keys);
		x->id = rc_jsonread_str(&c->r, e, p, "id", 1);
		x->what = rc_jsonread_str(&c->r, e, p, "what", 0);
		rc_jsonread_num(&c->r, e, p, "amount", 1, 0.01, 1e12, &x->amount);
		rc_buf_printf(&context, "adjustment '%s'", x->id ? x->id : "?");
		x->patterns = get_patterns(c, e, p, "patterns", rc_buf_str(&context),
		    &x->npatterns);
		if (rc_jsonread_member(e, "patterns") == NULL)
			rc_jsonread_fail(&c->r, p, "missing required key 'patterns'");
		rc_buf_free(&context);
		s->nadjustable++;
		free(p);
	}
}

/* Each adjustment's "set", read once the variables are declared. */
static void
parse_adjustment_sets(struct ctx *c, const cJSON *root)
{
	const cJSON *k = rc_jsonread_member(root, "case");
	const cJSON *a = k ? rc_jsonread_member(k, "adjustments") : NULL, *e;
	size_t i = 0, n = 0;

	cJSON_ArrayForEach(e, a) {
		char *p = rc_jsonread_join_index("/case/adjustments", i++);
		const cJSON *v;

		if (cJSON_IsObject(e) && n < c->s->nadjustable &&
		    (v = rc_jsonread_obj(&c->r, e, p, "set", 0)) != NULL) {
			char *sp = rc_jsonread_join(p, "set");

			c->s->adjustable[n].sets = parse_sets(c, v, sp,
			    &c->s->adjustable[n].nsets, 1);
			free(sp);
		}
		if (cJSON_IsObject(e))
			n++;
		free(p);
	}
}

/* "policy" in the case file: every limit optional, an empty object an
 * error (say nothing rather than an empty policy). */
static void
parse_policy(struct ctx *c, const cJSON *k)
{
	static const char *const keys[] = { "min_instalment", "max_months",
	    "credit_authority", "discount_percent", "post_dated", NULL };
	const cJSON *o = rc_jsonread_obj(&c->r, k, "/case", "policy", 0);
	struct rc_policy *p = &c->s->policy;
	double v;
	int n;

	rc_policy_init(p);
	if (o == NULL)
		return;
	rc_jsonread_keys(&c->r, o, "/case/policy", keys);
	p->set = 1;
	if (rc_jsonread_num(&c->r, o, "/case/policy", "min_instalment", 0, 0.01,
	    1e12, &v))
		p->min_instalment = rc_cents(v);
	if (rc_jsonread_int(&c->r, o, "/case/policy", "max_months", 0, 1, 600, &n))
		p->max_months = n;
	if (rc_jsonread_num(&c->r, o, "/case/policy", "credit_authority", 0, 0,
	    1e12, &v))
		p->credit_authority = rc_cents(v);
	if (rc_jsonread_num(&c->r, o, "/case/policy", "discount_percent", 0, 0,
	    100, &v))
		p->discount_percent = v;
	if (rc_jsonread_bool(&c->r, o, "/case/policy", "post_dated", &n))
		p->post_dated = n;
	if (cJSON_GetArraySize(o) == 0)
		rc_jsonread_fail(&c->r, "/case/policy", "states no limit: give at "
		    "least one of min_instalment, max_months, credit_authority, "
		    "discount_percent, post_dated, or leave policy out");
}

static void
parse_case(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "creditor", "collector", "debtor",
	    "contact", "currency", "invoices", "balance", "days_overdue",
	    "date", "history", "notes", "policy", "adjustments", NULL };
	static const char *const ikeys[] = { "id", "amount", "due", "status", NULL };
	const cJSON *k = rc_jsonread_obj(&c->r, root, "", "case", 1), *inv, *e;
	struct rc_scenario *s = c->s;
	size_t i = 0;

	if (k == NULL)
		return;
	rc_jsonread_keys(&c->r, k, "/case", keys);
	s->creditor = rc_jsonread_str(&c->r, k, "/case", "creditor", 1);
	s->collector = rc_jsonread_str(&c->r, k, "/case", "collector", 0);
	s->debtor = rc_jsonread_str(&c->r, k, "/case", "debtor", 1);
	s->contact = rc_jsonread_str(&c->r, k, "/case", "contact", 0);
	s->currency = rc_jsonread_str(&c->r, k, "/case", "currency", 1);
	if (s->currency && (strlen(s->currency) != 3 ||
	    !isupper((unsigned char)s->currency[0]) ||
	    !isupper((unsigned char)s->currency[1]) ||
	    !isupper((unsigned char)s->currency[2])))
		rc_jsonread_fail(&c->r, "/case/currency", "expected a three-letter ISO 4217 code like "
		    "\"USD\", found \"%s\"", s->currency);
	rc_jsonread_num(&c->r, k, "/case", "balance", 1, 0.01, 1e12,
	    &s->balance);
	rc_jsonread_int(&c->r, k, "/case", "days_overdue", 1, 0, 100000,
	    &s->days_overdue);
	s->date = RC_DATE_NONE;
	{
		char *d = rc_jsonread_str(&c->r, k, "/case", "date", 0);

		if (d != NULL && !rc_date_parse_iso(d, &s->date))
			rc_jsonread_fail(&c->r, "/case/date", "expected the call's date "
			    "as YYYY-MM-DD, found \"%s\"", d);
		free(d);
	}
	s->history = get_strings(c, k, "/case", "history", &s->nhistory);
	s->notes = get_strings(c, k, "/case", "notes", &s->nnotes);
	parse_policy(c, k);
	parse_adjustments(c, k);
	if ((inv = rc_jsonread_arr(&c->r, k, "/case", "invoices", 1)) == NULL)
		return;
	if (cJSON_GetArraySize(inv) == 0)
		rc_jsonread_fail(&c->r, "/case/invoices",
		    "needs at least one invoice");
	s->invoices = rc_xcalloc((size_t)cJSON_GetArraySize(inv) + 1, sizeof *s->invoices);
	cJSON_ArrayForEach(e, inv) {
		char *p = rc_jsonread_join_index("/case/invoices", i++);
		struct rc_invoice *iv = &s->invoices[s->ninvoices];
		char *status;

		if (!cJSON_IsObject(e)) {
			rc_jsonread_fail(&c->r, p, "expected an invoice object, found %s", rc_jsonread_type(e));
			free(p);
			continue;
		}
		rc_jsonread_keys(&c->r, e, p, ikeys);
		iv->id = rc_jsonread_str(&c->r, e, p, "id", 1);
		rc_jsonread_num(&c->r, e, p, "amount", 1, 0.01, 1e12,
		    &iv->amount);
		iv->due = rc_jsonread_str(&c->r, e, p, "due", 0);
		if (iv->due && !valid_date(iv->due)) {
			char *q = rc_jsonread_join(p, "due");
			rc_jsonread_fail(&c->r, q, "expected a date YYYY-MM-DD, found \"%s\"", iv->due);
			free(q);
		}
		status = rc_jsonread_str(&c->r, e, p, "status", 0);
		if (status && strcmp(status, "paid") == 0)
			iv->paid = 1;
		else if (status && strcmp(status, "unpaid") != 0) {
			char *q = rc_jsonread_join(p, "status");
			rc_jsonread_fail(&c->r, q, "expected \"paid\" or \"unpaid\", found \"%s\"", status);
			free(q);
		}
		free(status);
		s->ninvoices++;
		free(p);
	}
	/* Without a date of its own the call is held the days overdue after
	 * the oldest unpaid invoice fell due. */
	if (s->date == RC_DATE_NONE) {
		int32_t oldest = RC_DATE_NONE;

		for (i = 0; i < s->ninvoices; i++)
			if (!s->invoices[i].paid)
				rc_date_earliest(&oldest, s->invoices[i].due);
		if (oldest != RC_DATE_NONE && s->days_overdue > 0)
			s->date = oldest + s->days_overdue;
	}
}

/* "legal": the call's legal frame (legal.c), whose kind of debt must
 * agree with the persona's. */
static void
parse_legal(struct ctx *c, const cJSON *root)
{
	struct rc_scenario *s = c->s;
	const cJSON *d;
	enum rc_debt_kind k;

	if (!rc_legal_read(&c->r, root, "", &s->legal))
		return;
	d = rc_jsonread_member(rc_jsonread_member(root, "legal"), "debt");
	if (s->kind && cJSON_IsString(d) &&
	    rc_legal_debt_parse(d->valuestring, &k) &&
	    strcmp(s->kind, d->valuestring) != 0)
		rc_jsonread_fail(&c->r, "/legal/debt", "\"%s\" disagrees with "
		    "/persona/kind \"%s\"", d->valuestring, s->kind);
}

static void
parse_research(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "id", "source", "text", "patterns",
	    "intent", NULL };
	const cJSON *r = rc_jsonread_arr(&c->r, root, "", "research", 0), *e;
	struct rc_scenario *s = c->s;
	size_t i = 0;

	if (r == NULL)
		return;
	s->research = rc_xcalloc((size_t)cJSON_GetArraySize(r) + 1, sizeof *s->research);
	cJSON_ArrayForEach(e, r) {
		char *p = rc_jsonread_join_index("/research", i++);
		struct rc_fact *f = &s->research[s->nresearch];
		struct rc_buf context = RC_BUF_INIT;

		if (!cJSON_IsObject(e)) {
			rc_jsonread_fail(&c->r, p, "expected a research object, found %s", rc_jsonread_type(e));
			free(p);
			continue;
		}
		rc_jsonread_keys(&c->r, e, p, keys);
		f->id = rc_jsonread_str(&c->r, e, p, "id", 1);
		f->source = rc_jsonread_str(&c->r, e, p, "source", 0);
		f->text = rc_jsonread_str(&c->r, e, p, "text", 1);
		rc_buf_printf(&context, "research '%s'", f->id ? f->id : "?");
		if (rc_jsonread_member(e, "patterns") == NULL &&
		    rc_jsonread_member(e, "intent") == NULL)
			rc_jsonread_fail(&c->r, p,
			    "a research fact needs 'patterns', 'intent' or both");
		f->patterns = get_patterns(c, e, p, "patterns", rc_buf_str(&context),
		    &f->npatterns);
		f->intents = get_intents(c, e, p, "intent", rc_buf_str(&context),
		    &f->nintents);
		rc_buf_free(&context);
		s->nresearch++;
		free(p);
	}
}

static void
parse_truth(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "reason", "can_pay", "cash_now",
	    "monthly", "first_offer", "concession", "if_pushed", NULL };
	const cJSON *t = rc_jsonread_obj(&c->r, root, "", "truth", 1);
	struct rc_scenario *s = c->s;

	s->truth.can_pay = 1;
	s->truth.concession = 0.25;
	if (t == NULL)
		return;
	rc_jsonread_keys(&c->r, t, "/truth", keys);
	s->reason = rc_jsonread_str(&c->r, t, "/truth", "reason", 1);
	s->if_pushed = rc_jsonread_str(&c->r, t, "/truth", "if_pushed", 0);
	rc_jsonread_bool(&c->r, t, "/truth", "can_pay", &s->truth.can_pay);
	rc_jsonread_num(&c->r, t, "/truth", "cash_now", 1, 0, 1e12,
	    &s->truth.cash_now);
	rc_jsonread_num(&c->r, t, "/truth", "monthly", 1, 0, 1e12,
	    &s->truth.monthly);
	rc_jsonread_num(&c->r, t, "/truth", "first_offer", 1, 0, 1e12, &s->truth.first_offer);
	rc_jsonread_num(&c->r, t, "/truth", "concession", 0, 0, 1,
	    &s->truth.concession);
	if (s->truth.first_offer > s->truth.cash_now)
		rc_jsonread_fail(&c->r, "/truth/first_offer", "first offer %g is more than cash_now %g",
		    s->truth.first_offer, s->truth.cash_now);
}

/* The variables of object V (at PTR), declared with their starting values.
 * From the shared base, a variable the scenario already declares keeps
 * the scenario's value. */
static void
add_variables(struct ctx *c, const cJSON *v, const char *ptr)
{
	struct rc_scenario *s = c->s;
	const cJSON *e;

	for (e = v->child; e; e = e->next) {
		char *p = rc_jsonread_join(ptr, e->string);
		int idx;

		if (!cJSON_IsNumber(e) && !cJSON_IsBool(e)) {
			rc_jsonread_fail(&c->r, p, "expected a number or a boolean, found %s", rc_jsonread_type(e));
			free(p);
			continue;
		}
		if (c->base && (idx = rc_scenario_var(s, e->string)) >= 0 &&
		    s->vars[idx].declared) {
			free(p);
			continue;
		}
		idx = var_use(c, e->string, cJSON_IsBool(e), p);
		if (idx >= 0 && s->vars[idx].readonly) {
			rc_jsonread_fail(&c->r, p, "variable '%s' is kept by the engine", e->string);
		} else if (idx >= 0) {
			s->vars[idx].init = cJSON_IsBool(e) ? cJSON_IsTrue(e) : e->valuedouble;
			s->vars[idx].declared = 1;
		}
		free(p);
	}
}

static void
parse_variables(struct ctx *c, const cJSON *root)
{
	const cJSON *v = rc_jsonread_obj(&c->r, root, "", "variables", 0);
	struct rc_scenario *s = c->s;
	size_t i;

	s->vars = rc_xcalloc(RC_VAR_BUILTIN_COUNT, sizeof *s->vars);
	s->var_ids = rc_strmap_new();
	for (i = 0; i < RC_VAR_BUILTIN_COUNT; i++) {
		s->vars[i].name = rc_xstrdup(builtin_vars[i]);
		rc_strmap_put_num(s->var_ids, builtin_vars[i],
		    strlen(builtin_vars[i]), i);
		s->vars[i].declared = 1;
		s->vars[i].readonly = i >= RC_VAR_TURN;
		s->vars[i].is_bool = i == RC_VAR_REASON_KNOWN || i == RC_VAR_GOOD_FAITH ||
		    i == RC_VAR_AGREED || i == RC_VAR_RESEARCH_USED;
	}
	s->nvars = RC_VAR_BUILTIN_COUNT;
	s->vars[RC_VAR_PATIENCE].init = s->patience;
	if (v != NULL)
		add_variables(c, v, "/variables");
}

static void
parse_states(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "description", "rules", "fallback",
	    "bargain", "end", "speaker", NULL };
	const cJSON *st = rc_jsonread_obj(&c->r, root, "", "states", 1), *e, *v;
	struct rc_scenario *s = c->s;
	size_t i;

	if (st == NULL)
		return;
	if (cJSON_GetArraySize(st) == 0) {
		rc_jsonread_fail(&c->r, "/states", "needs at least one state");
		return;
	}
	/* First pass: names, so rules can refer to any state. */
	s->states = rc_xcalloc((size_t)cJSON_GetArraySize(st), sizeof *s->states);
	s->state_ids = rc_strmap_new();
	for (e = st->child; e; e = e->next) {
		const char *q;
		int ok = islower((unsigned char)e->string[0]);

		for (q = e->string; ok && *q; q++)
			ok = islower((unsigned char)*q) || isdigit((unsigned char)*q) ||
			    *q == '_' || *q == '-';
		if (!ok) {
			char *p = rc_jsonread_join("/states", e->string);
			rc_jsonread_fail(&c->r, p, "state name '%s' must be lowercase letters, digits, "
			    "'-' and '_'", e->string);
			free(p);
		}
		s->states[s->nstates].name = rc_xstrdup(e->string);
		rc_strmap_put_num(s->state_ids, e->string, strlen(e->string),
		    s->nstates);
		s->states[s->nstates].fallback.next = -1;
		s->nstates++;
	}
	for (e = st->child, i = 0; e; e = e->next, i++) {
		struct rc_state *state = &s->states[i];
		char *p = rc_jsonread_join("/states", e->string);

		if (!cJSON_IsObject(e)) {
			rc_jsonread_fail(&c->r, p, "expected a state object, found %s", rc_jsonread_type(e));
			free(p);
			continue;
		}
		rc_jsonread_keys(&c->r, e, p, keys);
		state->description = rc_jsonread_str(&c->r, e, p, "description",
		    0);
		state->speaker = rc_jsonread_str(&c->r, e, p, "speaker", 0);
		rc_jsonread_bool(&c->r, e, p, "bargain", &state->bargain);
		if ((v = rc_jsonread_member(e,
		    "end")) != NULL && !cJSON_IsNull(v)) {
			char *q = rc_jsonread_join(p, "end");
			if (cJSON_IsString(v) && strcmp(v->valuestring, "close") == 0)
				state->end = RC_END_CLOSE;
			else if (cJSON_IsString(v) && strcmp(v->valuestring, "hangup") == 0)
				state->end = RC_END_HANGUP;
			else
				rc_jsonread_fail(&c->r, q, "expected \"close\", \"hangup\" or null");
			free(q);
		}
		if ((v = rc_jsonread_arr(&c->r, e, p, "rules", 0)) != NULL) {
			char *q = rc_jsonread_join(p, "rules");
			size_t n;

			state->rules = parse_rules(c, v, q, (int)i, &n);
			state->nrules = n;
			free(q);
		}
		if (rc_jsonread_member(e, "fallback") != NULL || state->end == RC_END_NONE) {
			parse_replyset_at(c, e, p, "fallback", &state->fallback, 1);
			state->has_fallback = rc_jsonread_member(e,
			    "fallback") != NULL;
		}
		free(p);
	}
}

/* "scoring": {"not_applicable": [ids], "weights": {id: weight}} */
static void
parse_scoring(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "not_applicable", "weights", NULL };
	const cJSON *sc = rc_jsonread_obj(&c->r, root, "", "scoring", 0), *w,
	    *e;
	struct rc_scenario *s = c->s;
	size_t n;

	if (sc == NULL)
		return;
	rc_jsonread_keys(&c->r, sc, "/scoring", keys);
	s->na_ids = get_strings(c, sc, "/scoring", "not_applicable", &s->nna);
	if ((w = rc_jsonread_obj(&c->r, sc, "/scoring", "weights", 0)) == NULL)
		return;
	n = (size_t)cJSON_GetArraySize(w);
	s->weight_ids = rc_xcalloc(n + 1, sizeof *s->weight_ids);
	s->weight_values = rc_xcalloc(n + 1, sizeof *s->weight_values);
	for (e = w->child; e; e = e->next) {
		if (!cJSON_IsNumber(e) || e->valuedouble < 0 || e->valuedouble > 10) {
			char *p = rc_jsonread_join("/scoring/weights",
			    e->string);
			rc_jsonread_fail(&c->r, p,
			    "expected a weight from 0 to 10");
			free(p);
			continue;
		}
		s->weight_ids[s->nweights] = rc_xstrdup(e->string);
		s->weight_values[s->nweights++] = e->valuedouble;
	}
}

/* Rule ids in s->rule_ids: the list (0 global, 1 backstop, 2 + k the
 * rules of state k) in the high half, the position in the low half. */
#define RULE_AT(list, i) ((uint64_t)(list) << 32 | (uint64_t)(i))

static void
index_rule_list(struct rc_scenario *s, const struct rc_rule *v, size_t n,
                uint64_t list)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].id != NULL)
			rc_strmap_put_num(s->rule_ids, v[i].id, strlen(v[i].id),
			    RULE_AT(list, i));
}

/* Indexes every rule read so far, in the order rc_scenario_rule() has
 * always searched them (the first of a repeated id wins). */
static void
index_rules(struct rc_scenario *s)
{
	size_t i;

	rc_strmap_free(s->rule_ids);
	s->rule_ids = rc_strmap_new();
	index_rule_list(s, s->global, s->nglobal, 0);
	index_rule_list(s, s->backstop, s->nbackstop, 1);
	for (i = 0; i < s->nstates; i++)
		index_rule_list(s, s->states[i].rules, s->states[i].nrules, 2 + i);
}

const struct rc_rule *
rc_scenario_rule(const struct rc_scenario *s, const char *id)
{
	uint64_t at;
	size_t list, i;

	if (s->rule_ids == NULL ||
	    !rc_strmap_get_num(s->rule_ids, id, strlen(id), &at))
		return NULL;
	list = (size_t)(at >> 32);
	i = (size_t)(at & 0xffffffffu);
	if (list == 0)
		return i < s->nglobal ? &s->global[i] : NULL;
	if (list == 1)
		return i < s->nbackstop ? &s->backstop[i] : NULL;
	list -= 2;
	return list < s->nstates && i < s->states[list].nrules ?
	    &s->states[list].rules[i] : NULL;
}

/* Appends to *LIST (N rules) the rules of BASE (NB) the scenario neither
 * overrides (a rule of its own with the same id) nor excludes; frees the
 * others and BASE itself. */
static void
append_inherited(struct rc_scenario *s, struct rc_rule **list, size_t *n,
                 uint64_t which, struct rc_rule *base, size_t nb,
                 char **exclude, size_t nex)
{
	size_t i, k;

	*list = rc_xreallocarray(*list, *n + nb + 1, sizeof **list);
	for (i = 0; i < nb; i++) {
		int drop = base[i].id == NULL || rc_scenario_rule(s, base[i].id) != NULL;

		for (k = 0; !drop && k < nex; k++)
			drop = strcmp(exclude[k], base[i].id) == 0;
		if (drop) {
			free_rule(&base[i]);
		} else {
			rc_strmap_put_num(s->rule_ids, base[i].id, strlen(base[i].id),
			    RULE_AT(which, *n));
			(*list)[(*n)++] = base[i];
		}
	}
	free(base);
}

/* The shared base (lang/base.json beside the lexicon): global rules and
 * backstop rules every debtor inherits, and the variables they use.  A
 * scenario overrides a base rule by giving a rule of its own the same
 * id, and leaves some out with "inherit": {"exclude": [ids]} or all with
 * "inherit": false. */
static void
inherit_base(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "_comment", "variables", "global",
	    "backstop", NULL };
	static const char *const ikeys[] = { "exclude", NULL };
	struct rc_scenario *s = c->s;
	const cJSON *inh = rc_jsonread_member(root, "inherit"), *v;
	cJSON *broot;
	struct rc_buf path = RC_BUF_INIT;
	struct ctx b;
	char **exclude = NULL;
	size_t nex = 0, len = 0, i;
	char *text;
	FILE *f;

	if (inh != NULL && cJSON_IsFalse(inh))
		return;
	if (inh != NULL && !cJSON_IsObject(inh)) {
		rc_jsonread_fail(&c->r, "/inherit", "expected false or an object, found %s",
		    rc_jsonread_type(inh));
		return;
	}
	if (inh != NULL) {
		rc_jsonread_keys(&c->r, inh, "/inherit", ikeys);
		exclude = get_strings(c, inh, "/inherit", "exclude", &nex);
	}
	if (s->lex != NULL) {
		rc_buf_printf(&path, "%s/base.json", s->lex->dir);
	} else {
		char *dir = rc_lexicon_locate(s->path);

		rc_buf_printf(&path, "%s/base.json", dir);
		free(dir);
	}
	if ((f = fopen(rc_buf_str(&path), "r")) == NULL) {
		rc_buf_free(&path);
		rc_jsonread_free_strings(exclude, nex);
		return;
	}
	fclose(f);
	text = rc_file_read(rc_buf_str(&path), &len, c->r.err);
	broot = text ? rc_json_parse(rc_buf_str(&path), text, len, c->r.err) : NULL;
	if (broot != NULL) {
		struct rc_rule *g = NULL, *bs = NULL;
		size_t ng = 0, nbs = 0;

		b = *c;
		b.r.name = rc_buf_str(&path);
		b.text = text;
		b.len = len;
		b.idx = NULL;
		b.base = 1;
		rc_jsonread_keys(&b.r, broot, "", keys);
		if ((v = rc_jsonread_obj(&b.r, broot, "", "variables", 0)) != NULL)
			add_variables(&b, v, "/variables");
		if ((v = rc_jsonread_arr(&b.r, broot, "", "global", 0)) != NULL)
			g = parse_rules(&b, v, "/global", -1, &ng);
		if ((v = rc_jsonread_arr(&b.r, broot, "", "backstop", 0)) != NULL)
			bs = parse_rules(&b, v, "/backstop", -1, &nbs);
		/* A base rule id may appear once across both lists. */
		for (i = 0; i < nbs; i++) {
			size_t k;

			for (k = 0; k < ng; k++)
				if (bs[i].id && g[k].id && strcmp(bs[i].id, g[k].id) == 0)
					rc_jsonread_fail(&b.r, bs[i].where, "duplicate rule id "
					    "'%s' (also %s)", bs[i].id, g[k].where);
		}
		for (i = 0; i < nex; i++) {
			size_t k;
			int found = 0;

			for (k = 0; k < ng; k++)
				found |= g[k].id && strcmp(g[k].id, exclude[i]) == 0;
			for (k = 0; k < nbs; k++)
				found |= bs[k].id && strcmp(bs[k].id, exclude[i]) == 0;
			if (!found) {
				char *p = rc_jsonread_join_index("/inherit/exclude", i);
				rc_jsonread_fail(&c->r, p, "no rule '%s' in the shared base %s",
				    exclude[i], rc_buf_str(&path));
				free(p);
			}
		}
		c->rule_index = b.rule_index;
		if (b.idx)
			rc_jsonptr_free(b.idx);
		append_inherited(s, &s->global, &s->nglobal, 0, g, ng, exclude, nex);
		append_inherited(s, &s->backstop, &s->nbackstop, 1, bs, nbs, exclude,
		    nex);
		s->base_path = rc_xstrdup(rc_buf_str(&path));
		cJSON_Delete(broot);
	}
	free(text);
	rc_buf_free(&path);
	rc_jsonread_free_strings(exclude, nex);
}

static void
vocab_replies(struct rc_strmap *v, const struct rc_replyset *rs)
{
	size_t i;

	for (i = 0; i < rs->nreplies; i++)
		rc_strmap_words(v, rs->replies[i].text);
}

/* What the reader needs of the scenario: the unpaid invoices' ids and
 * amounts, the balance, the days overdue, the research patterns, and the
 * scenario's own words. */
static void
collect_facts(struct rc_scenario *s)
{
	struct rc_facts *f = &s->facts;
	size_t i, j, n = 0;

	memset(f, 0, sizeof *f);
	s->fact_ids = rc_xcalloc(s->ninvoices + 1, sizeof *s->fact_ids);
	s->fact_amounts = rc_xcalloc(s->ninvoices + 2, sizeof *s->fact_amounts);
	for (i = 0; i < s->ninvoices; i++) {
		if (s->invoices[i].paid)
			continue;
		s->fact_ids[f->ninvoices++] = s->invoices[i].id;
		s->fact_amounts[f->namounts++] = s->invoices[i].amount;
	}
	f->nall_invoices = f->ninvoices;
	for (i = 0; i < s->ninvoices; i++)
		if (s->invoices[i].paid)
			s->fact_ids[f->nall_invoices++] = s->invoices[i].id;
	if (s->balance > 0)
		s->fact_amounts[f->namounts++] = s->balance;
	f->invoice_ids = (const char *const *)s->fact_ids;
	f->amounts = s->fact_amounts;
	f->balance = s->balance;
	f->days_overdue = s->days_overdue;
	f->today = s->date;
	f->day_first = s->currency != NULL && strcmp(s->currency, "USD") != 0;
	for (i = 0; i < s->nresearch; i++)
		n += s->research[i].npatterns;
	s->fact_research = rc_xcalloc(n + 1, sizeof *s->fact_research);
	for (i = 0; i < s->nresearch; i++)
		for (j = 0; j < s->research[i].npatterns; j++)
			s->fact_research[f->nresearch++] = s->research[i].patterns[j];
	f->research = s->fact_research;
	for (i = 0, n = 0; i < s->nresearch; i++)
		n += s->research[i].nintents;
	s->fact_research_intents = rc_xcalloc(n + 1, sizeof *s->fact_research_intents);
	for (i = 0; i < s->nresearch; i++)
		for (j = 0; j < s->research[i].nintents; j++)
			s->fact_research_intents[f->nresearch_intents++] =
			    s->research[i].intents[j];
	f->research_intents = s->fact_research_intents;

	s->vocab = rc_strmap_new();
	{
		const char *texts[] = { s->name, s->organisation, s->creditor,
		    s->collector, s->debtor, s->contact, s->role, s->summary };

		for (i = 0; i < sizeof texts / sizeof *texts; i++)
			rc_strmap_words(s->vocab, texts[i]);
	}
	for (i = 0; i < s->nresearch; i++)
		rc_strmap_words(s->vocab, s->research[i].text);
	for (i = 0; i < s->nnotes; i++)
		rc_strmap_words(s->vocab, s->notes[i]);
	for (i = 0; i < s->nhistory; i++)
		rc_strmap_words(s->vocab, s->history[i]);
	/* The debtor's own words: what a trainee echoes, and what the
	 * scorecard reads back from the debtor's lines. */
	{
		const struct rc_replyset *sets[] = { &s->opening, &s->hangup,
		    &s->pause, &s->accept, &s->accept_plan, &s->counter,
		    &s->counter_plan, &s->refuse, &s->reopen, &s->renegotiate };

		for (i = 0; i < sizeof sets / sizeof *sets; i++)
			vocab_replies(s->vocab, sets[i]);
		for (i = 0; i < s->nglobal; i++)
			vocab_replies(s->vocab, &s->global[i].rs);
		for (i = 0; i < s->nbackstop; i++)
			vocab_replies(s->vocab, &s->backstop[i].rs);
		for (i = 0; i < s->nstates; i++) {
			vocab_replies(s->vocab, &s->states[i].fallback);
			for (j = 0; j < s->states[i].nrules; j++)
				vocab_replies(s->vocab, &s->states[i].rules[j].rs);
		}
	}
}

static struct rc_scenario *
build(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "id", "title", "version", "archetype",
	    "difficulty", "summary", "persona", "case", "research", "truth",
	    "variables", "start", "opening", "turn_limit", "global", "backstop",
	    "inherit", "bargain", "hangup", "pause", "states", "scoring",
	    "legal", NULL };
	static const char *const archetypes[] = { "forgetful", "aggressive",
	    "broke", "excuse-maker", "disputer", "gatekeeper", "promiser",
	    "distressed", "follow-up", "guided", "other", NULL };
	static const char *const bkeys[] = { "accept", "accept_plan", "counter",
	    "counter_plan", "refuse", "reopen", "renegotiate", NULL };
	struct rc_scenario *s = c->s;
	const cJSON *v;
	char *start;
	size_t i;

	if (!cJSON_IsObject(root)) {
		rc_jsonread_fail(&c->r, "", "expected a JSON object at the top, found %s", rc_jsonread_type(root));
		return NULL;
	}
	rc_jsonread_keys(&c->r, root, "", keys);
	if (!c->summary) {
		char *dir = rc_lexicon_locate(s->path);

		s->lex = rc_lexicon_shared(dir, c->r.err);
		free(dir);
		if (s->lex == NULL)
			return NULL;
	}
	s->id = rc_jsonread_str(&c->r, root, "", "id", 1);
	if (s->id) {
		const char *q;
		int ok = islower((unsigned char)s->id[0]) || isdigit((unsigned char)s->id[0]);
		for (q = s->id; ok && *q; q++)
			ok = islower((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '-';
		if (!ok)
			rc_jsonread_fail(&c->r, "/id", "id '%s' must be lowercase letters, digits and '-'",
			    s->id);
	}
	s->title = rc_jsonread_str(&c->r, root, "", "title", 1);
	s->version = rc_jsonread_str(&c->r, root, "", "version", 1);
	s->archetype = rc_jsonread_str(&c->r, root, "", "archetype", 1);
	if (s->archetype) {
		for (i = 0; archetypes[i] && strcmp(archetypes[i], s->archetype); i++)
			;
		if (archetypes[i] == NULL)
			rc_jsonread_fail(&c->r, "/archetype", "unknown archetype '%s'", s->archetype);
	}
	s->difficulty = rc_jsonread_str(&c->r, root, "", "difficulty", 1);
	if (s->difficulty && strcmp(s->difficulty, "easy") &&
	    strcmp(s->difficulty, "medium") && strcmp(s->difficulty, "hard"))
		rc_jsonread_fail(&c->r, "/difficulty", "expected \"easy\", \"medium\" or \"hard\", "
		    "found \"%s\"", s->difficulty);
	s->summary = rc_jsonread_str(&c->r, root, "", "summary", 1);
	parse_persona(c, root);
	parse_case(c, root);
	parse_legal(c, root);
	parse_research(c, root);
	parse_truth(c, root);
	s->truth.honesty = s->honesty;
	parse_variables(c, root);
	parse_adjustment_sets(c, root);
	s->turn_limit = 40;
	rc_jsonread_int(&c->r, root, "", "turn_limit", 0, 4, 500,
	    &s->turn_limit);

	parse_states(c, root);
	start = rc_jsonread_str(&c->r, root, "", "start", 1);
	s->start = -1;
	if (start) {
		s->start = rc_scenario_state(s, start);
		if (s->start < 0 && s->nstates > 0)
			rc_jsonread_fail(&c->r, "/start", "unknown state '%s'",
			    start);
		free(start);
	}
	if ((v = rc_jsonread_arr(&c->r, root, "", "global", 0)) != NULL) {
		size_t n;

		s->global = parse_rules(c, v, "/global", -1, &n);
		s->nglobal = n;
	}
	if ((v = rc_jsonread_arr(&c->r, root, "", "backstop", 0)) != NULL) {
		size_t n;

		s->backstop = parse_rules(c, v, "/backstop", -1, &n);
		s->nbackstop = n;
	}
	index_rules(s);
	inherit_base(c, root);
	/* Rules were checked for duplicate ids as each list was read. */
	parse_replyset_at(c, root, "", "opening", &s->opening, 1);
	parse_replyset_at(c, root, "", "hangup", &s->hangup, 1);
	s->has_pause = rc_jsonread_member(root, "pause") != NULL;
	parse_replyset_at(c, root, "", "pause", &s->pause, 0);
	if ((v = rc_jsonread_obj(&c->r, root, "", "bargain", 1)) != NULL) {
		rc_jsonread_keys(&c->r, v, "/bargain", bkeys);
		parse_replyset_at(c, v, "/bargain", "accept", &s->accept, 1);
		parse_replyset_at(c, v, "/bargain", "accept_plan", &s->accept_plan, 1);
		parse_replyset_at(c, v, "/bargain", "counter", &s->counter, 1);
		parse_replyset_at(c, v, "/bargain", "counter_plan", &s->counter_plan, 1);
		parse_replyset_at(c, v, "/bargain", "refuse", &s->refuse, 1);
		parse_replyset_at(c, v, "/bargain", "reopen", &s->reopen, 0);
		parse_replyset_at(c, v, "/bargain", "renegotiate", &s->renegotiate, 0);
	} else {
		parse_replyset_at(c, root, "/bargain", "accept", &s->accept, 0);
		parse_replyset_at(c, root, "/bargain", "accept_plan", &s->accept_plan, 0);
		parse_replyset_at(c, root, "/bargain", "counter", &s->counter, 0);
		parse_replyset_at(c, root, "/bargain", "counter_plan", &s->counter_plan, 0);
		parse_replyset_at(c, root, "/bargain", "refuse", &s->refuse, 0);
		parse_replyset_at(c, root, "/bargain", "reopen", &s->reopen, 0);
		parse_replyset_at(c, root, "/bargain", "renegotiate", &s->renegotiate, 0);
	}
	parse_scoring(c, root);
	s->nrules = c->rule_index;
	collect_facts(s);
	if (s->vars[RC_VAR_PATIENCE].init <= 0)
		rc_jsonread_fail(&c->r, "/variables/patience", "starting patience must be above 0");
	return s;
}

struct rc_scenario *
rc_scenario_parse(const char *name, const char *text, size_t len,
                  struct rc_err *err)
{
	return rc_scenario_parse_opts(name, text, len, 0, err);
}

struct rc_scenario *
rc_scenario_parse_opts(const char *name, const char *text, size_t len,
                       unsigned flags, struct rc_err *err)
{
	struct ctx c;
	cJSON *root;
	size_t before = err->nerrors;

	memset(&c, 0, sizeof c);
	c.summary = (flags & RC_SCENARIO_SUMMARY) != 0;
	c.r.name = name;
	c.text = text;
	c.len = len;
	c.r.err = err;
	root = rc_json_parse(name, text, len, err);
	if (root == NULL)
		return NULL;
	c.s = rc_xcalloc(1, sizeof *c.s);
	c.s->path = rc_xstrdup(name);
	c.seen = rc_strmap_new();
	build(&c, root);
	rc_strmap_free(c.seen);
	cJSON_Delete(root);
	rc_jsonptr_free(c.idx);
	if (err->nerrors > before) {
		rc_scenario_free(c.s);
		return NULL;
	}
	return c.s;
}

struct rc_scenario *
rc_scenario_load(const char *path, struct rc_err *err)
{
	return rc_scenario_load_opts(path, 0, err);
}

struct rc_scenario *
rc_scenario_load_opts(const char *path, unsigned flags, struct rc_err *err)
{
	struct rc_scenario *s;
	size_t len = 0;
	char *text = rc_file_read(path, &len, err);

	if (text == NULL)
		return NULL;
	s = rc_scenario_parse_opts(path, text, len, flags, err);
	free(text);
	return s;
}

void
rc_scenario_free(struct rc_scenario *s)
{
	size_t i, j;

	if (s == NULL)
		return;
	rc_strmap_free(s->state_ids);
	rc_strmap_free(s->var_ids);
	rc_strmap_free(s->rule_ids);
	free(s->path);
	rc_legal_free(&s->legal);
	free(s->id); free(s->title); free(s->version); free(s->archetype);
	free(s->difficulty); free(s->summary);
	free(s->name); free(s->first_name); free(s->role); free(s->kind);
	free(s->organisation); free(s->speech);
	free(s->creditor); free(s->collector); free(s->debtor); free(s->contact);
	free(s->currency);
	for (i = 0; i < s->ninvoices; i++) {
		free(s->invoices[i].id);
		free(s->invoices[i].due);
	}
	free(s->invoices);
	rc_jsonread_free_strings(s->history, s->nhistory);
	rc_jsonread_free_strings(s->notes, s->nnotes);
	for (i = 0; i < s->nresearch; i++) {
		free(s->research[i].id);
		free(s->research[i].source);
		free(s->research[i].text);
		rc_pattern_free_all(s->research[i].patterns, s->research[i].npatterns);
		free(s->research[i].intents);
	}
	free(s->research);
	for (i = 0; i < s->nadjustable; i++) {
		free(s->adjustable[i].id);
		free(s->adjustable[i].what);
		rc_pattern_free_all(s->adjustable[i].patterns,
		    s->adjustable[i].npatterns);
		free(s->adjustable[i].sets);
	}
	free(s->adjustable);
	free(s->reason);
	free(s->if_pushed);
	rc_jsonread_free_strings(s->na_ids, s->nna);
	rc_jsonread_free_strings(s->weight_ids, s->nweights);
	free(s->weight_values);
	for (i = 0; i < s->nvars; i++)
		free(s->vars[i].name);
	free(s->vars);
	for (i = 0; i < s->nstates; i++) {
		free(s->states[i].name);
		free(s->states[i].description);
		free(s->states[i].speaker);
		for (j = 0; j < s->states[i].nrules; j++)
			free_rule(&s->states[i].rules[j]);
		free(s->states[i].rules);
		free_replyset(&s->states[i].fallback);
	}
	free(s->states);
	for (i = 0; i < s->nglobal; i++)
		free_rule(&s->global[i]);
	free(s->global);
	for (i = 0; i < s->nbackstop; i++)
		free_rule(&s->backstop[i]);
	free(s->backstop);
	free(s->fact_ids);
	free(s->fact_amounts);
	free(s->fact_research);
	free(s->fact_research_intents);
	rc_strmap_free(s->vocab);
	free(s->base_path);
	free_replyset(&s->opening);
	free_replyset(&s->hangup);
	free_replyset(&s->pause);
	free_replyset(&s->accept);
	free_replyset(&s->accept_plan);
	free_replyset(&s->counter);
	free_replyset(&s->counter_plan);
	free_replyset(&s->reopen);
	free_replyset(&s->renegotiate);
	free_replyset(&s->refuse);
	free(s);
}

struct rc_reader *
rc_scenario_reader(const struct rc_scenario *s)
{
	struct rc_reader *rd = rc_reader_new(s->lex);

	rc_reader_facts(rd, &s->facts);
	rc_reader_vocab_map(rd, s->vocab);
	return rd;
}

int
rc_scenario_state(const struct rc_scenario *s, const char *name)
{
	uint64_t i;

	if (s->state_ids == NULL ||
	    !rc_strmap_get_num(s->state_ids, name, strlen(name), &i))
		return -1;
	return (int)i;
}

int
rc_scenario_var(const struct rc_scenario *s, const char *name)
{
	uint64_t i;

	if (s->var_ids == NULL ||
	    !rc_strmap_get_num(s->var_ids, name, strlen(name), &i))
		return -1;
	return (int)i;
}

size_t
rc_scenario_rule_count(const struct rc_scenario *s)
{
	size_t i, n = s->nglobal + s->nbackstop;

	for (i = 0; i < s->nstates; i++)
		n += s->states[i].nrules;
	return n;
}

char *
rc_scenario_find(const char *arg, const char *const *dirs)
{
	struct rc_buf b = RC_BUF_INIT;
	struct stat st;
	size_t n = strlen(arg);

	if (strchr(arg, '/') || (n > 5 && strcmp(arg + n - 5, ".json") == 0))
		return rc_xstrdup(arg);
	for (; *dirs; dirs++) {
		rc_buf_reset(&b);
		rc_buf_printf(&b, "%s/%s.json", *dirs, arg);
		if (stat(rc_buf_str(&b), &st) == 0 && S_ISREG(st.st_mode))
			return rc_buf_detach(&b);
	}
	rc_buf_free(&b);
	return NULL;
}
