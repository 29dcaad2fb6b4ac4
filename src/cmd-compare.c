/*
 * cmd-compare.c - `recoup compare`: trainees x practices from the stored
 * sessions (share of sessions each practice was met, mean practice and
 * outcome scores, sessions, trend over time) as a table, CSV or JSON.
 */
#include "cmd.h"
#include "cmd-store.h"
#include "report.h"

static int
compare_exec(int argc, char **argv)
{
	return rc_cmd_report_exec(&rc_cmd_compare, argc, argv, 1,
	    rc_report_compare_text, rc_report_compare_csv, rc_report_compare_json);
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
