/*
 * xmalloc.h - allocation that never returns NULL.  Out of memory prints
 * "recoup: out of memory" and aborts: there is nothing sensible a training
 * simulator can do without memory, and callers stay simple.
 */
#ifndef RC_XMALLOC_H
#define RC_XMALLOC_H

#include <stddef.h>

void *rc_xmalloc(size_t size);
void *rc_xcalloc(size_t n, size_t size);
void *rc_xrealloc(void *p, size_t size);
/* Reallocates P to hold N elements of SIZE bytes, checking the product. */
void *rc_xreallocarray(void *p, size_t n, size_t size);
/* Returns a copy of S (NULL for NULL); the caller frees it. */
char *rc_xstrdup(const char *s);
char *rc_xstrndup(const char *s, size_t n);

#endif
