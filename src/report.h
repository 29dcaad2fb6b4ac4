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
	/* private: the name index */
	size_t *index;
	size_t index_cap;
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
/* Mean score of the last three sessions minus that of the first three
 * (of the last and first halves when fewer than six); 0 and *OK 0 with
 * fewer than two scored sessions. */
double rc_report_trend(const struct rc_report_trainee *t, int *ok);
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
