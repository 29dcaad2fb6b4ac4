/*
 * cmd-play.c - `recoup play`: the interactive call.  On a terminal it uses
 * readline (history, completion, Ctrl-C asks before hanging up, Ctrl-D
 * hangs up); with piped input it reads plain lines and prints no prompts,
 * so it can be driven by other programs.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "repl.h"
#include "session.h"

#define DEFAULT_SCENARIO "forgetful-florist"

static void
show(struct rc_buf *out)
{
	fputs(rc_buf_str(out), stdout);
	fflush(stdout);
	rc_buf_reset(out);
}

/* Reads lines from a terminal through readline. */
static void
interactive(struct rc_session *ss, struct rc_buf *out, int color)
{
	char *history = rc_repl_history_path();
	struct rc_repl *r = rc_repl_new(history);
	const char *prompt = color ? "\001\033[1m\002you>\001\033[0m\002 " : "you> ";

	for (;;) {
		char *line = NULL;
		enum rc_repl_status st = rc_repl_read(r, prompt, &line, 1);

		if (st == RC_REPL_EOF) {
			fputc('\n', stdout);
			break;
		}
		if (st == RC_REPL_INTERRUPT) {
			char *answer = NULL;

			st = rc_repl_read(r, "Hang up? [y/N] ", &answer, 0);
			if (st == RC_REPL_EOF || (st == RC_REPL_LINE &&
			    (answer[0] == 'y' || answer[0] == 'Y'))) {
				free(answer);
				break;
			}
			free(answer);
			continue;
		}
		if (rc_session_input(ss, line, out)) {
			free(line);
			show(out);
			break;
		}
		free(line);
		show(out);
	}
	rc_repl_free(r);
	free(history);
}

/* Reads plain lines from a pipe or file: no prompts, no editing. */
static void
piped(struct rc_session *ss, struct rc_buf *out)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (rc_session_input(ss, line, out)) {
			show(out);
			break;
		}
		show(out);
	}
	free(line);
}

static int
play_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "trainee", required_argument, NULL, 't' },
		{ "mode", required_argument, NULL, 'm' },
		{ "cohort", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'D' },
		{ "no-save", no_argument, NULL, 'n' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "rubric", required_argument, NULL, 'R' },
		{ "no-score", no_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_session_opts so;
	struct rc_buf out = RC_BUF_INIT;
	struct rc_scenario *s;
	struct rc_session *ss;
	const char *dir = NULL, *name = DEFAULT_SCENARIO, *rubric_dir = NULL;
	struct rc_rubric *rubric = NULL;
	int no_score = 0;
	uint64_t seed = 0;
	int c, have_seed = 0, tty;

	memset(&so, 0, sizeof so);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (rc_cmd_parse_seed(optarg, &seed) != 0) {
				rc_cmd_error("invalid seed '%s': expected a whole number", optarg);
				return RC_EXIT_USAGE;
			}
			have_seed = 1;
			break;
		case 't': so.trainee = optarg; break;
		case 'm':
			if (strcmp(optarg, "assessment") == 0)
				so.mode = RC_MODE_ASSESSMENT;
			else if (strcmp(optarg, "practice") != 0) {
				rc_cmd_error("unknown mode '%s': expected practice or assessment",
				    optarg);
				return RC_EXIT_USAGE;
			}
			break;
		case 'c': case 'D': case 'n':
			break;   /* kept for the records module; nothing is stored yet */
		case 'd': dir = optarg; break;
		case 'R': rubric_dir = optarg; break;
		case 'N': no_score = 1; break;
		case 'h': return rc_cmd_usage(&rc_cmd_play, 0);
		default: return rc_cmd_usage(&rc_cmd_play, 1);
		}
	}
	if (optind < argc)
		name = argv[optind++];
	if (optind < argc) {
		rc_cmd_error("play takes one scenario, got '%s' too", argv[optind]);
		return rc_cmd_usage(&rc_cmd_play, 1);
	}
	if (!no_score && (rubric = rc_cmd_load_rubric(rubric_dir)) == NULL)
		return RC_EXIT_USAGE;
	so.rubric = rubric;
	if ((s = rc_cmd_load_scenario(name, dir)) == NULL) {
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}
	if (!have_seed)
		seed = rc_cmd_new_seed();
	tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	so.style.color = tty && rc_cmd_color(STDOUT_FILENO);
	ss = rc_session_new(s, seed, &so);
	rc_session_start(ss, &out);
	show(&out);
	if (tty)
		interactive(ss, &out, so.style.color);
	else
		piped(ss, &out);
	rc_session_finish(ss, &out);
	show(&out);
	rc_buf_free(&out);
	rc_session_free(ss);
	rc_scenario_free(s);
	rc_rubric_free(rubric);
	return RC_EXIT_OK;
}

const struct rc_cmd rc_cmd_play = {
	.name = "play",
	.usage = "play [SCENARIO] [--trainee NAME] [--seed N] "
	    "[--mode practice|assessment]",
	.summary = "talk to a simulated debtor (the default: " DEFAULT_SCENARIO ")",
	.help =
	    "SCENARIO is a scenario id (see 'recoup list') or a path to a .json file.\n"
	    "Type what you say to the debtor; /help lists the in-call commands;\n"
	    "Tab completes them.  Ctrl-D or /end hangs up; Ctrl-C asks first.\n"
	    "The seed is printed: play again with --seed N to get the same debtor.\n\n"
	    "Options:\n"
	    "  --seed N           the session seed (default: a new one)\n"
	    "  --trainee NAME     your name, kept with the call\n"
	    "  --mode MODE        practice (default: live notes, /hint and /why) or\n"
	    "                     assessment (none of them)\n"
	    "  --scenarios DIR    look for scenario ids in DIR first\n"
	    "  --rubric DIR       the rubric directory (default: scoring/)\n"
	    "  --no-score         no scorecard at the end\n"
	    "  --cohort TAG, --db PATH, --no-save\n"
	    "                     accepted for the records module (not stored yet)\n",
	.exec = play_exec,
};
