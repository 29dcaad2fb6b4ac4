/*
 * db-pg.c - the PostgreSQL driver of db.h, through libpq.  A statement
 * is sent when it first steps (PQsendQueryParams, its ?N placeholders
 * turned into $N, values as text with their types) and its rows come
 * back in binary, one at a time (single-row mode), so a query over a
 * million sessions never holds them all.  A connection that went away is
 * made again (waiting 2 s at most) before the next statement; a failure
 * says whether the server was lost (SQLSTATE class 08, an
 * administrator's shutdown) or busy (a deadlock, a lock).
 */
#include "db-impl.h"

#include <dlfcn.h>
#include <libpq-fe.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

/* libpq is opened when the first server connection is (dlopen), not
 * linked: a recoup that only uses SQLite never loads it and the thirty
 * libraries it pulls in (TLS, Kerberos, LDAP), which took more than half
 * of every command's start-up.  The functions used, by their own names
 * below (the macros), through this table. */
static struct {
	void *h;
	PGconn *(*connectdbParams)(const char *const *, const char *const *, int);
	void (*finish)(PGconn *);
	ConnStatusType (*status)(const PGconn *);
	PGTransactionStatusType (*transactionStatus)(const PGconn *);
	char *(*errorMessage)(const PGconn *);
	PQnoticeProcessor (*setNoticeProcessor)(PGconn *, PQnoticeProcessor, void *);
	PGresult *(*exec)(PGconn *, const char *);
	int (*sendQueryParams)(PGconn *, const char *, int, const Oid *,
	    const char *const *, const int *, const int *, int);
	int (*setSingleRowMode)(PGconn *);
	PGresult *(*getResult)(PGconn *);
	ExecStatusType (*resultStatus)(const PGresult *);
	char *(*resultErrorField)(const PGresult *, int);
	int (*ntuples)(const PGresult *);
	int (*nfields)(const PGresult *);
	Oid (*ftype)(const PGresult *, int);
	char *(*getvalue)(const PGresult *, int, int);
	int (*getisnull)(const PGresult *, int, int);
	int (*getlength)(const PGresult *, int, int);
	char *(*cmdTuples)(PGresult *);
	void (*clear)(PGresult *);
} pq;

#define PQconnectdbParams pq.connectdbParams
#define PQfinish pq.finish
#define PQstatus pq.status
#define PQtransactionStatus pq.transactionStatus
#define PQerrorMessage pq.errorMessage
#define PQsetNoticeProcessor pq.setNoticeProcessor
#define PQexec pq.exec
#define PQsendQueryParams pq.sendQueryParams
#define PQsetSingleRowMode pq.setSingleRowMode
#define PQgetResult pq.getResult
#define PQresultStatus pq.resultStatus
#define PQresultErrorField pq.resultErrorField
#define PQntuples pq.ntuples
#define PQnfields pq.nfields
#define PQftype pq.ftype
#define PQgetvalue pq.getvalue
#define PQgetisnull pq.getisnull
#define PQgetlength pq.getlength
#define PQcmdTuples pq.cmdTuples
#define PQclear pq.clear

/* Symbol NAME of the opened libpq into *FN (a function pointer of its
 * own type; memcpy because ISO C has no cast from dlsym's void *). */
static int
sym(void *fn, size_t size, const char *name)
{
	void *p = dlsym(pq.h, name);

	if (p == NULL)
		return -1;
	memcpy(fn, &p, size);
	return 0;
}

#define SYM(field, name) (sym(&pq.field, sizeof pq.field, name) != 0)

/* Opens libpq once: 0, or -1 with *WHY (the caller frees it). */
static int
pq_load(char **why)
{
	if (pq.h != NULL)
		return 0;
	if ((pq.h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL)) == NULL) {
		const char *e = dlerror();
		struct rc_buf b = RC_BUF_INIT;

		rc_buf_printf(&b, "PostgreSQL needs libpq (Debian package libpq5): "
		    "%s", e ? e : "cannot load libpq.so.5");
		*why = rc_buf_detach(&b);
		return -1;
	}
	if (SYM(connectdbParams, "PQconnectdbParams") || SYM(finish, "PQfinish") ||
	    SYM(status, "PQstatus") ||
	    SYM(transactionStatus, "PQtransactionStatus") ||
	    SYM(errorMessage, "PQerrorMessage") ||
	    SYM(setNoticeProcessor, "PQsetNoticeProcessor") ||
	    SYM(exec, "PQexec") || SYM(sendQueryParams, "PQsendQueryParams") ||
	    SYM(setSingleRowMode, "PQsetSingleRowMode") ||
	    SYM(getResult, "PQgetResult") || SYM(resultStatus, "PQresultStatus") ||
	    SYM(resultErrorField, "PQresultErrorField") ||
	    SYM(ntuples, "PQntuples") || SYM(nfields, "PQnfields") ||
	    SYM(ftype, "PQftype") || SYM(getvalue, "PQgetvalue") ||
	    SYM(getisnull, "PQgetisnull") || SYM(getlength, "PQgetlength") ||
	    SYM(cmdTuples, "PQcmdTuples") || SYM(clear, "PQclear")) {
		*why = rc_xstrdup("the libpq found (libpq.so.5) lacks a function "
		    "recoup needs");
		dlclose(pq.h);
		pq.h = NULL;
		return -1;
	}
	return 0;
}

/* Any constant: the key of the advisory lock migrations hold. */
#define SCHEMA_LOCK 7200113

struct pgq {
	char *sql;                /* with $N placeholders */
	PGresult *res;            /* the current row (single-row mode) */
	int active;               /* sent, results not all read */
	long changes;
	char (*num)[32];          /* a number column read as text */
	int nnum;
};

/* The types whose binary form is read here; any other column is asked
 * for as text (its binary form is the text). */
#define OID_BOOL 16
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_FLOAT4 700
#define OID_FLOAT8 701

static PGconn *
C(struct rc_db *db)
{
	return db->h;
}

static void
no_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* MSG without its trailing newline, kept as DB's failure. */
static void
set_msg(struct rc_db *db, const char *msg, int busy, int lost)
{
	char *m, *nl;
	size_t n;

	/* libpq's text after a lost connection runs over several lines
	 * ("FATAL:  terminating connection ...\nserver closed the
	 * connection unexpectedly ..."): the first says it. */
	if (msg == NULL || *msg == '\0')
		msg = "unknown error";
	if (strncmp(msg, "FATAL:  ", 8) == 0 || strncmp(msg, "ERROR:  ", 8) == 0)
		msg += 8;
	m = rc_xstrdup(msg);
	if ((nl = strchr(m, '\n')) != NULL && nl[1] != '\0')
		*nl = '\0';
	n = strlen(m);
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	rc_db_fail(db, m, busy, lost);
	free(m);
}

/* Keeps the failure of RES (NULL: of the connection) on DB. */
static void
failed(struct rc_db *db, const PGresult *res)
{
	const char *state = res ? PQresultErrorField(res,
	    PG_DIAG_SQLSTATE) : NULL;
	const char *primary = res ? PQresultErrorField(res,
	    PG_DIAG_MESSAGE_PRIMARY) : NULL;
	int lost = PQstatus(C(db)) == CONNECTION_BAD ||
	    (state && (strncmp(state, "08", 2) == 0 ||
	    strncmp(state, "57P", 3) == 0));
	int busy = state && (strcmp(state, "40001") == 0 ||
	    strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0);

	set_msg(db, primary ? primary : PQerrorMessage(C(db)), busy, lost);
}

static PGconn *open_conn(const char *target, const char *timeout);

/* The connection, connected again when it was lost: 0, or -1.  A call
 * tries at each turn while the server is away, so it waits 2 s at most,
 * not the first connection's 10. */
static int
ensure(struct rc_db *db)
{
	PGconn *c;

	if (PQstatus(C(db)) == CONNECTION_OK)
		return 0;
	c = open_conn(db->target, "2");
	if (c != NULL && PQstatus(c) == CONNECTION_OK) {
		PQfinish(C(db));
		db->h = c;
		return 0;
	}
	set_msg(db, c ? PQerrorMessage(c) : "out of memory", 0, 1);
	PQfinish(c);
	return -1;
}

/* A new connection to TARGET, waiting at most TIMEOUT seconds (unless
 * PGCONNECT_TIMEOUT says otherwise); NULL only when out of memory. */
static PGconn *
open_conn(const char *target, const char *timeout)
{
	const char *keys[4], *vals[4];
	PGconn *c;
	int k = 0;

	/* Ours first: what TARGET says wins (expand_dbname). */
	keys[k] = "application_name";
	vals[k++] = "recoup";
	if (getenv("PGCONNECT_TIMEOUT") == NULL) {
		keys[k] = "connect_timeout";
		vals[k++] = timeout;
	}
	keys[k] = "dbname";
	vals[k++] = target;
	keys[k] = NULL;
	vals[k] = NULL;
	c = PQconnectdbParams(keys, vals, 1);
	if (c != NULL && PQstatus(c) == CONNECTION_OK) {
		PQsetNoticeProcessor(c, no_notice, NULL);
		/* The reports read every session in one query: compiling it
		 * (JIT) costs more than it saves, a tenth of a second each
		 * time. */
		PQclear(PQexec(c, "SET jit = off"));
	}
	return c;
}

int
rc_db_pg_connect(const char *target, struct rc_db **out, char **why)
{
	struct rc_db *db;
	PGconn *c;

	*out = NULL;
	*why = NULL;
	if (pq_load(why) != 0)
		return -1;
	if ((c = open_conn(target, "10")) == NULL) {
		*why = rc_xstrdup("out of memory");
		return -1;
	}
	if (PQstatus(c) != CONNECTION_OK) {
		struct rc_buf b = RC_BUF_INIT;
		const char *m = PQerrorMessage(c);
		size_t n = strlen(m), i;

		while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
			n--;
		/* One line: libpq puts its hint on a second, tab-indented. */
		for (i = 0; i < n; i++) {
			if (m[i] == '\n') {
				rc_buf_puts(&b, ": ");
				while (i + 1 < n && (m[i + 1] == '\t' || m[i + 1] == ' '))
					i++;
			} else {
				rc_buf_putc(&b, m[i]);
			}
		}
		*why = rc_buf_detach(&b);
		PQfinish(c);
		return -1;
	}
	db = rc_xcalloc(1, sizeof *db);
	db->kind = RC_DB_PG;
	db->ops = &rc_db_pg_ops;
	db->h = c;
	db->target = rc_xstrdup(target);
	*out = db;
	return 0;
}

static void
pg_close(struct rc_db *db)
{
	PQfinish(C(db));
}

/* Runs SQL, its rows discarded; into *N the first row's first column as
 * a number when N is not NULL and there is one. */
static int
run(struct rc_db *db, const char *sql, long *n)
{
	PGresult *res;
	int ok;

	if (ensure(db) != 0)
		return -1;
	res = PQexec(C(db), sql);
	ok = res != NULL && (PQresultStatus(res) == PGRES_COMMAND_OK ||
	    PQresultStatus(res) == PGRES_TUPLES_OK);
	if (!ok) {
		failed(db, res);
		PQclear(res);
		return -1;
	}
	if (n != NULL)
		*n = PQntuples(res) > 0 && !PQgetisnull(res, 0, 0) ?
		    strtol(PQgetvalue(res, 0, 0), NULL, 10) : 0;
	PQclear(res);
	return 0;
}

static int
pg_exec(struct rc_db *db, const char *sql)
{
	return run(db, sql, NULL);
}

static int
pg_begin(struct rc_db *db)
{
	return run(db, "BEGIN", NULL);
}

static int
pg_in_tx(struct rc_db *db)
{
	PGTransactionStatusType s = PQtransactionStatus(C(db));

	return s == PQTRANS_INTRANS || s == PQTRANS_INERROR;
}

static int
pg_version(struct rc_db *db, int *out)
{
	long n = 0;

	*out = 0;
	if (run(db, "SELECT CASE WHEN to_regclass('recoup_schema') IS NULL "
	    "THEN 0 ELSE 1 END", &n) != 0)
		return -1;
	if (n == 0)
		return 0;
	if (run(db, "SELECT max(version) FROM recoup_schema", &n) != 0)
		return -1;
	*out = (int)n;
	return 0;
}

static int
pg_set_version(struct rc_db *db, int v)
{
	char sql[200];

	/* V is the program's own constant. */
	snprintf(sql, sizeof sql, "CREATE TABLE IF NOT EXISTS recoup_schema "
	    "(version INTEGER NOT NULL); DELETE FROM recoup_schema; "
	    "INSERT INTO recoup_schema (version) VALUES (%d)", v);
	return run(db, sql, NULL);
}

static int
pg_lock_schema(struct rc_db *db, int on)
{
	char sql[64];

	snprintf(sql, sizeof sql, "SELECT pg_advisory_%slock(%d)",
	    on ? "" : "un", SCHEMA_LOCK);
	return run(db, sql, NULL);
}

/* SQL with ?N and ? turned into $N (outside quoted text). */
static char *
dollars(const char *sql)
{
	struct rc_buf b = RC_BUF_INIT;
	const char *p;
	int k = 0;

	for (p = sql; *p; p++) {
		if (*p == '\'' || *p == '"') {
			const char *e = strchr(p + 1, *p);

			e = e ? e : p + strlen(p) - 1;
			rc_buf_add(&b, p, (size_t)(e - p + 1));
			p = e;
			continue;
		}
		if (*p != '?') {
			rc_buf_putc(&b, *p);
			continue;
		}
		if (p[1] >= '0' && p[1] <= '9') {
			rc_buf_putc(&b, '$');
			continue;
		}
		rc_buf_printf(&b, "$%d", ++k);
	}
	return rc_buf_detach(&b);
}

static int
pg_prepare(struct rc_db_stmt *q, const char *sql)
{
	struct pgq *s = rc_xcalloc(1, sizeof *s);

	s->sql = dollars(sql);
	q->impl = s;
	return 0;
}

/* Reads and drops what is left of the statement's results. */
static void
drain(struct rc_db_stmt *q)
{
	struct pgq *s = q->impl;
	PGresult *r;

	PQclear(s->res);
	s->res = NULL;
	if (!s->active)
		return;
	while ((r = PQgetResult(C(q->db))) != NULL)
		PQclear(r);
	s->active = 0;
}

static void
pg_finalize(struct rc_db_stmt *q)
{
	struct pgq *s = q->impl;

	if (s == NULL)
		return;
	drain(q);
	free(s->sql);
	free(s->num);
	free(s);
}

/* Sends Q with its bound values. */
static int
send_query(struct rc_db_stmt *q)
{
	struct pgq *s = q->impl;
	const char **vals = NULL;
	Oid *types = NULL;
	char (*num)[32] = NULL;
	int i, ok;

	if (ensure(q->db) != 0)
		return -1;
	if (q->nv > 0) {
		vals = rc_xcalloc((size_t)q->nv, sizeof *vals);
		types = rc_xcalloc((size_t)q->nv, sizeof *types);
		num = rc_xcalloc((size_t)q->nv, sizeof *num);
	}
	for (i = 0; i < q->nv; i++) {
		const struct rc_db_value *v = &q->v[i];

		switch (v->type) {
		case VAL_TEXT:
			vals[i] = v->text;
			break;
		case VAL_INT:
			types[i] = 20;    /* int8 */
			snprintf(num[i], sizeof num[i], "%lld", (long long)v->i);
			vals[i] = num[i];
			break;
		case VAL_DOUBLE:
			types[i] = 701;   /* float8 */
			if (isnan(v->d))
				snprintf(num[i], sizeof num[i], "NaN");
			else if (isinf(v->d))
				snprintf(num[i], sizeof num[i], "%sInfinity",
				    v->d < 0 ? "-" : "");
			else
				snprintf(num[i], sizeof num[i], "%.17g", v->d);
			vals[i] = num[i];
			break;
		default:
			vals[i] = NULL;
			break;
		}
	}
	/* Rows come back binary: numbers need no printing on the server nor
	 * parsing here (a third of a report's time), text is as it is. */
	ok = PQsendQueryParams(C(q->db), s->sql, q->nv, types, vals, NULL, NULL,
	    1);
	free(vals);
	free(types);
	free(num);
	if (!ok) {
		failed(q->db, NULL);
		return -1;
	}
	PQsetSingleRowMode(C(q->db));
	s->active = 1;
	s->changes = 0;
	return 0;
}

static int
pg_step(struct rc_db_stmt *q)
{
	struct pgq *s = q->impl;
	PGresult *r;

	if (!q->started && send_query(q) != 0)
		return RC_DB_ERROR;
	PQclear(s->res);
	s->res = NULL;
	if (!s->active)
		return RC_DB_DONE;
	if ((r = PQgetResult(C(q->db))) == NULL) {
		s->active = 0;
		return RC_DB_DONE;
	}
	switch (PQresultStatus(r)) {
	case PGRES_SINGLE_TUPLE:
		s->res = r;
		return RC_DB_ROW;
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		s->changes = strtol(PQcmdTuples(r), NULL, 10);
		PQclear(r);
		drain(q);
		return RC_DB_DONE;
	default:
		failed(q->db, r);
		PQclear(r);
		drain(q);
		return RC_DB_ERROR;
	}
}

static void
pg_reset(struct rc_db_stmt *q)
{
	drain(q);
}

static long
pg_changes(struct rc_db_stmt *q)
{
	return ((struct pgq *)q->impl)->changes;
}

static uint64_t
be(const char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v << 8 | (unsigned char)p[i];
	return v;
}

/* Column I's type and bytes (binary), NULL when null or absent. */
static const char *
raw(struct rc_db_stmt *q, int i, Oid *type, int *len)
{
	PGresult *r = ((struct pgq *)q->impl)->res;

	if (r == NULL || i >= PQnfields(r) || PQgetisnull(r, 0, i))
		return NULL;
	*type = PQftype(r, i);
	*len = PQgetlength(r, 0, i);
	return PQgetvalue(r, 0, i);
}

/* A number column as a number: 1 when column I is one. */
static int
number(const char *p, Oid type, int len, int64_t *iv, double *dv, int *is_int)
{
	union { uint64_t u; double d; } u8;
	union { uint32_t u; float f; } u4;

	*is_int = 1;
	if (type == OID_INT8 && len == 8)
		*iv = (int64_t)be(p, 8);
	else if (type == OID_INT4 && len == 4)
		*iv = (int32_t)(uint32_t)be(p, 4);
	else if (type == OID_INT2 && len == 2)
		*iv = (int16_t)(uint16_t)be(p, 2);
	else if (type == OID_BOOL && len == 1)
		*iv = *p != 0;
	else if (type == OID_FLOAT8 && len == 8) {
		u8.u = be(p, 8);
		*dv = u8.d;
		*is_int = 0;
	} else if (type == OID_FLOAT4 && len == 4) {
		u4.u = (uint32_t)be(p, 4);
		*dv = u4.f;
		*is_int = 0;
	} else
		return 0;
	return 1;
}

static const char *
pg_text(struct rc_db_stmt *q, int i)
{
	struct pgq *s = q->impl;
	const char *p;
	int64_t iv = 0;
	double dv = 0;
	int len, is_int;
	Oid type;

	if ((p = raw(q, i, &type, &len)) == NULL)
		return NULL;
	if (!number(p, type, len, &iv, &dv, &is_int))
		return p;
	if (i >= s->nnum) {
		s->num = rc_xreallocarray(s->num, (size_t)i + 1, sizeof *s->num);
		s->nnum = i + 1;
	}
	if (is_int)
		snprintf(s->num[i], sizeof s->num[i], "%lld", (long long)iv);
	else
		snprintf(s->num[i], sizeof s->num[i], "%.17g", dv);
	return s->num[i];
}

static int
pg_is_null(struct rc_db_stmt *q, int i)
{
	Oid type;
	int len;

	return raw(q, i, &type, &len) == NULL;
}

static int64_t
pgq_int64(struct rc_db_stmt *q, int i)
{
	int64_t iv = 0;
	double dv = 0;
	int len, is_int;
	Oid type;
	const char *p = raw(q, i, &type, &len);

	if (p == NULL)
		return 0;
	if (!number(p, type, len, &iv, &dv, &is_int))
		return (int64_t)strtoll(p, NULL, 10);
	return is_int ? iv : (int64_t)dv;
}

static double
pgq_double(struct rc_db_stmt *q, int i)
{
	int64_t iv = 0;
	double dv = 0;
	int len, is_int;
	Oid type;
	const char *p = raw(q, i, &type, &len);

	if (p == NULL)
		return 0;
	if (!number(p, type, len, &iv, &dv, &is_int))
		return strtod(p, NULL);
	return is_int ? (double)iv : dv;
}

const struct rc_db_ops rc_db_pg_ops = {
	.close = pg_close, .exec = pg_exec, .begin = pg_begin, .in_tx = pg_in_tx,
	.version = pg_version, .set_version = pg_set_version,
	.lock_schema = pg_lock_schema, .prepare = pg_prepare,
	.finalize = pg_finalize, .step = pg_step, .reset = pg_reset,
	.changes = pg_changes, .text = pg_text, .is_null = pg_is_null,
	.int64 = pgq_int64, .dbl = pgq_double,
};
