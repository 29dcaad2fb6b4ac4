/*
 * cmd-store.c - helpers of the commands that save or read the session
 * records: the database behind --db, the filter options, and the saver
 * that `play`, `run` and `drill` hook into a session so every turn is
 * written as soon as it is said.  A failed write is said once and the
 * call goes on (the trainee's practice matters more than the record),
 * but the command then exits 1: the record is not whole.
 */
#include "cmd-store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmd.h"
#include "db.h"
#include "report.h"
#include "utf8.h"
#include "xmalloc.h"

/* Local midnight starting day TEXT ("YYYY-MM-DD"), plus DAYS days. */
static int
parse_date(const char *text, int days, int64_t *out)
{
	struct tm tm;
	int y, m, d;
	char end;
	time_t t;
	size_t i;

	/* Digits where digits go: sscanf alone takes "+123-01-01". */
	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)text[i]))
			return -1;
	if (sscanf(text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || tm.tm_mday != d || tm.tm_mon != m - 1)
		return -1;
	tm.tm_mday += days;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	*out = (int64_t)t;
	return 0;
}

/* Adds ARG to the names filter option C (--trainee, --cohort or
 * --scenario) matches: a repeat means any of them. */
static int
add_name(int c, const char *arg, struct rc_cmd_query *q)
{
	const char *flag = c == RC_OPT_TRAINEE ? "--trainee" :
	    c == RC_OPT_COHORT ? "--cohort" : "--scenario";
	const char **v = c == RC_OPT_TRAINEE ? q->f.trainee :
	    c == RC_OPT_COHORT ? q->f.cohort : q->f.scenario;
	size_t *n = c == RC_OPT_TRAINEE ? &q->f.ntrainee :
	    c == RC_OPT_COHORT ? &q->f.ncohort : &q->f.nscenario;

	if (*n == RC_STORE_FILTER_MAX) {
		rc_cmd_error("too many %s options: at most %d", flag,
		    RC_STORE_FILTER_MAX);
		return -1;
	}
	v[(*n)++] = arg;
	return 1;
}

int
rc_cmd_filter_opt(int c, const char *arg, struct rc_cmd_query *q)
{
	static const char *const statuses[] = { "complete", "abandoned",
	    "interrupted", "running", NULL };
	size_t i;

	switch (c) {
	case RC_OPT_TRAINEE:
	case RC_OPT_COHORT:
		if (rc_cmd_check_name(c == RC_OPT_TRAINEE ? "--trainee" : "--cohort",
		    arg) != 0)
			return -1;
		/* FALLTHROUGH */
	case RC_OPT_SCENARIO:
		return add_name(c, arg, q);
	case RC_OPT_DRILL: q->f.drill = arg; return 1;
	case RC_OPT_DB: q->db = arg; return 1;
	case RC_OPT_STATUS:
		for (i = 0; statuses[i]; i++)
			if (strcmp(arg, statuses[i]) == 0) {
				q->f.status = statuses[i];
				return 1;
			}
		rc_cmd_error("unknown status '%s': expected complete, abandoned, "
		    "interrupted or running", arg);
		return -1;
	case RC_OPT_SINCE:
	case RC_OPT_UNTIL:
		if (parse_date(arg, c == RC_OPT_UNTIL, c == RC_OPT_SINCE ?
		    &q->f.since : &q->f.until) != 0) {
			rc_cmd_error("invalid date '%s': expected YYYY-MM-DD", arg);
			return -1;
		}
		return 1;
	default:
		return 0;
	}
}

int
rc_cmd_getopt(int argc, char **argv, const struct option *opts,
              struct rc_cmd_query *q)
{
	int c, k;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if ((k = rc_cmd_filter_opt(c, optarg, q)) == 0)
			return c;
		if (k < 0)
			return RC_OPT_BAD;
	}
	return -1;
}

int
rc_cmd_format(const char *arg, const char *const *names)
{
	struct rc_buf b = RC_BUF_INIT;
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(arg, names[i]) == 0)
			return i;
	for (i = 0; names[i]; i++)
		rc_buf_printf(&b, "%s%s", i == 0 ? "" : names[i + 1] ? ", " : " or ",
		    names[i]);
	rc_cmd_error("unknown format '%s': expected %s", arg, rc_buf_str(&b));
	rc_buf_free(&b);
	return -1;
}

/* Scenario id and version pairs, collected before any is written (no
 * update while the query runs). */
struct undated {
	char **id, **version;
	size_t n;
};

static int
undated_pair(void *ctx, const char *scenario, const char *version)
{
	struct undated *u = ctx;

	if (scenario == NULL)
		return 0;
	u->id = rc_xreallocarray(u->id, u->n + 1, sizeof *u->id);
	u->version = rc_xreallocarray(u->version, u->n + 1, sizeof *u->version);
	u->id[u->n] = rc_xstrdup(scenario);
	u->version[u->n++] = version ? rc_xstrdup(version) : NULL;
	return 0;
}

void
rc_cmd_date_sessions(struct rc_store *st, const char *dir)
{
	struct rc_err err = RC_ERR_INIT;
	struct undated u;
	size_t i;

	memset(&u, 0, sizeof u);
	if (rc_store_undated(st, undated_pair, &u, &err) < 0)
		u.n = 0;
	for (i = 0; i < u.n; i++) {
		char *path = rc_scenario_find(u.id[i], rc_cmd_scenario_dirs(dir));
		struct rc_scenario *s = path ? rc_scenario_load(path, &err) : NULL;

		/* The case file of the version played dates the call; another
		 * version may hold other invoices, so it does not. */
		if (s != NULL && s->date != RC_DATE_NONE && u.version[i] != NULL &&
		    s->version != NULL && strcmp(s->version, u.version[i]) == 0)
			rc_store_set_call_date(st, u.id[i], u.version[i], s->date, &err);
		rc_scenario_free(s);
		free(path);
		free(u.id[i]);
		free(u.version[i]);
	}
	free(u.id);
	free(u.version);
	/* Best effort: an undated session is still shown, its words as said. */
	rc_err_clear(&err);
}

char *
rc_cmd_db_path(const char *db)
{
	db = rc_cmd_setting(RC_CONFIG_DB, db);
	return db && *db ? rc_xstrdup(db) : rc_store_default_path();
}

struct rc_store *
rc_cmd_open_store(const char *db)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_store *st = NULL;
	char *path;

	db = rc_cmd_setting(RC_CONFIG_DB, db);
	path = db && *db ? NULL : rc_store_default_path();
	if (!(db && *db) && path == NULL) {
		rc_cmd_error("no database: set HOME, RECOUP_DB or use --db PATH");
		return NULL;
	}
	rc_store_open(db && *db ? db : path, &st, &err);
	rc_cmd_print_err(&err);
	rc_err_clear(&err);
	free(path);
	if (st != NULL)
		rc_cmd_date_sessions(st, NULL);
	if (st != NULL && rc_store_is_server(st)) {
		/* Turns a call kept while the server was away. */
		long n = rc_store_replay(st, &err);

		if (n > 0)
			rc_cmd_error("%ld turn%s kept on this computer while the "
			    "server was away now saved", n, n == 1 ? "" : "s");
		else if (n < 0)
			rc_cmd_print_err(&err);
		rc_err_clear(&err);
	}
	return st;
}

/* The database DB (NULL: the default) for a command that needs it to be
 * there: its path (allocated), or NULL after saying there is none. */
static char *
existing_db(const char *db)
{
	char *p = rc_cmd_db_path(db);
	struct stat sb;

	if (p == NULL) {
		rc_cmd_error("no database: set HOME, RECOUP_DB or use --db PATH");
		return NULL;
	}
	/* A server says itself whether it holds sessions. */
	if (!rc_db_is_server(p) && lstat(p, &sb) != 0) {
		rc_cmd_error("no session database at '%s' (play or run a call first, "
		    "or give --db PATH)", p);
		free(p);
		return NULL;
	}
	return p;
}

struct rc_store *
rc_cmd_read_store(const char *db)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_store *st = NULL;
	char *p = existing_db(db);
	int rc;

	if (p == NULL)
		return NULL;
	if (rc_store_spool_pending(p)) {
		/* Written back by a writer's open first, so they are read. */
		struct rc_store *w = rc_cmd_open_store(p);

		if (w == NULL) {
			/* Said why (the server is still away, say). */
			free(p);
			return NULL;
		}
		rc_store_close(w);
	}
	rc = rc_store_open_read(p, &st, &err);
	if (rc == RC_STORE_OLD) {
		/* An older schema is migrated once, by a writer's open. */
		struct rc_store *w = rc_cmd_open_store(p);

		if (w != NULL) {
			rc_store_close(w);
			rc = rc_store_open_read(p, &st, &err);
		}
	}
	rc_cmd_print_err(&err);
	rc_err_clear(&err);
	free(p);
	return st;
}

struct rc_store *
rc_cmd_update_store(const char *db)
{
	char *p = existing_db(db);
	struct rc_store *st;

	if (p == NULL)
		return NULL;
	st = rc_cmd_open_store(p);
	free(p);
	return st;
}

const char *
rc_cmd_trainee(const char *name)
{
	const char *user = getenv("USER");

	/* --trainee, RECOUP_TRAINEE, the config file, then $USER. */
	name = rc_cmd_setting(RC_CONFIG_TRAINEE, name);
	if (name && *name)
		return name;
	/* $USER is not checked like --trainee: a name that is not UTF-8 is
	 * not taken from it. */
	return user && *user && rc_utf8_valid(user) ? user : "trainee";
}

const char *
rc_cmd_format_time(int64_t t, char *buf, size_t size)
{
	return rc_report_local_time(t, 1, buf, size);
}

/* "turn 7" or "turns 7–9" into BUF. */
static const char *
turn_words(char *buf, size_t size, int from, int to)
{
	if (from == to)
		snprintf(buf, size, "turn %d", from);
	else
		snprintf(buf, size, "turns %d\u2013%d", from, to);
	return buf;
}

/* Writes the waiting turns, in order, in one transaction.  0 when none
 * wait any more; -1 when they still do (said once per turn). */
static int
saver_flush(struct rc_cmd_saver *sv)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_transcript *q = sv->queue;
	char words[64];
	int from, to;

	if (q == NULL || q->n == 0)
		return 0;
	from = q->turns[0].number;
	to = q->turns[q->n - 1].number;
	if (rc_store_turns(sv->st, sv->id, q->turns, q->n, sv->currency,
	    &err) != 0) {
		if (rc_store_was_lost(sv->st)) {
			char *where = NULL;
			struct rc_err serr = RC_ERR_INIT;

			/* Kept on this computer until the server is back. */
			if (rc_store_spool(sv->st, sv->id, q->turns, q->n, sv->currency,
			    NULL, NULL, &where, &serr) != 0) {
				if (!sv->away)
					rc_cmd_print_err(&err);
				rc_cmd_print_err(&serr);
				rc_cmd_error("warning: the database server is away and "
				    "%s could not be kept on this computer either; they "
				    "wait in memory until it is back",
				    turn_words(words, sizeof words, from, to));
			} else if (!sv->away) {
				rc_cmd_print_err(&err);
				rc_cmd_error("the database server is away: the call goes "
				    "on and your turns are kept on this computer ('%s') "
				    "until it is back", where);
			}
			sv->away = 1;
			free(where);
			rc_err_clear(&serr);
			rc_err_clear(&err);
			return -1;
		}
		if (to > sv->announced) {
			int first = sv->announced >= from ? sv->announced + 1 : from;
			int locked = rc_store_was_locked(sv->st);

			/* The database's own reason, once: the turns after it
			 * wait for the same. */
			if (!locked && sv->announced == 0)
				rc_cmd_print_err(&err);
			rc_cmd_error("warning: %s could not be saved yet (%s); %s "
			    "will be written when the database is free",
			    turn_words(words, sizeof words, first, to),
			    locked ? "database locked" : "database error",
			    first == to ? "it" : "they");
			sv->announced = to;
		}
		rc_err_clear(&err);
		return -1;
	}
	if (sv->away) {
		rc_store_unspool(sv->st, sv->id);
		rc_cmd_error("the database server is back: %s saved",
		    turn_words(words, sizeof words, from, to));
		sv->away = 0;
	} else if (sv->announced >= from) {
		rc_cmd_error("%s saved", turn_words(words, sizeof words, from, to));
	}
	sv->announced = 0;
	rc_transcript_free(q);
	sv->queue = NULL;
	return 0;
}

static void
saver_turn(void *ctx, const struct rc_turn *u)
{
	struct rc_cmd_saver *sv = ctx;

	if (sv->st == NULL || sv->id <= 0)
		return;
	if (sv->queue == NULL)
		sv->queue = rc_transcript_new();
	rc_transcript_copy(sv->queue, u);
	saver_flush(sv);
}

/* The end of a call whose turns from the first waiting one on could not
 * be written: the session keeps the turns before it and is marked
 * interrupted, never ended with a gap. */
static void
saver_give_up(struct rc_cmd_saver *sv)
{
	struct rc_err err = RC_ERR_INIT;
	const struct rc_transcript *q = sv->queue;
	int from = q->turns[0].number, to = q->turns[q->n - 1].number;
	int locked = rc_store_was_locked(sv->st);
	char words[64], kept[64];

	if (from > 1)
		snprintf(kept, sizeof kept, "turns 1\u2013%d", from - 1);
	else
		snprintf(kept, sizeof kept, "no turns");
	turn_words(words, sizeof words, from, to);
	sv->failed = 1;
	if (rc_store_session_end(sv->st, sv->id, RC_STORE_INTERRUPTED, NULL, 0, 0,
	    NULL, 0, &err) == 0)
		rc_cmd_error("warning: %s could not be saved (%s): session %lld is "
		    "stored as interrupted with %s only, without its scorecard "
		    "('recoup rescore' scores it)", words,
		    locked ? "database locked" : "database error",
		    (long long)sv->id, kept);
	else
		rc_cmd_error("warning: %s could not be saved (%s), nor the end of "
		    "the call: session %lld keeps %s only and will be marked "
		    "interrupted the next time the database is opened", words,
		    locked ? "database locked" : "database error",
		    (long long)sv->id, kept);
	rc_err_clear(&err);
	rc_transcript_free(sv->queue);
	sv->queue = NULL;
}

/* The end of a call while the server is away: the waiting turns (if
 * any) and how the call ended go to the spool, written back by the next
 * recoup command that reaches the server.  0, or -1 when even that
 * failed. */
static int
spool_end(struct rc_cmd_saver *sv, enum rc_store_status status,
          const struct rc_transcript *t)
{
	struct rc_err err = RC_ERR_INIT;
	const struct rc_transcript *q = sv->queue;
	char *where = NULL;
	int rc;

	rc = rc_store_spool(sv->st, sv->id, q ? q->turns : NULL, q ? q->n : 0,
	    sv->currency, rc_store_status_name(status),
	    t ? rc_ended_name(t->ended_by) : NULL, &where, &err);
	if (rc != 0) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		return -1;
	}
	sv->failed = 1;
	rc_cmd_error("the database server is still away: session %lld's last "
	    "turns and its end are kept in '%s'; the next recoup command that "
	    "reaches the server saves them ('recoup rescore' then gives the call "
	    "its scorecard)", (long long)sv->id, where);
	free(where);
	rc_transcript_free(sv->queue);
	sv->queue = NULL;
	return 0;
}

int
rc_cmd_saver_begin(struct rc_cmd_saver *sv, struct rc_store *st,
                   const struct rc_scenario *s, uint64_t seed,
                   const char *trainee, const char *cohort, const char *drill,
                   struct rc_session_opts *so)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_store_meta m;

	memset(sv, 0, sizeof *sv);
	if (st == NULL)
		return 0;
	memset(&m, 0, sizeof m);
	m.trainee = rc_cmd_trainee(trainee);
	m.cohort = cohort;
	m.drill = drill;
	m.scenario = s->id;
	m.scenario_version = s->version;
	m.scenario_title = s->title;
	m.debtor = s->first_name;
	m.currency = s->currency;
	m.balance = s->balance;
	m.seed = seed;
	m.mode = so->mode == RC_MODE_ASSESSMENT ? "assessment" : "practice";
	m.has_call_date = s->date != RC_DATE_NONE;
	m.call_date = s->date;
	sv->id = rc_store_session_begin(st, &m, &err);
	if (sv->id < 0) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		return -1;
	}
	sv->st = st;
	sv->currency = s->currency;
	so->on_turn = saver_turn;
	so->on_turn_ctx = sv;
	return 0;
}

void
rc_cmd_saver_end(struct rc_cmd_saver *sv, enum rc_store_status status,
                 struct rc_session *ss)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_engine *e = rc_session_engine(ss);

	if (sv->st == NULL || sv->id <= 0)
		return;
	/* The final retry of the turns still waiting (each try waits for the
	 * busy timeout); without them the session must not be ended. */
	if (saver_flush(sv) != 0 && saver_flush(sv) != 0) {
		if (sv->away && spool_end(sv, status, rc_engine_transcript(e)) == 0)
			return;
		saver_give_up(sv);
		return;
	}
	if (rc_store_session_end(sv->st, sv->id, status, rc_engine_transcript(e),
	    1, rc_engine_var(e, "mood"), rc_session_scorecard(ss), 0, &err) != 0) {
		if (rc_store_was_lost(sv->st) &&
		    spool_end(sv, status, rc_engine_transcript(e)) == 0) {
			rc_err_clear(&err);
			return;
		}
		sv->failed = 1;
		rc_cmd_print_err(&err);
		rc_cmd_error("session %lld: the end of the call and its scorecard "
		    "were not saved", (long long)sv->id);
	}
	rc_err_clear(&err);
}

static int
collect_row(void *ctx, const struct rc_store_row *row)
{
	rc_report_add(ctx, row);
	return 0;
}

struct rc_report *
rc_cmd_collect(const struct rc_cmd_query *q)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_store *st = rc_cmd_read_store(q->db);
	struct rc_report *r;

	if (st == NULL)
		return NULL;
	r = rc_report_new();
	if (rc_store_sessions(st, &q->f, collect_row, r, &err) < 0) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		rc_report_free(r);
		r = NULL;
	}
	rc_store_close(st);
	return r;
}

int
rc_cmd_report_exec(const struct rc_cmd *cmd, int argc, char **argv,
                   int sort, rc_cmd_render_fn text, rc_cmd_render_fn csv,
                   rc_cmd_render_fn json, const rc_cmd_render_fn *by_scenario)
{
	static const struct option opts[] = {
		RC_CMD_FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct option by_opts[] = {
		RC_CMD_FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "by", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "text", "csv", "json", NULL };
	static const char *const bys[] = { "practice", "scenario", NULL };
	const rc_cmd_render_fn render[] = { text, csv, json };
	struct rc_cmd_query q;
	struct rc_buf out = RC_BUF_INIT;
	struct rc_report *r;
	int c, fmt = 0, by = 0;

	memset(&q, 0, sizeof q);
	optind = 1;
	while ((c = rc_cmd_getopt(argc, argv, by_scenario ? by_opts : opts,
	    &q)) != -1) {
		switch (c) {
		case RC_OPT_BAD: return RC_EXIT_USAGE;
		case 'f':
			if ((fmt = rc_cmd_format(optarg, formats)) < 0)
				return RC_EXIT_USAGE;
			break;
		case 'b':
			for (by = 0; bys[by] && strcmp(optarg, bys[by]) != 0; by++)
				;
			if (bys[by] == NULL) {
				rc_cmd_error("unknown --by '%s': expected practice or "
				    "scenario", optarg);
				return RC_EXIT_USAGE;
			}
			break;
		case 'h': return rc_cmd_usage(cmd, 0);
		default: return rc_cmd_usage(cmd, 1);
		}
	}
	if (optind < argc) {
		rc_cmd_error("%s takes no arguments, got '%s'", cmd->name,
		    argv[optind]);
		return rc_cmd_usage(cmd, 1);
	}
	if ((r = rc_cmd_collect(&q)) == NULL)
		return RC_EXIT_USAGE;
	if (sort) {
		rc_report_sort(r);
		rc_report_sort_scenarios(r);
	}
	if (by == 1)
		by_scenario[fmt](&out, r);
	else
		render[fmt](&out, r);
	rc_cmd_out(rc_buf_str(&out));
	rc_buf_free(&out);
	rc_report_free(r);
	return rc_cmd_flush() == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
}
