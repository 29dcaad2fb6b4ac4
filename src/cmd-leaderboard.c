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
	    rc_report_leaderboard_json, NULL);
}

const struct rc_cmd rc_cmd_leaderboard = {
	.name = "leaderboard",
	.usage = "leaderboard [--trainee NAME] [--cohort TAG] [--scenario ID] "
	    "[--since DATE] [--until DATE]\n"
	    "       [--drill NAME] [--format text|csv|json] [--db PATH]",
	.summary = "rank the trainees of a cohort or drill",
	.help =
	    "Ranks trainees by mean overall score, then fewer sessions with a\n"
	    "critical failure, then sessions passed, then name; shows sessions,\n"
	    "pass rate, best score, mean practice and outcome scores, the trend\n"
	    "and the critical failures.  Trainees with no scored session come\n"
	    "last, unranked.\n\n"
	    "The trend compares like with like: for each scenario the trainee\n"
	    "played at least twice, the latest score minus the first; the mean\n"
	    "of those changes, with how many scenarios it rests on ('-' when\n"
	    "none was played twice).\n\n"
	    "When the sessions include drill calls, DRILL shows the calls the\n"
	    "trainee finished (a complete session) of the drills they started,\n"
	    "each drill's calls being those anyone played in it; '*' marks a\n"
	    "drill not finished (its scores are over the calls played so far).\n"
	    "'recoup drill status FILE' checks progress against the drill file.\n\n"
	    "Options:\n"
	    RC_CMD_FILTER_HELP
	    "  --format FMT       text (default), csv or json\n",
	.exec = leaderboard_exec,
};
