/*
 * cmd-compare.c - `recoup compare`: trainees x practices from the stored
 * sessions (share of sessions each practice was met, mean practice and
 * outcome scores, sessions, trend over time) as a table, CSV or JSON.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "report.h"

static int
compare_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		RC_CMD_FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_cmd_query q;
	struct rc_buf out = RC_BUF_INIT;
	struct rc_report *r;
	const char *fmt = "text";
	int c, k;

	memset(&q, 0, sizeof q);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if ((k = rc_cmd_filter_opt(c, optarg, &q)) != 0) {
			if (k < 0)
				return RC_EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "csv") &&
			    strcmp(optarg, "json")) {
				rc_cmd_error("unknown format '%s': expected text, csv or json",
				    optarg);
				return RC_EXIT_USAGE;
			}
			fmt = optarg;
			break;
		case 'h': return rc_cmd_usage(&rc_cmd_compare, 0);
		default: return rc_cmd_usage(&rc_cmd_compare, 1);
		}
	}
	if (optind < argc) {
		rc_cmd_error("compare takes no arguments, got '%s'", argv[optind]);
		return rc_cmd_usage(&rc_cmd_compare, 1);
	}
	if ((r = rc_cmd_collect(&q)) == NULL)
		return RC_EXIT_USAGE;
	rc_report_sort(r);
	if (strcmp(fmt, "csv") == 0)
		rc_report_compare_csv(&out, r);
	else if (strcmp(fmt, "json") == 0)
		rc_report_compare_json(&out, r);
	else
		rc_report_compare_text(&out, r);
	fputs(rc_buf_str(&out), stdout);
	rc_buf_free(&out);
	rc_report_free(r);
	return fflush(stdout) == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_compare = {
	.name = "compare",
	.usage = "compare [--trainee NAME] [--cohort TAG] [--scenario ID] "
	    "[--since DATE] [--until DATE]\n"
	    "       [--drill NAME] [--format text|csv|json] [--db PATH]",
	.summary = "compare trainees practice by practice",
	.help =
	    "For each trainee: sessions, mean practice and outcome scores, the\n"
	    "trend (mean score of the last 3 sessions minus the first 3) and,\n"
	    "per practice, the share of sessions where it was met (sessions\n"
	    "where it did not apply are not counted).  The current scorecard of\n"
	    "each session is used (see 'recoup rescore').\n\n"
	    "Options:\n"
	    RC_CMD_FILTER_HELP
	    "  --format FMT       text (default), csv or json\n",
	.exec = compare_exec,
};
