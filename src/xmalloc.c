/*
 * xmalloc.c - checked allocation.  Every allocation in recoup goes through
 * here, so an out-of-memory condition is reported in one place and the rest
 * of the code never tests for NULL.
 */
#include "xmalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(void)
{
	fputs("recoup: out of memory\n", stderr);
	abort();
}

void *
rc_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
rc_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
rc_xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
rc_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		oom();
	return rc_xrealloc(p, n * size);
}

char *
rc_xstrdup(const char *s)
{
	return s ? rc_xstrndup(s, strlen(s)) : NULL;
}

char *
rc_xstrndup(const char *s, size_t n)
{
	char *p;
	size_t len = 0;

	while (len < n && s[len] != '\0')
		len++;
	p = rc_xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
