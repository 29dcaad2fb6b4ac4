/*
 * err.c - the diagnostics list.  Messages are formatted once when added and
 * owned by the list until rc_err_clear().
 */
#include "err.h"

#include <stdarg.h>
#include <stdlib.h>

#include "buf.h"
#include "xmalloc.h"

void
rc_err_add(struct rc_err *e, enum rc_severity sev, const char *fmt, ...)
{
	struct rc_buf b = RC_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	rc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		e->v = rc_xreallocarray(e->v, e->cap, sizeof *e->v);
	}
	e->v[e->n].severity = sev;
	e->v[e->n].msg = rc_buf_detach(&b);
	e->n++;
	if (sev == RC_ERROR)
		e->nerrors++;
}

void
rc_err_clear(struct rc_err *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		free(e->v[i].msg);
	free(e->v);
	e->v = NULL;
	e->n = e->cap = e->nerrors = 0;
}
