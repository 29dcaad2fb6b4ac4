/*
 * jsonptr.h - where each value of a JSON text is: an index from JSON
 * pointers (RFC 6901, as the loaders write them in messages: "/states/
 * greeting/rules/2") to the line and column where the value starts.  cJSON
 * keeps no positions, so checks that run after loading (lint, test plans)
 * use this to point an author at the exact line of any value.
 */
#ifndef RC_JSONPTR_H
#define RC_JSONPTR_H

#include <stddef.h>

struct rc_jsonptr;

/* Indexes TEXT (LEN bytes), which should be valid JSON; on text that is
 * not, the values before the first problem are indexed.  The index keeps
 * no pointer into TEXT.  Free with rc_jsonptr_free(); NULL is ignored. */
struct rc_jsonptr *rc_jsonptr_index(const char *text, size_t len);
void rc_jsonptr_free(struct rc_jsonptr *x);

/* Finds the value at pointer PTR ("" or "/" is the whole document).
 * Returns 1 and sets *LINE, *COL (from 1; columns count characters) and
 * *OFFSET (bytes, may be NULL) when found; 0 when not. */
int rc_jsonptr_find(const struct rc_jsonptr *x, const char *ptr, int *line,
                    int *col, size_t *offset);

#endif
