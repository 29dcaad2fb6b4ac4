/*
 * cmd-play.c - `recoup play`: the interactive call.  On a terminal it uses
 * readline (history, completion, Ctrl-C asks before leaving, Ctrl-D
 * hangs up like /end); with piped input it reads plain lines and prints no prompts,
 * so it can be driven by other programs.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "repl.h"
#include "session.h"
#include "xmalloc.h"

#define DEFAULT_SCENARIO "forgetful-florist"
#define FIRST_CALL_SCENARIO "guided-first-call"

static void
show(struct rc_buf *out)
{
	rc_cmd_out_text(rc_buf_str(out));
	rc_cmd_flush();
	rc_buf_reset(out);
}

/* Says so and returns 1 when LINE is longer than a call line may be: it
 * is not said (the trainee types or sends the next). */
static int
long_line(const char *line)
{
	size_t n = strlen(line);

	if (n <= RC_LINE_MAX)
		return 0;
	rc_cmd_error("line too long (%zu bytes, at most %d): not said", n,
	    RC_LINE_MAX);
	return 1;
}

/* How the trainee's side of a call stopped.  Hanging up (/end, Ctrl-D at
 * the prompt, the end of piped input) completes the call, which is scored
 * and stored complete; leaving with Ctrl-C (confirmed) before the call
 * reached an end abandons it.  A drill stops after a call left with Ctrl-C
 * or when the piped input ran out. */
enum how { CALL_ENDED, HUNG_UP, INPUT_ENDED, LEFT };

/* Reads lines from a terminal through readline until the call ends, the
 * trainee hangs up (/end, Ctrl-D) or leaves (Ctrl-C, confirmed). */
static enum how
interactive(struct rc_session *ss, struct rc_buf *out, int color)
{
	enum how how = HUNG_UP;
	char *history = rc_repl_history_path();
	struct rc_repl *r = rc_repl_new(history);
	const char *prompt = color ? "\001\033[1m\002you>\001\033[0m\002 " : "you> ";

	for (;;) {
		char *line = NULL;
		enum rc_repl_status st = rc_repl_read(r, prompt, &line, 1);

		if (st == RC_REPL_EOF) {   /* Ctrl-D: the same as /end */
			how = HUNG_UP;
			break;
		}
		if (st == RC_REPL_INTERRUPT) {
			char *answer = NULL;

			st = rc_repl_read(r, "Hang up? [y/N] ", &answer, 0);
			if (st == RC_REPL_EOF || (st == RC_REPL_LINE &&
			    (answer[0] == 'y' || answer[0] == 'Y'))) {
				free(answer);
				how = LEFT;
				break;
			}
			free(answer);
			continue;
		}
		if (long_line(line)) {
			free(line);
			continue;
		}
		if (rc_session_input(ss, line, out)) {
			free(line);
			show(out);
			how = CALL_ENDED;
			break;
		}
		free(line);
		show(out);
	}
	rc_repl_free(r);
	free(history);
	return how;
}

/* 1 when LINE is the trainee's /end (blanks around it allowed). */
static int
is_end(const char *line)
{
	size_t n;

	line += strspn(line, " \t\r");
	n = strcspn(line, " \t\r");
	return n == 4 && strncmp(line, "/end", 4) == 0 &&
	    line[n + strspn(line + n, " \t\r")] == '\0';
}

/* Piped lines read ahead at the end of a drill's call and given back to
 * the next (see piped()), oldest first. */
static struct {
	char **v;
	size_t n, next;
} ahead;

static void
ahead_free(void)
{
	while (ahead.next < ahead.n)
		free(ahead.v[ahead.next++]);
	free(ahead.v);
	memset(&ahead, 0, sizeof ahead);
}

/* The next piped line without its newline (the caller frees it), or NULL
 * at the end of the input. */
static char *
next_line(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (ahead.next < ahead.n) {
		line = ahead.v[ahead.next++];
		if (ahead.next == ahead.n)
			ahead_free();
		return line;
	}
	if ((n = getline(&line, &cap, stdin)) <= 0) {
		free(line);
		return NULL;
	}
	if (line[n - 1] == '\n')
		line[n - 1] = '\0';
	return line;
}

/* After a drill's call ended on its own: the lines up to and including
 * the next /end were said to this call and are dropped (counted on
 * stderr).  Without a /end before the end of the input they are the next
 * calls' lines (input with no /end at all) and are given back. */
static void
skip_to_end(void)
{
	char **v = NULL, *line;
	size_t n = 0, i;

	while ((line = next_line()) != NULL) {
		if (is_end(line)) {
			free(line);
			for (i = 0; i < n; i++)
				free(v[i]);
			free(v);
			if (n > 0)
				rc_cmd_error("the call ended with %zu piped line%s left "
				    "before its /end: not said", n, n == 1 ? "" : "s");
			return;
		}
		v = rc_xreallocarray(v, n + 1, sizeof *v);
		v[n++] = line;
	}
	/* The input ended first: every line was read, none is pending. */
	ahead_free();
	if (n > 0) {
		static int registered;

		if (!registered && atexit(ahead_free) == 0)
			registered = 1;
		ahead.v = v;
		ahead.n = n;
	}
}

/* Reads plain lines from a pipe or file: no prompts, no editing, until
 * the call ends or the input does.  In a drill (SKIP) each call's lines
 * may end at a /end: when the call ends on its own before it, the lines
 * left up to that /end are this call's and do not reach the next call
 * (skip_to_end()). */
static enum how
piped(struct rc_session *ss, struct rc_buf *out, int skip)
{
	enum how how = INPUT_ENDED;
	char *line;

	while ((line = next_line()) != NULL) {
		if (long_line(line)) {
			free(line);
			continue;
		}
		if (rc_session_input(ss, line, out)) {
			show(out);
			how = CALL_ENDED;
			break;
		}
		free(line);
		show(out);
	}
	if (how == CALL_ENDED) {
		if (skip && !is_end(line))
			skip_to_end();
		free(line);
	}
	return how;
}

int
rc_cmd_play_call(const struct rc_scenario *s, uint64_t seed,
                 struct rc_session_opts *so, struct rc_store *st,
                 const char *cohort, const char *drill, int *left)
{
	struct rc_buf out = RC_BUF_INIT;
	struct rc_cmd_saver saver;
	struct rc_session *ss;
	int tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO), abandoned;
	enum how how;

	*left = 0;
	so->style.color = tty && rc_cmd_color(STDOUT_FILENO);
	if (rc_cmd_saver_begin(&saver, st, s, seed, so->trainee, cohort, drill,
	    so) != 0)
		return RC_EXIT_USAGE;
	/* /why is refused in assessment mode: no trace is needed there. */
	so->no_trace = so->mode == RC_MODE_ASSESSMENT;
	ss = rc_session_new(s, seed, so);
	rc_session_start(ss, &out);
	show(&out);
	how = tty ? interactive(ss, &out, so->style.color) :
	    piped(ss, &out, drill != NULL);
	abandoned = how == LEFT && !rc_engine_ended(rc_session_engine(ss));
	*left = how == LEFT || how == INPUT_ENDED;
	rc_session_finish(ss, &out);
	show(&out);
	rc_cmd_saver_end(&saver, abandoned ? RC_STORE_ABANDONED : RC_STORE_COMPLETE,
	    ss);
	rc_buf_free(&out);
	rc_session_free(ss);
	/* A call the record lost part of is a failure, said already. */
	return saver.failed ? RC_EXIT_FAIL : RC_EXIT_OK;
}

struct entry {
	char *id, *title, *difficulty;
};

static int
level(const char *difficulty)
{
	return strcmp(difficulty, "easy") == 0 ? 0 :
	    strcmp(difficulty, "medium") == 0 ? 1 : 2;
}

static int
by_level(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int d = level(x->difficulty) - level(y->difficulty);

	if (strcmp(x->id, FIRST_CALL_SCENARIO) == 0)
		return -1;
	if (strcmp(y->id, FIRST_CALL_SCENARIO) == 0)
		return 1;
	return d ? d : strcmp(x->id, y->id);
}

/* `recoup` alone on a terminal: the debtors to choose from, easiest
 * first.  A first-time user (no history file yet) is offered the guided
 * first call by default.  Returns the chosen id (caller frees) or NULL
 * when the user quit. */
static char *
menu(const char *dir)
{
	char **files = rc_cmd_scenario_files(dir);
	struct entry *v = NULL;
	char *history = rc_repl_history_path(), *chosen = NULL, *line = NULL;
	struct rc_repl *r;
	size_t n = 0, i, def = 0;
	int first_time;

	first_time = history == NULL || access(history, F_OK) != 0;
	for (i = 0; files[i]; i++) {
		struct rc_err err = RC_ERR_INIT;
		struct rc_scenario *s = rc_scenario_load(files[i], &err);

		rc_err_clear(&err);
		if (s == NULL)
			continue;
		v = rc_xreallocarray(v, n + 1, sizeof *v);
		v[n].id = rc_xstrdup(s->id);
		v[n].title = rc_xstrdup(s->title);
		v[n].difficulty = rc_xstrdup(s->difficulty);
		n++;
		rc_scenario_free(s);
	}
	rc_cmd_free_list(files);
	if (n == 0) {
		rc_cmd_error("no scenarios found (see 'recoup list')");
		free(history);
		return NULL;
	}
	qsort(v, n, sizeof *v, by_level);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].id, first_time ? FIRST_CALL_SCENARIO :
		    DEFAULT_SCENARIO) == 0)
			def = i;
	rc_cmd_outf("Who do you want to call?%s\n\n", first_time ?
	    " (New here? The guided first call walks you through the basics.)" : "");
	for (i = 0; i < n; i++)
		rc_cmd_outf("  %2zu. %-7s %s\n", i + 1, v[i].difficulty, v[i].title);
	rc_cmd_outf("\n");
	r = rc_repl_new(NULL);
	for (;;) {
		struct rc_buf prompt = RC_BUF_INIT;
		enum rc_repl_status st;
		char *end;
		long k;

		rc_buf_printf(&prompt, "Number (Enter for %zu, q to quit): ", def + 1);
		st = rc_repl_read(r, rc_buf_str(&prompt), &line, 0);
		rc_buf_free(&prompt);
		if (st != RC_REPL_LINE || line[0] == 'q' || line[0] == 'Q')
			break;
		if (line[strspn(line, " \t")] == '\0') {
			chosen = rc_xstrdup(v[def].id);
			break;
		}
		k = strtol(line, &end, 10);
		if (*end == '\0' && k >= 1 && (size_t)k <= n) {
			chosen = rc_xstrdup(v[k - 1].id);
			break;
		}
		rc_cmd_outf("Type a number from 1 to %zu.\n", n);
		free(line);
		line = NULL;
	}
	free(line);
	rc_repl_free(r);
	for (i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].title);
		free(v[i].difficulty);
	}
	free(v);
	free(history);
	return chosen;
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
		{ "at", required_argument, NULL, 'A' },
		{ "menu", no_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_session_opts so;
	struct rc_clock clock;
	char *picked = NULL;
	int want_menu = 0;
	struct rc_scenario *s;
	const char *dir = NULL, *name = DEFAULT_SCENARIO, *rubric_dir = NULL;
	const char *db = NULL, *cohort = NULL;
	struct rc_rubric *rubric = NULL;
	struct rc_store *store = NULL;
	int no_score = 0, save = 1, left, rc;
	uint64_t seed = 0;
	int c, have_seed = 0;

	memset(&so, 0, sizeof so);
	memset(&clock, 0, sizeof clock);
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
		case 't':
			if (rc_cmd_check_name("--trainee", optarg) != 0)
				return RC_EXIT_USAGE;
			so.trainee = optarg;
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
		case 'c':
			if (rc_cmd_check_name("--cohort", optarg) != 0)
				return RC_EXIT_USAGE;
			cohort = optarg;
			break;
		case 'D': db = optarg; break;
		case 'n': save = 0; break;
		case 'd': dir = optarg; break;
		case 'R': rubric_dir = optarg; break;
		case 'N': no_score = 1; break;
		case 'M': want_menu = 1; break;
		case 'A':
			if (rc_cmd_parse_at(optarg, &clock) != 0)
				return RC_EXIT_USAGE;
			so.clock = &clock;
			break;
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
	/* Who is playing: asked once on a terminal, then from the config. */
	rc_cmd_ask_trainee(so.trainee, cohort);
	so.trainee = rc_cmd_setting(RC_CONFIG_TRAINEE, so.trainee);
	cohort = rc_cmd_setting(RC_CONFIG_COHORT, cohort);
	if (want_menu && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		if ((picked = menu(dir)) == NULL)
			return RC_EXIT_OK;
		name = picked;
	}
	if (!no_score && (rubric = rc_cmd_load_rubric(rubric_dir)) == NULL)
		return RC_EXIT_USAGE;
	so.rubric = rubric;
	s = rc_cmd_load_scenario(name, dir);
	free(picked);
	if (s == NULL) {
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}
	if (!have_seed)
		seed = rc_cmd_new_seed();
	if (save && (store = rc_cmd_open_store(db)) == NULL) {
		rc_scenario_free(s);
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}
	rc = rc_cmd_play_call(s, seed, &so, store, cohort, NULL, &left);
	rc_store_close(store);
	rc_scenario_free(s);
	rc_rubric_free(rubric);
	return rc;
}

const struct rc_cmd rc_cmd_play = {
	.name = "play",
	.usage = "play [SCENARIO] [--trainee NAME] [--seed N] "
	    "[--mode practice|assessment]\n"
	    "       [--cohort TAG] [--db PATH] [--no-save] [--at TIME]",
	.summary = "talk to a simulated debtor (the default: " DEFAULT_SCENARIO ")",
	.help =
	    "SCENARIO is a scenario id (see 'recoup list') or a path to a .json file.\n"
	    "Type what you say to the debtor; /help lists the in-call commands;\n"
	    "Tab completes them.  /end or Ctrl-D hangs up: the call is complete and\n"
	    "scored.  Ctrl-C asks first, and leaving that way before the call has\n"
	    "ended marks it abandoned (still scored).\n"
	    "The seed is printed: play again with --seed N to get the same debtor.\n\n"
	    "Options:\n"
	    "  --seed N           the session seed (default: a new one)\n"
	    "  --trainee NAME     your name, kept with the call (default:\n"
	    "                     $RECOUP_TRAINEE, else the config's trainee; on a\n"
	    "                     terminal with neither, recoup asks once and\n"
	    "                     saves it: see 'recoup config')\n"
	    "  --mode MODE        practice (default: live notes, /hint and /why) or\n"
	    "                     assessment (none of them)\n"
	    "  --scenarios DIR    look for scenario ids in DIR first\n"
	    "  --rubric DIR       the rubric directory (default: scoring/)\n"
	    "  --no-score         no scorecard at the end\n"
	    "  --at TIME          when the call starts, \"YYYY-MM-DD HH:MM\" in the\n"
	    "                     debtor's time zone (the compliance clock)\n"
	    "  --menu             choose the debtor from a menu (what 'recoup' alone does)\n"
	    "  --cohort TAG       your cohort (team, intake), kept with the call\n"
	    "                     (default: $RECOUP_COHORT, else the config's)\n"
	    "  --db PATH          the database the call is saved in (default:\n"
	    "                     $RECOUP_DB, else the config's db, else\n"
	    "                     $XDG_DATA_HOME/recoup/recoup.db)\n"
	    "  --no-save          do not save the call\n"
	    "Every line is saved as it is said.  With piped input, the end of the\n"
	    "input hangs up like Ctrl-D.  A call whose process is killed is marked\n"
	    "interrupted.\n",
	.exec = play_exec,
};
