/*
 * render.h - turning scenarios and transcripts into text for people
 * (render-text.c) and JSON for programs (render-json.c).  Renderers append
 * to a struct rc_buf and never print.
 */
#ifndef RC_RENDER_H
#define RC_RENDER_H

#include <stdint.h>

#include "buf.h"
#include "scenario.h"
#include "score.h"
#include "transcript.h"

/* Terminal styling: colour only when asked (a TTY without NO_COLOR). */
struct rc_style {
	int color;
};

/* The case file, as /case shows it. */
void rc_render_case(struct rc_buf *b, const struct rc_scenario *s,
                    const struct rc_style *st);
/* The research notes, as /research shows them. */
void rc_render_research(struct rc_buf *b, const struct rc_scenario *s,
                        const struct rc_style *st);
/* One spoken turn: "Maria: ..." or "You: ...". */
void rc_render_turn(struct rc_buf *b, const struct rc_scenario *s,
                    const struct rc_turn *u, const struct rc_style *st);
/* The heading printed when a call starts. */
void rc_render_header(struct rc_buf *b, const struct rc_scenario *s,
                      uint64_t seed, const char *trainee,
                      const struct rc_style *st);
/* How the call ended and the agreement. */
void rc_render_outcome(struct rc_buf *b, const struct rc_scenario *s,
                       const struct rc_transcript *t, const struct rc_style *st);

/* The whole call as one JSON object:
 * {"scenario": {...}, "seed": N, "trainee": ..., "turns": [...],
 *  "outcome": {"ended_by": ..., "agreement": {...} | null},
 *  "scorecard": {...}}  (the scorecard only when CARD is not NULL) */
void rc_render_json(struct rc_buf *b, const struct rc_scenario *s,
                    uint64_t seed, const char *trainee,
                    const struct rc_transcript *t,
                    const struct rc_scorecard *card);

/* The scorecard for people: each practice with a mark, its evidence and,
 * when not met, its tip; then style, outcome, totals, critical failures.
 * CURRENCY formats the outcome's money. */
void rc_render_scorecard(struct rc_buf *b, const struct rc_scorecard *c,
                         const char *currency, const struct rc_style *st);

/* The scorecard as one JSON object (no trailing newline):
 * {"rubric_version", "scenario_version", "practices": [...], "extended":
 *  [...], "style", "practice_score", "outcome": {...}, "score",
 *  "pass_mark", "passed", "critical": [...]} */
void rc_render_scorecard_json(struct rc_buf *b, const struct rc_scorecard *c);

#endif
