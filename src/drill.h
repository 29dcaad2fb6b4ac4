/*
 * drill.h - drill files (scenarios/drills/): a team practice session, a
 * named list of calls (scenario and fixed seed) played in order by
 * `recoup drill`.
 *
 *   {"name": "onboarding-week1", "title": "...", "cohort": "2025-intake",
 *    "mode": "practice", "calls": [{"scenario": "forgetful-florist",
 *    "seed": 7}, ...]}
 *
 * Ownership: a struct rc_drill owns its strings and calls;
 * rc_drill_free() frees them all.
 */
#ifndef RC_DRILL_H
#define RC_DRILL_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct rc_drill_call {
	const char *scenario;       /* an id or a path, never empty */
	uint64_t seed;
};

struct rc_drill {
	const char *name;           /* never NULL or empty */
	const char *title;          /* NULL when absent or empty */
	const char *cohort;         /* NULL when absent, null or empty */
	int assessment;             /* "mode": "assessment" (else practice) */
	struct rc_drill_call *calls;
	size_t ncalls;              /* at least 1 */
	void *root;                 /* private: the parsed JSON */
};

/* Parses TEXT (LEN bytes; TEXT[LEN] must be NUL) read from NAME.  Returns
 * the drill, or NULL after adding every problem found to ERR as
 * "NAME: /POINTER: what".  Free the result with rc_drill_free(). */
struct rc_drill *rc_drill_parse(const char *name, const char *text,
                                size_t len, struct rc_err *err);

/* Reads the file PATH and parses it as rc_drill_parse() does. */
struct rc_drill *rc_drill_load(const char *path, struct rc_err *err);

/* Frees D; D NULL does nothing. */
void rc_drill_free(struct rc_drill *d);

#endif
