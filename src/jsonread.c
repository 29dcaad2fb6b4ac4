/*
 * jsonread.c - the typed getters the scenario and plan loaders share.
 * Every problem becomes one message in the reader's error list, written
 * "file: /pointer: message" or, when the reader has a jsonptr index that
 * knows the pointer, "file:line:col: /pointer: message"; nothing stops at
 * the first problem.  Getters never keep pointers into the tree they read,
 * except rc_jsonread_obj/arr, which return a node of it.
 */
#include "jsonread.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

void
rc_jsonread_fail(struct rc_jsonread *r, const char *ptr, const char *fmt, ...)
{
	struct rc_buf b = RC_BUF_INIT;
	va_list ap;
	int line, col;

	va_start(ap, fmt);
	rc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (r->idx == NULL && r->text != NULL)
		r->idx = rc_jsonptr_index(r->text, r->len);
	if (r->idx != NULL && rc_jsonptr_find(r->idx, ptr, &line, &col, NULL))
		rc_err_add(r->err, RC_ERROR, "%s:%d:%d: %s: %s", r->name, line, col,
		    *ptr ? ptr : "/", rc_buf_str(&b));
	else
		rc_err_add(r->err, RC_ERROR, "%s: %s: %s", r->name, *ptr ? ptr : "/",
		    rc_buf_str(&b));
	rc_buf_free(&b);
}

int
rc_jsonread_pattern_ok(struct rc_jsonread *r, const char *ptr,
                       const char *context, const char *pattern)
{
	const char *q;

	for (q = pattern; *q && (unsigned char)*q >= 0x20 && *q != 0x7f; q++)
		;
	if (*q == '\0')
		return 1;
	rc_jsonread_fail(r, ptr, "%s: pattern holds control character 0x%02x at "
	    "offset %zu (in JSON write \"\\\\b\" for a word boundary; \"\\b\" is a "
	    "backspace)", context, (unsigned char)*q, (size_t)(q - pattern));
	return 0;
}

char *
rc_jsonread_join(const char *ptr, const char *key)
{
	struct rc_buf b = RC_BUF_INIT;

	rc_buf_puts(&b, ptr);
	rc_buf_putc(&b, '/');
	for (; *key; key++) {
		if (*key == '~')
			rc_buf_puts(&b, "~0");
		else if (*key == '/')
			rc_buf_puts(&b, "~1");
		else
			rc_buf_putc(&b, *key);
	}
	return rc_buf_detach(&b);
}

char *
rc_jsonread_join_index(const char *ptr, size_t i)
{
	struct rc_buf b = RC_BUF_INIT;

	rc_buf_printf(&b, "%s/%zu", ptr, i);
	return rc_buf_detach(&b);
}

const char *
rc_jsonread_type(const cJSON *v)
{
	if (cJSON_IsString(v)) return "a string";
	if (cJSON_IsNumber(v)) return "a number";
	if (cJSON_IsBool(v)) return "a boolean";
	if (cJSON_IsNull(v)) return "null";
	if (cJSON_IsArray(v)) return "an array";
	if (cJSON_IsObject(v)) return "an object";
	return "invalid";
}

const cJSON *
rc_jsonread_member(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

void
rc_jsonread_keys(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                 const char *const *allowed)
{
	const cJSON *k, *j;
	size_t i;

	for (k = obj->child; k; k = k->next) {
		int ok = k->string[0] == '_';
		const char *why;
		char *p;

		for (i = 0; !ok && allowed[i]; i++)
			ok = strcmp(allowed[i], k->string) == 0;
		p = rc_jsonread_join(ptr, k->string);
		if (!ok) {
			why = r->unknown ? r->unknown(k->string) : NULL;
			if (why != NULL)
				rc_jsonread_fail(r, p, "%s", why);
			else
				rc_jsonread_fail(r, p, "unknown key '%s'", k->string);
		}
		for (j = obj->child; j != k; j = j->next) {
			if (strcmp(j->string, k->string) == 0) {
				rc_jsonread_fail(r, p, "duplicate key '%s'", k->string);
				break;
			}
		}
		free(p);
	}
}

/* OBJ[KEY], or NULL after reporting it missing when REQUIRED. */
static const cJSON *
get(struct rc_jsonread *r, const cJSON *obj, const char *ptr, const char *key,
    int required)
{
	const cJSON *v = rc_jsonread_member(obj, key);

	if (v == NULL && required)
		rc_jsonread_fail(r, ptr, "missing required key '%s'", key);
	return v;
}

char *
rc_jsonread_str(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                const char *key, int required)
{
	const cJSON *v = get(r, obj, ptr, key, required);
	char *p;

	if (v == NULL)
		return NULL;
	if (cJSON_IsString(v) && v->valuestring[0] != '\0')
		return rc_xstrdup(v->valuestring);
	p = rc_jsonread_join(ptr, key);
	if (cJSON_IsString(v))
		rc_jsonread_fail(r, p, "must not be empty");
	else
		rc_jsonread_fail(r, p, "expected a string, found %s",
		    rc_jsonread_type(v));
	free(p);
	return NULL;
}

int
rc_jsonread_num(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                const char *key, int required, double lo, double hi,
                double *out)
{
	const cJSON *v = get(r, obj, ptr, key, required);
	char *p;

	if (v == NULL)
		return 0;
	p = rc_jsonread_join(ptr, key);
	if (!cJSON_IsNumber(v)) {
		rc_jsonread_fail(r, p, "expected a number, found %s",
		    rc_jsonread_type(v));
		free(p);
		return 0;
	}
	if (!(v->valuedouble >= lo && v->valuedouble <= hi)) {
		rc_jsonread_fail(r, p, "%g is out of range (%g to %g)",
		    v->valuedouble, lo, hi);
		free(p);
		return 0;
	}
	free(p);
	*out = v->valuedouble;
	return 1;
}

int
rc_jsonread_int(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                const char *key, int required, int lo, int hi, int *out)
{
	double d;

	if (!rc_jsonread_num(r, obj, ptr, key, required, lo, hi, &d))
		return 0;
	if (d != floor(d)) {
		char *p = rc_jsonread_join(ptr, key);
		rc_jsonread_fail(r, p, "expected a whole number, found %g", d);
		free(p);
		return 0;
	}
	*out = (int)d;
	return 1;
}

int
rc_jsonread_bool(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                 const char *key, int *out)
{
	const cJSON *v = get(r, obj, ptr, key, 0);

	if (v == NULL)
		return 0;
	if (!cJSON_IsBool(v)) {
		char *p = rc_jsonread_join(ptr, key);
		rc_jsonread_fail(r, p, "expected true or false, found %s",
		    rc_jsonread_type(v));
		free(p);
		return 0;
	}
	*out = cJSON_IsTrue(v);
	return 1;
}

/* OBJ[KEY] when cJSON_Is<WHAT> says yes, else NULL after a message. */
static const cJSON *
get_kind(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
         const char *key, int required, cJSON_bool (*is)(const cJSON *),
         const char *what)
{
	const cJSON *v = get(r, obj, ptr, key, required);

	if (v == NULL)
		return NULL;
	if (!is(v)) {
		char *p = rc_jsonread_join(ptr, key);
		rc_jsonread_fail(r, p, "expected %s, found %s", what,
		    rc_jsonread_type(v));
		free(p);
		return NULL;
	}
	return v;
}

const cJSON *
rc_jsonread_obj(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                const char *key, int required)
{
	return get_kind(r, obj, ptr, key, required, cJSON_IsObject, "an object");
}

const cJSON *
rc_jsonread_arr(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                const char *key, int required)
{
	return get_kind(r, obj, ptr, key, required, cJSON_IsArray, "an array");
}

void
rc_jsonread_free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
