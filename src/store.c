/*
 * store.c - the session records, on an SQLite file or a PostgreSQL server,
 * every query written once over the driver layer (db.h).  Invariants: the
 * schema version (PRAGMA user_version; the table recoup_schema on a
 * server) only moves forward, through the migrations[] steps applied in
 * one transaction; a database newer than the program is never written to.
 * Every write is one transaction (BEGIN IMMEDIATE on SQLite, so writers
 * queue on the busy timeout) unless a batch is open.  Every value reaches
 * SQL through a bound parameter.  Exactly one score per session is current
 * (a partial unique index keeps it so).  A server's turns that cannot be
 * written wait in the spool (at the end of this file).
 */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "datadir.h"
#include "db.h"
#include "file.h"
#include "render.h"
#include "xmalloc.h"

#define BUSY_TIMEOUT_MS 5000
/* A session still 'running' with no new turn for this long is taken as
 * interrupted even if its pid looks alive (the pid may have been reused). */
#define STALE_SECONDS (12 * 3600)

/* Each step takes the schema from version i to i + 1. */
static const char *const migrations[] = {
	/* 0 -> 1: the first schema. */
	"CREATE TABLE sessions (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  trainee TEXT NOT NULL,\n"
	"  cohort TEXT,\n"
	"  drill TEXT,\n"
	"  scenario TEXT NOT NULL,\n"
	"  scenario_version TEXT,\n"
	"  scenario_title TEXT,\n"
	"  debtor TEXT,\n"
	"  currency TEXT,\n"
	"  balance REAL,\n"
	"  seed TEXT NOT NULL,\n"
	"  mode TEXT NOT NULL,\n"
	"  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN\n"
	"    ('running', 'complete', 'abandoned', 'interrupted')),\n"
	"  host TEXT,\n"
	"  pid INTEGER,\n"
	"  started_at INTEGER NOT NULL,\n"
	"  updated_at INTEGER NOT NULL,\n"
	"  ended_at INTEGER,\n"
	"  ended_by TEXT,\n"
	"  agreement TEXT,\n"
	"  floor REAL,\n"
	"  mood REAL,\n"
	"  turns INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE INDEX sessions_started ON sessions(started_at, id);\n"
	"CREATE INDEX sessions_trainee ON sessions(trainee, started_at);\n"
	"CREATE INDEX sessions_cohort ON sessions(cohort, started_at);\n"
	"CREATE INDEX sessions_scenario ON sessions(scenario, started_at);\n"
	"CREATE INDEX sessions_drill ON sessions(drill, started_at);\n"
	"CREATE INDEX sessions_running ON sessions(status) WHERE status = 'running';\n"
	"CREATE TABLE turns (\n"
	"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,\n"
	"  number INTEGER NOT NULL,\n"
	"  speaker TEXT NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  state TEXT,\n"
	"  rule TEXT,\n"
	"  events TEXT NOT NULL DEFAULT '[]',\n"
	"  at INTEGER NOT NULL,\n"
	"  PRIMARY KEY (session_id, number)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE scores (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,\n"
	"  current INTEGER NOT NULL DEFAULT 1,\n"
	"  rubric_version TEXT NOT NULL,\n"
	"  scenario_version TEXT,\n"
	"  scored_at INTEGER NOT NULL,\n"
	"  practice_score REAL NOT NULL,\n"
	"  outcome_score REAL NOT NULL,\n"
	"  score REAL NOT NULL,\n"
	"  pass_mark REAL NOT NULL,\n"
	"  passed INTEGER NOT NULL,\n"
	"  style TEXT,\n"
	"  agreement INTEGER NOT NULL DEFAULT 0,\n"
	"  recovered_now REAL,\n"
	"  expected REAL,\n"
	"  days_to_full INTEGER,\n"
	"  goodwill REAL,\n"
	"  critical TEXT NOT NULL DEFAULT '[]',\n"
	"  summary TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE UNIQUE INDEX scores_current ON scores(session_id) WHERE current = 1;\n"
	"CREATE INDEX scores_session ON scores(session_id, id);\n"
	"CREATE TABLE results (\n"
	"  score_id INTEGER NOT NULL REFERENCES scores(id) ON DELETE CASCADE,\n"
	"  practice TEXT NOT NULL,\n"
	"  number INTEGER NOT NULL,\n"
	"  status TEXT NOT NULL,\n"
	"  points REAL NOT NULL,\n"
	"  weight REAL NOT NULL,\n"
	"  note TEXT,\n"
	"  evidence TEXT NOT NULL DEFAULT '[]',\n"
	"  title TEXT,\n"
	"  ord INTEGER NOT NULL DEFAULT 0,\n"
	"  PRIMARY KEY (score_id, practice)\n"
	") WITHOUT ROWID;\n",
	/* 1 -> 2: who said a debtor line when it was not the debtor (a
	 * gatekeeper: a spouse, a receptionist). */
	"ALTER TABLE turns ADD COLUMN name TEXT;\n",
	/* 2 -> 3: the call's date (YYYY-MM-DD, the day the agreement's words
	 * were said against; NULL when not known).  Sessions stored before it
	 * get it later from their scenario (rc_store_set_call_date), found
	 * through the partial index. */
	"ALTER TABLE sessions ADD COLUMN call_date TEXT;\n"
	"CREATE INDEX sessions_undated ON sessions(scenario, scenario_version) "
	"WHERE call_date IS NULL;\n",
	/* 3 -> 4: the creditor's policy limits the agreed terms broke, as
	 * the outcome flagged them: [{"kind", "found", "limit", "text"}],
	 * found and limit in cents, months or days as enum rc_breach_kind
	 * says.  Scores stored before it read as breaking none. */
	"ALTER TABLE scores ADD COLUMN breaches TEXT NOT NULL DEFAULT '[]';\n",
	/* 4 -> 5: trainers' overrides of a practice's status (recoup review),
	 * kept beside the automatic results, which are never changed; one per
	 * session and practice, applied on top of the current score.  And the
	 * practice score's share of the overall, to recompute the overall
	 * with them (NULL for scores stored before: worked out from the
	 * stored figures). */
	"CREATE TABLE reviews (\n"
	"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,\n"
	"  practice TEXT NOT NULL,\n"
	"  status TEXT NOT NULL CHECK (status IN\n"
	"    ('met', 'partial', 'missed', 'n/a')),\n"
	"  note TEXT,\n"
	"  reviewer TEXT NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  PRIMARY KEY (session_id, practice)\n"
	") WITHOUT ROWID;\n"
	"ALTER TABLE scores ADD COLUMN w_practice REAL;\n",
	/* 5 -> 6: the compliance section (docs/compliance.md): the call's
	 * legal frame in words and each rule's result, {"frame", "rules":
	 * [{"id", "status", "applies", "turn", "quote", "note"}]}; NULL when
	 * the call had no frame (and for scores stored before). */
	"ALTER TABLE scores ADD COLUMN compliance TEXT;\n",
};

#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])
_Static_assert(NMIGRATIONS == RC_STORE_SCHEMA,
    "store.h's RC_STORE_SCHEMA names the last migration");

enum stmt {
	ST_BEGIN_SESSION, ST_TURN, ST_TOUCH, ST_END, ST_UNCURRENT, ST_SCORE,
	ST_RESULT, ST_CALL, ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
	[ST_BEGIN_SESSION] =
	    "INSERT INTO sessions (trainee, cohort, drill, scenario, "
	    "scenario_version, scenario_title, debtor, currency, balance, seed, "
	    "mode, status, host, pid, started_at, updated_at, call_date) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'running', ?12, ?13, "
	    "?14, ?14, ?15) RETURNING id",
	/* A turn written again (a spool replayed after a write that did get
	 * through) replaces itself: nothing twice. */
	[ST_TURN] =
	    "INSERT INTO turns (session_id, number, speaker, text, state, rule, "
	    "events, at, name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
	    "ON CONFLICT (session_id, number) DO UPDATE SET speaker = "
	    "excluded.speaker, text = excluded.text, state = excluded.state, "
	    "rule = excluded.rule, events = excluded.events, at = excluded.at, "
	    "name = excluded.name",
	[ST_TOUCH] =
	    "UPDATE sessions SET turns = CASE WHEN turns > ?2 THEN turns ELSE ?2 "
	    "END, updated_at = ?3 WHERE id = ?1",
	[ST_END] =
	    "UPDATE sessions SET status = ?2, ended_at = ?3, updated_at = ?3, "
	    "ended_by = ?4, agreement = ?5, floor = ?6, mood = ?7 WHERE id = ?1",
	[ST_UNCURRENT] =
	    "UPDATE scores SET current = 0 WHERE session_id = ?1 AND current = 1",
	[ST_SCORE] =
	    "INSERT INTO scores (session_id, current, rubric_version, "
	    "scenario_version, scored_at, practice_score, outcome_score, score, "
	    "pass_mark, passed, style, agreement, recovered_now, expected, "
	    "days_to_full, goodwill, critical, summary, breaches, w_practice, "
	    "compliance) VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20) RETURNING id",
	[ST_RESULT] =
	    "INSERT INTO results (score_id, practice, number, status, points, "
	    "weight, note, evidence, title, ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10)",
	[ST_CALL] =
	    "SELECT call_date, currency FROM sessions WHERE id = ?1",
};

struct rc_store {
	struct rc_db *db;
	char *path;               /* as shown: a server's password masked */
	char *target;             /* a server's connection string, NULL for
	                             a file (never shown, never on disk) */
	int batch;
	int readonly;             /* opened by rc_store_open_read() */
	int64_t *dead;            /* read-only: 'running' sessions whose
	                             process is gone, shown as interrupted */
	size_t ndead;
	int locked;           /* the last failure: another process held the lock */
	int lost;             /* the last failure: the server went away */
	struct rc_db_stmt *stmts[ST_COUNT];
};

const char *
rc_store_status_name(enum rc_store_status s)
{
	switch (s) {
	case RC_STORE_COMPLETE: return "complete";
	case RC_STORE_ABANDONED: return "abandoned";
	case RC_STORE_INTERRUPTED: return "interrupted";
	default: return "running";
	}
}

static void
db_error(struct rc_store *st, struct rc_err *err, const char *what)
{
	st->locked = rc_db_busy(st->db);
	st->lost = rc_db_lost(st->db);
	rc_err_add(err, RC_ERROR, "database '%s': %s: %s", st->path, what,
	    rc_db_errmsg(st->db));
}

/* The busy timeout: BUSY_TIMEOUT_MS, or $RECOUP_BUSY_TIMEOUT_MS (whole
 * milliseconds, for tests that hold the lock from another process). */
static int
busy_timeout(void)
{
	const char *env = getenv("RECOUP_BUSY_TIMEOUT_MS");
	char *end;
	long ms;

	if (env == NULL || *env == '\0')
		return BUSY_TIMEOUT_MS;
	ms = strtol(env, &end, 10);
	return *end == '\0' && ms >= 0 && ms <= 600000 ? (int)ms : BUSY_TIMEOUT_MS;
}

int
rc_store_was_locked(const struct rc_store *st)
{
	return st != NULL && (st->locked || st->lost);
}

int
rc_store_was_lost(const struct rc_store *st)
{
	return st != NULL && st->lost;
}

int
rc_store_is_server(const struct rc_store *st)
{
	return st != NULL && st->db != NULL && rc_db_kind(st->db) == RC_DB_PG;
}

char *
rc_store_default_path(void)
{
	const char *env = getenv("RECOUP_DB");

	if (env && *env)
		return rc_xstrdup(env);
	return rc_datadir_xdg("XDG_DATA_HOME", ".local/share", "recoup.db");
}

/* Creates the missing directories above PATH with mode 0700. */
static int
make_parents(const char *path)
{
	char *p = rc_xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	free(p);
	return rc;
}

static const char *col_text(struct rc_db_stmt *q, int i);

static int
exec_sql(struct rc_store *st, const char *sql, struct rc_err *err)
{
	if (rc_db_exec(st->db, sql) != 0) {
		st->locked = rc_db_busy(st->db);
		st->lost = rc_db_lost(st->db);
		rc_err_add(err, RC_ERROR, "database '%s': %s", st->path,
		    rc_db_errmsg(st->db));
		return -1;
	}
	return 0;
}

static int
schema_version(struct rc_store *st, int *out, struct rc_err *err)
{
	if (rc_db_version(st->db, out) != 0) {
		db_error(st, err, "cannot read the schema version");
		return -1;
	}
	return 0;
}

static int
begin(struct rc_store *st, struct rc_err *err)
{
	if (st->batch)
		return 0;
	if (rc_db_begin(st->db) != 0) {
		db_error(st, err, "cannot start a transaction");
		return -1;
	}
	return 0;
}

static int
commit(struct rc_store *st, struct rc_err *err)
{
	if (st->batch)
		return 0;
	return exec_sql(st, "COMMIT", err);
}

static void
rollback(struct rc_store *st)
{
	if (!st->batch)
		rc_db_rollback(st->db);
}

/* Applies the migrations the database lacks, in one transaction. */
static int
migrate(struct rc_store *st, struct rc_err *err)
{
	struct rc_buf b = RC_BUF_INIT;
	int version = 0, rc;
	size_t i;

	if (rc_db_lock_schema(st->db, 1) != 0) {
		db_error(st, err, "cannot lock the schema");
		return -1;
	}
	if (rc_db_begin(st->db) != 0) {
		db_error(st, err, "cannot start a transaction");
		rc_db_lock_schema(st->db, 0);
		return -1;
	}
	/* Read again under the write lock: another process may have migrated. */
	if (schema_version(st, &version, err) != 0)
		goto fail;
	if (version > (int)NMIGRATIONS) {
		rc_err_add(err, RC_ERROR, "database '%s' has schema version %d, newer "
		    "than this recoup understands (%d): upgrade recoup", st->path,
		    version, (int)NMIGRATIONS);
		rc_db_rollback(st->db);
		rc_db_lock_schema(st->db, 0);
		return RC_STORE_TOO_NEW;
	}
	for (i = (size_t)version; i < NMIGRATIONS; i++) {
		rc_buf_reset(&b);
		rc_db_ddl(st->db, migrations[i], &b);
		if (exec_sql(st, rc_buf_str(&b), err) != 0)
			goto fail;
	}
	if ((size_t)version < NMIGRATIONS &&
	    rc_db_set_version(st->db, (int)NMIGRATIONS) != 0) {
		db_error(st, err, "cannot set the schema version");
		goto fail;
	}
	rc_buf_free(&b);
	rc = exec_sql(st, "COMMIT", err);
	rc_db_lock_schema(st->db, 0);
	return rc;
fail:
	rc_buf_free(&b);
	rc_db_rollback(st->db);
	rc_db_lock_schema(st->db, 0);
	return -1;
}

static int
pid_alive(long pid)
{
	if (pid <= 0)
		return 0;
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

/* The sessions still 'running' whose process is gone (in id order);
 * *N is set to their number. */
static int64_t *
find_dead(struct rc_store *st, size_t *np)
{
	struct rc_db_stmt *q = NULL;
	char host[256] = "";
	int64_t now = (int64_t)time(NULL);
	int64_t *dead = NULL;
	size_t n = 0;

	*np = 0;
	gethostname(host, sizeof host - 1);
	if ((q = rc_db_prepare(st->db, "SELECT id, host, pid, updated_at FROM "
	    "sessions WHERE status = 'running' ORDER BY id")) == NULL)
		return NULL;
	while (rc_db_step(q) == RC_DB_ROW) {
		const char *h = rc_db_text(q, 1);
		long pid = (long)rc_db_int64(q, 2);
		int64_t updated = rc_db_int64(q, 3);
		int here = h != NULL && strcmp(h, host) == 0;

		if ((here && !pid_alive(pid)) || now - updated > STALE_SECONDS) {
			dead = rc_xreallocarray(dead, n + 1, sizeof *dead);
			dead[n++] = rc_db_int64(q, 0);
		}
	}
	rc_db_finalize(q);
	*np = n;
	return dead;
}

/* Marks sessions whose process is gone as interrupted.  Best effort: a
 * failure (say, a busy database) leaves them for the next open. */
static void
mark_interrupted(struct rc_store *st)
{
	struct rc_db_stmt *u = NULL;
	size_t n, i;
	int64_t *dead = find_dead(st, &n);

	if (n == 0)
		return;
	if (rc_db_begin(st->db) != 0)
		goto done;
	if ((u = rc_db_prepare(st->db, "UPDATE sessions SET status = "
	    "'interrupted' WHERE id = ?1 AND status = 'running'")) != NULL) {
		for (i = 0; i < n; i++) {
			rc_db_bind_int64(u, 1, dead[i]);
			rc_db_step(u);
			rc_db_reset(u);
		}
		rc_db_finalize(u);
	}
	if (rc_db_commit(st->db) != 0)
		rc_db_rollback(st->db);
done:
	free(dead);
}

/* Refuses a database path that is a symbolic link or not a regular file
 * (a FIFO would block, a device is no database).  A missing file is
 * fine here: the caller decides whether to create it. */
static int
check_path(const char *path, struct rc_err *err)
{
	struct stat sb;

	if (lstat(path, &sb) != 0)
		return 0;
	if (S_ISLNK(sb.st_mode)) {
		rc_err_add(err, RC_ERROR, "database '%s' is a symbolic link: give the "
		    "path of the database file itself", path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		rc_err_add(err, RC_ERROR, "database '%s' is not a regular file (a %s)",
		    path, rc_file_kind((unsigned)sb.st_mode));
		return -1;
	}
	return 0;
}

/* 1 when the file open on FD starts as an SQLite database does; else
 * says PATH is not a recoup database. */
static int
is_sqlite(int fd, const char *path, struct rc_err *err)
{
	char magic[16];

	if (read(fd, magic, sizeof magic) == (ssize_t)sizeof magic &&
	    memcmp(magic, "SQLite format 3", 16) == 0)
		return 1;
	rc_err_add(err, RC_ERROR, "'%s' is not a recoup database (not an SQLite "
	    "file)", path);
	return 0;
}

/* Makes the database's -wal and -shm files private like the database
 * (SQLite gives new ones the database's mode; old ones keep theirs). */
static void
tighten_sidecars(const char *path)
{
	static const char *const sfx[] = { "-wal", "-shm" };
	struct rc_buf b = RC_BUF_INIT;
	struct stat sb;
	size_t i;

	for (i = 0; i < 2; i++) {
		int fd;

		rc_buf_reset(&b);
		rc_buf_printf(&b, "%s%s", path, sfx[i]);
		fd = open(rc_buf_str(&b), O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    sb.st_uid == geteuid() && (sb.st_mode & 077) != 0)
			fchmod(fd, 0600);
		close(fd);
	}
	rc_buf_free(&b);
}

static int open_server_write(const char *target, struct rc_store **out,
                             struct rc_err *err);
static int open_server_read(const char *target, struct rc_store **out,
                            struct rc_err *err);

int
rc_store_open(const char *path, struct rc_store **out, struct rc_err *err)
{
	struct rc_store *st;
	int memory = strcmp(path, ":memory:") == 0;
	int version = 0, rc, tries;
	sqlite3 *h = NULL;

	*out = NULL;
	if (rc_db_is_server(path))
		return open_server_write(path, out, err);
	if (!memory) {
		struct stat sb;
		int fd;

		if (check_path(path, err) != 0)
			return -1;
		if (make_parents(path) != 0) {
			rc_err_add(err, RC_ERROR, "cannot create the directory for "
			    "database '%s': %s", path, strerror(errno));
			return -1;
		}
		/* Create the file ourselves so it is private from the start;
		 * SQLite gives the -wal and -shm files the same mode.  No
		 * symlink is followed and no FIFO waited on, even one put there
		 * since the check above. */
		fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC, 0600);
		if (fd < 0) {
			int e = errno;

			if (check_path(path, err) == 0)
				rc_err_add(err, RC_ERROR, "cannot open database '%s': %s",
				    path, strerror(e));
			return -1;
		}
		if (fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode)) {
			close(fd);
			rc_err_add(err, RC_ERROR, "database '%s' is not a regular file "
			    "(a %s)", path, rc_file_kind((unsigned)sb.st_mode));
			return -1;
		}
		/* Never turn someone's file into a database: a file that is
		 * there must already be one. */
		if (sb.st_size > 0 && !is_sqlite(fd, path, err)) {
			close(fd);
			return -1;
		}
		/* Sessions are private: a database left readable by others
		 * (say, made before recoup did this) is made private again. */
		if (sb.st_uid == geteuid() && (sb.st_mode & 077) != 0)
			fchmod(fd, sb.st_mode & 0700);
		close(fd);
		tighten_sidecars(path);
	}
	st = rc_xcalloc(1, sizeof *st);
	st->path = rc_xstrdup(path);
	rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW,
	    NULL);
	st->db = rc_db_sqlite_wrap(h);
	if (rc != SQLITE_OK) {
		rc_err_add(err, RC_ERROR, "database '%s': cannot open: %s", path,
		    h ? sqlite3_errmsg(h) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(h, busy_timeout());
	sqlite3_extended_result_codes(h, 1);
	/* Check the version before anything writes to the file. */
	if (schema_version(st, &version, err) != 0)
		goto fail;
	if (version > (int)NMIGRATIONS) {
		rc_err_add(err, RC_ERROR, "database '%s' has schema version %d, newer "
		    "than this recoup understands (%d): upgrade recoup", path, version,
		    (int)NMIGRATIONS);
		rc_store_close(st);
		return RC_STORE_TOO_NEW;
	}
	/* Switching to WAL needs a moment alone with the file: retry while
	 * another process holds it. */
	for (tries = 0; tries < 50; tries++) {
		rc = sqlite3_exec(h, memory ? "PRAGMA journal_mode = MEMORY" :
		    "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		sqlite3_sleep(100);
	}
	if (rc != SQLITE_OK) {
		rc_err_add(err, RC_ERROR, "database '%s': cannot switch to WAL: %s",
		    path, sqlite3_errmsg(h));
		goto fail;
	}
	if (exec_sql(st, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON",
	    err) != 0)
		goto fail;
	if (version < (int)NMIGRATIONS && (rc = migrate(st, err)) != 0) {
		rc_store_close(st);
		return rc;
	}
	if (!memory)
		mark_interrupted(st);
	*out = st;
	return 0;
fail:
	rc_store_close(st);
	return -1;
}

/* The connection to the PostgreSQL server TARGET for rc_store_open() and
 * rc_store_open_read(), the schema version in *VERSION. */
static struct rc_store *
open_server(const char *target, int *version, struct rc_err *err)
{
	struct rc_store *st;
	struct rc_db *db;
	char *why = NULL, *shown = rc_db_mask(target);

	if (rc_db_pg_connect(target, &db, &why) != 0) {
		/* libpq's reason never holds the password; the target is
		 * shown masked. */
		rc_err_add(err, RC_ERROR, "cannot connect to database \"%s\": %s",
		    shown, why);
		free(why);
		free(shown);
		return NULL;
	}
	st = rc_xcalloc(1, sizeof *st);
	st->db = db;
	st->path = shown;
	st->target = rc_xstrdup(target);
	if (schema_version(st, version, err) != 0) {
		rc_store_close(st);
		return NULL;
	}
	return st;
}

static int
open_server_write(const char *target, struct rc_store **out,
                  struct rc_err *err)
{
	struct rc_store *st;
	int version = 0, rc;

	if ((st = open_server(target, &version, err)) == NULL)
		return -1;
	if (version > (int)NMIGRATIONS) {
		rc_err_add(err, RC_ERROR, "database '%s' has schema version %d, newer "
		    "than this recoup understands (%d): upgrade recoup", st->path,
		    version, (int)NMIGRATIONS);
		rc_store_close(st);
		return RC_STORE_TOO_NEW;
	}
	if (version < (int)NMIGRATIONS && (rc = migrate(st, err)) != 0) {
		rc_store_close(st);
		return rc;
	}
	mark_interrupted(st);
	*out = st;
	return 0;
}

static int
open_server_read(const char *target, struct rc_store **out,
                 struct rc_err *err)
{
	struct rc_store *st;
	int version = 0;

	if ((st = open_server(target, &version, err)) == NULL)
		return -1;
	st->readonly = 1;
	if (version == 0) {
		rc_err_add(err, RC_ERROR, "no sessions in database '%s' (it holds no "
		    "recoup records: 'recoup db init' creates them)", st->path);
		rc_store_close(st);
		return RC_STORE_MISSING;
	}
	if (version > (int)NMIGRATIONS) {
		rc_err_add(err, RC_ERROR, "database '%s' has schema version %d, newer "
		    "than this recoup understands (%d): upgrade recoup", st->path,
		    version, (int)NMIGRATIONS);
		rc_store_close(st);
		return RC_STORE_TOO_NEW;
	}
	if (version < (int)NMIGRATIONS) {
		rc_store_close(st);
		return RC_STORE_OLD;
	}
	/* A report reads every session with its score in one ordered query;
	 * at a million sessions PostgreSQL 15 gave it parallel workers that
	 * each read all the scores, then sorted on disk (6.1 s of server time
	 * against 4.4 s without them). */
	if (exec_sql(st, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; "
	    "SET max_parallel_workers_per_gather = 0", err) != 0) {
		rc_store_close(st);
		return -1;
	}
	st->dead = find_dead(st, &st->ndead);
	*out = st;
	return 0;
}

/* Opens ST's connection read-only on PATH, as an immutable file when
 * IMMUTABLE (a URI, the path percent-encoded).  Returns an SQLite code. */
static int
open_read(struct rc_store *st, const char *path, int immutable)
{
	struct rc_buf uri = RC_BUF_INIT;
	const char *p;
	sqlite3 *h = NULL;
	int rc;

	rc_db_close(st->db);
	st->db = NULL;
	if (!immutable) {
		rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, NULL);
	} else {
		rc_buf_puts(&uri, "file:");
		for (p = path; *p; p++)
			if (strchr("%?#", *p) != NULL || (unsigned char)*p < 0x21 ||
			    (unsigned char)*p >= 0x7f)
				rc_buf_printf(&uri, "%%%02X", (unsigned char)*p);
			else
				rc_buf_putc(&uri, *p);
		rc_buf_puts(&uri, "?immutable=1");
		rc = sqlite3_open_v2(rc_buf_str(&uri), &h, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_URI,
		    NULL);
		rc_buf_free(&uri);
	}
	sqlite3_busy_timeout(h, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(h, 1);
	st->db = rc_db_sqlite_wrap(h);
	return rc;
}

int
rc_store_open_read(const char *path, struct rc_store **out, struct rc_err *err)
{
	struct rc_store *st;
	struct stat sb;
	int version = 0, fd;

	*out = NULL;
	if (rc_db_is_server(path))
		return open_server_read(path, out, err);
	memset(&sb, 0, sizeof sb);
	if (check_path(path, err) != 0)
		return -1;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) < 0) {
		int e = errno;

		if (check_path(path, err) == 0)
			rc_err_add(err, RC_ERROR, "cannot open database '%s': %s", path,
			    strerror(e));
		return e == ENOENT ? RC_STORE_MISSING : -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size == 0 ||
	    !is_sqlite(fd, path, err)) {
		close(fd);
		if (!S_ISREG(sb.st_mode)) {
			rc_err_add(err, RC_ERROR, "database '%s' is not a regular file "
			    "(a %s)", path, rc_file_kind((unsigned)sb.st_mode));
			return -1;
		}
		if (sb.st_size != 0)
			return -1;
		rc_err_add(err, RC_ERROR, "no sessions in database '%s' (an empty "
		    "file)", path);
		return RC_STORE_MISSING;
	}
	close(fd);
	st = rc_xcalloc(1, sizeof *st);
	st->path = rc_xstrdup(path);
	st->readonly = 1;
	if (open_read(st, path, 0) != SQLITE_OK ||
	    schema_version(st, &version, err) != 0) {
		/* A WAL database on a read-only file system: SQLite cannot make
		 * the -shm file it reads through, and nobody can write the
		 * file meanwhile, so it is read as immutable. */
		if ((sqlite3_errcode(rc_db_sqlite_handle(st->db)) & 0xff) !=
		    SQLITE_CANTOPEN || open_read(st, path, 1) != SQLITE_OK ||
		    schema_version(st, &version, err) != 0) {
			rc_err_clear(err);
			db_error(st, err, "cannot open");
			goto fail;
		}
		rc_err_clear(err);
	}
	if (version == 0) {
		rc_err_add(err, RC_ERROR, "no sessions in database '%s' (it holds no "
		    "recoup records)", path);
		rc_store_close(st);
		return RC_STORE_MISSING;
	}
	if (version > (int)NMIGRATIONS) {
		rc_err_add(err, RC_ERROR, "database '%s' has schema version %d, newer "
		    "than this recoup understands (%d): upgrade recoup", path, version,
		    (int)NMIGRATIONS);
		rc_store_close(st);
		return RC_STORE_TOO_NEW;
	}
	if (version < (int)NMIGRATIONS) {
		rc_store_close(st);
		return RC_STORE_OLD;
	}
	if (exec_sql(st, "PRAGMA foreign_keys = ON", err) != 0)
		goto fail;
	st->dead = find_dead(st, &st->ndead);
	*out = st;
	return 0;
fail:
	rc_store_close(st);
	return -1;
}

void
rc_store_close(struct rc_store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < ST_COUNT; i++)
		rc_db_finalize(st->stmts[i]);
	if (st->batch && st->db != NULL)
		rc_db_rollback(st->db);
	rc_db_close(st->db);
	free(st->dead);
	free(st->path);
	free(st->target);
	free(st);
}

int
rc_store_schema(struct rc_store *st)
{
	struct rc_err err = RC_ERR_INIT;
	int v = -1;

	schema_version(st, &v, &err);
	rc_err_clear(&err);
	return v;
}

int
rc_store_batch_begin(struct rc_store *st, struct rc_err *err)
{
	if (st->batch)
		return 0;
	if (begin(st, err) != 0)
		return -1;
	st->batch = 1;
	return 0;
}

int
rc_store_batch_end(struct rc_store *st, struct rc_err *err)
{
	if (!st->batch)
		return 0;
	st->batch = 0;
	if (exec_sql(st, "COMMIT", err) != 0) {
		rc_db_rollback(st->db);
		return -1;
	}
	return 0;
}

/* The cached statement K, reset and unbound. */
static struct rc_db_stmt *
stmt(struct rc_store *st, enum stmt k, struct rc_err *err)
{
	if (st->stmts[k] == NULL) {
		if ((st->stmts[k] = rc_db_prepare(st->db, stmt_sql[k])) == NULL) {
			db_error(st, err, "cannot prepare a statement");
			return NULL;
		}
	} else {
		rc_db_reset(st->stmts[k]);
	}
	return st->stmts[k];
}

static void
bind_text(struct rc_db_stmt *q, int i, const char *s)
{
	rc_db_bind_text(q, i, s);
}

/* Steps Q, an INSERT ... RETURNING id, to its end: the id, or -1 with
 * "WHAT: why" in ERR. */
static int64_t
step_id(struct rc_store *st, struct rc_db_stmt *q, struct rc_err *err,
        const char *what)
{
	int64_t id = -1;
	int rc;

	while ((rc = rc_db_step(q)) == RC_DB_ROW)
		id = rc_db_int64(q, 0);
	if (rc != RC_DB_DONE || id < 0) {
		db_error(st, err, what);
		rc_db_reset(q);
		return -1;
	}
	rc_db_reset(q);
	return id;
}

static int
step_done(struct rc_store *st, struct rc_db_stmt *q, struct rc_err *err,
          const char *what)
{
	int rc = rc_db_step(q);

	if (rc != RC_DB_DONE) {
		db_error(st, err, what);
		rc_db_reset(q);
		return -1;
	}
	rc_db_reset(q);
	return 0;
}

int64_t
rc_store_session_begin(struct rc_store *st, const struct rc_store_meta *m,
                       struct rc_err *err)
{
	struct rc_db_stmt *q;
	char host[256] = "", seed[32];
	int64_t id;

	gethostname(host, sizeof host - 1);
	snprintf(seed, sizeof seed, "%llu", (unsigned long long)m->seed);
	if (begin(st, err) != 0)
		return -1;
	if ((q = stmt(st, ST_BEGIN_SESSION, err)) == NULL)
		goto fail;
	bind_text(q, 1, m->trainee);
	bind_text(q, 2, m->cohort);
	bind_text(q, 3, m->drill);
	bind_text(q, 4, m->scenario);
	bind_text(q, 5, m->scenario_version);
	bind_text(q, 6, m->scenario_title);
	bind_text(q, 7, m->debtor);
	bind_text(q, 8, m->currency);
	rc_db_bind_double(q, 9, m->balance);
	bind_text(q, 10, seed);
	bind_text(q, 11, m->mode);
	bind_text(q, 12, host);
	rc_db_bind_int64(q, 13, (int64_t)getpid());
	rc_db_bind_int64(q, 14, m->started_at ? m->started_at :
	    (int64_t)time(NULL));
	if (m->has_call_date) {
		char day[16];

		bind_text(q, 15, rc_date_iso(m->call_date, day, sizeof day));
	} else {
		rc_db_bind_null(q, 15);
	}
	if ((id = step_id(st, q, err, "cannot start a session")) < 0)
		goto fail;
	if (commit(st, err) != 0)
		goto fail;
	return id;
fail:
	rollback(st);
	return -1;
}

static void
events_json(struct rc_buf *b, const struct rc_turn *u, const char *currency)
{
	size_t j;

	rc_buf_putc(b, '[');
	for (j = 0; j < u->nevents; j++) {
		const struct rc_event *ev = &u->events[j];

		rc_buf_puts(b, j ? ", {\"type\": " : "{\"type\": ");
		rc_buf_json_string(b, ev->type ? ev->type : "");
		if (ev->detail) {
			rc_buf_puts(b, ", \"detail\": ");
			rc_buf_json_string(b, ev->detail);
		}
		if (ev->has_amount)
			rc_buf_printf(b, ", \"amount\": %.17g", ev->amount);
		if (ev->has_terms) {
			rc_buf_puts(b, ", \"terms\": ");
			rc_terms_json(b, &ev->terms, currency ? currency : "", RC_DATE_NONE);
		}
		rc_buf_putc(b, '}');
	}
	rc_buf_putc(b, ']');
}

/* A turn as it is stored: its text fields, its events already JSON. */
struct stored_turn {
	int number;
	const char *speaker, *text, *state, *rule, *events, *name;
	int64_t at;
};

/* Inserts turn U of session ID (or writes it again: nothing twice),
 * inside the caller's transaction. */
static int
insert_stored(struct rc_store *st, int64_t id, const struct stored_turn *u,
              struct rc_err *err)
{
	struct rc_db_stmt *q;

	if ((q = stmt(st, ST_TURN, err)) == NULL)
		return -1;
	rc_db_bind_int64(q, 1, id);
	rc_db_bind_int64(q, 2, u->number);
	bind_text(q, 3, u->speaker);
	bind_text(q, 4, u->text ? u->text : "");
	bind_text(q, 5, u->state);
	bind_text(q, 6, u->rule);
	bind_text(q, 7, u->events ? u->events : "[]");
	rc_db_bind_int64(q, 8, u->at);
	bind_text(q, 9, u->name);
	if (step_done(st, q, err, "cannot save a turn") != 0)
		return -1;
	if ((q = stmt(st, ST_TOUCH, err)) == NULL)
		return -1;
	rc_db_bind_int64(q, 1, id);
	rc_db_bind_int64(q, 2, u->number);
	rc_db_bind_int64(q, 3, u->at);
	return step_done(st, q, err, "cannot save a turn");
}

static void
stored_of(struct stored_turn *s, const struct rc_turn *u, const char *events,
          int64_t now)
{
	s->number = u->number;
	s->speaker = rc_speaker_name(u->speaker);
	s->text = u->text;
	s->state = u->state;
	s->rule = u->rule;
	s->events = events;
	s->name = u->name;
	s->at = now;
}

/* Inserts turn U of session ID, inside the caller's transaction. */
static int
insert_turn(struct rc_store *st, int64_t id, const struct rc_turn *u,
            const char *currency, int64_t now, struct rc_err *err)
{
	struct rc_buf ev = RC_BUF_INIT;
	struct stored_turn s;
	int rc;

	events_json(&ev, u, currency);
	stored_of(&s, u, rc_buf_str(&ev), now);
	rc = insert_stored(st, id, &s, err);
	rc_buf_free(&ev);
	return rc;
}

int
rc_store_turns(struct rc_store *st, int64_t id, const struct rc_turn *u,
               size_t n, const char *currency, struct rc_err *err)
{
	int64_t now = (int64_t)time(NULL);
	size_t i;

	st->locked = 0;
	if (begin(st, err) != 0)
		goto fail;
	for (i = 0; i < n; i++)
		if (insert_turn(st, id, &u[i], currency, now, err) != 0)
			goto fail;
	if (commit(st, err) != 0)
		goto fail;
	return 0;
fail:
	rollback(st);
	return -1;
}

int
rc_store_turn(struct rc_store *st, int64_t id, const struct rc_turn *u,
              const char *currency, struct rc_err *err)
{
	return rc_store_turns(st, id, u, 1, currency, err);
}

/* The compact per-practice summary kept beside the results for fast
 * aggregation: "ID:STATUS:POINTS ...". */
static void
summary(struct rc_buf *b, const struct rc_scorecard *c)
{
	size_t i;

	for (i = 0; i < c->npractices + c->nextended; i++) {
		const struct rc_result *r = i < c->npractices ? &c->practices[i] :
		    &c->extended[i - c->npractices];

		rc_buf_printf(b, "%s%s:%s:%g", i ? " " : "", r->def->id,
		    rc_status_name(r->status), r->points);
	}
}

static int
insert_results(struct rc_store *st, int64_t score_id, int first,
               const struct rc_result *r, size_t n, struct rc_err *err)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		struct rc_buf ev = RC_BUF_INIT;
		struct rc_db_stmt *q = stmt(st, ST_RESULT, err);
		int rc;

		if (q == NULL)
			return -1;
		rc_buf_putc(&ev, '[');
		for (j = 0; j < r[i].nev; j++) {
			rc_buf_printf(&ev, "%s{\"turn\": %d, \"quote\": ", j ? ", " : "",
			    r[i].ev[j].turn);
			rc_buf_json_string(&ev, r[i].ev[j].quote ? r[i].ev[j].quote : "");
			rc_buf_putc(&ev, '}');
		}
		rc_buf_putc(&ev, ']');
		rc_db_bind_int64(q, 1, score_id);
		bind_text(q, 2, r[i].def->id);
		rc_db_bind_int64(q, 3, r[i].def->number);
		bind_text(q, 4, rc_status_name(r[i].status));
		rc_db_bind_double(q, 5, r[i].points);
		rc_db_bind_double(q, 6, r[i].weight);
		bind_text(q, 7, r[i].note);
		bind_text(q, 8, rc_buf_str(&ev));
		bind_text(q, 9, r[i].def->title);
		rc_db_bind_int64(q, 10, first + (int)i);
		rc = step_done(st, q, err, "cannot save a practice result");
		rc_buf_free(&ev);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* The compliance section as stored: the frame and each rule's result
 * (the rule's texts are the rubric's, found again by id when loaded). */
static void
compliance_json(struct rc_buf *b, const struct rc_scorecard *c)
{
	size_t i;

	rc_buf_puts(b, "{\"frame\": ");
	rc_buf_json_string(b, c->frame);
	rc_buf_puts(b, ", \"rules\": [");
	for (i = 0; i < c->ncompliance; i++) {
		const struct rc_comply_result *r = &c->compliance[i];

		rc_buf_puts(b, i ? ", {\"id\": " : "{\"id\": ");
		rc_buf_json_string(b, r->rule->id);
		rc_buf_printf(b, ", \"status\": \"%s\", \"applies\": %d, "
		    "\"turn\": %d, \"quote\": ", rc_comply_status_name(r->status),
		    r->applies, r->turn);
		rc_buf_json_string(b, r->quote ? r->quote : "");
		rc_buf_puts(b, ", \"note\": ");
		rc_buf_json_string(b, r->note ? r->note : "");
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, "]}");
}

/* Inserts CARD as the current score of session ID (inside a transaction). */
static int
insert_score(struct rc_store *st, int64_t id, const struct rc_scorecard *c,
             int64_t when, struct rc_err *err)
{
	struct rc_buf crit = RC_BUF_INIT, sum = RC_BUF_INIT, brs = RC_BUF_INIT;
	struct rc_buf comp = RC_BUF_INIT;
	const struct rc_outcome *o = &c->outcome;
	struct rc_db_stmt *q;
	int64_t score_id;
	size_t i;
	int rc = -1;

	if ((q = stmt(st, ST_UNCURRENT, err)) == NULL)
		return -1;
	rc_db_bind_int64(q, 1, id);
	if (step_done(st, q, err, "cannot save a score") != 0)
		return -1;
	rc_buf_putc(&crit, '[');
	for (i = 0; i < c->ncritical; i++) {
		rc_buf_puts(&crit, i ? ", {\"id\": " : "{\"id\": ");
		rc_buf_json_string(&crit, c->critical[i].id ? c->critical[i].id : "");
		rc_buf_printf(&crit, ", \"turn\": %d, \"quote\": ", c->critical[i].turn);
		rc_buf_json_string(&crit, c->critical[i].quote ? c->critical[i].quote : "");
		rc_buf_putc(&crit, '}');
	}
	rc_buf_putc(&crit, ']');
	rc_buf_putc(&brs, '[');
	for (i = 0; i < (size_t)o->nbreaches; i++) {
		const struct rc_breach *r = &o->breaches[i];

		rc_buf_printf(&brs, "%s{\"kind\": \"%s\", \"found\": %lld, "
		    "\"limit\": %lld, \"text\": ", i ? ", " : "",
		    rc_breach_name(r->kind), (long long)r->found,
		    (long long)r->limit);
		rc_buf_json_string(&brs, r->text);
		rc_buf_putc(&brs, '}');
	}
	rc_buf_putc(&brs, ']');
	summary(&sum, c);
	if ((q = stmt(st, ST_SCORE, err)) == NULL)
		goto done;
	rc_db_bind_int64(q, 1, id);
	bind_text(q, 2, c->rubric_version ? c->rubric_version : "");
	bind_text(q, 3, c->scenario_version);
	rc_db_bind_int64(q, 4, when);
	rc_db_bind_double(q, 5, c->practice_score);
	rc_db_bind_double(q, 6, o->score);
	rc_db_bind_double(q, 7, c->score);
	rc_db_bind_double(q, 8, c->pass_mark);
	rc_db_bind_int64(q, 9, c->passed);
	bind_text(q, 10, rc_style_name(c->style));
	rc_db_bind_int64(q, 11, o->agreement);
	rc_db_bind_double(q, 12, o->recovered_now);
	rc_db_bind_double(q, 13, o->expected);
	rc_db_bind_int64(q, 14, o->days_to_full);
	rc_db_bind_double(q, 15, o->goodwill);
	bind_text(q, 16, rc_buf_str(&crit));
	bind_text(q, 17, rc_buf_str(&sum));
	bind_text(q, 18, rc_buf_str(&brs));
	rc_db_bind_double(q, 19, c->w_practice);
	if (c->frame != NULL) {
		compliance_json(&comp, c);
		bind_text(q, 20, rc_buf_str(&comp));
	} else {
		rc_db_bind_null(q, 20);
	}
	if ((score_id = step_id(st, q, err, "cannot save a score")) < 0)
		goto done;
	if (insert_results(st, score_id, 0, c->practices, c->npractices,
	    err) != 0 || insert_results(st, score_id, (int)c->npractices,
	    c->extended, c->nextended, err) != 0)
		goto done;
	rc = 0;
done:
	rc_buf_free(&crit);
	rc_buf_free(&brs);
	rc_buf_free(&sum);
	rc_buf_free(&comp);
	return rc;
}

int
rc_store_session_end(struct rc_store *st, int64_t id,
                     enum rc_store_status status, const struct rc_transcript *t,
                     int has_mood, double mood, const struct rc_scorecard *card,
                     int64_t ended_at, struct rc_err *err)
{
	struct rc_buf terms = RC_BUF_INIT;
	struct rc_db_stmt *q;
	int64_t when = ended_at ? ended_at : (int64_t)time(NULL);

	if (begin(st, err) != 0)
		goto fail;
	if (t != NULL && t->has_agreement) {
		int32_t day = RC_DATE_NONE;
		char *currency = NULL;

		/* The stored words as the scorecard said them: against the
		 * call's date, in its currency. */
		if ((q = stmt(st, ST_CALL, err)) == NULL)
			goto fail;
		rc_db_bind_int64(q, 1, id);
		if (rc_db_step(q) == RC_DB_ROW) {
			const char *d = col_text(q, 0), *c = col_text(q, 1);

			if (d == NULL || !rc_date_parse_iso(d, &day))
				day = RC_DATE_NONE;
			currency = c ? rc_xstrdup(c) : NULL;
		}
		rc_db_reset(q);
		rc_terms_json(&terms, &t->agreement, currency ? currency : "", day);
		free(currency);
	}
	if ((q = stmt(st, ST_END, err)) == NULL)
		goto fail;
	rc_db_bind_int64(q, 1, id);
	bind_text(q, 2, rc_store_status_name(status));
	rc_db_bind_int64(q, 3, when);
	bind_text(q, 4, t ? rc_ended_name(t->ended_by) : NULL);
	bind_text(q, 5, t && t->has_agreement ? rc_buf_str(&terms) : NULL);
	if (t && t->has_floor)
		rc_db_bind_double(q, 6, t->floor);
	else
		rc_db_bind_null(q, 6);
	if (has_mood)
		rc_db_bind_double(q, 7, mood);
	else
		rc_db_bind_null(q, 7);
	if (step_done(st, q, err, "cannot end a session") != 0)
		goto fail;
	if (card != NULL && insert_score(st, id, card, when, err) != 0)
		goto fail;
	if (commit(st, err) != 0)
		goto fail;
	rc_buf_free(&terms);
	return 0;
fail:
	rollback(st);
	rc_buf_free(&terms);
	return -1;
}

int
rc_store_add_score(struct rc_store *st, int64_t id,
                   const struct rc_scorecard *card, struct rc_err *err)
{
	if (begin(st, err) != 0)
		return -1;
	if (insert_score(st, id, card, (int64_t)time(NULL), err) != 0 ||
	    commit(st, err) != 0) {
		rollback(st);
		return -1;
	}
	return 0;
}

/* Queries. */

#define ROW_COLUMNS \
	"s.id, s.trainee, s.cohort, s.drill, s.scenario, s.scenario_version, " \
	"s.scenario_title, s.debtor, s.currency, s.mode, s.status, s.ended_by, " \
	"s.agreement, s.seed, s.balance, s.started_at, s.ended_at, s.turns, " \
	"s.floor, s.mood, c.id, c.rubric_version, c.practice_score, " \
	"c.outcome_score, c.score, c.pass_mark, c.passed, c.style, c.agreement, " \
	"c.recovered_now, c.expected, c.goodwill, c.days_to_full, c.critical, " \
	"c.summary, s.call_date, c.breaches, c.w_practice, c.compliance, "

/* The last two columns, the one place the two SQL dialects differ in a
 * query: the session's reviews as a JSON array of [practice, status,
 * reviewer, at, note] (NULL when none), and when there are some the
 * current score's weights ("ID=W ..."). */
static const char *const row_reviews[] = {
	[RC_DB_SQLITE] =
	"(SELECT CASE WHEN count(*) THEN json_group_array(json_array(v.practice, "
	"v.status, v.reviewer, v.at, v.note)) END FROM (SELECT * FROM reviews "
	"WHERE session_id = s.id ORDER BY practice) v), "
	"CASE WHEN c.id IS NOT NULL AND EXISTS (SELECT 1 FROM reviews v WHERE "
	"v.session_id = s.id) THEN (SELECT group_concat(r.practice || '=' || "
	"r.weight, ' ') FROM results r WHERE r.score_id = c.id AND r.number > 0) "
	"END",
	/* Joined once rather than looked up per row: a third of the time of
	 * a report over 100,000 sessions. */
	[RC_DB_PG] =
	"rv.j, CASE WHEN c.id IS NOT NULL AND rv.j IS NOT NULL THEN (SELECT "
	"string_agg(r.practice || '=' || r.weight, ' ') FROM results r WHERE "
	"r.score_id = c.id AND r.number > 0) END",
};

/* What the columns above need joined (after sessions s and scores c). */
static const char *const row_reviews_join[] = {
	[RC_DB_SQLITE] = "",
	[RC_DB_PG] =
	" LEFT JOIN (SELECT session_id, json_agg(json_build_array(practice, "
	"status, reviewer, at, note) ORDER BY practice) AS j FROM reviews GROUP "
	"BY session_id) rv ON rv.session_id = s.id",
};

static const char *
col_text(struct rc_db_stmt *q, int i)
{
	return rc_db_text(q, i);
}

/* 1 when session ID is one of the store's dead 'running' sessions. */
static int
is_dead(const struct rc_store *st, int64_t id)
{
	size_t lo = 0, hi = st->ndead;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (st->dead[mid] == id)
			return 1;
		if (st->dead[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void
read_row(const struct rc_store *st, struct rc_db_stmt *q, struct rc_store_row *r)
{
	const char *seed;

	memset(r, 0, sizeof *r);
	r->id = rc_db_int64(q, 0);
	if (!rc_date_parse_iso(col_text(q, 35) ? col_text(q, 35) : "",
	    &r->call_date))
		r->call_date = RC_DATE_NONE;
	r->trainee = col_text(q, 1);
	r->cohort = col_text(q, 2);
	r->drill = col_text(q, 3);
	r->scenario = col_text(q, 4);
	r->scenario_version = col_text(q, 5);
	r->scenario_title = col_text(q, 6);
	r->debtor = col_text(q, 7);
	r->currency = col_text(q, 8);
	r->mode = col_text(q, 9);
	r->status = col_text(q, 10);
	/* Read-only, nothing is marked: a session whose process is gone is
	 * shown as the next writer will mark it. */
	if (st->ndead > 0 && r->status != NULL &&
	    strcmp(r->status, "running") == 0 && is_dead(st, r->id))
		r->status = "interrupted";
	r->ended_by = col_text(q, 11);
	r->agreement = col_text(q, 12);
	seed = col_text(q, 13);
	r->seed = seed ? strtoull(seed, NULL, 10) : 0;
	r->balance = rc_db_double(q, 14);
	r->started_at = rc_db_int64(q, 15);
	r->ended_at = rc_db_int64(q, 16);
	r->turns = rc_db_int64(q, 17);
	r->has_floor = !rc_db_is_null(q, 18);
	r->floor = rc_db_double(q, 18);
	r->has_mood = !rc_db_is_null(q, 19);
	r->mood = rc_db_double(q, 19);
	r->has_score = !rc_db_is_null(q, 20);
	if (!r->has_score)
		return;
	r->rubric_version = col_text(q, 21);
	r->practice_score = rc_db_double(q, 22);
	r->outcome_score = rc_db_double(q, 23);
	r->score = rc_db_double(q, 24);
	r->pass_mark = rc_db_double(q, 25);
	r->passed = rc_db_int64(q, 26);
	r->style = col_text(q, 27);
	r->agreement_reached = rc_db_int64(q, 28);
	r->recovered_now = rc_db_double(q, 29);
	r->expected = rc_db_double(q, 30);
	r->goodwill = rc_db_double(q, 31);
	r->days_to_full = rc_db_int64(q, 32);
	r->critical = col_text(q, 33);
	r->summary = col_text(q, 34);
	r->breaches = col_text(q, 36);
	r->compliance = col_text(q, 38);
	r->w_practice = !rc_db_is_null(q, 37) ?
	    rc_db_double(q, 37) : RC_RUBRIC_W_PRACTICE;
	/* Before schema 5 the share was not kept: the stored figures tell it
	 * unless the two scores are equal (then it does not matter much). */
	if (rc_db_is_null(q, 37) &&
	    fabs(r->practice_score - r->outcome_score) > 1e-6)
		r->w_practice = (r->score - r->outcome_score) /
		    (r->practice_score - r->outcome_score);
	r->auto_summary = r->summary;
	r->auto_practice_score = r->practice_score;
	r->auto_score = r->score;
	r->auto_passed = r->passed;
}

/* The reviews of a row and the figures rewritten with them, alive for one
 * callback. */
struct reviewed {
	cJSON *json;
	struct rc_store_review *v;
	size_t cap;
	struct rc_buf summary;
};

static void
reviewed_reset(struct reviewed *x)
{
	cJSON_Delete(x->json);
	x->json = NULL;
	rc_buf_reset(&x->summary);
}

static struct rc_store_review *
review_of(struct rc_store_review *v, size_t n, const char *id, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(v[i].practice) == len && strncmp(v[i].practice, id, len) == 0)
			return &v[i];
	return NULL;
}

/* The weight of practice ID (LEN bytes) in WEIGHTS ("ID=W ..."); -1 when
 * it is not one of the twenty. */
static double
weight_of(const char *weights, const char *id, size_t len)
{
	const char *p = weights;

	while (p != NULL && *p != '\0') {
		const char *eq = strchr(p, '='), *sp;

		if (eq == NULL)
			break;
		if ((size_t)(eq - p) == len && strncmp(p, id, len) == 0)
			return strtod(eq + 1, NULL);
		sp = strchr(eq, ' ');
		p = sp ? sp + 1 : NULL;
	}
	return -1;
}

/* Applies the reviews (JSON, from column 39) to row R: the summary and
 * the scores rewritten with the reviewed statuses.  WEIGHTS are the
 * twenty's weights in the current score ("ID=W ..."). */
static void
apply_reviews(struct reviewed *x, struct rc_store_row *r, const char *json,
              const char *weights)
{
	enum rc_status st[RC_PRACTICES * 2];
	double w[RC_PRACTICES * 2];
	const cJSON *e;
	const char *p;
	size_t n = 0;

	if ((x->json = cJSON_Parse(json)) == NULL)
		return;
	r->nreviews = 0;
	cJSON_ArrayForEach(e, x->json) {
		const cJSON *id = cJSON_GetArrayItem(e, 0), *status = cJSON_GetArrayItem(e, 1);
		const cJSON *by = cJSON_GetArrayItem(e, 2), *at = cJSON_GetArrayItem(e, 3);
		const cJSON *note = cJSON_GetArrayItem(e, 4);
		struct rc_store_review *v;

		if (!cJSON_IsString(id) || !cJSON_IsString(status))
			continue;
		if (r->nreviews == x->cap) {
			x->cap = x->cap ? 2 * x->cap : 8;
			x->v = rc_xreallocarray(x->v, x->cap, sizeof *x->v);
		}
		v = &x->v[r->nreviews++];
		v->practice = id->valuestring;
		v->status = status->valuestring;
		v->by = cJSON_IsString(by) ? by->valuestring : "";
		v->at = cJSON_IsNumber(at) ? (int64_t)at->valuedouble : 0;
		v->note = cJSON_IsString(note) ? note->valuestring : NULL;
		v->was = NULL;
	}
	r->reviews = x->v;
	if (!r->has_score || r->summary == NULL)
		return;
	/* "ID:STATUS:POINTS ..." with the reviewed statuses. */
	p = r->summary;
	while (*p != '\0') {
		const char *end = p + strcspn(p, " ");
		const char *c1 = memchr(p, ':', (size_t)(end - p));
		const char *c2 = c1 ? memchr(c1 + 1, ':', (size_t)(end - c1 - 1)) : NULL;
		enum rc_status got = RC_NA, rev;
		struct rc_store_review *v;
		char name[16];
		double weight;

		if (x->summary.len > 0)
			rc_buf_putc(&x->summary, ' ');
		if (c2 == NULL) {
			rc_buf_add(&x->summary, p, (size_t)(end - p));
		} else {
			snprintf(name, sizeof name, "%.*s", (int)(c2 - c1 - 1), c1 + 1);
			rc_status_parse(name, &got);
			v = review_of(x->v, r->nreviews, p, (size_t)(c1 - p));
			if (v != NULL && rc_status_parse(v->status, &rev)) {
				v->was = rc_status_name(got);
				got = rev;
				r->nreviewed++;
				rc_buf_add(&x->summary, p, (size_t)(c1 - p + 1));
				rc_buf_printf(&x->summary, "%s:%g", rc_status_name(got),
				    rc_status_points(got));
			} else {
				rc_buf_add(&x->summary, p, (size_t)(end - p));
			}
			weight = weight_of(weights, p, (size_t)(c1 - p));
			if (weight >= 0 && n < sizeof st / sizeof st[0]) {
				st[n] = got;
				w[n++] = weight;
			}
		}
		p = *end ? end + 1 : end;
	}
	if (r->nreviewed == 0)
		return;
	r->summary = rc_buf_str(&x->summary);
	r->practice_score = rc_score_practice(st, w, n);
	r->score = rc_score_overall(r->practice_score, r->outcome_score,
	    r->w_practice);
	r->passed = r->score >= r->pass_mark &&
	    (r->critical == NULL || strchr(r->critical, '{') == NULL);
}

/* Appends " AND COLUMN IN (?, ...)" with N placeholders (nothing when N
 * is 0); compared ignoring ASCII case when NOCASE. */
static void
any_of(const struct rc_store *st, struct rc_buf *sql, const char *column,
       size_t n, int nocase)
{
	int pg = rc_db_kind(st->db) == RC_DB_PG;
	size_t i;

	if (n == 0)
		return;
	/* SQLite's NOCASE folds ASCII only; PostgreSQL's lower() follows
	 * the database's locale, which for ASCII is the same. */
	if (nocase && pg)
		rc_buf_printf(sql, " AND lower(%s) IN (", column);
	else
		rc_buf_printf(sql, " AND %s%s IN (", column,
		    nocase ? " COLLATE NOCASE" : "");
	for (i = 0; i < n; i++)
		rc_buf_puts(sql, i ? (nocase && pg ? ", lower(?)" : ", ?") :
		    (nocase && pg ? "lower(?)" : "?"));
	rc_buf_puts(sql, ")");
}

long
rc_store_sessions(struct rc_store *st, const struct rc_store_filter *f,
                  rc_store_row_fn fn, void *ctx, struct rc_err *err)
{
	struct rc_buf sql = RC_BUF_INIT;
	struct reviewed x;
	struct rc_db_stmt *q;
	long n = 0;
	int rc, k = 0;
	size_t i;

	memset(&x, 0, sizeof x);
	/* The WHERE clause is fixed text with a placeholder per value; the
	 * values are bound below in the same order. */
	rc_buf_puts(&sql, "SELECT " ROW_COLUMNS);
	rc_buf_puts(&sql, row_reviews[rc_db_kind(st->db)]);
	rc_buf_puts(&sql, " FROM sessions s LEFT JOIN scores c ON c.session_id = "
	    "s.id AND c.current = 1");
	rc_buf_puts(&sql, row_reviews_join[rc_db_kind(st->db)]);
	rc_buf_puts(&sql, " WHERE 1 = 1");
	any_of(st, &sql, "s.trainee", f->ntrainee, 1);
	any_of(st, &sql, "s.cohort", f->ncohort, 1);
	any_of(st, &sql, "s.scenario", f->nscenario, 0);
	if (f->drill)
		rc_buf_puts(&sql, " AND s.drill = ?");
	/* With sessions shown as interrupted that the file still calls
	 * running, the status is compared after reading. */
	if (f->status && st->ndead == 0)
		rc_buf_puts(&sql, " AND s.status = ?");
	if (f->since)
		rc_buf_puts(&sql, " AND s.started_at >= ?");
	if (f->until)
		rc_buf_puts(&sql, " AND s.started_at < ?");
	if (f->id)
		rc_buf_puts(&sql, " AND s.id = ?");
	rc_buf_puts(&sql, " ORDER BY s.started_at, s.id");
	if ((q = rc_db_prepare(st->db, rc_buf_str(&sql))) == NULL) {
		db_error(st, err, "cannot query the sessions");
		rc_buf_free(&sql);
		return -1;
	}
	rc_buf_free(&sql);
	for (i = 0; i < f->ntrainee; i++)
		bind_text(q, ++k, f->trainee[i]);
	for (i = 0; i < f->ncohort; i++)
		bind_text(q, ++k, f->cohort[i]);
	for (i = 0; i < f->nscenario; i++)
		bind_text(q, ++k, f->scenario[i]);
	if (f->drill)
		bind_text(q, ++k, f->drill);
	if (f->status && st->ndead == 0)
		bind_text(q, ++k, f->status);
	if (f->since)
		rc_db_bind_int64(q, ++k, f->since);
	if (f->until)
		rc_db_bind_int64(q, ++k, f->until);
	if (f->id)
		rc_db_bind_int64(q, ++k, f->id);
	while ((rc = rc_db_step(q)) == RC_DB_ROW) {
		struct rc_store_row row;
		int stop;

		read_row(st, q, &row);
		if (f->status && st->ndead > 0 && (row.status == NULL ||
		    strcmp(row.status, f->status) != 0))
			continue;
		if (col_text(q, 39) != NULL)
			apply_reviews(&x, &row, col_text(q, 39), col_text(q, 40));
		n++;
		stop = fn(ctx, &row);
		reviewed_reset(&x);
		if (stop != 0) {
			rc = RC_DB_DONE;
			break;
		}
	}
	if (rc != RC_DB_DONE) {
		db_error(st, err, "cannot query the sessions");
		n = -1;
	}
	rc_db_finalize(q);
	free(x.v);
	rc_buf_free(&x.summary);
	return n;
}

int
rc_store_undated(struct rc_store *st, rc_store_undated_fn fn, void *ctx,
                 struct rc_err *err)
{
	struct rc_db_stmt *q;
	int rc, n = 0;

	if ((q = rc_db_prepare(st->db, "SELECT DISTINCT scenario, "
	    "scenario_version FROM sessions WHERE call_date IS NULL ORDER BY 1, 2")) == NULL) {
		db_error(st, err, "cannot query the sessions");
		return -1;
	}
	while ((rc = rc_db_step(q)) == RC_DB_ROW) {
		n++;
		if (fn(ctx, col_text(q, 0), col_text(q, 1)) != 0) {
			rc = RC_DB_DONE;
			break;
		}
	}
	if (rc != RC_DB_DONE) {
		db_error(st, err, "cannot query the sessions");
		n = -1;
	}
	rc_db_finalize(q);
	return n;
}

/* Runs the prepared statement Q (finalized here) alone in a write
 * transaction: 0 and the rows it changed in *CHANGED (may be NULL), or -1
 * with "WHAT: why" in ERR. */
static int
write_one(struct rc_store *st, struct rc_db_stmt *q, const char *what, int *changed,
          struct rc_err *err)
{
	int rc;

	if (begin(st, err) != 0) {
		rc_db_finalize(q);
		return -1;
	}
	rc = rc_db_step(q);
	if (changed != NULL)
		*changed = (int)rc_db_changes(q);
	rc_db_finalize(q);
	if (rc != RC_DB_DONE) {
		db_error(st, err, what);
		rollback(st);
		return -1;
	}
	return commit(st, err);
}

int
rc_store_set_call_date(struct rc_store *st, const char *scenario,
                       const char *version, int32_t day, struct rc_err *err)
{
	struct rc_db_stmt *q;
	char iso[16];

	if ((q = rc_db_prepare(st->db, "UPDATE sessions SET call_date = ?1 "
	    "WHERE call_date IS NULL AND scenario = ?2 AND (scenario_version = ?3 "
	    "OR (scenario_version IS NULL AND ?4 = 1))")) == NULL) {
		db_error(st, err, "cannot date the sessions");
		return -1;
	}
	bind_text(q, 1, rc_date_iso(day, iso, sizeof iso));
	bind_text(q, 2, scenario);
	bind_text(q, 3, version);
	rc_db_bind_int64(q, 4, version == NULL);
	return write_one(st, q, "cannot date the sessions", NULL, err);
}

int
rc_store_review_set(struct rc_store *st, int64_t id, const char *practice,
                    enum rc_status status, const char *note, const char *by,
                    int64_t at, struct rc_err *err)
{
	struct rc_db_stmt *q;

	if ((q = rc_db_prepare(st->db, "INSERT INTO reviews "
	    "(session_id, practice, status, note, reviewer, at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6) ON CONFLICT (session_id, practice) DO UPDATE SET "
	    "status = excluded.status, note = excluded.note, reviewer = "
	    "excluded.reviewer, at = excluded.at")) == NULL) {
		db_error(st, err, "cannot save a review");
		return -1;
	}
	rc_db_bind_int64(q, 1, id);
	bind_text(q, 2, practice);
	bind_text(q, 3, rc_status_name(status));
	bind_text(q, 4, note);
	bind_text(q, 5, by);
	rc_db_bind_int64(q, 6, at ? at : (int64_t)time(NULL));
	return write_one(st, q, "cannot save a review", NULL, err);
}

int
rc_store_review_clear(struct rc_store *st, int64_t id, const char *practice,
                      struct rc_err *err)
{
	struct rc_db_stmt *q;
	int n;

	if ((q = rc_db_prepare(st->db, "DELETE FROM reviews WHERE session_id = ?1 "
	    "AND practice = ?2")) == NULL) {
		db_error(st, err, "cannot clear a review");
		return -1;
	}
	rc_db_bind_int64(q, 1, id);
	bind_text(q, 2, practice);
	if (write_one(st, q, "cannot clear a review", &n, err) != 0)
		return -1;
	return n > 0;
}

/* Loading one session back. */

static const char *
keep(struct rc_store_loaded *l, const char *s)
{
	if (s == NULL)
		return NULL;
	l->strings = rc_xreallocarray(l->strings, l->nstrings + 1,
	    sizeof *l->strings);
	return l->strings[l->nstrings++] = rc_xstrdup(s);
}

static int
copy_row(void *ctx, const struct rc_store_row *r)
{
	struct rc_store_loaded *l = ctx;
	struct rc_store_row *d = &l->row;

	*d = *r;
	d->trainee = keep(l, r->trainee);
	d->cohort = keep(l, r->cohort);
	d->drill = keep(l, r->drill);
	d->scenario = keep(l, r->scenario);
	d->scenario_version = keep(l, r->scenario_version);
	d->scenario_title = keep(l, r->scenario_title);
	d->debtor = keep(l, r->debtor);
	d->currency = keep(l, r->currency);
	d->mode = keep(l, r->mode);
	d->status = keep(l, r->status);
	d->ended_by = keep(l, r->ended_by);
	d->agreement = keep(l, r->agreement);
	d->rubric_version = keep(l, r->rubric_version);
	d->style = keep(l, r->style);
	d->critical = keep(l, r->critical);
	d->breaches = keep(l, r->breaches);
	d->compliance = keep(l, r->compliance);
	d->summary = keep(l, r->summary);
	d->auto_summary = r->auto_summary == r->summary ? d->summary :
	    keep(l, r->auto_summary);
	if (r->nreviews > 0) {
		size_t i;

		l->reviews = rc_xcalloc(r->nreviews, sizeof *l->reviews);
		for (i = 0; i < r->nreviews; i++) {
			l->reviews[i] = r->reviews[i];
			l->reviews[i].practice = keep(l, r->reviews[i].practice);
			l->reviews[i].status = keep(l, r->reviews[i].status);
			l->reviews[i].by = keep(l, r->reviews[i].by);
			l->reviews[i].note = keep(l, r->reviews[i].note);
		}
		d->reviews = l->reviews;
	}
	return 1;
}

/* Gives the card of L its reviewed statuses and recomputes its figures. */
static void
review_card(struct rc_store_loaded *l)
{
	struct rc_scorecard *c = l->card;
	size_t i, j;

	for (i = 0; i < l->row.nreviews; i++) {
		const struct rc_store_review *v = &l->row.reviews[i];
		enum rc_status st;

		if (!rc_status_parse(v->status, &st))
			continue;
		for (j = 0; j < c->npractices + c->nextended; j++) {
			struct rc_result *r = j < c->npractices ? &c->practices[j] :
			    &c->extended[j - c->npractices];

			if (strcmp(r->def->id, v->practice) == 0)
				rc_result_review(r, st, v->by, v->note, v->at);
		}
	}
	rc_scorecard_retotal(c);
}

static double
jnum(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

/* The policy breaches stored as JSON in JSON into O; kinds this build
 * does not know are left out. */
static void
load_breaches(struct rc_outcome *o, const char *json)
{
	cJSON *a = json ? cJSON_Parse(json) : NULL;
	const cJSON *e;

	o->nbreaches = 0;
	cJSON_ArrayForEach(e, a) {
		const cJSON *kind = cJSON_GetObjectItemCaseSensitive(e, "kind");
		const cJSON *text = cJSON_GetObjectItemCaseSensitive(e, "text");
		struct rc_breach *r;
		int k;

		if (o->nbreaches == RC_POLICY_BREACHES || !cJSON_IsString(kind))
			continue;
		for (k = 0; k < RC_POLICY_BREACHES; k++)
			if (strcmp(kind->valuestring, rc_breach_name(k)) == 0)
				break;
		if (k == RC_POLICY_BREACHES)
			continue;
		r = &o->breaches[o->nbreaches++];
		r->kind = k;
		r->found = (int64_t)jnum(e, "found");
		r->limit = (int64_t)jnum(e, "limit");
		snprintf(r->text, sizeof r->text, "%s",
		    cJSON_IsString(text) ? text->valuestring : "");
	}
	cJSON_Delete(a);
}

int
rc_store_parse_terms(const char *json, int32_t call_date, struct rc_terms *t)
{
	cJSON *o;

	if (json == NULL || (o = cJSON_Parse(json)) == NULL)
		return -1;
	if (!rc_terms_from_json(o, t, call_date)) {
		cJSON_Delete(o);
		return -1;
	}
	cJSON_Delete(o);
	return 0;
}

static enum rc_speaker
speaker_named(const char *s)
{
	if (s && strcmp(s, "debtor") == 0)
		return RC_SPEAKER_DEBTOR;
	if (s && strcmp(s, "collector") == 0)
		return RC_SPEAKER_COLLECTOR;
	return RC_SPEAKER_ACTION;
}

static enum rc_ended
ended_named(const char *s)
{
	static const enum rc_ended all[] = { RC_ENDED_AGREEMENT, RC_ENDED_HANGUP,
	    RC_ENDED_TRAINEE, RC_ENDED_TURN_LIMIT };
	size_t i;

	for (i = 0; s && i < sizeof all / sizeof all[0]; i++)
		if (strcmp(s, rc_ended_name(all[i])) == 0)
			return all[i];
	return RC_ENDED_NONE;
}

static void
add_events(struct rc_turn *u, const char *json, int32_t call_date)
{
	cJSON *a = json ? cJSON_Parse(json) : NULL, *e;

	cJSON_ArrayForEach(e, a) {
		const cJSON *type = cJSON_GetObjectItemCaseSensitive(e, "type");
		const cJSON *detail = cJSON_GetObjectItemCaseSensitive(e, "detail");
		const cJSON *amount = cJSON_GetObjectItemCaseSensitive(e, "amount");
		const cJSON *terms = cJSON_GetObjectItemCaseSensitive(e, "terms");
		struct rc_event *ev;

		if (!cJSON_IsString(type))
			continue;
		ev = rc_turn_event(u, type->valuestring);
		if (cJSON_IsString(detail))
			ev->detail = rc_xstrdup(detail->valuestring);
		if (cJSON_IsNumber(amount)) {
			ev->has_amount = 1;
			ev->amount = amount->valuedouble;
		}
		if (cJSON_IsObject(terms)) {
			ev->has_terms = rc_terms_from_json(terms, &ev->terms,
			    call_date);
		}
	}
	cJSON_Delete(a);
}

static int
load_turns(struct rc_store *st, struct rc_store_loaded *l, struct rc_err *err)
{
	struct rc_db_stmt *q;
	int rc;

	if ((q = rc_db_prepare(st->db, "SELECT number, speaker, text, state, "
	    "rule, events, name FROM turns WHERE session_id = ?1 ORDER BY number")) == NULL) {
		db_error(st, err, "cannot read the turns");
		return -1;
	}
	rc_db_bind_int64(q, 1, l->row.id);
	while ((rc = rc_db_step(q)) == RC_DB_ROW) {
		struct rc_turn *u = rc_transcript_add(l->t,
		    speaker_named(col_text(q, 1)), col_text(q, 2) ? col_text(q, 2) : "",
		    col_text(q, 3), col_text(q, 4));

		u->number = rc_db_int64(q, 0);
		if (col_text(q, 6) != NULL)
			u->name = rc_xstrdup(col_text(q, 6));
		add_events(u, col_text(q, 5), l->row.call_date);
	}
	rc_db_finalize(q);
	if (rc != RC_DB_DONE) {
		db_error(st, err, "cannot read the turns");
		return -1;
	}
	return 0;
}

static enum rc_status
status_named(const char *s)
{
	enum rc_status st = RC_NA;

	rc_status_parse(s, &st);
	return st;
}

static enum rc_style_kind
style_named(const char *s)
{
	int k;

	for (k = RC_STYLE_CONFRONTATION; k <= RC_STYLE_COLLABORATION; k++)
		if (s && strcmp(s, rc_style_name((enum rc_style_kind)k)) == 0)
			return (enum rc_style_kind)k;
	return RC_STYLE_COLLABORATION;
}

/* The practice definition for ID: the rubric's, else one made from what
 * was stored with the result. */
static const struct rc_practice_def *
def_for(struct rc_store_loaded *l, const struct rc_rubric *rubric,
        const char *id, int number, const char *title)
{
	const struct rc_practice_def *d = rubric ? rc_rubric_find(rubric, id) : NULL;
	struct rc_practice_def *n;

	if (d != NULL)
		return d;
	n = rc_xcalloc(1, sizeof *n);
	l->defs = rc_xreallocarray(l->defs, l->ndefs + 1, sizeof *l->defs);
	l->defs[l->ndefs++] = n;
	n->id = (char *)keep(l, id);
	n->number = number;
	n->title = (char *)keep(l, title ? title : id);
	n->description = (char *)keep(l, "");
	n->tip = (char *)keep(l, "");
	return n;
}

static void
add_evidence(struct rc_result *r, const char *json)
{
	cJSON *a = json ? cJSON_Parse(json) : NULL, *e;

	cJSON_ArrayForEach(e, a) {
		const cJSON *quote = cJSON_GetObjectItemCaseSensitive(e, "quote");

		r->ev = rc_xreallocarray(r->ev, r->nev + 1, sizeof *r->ev);
		r->ev[r->nev].turn = (int)jnum(e, "turn");
		r->ev[r->nev].quote = rc_xstrdup(cJSON_IsString(quote) ?
		    quote->valuestring : "");
		r->nev++;
	}
	cJSON_Delete(a);
}

/* The stored compliance section JSON into C, each rule found by id in
 * RUBRIC's rules (a rule the rubric no longer has is left out). */
static void
load_compliance(struct rc_scorecard *c, const char *json,
                const struct rc_rubric *rubric)
{
	static const enum rc_comply_status all[] = { RC_COMPLY_KEPT,
	    RC_COMPLY_BREACHED, RC_COMPLY_NA, RC_COMPLY_UNJUDGED };
	cJSON *o = json ? cJSON_Parse(json) : NULL, *e;
	const cJSON *frame = cJSON_GetObjectItemCaseSensitive(o, "frame");
	const cJSON *rules = cJSON_GetObjectItemCaseSensitive(o, "rules");
	size_t k;

	if (rubric == NULL || rubric->compliance == NULL || !cJSON_IsString(frame)) {
		cJSON_Delete(o);
		return;
	}
	c->frame = rc_xstrdup(frame->valuestring);
	c->compliance = rc_xcalloc((size_t)cJSON_GetArraySize(rules) + 1,
	    sizeof *c->compliance);
	cJSON_ArrayForEach(e, rules) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
		const cJSON *st = cJSON_GetObjectItemCaseSensitive(e, "status");
		const cJSON *quote = cJSON_GetObjectItemCaseSensitive(e, "quote");
		const cJSON *note = cJSON_GetObjectItemCaseSensitive(e, "note");
		struct rc_comply_result *r = &c->compliance[c->ncompliance];

		if (!cJSON_IsString(id) || !cJSON_IsString(st) ||
		    (r->rule = rc_compliance_find(rubric->compliance,
		    id->valuestring)) == NULL)
			continue;
		for (k = 0; k < sizeof all / sizeof all[0] &&
		    strcmp(rc_comply_status_name(all[k]), st->valuestring); k++)
			;
		if (k == sizeof all / sizeof all[0])
			continue;
		r->status = all[k];
		r->applies = jnum(e, "applies") != 0;
		r->turn = (int)jnum(e, "turn");
		if (cJSON_IsString(quote) && quote->valuestring[0])
			r->quote = rc_xstrdup(quote->valuestring);
		if (cJSON_IsString(note) && note->valuestring[0])
			r->note = rc_xstrdup(note->valuestring);
		c->ncompliance++;
	}
	cJSON_Delete(o);
}

static int
load_card(struct rc_store *st, struct rc_store_loaded *l,
          const struct rc_rubric *rubric, struct rc_err *err)
{
	struct rc_scorecard *c;
	struct rc_db_stmt *q;
	size_t n = 0, cap = 0, i;
	struct rc_result *all = NULL;
	cJSON *crit, *e;
	int rc;

	if ((q = rc_db_prepare(st->db, "SELECT r.practice, r.number, r.status, "
	    "r.points, r.weight, r.note, r.evidence, r.title FROM results r JOIN "
	    "scores c ON c.id = r.score_id WHERE c.session_id = ?1 AND "
	    "c.current = 1 ORDER BY r.ord")) == NULL) {
		db_error(st, err, "cannot read the practice results");
		return -1;
	}
	rc_db_bind_int64(q, 1, l->row.id);
	while ((rc = rc_db_step(q)) == RC_DB_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			all = rc_xreallocarray(all, cap, sizeof *all);
		}
		/* A result row that names no practice (a damaged or
		 * hand-edited database) is not a result: left out. */
		if (col_text(q, 0) == NULL)
			continue;
		memset(&all[n], 0, sizeof all[n]);
		all[n].def = def_for(l, rubric, col_text(q, 0),
		    rc_db_int64(q, 1), col_text(q, 7));
		all[n].status = status_named(col_text(q, 2));
		all[n].points = rc_db_double(q, 3);
		all[n].weight = rc_db_double(q, 4);
		all[n].note = rc_xstrdup(col_text(q, 5));
		add_evidence(&all[n], col_text(q, 6));
		n++;
	}
	rc_db_finalize(q);
	if (rc != RC_DB_DONE) {
		db_error(st, err, "cannot read the practice results");
		for (i = 0; i < n; i++) {
			size_t j;

			for (j = 0; j < all[i].nev; j++)
				free(all[i].ev[j].quote);
			free(all[i].ev);
			free(all[i].note);
		}
		free(all);
		return -1;
	}
	c = rc_xcalloc(1, sizeof *c);
	/* NOT NULL in the schema; a damaged file may still hold a NULL */
	c->rubric_version = l->row.rubric_version ? l->row.rubric_version :
	    "unknown";
	c->scenario_version = l->row.scenario_version;
	/* Split into the numbered practices and the extended ones. */
	for (i = 0; i < n && all[i].def->number > 0; i++)
		;
	c->practices = rc_xcalloc(i + 1, sizeof *c->practices);
	memcpy(c->practices, all, i * sizeof *all);
	c->npractices = i;
	c->extended = rc_xcalloc(n - i + 1, sizeof *c->extended);
	memcpy(c->extended, all + i, (n - i) * sizeof *all);
	c->nextended = n - i;
	free(all);
	c->style = style_named(l->row.style);
	c->practice_score = l->row.auto_practice_score;
	c->w_practice = l->row.w_practice;
	c->outcome.agreement = l->row.agreement_reached;
	c->outcome.recovered_now = l->row.recovered_now;
	c->outcome.expected = l->row.expected;
	c->outcome.days_to_full = l->row.days_to_full;
	c->outcome.goodwill = l->row.goodwill;
	c->outcome.credited = rc_transcript_credited(l->t);
	load_breaches(&c->outcome, l->row.breaches);
	c->outcome.score = l->row.outcome_score;
	c->outcome.balance = l->row.balance;
	c->outcome.ended_by = (int)l->t->ended_by;
	if (l->t->has_agreement)
		c->outcome.terms = l->t->agreement;
	c->score = l->row.auto_score;
	c->pass_mark = l->row.pass_mark;
	c->passed = l->row.auto_passed;
	c->auto_practice_score = c->practice_score;
	c->auto_score = c->score;
	c->auto_passed = c->passed;
	crit = l->row.critical ? cJSON_Parse(l->row.critical) : NULL;
	cJSON_ArrayForEach(e, crit) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
		const cJSON *quote = cJSON_GetObjectItemCaseSensitive(e, "quote");

		c->critical = rc_xreallocarray(c->critical, c->ncritical + 1,
		    sizeof *c->critical);
		c->critical[c->ncritical].id = keep(l, cJSON_IsString(id) ?
		    id->valuestring : "critical");
		c->critical[c->ncritical].turn = (int)jnum(e, "turn");
		c->critical[c->ncritical].quote = rc_xstrdup(cJSON_IsString(quote) ?
		    quote->valuestring : "");
		c->ncritical++;
	}
	cJSON_Delete(crit);
	load_compliance(c, l->row.compliance, rubric);
	l->card = c;
	if (l->row.nreviewed > 0)
		review_card(l);
	return 0;
}

struct rc_store_loaded *
rc_store_load(struct rc_store *st, int64_t id, const struct rc_rubric *rubric,
              struct rc_err *err)
{
	struct rc_store_loaded *l = rc_xcalloc(1, sizeof *l);
	struct rc_store_filter f;
	size_t i;
	long n;

	memset(&f, 0, sizeof f);
	f.id = id;
	n = rc_store_sessions(st, &f, copy_row, l, err);
	if (n <= 0) {
		if (n == 0)
			rc_err_add(err, RC_ERROR, "no session %lld in database '%s'",
			    (long long)id, st->path);
		rc_store_loaded_free(l);
		return NULL;
	}
	l->t = rc_transcript_new();
	if (load_turns(st, l, err) != 0)
		goto fail;
	l->t->ended_by = ended_named(l->row.ended_by);
	if (l->row.agreement && rc_store_parse_terms(l->row.agreement,
	    l->row.call_date, &l->t->agreement) == 0)
		l->t->has_agreement = 1;
	l->t->has_floor = l->row.has_floor;
	l->t->floor = l->row.floor;
	/* the kind of floor is kept on its event: the last one set holds */
	for (i = 0; i < l->t->n; i++) {
		const struct rc_event *ev = rc_turn_find(&l->t->turns[i], "floor-set");

		if (ev != NULL)
			l->t->floor_now = ev->detail != NULL &&
			    strcmp(ev->detail, "now") == 0;
	}
	if (l->row.has_score && load_card(st, l, rubric, err) != 0)
		goto fail;
	return l;
fail:
	rc_store_loaded_free(l);
	return NULL;
}

void
rc_store_loaded_free(struct rc_store_loaded *l)
{
	size_t i;

	if (l == NULL)
		return;
	rc_scorecard_free(l->card);
	rc_transcript_free(l->t);
	free(l->reviews);
	for (i = 0; i < l->nstrings; i++)
		free(l->strings[i]);
	free(l->strings);
	for (i = 0; i < l->ndefs; i++)
		free(l->defs[i]);
	free(l->defs);
	free(l);
}

/* The spool: a call's turns kept on this computer while the server is
 * away, one JSON file per session (0600, in a 0700 directory), replaced
 * whole at each turn and removed once written.  A file is named by a
 * hash of the connection string, never the string (it may hold a
 * password), and the session id. */

static uint64_t
target_key(const char *t)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *t; t++) {
		h ^= (unsigned char)*t;
		h *= 1099511628211ULL;
	}
	return h;
}

char *
rc_store_spool_dir(void)
{
	return rc_datadir_xdg("XDG_STATE_HOME", ".local/state", "spool");
}

/* The spool file of session ID of the server TARGET, or NULL. */
static char *
spool_path(const char *target, int64_t id)
{
	char *dir = rc_store_spool_dir();
	struct rc_buf b = RC_BUF_INIT;

	if (dir == NULL)
		return NULL;
	rc_buf_printf(&b, "%s/%016llx-%lld.json", dir,
	    (unsigned long long)target_key(target), (long long)id);
	free(dir);
	return rc_buf_detach(&b);
}

int
rc_store_spool(struct rc_store *st, int64_t id, const struct rc_turn *u,
               size_t n, const char *currency, const char *status,
               const char *ended_by, char **where, struct rc_err *err)
{
	char host[256] = "";
	cJSON *o, *a;
	char *path, *text;
	size_t i;
	int rc;

	*where = NULL;
	if (st->target == NULL || (path = spool_path(st->target, id)) == NULL) {
		rc_err_add(err, RC_ERROR, "no spool for database '%s' (set HOME)",
		    st->path);
		return -1;
	}
	gethostname(host, sizeof host - 1);
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "session", (double)id);
	cJSON_AddStringToObject(o, "host", host);
	cJSON_AddNumberToObject(o, "pid", (double)getpid());
	if (status != NULL) {
		cJSON_AddStringToObject(o, "status", status);
		cJSON_AddNumberToObject(o, "ended_at", (double)time(NULL));
		if (ended_by != NULL)
			cJSON_AddStringToObject(o, "ended_by", ended_by);
	}
	a = cJSON_AddArrayToObject(o, "turns");
	for (i = 0; i < n; i++) {
		struct rc_buf ev = RC_BUF_INIT;
		cJSON *t = cJSON_CreateObject();

		events_json(&ev, &u[i], currency);
		cJSON_AddNumberToObject(t, "number", u[i].number);
		cJSON_AddStringToObject(t, "speaker", rc_speaker_name(u[i].speaker));
		cJSON_AddStringToObject(t, "text", u[i].text ? u[i].text : "");
		if (u[i].state)
			cJSON_AddStringToObject(t, "state", u[i].state);
		if (u[i].rule)
			cJSON_AddStringToObject(t, "rule", u[i].rule);
		cJSON_AddStringToObject(t, "events", rc_buf_str(&ev));
		if (u[i].name)
			cJSON_AddStringToObject(t, "name", u[i].name);
		cJSON_AddNumberToObject(t, "at", (double)time(NULL));
		cJSON_AddItemToArray(a, t);
		rc_buf_free(&ev);
	}
	text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (make_parents(path) != 0) {
		rc_err_add(err, RC_ERROR, "cannot create the spool directory of '%s': "
		    "%s", path, strerror(errno));
		rc = -1;
	} else {
		rc = rc_file_replace(path, text, strlen(text), 0600, NULL, err);
	}
	cJSON_free(text);
	if (rc == 0)
		*where = path;
	else
		free(path);
	return rc;
}

void
rc_store_unspool(struct rc_store *st, int64_t id)
{
	char *path = st->target ? spool_path(st->target, id) : NULL;

	if (path != NULL)
		unlink(path);
	free(path);
}

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Writes the spool file PATH back (all of it, or nothing) and removes
 * it: the number of turns written, 0 when it is not to be written yet
 * (its call is still going on), -1 on failure. */
static long
replay_one(struct rc_store *st, const char *path, struct rc_err *err)
{
	char host[256] = "";
	size_t len;
	char *text = rc_file_read(path, &len, err);
	cJSON *o = text ? cJSON_Parse(text) : NULL, *t;
	const cJSON *turns;
	const char *status, *h;
	int64_t id;
	long pid, n = 0;

	if (o == NULL) {
		if (text != NULL)
			rc_err_add(err, RC_ERROR, "%s: not a spool file (kept)", path);
		free(text);
		return -1;
	}
	free(text);
	gethostname(host, sizeof host - 1);
	id = (int64_t)jnum(o, "session");
	pid = (long)jnum(o, "pid");
	status = jstr(o, "status");
	h = jstr(o, "host");
	if (status == NULL && h != NULL && strcmp(h, host) == 0 &&
	    (pid == (long)getpid() || pid_alive(pid))) {
		cJSON_Delete(o);
		return 0;
	}
	turns = cJSON_GetObjectItemCaseSensitive(o, "turns");
	if (begin(st, err) != 0)
		goto fail;
	cJSON_ArrayForEach(t, turns) {
		struct stored_turn s;

		s.number = (int)jnum(t, "number");
		s.speaker = jstr(t, "speaker");
		s.text = jstr(t, "text");
		s.state = jstr(t, "state");
		s.rule = jstr(t, "rule");
		s.events = jstr(t, "events");
		s.name = jstr(t, "name");
		s.at = (int64_t)jnum(t, "at");
		if (s.speaker == NULL || s.number <= 0)
			continue;
		if (insert_stored(st, id, &s, err) != 0)
			goto fail;
		n++;
	}
	if (status != NULL) {
		struct rc_db_stmt *q = rc_db_prepare(st->db, "UPDATE sessions SET "
		    "status = ?2, ended_at = ?3, updated_at = ?3, ended_by = ?4 "
		    "WHERE id = ?1");
		int64_t at = (int64_t)jnum(o, "ended_at");

		if (q == NULL) {
			db_error(st, err, "cannot end a session");
			goto fail;
		}
		rc_db_bind_int64(q, 1, id);
		bind_text(q, 2, status);
		rc_db_bind_int64(q, 3, at > 0 ? at : (int64_t)time(NULL));
		bind_text(q, 4, jstr(o, "ended_by"));
		if (rc_db_step(q) != RC_DB_DONE) {
			db_error(st, err, "cannot end a session");
			rc_db_finalize(q);
			goto fail;
		}
		rc_db_finalize(q);
	}
	if (commit(st, err) != 0)
		goto fail;
	cJSON_Delete(o);
	unlink(path);
	return n;
fail:
	rollback(st);
	cJSON_Delete(o);
	return -1;
}

/* Calls FN for each spool file of server TARGET; stops at a non-zero. */
static long
each_spool(const char *target, long (*fn)(void *, const char *), void *ctx)
{
	char *dir = rc_store_spool_dir();
	char prefix[32];
	struct dirent *e;
	DIR *d;
	long total = 0, k;

	if (dir == NULL || (d = opendir(dir)) == NULL) {
		free(dir);
		return 0;
	}
	snprintf(prefix, sizeof prefix, "%016llx-",
	    (unsigned long long)target_key(target));
	while ((e = readdir(d)) != NULL) {
		struct rc_buf b = RC_BUF_INIT;
		size_t len = strlen(e->d_name);

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 || len < 5 ||
		    strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		rc_buf_printf(&b, "%s/%s", dir, e->d_name);
		k = fn(ctx, rc_buf_str(&b));
		rc_buf_free(&b);
		if (k < 0) {
			total = -1;
			break;
		}
		total += k;
	}
	closedir(d);
	free(dir);
	return total;
}

struct replay_ctx {
	struct rc_store *st;
	struct rc_err *err;
};

static long
replay_file(void *ctx, const char *path)
{
	struct replay_ctx *r = ctx;

	return replay_one(r->st, path, r->err);
}

static long
count_file(void *ctx, const char *path)
{
	(void)ctx;
	(void)path;
	return 1;
}

long
rc_store_replay(struct rc_store *st, struct rc_err *err)
{
	struct replay_ctx r;

	if (st->target == NULL || st->readonly)
		return 0;
	memset(&r, 0, sizeof r);
	r.st = st;
	r.err = err;
	return each_spool(st->target, replay_file, &r);
}

int
rc_store_spool_pending(const char *target)
{
	return rc_db_is_server(target) &&
	    each_spool(target, count_file, NULL) > 0;
}
