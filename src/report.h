/*
 * report.h - what supervisors read from the session records: sessions
 * aggregated per trainee and practice (share met, mean scores, trend over
 * time) for `compare`, `leaderboard` and the HTML report, and the per
 * session formats for `history` and `export` (text, CSV, JSON, xAPI).
 * Renderers append to a struct rc_buf and never print; one file per
 * format (report-text.c, report-csv.c, report-json.c, report-xapi.c,
 * report-html.c).
 *
 * Safety: CSV cells follow RFC 4180 and cells a spreadsheet would run as a
 * formula are neutralised; everything in HTML is escaped; text output
 * shows control characters as '?', so a name cannot drive the terminal.
 *
 * Ownership: a struct rc_report owns everything reachable from it;
 * rc_report_free() frees it.
 */
#ifndef RC_REPORT_H
#define RC_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "store.h"
#include "terms.h"

struct rc_report_practice {
	char *id;
	int core;                 /* one of the twenty */
};

/* One trainee's results on one practice (n/a not counted). */
struct rc_report_cell {
	long n;                   /* sessions where it applied */
	long met, partial;
	double points;            /* sum of points (0..1 each) */
};

struct rc_report_point {
	int64_t t;                /* started_at */
	float practice, outcome, score;
	int passed;
	int critical;             /* the session had a critical failure */
	size_t scenario;          /* index into rc_report.scenarios */
};

/* A scenario the sessions were played with (its id as stored). */
struct rc_report_scenario {
	char *id;
};

/* One trainee's sessions with one scenario: a cell of the trainee x
 * scenario grid, and what the trend compares (the first attempt with the
 * latest). */
struct rc_report_run {
	long sessions;            /* all, scored or not */
	long scored, passed, critical;
	double sum_score;
	double first, last;       /* scores of the first and the latest
	                             scored session, when scored > 0 */
};

/* A call of a drill as the sessions show it: a scenario and seed played
 * with the drill's tag, in the order first played. */
struct rc_report_call {
	char *scenario;
	uint64_t seed;
	size_t drill;             /* index into rc_report.drills */
};

/* One trainee's sessions of one drill call. */
struct rc_report_attempt {
	const struct rc_report_trainee *trainee;
	size_t call;              /* index into rc_report.calls */
	long sessions;            /* started */
	long complete;            /* with status complete */
	int has_score;            /* the latest complete scored one: */
	float score;
	int passed;
};

/* How often one compliance rule was breached. */
struct rc_report_count {
	char *id;
	long n;
};

struct rc_report_trainee {
	char *name;
	long sessions;            /* all sessions, scored or not */
	long scored, passed;
	long reviewed;            /* scored sessions with a trainer's review */
	long critical;            /* scored sessions with a critical failure
	                             (none of them passed) */
	double sum_practice, sum_outcome, sum_score;
	double best;              /* the best score of a session without a
	                             critical failure, when has_best */
	int has_best;
	struct rc_report_point *pts;   /* scored sessions, oldest first */
	size_t npts, cap;
	struct rc_report_cell *cells;  /* one per practice */
	size_t ncells;
	struct rc_report_run *runs;    /* one per scenario (nruns may be
	                                  fewer: the rest never played) */
	size_t nruns;
	size_t *attempts;              /* the trainee's drill calls: indexes
	                                  into rc_report.attempts */
	size_t nattempts, attempts_cap;
	/* Compliance: scored sessions with a legal frame, the breaches in
	 * them, and how often each rule was breached (first seen first). */
	long judged, breaches;
	struct rc_report_count *rules;
	size_t nrules;
};

/* The most recent agreements a report keeps (for the HTML report's list). */
#define RC_REPORT_AGREEMENTS 100

/* One session's agreement as stored: the row's fields the list shows. */
struct rc_report_agreement {
	int64_t id, started_at;
	char *trainee, *scenario, *currency;
	char *json;               /* the stored agreement (rc_report_terms()) */
	int32_t call_date;
};

/* The most recent sessions with a critical failure a report keeps. */
#define RC_REPORT_CRITICALS 100

/* One session with a critical failure: what the report's list shows. */
struct rc_report_critical {
	int64_t id, started_at;
	char *trainee, *scenario;
	char *failures;           /* "ID at turn N" each, joined by "; " */
};

struct rc_report {
	struct rc_report_practice *practices;
	size_t npractices;
	struct rc_report_trainee **trainees;   /* in order of first session */
	size_t ntrainees;
	long sessions, scored;
	long reviewed;            /* scored sessions with a trainer's review
	                             (their reviewed statuses are counted) */
	int64_t first, last;      /* started_at range */
	/* The last RC_REPORT_AGREEMENTS sessions with an agreement, a ring:
	 * rc_report_agreement() reads them newest first. */
	struct rc_report_agreement *agreements;
	long nagreements;         /* sessions with an agreement seen */
	long critical;            /* scored sessions with a critical failure */
	long breaches;            /* compliance breaches in all sessions */
	/* The last RC_REPORT_CRITICALS of them, a ring: rc_report_critical()
	 * reads them newest first. */
	struct rc_report_critical *criticals;
	struct rc_report_scenario *scenarios;  /* in order of first session */
	size_t nscenarios;
	char **drills;                         /* drill names, first seen first */
	size_t *drill_calls;                   /* each drill's number of calls */
	size_t ndrills;
	struct rc_report_call *calls;          /* drill calls, first seen first */
	size_t ncalls;
	struct rc_report_attempt *attempts;    /* trainee x drill call played */
	size_t nattempts;
	/* private: the name index, the scenario last looked up */
	size_t *index;
	size_t index_cap;
	size_t last_scenario;
	size_t *call_index, call_index_cap;    /* call number + 1 (0: empty) */
	size_t *attempt_index, attempt_index_cap;
	size_t calls_cap, attempts_cap;
};

struct rc_report *rc_report_new(void);
void rc_report_free(struct rc_report *r);
/* Adds one session (rows must come oldest first). */
void rc_report_add(struct rc_report *r, const struct rc_store_row *row);
/* The Ith most recent agreement kept (0: the newest), NULL past the end. */
const struct rc_report_agreement *rc_report_agreement(const struct rc_report *r,
                                                      size_t i);
/* The Ith most recent session with a critical failure kept (0: the
 * newest), NULL past the end. */
const struct rc_report_critical *rc_report_critical(const struct rc_report *r,
                                                    size_t i);
/* The critical failures of ROW's current scorecard: their number, and
 * when B is not NULL each as "ID at turn N" joined by "; " appended to B.
 * 0 when the session is not scored. */
size_t rc_report_criticals(const struct rc_store_row *row, struct rc_buf *b);
/* The agreement A read into T against its call's date: 1, or 0 when it
 * cannot be read. */
int rc_report_agreement_terms(const struct rc_report_agreement *a,
                              struct rc_terms *t);
/* Sorts the trainees by name (for tables). */
void rc_report_sort(struct rc_report *r);

/* Means over the trainee's scored sessions (0 when none). */
double rc_report_mean_practice(const struct rc_report_trainee *t);
double rc_report_mean_outcome(const struct rc_report_trainee *t);
double rc_report_mean_score(const struct rc_report_trainee *t);
/* The trend compares like with like: for each scenario the trainee has
 * at least two scored sessions of, the score of the latest minus that of
 * the first; the trend is the mean of those changes.  *NSCENARIOS is how
 * many scenarios it rests on; 0 (and the trend 0) when no scenario was
 * scored twice.  A later call against a harder debtor is never subtracted
 * from an earlier one against an easier one. */
double rc_report_trend(const struct rc_report_trainee *t, size_t *nscenarios);
/* The trainee's sessions with scenario I, or NULL when none. */
const struct rc_report_run *rc_report_run(const struct rc_report_trainee *t,
                                          size_t i);
/* Scenario I's mean score over the trainee's scored sessions (0 when none). */
double rc_report_run_mean(const struct rc_report_run *u);
/* Sorts the scenarios by id (for tables; points and runs follow). */
void rc_report_sort_scenarios(struct rc_report *r);

/* Drill progress from the stored sessions: the index of the call of
 * DRILL with SCENARIO and SEED, or -1 when nobody played it. */
long rc_report_call_index(const struct rc_report *r, const char *drill,
                          const char *scenario, uint64_t seed);
/* The trainee's sessions of call I, or NULL when none. */
const struct rc_report_attempt *rc_report_attempt(const struct rc_report *r,
    const struct rc_report_trainee *t, size_t i);
/* The trainee's progress through the drills they started (a session of
 * any call), each drill's calls being those anyone played in it: calls
 * done (a complete session) in *DONE out of *TOTAL.  0 when the trainee
 * played no drill. */
int rc_report_drill_progress(const struct rc_report *r,
                             const struct rc_report_trainee *t, long *done,
                             long *total);
/* Share of applicable sessions where practice I was met, 0..1; -1 when
 * it never applied. */
double rc_report_share_met(const struct rc_report_trainee *t, size_t i);

/* ROW's agreement read into T, its words resolved against the call's
 * date: 1, or 0 when the session has none (or it cannot be read). */
int rc_report_terms(const struct rc_store_row *row, struct rc_terms *t);
/* ROW's agreement in the words of the live scorecard's Agreement line
 * ("$1,840 today and then $640 a month for 2 months from December 1"),
 * appended to B; nothing when there is none. */
void rc_report_terms_say(struct rc_buf *b, const struct rc_store_row *row);
/* The currency ROW's money is in ("" when not stored). */
const char *rc_report_currency(const struct rc_store_row *row);

/* "2024-11-23T12:30:05Z" (UTC) into BUF (at least 21 bytes); "" for 0. */
const char *rc_report_iso_time(int64_t t, char *buf, size_t size);
/* Stored time T in local time into BUF, "2024-11-23 12:30" (or only the
 * day when not MINUTES), "-" when T is unknown or does not fit; returns
 * BUF. */
const char *rc_report_local_time(int64_t t, int minutes, char *buf,
                                 size_t size);
/* The status of practice ID in a row's SUMMARY ("met", "partial",
 * "missed", "n/a") copied into BUF, with its points in *POINTS; NULL when
 * the summary does not name it. */
const char *rc_report_summary_get(const char *summary, const char *id,
                                  char *buf, size_t size, double *points);

/* The trainer's review that applies to practice ID in ROW, or NULL. */
const struct rc_store_review *rc_report_review(const struct rc_store_row *row,
                                               const char *id);
/* ROW's applied reviews in brief, "ID=STATUS (was X, by NAME)" joined
 * by "; ", appended to B. */
void rc_report_reviews_brief(struct rc_buf *b, const struct rc_store_row *row);
/* A sentence saying how many sessions of R carry a trainer's review, for
 * the text tables ("" when none), appended to B. */
void rc_report_reviewed_note(struct rc_buf *b, const struct rc_report *r);

/* A drill file's calls, to check the sessions against (`drill status`):
 * the scenario ids and seeds, in the drill's order. */
struct rc_report_drill_call {
	const char *scenario;
	uint64_t seed;
};

struct rc_report_drill {
	const char *name, *title;      /* title may be NULL */
	const struct rc_report_drill_call *calls;
	size_t ncalls;
};

/* Lists trainee NAME even when no session is theirs, unless a trainee
 * of that name (ignoring ASCII case) is there already. */
void rc_report_name(struct rc_report *r, const char *name);
/* The trainee's sessions of call I of drill D (sessions tagged with D's
 * name, with the call's scenario and seed), or NULL when none. */
const struct rc_report_attempt *rc_report_drill_attempt(
    const struct rc_report *r, const struct rc_report_trainee *t,
    const struct rc_report_drill *d, size_t i);
/* The calls of D the trainee finished (a complete session). */
size_t rc_report_drill_done(const struct rc_report *r,
                            const struct rc_report_trainee *t,
                            const struct rc_report_drill *d);
/* Sessions tagged with D's name that are none of its calls (another
 * scenario or seed: an older version of the drill file). */
long rc_report_drill_unmatched(const struct rc_report *r,
                               const struct rc_report_drill *d);

/* report-text.c: terminal tables. */
/* Appends S through the output filter (safe.h: controls shown as "^[",
 * "\x9b"), cut or padded to WIDTH columns (0: as it is).  A cut text ends
 * in "…" so the reader knows it was cut; UTF-8 sequences are kept
 * whole and columns counted as a terminal shows them (wrap.h). */
void rc_report_text_cell(struct rc_buf *b, const char *s, int width);
void rc_report_history_text(struct rc_buf *b, const struct rc_store_row *row,
                            int header);
void rc_report_compare_text(struct rc_buf *b, const struct rc_report *r);
void rc_report_leaderboard_text(struct rc_buf *b, const struct rc_report *r);
/* The trainee x scenario grid (compare --by scenario): each cell the mean
 * score over the trainee's scored sessions with the scenario, and how
 * many.  The CSV has one line per trainee and scenario played, the JSON
 * one object per trainee with its scenarios. */
void rc_report_grid_text(struct rc_buf *b, const struct rc_report *r);
void rc_report_grid_csv(struct rc_buf *b, const struct rc_report *r);
void rc_report_grid_json(struct rc_buf *b, const struct rc_report *r);
/* Drill progress (drill status): trainees x the drill's calls, each done
 * (a complete session; its latest score), partial (started, never
 * complete) or not played.  CSV: one line per trainee and call; JSON:
 * the drill, its calls and each trainee's progress. */
void rc_report_drill_text(struct rc_buf *b, const struct rc_report *r,
                          const struct rc_report_drill *d);
void rc_report_drill_csv(struct rc_buf *b, const struct rc_report *r,
                         const struct rc_report_drill *d);
void rc_report_drill_json(struct rc_buf *b, const struct rc_report *r,
                          const struct rc_report_drill *d);
/* The trend in words for a table cell: "+12 (2)" (the change, and over
 * how many scenarios) or "-" (no scenario played twice), into BUF. */
const char *rc_report_trend_cell(const struct rc_report_trainee *t, char *buf,
                                 size_t size);
/* The trainees in leaderboard order (scored first, by mean score, then
 * sessions passed, then name): an array the caller frees (not its items). */
struct rc_report_trainee **rc_report_ranked(const struct rc_report *r);

/* report-csv.c */
/* Appends S as one CSV cell: its controls and escape sequences rendered
 * visibly by the output filter (safe.h; tab and newline kept), quoted when
 * it holds a comma, quote, CR or LF; a cell whose first character after
 * any blanks and line breaks is '=', '+', '-' or '@', or that starts with
 * a tab or CR, gets a single quote first. */
void rc_csv_cell(struct rc_buf *b, const char *s);
void rc_report_compare_csv(struct rc_buf *b, const struct rc_report *r);
/* One line per session; the header first when HEADER. */
void rc_report_sessions_csv(struct rc_buf *b, const struct rc_store_row *row,
                            int header);
void rc_report_leaderboard_csv(struct rc_buf *b, const struct rc_report *r);

/* report-json.c */
void rc_report_compare_json(struct rc_buf *b, const struct rc_report *r);
/* One session as a JSON object (no newline). */
void rc_report_session_json(struct rc_buf *b, const struct rc_store_row *row);
void rc_report_leaderboard_json(struct rc_buf *b, const struct rc_report *r);

/* report-xapi.c: the session as xAPI statements, one JSON object per line
 * ("completed", then "passed" or "failed" when scored).  HOMEPAGE is the
 * account home page of the actor (the company LMS). */
void rc_report_xapi(struct rc_buf *b, const struct rc_store_row *row,
                    const char *homepage);

/* report-html.c: one self-contained page (no scripts, no external
 * assets) with inline SVG charts.  TITLE and SCOPE (what the filters
 * chose, may be NULL) are escaped; NOW is the generation time; the
 * charts draw PASS_MARK (0..100) as the line to reach (display only: each
 * session was passed or not by its own rubric). */
void rc_report_html(struct rc_buf *b, const struct rc_report *r,
                    const char *title, const char *scope, int64_t now,
                    int pass_mark);
/* Appends S escaped for HTML text and attribute values, its controls and
 * escape sequences first rendered visibly by the output filter (safe.h;
 * tab and newline become spaces). */
void rc_html_escape(struct rc_buf *b, const char *s);

#endif
