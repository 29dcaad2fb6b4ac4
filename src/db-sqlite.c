/*
 * db-sqlite.c - the SQLite driver of db.h.  Statements are prepared once
 * and their values bound when they first step; a failure keeps SQLite's
 * message (with the system's reason behind an I/O error) and whether it
 * was a lock (SQLITE_BUSY, SQLITE_LOCKED).  Opening the file, with its
 * checks, stays in store.c, which hands the handle over.
 */
#include "db-impl.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static sqlite3 *
H(struct rc_db *db)
{
	return db->h;
}

struct rc_db *
rc_db_sqlite_wrap(void *h)
{
	struct rc_db *db = rc_xcalloc(1, sizeof *db);

	db->kind = RC_DB_SQLITE;
	db->ops = &rc_db_sqlite_ops;
	db->h = h;
	if (h != NULL && sqlite3_errcode(h) != SQLITE_OK)
		rc_db_fail(db, sqlite3_errmsg(h), 0, 0);
	return db;
}

void *
rc_db_sqlite_handle(struct rc_db *db)
{
	return db != NULL && db->kind == RC_DB_SQLITE ? db->h : NULL;
}

/* Keeps the failure CODE (MSG, or the handle's message) on DB. */
static void
failed(struct rc_db *db, int code, const char *msg)
{
	struct rc_buf b = RC_BUF_INIT;
	int e = sqlite3_system_errno(H(db));

	rc_buf_puts(&b, msg ? msg : sqlite3_errmsg(H(db)));
	if (e != 0 && (code & 0xff) == SQLITE_IOERR)
		rc_buf_printf(&b, " (%s)", strerror(e));
	rc_db_fail(db, rc_buf_str(&b), (code & 0xff) == SQLITE_BUSY ||
	    (code & 0xff) == SQLITE_LOCKED, 0);
	rc_buf_free(&b);
}

static void
sq_close(struct rc_db *db)
{
	sqlite3_close(H(db));
}

static int
sq_exec(struct rc_db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(H(db), sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		failed(db, rc, msg);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int
sq_begin(struct rc_db *db)
{
	return sq_exec(db, "BEGIN IMMEDIATE");
}

static int
sq_in_tx(struct rc_db *db)
{
	return !sqlite3_get_autocommit(H(db));
}

static int
sq_version(struct rc_db *db, int *out)
{
	sqlite3_stmt *q;
	int rc;

	if ((rc = sqlite3_prepare_v2(H(db), "PRAGMA user_version", -1, &q,
	    NULL)) != SQLITE_OK) {
		failed(db, rc, NULL);
		return -1;
	}
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		failed(db, sqlite3_extended_errcode(H(db)), NULL);
		return -1;
	}
	return 0;
}

static int
sq_set_version(struct rc_db *db, int v)
{
	char sql[64];

	/* PRAGMA takes no parameters; V is the program's own constant. */
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
	return sq_exec(db, sql);
}

static int
sq_lock_schema(struct rc_db *db, int on)
{
	(void)db;
	(void)on;
	return 0;
}

static int
sq_prepare(struct rc_db_stmt *q, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(H(q->db), sql, -1, &s, NULL);

	if (rc != SQLITE_OK) {
		failed(q->db, rc, NULL);
		return -1;
	}
	q->impl = s;
	return 0;
}

static void
sq_finalize(struct rc_db_stmt *q)
{
	sqlite3_finalize(q->impl);
}

static int
sq_step(struct rc_db_stmt *q)
{
	sqlite3_stmt *s = q->impl;
	int i, rc;

	if (!q->started)
		for (i = 0; i < q->nv; i++) {
			const struct rc_db_value *v = &q->v[i];

			switch (v->type) {
			case VAL_TEXT:
				sqlite3_bind_text(s, i + 1, v->text, -1, SQLITE_TRANSIENT);
				break;
			case VAL_INT: sqlite3_bind_int64(s, i + 1, v->i); break;
			case VAL_DOUBLE: sqlite3_bind_double(s, i + 1, v->d); break;
			default: sqlite3_bind_null(s, i + 1); break;
			}
		}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return RC_DB_ROW;
	if (rc == SQLITE_DONE)
		return RC_DB_DONE;
	failed(q->db, sqlite3_extended_errcode(H(q->db)), NULL);
	return RC_DB_ERROR;
}

static void
sq_reset(struct rc_db_stmt *q)
{
	sqlite3_reset(q->impl);
	sqlite3_clear_bindings(q->impl);
}

static long
sq_changes(struct rc_db_stmt *q)
{
	return (long)sqlite3_changes(H(q->db));
}

static const char *
sq_text(struct rc_db_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q->impl, i);
}

static int
sq_is_null(struct rc_db_stmt *q, int i)
{
	return sqlite3_column_type(q->impl, i) == SQLITE_NULL;
}

static int64_t
sq_int64(struct rc_db_stmt *q, int i)
{
	return sqlite3_column_int64(q->impl, i);
}

static double
sq_double(struct rc_db_stmt *q, int i)
{
	return sqlite3_column_double(q->impl, i);
}

const struct rc_db_ops rc_db_sqlite_ops = {
	.close = sq_close, .exec = sq_exec, .begin = sq_begin, .in_tx = sq_in_tx,
	.version = sq_version, .set_version = sq_set_version,
	.lock_schema = sq_lock_schema, .prepare = sq_prepare,
	.finalize = sq_finalize, .step = sq_step, .reset = sq_reset,
	.changes = sq_changes, .text = sq_text, .is_null = sq_is_null,
	.int64 = sq_int64, .dbl = sq_double,
};
