/*
 * cmd-run.c - `recoup run`: a call whose trainee lines come from a script
 * file.  The same session code as `play`, fed from the file, so a script
 * reproduces a call exactly: for one scenario, script and seed the output
 * is byte-for-byte the same every time.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "jsonpos.h"
#include "session.h"

/* Says so and returns 1 when a line of the script TEXT from file NAME is
 * longer than a call line may be (before any of it is played). */
static int
too_long(const char *name, const char *text)
{
	const char *p = text, *nl;
	int lineno = 1;

	for (; *p; p = nl + 1, lineno++) {
		size_t n;

		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > RC_LINE_MAX) {
			rc_cmd_error("%s:%d: line too long (%zu bytes, at most %d)", name,
			    lineno, n, RC_LINE_MAX);
			return 1;
		}
		if (nl == NULL)
			break;
	}
	return 0;
}

static int
run_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "script", required_argument, NULL, 'S' },
		{ "seed", required_argument, NULL, 's' },
		{ "trainee", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "mode", required_argument, NULL, 'm' },
		{ "no-save", no_argument, NULL, 'n' },
		{ "db", required_argument, NULL, 'D' },
		{ "cohort", required_argument, NULL, 'c' },
		{ "trace", no_argument, NULL, 'T' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "rubric", required_argument, NULL, 'R' },
		{ "no-score", no_argument, NULL, 'N' },
		{ "at", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_session_opts so;
	struct rc_clock clock;
	struct rc_err err = RC_ERR_INIT;
	struct rc_buf out = RC_BUF_INIT;
	struct rc_scenario *s;
	struct rc_session *ss;
	const char *script = NULL, *dir = NULL, *rubric_dir = NULL;
	struct rc_rubric *rubric = NULL;
	int no_score = 0, save = 1;
	const char *db = NULL, *cohort = NULL;
	struct rc_store *store = NULL;
	struct rc_cmd_saver saver;
	char *text, *line, *next;
	uint64_t seed = 1;
	size_t len = 0;
	int c, json = 0, trace = 0, ended = 0, lineno = 0, unused = 0;
	int rc = RC_EXIT_OK;

	memset(&so, 0, sizeof so);
	memset(&clock, 0, sizeof clock);
	so.echo = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'S': script = optarg; break;
		case 's':
			if (rc_cmd_parse_seed(optarg, &seed) != 0) {
				rc_cmd_error("invalid seed '%s': expected a whole number", optarg);
				return RC_EXIT_USAGE;
			}
			break;
		case 't':
			if (rc_cmd_check_name("--trainee", optarg) != 0)
				return RC_EXIT_USAGE;
			so.trainee = optarg;
			break;
		case 'f':
			if (rc_cmd_parse_format(optarg, &json) != 0)
				return RC_EXIT_USAGE;
			break;
		case 'm':
			if (strcmp(optarg, "assessment") == 0)
				so.mode = RC_MODE_ASSESSMENT;
			else if (strcmp(optarg, "practice") != 0) {
				rc_cmd_error("unknown mode '%s': expected practice or assessment",
				    optarg);
				return RC_EXIT_USAGE;
			}
			break;
		case 'n': save = 0; break;
		case 'D': db = optarg; break;
		case 'c':
			if (rc_cmd_check_name("--cohort", optarg) != 0)
				return RC_EXIT_USAGE;
			cohort = optarg;
			break;
		case 'T': trace = 1; break;
		case 'd': dir = optarg; break;
		case 'R': rubric_dir = optarg; break;
		case 'N': no_score = 1; break;
		case 'A':
			if (rc_cmd_parse_at(optarg, &clock) != 0)
				return RC_EXIT_USAGE;
			so.clock = &clock;
			break;
		case 'h': return rc_cmd_usage(&rc_cmd_run, 0);
		default: return rc_cmd_usage(&rc_cmd_run, 1);
		}
	}
	if (optind >= argc) {
		rc_cmd_error("run needs a scenario");
		return rc_cmd_usage(&rc_cmd_run, 1);
	}
	if (optind + 1 < argc) {
		rc_cmd_error("run takes one scenario, got '%s' too", argv[optind + 1]);
		return rc_cmd_usage(&rc_cmd_run, 1);
	}
	if (script == NULL) {
		rc_cmd_error("run needs --script FILE");
		return rc_cmd_usage(&rc_cmd_run, 1);
	}
	so.trainee = rc_cmd_setting(RC_CONFIG_TRAINEE, so.trainee);
	cohort = rc_cmd_setting(RC_CONFIG_COHORT, cohort);
	if (!no_score && (rubric = rc_cmd_load_rubric(rubric_dir)) == NULL)
		return RC_EXIT_USAGE;
	so.rubric = rubric;
	if ((s = rc_cmd_load_scenario(argv[optind], dir)) == NULL) {
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}
	if ((text = rc_file_read(script, &len, &err)) == NULL) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		rc_scenario_free(s);
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}
	if (memchr(text, '\0', len) != NULL) {
		rc_cmd_error("%s: NUL byte in a script (is it a text file?)", script);
		free(text);
		rc_scenario_free(s);
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}
	if (too_long(script, text)) {
		free(text);
		rc_scenario_free(s);
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}
	if (save && ((store = rc_cmd_open_store(db)) == NULL ||
	    rc_cmd_saver_begin(&saver, store, s, seed, so.trainee, cohort, NULL,
	    &so) != 0)) {
		rc_store_close(store);
		free(text);
		rc_scenario_free(s);
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}

	/* The trace of each reply is built only when it will be shown. */
	so.no_trace = !trace && strstr(text, "/why") == NULL;
	ss = rc_session_new(s, seed, &so);
	rc_session_start(ss, &out);
	for (line = text; line != NULL && *line; line = next) {
		size_t n;

		lineno++;
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		n = strlen(line);
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		line += strspn(line, " \t");
		if (*line == '\0' || *line == '#')
			continue;
		if (ended) {
			unused++;
			continue;
		}
		ended = rc_session_input(ss, line, &out);
		if (trace && line[0] != '/') {
			rc_buf_puts(&out, "  [why] ");
			rc_engine_explain(rc_session_engine(ss), &out);
		}
	}
	rc_session_finish(ss, &out);
	/* A script played out is a whole call: complete, however it ended. */
	if (store != NULL) {
		rc_cmd_saver_end(&saver, RC_STORE_COMPLETE, ss);
		rc_store_close(store);
		/* What the record lost was said; the call is still printed. */
		if (saver.failed)
			rc = RC_EXIT_FAIL;
	}
	if (json) {
		rc_buf_reset(&out);
		rc_render_json(&out, s, seed, so.trainee,
		    rc_engine_transcript(rc_session_engine(ss)),
		    rc_session_scorecard(ss));
	}
	if (json)
		rc_cmd_out(rc_buf_str(&out));
	else
		rc_cmd_out_text(rc_buf_str(&out));
	if (unused)
		rc_cmd_error("warning: %s: %d line%s after the end of the call not used",
		    script, unused, unused == 1 ? "" : "s");
	rc_buf_free(&out);
	rc_session_free(ss);
	rc_scenario_free(s);
	rc_rubric_free(rubric);
	free(text);
	(void)lineno;
	return rc_cmd_flush() == 0 ? rc : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_run = {
	.name = "run",
	.usage = "run SCENARIO --script FILE [--seed N] [--trainee NAME] "
	    "[--format text|json] [--mode practice|assessment] [--trace] [--no-save]\n"
	    "       [--db PATH] [--cohort TAG] [--no-score] [--rubric DIR] [--at TIME]",
	.summary = "play a call with the trainee's lines read from a script",
	.help =
	    "SCENARIO is a scenario id (see 'recoup list') or a path to a .json file.\n"
	    "The script has one trainee line per line (at most 4096 bytes);\n"
	    "/commands are allowed; blank lines and lines starting with '#' are\n"
	    "skipped; invalid UTF-8 is read as U+FFFD.  The same\n"
	    "scenario, script and seed always give the same output.\n\n"
	    "Options:\n"
	    "  --script FILE      the trainee's lines (required)\n"
	    "  --seed N           the session seed (default 1)\n"
	    "  --trainee NAME     the trainee's name, shown and kept with the call\n"
	    "                     (default: $RECOUP_TRAINEE, else the config's)\n"
	    "  --format FMT       text (default) or json: the whole transcript\n"
	    "  --mode MODE        practice (default) or assessment\n"
	    "  --trace            after each debtor reply, show which rules were tried\n"
	    "  --no-save          do not store the session\n"
	    "  --db PATH          store it in PATH (default: $RECOUP_DB, else the\n"
	    "                     config's db, else $XDG_DATA_HOME/recoup/recoup.db)\n"
	    "  --cohort TAG       the cohort the trainee belongs to, kept with the call\n"
	    "                     (default: $RECOUP_COHORT, else the config's)\n"
	    "  --scenarios DIR    look for scenario ids in DIR first\n"
	    "  --rubric DIR       the rubric directory (default: scoring/)\n"
	    "  --no-score         no scorecard at the end\n"
	    "  --at TIME          when the call starts, \"YYYY-MM-DD HH:MM\" in the\n"
	    "                     debtor's time zone (the compliance clock)\n",
	.exec = run_exec,
};
