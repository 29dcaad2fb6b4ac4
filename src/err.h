/*
 * err.h - diagnostics collected by library code.  Library functions never
 * print: they add messages here and return a status; main.c and repl.c
 * print them as "recoup: <message>".  A loader adds every problem it finds
 * before returning, so an author can fix them all in one pass.
 */
#ifndef RC_ERR_H
#define RC_ERR_H

#include <stddef.h>

enum rc_severity { RC_ERROR, RC_WARNING };

struct rc_diag {
	enum rc_severity severity;
	char *msg;            /* owned; e.g. "a.json:3:7: expected ','" */
};

struct rc_err {
	struct rc_diag *v;
	size_t n, cap;
	size_t nerrors;       /* how many of v are RC_ERROR */
};

#define RC_ERR_INIT { NULL, 0, 0, 0 }

void rc_err_add(struct rc_err *e, enum rc_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Frees the messages; E can be reused. */
void rc_err_clear(struct rc_err *e);

#endif
