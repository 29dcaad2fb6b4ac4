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
	static const rc_cmd_render_fn grid[] = { rc_report_grid_text,
	    rc_report_grid_csv, rc_report_grid_json };

	return rc_cmd_report_exec(&rc_cmd_compare, argc, argv, 1,
	    rc_report_compare_text, rc_report_compare_csv, rc_report_compare_json,
	    grid);
}

const struct rc_cmd rc_cmd_compare = {
	.name = "compare",
	.usage = "compare [--trainee NAME] [--cohort TAG] [--scenario ID] "
	    "[--since DATE] [--until DATE]\n"
	    "       [--drill NAME] [--by practice|scenario] [--format text|csv|json]\n"
	    "       [--db PATH]",
	.summary = "compare trainees practice by practice",
	.help =
	    "For each trainee: sessions, mean practice and outcome scores, the\n"
	    "trend, the sessions with a critical failure and, per practice, the\n"
	    "share of sessions where it was met (sessions where it did not apply\n"
	    "are not counted).  The current scorecard of each session is used\n"
	    "(see 'recoup rescore').\n\n"
	    "The trend compares like with like: for each scenario the trainee\n"
	    "played at least twice, the latest score minus the first; the mean\n"
	    "of those changes, with how many scenarios it rests on ('-' when\n"
	    "none was played twice).\n\n"
	    "--by scenario shows trainees x scenarios instead: the mean score of\n"
	    "each trainee's scored sessions with each scenario and how many (CSV:\n"
	    "one line per trainee and scenario played, with the first and latest\n"
	    "score and the change; JSON: each trainee's scenarios).\n\n"
	    "Options:\n"
	    RC_CMD_FILTER_HELP
	    "  --by WHAT          practice (default): trainees x practices;\n"
	    "                     scenario: trainees x scenarios\n"
	    "  --format FMT       text (default), csv or json\n",
	.exec = compare_exec,
};
