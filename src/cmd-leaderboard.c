/*
 * cmd-leaderboard.c - `recoup leaderboard`: the trainees ranked by their
 * mean overall score (then sessions passed, then name) over the sessions
 * the filters choose: usually a cohort (--cohort) or a drill (--drill).
 */
#include "cmd.h"
#include "cmd-store.h"
#include "report.h"

static int
leaderboard_exec(int argc, char **argv)
{
	return rc_cmd_report_exec(&rc_cmd_leaderboard, argc, argv, 0,
	    rc_report_leaderboard_text, rc_report_leaderboard_csv,
	    rc_report_leaderboard_json);
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
