/*
 * cmd-report.c - `recoup report --html FILE`: the supervisor's report of
 * the sessions the filters choose, written as one self-contained HTML
 * file (inline SVG charts, no scripts, no external assets).  The file is
 * written by rc_file_replace() (a mkstemp temporary beside it, synced,
 * renamed), so a reader never sees half a report, a planted symlink is
 * never followed, two reports at once do not collide, and the database
 * itself is never written over.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "file.h"
#include "cmd.h"
#include "cmd-store.h"
#include "report.h"

/* Writes the report to PATH ("-": standard output), never over the
 * database DB (its -wal and -shm files neither). */
static int
write_file(const char *path, const struct rc_buf *b, const char *db)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_buf wal = RC_BUF_INIT, shm = RC_BUF_INIT;
	const char *keep[4] = { NULL, NULL, NULL, NULL };
	int rc;

	if (strcmp(path, "-") == 0) {
		rc_cmd_out(rc_buf_str(b));
		return rc_cmd_flush();
	}
	if (db != NULL) {
		rc_buf_printf(&wal, "%s-wal", db);
		rc_buf_printf(&shm, "%s-shm", db);
		keep[0] = db;
		keep[1] = rc_buf_str(&wal);
		keep[2] = rc_buf_str(&shm);
	}
	rc = rc_file_replace(path, b->data, b->len, 0666, keep, &err);
	rc_cmd_print_err(&err);
	rc_err_clear(&err);
	rc_buf_free(&wal);
	rc_buf_free(&shm);
	return rc;
}

static int
report_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		RC_CMD_FILTER_OPTIONS,
		{ "html", required_argument, NULL, 'H' },
		{ "title", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_cmd_query q;
	struct rc_buf out = RC_BUF_INIT, scope = RC_BUF_INIT;
	struct rc_report *r;
	const char *html = NULL, *title = "recoup training report", *pass_mark;
	char *db;
	int c, k, rc;

	memset(&q, 0, sizeof q);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if ((k = rc_cmd_filter_opt(c, optarg, &q)) != 0) {
			if (k < 0)
				return RC_EXIT_USAGE;
			if (c != RC_OPT_DB && c != RC_OPT_SINCE && c != RC_OPT_UNTIL)
				rc_buf_printf(&scope, "%s%s %s", scope.len ? ", " : "",
				    opts[c - RC_OPT_TRAINEE].name, optarg);
			else if (c != RC_OPT_DB)
				rc_buf_printf(&scope, "%s%s %s", scope.len ? ", " : "",
				    c == RC_OPT_SINCE ? "since" : "until", optarg);
			continue;
		}
		switch (c) {
		case 'H': html = optarg; break;
		case 'T':
			if (rc_cmd_check_name("--title", optarg) != 0) {
				rc_buf_free(&scope);
				return RC_EXIT_USAGE;
			}
			title = optarg;
			break;
		case 'h':
			rc_buf_free(&scope);
			return rc_cmd_usage(&rc_cmd_report, 0);
		default:
			rc_buf_free(&scope);
			return rc_cmd_usage(&rc_cmd_report, 1);
		}
	}
	if (optind < argc || html == NULL) {
		if (optind < argc)
			rc_cmd_error("report takes no arguments, got '%s'", argv[optind]);
		else
			rc_cmd_error("report needs --html FILE");
		rc_buf_free(&scope);
		return rc_cmd_usage(&rc_cmd_report, 1);
	}
	if ((r = rc_cmd_collect(&q)) == NULL) {
		rc_buf_free(&scope);
		return RC_EXIT_USAGE;
	}
	rc_report_sort(r);
	rc_report_sort_scenarios(r);
	pass_mark = rc_cmd_setting(RC_CONFIG_PASS_MARK, NULL);
	rc_report_html(&out, r, title, rc_buf_str(&scope), (int64_t)time(NULL),
	    pass_mark ? atoi(pass_mark) : RC_CONFIG_DEFAULT_PASS_MARK);
	db = rc_cmd_db_path(q.db);
	rc = write_file(html, &out, db) == 0 ? RC_EXIT_OK : RC_EXIT_USAGE;
	free(db);
	rc_buf_free(&out);
	rc_buf_free(&scope);
	rc_report_free(r);
	return rc;
}

const struct rc_cmd rc_cmd_report = {
	.name = "report",
	.usage = "report --html FILE [--title TEXT] [--trainee NAME] [--cohort TAG] "
	    "[--scenario ID]\n"
	    "       [--since DATE] [--until DATE] [--drill NAME] [--db PATH]",
	.summary = "write an HTML report with charts of the stored sessions",
	.help =
	    "Writes one self-contained HTML file (no scripts, no external files):\n"
	    "summary figures, a trainees x practices heat map, each trainee's\n"
	    "scores over time, outcome against practice score, and a table.\n"
	    "FILE '-' writes to standard output.\n\n"
	    "Options:\n"
	    RC_CMD_FILTER_HELP
	    "  --html FILE        where to write the report (required)\n"
	    "  --title TEXT       the report's title\n",
	.exec = report_exec,
};
