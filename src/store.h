/*
 * store.h - the session records: every call kept in one database, an
 * SQLite file (WAL, a busy timeout, BEGIN IMMEDIATE writes) or a
 * PostgreSQL server named by a connection string (postgresql://...,
 * service=...), with the same schema version and forward migrations and
 * the same results from every query.  A session is begun before the first turn, each turn
 * is written (and committed) as it happens, and the end writes the status,
 * the outcome and the scorecard.  Scorecards are never overwritten: a
 * rescore adds a new one and marks it current.  docs/records.md describes
 * the schema.
 *
 * Commands that only read open the database with rc_store_open_read()
 * (read-only: nothing created, migrated or marked).
 *
 * Errors: functions returning int give 0 on success and -1 on failure with
 * a message added to ERR; RC_STORE_TOO_NEW (-2) from rc_store_open() means
 * the database has a newer schema than this program (it is left as it was).
 * Library code: nothing here prints.  Every SQL statement is parameterised.
 */
#ifndef RC_STORE_H
#define RC_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "err.h"
#include "rubric.h"
#include "score.h"
#include "transcript.h"

#define RC_STORE_SCHEMA 6      /* the schema version this program writes */
#define RC_STORE_TOO_NEW (-2)
#define RC_STORE_OLD (-3)      /* rc_store_open_read(): schema to migrate */
#define RC_STORE_MISSING (-4)  /* rc_store_open_read(): no sessions there */

enum rc_store_status {
	RC_STORE_RUNNING,      /* the call is going on (or its process died) */
	RC_STORE_COMPLETE,     /* the call reached an end, or the trainee hung up
	                          (/end, Ctrl-D, end of piped input) */
	RC_STORE_ABANDONED,    /* the trainee left with Ctrl-C (confirmed)
	                          before the call reached an end */
	RC_STORE_INTERRUPTED   /* the process died while running */
};

struct rc_store;

/* The default database path: $RECOUP_DB, else $XDG_DATA_HOME/recoup/
 * recoup.db, else ~/.local/share/recoup/recoup.db.  The caller frees it;
 * NULL when no home directory is known. */
char *rc_store_default_path(void);

/* Opens (creating when missing: directories 0700, file 0600) the database
 * at PATH (":memory:" works; a server's connection string connects to it,
 * see rc_db_is_server(), with a message naming the target, its password
 * masked, when it cannot) and brings its schema up to date.  A PATH
 * that is a symbolic link or not a regular file is refused; an existing
 * database (and its -wal and -shm files) readable by others is made
 * private (0600) when it is ours.  Sessions
 * left 'running' by a process that is gone are marked interrupted.  On
 * success *OUT is the store, freed with rc_store_close(). */
int rc_store_open(const char *path, struct rc_store **out, struct rc_err *err);
/* Opens the existing database at PATH read-only (SQLITE_OPEN_READONLY),
 * for commands that only read: nothing is created, migrated or marked, so
 * a read-only file can be read.  'running' sessions whose process is gone
 * read as interrupted.  Returns 0; RC_STORE_MISSING when there are no
 * sessions to read (no file, an empty file, an SQLite file recoup never
 * initialised); RC_STORE_OLD when the schema is older than this program's
 * (open it with rc_store_open() once to migrate it, then again here);
 * RC_STORE_TOO_NEW; or -1.  Every failure but RC_STORE_OLD adds a message
 * to ERR. */
int rc_store_open_read(const char *path, struct rc_store **out,
                       struct rc_err *err);
void rc_store_close(struct rc_store *st);

/* The schema version of the open database. */
int rc_store_schema(struct rc_store *st);

/* Groups the writes that follow into one transaction until
 * rc_store_batch_end() (for generators and rescoring many sessions). */
int rc_store_batch_begin(struct rc_store *st, struct rc_err *err);
int rc_store_batch_end(struct rc_store *st, struct rc_err *err);

/* What is known about a session when it starts.  Strings are copied;
 * any may be NULL except trainee, scenario and mode. */
struct rc_store_meta {
	const char *trainee, *cohort, *drill;
	const char *scenario, *scenario_version, *scenario_title;
	const char *debtor;            /* the debtor's first name */
	const char *currency;
	double balance;
	uint64_t seed;
	const char *mode;              /* "practice" or "assessment" */
	int64_t started_at;            /* unix seconds; 0: now */
	int has_call_date;             /* the call's date is known: */
	int32_t call_date;             /* the day (date.h) the call is held on,
	                                  which the agreement's words ("today",
	                                  "friday") were said against */
};

/* Starts a session (status running, this process's pid).  Returns its id
 * (> 0) or -1. */
int64_t rc_store_session_begin(struct rc_store *st,
                               const struct rc_store_meta *m, struct rc_err *err);

/* Appends turn U of session ID (its number, speaker, text, state, rule and
 * events as JSON; CURRENCY names the money in terms). */
int rc_store_turn(struct rc_store *st, int64_t id, const struct rc_turn *u,
                  const char *currency, struct rc_err *err);
/* Writes the N turns U (in order) of session ID in one transaction: all
 * of them or, on failure, none. */
int rc_store_turns(struct rc_store *st, int64_t id, const struct rc_turn *u,
                   size_t n, const char *currency, struct rc_err *err);
/* 1 when the last write of ST that failed did so because another process
 * held the database past the busy timeout (SQLITE_BUSY or SQLITE_LOCKED)
 * or because the server went away: trying again later may work. */
int rc_store_was_locked(const struct rc_store *st);
/* 1 when the last write of ST that failed did so because the server went
 * away (PostgreSQL): the next write tries to connect again. */
int rc_store_was_lost(const struct rc_store *st);
/* 1 when ST is a PostgreSQL server rather than an SQLite file. */
int rc_store_is_server(const struct rc_store *st);

/* Ends session ID with STATUS: how the call ended, the agreement, the
 * floor and the debtor's mood from T (MOOD when HAS_MOOD), and scorecard
 * CARD (may be NULL).  ENDED_AT is unix seconds, 0 for now. */
int rc_store_session_end(struct rc_store *st, int64_t id,
                         enum rc_store_status status,
                         const struct rc_transcript *t, int has_mood,
                         double mood, const struct rc_scorecard *card,
                         int64_t ended_at, struct rc_err *err);

/* Adds scorecard CARD for session ID and makes it the current one; the
 * earlier ones are kept, no longer current. */
int rc_store_add_score(struct rc_store *st, int64_t id,
                       const struct rc_scorecard *card, struct rc_err *err);

/* The most names one filter field holds (a repeated --trainee). */
#define RC_STORE_FILTER_MAX 32

/* Which sessions a query covers.  NULL / 0 fields do not filter.  Times
 * are unix seconds: since <= started_at < until.  A session matches
 * trainee, cohort and scenario when it has any of the NTRAINEE (...)
 * names given; trainees and cohorts are compared ignoring ASCII case,
 * scenario ids exactly. */
struct rc_store_filter {
	const char *trainee[RC_STORE_FILTER_MAX];
	const char *cohort[RC_STORE_FILTER_MAX];
	const char *scenario[RC_STORE_FILTER_MAX];
	size_t ntrainee, ncohort, nscenario;
	const char *drill, *status;
	int64_t since, until;
	int64_t id;                /* one session */
};

/* A trainer's override of one practice of a session (`recoup review`).
 * Strings belong to the store (see struct rc_store_row). */
struct rc_store_review {
	const char *practice, *status;
	const char *was;               /* the current scorecard's automatic
	                                  status; NULL when it has no such
	                                  practice (the review does not apply) */
	const char *by;
	const char *note;              /* may be NULL */
	int64_t at;                    /* unix seconds */
};

/* One session as queries return it.  Strings belong to the store and are
 * valid during the callback only. */
struct rc_store_row {
	int64_t id;
	const char *trainee, *cohort, *drill, *scenario, *scenario_version;
	const char *scenario_title, *debtor, *currency, *mode, *status;
	const char *ended_by;          /* may be NULL */
	const char *agreement;         /* terms as JSON, or NULL: the schedule
	                                  (terms.h), or before schema 3 maybe
	                                  the older upfront/instalment shape;
	                                  read it with rc_store_parse_terms() */
	int32_t call_date;             /* the call's date, RC_DATE_NONE when
	                                  not known */
	uint64_t seed;
	double balance;
	int64_t started_at, ended_at;  /* ended_at 0 when not ended */
	int turns;
	int has_floor, has_mood;
	double floor, mood;
	/* The current scorecard, when has_score. */
	int has_score;
	const char *rubric_version;
	double practice_score, outcome_score, score, pass_mark;
	int passed;
	const char *style;
	int agreement_reached;
	double recovered_now, expected, goodwill;
	int days_to_full;              /* -1: not in full */
	const char *critical;          /* JSON array */
	const char *breaches;          /* JSON array: the policy limits the
	                                  agreed terms broke */
	const char *compliance;        /* JSON object: the compliance section
	                                  (frame and rules), NULL without one */
	/* Every practice result: "ID:STATUS:POINTS" separated by spaces, the
	 * twenty first, in rubric order (STATUS is met, partial, missed or n/a). */
	const char *summary;
	double w_practice;             /* the practice score's share of the
	                                  overall the card was scored with */
	/* Trainers' overrides (recoup review), in practice order.  Where one
	 * applies, summary, practice_score, score and passed above are the
	 * reviewed figures (the points and the practice score recomputed
	 * with the card's weights) and auto_* the scorer's; without one they
	 * are equal. */
	const struct rc_store_review *reviews;
	size_t nreviews;
	size_t nreviewed;              /* reviews that apply */
	const char *auto_summary;
	double auto_practice_score, auto_score;
	int auto_passed;
};

typedef int (*rc_store_row_fn)(void *ctx, const struct rc_store_row *row);

/* Calls FN for every session F selects, oldest first (started_at, id).
 * FN returns non-zero to stop.  Returns the number of rows seen or -1. */
long rc_store_sessions(struct rc_store *st, const struct rc_store_filter *f,
                       rc_store_row_fn fn, void *ctx, struct rc_err *err);

/* A session read back whole: its row, its transcript and its current
 * scorecard rebuilt from the stored results.  Owns everything; free with
 * rc_store_loaded_free(). */
struct rc_store_loaded {
	struct rc_store_row row;
	struct rc_transcript *t;
	struct rc_scorecard *card;     /* NULL when the session was not scored */
	/* private: */
	struct rc_store_review *reviews;
	char **strings;
	size_t nstrings;
	struct rc_practice_def **defs;
	size_t ndefs;
};

/* Loads session ID.  Its scorecard shows the reviewed statuses (each
 * result's review holds the automatic one) and the figures recomputed
 * with them (the scorer's in the card's auto_* fields).  Practice titles and tips come from RUBRIC when it
 * knows the practice (RUBRIC may be NULL).  Returns NULL with a message
 * when there is no such session. */
struct rc_store_loaded *rc_store_load(struct rc_store *st, int64_t id,
                                      const struct rc_rubric *rubric,
                                      struct rc_err *err);
void rc_store_loaded_free(struct rc_store_loaded *l);

/* Parses a session's agreement JSON (from a row) into T, in either shape
 * the store has kept (terms.h); CALL_DATE (the row's, may be
 * RC_DATE_NONE) resolves the words of the older shape.  0 on success. */
int rc_store_parse_terms(const char *json, int32_t call_date,
                         struct rc_terms *t);

/* Sessions stored without their call's date (before schema 3): calls FN
 * once for each scenario id and version they were played with (VERSION
 * may be NULL) until FN returns non-zero.  Returns the number of pairs
 * seen or -1. */
typedef int (*rc_store_undated_fn)(void *ctx, const char *scenario,
                                   const char *version);
int rc_store_undated(struct rc_store *st, rc_store_undated_fn fn, void *ctx,
                     struct rc_err *err);

/* Sets the call's date DAY on the sessions of SCENARIO at VERSION that
 * have none (what the scenario's case file dates its calls). */
int rc_store_set_call_date(struct rc_store *st, const char *scenario,
                           const char *version, int32_t day,
                           struct rc_err *err);

/* Records BY's override STATUS (with NOTE, may be NULL) of PRACTICE in
 * session ID at AT (unix seconds, 0: now), replacing an earlier one of
 * the same practice.  The automatic result is kept; the override applies
 * on top of whichever scorecard is current.  The caller checks that the
 * session and the practice exist (rc_store_load()). */
int rc_store_review_set(struct rc_store *st, int64_t id, const char *practice,
                        enum rc_status status, const char *note,
                        const char *by, int64_t at, struct rc_err *err);
/* Removes the override of PRACTICE in session ID: 1 when there was one,
 * 0 when not, -1 on failure. */
int rc_store_review_clear(struct rc_store *st, int64_t id, const char *practice,
                          struct rc_err *err);

const char *rc_store_status_name(enum rc_store_status s);

/* The spool (a server only): while the server is away, the turns of a
 * call are kept in a file of their own (0600) under rc_store_spool_dir()
 * and written back later.  The directory: $XDG_STATE_HOME/recoup/spool,
 * else ~/.local/state/recoup/spool; the caller frees it; NULL without a
 * home. */
char *rc_store_spool_dir(void);
/* Writes (replaces) the spool file of session ID with its N waiting
 * turns U and, when STATUS is not NULL, the status (and ENDED_BY, may be
 * NULL) the call ended with.  *WHERE is the file's path (the caller
 * frees it). */
int rc_store_spool(struct rc_store *st, int64_t id, const struct rc_turn *u,
                   size_t n, const char *currency, const char *status,
                   const char *ended_by, char **where, struct rc_err *err);
/* Removes the spool file of session ID (its turns are in the database). */
void rc_store_unspool(struct rc_store *st, int64_t id);
/* Writes back the spool files of ST's server whose call has ended (or
 * whose process is gone), each in one transaction, and removes them.
 * Turns already there are written again, never twice.  Returns the
 * number of turns written, or -1. */
long rc_store_replay(struct rc_store *st, struct rc_err *err);
/* 1 when spool files of the server TARGET wait to be written. */
int rc_store_spool_pending(const char *target);

#endif
