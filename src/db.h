/*
 * db.h - the SQL driver under the store: one connection, to an SQLite
 * file or to a PostgreSQL server (libpq), behind the same calls, so that
 * store.c writes every query once.  Statements use numbered placeholders
 * (?1, ?2, ...) or plain ?; the PostgreSQL driver turns them into $N.
 * Values are bound, never pasted into the text.
 *
 * Errors: functions returning int give 0 (or RC_DB_ROW / RC_DB_DONE) on
 * success and -1 on failure; rc_db_errmsg() then says why, and
 * rc_db_busy() / rc_db_lost() tell a lock from a server that went away.
 * Library code: nothing here prints.
 */
#ifndef RC_DB_H
#define RC_DB_H

#include <stdint.h>

#include "buf.h"

enum rc_db_kind { RC_DB_SQLITE, RC_DB_PG };

#define RC_DB_ROW 1
#define RC_DB_DONE 0
#define RC_DB_ERROR (-1)

struct rc_db;
struct rc_db_stmt;

/* 1 when TARGET names a PostgreSQL server (a postgresql:// or postgres://
 * URI, or a libpq key=value string such as "service=team"), 0 when it is
 * an SQLite path. */
int rc_db_is_server(const char *target);
/* TARGET with any password replaced by "***", for messages.  The caller
 * frees it. */
char *rc_db_mask(const char *target);

/* Takes over the open SQLite handle H (a sqlite3 *); rc_db_close()
 * closes it.  Never NULL. */
struct rc_db *rc_db_sqlite_wrap(void *h);
/* The SQLite handle of DB (a sqlite3 *), NULL for another kind. */
void *rc_db_sqlite_handle(struct rc_db *db);
/* Connects to the PostgreSQL server TARGET.  On success *OUT is the
 * connection; on failure -1 with the server's reason in *WHY (the caller
 * frees it). */
int rc_db_pg_connect(const char *target, struct rc_db **out, char **why);

void rc_db_close(struct rc_db *db);
enum rc_db_kind rc_db_kind(const struct rc_db *db);

/* The reason of the last failure (belongs to DB, valid until the next
 * call on it). */
const char *rc_db_errmsg(const struct rc_db *db);
/* 1 when the last failure was another writer holding the database (a
 * retry later may work). */
int rc_db_busy(const struct rc_db *db);
/* 1 when the last failure was the connection lost (the server went
 * away); the next call tries to connect again. */
int rc_db_lost(const struct rc_db *db);

/* Runs SQL (no parameters; several statements allowed). */
int rc_db_exec(struct rc_db *db, const char *sql);
/* Starts a write transaction (SQLite: BEGIN IMMEDIATE). */
int rc_db_begin(struct rc_db *db);
int rc_db_commit(struct rc_db *db);
/* Rolls back the open transaction, if any. */
void rc_db_rollback(struct rc_db *db);

/* Schema DDL written for SQLite (INTEGER PRIMARY KEY, REAL, WITHOUT
 * ROWID) in DB's dialect, appended to OUT. */
void rc_db_ddl(const struct rc_db *db, const char *sql, struct rc_buf *out);
/* The schema version (SQLite: PRAGMA user_version; PostgreSQL: the table
 * recoup_schema, 0 when missing). */
int rc_db_version(struct rc_db *db, int *out);
/* Sets it, inside the caller's transaction. */
int rc_db_set_version(struct rc_db *db, int v);
/* Before the migrating transaction (ON 1) and after it (ON 0): waits
 * until no other process migrates, then keeps them waiting.  SQLite's
 * BEGIN IMMEDIATE already does; PostgreSQL takes a session advisory
 * lock (outside the transaction, so the transaction that follows sees
 * the tables another process just made). */
int rc_db_lock_schema(struct rc_db *db, int on);

/* A statement; NULL on failure.  Free with rc_db_finalize(). */
struct rc_db_stmt *rc_db_prepare(struct rc_db *db, const char *sql);
void rc_db_finalize(struct rc_db_stmt *q);
/* Binds parameter I (from 1).  TEXT is copied; NULL binds NULL. */
void rc_db_bind_text(struct rc_db_stmt *q, int i, const char *text);
void rc_db_bind_int64(struct rc_db_stmt *q, int i, int64_t v);
void rc_db_bind_double(struct rc_db_stmt *q, int i, double v);
void rc_db_bind_null(struct rc_db_stmt *q, int i);
/* The next row: RC_DB_ROW, RC_DB_DONE or RC_DB_ERROR. */
int rc_db_step(struct rc_db_stmt *q);
/* Ends the run (discarding rows not read) and clears the bindings. */
void rc_db_reset(struct rc_db_stmt *q);
/* Rows the last run changed. */
long rc_db_changes(struct rc_db_stmt *q);

/* Column I (from 0) of the current row.  Text belongs to the statement
 * and is valid until the next step or reset. */
const char *rc_db_text(struct rc_db_stmt *q, int i);
int rc_db_is_null(struct rc_db_stmt *q, int i);
int64_t rc_db_int64(struct rc_db_stmt *q, int i);
double rc_db_double(struct rc_db_stmt *q, int i);

#endif
