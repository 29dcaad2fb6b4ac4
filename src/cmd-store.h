/*
 * cmd-store.h - what the commands that save or read session records
 * share: opening the database named by --db (or the default), the filter
 * options (--trainee, --cohort, --scenario, --drill, --status, --since,
 * --until), and the saver that writes a call's turns as they happen.
 * Everything here may print: it is the program's edge.
 */
#ifndef RC_CMD_STORE_H
#define RC_CMD_STORE_H

#include <getopt.h>
#include <stdint.h>

#include "buf.h"
#include "scenario.h"
#include "session.h"
#include "store.h"

enum {
	RC_OPT_TRAINEE = 1000, RC_OPT_COHORT, RC_OPT_SCENARIO, RC_OPT_DRILL,
	RC_OPT_STATUS, RC_OPT_SINCE, RC_OPT_UNTIL, RC_OPT_DB,
	RC_OPT_BAD                /* rc_cmd_getopt(): a filter's argument is wrong */
};

/* The long options every records command takes (put first in its table). */
#define RC_CMD_FILTER_OPTIONS \
	{ "trainee", required_argument, NULL, RC_OPT_TRAINEE }, \
	{ "cohort", required_argument, NULL, RC_OPT_COHORT }, \
	{ "scenario", required_argument, NULL, RC_OPT_SCENARIO }, \
	{ "drill", required_argument, NULL, RC_OPT_DRILL }, \
	{ "status", required_argument, NULL, RC_OPT_STATUS }, \
	{ "since", required_argument, NULL, RC_OPT_SINCE }, \
	{ "until", required_argument, NULL, RC_OPT_UNTIL }, \
	{ "db", required_argument, NULL, RC_OPT_DB }

#define RC_CMD_FILTER_HELP \
	"  --trainee NAME     only this trainee's sessions (repeat: any of\n" \
	"                     them; names match ignoring case)\n" \
	"  --cohort TAG       only sessions of this cohort (repeat: any of\n" \
	"                     them; ignoring case)\n" \
	"  --scenario ID      only calls with this scenario (repeat: any)\n" \
	"  --drill NAME       only sessions played in this drill\n" \
	"  --status STATUS    complete, abandoned, interrupted or running\n" \
	"  --since DATE       started on or after DATE (YYYY-MM-DD, local time)\n" \
	"  --until DATE       started on or before DATE\n" \
	"  --db PATH          the database (default: $RECOUP_DB, else the\n" \
	"                     config's db, else $XDG_DATA_HOME/recoup/recoup.db)\n"

struct rc_cmd;
struct rc_report;

struct rc_cmd_query {
	struct rc_store_filter f;
	const char *db;
};

/* Handles filter option C with argument ARG: 1 when it was one, 0 when
 * not, -1 after printing why ARG is wrong. */
int rc_cmd_filter_opt(int c, const char *arg, struct rc_cmd_query *q);

/* getopt_long() over ARGV with OPTS (short options: "h") that handles the
 * filter options itself, into Q: returns the next other option, -1 at the
 * end, or RC_OPT_BAD after printing why a filter's argument is wrong.
 * The caller sets optind to 1 first. */
int rc_cmd_getopt(int argc, char **argv, const struct option *opts,
                  struct rc_cmd_query *q);

/* The index of format ARG in NAMES (NULL-terminated), or -1 after printing
 * "unknown format 'ARG': expected A, B or C". */
int rc_cmd_format(const char *arg, const char *const *names);

/* A report on the sessions that --format text|csv|json renders. */
typedef void (*rc_cmd_render_fn)(struct rc_buf *b, const struct rc_report *r);

/* The whole run of a command like `compare`: options (the filters and
 * --format), the sessions read, sorted first (trainees by name, scenarios
 * by id) when SORT, and printed with TEXT, CSV or JSON.  With BY_SCENARIO
 * (three renderers: text, CSV, JSON; may be NULL) the command also takes
 * --by practice|scenario, and --by scenario prints with those.  Returns
 * an exit code. */
int rc_cmd_report_exec(const struct rc_cmd *cmd, int argc, char **argv,
                       int sort, rc_cmd_render_fn text, rc_cmd_render_fn csv,
                       rc_cmd_render_fn json,
                       const rc_cmd_render_fn *by_scenario);

/* Opens database DB (the --db flag; NULL: $RECOUP_DB, the config
 * file's db, else the default path: rc_cmd_setting()).  On failure prints why and
 * returns NULL.  rc_cmd_open_store() creates the database when it is not
 * there (for the commands that save calls).  rc_cmd_read_store() opens it
 * read-only for the commands that only read (a read-only file can be
 * read) and never creates or initialises one: a missing or empty file is
 * reported, so a mistyped --db path is not created empty; an older
 * schema is migrated first.  rc_cmd_update_store() is for commands that
 * write to existing records (rescore): it must be there. */
struct rc_store *rc_cmd_open_store(const char *db);
struct rc_store *rc_cmd_update_store(const char *db);
/* The path of database DB (NULL: the default path), allocated, or NULL
 * when there is none. */
char *rc_cmd_db_path(const char *db);
struct rc_store *rc_cmd_read_store(const char *db);

/* Dates the sessions stored without their call's date (before schema 3)
 * from their scenario's case file, found on the scenario path with DIR
 * first (may be NULL), when the file has the version they were played
 * with.  Best effort and quiet; rc_cmd_open_store() does it with the
 * default path. */
void rc_cmd_date_sessions(struct rc_store *st, const char *dir);

/* The trainee's name: NAME (--trainee), else $RECOUP_TRAINEE, else the
 * config file's (rc_cmd_setting()), else $USER, else "trainee". */
const char *rc_cmd_trainee(const char *name);

/* "YYYY-MM-DD HH:MM" in local time into BUF (at least 20 bytes). */
const char *rc_cmd_format_time(int64_t t, char *buf, size_t size);

/* Reads the sessions Q selects from its database into a new report (free
 * with rc_report_free()); NULL after printing why. */
struct rc_report *rc_cmd_collect(const struct rc_cmd_query *q);

/* Saving one call as it happens.  A turn that cannot be written (the
 * database is locked past the busy timeout) waits in QUEUE with those
 * after it; the queue is written, in order and in one transaction, at the
 * next turn or at the end of the call, so a stored session never has a
 * gap.  Each step is said on stderr. */
struct rc_cmd_saver {
	struct rc_store *st;      /* NULL: not saving */
	int64_t id;
	const char *currency;
	int failed;               /* turns or the end were lost (said): the
	                             command must exit non-zero */
	struct rc_transcript *queue;  /* turns not written yet, or NULL */
	int announced;            /* the last turn said to be waiting, or 0 */
	int away;                 /* the server went away (said once): the
	                             waiting turns are in the spool */
};

/* Starts a stored session of scenario S for the call about to be played
 * with options SO and hooks SO's on_turn to it.  0, or -1 after printing
 * why.  ST NULL: nothing is saved (returns 0). */
int rc_cmd_saver_begin(struct rc_cmd_saver *sv, struct rc_store *st,
                       const struct rc_scenario *s, uint64_t seed,
                       const char *trainee, const char *cohort,
                       const char *drill, struct rc_session_opts *so);

/* Ends the stored session after rc_session_finish(): STATUS, outcome and
 * scorecard, after a final try at the turns still waiting.  When they
 * cannot be written, the session is not ended as STATUS but marked
 * interrupted (it holds the turns before the first unsaved one); every
 * outcome is said on stderr, and SV->failed is set when anything is
 * lost. */
void rc_cmd_saver_end(struct rc_cmd_saver *sv, enum rc_store_status status,
                      struct rc_session *ss);

/* cmd-play.c: plays one interactive call of S (readline on a terminal,
 * plain lines from a pipe), saving it in ST when not NULL, tagged with
 * COHORT and DRILL (may be NULL).  The call is stored complete when it
 * ended or the trainee hung up (/end, Ctrl-D, the end of piped input) and
 * abandoned when the trainee left with Ctrl-C before it ended.  *LEFT is
 * set when no more calls should follow (Ctrl-C, or the piped input ran
 * out).  In a drill (DRILL not NULL), when a call ends on its own, the
 * piped lines left up to and including the next /end are this call's and
 * are skipped (said on stderr), so they do not reach the next call; with
 * no /end before the end of the input they are given to the next call.
 * Returns an exit code. */
int rc_cmd_play_call(const struct rc_scenario *s, uint64_t seed,
                     struct rc_session_opts *so, struct rc_store *st,
                     const char *cohort, const char *drill, int *left);

#endif
