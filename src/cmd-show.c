/*
 * cmd-show.c - `recoup show SESSION`: one stored session re-rendered from
 * the database: its heading, every turn, how it ended and its current
 * scorecard, as text or as JSON.  The scenario file is not needed: what
 * the rendering uses was stored with the session.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "render.h"
#include "report.h"

static int
show_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, RC_OPT_DB },
		{ "format", required_argument, NULL, 'f' },
		{ "rubric", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_cmd_query q;
	struct rc_err err = RC_ERR_INIT;
	struct rc_buf out = RC_BUF_INIT;
	struct rc_store_loaded *l;
	struct rc_scenario sc;
	struct rc_style style;
	struct rc_store *st;
	struct rc_rubric *rubric;
	const char *rubric_dir = NULL;
	char *end, date[32];
	long long id;
	int c, json = 0;
	size_t i;

	memset(&q, 0, sizeof q);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case RC_OPT_DB: q.db = optarg; break;
		case 'R': rubric_dir = optarg; break;
		case 'f':
			if (rc_cmd_parse_format(optarg, &json) != 0)
				return RC_EXIT_USAGE;
			break;
		case 'h': return rc_cmd_usage(&rc_cmd_show, 0);
		default: return rc_cmd_usage(&rc_cmd_show, 1);
		}
	}
	if (optind + 1 != argc) {
		rc_cmd_error("show needs one session id (see 'recoup history')");
		return rc_cmd_usage(&rc_cmd_show, 1);
	}
	id = strtoll(argv[optind], &end, 10);
	if (*argv[optind] == '\0' || *end != '\0' || id <= 0) {
		rc_cmd_error("invalid session '%s': expected a number from 'recoup "
		    "history'", argv[optind]);
		return RC_EXIT_USAGE;
	}
	if ((st = rc_cmd_read_store(q.db)) == NULL)
		return RC_EXIT_USAGE;
	/* Titles and tips come from the rubric when it is there; the stored
	 * results stand on their own otherwise. */
	rubric = rc_cmd_load_rubric(rubric_dir);
	l = rc_store_load(st, (int64_t)id, rubric, &err);
	if (l == NULL) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		rc_rubric_free(rubric);
		rc_store_close(st);
		return RC_EXIT_USAGE;
	}
	/* The renderers take a scenario; give them what was stored. */
	memset(&sc, 0, sizeof sc);
	sc.id = (char *)(l->row.scenario ? l->row.scenario : "?");
	sc.title = (char *)(l->row.scenario_title ? l->row.scenario_title : sc.id);
	sc.version = (char *)(l->row.scenario_version ? l->row.scenario_version : "?");
	sc.first_name = (char *)(l->row.debtor ? l->row.debtor : "Debtor");
	sc.currency = (char *)(l->row.currency ? l->row.currency : "USD");
	sc.difficulty = (char *)l->row.mode;
	sc.archetype = (char *)"";
	sc.balance = l->row.balance;
	/* The agreement's "today" and "Friday" are the call's, not ours. */
	sc.date = l->row.call_date;
	style.color = rc_cmd_color(STDOUT_FILENO);
	if (json) {
		rc_render_json(&out, &sc, l->row.seed, l->row.trainee, l->t, l->card);
	} else {
		rc_buf_printf(&out, "Session %lld: ", id);
		rc_report_text_cell(&out, sc.title, 0);
		rc_buf_puts(&out, " (");
		rc_report_text_cell(&out, sc.id, 0);
		rc_buf_printf(&out, " %s, seed %llu, %s)\n", sc.version,
		    (unsigned long long)l->row.seed, l->row.mode);
		rc_buf_puts(&out, "Trainee: ");
		rc_report_text_cell(&out, l->row.trainee, 0);
		if (l->row.cohort) {
			rc_buf_puts(&out, ", cohort ");
			rc_report_text_cell(&out, l->row.cohort, 0);
		}
		if (l->row.drill) {
			rc_buf_puts(&out, ", drill ");
			rc_report_text_cell(&out, l->row.drill, 0);
		}
		rc_buf_printf(&out, "\nStarted: %s; ",
		    rc_cmd_format_time(l->row.started_at, date, sizeof date));
		if (sc.date != RC_DATE_NONE)
			rc_buf_printf(&out, "call dated %s; ", rc_date_iso(sc.date, date,
			    sizeof date));
		rc_buf_printf(&out, "status: %s\n\n", l->row.status);
		for (i = 0; i < l->t->n; i++) {
			struct rc_buf text = RC_BUF_INIT;
			struct rc_turn u = l->t->turns[i];

			/* What was typed is shown, never obeyed by the terminal. */
			rc_report_text_cell(&text, u.text, 0);
			u.text = (char *)rc_buf_str(&text);
			rc_buf_printf(&out, "%3d ", u.number);
			rc_render_turn(&out, &sc, &u, &style);
			rc_buf_free(&text);
		}
		if (strcmp(l->row.status, "running") == 0)
			rc_buf_puts(&out, "\n(The call is still going on.)\n");
		else if (strcmp(l->row.status, "interrupted") == 0)
			rc_buf_printf(&out, "\n(The call was cut off after turn %d: the "
			    "program stopped before it ended.)\n", l->row.turns);
		else
			rc_render_outcome(&out, &sc, l->t, &style);
		if (l->card)
			rc_render_scorecard(&out, l->card, sc.currency, &style);
		else if (strcmp(l->row.status, "running") != 0)
			rc_buf_puts(&out, "\n(Not scored: the call was interrupted before "
			    "it ended; 'recoup rescore' can score what was said.)\n");
	}
	if (json)
		rc_cmd_out(rc_buf_str(&out));
	else
		rc_cmd_out_text(rc_buf_str(&out));
	rc_buf_free(&out);
	rc_store_loaded_free(l);
	rc_rubric_free(rubric);
	rc_store_close(st);
	return rc_cmd_flush() == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_show = {
	.name = "show",
	.usage = "show SESSION [--format text|json] [--db PATH]",
	.summary = "show one stored session: transcript and scorecard",
	.help =
	    "SESSION is a session id from 'recoup history'.\n\n"
	    "Options:\n"
	    "  --format FMT       text (default) or json (as 'recoup run --format json')\n"
	    "  --rubric DIR       take practice titles and tips from this rubric\n"
	    "  --db PATH          the database (default: $RECOUP_DB, else\n"
	    "                     $XDG_DATA_HOME/recoup/recoup.db)\n",
	.exec = show_exec,
};
