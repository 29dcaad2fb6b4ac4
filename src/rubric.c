/*
 * rubric.c - loading scoring/rubric.json and resolving the scorer's
 * signals to intents of the shared lexicon.  The
 * twenty practice ids are fixed by the spec: the file must list exactly
 * those, numbered 1 to 20, so a typo cannot silently drop a practice.
 * Every problem is reported, with the JSON pointer of the value.
 */
#include "rubric.h"

#include <math.h>
#include <sys/stat.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "jsonpos.h"
#include "jsonptr.h"
#include "jsonread.h"
#include "xmalloc.h"

const char *const rc_practice_ids[RC_PRACTICES] = {
	"every-interaction-negotiation", "start-with-reminder",
	"accurate-information", "do-research", "polite-professional",
	"remain-calm", "treat-as-equals", "be-realistic", "clear-message",
	"concrete-minimum", "find-the-reason", "ask-for-comments",
	"require-counter-offer", "no-immediate-counter", "good-faith-gesture",
	"dont-force-the-issue", "confirm-in-writing", "explain-ramifications",
	"follow-up-letters", "hold-to-the-deal",
};

const char *const rc_signal_names[RC_SIG_COUNT] = {
	"identify-self", "courtesy|thanks|apology|good-time", "profanity", "insult", "condescend",
	"sarcasm", "threat", "ask-reason", "ask-solution", "ask-offer",
	"ask-good-faith", "confirm-writing", "consequence", "promise-reminders",
	"schedule-follow-up", "verify-party", "confirm-unpaid", "ask-proof",
	"acknowledge", "empathy", "recap", "give-options", "state-minimum",
	"accept", "think", "deadline", "consequence", "waive", "full-balance",
	"remind-debt", "goodbye", "payment-talk", "use-research", "mention-debt",
	"command",
	"mini-miranda", "offer-verification", "signpost-advice", "legal-action",
	"harass",
	"inability", "give-reason", "offer|stall", "agree", "hostile",
	"dispute|already-paid|not-received",
	"hang-up", "confirm-identity", "not-debtor", "assent", "has-attorney",
};

static char *
str(const cJSON *o, const char *key, const char *name, const char *ptr,
    struct rc_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
		rc_err_add(err, RC_ERROR, "%s: %s/%s: expected a non-empty string",
		    name, ptr, key);
		return rc_xstrdup("");
	}
	return rc_xstrdup(v->valuestring);
}

static void
load_practice(struct rc_practice_def *p, const cJSON *o, const char *name,
              const char *ptr, int extended, struct rc_err *err)
{
	const cJSON *v, *s, *e;

	memset(p, 0, sizeof *p);
	if (!cJSON_IsObject(o)) {
		rc_err_add(err, RC_ERROR, "%s: %s: expected an object", name, ptr);
		p->id = rc_xstrdup("");
		p->title = rc_xstrdup("");
		p->description = rc_xstrdup("");
		p->tip = rc_xstrdup("");
		return;
	}
	p->id = str(o, "id", name, ptr, err);
	p->title = str(o, "title", name, ptr, err);
	p->description = str(o, "description", name, ptr, err);
	p->tip = str(o, "tip", name, ptr, err);
	p->weight = 1;
	v = cJSON_GetObjectItemCaseSensitive(o, "weight");
	if (v != NULL) {
		if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 10)
			rc_err_add(err, RC_ERROR, "%s: %s/weight: expected a number 0..10",
			    name, ptr);
		else
			p->weight = v->valuedouble;
	}
	if (!extended) {
		v = cJSON_GetObjectItemCaseSensitive(o, "number");
		if (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > RC_PRACTICES)
			rc_err_add(err, RC_ERROR, "%s: %s/number: expected 1..%d", name, ptr,
			    RC_PRACTICES);
		else
			p->number = (int)v->valuedouble;
	}
	s = cJSON_GetObjectItemCaseSensitive(o, "settings");
	if (s != NULL && !cJSON_IsObject(s)) {
		rc_err_add(err, RC_ERROR, "%s: %s/settings: expected an object", name, ptr);
		return;
	}
	if (s == NULL)
		return;
	p->setting_keys = rc_xcalloc((size_t)cJSON_GetArraySize(s) + 1, sizeof(char *));
	p->setting_values = rc_xcalloc((size_t)cJSON_GetArraySize(s) + 1, sizeof(double));
	cJSON_ArrayForEach(e, s) {
		if (!cJSON_IsNumber(e)) {
			rc_err_add(err, RC_ERROR, "%s: %s/settings/%s: expected a number",
			    name, ptr, e->string);
			continue;
		}
		p->setting_keys[p->nsettings] = rc_xstrdup(e->string);
		p->setting_values[p->nsettings++] = e->valuedouble;
	}
}

static cJSON *
read_json(const char *path, struct rc_err *err)
{
	size_t len = 0;
	char *text = rc_file_read(path, &len, err);
	cJSON *root;

	if (text == NULL)
		return NULL;
	root = rc_json_parse(path, text, len, err);
	free(text);
	return root;
}

/* Resolves every signal to its intent in the shared lexicon. */
static void
load_lexicon(struct rc_rubric *r, struct rc_err *err)
{
	char *dir = rc_lexicon_locate(NULL);
	int i;

	r->lex = rc_lexicon_shared(dir, err);
	free(dir);
	if (r->lex == NULL)
		return;
	for (i = 0; i < RC_SIG_COUNT; i++) {
		int side = i < RC_SIG_COLLECTOR_COUNT ? RC_SIDE_TRAINEE : RC_SIDE_DEBTOR;
		const char *p = rc_signal_names[i];
		int k = 0;

		while (*p && k < RC_SIG_INTENTS - 1) {
			char id[64];
			size_t n = strcspn(p, "|");
			int x;

			snprintf(id, sizeof id, "%.*s", (int)n, p);
			p += n + (p[n] == '|');
			x = rc_lexicon_find(r->lex, id);
			if (x < 0)
				rc_err_add(err, RC_ERROR, "%s: the scorer needs intent '%s', "
				    "which is not there", r->lex->path, id);
			else if (!(r->lex->intents[x].side & side))
				rc_err_add(err, RC_ERROR, "%s: the scorer reads intent '%s' "
				    "from the %s's lines, but it is not read from them",
				    r->lex->path, id, side == RC_SIDE_DEBTOR ? "debtor" :
				    "trainee");
			else
				r->sig[i][k++] = x;
		}
		r->sig[i][k] = -1;
	}
	r->reader = rc_reader_new(r->lex);
	/* The scorecard must be as sure as a careful reviewer: it counts what
	 * patterns and facts read, not what likeness guesses. */
	rc_reader_likeness(r->reader, RC_LIKENESS_OFF);
}

/* Unknown keys are errors, with their line and column: a typo such as
 * "wieght" must not silently leave a practice at the default weight. */
static void
check_keys(const char *name, const cJSON *root, struct rc_err *err)
{
	static const char *const top[] = { "version", "pass_mark", "weights",
	    "practices", "extended", "outcome", "coaching", "critical", NULL };
	static const char *const crkeys[] = { "id", "title", "evidence", "tip",
	    "intents", "disclosure", NULL };
	static const char *const wkeys[] = { "practice", "outcome", NULL };
	static const char *const ckeys[] = { "hint_order", "live_faults",
	    "conduct", "after_deal", "any_time", "once", NULL };
	static const char *const pkeys[] = { "id", "number", "title",
	    "description", "tip", "weight", "settings", NULL };
	static const char *const lists[] = { "practices", "extended" };
	struct rc_jsonread r;
	size_t len = 0, i, k;
	char *text = rc_file_read(name, &len, err);
	const cJSON *v, *e;

	if (text == NULL)
		return;
	memset(&r, 0, sizeof r);
	r.name = name;
	r.err = err;
	r.text = text;
	r.len = len;
	rc_jsonread_keys(&r, root, "", top);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "weights")) && cJSON_IsObject(v))
		rc_jsonread_keys(&r, v, "/weights", wkeys);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "coaching")) && cJSON_IsObject(v))
		rc_jsonread_keys(&r, v, "/coaching", ckeys);
	for (k = 0; k < 2; k++) {
		v = cJSON_GetObjectItemCaseSensitive(root, lists[k]);
		i = 0;
		cJSON_ArrayForEach(e, v) {
			char ptr[64];

			snprintf(ptr, sizeof ptr, "/%s/%zu", lists[k], i++);
			if (cJSON_IsObject(e))
				rc_jsonread_keys(&r, e, ptr, pkeys);
		}
	}
	i = 0;
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(root, "critical")) {
		char ptr[64];

		snprintf(ptr, sizeof ptr, "/critical/%zu", i++);
		if (cJSON_IsObject(e))
			rc_jsonread_keys(&r, e, ptr, crkeys);
	}
	rc_jsonptr_free(r.idx);
	free(text);
}

static const struct {
	const char *key;
	size_t off;
	double def, lo, hi;
} outcome_fields[] = {
#define F(k, f, d, lo, hi) { k, offsetof(struct rc_outcome_model, f), d, lo, hi }
	F("recovery_weight", w_recovery, 0.6, 0, 1),
	F("speed_weight", w_speed, 0.15, 0, 1),
	F("goodwill_weight", w_goodwill, 0.25, 0, 1),
	F("goodwill_base", goodwill_base, 50, 0, 100),
	F("goodwill_per_mood", goodwill_per_mood, 12.5, 0, 100),
	F("goodwill_unknown", goodwill_unknown, 60, 0, 100),
	F("goodwill_per_hostile_line", goodwill_per_hostile, 15, 0, 100),
	F("goodwill_after_hangup", goodwill_hangup_cap, 15, 0, 100),
	F("unaffordable_success", unaffordable_success, 0.6, 0, 1),
	F("achievable_months", achievable_months, 12, 0, 120),
	F("follow_up_recovery", followup_recovery, 0.3, 0, 1),
	F("speed_paid_now", speed_now, 1, 0, 1),
	F("speed_within_90_days", speed_quarter, 0.8, 0, 1),
	F("speed_within_a_year", speed_year, 0.5, 0, 1),
	F("speed_later", speed_later, 0.3, 0, 1),
	F("speed_never_in_full", speed_never, 0.2, 0, 1),
#undef F
};

/* "outcome": the outcome model's numbers, each optional. */
static void
load_outcome(struct rc_rubric *r, const cJSON *root, const char *name,
             struct rc_err *err)
{
	const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "outcome"), *e;
	size_t i;

	for (i = 0; i < sizeof outcome_fields / sizeof *outcome_fields; i++)
		*(double *)((char *)&r->outcome + outcome_fields[i].off) =
		    outcome_fields[i].def;
	if (o == NULL)
		return;
	if (!cJSON_IsObject(o)) {
		rc_err_add(err, RC_ERROR, "%s: /outcome: expected an object", name);
		return;
	}
	cJSON_ArrayForEach(e, o) {
		for (i = 0; i < sizeof outcome_fields / sizeof *outcome_fields; i++)
			if (strcmp(outcome_fields[i].key, e->string) == 0)
				break;
		if (i == sizeof outcome_fields / sizeof *outcome_fields) {
			if (e->string[0] != '_')
				rc_err_add(err, RC_ERROR, "%s: /outcome/%s: unknown key '%s'",
				    name, e->string, e->string);
			continue;
		}
		if (!cJSON_IsNumber(e) || e->valuedouble < outcome_fields[i].lo ||
		    e->valuedouble > outcome_fields[i].hi) {
			rc_err_add(err, RC_ERROR, "%s: /outcome/%s: expected a number %g..%g",
			    name, e->string, outcome_fields[i].lo, outcome_fields[i].hi);
			continue;
		}
		*(double *)((char *)&r->outcome + outcome_fields[i].off) = e->valuedouble;
	}
	if (fabs(r->outcome.w_recovery + r->outcome.w_speed + r->outcome.w_goodwill - 1) > 1e-6)
		rc_err_add(err, RC_ERROR, "%s: /outcome: recovery_weight, speed_weight and "
		    "goodwill_weight must add up to 1", name);
}

/* A list of practice ids at "coaching"/KEY into V (practice numbers). */
static size_t
coaching_list(const cJSON *c, const char *key, int *v, const char *name,
              struct rc_err *err)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(c, key), *e;
	size_t n = 0, i = 0;

	if (a == NULL)
		return 0;
	if (!cJSON_IsArray(a)) {
		rc_err_add(err, RC_ERROR, "%s: /coaching/%s: expected an array of "
		    "practice ids", name, key);
		return 0;
	}
	cJSON_ArrayForEach(e, a) {
		int num = cJSON_IsString(e) ? rc_practice_number(e->valuestring,
		    strlen(e->valuestring)) : 0;

		if (num == 0)
			rc_err_add(err, RC_ERROR, "%s: /coaching/%s/%zu: expected one of "
			    "the twenty practice ids", name, key, i);
		else if (n < RC_PRACTICES)
			v[n++] = num;
		i++;
	}
	return n;
}

static void
load_coaching(struct rc_rubric *r, const cJSON *root, const char *name,
              struct rc_err *err)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(root, "coaching");

	if (c == NULL)
		return;
	if (!cJSON_IsObject(c)) {
		rc_err_add(err, RC_ERROR, "%s: /coaching: expected an object", name);
		return;
	}
	r->coaching.nhint = coaching_list(c, "hint_order", r->coaching.hint_order,
	    name, err);
	r->coaching.nfaults = coaching_list(c, "live_faults", r->coaching.faults,
	    name, err);
	r->coaching.nconduct = coaching_list(c, "conduct", r->coaching.conduct,
	    name, err);
	r->coaching.nafter_deal = coaching_list(c, "after_deal",
	    r->coaching.after_deal, name, err);
	r->coaching.nany_time = coaching_list(c, "any_time", r->coaching.any_time,
	    name, err);
	r->coaching.nonce = coaching_list(c, "once", r->coaching.once, name, err);
}

/* The signal that is intent ID alone, or -1: a critical failure is read
 * from the signals every collector line already carries. */
static int
signal_of(const char *id)
{
	int i;

	for (i = 0; i < RC_SIG_COLLECTOR_COUNT; i++)
		if (strcmp(rc_signal_names[i], id) == 0)
			return i;
	return -1;
}

static void
load_criticals(struct rc_rubric *r, const cJSON *root, const char *name,
               struct rc_err *err)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "critical"), *o;
	size_t i, j;

	if (arr == NULL)
		return;
	if (!cJSON_IsArray(arr)) {
		rc_err_add(err, RC_ERROR, "%s: /critical: expected an array", name);
		return;
	}
	r->criticals = rc_xcalloc((size_t)cJSON_GetArraySize(arr) + 1,
	    sizeof *r->criticals);
	i = 0;
	cJSON_ArrayForEach(o, arr) {
		struct rc_critical_def *cr = &r->criticals[r->ncriticals++];
		const cJSON *v, *e;
		char ptr[64];
		int k = 0;

		snprintf(ptr, sizeof ptr, "/critical/%zu", i++);
		cr->signals[0] = -1;
		if (!cJSON_IsObject(o)) {
			rc_err_add(err, RC_ERROR, "%s: %s: expected an object", name, ptr);
			cr->id = rc_xstrdup("");
			cr->title = rc_xstrdup("");
			cr->evidence = rc_xstrdup("");
			cr->tip = rc_xstrdup("");
			continue;
		}
		cr->id = str(o, "id", name, ptr, err);
		cr->title = str(o, "title", name, ptr, err);
		cr->evidence = str(o, "evidence", name, ptr, err);
		cr->tip = str(o, "tip", name, ptr, err);
		for (j = 0; j + 1 < r->ncriticals; j++)
			if (strcmp(r->criticals[j].id, cr->id) == 0)
				rc_err_add(err, RC_ERROR, "%s: %s/id: critical failure '%s' "
				    "listed twice", name, ptr, cr->id);
		v = cJSON_GetObjectItemCaseSensitive(o, "disclosure");
		if (v != NULL && !cJSON_IsBool(v))
			rc_err_add(err, RC_ERROR, "%s: %s/disclosure: expected true or "
			    "false", name, ptr);
		cr->disclosure = cJSON_IsTrue(v);
		v = cJSON_GetObjectItemCaseSensitive(o, "intents");
		if (v != NULL && !cJSON_IsArray(v))
			rc_err_add(err, RC_ERROR, "%s: %s/intents: expected an array of "
			    "intent ids", name, ptr);
		cJSON_ArrayForEach(e, v) {
			int s = cJSON_IsString(e) ? signal_of(e->valuestring) : -1;

			if (s < 0)
				rc_err_add(err, RC_ERROR, "%s: %s/intents/%d: '%s' is not an "
				    "intent the scorer reads from collector lines", name, ptr,
				    k, cJSON_IsString(e) ? e->valuestring : "?");
			else if (k < RC_CRITICAL_SIGNALS - 1)
				cr->signals[k++] = s;
			else
				rc_err_add(err, RC_ERROR, "%s: %s/intents: at most %d intents",
				    name, ptr, RC_CRITICAL_SIGNALS - 1);
		}
		cr->signals[k] = -1;
		if (k == 0 && !cr->disclosure)
			rc_err_add(err, RC_ERROR, "%s: %s: a critical failure needs "
			    "\"intents\" or \"disclosure\": true", name, ptr);
	}
}

/* DIR/compliance.json, when there is one: a rubric directory without it
 * (an old install, a test's own rubric) judges no compliance rule. */
static void
load_compliance(struct rc_rubric *r, const char *dir, struct rc_err *err)
{
	struct rc_buf path = RC_BUF_INIT;
	struct stat st;

	rc_buf_printf(&path, "%s/compliance.json", dir);
	if (stat(rc_buf_str(&path), &st) == 0)
		r->compliance = rc_compliance_load(rc_buf_str(&path), err);
	rc_buf_free(&path);
}

struct rc_rubric *
rc_rubric_load(const char *dir, struct rc_err *err)
{
	struct rc_buf path = RC_BUF_INIT;
	struct rc_rubric *r;
	const cJSON *v, *arr;
	cJSON *root;
	size_t before = err->nerrors, i;
	char ptr[64];
	const char *name;

	rc_buf_printf(&path, "%s/rubric.json", dir);
	name = rc_buf_str(&path);
	root = read_json(name, err);
	if (root == NULL) {
		rc_buf_free(&path);
		return NULL;
	}
	check_keys(name, root, err);
	r = rc_xcalloc(1, sizeof *r);
	r->version = str(root, "version", name, "", err);
	r->pass_mark = 70;
	r->w_practice = RC_RUBRIC_W_PRACTICE;
	r->w_outcome = 1 - RC_RUBRIC_W_PRACTICE;
	v = cJSON_GetObjectItemCaseSensitive(root, "pass_mark");
	if (cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble <= 100)
		r->pass_mark = v->valuedouble;
	else if (v != NULL)
		rc_err_add(err, RC_ERROR, "%s: /pass_mark: expected a number 0..100", name);
	v = cJSON_GetObjectItemCaseSensitive(root, "weights");
	if (cJSON_IsObject(v)) {
		const cJSON *a = cJSON_GetObjectItemCaseSensitive(v, "practice");
		const cJSON *b = cJSON_GetObjectItemCaseSensitive(v, "outcome");

		if (cJSON_IsNumber(a) && cJSON_IsNumber(b) && a->valuedouble >= 0 &&
		    b->valuedouble >= 0 && a->valuedouble + b->valuedouble > 0) {
			r->w_practice = a->valuedouble / (a->valuedouble + b->valuedouble);
			r->w_outcome = b->valuedouble / (a->valuedouble + b->valuedouble);
		} else {
			rc_err_add(err, RC_ERROR, "%s: /weights: expected practice and "
			    "outcome weights", name);
		}
	}
	arr = cJSON_GetObjectItemCaseSensitive(root, "practices");
	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) != RC_PRACTICES) {
		rc_err_add(err, RC_ERROR, "%s: /practices: expected the twenty practices",
		    name);
	} else {
		r->practices = rc_xcalloc(RC_PRACTICES, sizeof *r->practices);
		for (i = 0; i < RC_PRACTICES; i++) {
			snprintf(ptr, sizeof ptr, "/practices/%zu", i);
			load_practice(&r->practices[i], cJSON_GetArrayItem(arr, (int)i), name,
			    ptr, 0, err);
			r->npractices++;
			if (strcmp(r->practices[i].id, rc_practice_ids[i]) != 0 ||
			    r->practices[i].number != (int)i + 1)
				rc_err_add(err, RC_ERROR, "%s: %s: expected practice %zu '%s', "
				    "found '%s'", name, ptr, i + 1, rc_practice_ids[i],
				    r->practices[i].id);
		}
	}
	arr = cJSON_GetObjectItemCaseSensitive(root, "extended");
	if (cJSON_IsArray(arr)) {
		r->extended = rc_xcalloc((size_t)cJSON_GetArraySize(arr) + 1,
		    sizeof *r->extended);
		for (i = 0; i < (size_t)cJSON_GetArraySize(arr); i++) {
			snprintf(ptr, sizeof ptr, "/extended/%zu", i);
			load_practice(&r->extended[i], cJSON_GetArrayItem(arr, (int)i), name,
			    ptr, 1, err);
			r->nextended++;
		}
	}
	load_outcome(r, root, name, err);
	load_coaching(r, root, name, err);
	load_criticals(r, root, name, err);
	cJSON_Delete(root);
	rc_buf_free(&path);
	load_compliance(r, dir, err);
	load_lexicon(r, err);
	if (err->nerrors > before) {
		rc_rubric_free(r);
		return NULL;
	}
	return r;
}

static void
free_practice(struct rc_practice_def *p)
{
	size_t i;

	free(p->id);
	free(p->title);
	free(p->description);
	free(p->tip);
	for (i = 0; i < p->nsettings; i++)
		free(p->setting_keys[i]);
	free(p->setting_keys);
	free(p->setting_values);
}

void
rc_rubric_free(struct rc_rubric *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->version);
	for (i = 0; i < r->npractices; i++)
		free_practice(&r->practices[i]);
	free(r->practices);
	for (i = 0; i < r->nextended; i++)
		free_practice(&r->extended[i]);
	free(r->extended);
	for (i = 0; i < r->ncriticals; i++) {
		free(r->criticals[i].id);
		free(r->criticals[i].title);
		free(r->criticals[i].evidence);
		free(r->criticals[i].tip);
	}
	free(r->criticals);
	rc_compliance_free(r->compliance);
	rc_reader_free(r->reader);
	free(r);
}

const struct rc_practice_def *
rc_rubric_find(const struct rc_rubric *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->npractices; i++)
		if (strcmp(r->practices[i].id, id) == 0)
			return &r->practices[i];
	for (i = 0; i < r->nextended; i++)
		if (strcmp(r->extended[i].id, id) == 0)
			return &r->extended[i];
	return NULL;
}

const struct rc_critical_def *
rc_rubric_critical(const struct rc_rubric *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->ncriticals; i++)
		if (strcmp(r->criticals[i].id, id) == 0)
			return &r->criticals[i];
	return NULL;
}

double
rc_rubric_setting(const struct rc_practice_def *p, const char *key, double def)
{
	size_t i;

	for (i = 0; i < p->nsettings; i++)
		if (strcmp(p->setting_keys[i], key) == 0)
			return p->setting_values[i];
	return def;
}

int
rc_practice_number(const char *id, size_t n)
{
	int i;

	for (i = 0; i < RC_PRACTICES; i++)
		if (strlen(rc_practice_ids[i]) == n &&
		    strncmp(rc_practice_ids[i], id, n) == 0)
			return i + 1;
	return 0;
}

int
rc_coaching_has(const int *list, size_t n, int number)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == number)
			return 1;
	return 0;
}
