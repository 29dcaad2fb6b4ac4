/*
 * compliance.c - loading scoring/compliance.json (compliance.h).
 *
 * Like the scenario loader it reports every problem in one pass, each
 * with the line and column of the offending value and its JSON pointer:
 * unknown keys (a typo such as "critcal" must not silently make a rule
 * harmless), missing or empty texts, unknown jurisdictions or kinds,
 * duplicate ids, and rules that recoup has no detector for.  Every rule
 * recoup can judge must be in the file: a detector whose rule is missing
 * is an error too, so the docs and the card never lose a rule unseen.
 */
#include "compliance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "file.h"
#include "jsonpos.h"
#include "jsonptr.h"
#include "jsonread.h"
#include "xmalloc.h"

/* Reads OBJ[KEY], an array of names each one of NAMES (index = bit), into
 * a bit set; a missing key is every name. */
static unsigned
name_set(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
         const char *key, const char *(*name)(int), int count)
{
	const cJSON *a = rc_jsonread_arr(r, obj, ptr, key, 0), *e;
	unsigned set = 0;
	size_t i = 0;
	char *p;

	if (a == NULL)
		return (1u << count) - 1;
	p = rc_jsonread_join(ptr, key);
	if (cJSON_GetArraySize(a) == 0)
		rc_jsonread_fail(r, p, "names nothing: leave it out to mean all");
	cJSON_ArrayForEach(e, a) {
		char *q = rc_jsonread_join_index(p, i++);
		int k;

		if (!cJSON_IsString(e)) {
			rc_jsonread_fail(r, q, "expected a string, found %s",
			    rc_jsonread_type(e));
			free(q);
			continue;
		}
		for (k = 0; k < count && strcmp(name(k), e->valuestring); k++)
			;
		if (k == count) {
			char all[128];
			size_t n = 0;
			int j;

			all[0] = '\0';
			for (j = 0; j < count && n < sizeof all; j++)
				n += (size_t)snprintf(all + n, sizeof all - n,
				    "%s\"%s\"", j == 0 ? "" : j == count - 1 ?
				    " or " : ", ", name(j));
			rc_jsonread_fail(r, q, "expected %s, found \"%s\"", all,
			    e->valuestring);
		} else {
			set |= 1u << k;
		}
		free(q);
	}
	free(p);
	return set;
}

static const char *
jur_name(int k)
{
	return rc_legal_jurisdiction_name((enum rc_jurisdiction)k);
}

static const char *
debt_name(int k)
{
	return rc_legal_debt_name((enum rc_debt_kind)k);
}

static const char *
collector_name(int k)
{
	return rc_legal_collector_name((enum rc_collector_kind)k);
}

static void
read_rule(struct rc_jsonread *r, const cJSON *o, const char *p,
          struct rc_compliance_rule *x)
{
	static const char *const keys[] = { "id", "law", "section", "title",
	    "statement", "tip", "critical", "applies", NULL };
	static const char *const akeys[] = { "jurisdiction", "debt",
	    "collector", NULL };
	const cJSON *a;
	char *ap;

	rc_jsonread_keys(r, o, p, keys);
	x->id = rc_jsonread_str(r, o, p, "id", 1);
	x->law = rc_jsonread_str(r, o, p, "law", 1);
	x->section = rc_jsonread_str(r, o, p, "section", 1);
	x->title = rc_jsonread_str(r, o, p, "title", 1);
	x->statement = rc_jsonread_str(r, o, p, "statement", 1);
	x->tip = rc_jsonread_str(r, o, p, "tip", 1);
	if (rc_jsonread_member(o, "critical") == NULL)
		rc_jsonread_fail(r, p, "missing required key 'critical'");
	rc_jsonread_bool(r, o, p, "critical", &x->critical);
	a = rc_jsonread_obj(r, o, p, "applies", 1);
	x->jurisdictions = x->debts = x->collectors = 0;
	if (a == NULL)
		return;
	ap = rc_jsonread_join(p, "applies");
	rc_jsonread_keys(r, a, ap, akeys);
	if (rc_jsonread_member(a, "jurisdiction") == NULL)
		rc_jsonread_fail(r, ap, "missing required key 'jurisdiction'");
	else
		x->jurisdictions = name_set(r, a, ap, "jurisdiction", jur_name, 3);
	x->debts = name_set(r, a, ap, "debt", debt_name, 2);
	x->collectors = name_set(r, a, ap, "collector", collector_name, 2);
	free(ap);
	if (x->id)
		x->need = rc_compliance_id_need(x->id);
}

static int
known(const char *id)
{
	size_t i;

	for (i = 0; rc_compliance_ids[i] != NULL; i++)
		if (strcmp(rc_compliance_ids[i], id) == 0)
			return 1;
	return 0;
}

struct rc_compliance *
rc_compliance_parse(const char *name, const char *text, size_t len,
                    struct rc_err *err)
{
	static const char *const keys[] = { "version", "rules", NULL };
	struct rc_jsonread r;
	struct rc_compliance *c;
	const cJSON *rules, *e;
	cJSON *root;
	size_t before = err->nerrors, i = 0, j;

	root = rc_json_parse(name, text, len, err);
	if (root == NULL)
		return NULL;
	memset(&r, 0, sizeof r);
	r.name = name;
	r.err = err;
	r.idx = rc_jsonptr_index(text, len);
	c = rc_xcalloc(1, sizeof *c);
	c->path = rc_xstrdup(name);
	if (!cJSON_IsObject(root)) {
		rc_jsonread_fail(&r, "", "expected a JSON object at the top, "
		    "found %s", rc_jsonread_type(root));
		goto done;
	}
	rc_jsonread_keys(&r, root, "", keys);
	c->version = rc_jsonread_str(&r, root, "", "version", 1);
	rules = rc_jsonread_arr(&r, root, "", "rules", 1);
	if (rules == NULL)
		goto done;
	c->rules = rc_xcalloc((size_t)cJSON_GetArraySize(rules) + 1,
	    sizeof *c->rules);
	cJSON_ArrayForEach(e, rules) {
		char *p = rc_jsonread_join_index("/rules", i++);
		struct rc_compliance_rule *x = &c->rules[c->nrules];

		if (!cJSON_IsObject(e)) {
			rc_jsonread_fail(&r, p, "expected a rule object, found %s",
			    rc_jsonread_type(e));
			free(p);
			continue;
		}
		read_rule(&r, e, p, x);
		if (x->id != NULL) {
			char *q = rc_jsonread_join(p, "id");

			if (!known(x->id))
				rc_jsonread_fail(&r, q, "unknown rule '%s': recoup has "
				    "no detector for it", x->id);
			for (j = 0; j < c->nrules; j++)
				if (c->rules[j].id && strcmp(c->rules[j].id, x->id) == 0)
					rc_jsonread_fail(&r, q, "rule '%s' is defined twice",
					    x->id);
			free(q);
		}
		c->nrules++;
		free(p);
	}
	for (i = 0; rc_compliance_ids[i] != NULL; i++)
		if (rc_compliance_find(c, rc_compliance_ids[i]) == NULL)
			rc_jsonread_fail(&r, "/rules", "rule '%s' is missing: every "
			    "rule recoup judges must be described here",
			    rc_compliance_ids[i]);
done:
	rc_jsonptr_free(r.idx);
	cJSON_Delete(root);
	if (err->nerrors > before) {
		rc_compliance_free(c);
		return NULL;
	}
	return c;
}

struct rc_compliance *
rc_compliance_load(const char *path, struct rc_err *err)
{
	size_t len = 0;
	char *text = rc_file_read(path, &len, err);
	struct rc_compliance *c;

	if (text == NULL)
		return NULL;
	c = rc_compliance_parse(path, text, len, err);
	free(text);
	return c;
}

void
rc_compliance_free(struct rc_compliance *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nrules; i++) {
		struct rc_compliance_rule *x = &c->rules[i];

		free(x->id); free(x->law); free(x->section); free(x->title);
		free(x->statement); free(x->tip);
	}
	free(c->rules);
	free(c->version);
	free(c->path);
	free(c);
}

const struct rc_compliance_rule *
rc_compliance_find(const struct rc_compliance *c, const char *id)
{
	size_t i;

	for (i = 0; c != NULL && i < c->nrules; i++)
		if (c->rules[i].id && strcmp(c->rules[i].id, id) == 0)
			return &c->rules[i];
	return NULL;
}

int
rc_compliance_applies(const struct rc_compliance_rule *r,
                      const struct rc_legal *l)
{
	if (l == NULL || !l->set)
		return 0;
	return (r->jurisdictions >> l->jurisdiction & 1u) &&
	    (r->debts >> l->debt & 1u) && (r->collectors >> l->collector & 1u);
}
