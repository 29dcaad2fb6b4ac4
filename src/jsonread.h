/*
 * jsonread.h - reading values out of a cJSON tree for the loaders
 * (scenario, plan): each getter checks the type of OBJ[KEY] and, when it is
 * wrong, adds "file: /pointer: message" (with ":line:col" after the file
 * when the reader has a jsonptr index) to the reader's error list and
 * carries on, so a loader reports every problem in one pass.
 *
 * Pointers are RFC 6901 JSON pointers ("" is the whole document); PTR is
 * always the pointer of OBJ, and messages about a member name PTR/KEY.
 */
#ifndef RC_JSONREAD_H
#define RC_JSONREAD_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "err.h"
#include "jsonptr.h"

/* What a loader reads with; loaders embed it in their own context. */
struct rc_jsonread {
	const char *name;           /* file name that starts every message */
	struct rc_err *err;         /* where problems are added */
	struct rc_jsonptr *idx;     /* may be NULL: messages without line:col */
	/* When TEXT is set and IDX is NULL, the index is built from TEXT on
	 * the first error (most loads have none, and indexing a large file
	 * costs more than reading it); the owner frees IDX. */
	const char *text;
	size_t len;
	/* May be NULL; else returns the message for an unknown KEY, or NULL
	 * for the usual "unknown key 'KEY'". */
	const char *(*unknown)(const char *key);
};

/* Adds an error about the value at PTR. */
void rc_jsonread_fail(struct rc_jsonread *r, const char *ptr,
                      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* 1 when pattern text PATTERN (at PTR) holds no control character; else
 * adds "CONTEXT: pattern holds control character ..." (a JSON "\b" is a
 * backspace, not a word boundary: the message says so) and returns 0. */
int rc_jsonread_pattern_ok(struct rc_jsonread *r, const char *ptr,
                           const char *context, const char *pattern);

/* PTR with KEY appended ('~' and '/' escaped) or with index I appended.
 * The caller frees the result. */
char *rc_jsonread_join(const char *ptr, const char *key);
char *rc_jsonread_join_index(const char *ptr, size_t i);

/* "a string", "an object", ...: V's type as messages say it. */
const char *rc_jsonread_type(const cJSON *v);

/* OBJ[KEY] (case-sensitive), or NULL. */
const cJSON *rc_jsonread_member(const cJSON *obj, const char *key);

/* Reports unknown and duplicate keys of OBJ; keys starting with '_' are
 * notes and always allowed.  ALLOWED is NULL-terminated. */
void rc_jsonread_keys(struct rc_jsonread *r, const cJSON *obj,
                      const char *ptr, const char *const *allowed);

/* The getters report a missing key only when REQUIRED, and a wrong value
 * always; they return 0 / NULL in both cases and when KEY is absent. */

/* A copy of the non-empty string OBJ[KEY]; the caller frees it. */
char *rc_jsonread_str(struct rc_jsonread *r, const cJSON *obj,
                      const char *ptr, const char *key, int required);
/* The number OBJ[KEY], from LO to HI, into *OUT; returns 1 when set. */
int rc_jsonread_num(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                    const char *key, int required, double lo, double hi,
                    double *out);
/* The whole number OBJ[KEY], from LO to HI, into *OUT; returns 1 when set. */
int rc_jsonread_int(struct rc_jsonread *r, const cJSON *obj, const char *ptr,
                    const char *key, int required, int lo, int hi, int *out);
/* The optional boolean OBJ[KEY] into *OUT (1 or 0); returns 1 when set. */
int rc_jsonread_bool(struct rc_jsonread *r, const cJSON *obj,
                     const char *ptr, const char *key, int *out);
/* The object or array OBJ[KEY], pointing into OBJ's tree. */
const cJSON *rc_jsonread_obj(struct rc_jsonread *r, const cJSON *obj,
                             const char *ptr, const char *key, int required);
const cJSON *rc_jsonread_arr(struct rc_jsonread *r, const cJSON *obj,
                             const char *ptr, const char *key, int required);

/* Frees the N strings of V and V itself. */
void rc_jsonread_free_strings(char **v, size_t n);

#endif
