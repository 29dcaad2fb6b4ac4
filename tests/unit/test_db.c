/*
 * test_db.c - the driver layer's pieces that need no server: which
 * --db values name a PostgreSQL server, passwords masked out of them,
 * the schema DDL in PostgreSQL's types, and the SQLite driver's
 * statements (bind, step, columns, RETURNING, upsert) on :memory:.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "harness.h"

static void
check_mask(const char *in, const char *want)
{
	char *got = rc_db_mask(in);

	RC_CHECK_STR(got, want);
	free(got);
}

int
main(void)
{
	struct rc_buf b = RC_BUF_INIT;
	struct rc_db_stmt *q;
	struct rc_db *db;
	sqlite3 *h;
	int v = -1;

	RC_CHECK(rc_db_is_server("postgresql://u@h/d"));
	RC_CHECK(rc_db_is_server("postgres:///d"));
	RC_CHECK(rc_db_is_server("service=team"));
	RC_CHECK(rc_db_is_server("host=/tmp port=5 dbname=x"));
	RC_CHECK(rc_db_is_server("  dbname = x"));
	RC_CHECK(!rc_db_is_server("recoup.db"));
	RC_CHECK(!rc_db_is_server("/home/a/records=old.db"));
	RC_CHECK(!rc_db_is_server("notes=1.db"));
	RC_CHECK(!rc_db_is_server(":memory:"));
	RC_CHECK(!rc_db_is_server(NULL));

	check_mask("postgresql://alice:s3cret@db/recoup",
	    "postgresql://alice:***@db/recoup");
	check_mask("postgresql://alice@db/recoup", "postgresql://alice@db/recoup");
	check_mask("postgres://a:b:c@db/recoup?sslmode=require",
	    "postgres://a:***@db/recoup?sslmode=require");
	check_mask("postgresql:///r?host=/tmp&password=pw&user=u",
	    "postgresql:///r?host=/tmp&password=***&user=u");
	check_mask("host=db password=pw dbname=r", "host=db password=*** dbname=r");
	check_mask("host=db password = 'a b\\' c' dbname=r",
	    "host=db password = *** dbname=r");
	check_mask("service=team", "service=team");

	sqlite3_open(":memory:", &h);
	db = rc_db_sqlite_wrap(h);
	RC_CHECK_INT(rc_db_kind(db), RC_DB_SQLITE);
	rc_db_ddl(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, x REAL, "
	    "n INTEGER, s TEXT DEFAULT 'REAL INTEGER') WITHOUT ROWID;", &b);
	RC_CHECK_STR(rc_buf_str(&b), "CREATE TABLE t (id INTEGER PRIMARY KEY, "
	    "x REAL, n INTEGER, s TEXT DEFAULT 'REAL INTEGER') WITHOUT ROWID;");
	RC_CHECK_INT(rc_db_exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, "
	    "x REAL, s TEXT UNIQUE)"), 0);
	RC_CHECK_INT(rc_db_version(db, &v), 0);
	RC_CHECK_INT(v, 0);
	RC_CHECK_INT(rc_db_set_version(db, 5), 0);
	RC_CHECK_INT(rc_db_version(db, &v), 0);
	RC_CHECK_INT(v, 5);
	q = rc_db_prepare(db, "INSERT INTO t (x, s) VALUES (?1, ?2) ON CONFLICT "
	    "(s) DO UPDATE SET x = excluded.x RETURNING id");
	RC_CHECK(q != NULL);
	rc_db_bind_double(q, 1, 2.5);
	rc_db_bind_text(q, 2, "a'b");
	RC_CHECK_INT(rc_db_step(q), RC_DB_ROW);
	RC_CHECK_INT(rc_db_int64(q, 0), 1);
	RC_CHECK_INT(rc_db_step(q), RC_DB_DONE);
	rc_db_reset(q);
	rc_db_bind_double(q, 1, 3.5);
	rc_db_bind_text(q, 2, "a'b");
	RC_CHECK_INT(rc_db_step(q), RC_DB_ROW);
	RC_CHECK_INT(rc_db_int64(q, 0), 1);
	rc_db_finalize(q);
	q = rc_db_prepare(db, "SELECT x, s, NULL FROM t WHERE s = ?");
	rc_db_bind_text(q, 1, "a'b");
	RC_CHECK_INT(rc_db_step(q), RC_DB_ROW);
	RC_CHECK_NUM(rc_db_double(q, 0), 3.5);
	RC_CHECK_STR(rc_db_text(q, 1), "a'b");
	RC_CHECK(rc_db_is_null(q, 2));
	RC_CHECK(rc_db_text(q, 2) == NULL);
	rc_db_finalize(q);
	RC_CHECK(rc_db_prepare(db, "SELECT nope FROM t") == NULL);
	RC_CHECK(strstr(rc_db_errmsg(db), "nope") != NULL);
	RC_CHECK(!rc_db_busy(db) && !rc_db_lost(db));
	RC_CHECK_INT(rc_db_begin(db), 0);
	RC_CHECK_INT(rc_db_exec(db, "INSERT INTO t (x, s) VALUES (1, 'z')"), 0);
	rc_db_rollback(db);
	q = rc_db_prepare(db, "SELECT count(*) FROM t");
	RC_CHECK_INT(rc_db_step(q), RC_DB_ROW);
	RC_CHECK_INT(rc_db_int64(q, 0), 1);
	rc_db_finalize(q);
	rc_db_close(db);
	rc_buf_free(&b);
	return RC_TEST_DONE();
}
