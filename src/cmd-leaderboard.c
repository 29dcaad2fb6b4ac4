/*
 * cmd-leaderboard.c - `recoup leaderboard`: the trainees ranked by their
 * mean overall score (then sessions passed, then name) over the sessions
 * the filters choose: usually a cohort (--cohort) or a drill (--drill).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "report.h"

static int
leaderboard_exec(int argc, char **argv)
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
		case 'h': return rc_cmd_usage(&rc_cmd_leaderboard, 0);
		default: return rc_cmd_usage(&rc_cmd_leaderboard, 1);
		}
	}
	if (optind < argc) {
		rc_cmd_error("leaderboard takes no arguments, got '%s'", argv[optind]);
		return rc_cmd_usage(&rc_cmd_leaderboard, 1);
	}
	if ((r = rc_cmd_collect(&q)) == NULL)
		return RC_EXIT_USAGE;
	if (strcmp(fmt, "csv") == 0)
		rc_report_leaderboard_csv(&out, r);
	else if (strcmp(fmt, "json") == 0)
		rc_report_leaderboard_json(&out, r);
	else
		rc_report_leaderboard_text(&out, r);
	fputs(rc_buf_str(&out), stdout);
	rc_buf_free(&out);
	rc_report_free(r);
	return fflush(stdout) == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_leaderboard = {
	.name = "leaderboard",
	.usage = "leaderboard [--trainee NAME] [--cohort TAG] [--scenario ID] "
	    "[--since DATE] [--until DATE]\n"
	    "       [--drill NAME] [--format text|csv|json] [--db PATH]",
	.summary = "rank the trainees of a cohort or drill",
	.help =
	    "Ranks trainees by mean overall score, then sessions passed, then\n"
	    "name; shows sessions, pass rate, best score, mean practice and\n"
	    "outcome scores and the trend (last 3 sessions minus the first 3).\n"
	    "Trainees with no scored session come last, unranked.\n\n"
	    "Options:\n"
	    RC_CMD_FILTER_HELP
	    "  --format FMT       text (default), csv or json\n",
	.exec = leaderboard_exec,
};
