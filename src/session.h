/*
 * session.h - one call as the trainee experiences it: spoken lines go to
 * the engine, "/commands" are handled here (/case, /research, /floor,
 * /note, /pause, /why, /help, /end), and everything to show is appended to
 * an output buffer the caller prints.  Both `recoup play` (readline) and
 * `recoup run` (a script) drive a session, so they behave the same.
 */
#ifndef RC_SESSION_H
#define RC_SESSION_H

#include <stdint.h>

#include "buf.h"
#include "engine.h"
#include "render.h"

enum rc_mode { RC_MODE_PRACTICE, RC_MODE_ASSESSMENT };

struct rc_session_opts {
	enum rc_mode mode;
	const struct rc_rubric *rubric;   /* NULL: no scoring */
	const char *trainee;      /* may be NULL */
	int echo;                 /* show the trainee's own lines ("You: ...") */
	int no_trace;             /* nobody will ask /why: keep no trace of how
	                             each reply was chosen */
	struct rc_style style;
	/* Called once for every turn added to the call (the debtor's lines,
	 * the trainee's and their /actions), in order, as soon as the input
	 * that produced it has been handled; NULL for none.  `play` and `run`
	 * save turns through it as they happen. */
	void (*on_turn)(void *ctx, const struct rc_turn *u);
	void *on_turn_ctx;
	/* When the call starts in the debtor's time zone (`--at`), copied;
	 * NULL: not simulated. */
	const struct rc_clock *clock;
};

struct rc_session;

/* S must outlive the session.  Free with rc_session_free(). */
struct rc_session *rc_session_new(const struct rc_scenario *s, uint64_t seed,
                                  const struct rc_session_opts *opts);
void rc_session_free(struct rc_session *ss);

/* Prints the heading and the debtor's opening line into OUT. */
void rc_session_start(struct rc_session *ss, struct rc_buf *out);

/* Handles one input LINE (speech or a command).  Appends what to show to
 * OUT.  Returns 1 when the call has ended, else 0.  Blank lines are
 * ignored.  Invalid UTF-8 in LINE becomes U+FFFD and a line longer than
 * RC_LINE_MAX bytes is cut there, so the transcript is always valid. */
int rc_session_input(struct rc_session *ss, const char *line,
                     struct rc_buf *out);

/* Ends the call if it is still going (the trainee hung up) and appends the
 * outcome to OUT. */
void rc_session_finish(struct rc_session *ss, struct rc_buf *out);

struct rc_engine *rc_session_engine(struct rc_session *ss);

/* The scorecard of the finished call (after rc_session_finish), or NULL
 * without a rubric.  Owned by the session. */
const struct rc_scorecard *rc_session_scorecard(const struct rc_session *ss);

/* Scores the call so far with the session's rubric; the caller frees the
 * result with rc_scorecard_free().  NULL without a rubric. */
struct rc_scorecard *rc_session_score_now(const struct rc_session *ss);

/* The in-call commands, NULL-terminated, for completion and /help. */
extern const char *const rc_session_commands[];

#endif
