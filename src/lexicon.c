/*
 * lexicon.c - loading scenarios/lang/intents.json and normalise.json.
 * Every problem is reported with its file and line:col (or JSON pointer);
 * unknown keys are errors, so a typo cannot silently switch a setting
 * off.  A pattern holding a control character is refused: in JSON "\b"
 * is a backspace, not a word boundary, and such a pattern never matches.
 */
#include "lexicon.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "cache.h"
#include "datadir.h"
#include "jsonpos.h"
#include "jsonptr.h"
#include "jsonread.h"
#include "lexcache.h"
#include "likeness.h"
#include "literal.h"
#include "strmap.h"
#include "xmalloc.h"

struct ctx {
	struct rc_jsonread r;
	struct rc_lexicon *lx;
	struct rc_strmap *ids;      /* required word -> its index */
};

/* A copy of the strings of array OBJ[KEY] (absent: none); each must be a
 * non-empty string. */
static char **
strings(struct ctx *c, const cJSON *obj, const char *ptr, const char *key,
        size_t *n)
{
	const cJSON *v = rc_jsonread_arr(&c->r, obj, ptr, key, 0), *e;
	char **out;
	char *p;
	size_t i = 0;

	*n = 0;
	if (v == NULL)
		return NULL;
	out = rc_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *out);
	p = rc_jsonread_join(ptr, key);
	cJSON_ArrayForEach(e, v) {
		if (!cJSON_IsString(e) || e->valuestring[0] == '\0') {
			char *q = rc_jsonread_join_index(p, i);
			rc_jsonread_fail(&c->r, q, "expected a non-empty string, found %s",
			    rc_jsonread_type(e));
			free(q);
		} else {
			out[(*n)++] = rc_xstrdup(e->valuestring);
		}
		i++;
	}
	free(p);
	return out;
}

/* Compiles the patterns of OBJ[KEY]; PTR names OBJ. */
static struct rc_pattern **
patterns(struct ctx *c, const cJSON *obj, const char *ptr, const char *key,
         const char *id, size_t *n)
{
	size_t ns, i;
	char **src = strings(c, obj, ptr, key, &ns);
	struct rc_pattern **out = rc_xcalloc(ns + 1, sizeof *out);
	char *base = rc_jsonread_join(ptr, key);
	char context[160];

	snprintf(context, sizeof context, "intent '%s'", id);
	*n = 0;
	for (i = 0; i < ns; i++) {
		char msg[256];
		size_t off = 0;
		char *q = rc_jsonread_join_index(base, i);

		if (rc_jsonread_pattern_ok(&c->r, q, context, src[i])) {
			if ((out[*n] = rc_pattern_new(src[i], msg, sizeof msg, &off)) != NULL)
				(*n)++;
			else
				rc_jsonread_fail(&c->r, q, "%s: pcre2 error at offset %zu: %s",
				    context, off, msg);
		}
		free(q);
	}
	free(base);
	rc_jsonread_free_strings(src, ns);
	return out;
}

/* The top-level alternatives of pattern source S ("a|b|c" -> a, b, c),
 * appended to OUT; parentheses, classes and escapes are respected. */
static void
top_branches(const char *s, char ***out, size_t *n)
{
	const char *start = s, *p;
	int depth = 0, cls = 0;

	for (p = s;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (cls) {
			if (*p == ']')
				cls = 0;
			if (*p)
				continue;
		}
		if (*p == '[') {
			cls = 1;
			if (p[1] == ']' || (p[1] == '^' && p[2] == ']'))
				p += p[1] == '^' ? 2 : 1;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			depth--;
		} else if ((*p == '|' && depth == 0) || *p == '\0') {
			*out = rc_xreallocarray(*out, *n + 1, sizeof **out);
			(*out)[*n] = rc_xmalloc((size_t)(p - start) + 1);
			memcpy((*out)[*n], start, (size_t)(p - start));
			(*out)[*n][p - start] = '\0';
			(*n)++;
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
}

/* Index of WORD in LX's required words, added when new. */
static int
required_word(struct rc_lexicon *lx, struct rc_strmap *ids, const char *word)
{
	const char *v;
	char num[16];

	if (rc_strmap_get(ids, word, strlen(word), &v))
		return atoi(v);
	snprintf(num, sizeof num, "%zu", lx->nrequired);
	rc_strmap_put(ids, word, strlen(word), num);
	lx->required = rc_xreallocarray(lx->required, lx->nrequired + 1,
	    sizeof *lx->required);
	lx->required[lx->nrequired] = rc_xstrdup(word);
	return (int)lx->nrequired++;
}

/* The patterns of OBJ[KEY] as matched: each pattern's top-level
 * alternatives compiled as patterns of their own, each with the words it
 * needs (literal.h), so a line is only tried against the alternatives
 * whose words it holds.  A pattern whose alternatives do not compile alone
 * (a back-reference across them) is matched whole; one that does not
 * compile at all is reported with its offset. */
static struct rc_branch *
branch_patterns(struct ctx *c, const cJSON *obj, const char *ptr,
                const char *key, const char *id, size_t *nsrc, size_t *nout)
{
	size_t ns, i, k, w;
	char **src = strings(c, obj, ptr, key, &ns);
	char *base = rc_jsonread_join(ptr, key);
	struct rc_branch *out = NULL;
	char context[160];

	snprintf(context, sizeof context, "intent '%s'", id);
	*nout = 0;
	*nsrc = ns;
	for (i = 0; i < ns; i++) {
		char msg[256];
		size_t off = 0, nb = 0, nsplit;
		char *q = rc_jsonread_join_index(base, i);
		char **b = NULL;
		struct rc_pattern **pv;
		int whole = 0;

		if (!rc_jsonread_pattern_ok(&c->r, q, context, src[i])) {
			free(q);
			continue;
		}
		top_branches(src[i], &b, &nb);
		nsplit = nb;
		pv = rc_xcalloc(nb + 1, sizeof *pv);
		for (k = 0; k < nb && !whole; k++)
			if ((pv[k] = rc_pattern_new(b[k], msg, sizeof msg, &off)) == NULL)
				whole = 1;
		if (whole || nb == 0) {
			for (k = 0; k < nb; k++)
				rc_pattern_free(pv[k]);
			memset(pv, 0, (nb + 1) * sizeof *pv);
			if ((pv[0] = rc_pattern_new(src[i], msg, sizeof msg, &off)) == NULL) {
				rc_jsonread_fail(&c->r, q, "intent '%s': pcre2 error at "
				    "offset %zu: %s", id, off, msg);
				nb = 0;
			} else {
				nb = 1;
			}
		}
		for (k = 0; k < nb; k++) {
			struct rc_branch *br;
			char ***req = rc_literal_required_all(rc_pattern_source(pv[k]));
			size_t j;

			out = rc_xreallocarray(out, *nout + 1, sizeof *out);
			br = &out[(*nout)++];
			memset(br, 0, sizeof *br);
			br->p = pv[k];
			for (w = 0; req && req[0][w]; w++) {
				br->words = rc_xreallocarray(br->words, br->nwords + 1,
				    sizeof *br->words);
				br->words[br->nwords++] = required_word(c->lx, c->ids,
				    req[0][w]);
			}
			for (j = 1; req && req[j]; j++) {
				size_t n = 0;

				while (req[j][n])
					n++;
				br->also = rc_xreallocarray(br->also, br->nalso + n + 1,
				    sizeof *br->also);
				br->also[br->nalso++] = (int)n;
				for (w = 0; w < n; w++)
					br->also[br->nalso++] = required_word(c->lx, c->ids,
					    req[j][w]);
			}
			rc_literal_free_all(req);
		}
		for (k = 0; k < nsplit; k++)
			free(b[k]);
		free(b);
		free(pv);
		free(q);
	}
	free(base);
	rc_jsonread_free_strings(src, ns);
	return out;
}

struct named {
	const char *name;
	int value;
};

/* The value named by the string OBJ[KEY] among NAMES, else DEF (and an
 * error listing the names when the string is none of them). */
static int
choice(struct ctx *c, const cJSON *obj, const char *ptr, const char *key,
       int required, const struct named *names, int def)
{
	char *v = rc_jsonread_str(&c->r, obj, ptr, key, required);
	struct rc_buf list = RC_BUF_INIT;
	size_t i;
	int out = def;

	if (v == NULL)
		return def;
	for (i = 0; names[i].name && strcmp(names[i].name, v) != 0; i++)
		rc_buf_printf(&list, "%s\"%s\"", i ? ", " : "", names[i].name);
	if (names[i].name != NULL) {
		out = names[i].value;
	} else {
		char *q = rc_jsonread_join(ptr, key);

		rc_jsonread_fail(&c->r, q, "expected one of %s, found \"%s\"",
		    rc_buf_str(&list), v);
		free(q);
	}
	rc_buf_free(&list);
	free(v);
	return out;
}

static void
parse_intent(struct ctx *c, const cJSON *o, const char *ptr,
             struct rc_intent *in)
{
	static const char *const keys[] = { "id", "speaker", "description",
	    "negatable", "likeness", "also", "mark", "courtesy", "patterns", "not",
	    "unless", "examples", "counter_examples", NULL };
	static const struct named sides[] = { { "trainee", RC_SIDE_TRAINEE },
	    { "debtor", RC_SIDE_DEBTOR }, { "both", RC_SIDE_BOTH }, { NULL, 0 } };
	static const struct named alsos[] = { { "case-facts", RC_ALSO_CASE },
	    { "research", RC_ALSO_RESEARCH }, { "proposal", RC_ALSO_PROPOSAL },
	    { "shouting", RC_ALSO_SHOUT }, { NULL, 0 } };
	size_t i;

	in->where = rc_xstrdup(ptr);
	if (!cJSON_IsObject(o)) {
		rc_jsonread_fail(&c->r, ptr, "expected an intent object, found %s",
		    rc_jsonread_type(o));
		in->id = rc_xstrdup("");
		return;
	}
	rc_jsonread_keys(&c->r, o, ptr, keys);
	in->id = rc_jsonread_str(&c->r, o, ptr, "id", 1);
	if (in->id == NULL)
		in->id = rc_xstrdup("");
	for (i = 0; in->id[i]; i++)
		if (!islower((unsigned char)in->id[i]) && in->id[i] != '-') {
			rc_jsonread_fail(&c->r, ptr, "intent id '%s' must be lowercase "
			    "letters and '-'", in->id);
			break;
		}
	in->description = rc_jsonread_str(&c->r, o, ptr, "description", 1);
	in->side = (enum rc_side)choice(c, o, ptr, "speaker", 1, sides,
	    RC_SIDE_TRAINEE);
	rc_jsonread_bool(&c->r, o, ptr, "negatable", &in->negatable);
	rc_jsonread_bool(&c->r, o, ptr, "mark", &in->mark);
	rc_jsonread_bool(&c->r, o, ptr, "courtesy", &in->courtesy);
	/* "likeness": true (the lexicon's threshold), false (never) or a
	 * number (this intent's own, higher, threshold). */
	in->likeness = 1;
	in->like_threshold = 0;
	{
		const cJSON *lk = rc_jsonread_member(o, "likeness");

		if (lk != NULL && cJSON_IsNumber(lk))
			in->like_threshold = lk->valuedouble;
		else
			rc_jsonread_bool(&c->r, o, ptr, "likeness", &in->likeness);
	}
	in->also = (enum rc_also)choice(c, o, ptr, "also", 0, alsos, RC_ALSO_NONE);
	if (rc_jsonread_member(o, "patterns") == NULL && in->also == RC_ALSO_NONE)
		rc_jsonread_fail(&c->r, ptr, "intent '%s' has no \"patterns\" "
		    "(and no \"also\")", in->id);
	in->branches = branch_patterns(c, o, ptr, "patterns", in->id,
	    &in->npatterns, &in->nbranches);
	in->not = patterns(c, o, ptr, "not", in->id, &in->nnot);
	/* "unless" names intents; resolved once all are read. */
	in->unless_ids = strings(c, o, ptr, "unless", &in->nunless_ids);
	in->examples = strings(c, o, ptr, "examples", &in->nexamples);
	in->counter = strings(c, o, ptr, "counter_examples", &in->ncounter);
	if (in->nexamples == 0)
		rc_jsonread_fail(&c->r, ptr, "intent '%s' has no \"examples\"", in->id);
	for (i = 0; i < in->nexamples; i++)
		rc_strmap_words(c->lx->vocab, in->examples[i]);
	for (i = 0; i < in->ncounter; i++)
		rc_strmap_words(c->lx->vocab, in->counter[i]);
}

static void
parse_intents(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "version", "intents", NULL };
	struct rc_lexicon *lx = c->lx;
	const cJSON *arr, *e;
	size_t i = 0, j;

	if (!cJSON_IsObject(root)) {
		rc_jsonread_fail(&c->r, "", "expected a JSON object at the top, found %s",
		    rc_jsonread_type(root));
		return;
	}
	rc_jsonread_keys(&c->r, root, "", keys);
	lx->version = rc_jsonread_str(&c->r, root, "", "version", 1);
	arr = rc_jsonread_arr(&c->r, root, "", "intents", 1);
	if (arr == NULL)
		return;
	if (cJSON_GetArraySize(arr) > RC_INTENT_MAX) {
		rc_jsonread_fail(&c->r, "/intents", "%d intents; at most %d are allowed",
		    cJSON_GetArraySize(arr), RC_INTENT_MAX);
		return;
	}
	lx->intents = rc_xcalloc((size_t)cJSON_GetArraySize(arr) + 1,
	    sizeof *lx->intents);
	cJSON_ArrayForEach(e, arr) {
		char *p = rc_jsonread_join_index("/intents", i++);
		struct rc_intent *in = &lx->intents[lx->nintents++];

		parse_intent(c, e, p, in);
		free(p);
		for (j = 0; j + 1 < lx->nintents; j++)
			if (in->id[0] && strcmp(lx->intents[j].id, in->id) == 0)
				rc_jsonread_fail(&c->r, in->where, "duplicate intent id '%s' "
				    "(also %s)", in->id, lx->intents[j].where);
	}
	for (i = 0; i < lx->nintents; i++) {
		struct rc_intent *in = &lx->intents[i];

		in->unless = rc_xcalloc(in->nunless_ids + 1, sizeof *in->unless);
		for (j = 0; j < in->nunless_ids; j++) {
			int k = rc_lexicon_find(lx, in->unless_ids[j]);

			if (k < 0 || (size_t)k == i) {
				char *p = rc_jsonread_join(in->where, "unless");
				char *q = rc_jsonread_join_index(p, j);
				rc_jsonread_fail(&c->r, q, k < 0 ? "unknown intent '%s'" :
				    "intent '%s' cannot exclude itself", in->unless_ids[j]);
				free(q);
				free(p);
				continue;
			}
			in->unless[in->nunless++] = k;
		}
	}
}

static char **
word_list(struct ctx *c, const cJSON *obj, const char *ptr, const char *key,
          size_t *n)
{
	char **v = strings(c, obj, ptr, key, n);
	size_t i, k;

	for (i = 0; i < *n; i++)
		for (k = 0; v[i][k]; k++)
			v[i][k] = (char)tolower((unsigned char)v[i][k]);
	return v;
}

static void
parse_normalise(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "words", "negation", "second_chance",
	    "stopwords", NULL };
	static const char *const nkeys[] = { "cues", "conditional", "breaks",
	    "reach", NULL };
	static const char *const skeys[] = { "threshold", "min_words",
	    "likeness", "likeness_near_miss", "likeness_stopwords", NULL };
	struct rc_lexicon *lx = c->lx;
	const cJSON *v, *e;
	size_t i, n;
	char **list;

	if (!cJSON_IsObject(root)) {
		rc_jsonread_fail(&c->r, "", "expected a JSON object at the top, found %s",
		    rc_jsonread_type(root));
		return;
	}
	rc_jsonread_keys(&c->r, root, "", keys);
	if ((v = rc_jsonread_obj(&c->r, root, "", "words", 1)) != NULL) {
		cJSON_ArrayForEach(e, v) {
			char *p;

			if (e->string[0] == '_')
				continue;
			if (!cJSON_IsString(e)) {
				p = rc_jsonread_join("/words", e->string);
				rc_jsonread_fail(&c->r, p, "expected a string, found %s",
				    rc_jsonread_type(e));
				free(p);
				continue;
			}
			rc_strmap_put(lx->words, e->string, strlen(e->string),
			    e->valuestring);
			rc_strmap_words(lx->vocab, e->valuestring);
		}
	}
	lx->neg_reach = 4;
	if ((v = rc_jsonread_obj(&c->r, root, "", "negation", 1)) != NULL) {
		rc_jsonread_keys(&c->r, v, "/negation", nkeys);
		lx->neg_cues = word_list(c, v, "/negation", "cues", &lx->nneg);
		lx->cond_cues = word_list(c, v, "/negation", "conditional", &lx->ncond);
		lx->breaks = word_list(c, v, "/negation", "breaks", &lx->nbreaks);
		rc_jsonread_int(&c->r, v, "/negation", "reach", 0, 1, 12, &lx->neg_reach);
	}
	lx->similar_threshold = 1.1;    /* off unless set */
	lx->like_threshold = HUGE_VAL;
	lx->like_near = 1;
	lx->similar_min_words = 2;
	if ((v = rc_jsonread_obj(&c->r, root, "", "second_chance", 0)) != NULL) {
		rc_jsonread_keys(&c->r, v, "/second_chance", skeys);
		rc_jsonread_num(&c->r, v, "/second_chance", "threshold", 1, 0, 1.1,
		    &lx->similar_threshold);
		rc_jsonread_int(&c->r, v, "/second_chance", "min_words", 0, 1, 20,
		    &lx->similar_min_words);
		rc_jsonread_num(&c->r, v, "/second_chance", "likeness", 0, 0, 1000,
		    &lx->like_threshold);
		rc_jsonread_int(&c->r, v, "/second_chance", "likeness_near_miss", 0, 1,
		    1000, &lx->like_near);
		lx->like_stop = word_list(c, v, "/second_chance",
		    "likeness_stopwords", &lx->nlike_stop);
	}
	list = word_list(c, root, "", "stopwords", &n);
	for (i = 0; i < n; i++)
		rc_strmap_put(lx->stopwords, list[i], strlen(list[i]), NULL);
	rc_jsonread_free_strings(list, n);
}

/* Reads and parses FILE with PARSE; errors name FILE with line:col. */
static void
load_file(struct rc_lexicon *lx, const char *file,
          void (*parse)(struct ctx *, const cJSON *), struct rc_err *err)
{
	struct ctx c;
	size_t len = 0;
	char *text = rc_file_read(file, &len, err);
	cJSON *root;

	if (text == NULL)
		return;
	root = rc_json_parse(file, text, len, err);
	if (root != NULL) {
		memset(&c, 0, sizeof c);
		c.r.name = file;
		c.r.err = err;
		c.r.text = text;
		c.r.len = len;
		c.lx = lx;
		c.ids = rc_strmap_new();
		parse(&c, root);
		rc_strmap_free(c.ids);
		rc_jsonptr_free(c.r.idx);
		cJSON_Delete(root);
	}
	free(text);
}

/* Numbers every branch and lists, for each required word, the branches
 * that need it: a line's words then name its candidate branches. */
static void
index_branches(struct rc_lexicon *lx)
{
	size_t i, j, w, *count;

	count = rc_xcalloc(lx->nrequired + 1, sizeof *count);
	lx->nbranches = 0;
	for (i = 0; i < lx->nintents; i++)
		lx->nbranches += lx->intents[i].nbranches;
	lx->always = rc_xcalloc((lx->nbranches + 63) / 64 + 1, sizeof *lx->always);
	lx->nbranches = 0;
	for (i = 0; i < lx->nintents; i++)
		for (j = 0; j < lx->intents[i].nbranches; j++) {
			struct rc_branch *br = &lx->intents[i].branches[j];

			br->index = lx->nbranches++;
			if (br->nwords == 0)
				lx->always[br->index / 64] |= (uint64_t)1 << (br->index % 64);
			for (w = 0; w < br->nwords; w++)
				count[br->words[w]]++;
		}
	lx->word_branches = rc_xcalloc(lx->nrequired + 1, sizeof *lx->word_branches);
	for (w = 0; w < lx->nrequired; w++) {
		lx->word_branches[w] = rc_xmalloc((count[w] + 1) * sizeof **lx->word_branches);
		lx->word_branches[w][0] = (size_t)-1;
		count[w] = 0;
	}
	for (i = 0; i < lx->nintents; i++)
		for (j = 0; j < lx->intents[i].nbranches; j++) {
			const struct rc_branch *br = &lx->intents[i].branches[j];

			for (w = 0; w < br->nwords; w++) {
				size_t k = (size_t)br->words[w];

				lx->word_branches[k][count[k]++] = br->index;
				lx->word_branches[k][count[k]] = (size_t)-1;
			}
		}
	free(count);
}

/* What is built from the rest rather than read: the automaton of
 * required words and each word's branches. */
static void
finish(struct rc_lexicon *lx)
{
	lx->ac = rc_ac_new(lx->required, lx->nrequired);
	index_branches(lx);
}

struct rc_lexicon *
rc_lexicon_load(const char *dir, struct rc_err *err)
{
	struct rc_lexicon *lx = rc_xcalloc(1, sizeof *lx);
	struct rc_buf b = RC_BUF_INIT;
	size_t before = err->nerrors;

	lx->dir = rc_xstrdup(dir);
	lx->words = rc_strmap_new();
	lx->stopwords = rc_strmap_new();
	lx->vocab = rc_strmap_new();
	rc_buf_printf(&b, "%s/intents.json", dir);
	lx->path = rc_buf_detach(&b);
	rc_buf_printf(&b, "%s/normalise.json", dir);
	lx->norm_path = rc_buf_detach(&b);
	load_file(lx, lx->norm_path, parse_normalise, err);
	load_file(lx, lx->path, parse_intents, err);
	finish(lx);
	if (err->nerrors > before) {
		rc_lexicon_free(lx);
		return NULL;
	}
	return lx;
}

/* Frees string S of LX unless it lives in LX's pool. */
static void
lx_free(const struct rc_lexicon *lx, char *s)
{
	if (lx->pool == NULL || s < lx->pool || s >= lx->pool + lx->npool)
		free(s);
}

static void
lx_free_strings(const struct rc_lexicon *lx, char **v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		lx_free(lx, v[i]);
	free(v);
}

void
rc_lexicon_free(struct rc_lexicon *lx)
{
	size_t i, j;

	if (lx == NULL)
		return;
	for (i = 0; i < lx->nintents; i++) {
		struct rc_intent *in = &lx->intents[i];

		lx_free(lx, in->id);
		lx_free(lx, in->description);
		lx_free(lx, in->where);
		for (j = 0; j < in->nbranches; j++) {
			rc_pattern_free(in->branches[j].p);
			free(in->branches[j].words);
			free(in->branches[j].also);
		}
		free(in->branches);
		rc_pattern_free_all(in->not, in->nnot);
		free(in->unless);
		lx_free_strings(lx, in->unless_ids, in->nunless_ids);
		lx_free_strings(lx, in->examples, in->nexamples);
		lx_free_strings(lx, in->counter, in->ncounter);
	}
	free(lx->intents);
	rc_strmap_free(lx->words);
	rc_strmap_free(lx->stopwords);
	rc_strmap_free(lx->vocab);
	rc_speller_free(lx->speller);
	rc_likeness_free(lx->likeness);
	rc_bags_free(lx->bags);
	rc_ac_free(lx->ac);
	for (i = 0; lx->word_branches && i < lx->nrequired; i++)
		free(lx->word_branches[i]);
	free(lx->word_branches);
	free(lx->always);
	lx_free_strings(lx, lx->required, lx->nrequired);
	lx_free_strings(lx, lx->neg_cues, lx->nneg);
	lx_free_strings(lx, lx->cond_cues, lx->ncond);
	lx_free_strings(lx, lx->breaks, lx->nbreaks);
	lx_free_strings(lx, lx->like_stop, lx->nlike_stop);
	lx_free(lx, lx->version);
	free(lx->pool);
	free(lx->dir);
	free(lx->path);
	free(lx->norm_path);
	free(lx);
}

void
rc_bags_free(struct rc_bags *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++)
		free(b->v[i].h);
	free(b->v);
	free(b);
}

int
rc_lexicon_find(const struct rc_lexicon *lx, const char *id)
{
	size_t i;

	for (i = 0; lx != NULL && i < lx->nintents; i++)
		if (strcmp(lx->intents[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int
has_intents(const char *dir)
{
	struct rc_buf b = RC_BUF_INIT;
	FILE *f;

	rc_buf_printf(&b, "%s/intents.json", dir);
	f = fopen(rc_buf_str(&b), "r");
	rc_buf_free(&b);
	if (f != NULL)
		fclose(f);
	return f != NULL;
}

/* The first standard lang directory (datadir.h) with an intents.json;
 * when none has one, the last, so that the message names where it was
 * expected. */
static char *
first_with_intents(void)
{
	char **dirs = rc_datadir_path("scenarios/lang");
	char *found = NULL;
	size_t i;

	for (i = 0; dirs[i] && found == NULL; i++)
		if (has_intents(dirs[i]) || dirs[i + 1] == NULL)
			found = rc_xstrdup(dirs[i]);
	rc_datadir_free(dirs);
	return found != NULL ? found : rc_xstrdup("lang");
}

char *
rc_lexicon_locate(const char *near)
{
	const char *env = getenv("RECOUP_LANG");
	struct rc_buf b = RC_BUF_INIT;
	const char *slash;

	if (env && *env)
		return rc_xstrdup(env);
	if (near != NULL) {
		slash = strrchr(near, '/');
		if (slash != NULL)
			rc_buf_add(&b, near, (size_t)(slash - near));
		else
			rc_buf_puts(&b, ".");
		rc_buf_puts(&b, "/lang");
		if (has_intents(rc_buf_str(&b)))
			return rc_buf_detach(&b);
		rc_buf_free(&b);
	}
	return first_with_intents();
}

/* Lexicons already loaded, one per directory, kept until exit: scenarios
 * and rubrics point into them. */
struct cached {
	struct rc_lexicon *lx;
	dev_t dev;              /* the directory's identity: "scenarios/lang" */
	ino_t ino;              /* and "build/../scenarios/lang" are one */
	struct rc_lexcache_key key;   /* of the files as they were read */
	int keyed;                    /* KEY is set: the cache may be used */
	struct cached *next;
};
static struct cached *cache;

static void
free_cache(void)
{
	while (cache != NULL) {
		struct cached *n = cache->next;

		rc_lexicon_free(cache->lx);
		free(cache);
		cache = n;
	}
}

const struct rc_lexicon *
rc_lexicon_shared(const char *dir, struct rc_err *err)
{
	struct cached *c;
	struct stat st;
	int known = stat(dir, &st) == 0;

	for (c = cache; c != NULL; c = c->next)
		if (known ? c->dev == st.st_dev && c->ino == st.st_ino :
		    strcmp(c->lx->dir, dir) == 0)
			return c->lx;
	c = rc_xcalloc(1, sizeof *c);
	if (known) {
		c->dev = st.st_dev;
		c->ino = st.st_ino;
	}
	/* The key is taken before the files are read: should one change
	 * meanwhile, the cache written is keyed to the old file and ignored. */
	c->keyed = rc_cache_enabled() && rc_lexcache_key(dir, &c->key);
	if (c->keyed && (c->lx = rc_lexcache_read(dir, &c->key)) != NULL) {
		finish(c->lx);
	} else if ((c->lx = rc_lexicon_load(dir, err)) == NULL) {
		free(c);
		return NULL;
	} else {
		c->lx->cache_dirty = c->keyed;
	}
	if (cache == NULL)
		atexit(free_cache);
	c->next = cache;
	cache = c;
	return c->lx;
}

void
rc_lexicon_cache_save(void)
{
	struct cached *c;

	for (c = cache; c != NULL; c = c->next)
		if (c->keyed && c->lx->cache_dirty && rc_cache_enabled()) {
			c->lx->cache_dirty = 0;
			(void)rc_lexcache_write(c->lx, &c->key);
		}
}
