/*
 * db-impl.h - what db.c shares with its two drivers (db-sqlite.c,
 * db-pg.c): the connection and statement structures and the table of a
 * driver's operations.  Only the db*.c files include it.
 */
#ifndef RC_DB_IMPL_H
#define RC_DB_IMPL_H

#include "db.h"

enum val_type { VAL_NULL, VAL_TEXT, VAL_INT, VAL_DOUBLE };

struct rc_db_value {
	enum val_type type;
	char *text;               /* owned, VAL_TEXT */
	int64_t i;
	double d;
};

struct rc_db_ops {
	void (*close)(struct rc_db *db);
	int (*exec)(struct rc_db *db, const char *sql);
	int (*begin)(struct rc_db *db);
	int (*in_tx)(struct rc_db *db);
	int (*version)(struct rc_db *db, int *out);
	int (*set_version)(struct rc_db *db, int v);
	int (*lock_schema)(struct rc_db *db, int on);
	int (*prepare)(struct rc_db_stmt *q, const char *sql);
	void (*finalize)(struct rc_db_stmt *q);
	int (*step)(struct rc_db_stmt *q);
	void (*reset)(struct rc_db_stmt *q);
	long (*changes)(struct rc_db_stmt *q);
	const char *(*text)(struct rc_db_stmt *q, int i);
	int (*is_null)(struct rc_db_stmt *q, int i);
	int64_t (*int64)(struct rc_db_stmt *q, int i);
	double (*dbl)(struct rc_db_stmt *q, int i);
};

struct rc_db {
	enum rc_db_kind kind;
	const struct rc_db_ops *ops;
	void *h;                  /* sqlite3 * or PGconn * */
	char *target;             /* PostgreSQL: the connection string */
	char *msg;                /* the last failure's reason, owned */
	int busy, lost;
};

struct rc_db_stmt {
	struct rc_db *db;
	struct rc_db_value *v;    /* the bound values, v[0] is parameter 1 */
	int nv;
	int started;              /* stepped since the last reset */
	void *impl;
};

/* Sets DB's last failure to MSG (copied; NULL clears it). */
void rc_db_fail(struct rc_db *db, const char *msg, int busy, int lost);

extern const struct rc_db_ops rc_db_sqlite_ops;
extern const struct rc_db_ops rc_db_pg_ops;

#endif
