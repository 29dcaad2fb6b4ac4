/*
 * cmd-db.c - `recoup db init`: prepares the database a team shares (a
 * PostgreSQL server, or an SQLite file): creates the schema, or brings an
 * older one up to date, and says which version it holds.  Run once by
 * the trainer with a role that may create tables; trainees' roles then
 * only insert and read (docs/team.md).  Creating twice changes nothing.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd-store.h"
#include "db.h"
#include "store.h"

static int
db_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, RC_OPT_DB },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	struct rc_store *st;
	char *target, *shown;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case RC_OPT_DB: db = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_db, 0);
		default: return rc_cmd_usage(&rc_cmd_db, 1);
		}
	}
	if (optind >= argc) {
		rc_cmd_error("db needs an action: init");
		return rc_cmd_usage(&rc_cmd_db, 1);
	}
	if (strcmp(argv[optind], "init") != 0) {
		rc_cmd_error("unknown db action '%s' (expected init)", argv[optind]);
		return rc_cmd_usage(&rc_cmd_db, 1);
	}
	if (optind + 1 < argc) {
		rc_cmd_error("db init takes no arguments, got '%s'", argv[optind + 1]);
		return rc_cmd_usage(&rc_cmd_db, 1);
	}
	if ((target = rc_cmd_db_path(db)) == NULL) {
		rc_cmd_error("no database: set HOME, RECOUP_DB or use --db PATH");
		return RC_EXIT_USAGE;
	}
	if ((st = rc_cmd_open_store(target)) == NULL) {
		free(target);
		return RC_EXIT_USAGE;
	}
	shown = rc_db_mask(target);
	rc_cmd_outf("database '%s' is ready: schema version %d (%s)\n", shown,
	    rc_store_schema(st), rc_store_is_server(st) ? "PostgreSQL" :
	    "SQLite");
	free(shown);
	free(target);
	rc_store_close(st);
	return rc_cmd_flush() == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_db = {
	.name = "db",
	.usage = "db init [--db PATH|URL]",
	.summary = "create (or bring up to date) the schema of a shared database",
	.help =
	    "Creates the tables recoup keeps sessions in, or migrates an older\n"
	    "schema; running it again changes nothing.  Run it once, as the\n"
	    "trainer, before trainees play into a shared PostgreSQL server\n"
	    "(docs/team.md shows the roles to create).\n\n"
	    "Options:\n"
	    "  --db PATH|URL      an SQLite file, or a PostgreSQL connection string:\n"
	    "                     postgresql://USER@HOST/DB, or service=NAME (libpq's\n"
	    "                     PG* variables and ~/.pgpass apply); default:\n"
	    "                     RECOUP_DB, then the config file's db\n",
	.exec = db_exec,
};
