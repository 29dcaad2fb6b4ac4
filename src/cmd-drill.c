/*
 * cmd-drill.c - `recoup drill FILE`: a team practice session.  The drill
 * file names a cohort tag and a list of calls (scenario and fixed seed);
 * they are played in order through the same session code as `play`
 * (readline on a terminal, plain lines from a pipe), each saved tagged
 * with the drill and the cohort, so everyone's calls compare.  Leaving a
 * call before it ends stops the drill; --from N resumes it.  The file
 * is read by drill.c (the format is in drill.h).  `recoup drill status
 * FILE` shows who has finished which of its calls, from the sessions
 * stored with the drill's tag (report.c does the counting).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "drill.h"
#include "report.h"
#include "xmalloc.h"

/* Appends " FLAG ARG" to B, ARG quoted for a POSIX shell when it holds
 * anything but plain characters (FLAG NULL: ARG alone). */
static void
shell_arg(struct rc_buf *b, const char *flag, const char *arg)
{
	const char *p;

	if (flag != NULL)
		rc_buf_printf(b, " %s", flag);
	rc_buf_putc(b, ' ');
	if (*arg != '\0' && strspn(arg, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+=,") == strlen(arg)) {
		rc_buf_puts(b, arg);
		return;
	}
	rc_buf_putc(b, '\'');
	for (p = arg; *p; p++) {
		if (*p == '\'')
			rc_buf_puts(b, "'\\''");
		else
			rc_buf_putc(b, *p);
	}
	rc_buf_putc(b, '\'');
}

/* Loads the scenario of each call from FROM (1-based) on into S (freed
 * by the caller), before any is played.  0, or -1 after naming every
 * call whose scenario cannot be found or loaded (the loader says why). */
static int
load_calls(const struct rc_drill *d, const char *file, size_t from,
           const char *dir, struct rc_scenario **s)
{
	size_t i;
	int bad = 0;

	for (i = from - 1; i < d->ncalls; i++)
		if ((s[i] = rc_cmd_load_scenario(d->calls[i].scenario, dir)) == NULL) {
			rc_cmd_error("%s: call %zu: scenario '%s' cannot be found or "
			    "loaded", file, i + 1, d->calls[i].scenario);
			bad = 1;
		}
	if (bad)
		rc_cmd_error("drill '%s' not started: no call was played", d->name);
	return bad ? -1 : 0;
}

static const struct rc_cmd drill_status_cmd = {
	.name = "drill status",
	.usage = "drill status FILE [--trainee NAME] [--cohort TAG] "
	    "[--since DATE] [--until DATE]\n"
	    "       [--format text|csv|json] [--scenarios DIR] [--db PATH]",
	.summary = "who has finished which calls of a drill",
	.help =
	    "Trainees x the calls of drill FILE, from the sessions stored with\n"
	    "the drill's name: each call done (a complete session: its latest\n"
	    "score), partial (started but abandoned, interrupted or still\n"
	    "running) or not played, and how many calls each trainee finished.\n"
	    "A session is a call of the drill when its scenario and seed are the\n"
	    "call's; sessions tagged with the drill that are none of its calls\n"
	    "(an older version of the file) are counted apart.  Trainees named\n"
	    "with --trainee are listed even when they have not started.\n\n"
	    "Options:\n"
	    "  --trainee NAME     only this trainee (repeat: any of them; names\n"
	    "                     match ignoring case)\n"
	    "  --cohort TAG       only sessions of this cohort (repeat: any)\n"
	    "  --status STATUS    only sessions with this status\n"
	    "  --since DATE       started on or after DATE (YYYY-MM-DD, local time)\n"
	    "  --until DATE       started on or before DATE\n"
	    "  --format FMT       text (default), csv (one line per trainee and\n"
	    "                     call) or json\n"
	    "  --scenarios DIR    where to find a call's scenario given as a path\n"
	    "  --db PATH          the database (default: $RECOUP_DB, else the\n"
	    "                     config's db, else $XDG_DATA_HOME/recoup/recoup.db)\n",
	.exec = NULL,
};

/* The scenario id of a drill call: the argument itself when it is an id,
 * the file's id when it is a path.  NULL after saying why it cannot be
 * read; the scenario is kept in *S (freed by the caller). */
static const char *
call_id(const char *file, size_t i, const char *arg, const char *dir,
        struct rc_scenario **s)
{
	size_t n = strlen(arg);

	*s = NULL;
	if (strchr(arg, '/') == NULL && (n < 5 || strcmp(arg + n - 5, ".json") != 0))
		return arg;
	if ((*s = rc_cmd_load_scenario(arg, dir)) == NULL) {
		rc_cmd_error("%s: call %zu: scenario '%s' cannot be found or loaded",
		    file, i + 1, arg);
		return NULL;
	}
	return (*s)->id;
}

static int
drill_status_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		RC_CMD_FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "text", "csv", "json", NULL };
	struct rc_err err = RC_ERR_INIT;
	struct rc_cmd_query q;
	struct rc_buf out = RC_BUF_INIT;
	struct rc_report *r = NULL;
	struct rc_report_drill rd;
	struct rc_report_drill_call *calls = NULL;
	struct rc_scenario **loaded = NULL;
	struct rc_drill *d = NULL;
	const char *dir = NULL;
	size_t i;
	int c, fmt = 0, rc = RC_EXIT_USAGE;

	memset(&q, 0, sizeof q);
	optind = 1;
	while ((c = rc_cmd_getopt(argc, argv, opts, &q)) != -1) {
		switch (c) {
		case RC_OPT_BAD: return RC_EXIT_USAGE;
		case 'f':
			if ((fmt = rc_cmd_format(optarg, formats)) < 0)
				return RC_EXIT_USAGE;
			break;
		case 'd': dir = optarg; break;
		case 'h': return rc_cmd_usage(&drill_status_cmd, 0);
		default: return rc_cmd_usage(&drill_status_cmd, 1);
		}
	}
	if (optind + 1 != argc) {
		rc_cmd_error("drill status needs one drill file");
		return rc_cmd_usage(&drill_status_cmd, 1);
	}
	if (q.f.drill != NULL || q.f.nscenario > 0) {
		rc_cmd_error("drill status takes the drill and its scenarios from "
		    "'%s': no --drill or --scenario", argv[optind]);
		return rc_cmd_usage(&drill_status_cmd, 1);
	}
	if ((d = rc_drill_load(argv[optind], &err)) == NULL) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		return RC_EXIT_USAGE;
	}
	calls = rc_xcalloc(d->ncalls, sizeof *calls);
	loaded = rc_xcalloc(d->ncalls, sizeof *loaded);
	for (i = 0; i < d->ncalls; i++) {
		calls[i].seed = d->calls[i].seed;
		if ((calls[i].scenario = call_id(argv[optind], i,
		    d->calls[i].scenario, dir, &loaded[i])) == NULL)
			goto done;
	}
	rd.name = d->name;
	rd.title = d->title;
	rd.calls = calls;
	rd.ncalls = d->ncalls;
	q.f.drill = d->name;
	if ((r = rc_cmd_collect(&q)) == NULL)
		goto done;
	for (i = 0; i < q.f.ntrainee; i++)
		rc_report_name(r, q.f.trainee[i]);
	rc_report_sort(r);
	if (fmt == 0)
		rc_report_drill_text(&out, r, &rd);
	else if (fmt == 1)
		rc_report_drill_csv(&out, r, &rd);
	else
		rc_report_drill_json(&out, r, &rd);
	rc_cmd_out(rc_buf_str(&out));
	rc = rc_cmd_flush() == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
done:
	if (loaded != NULL)
		for (i = 0; i < d->ncalls; i++)
			rc_scenario_free(loaded[i]);
	free(loaded);
	free(calls);
	rc_buf_free(&out);
	rc_report_free(r);
	rc_drill_free(d);
	return rc;
}

static int
drill_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "trainee", required_argument, NULL, 't' },
		{ "cohort", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'D' },
		{ "no-save", no_argument, NULL, 'n' },
		{ "from", required_argument, NULL, 'F' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "rubric", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_err err = RC_ERR_INIT;
	struct rc_session_opts so;
	struct rc_store *store = NULL;
	struct rc_rubric *rubric = NULL;
	struct rc_drill *d;
	struct rc_scenario **calls = NULL;
	const char *dir = NULL, *rubric_dir = NULL, *cohort = NULL, *db = NULL;
	const char *trainee_flag = NULL, *cohort_flag = NULL;
	const char *name, *title;
	size_t ncalls, i, from = 1;
	int c, save = 1, rc = RC_EXIT_OK, left = 0;
	char *end;

	/* "drill status FILE": a drill file called status is ./status. */
	if (argc > 1 && strcmp(argv[1], "status") == 0)
		return drill_status_exec(argc - 1, argv + 1);
	memset(&so, 0, sizeof so);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (rc_cmd_check_name("--trainee", optarg) != 0)
				return RC_EXIT_USAGE;
			so.trainee = trainee_flag = optarg;
			break;
		case 'c':
			if (rc_cmd_check_name("--cohort", optarg) != 0)
				return RC_EXIT_USAGE;
			cohort = cohort_flag = optarg;
			break;
		case 'D': db = optarg; break;
		case 'n': save = 0; break;
		case 'd': dir = optarg; break;
		case 'R': rubric_dir = optarg; break;
		case 'F':
			from = (size_t)strtoul(optarg, &end, 10);
			if (*optarg < '1' || *optarg > '9' || *end != '\0') {
				rc_cmd_error("invalid call number '%s': expected 1 or more",
				    optarg);
				return RC_EXIT_USAGE;
			}
			break;
		case 'h': return rc_cmd_usage(&rc_cmd_drill, 0);
		default: return rc_cmd_usage(&rc_cmd_drill, 1);
		}
	}
	if (optind + 1 != argc) {
		rc_cmd_error("drill needs one drill file");
		return rc_cmd_usage(&rc_cmd_drill, 1);
	}
	if ((d = rc_drill_load(argv[optind], &err)) == NULL) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		return RC_EXIT_USAGE;
	}
	name = d->name;
	title = d->title;
	ncalls = d->ncalls;
	if (from > ncalls) {
		rc_cmd_error("drill '%s' has %zu call%s, cannot start at %zu", name,
		    ncalls, ncalls == 1 ? "" : "s", from);
		rc = RC_EXIT_USAGE;
		goto done;
	}
	/* Every call's scenario before call 1, so a typo in the last one
	 * does not stop the drill half-way. */
	calls = rc_xcalloc(ncalls, sizeof *calls);
	if (load_calls(d, argv[optind], from, dir, calls) != 0) {
		rc = RC_EXIT_USAGE;
		goto done;
	}
	/* Flag, environment, config, then the drill's own tag. */
	rc_cmd_ask_trainee(so.trainee, cohort);
	so.trainee = rc_cmd_setting(RC_CONFIG_TRAINEE, so.trainee);
	if ((cohort = rc_cmd_setting(RC_CONFIG_COHORT, cohort)) == NULL)
		cohort = d->cohort;
	so.mode = d->assessment ? RC_MODE_ASSESSMENT : RC_MODE_PRACTICE;
	if ((rubric = rc_cmd_load_rubric(rubric_dir)) == NULL ||
	    (save && (store = rc_cmd_open_store(db)) == NULL)) {
		rc = RC_EXIT_USAGE;
		goto done;
	}
	so.rubric = rubric;
	for (i = from - 1; i < ncalls; i++) {
		rc_cmd_outf("%s== Drill %s%s%s: call %zu of %zu ==\n\n", i > from - 1 ?
		    "\n" : "", title ? title : name, cohort ? ", cohort " : "",
		    cohort ? cohort : "", i + 1, ncalls);
		rc_cmd_flush();
		so.on_turn = NULL;
		so.on_turn_ctx = NULL;
		rc = rc_cmd_play_call(calls[i], d->calls[i].seed, &so, store, cohort,
		    name, &left);
		if (rc != RC_EXIT_OK)
			break;
		if (left) {
			if (i + 1 < ncalls) {
				struct rc_buf hint = RC_BUF_INIT;

				/* The same flags again, so the rest is saved as the
				 * same trainee, cohort and database. */
				rc_buf_puts(&hint, "recoup drill");
				shell_arg(&hint, NULL, argv[optind]);
				if (trainee_flag)
					shell_arg(&hint, "--trainee", trainee_flag);
				if (cohort_flag)
					shell_arg(&hint, "--cohort", cohort_flag);
				if (db)
					shell_arg(&hint, "--db", db);
				if (!save)
					rc_buf_puts(&hint, " --no-save");
				if (dir)
					shell_arg(&hint, "--scenarios", dir);
				if (rubric_dir)
					shell_arg(&hint, "--rubric", rubric_dir);
				rc_buf_printf(&hint, " --from %zu", i + 2);
				rc_cmd_outf("\nDrill stopped after call %zu of %zu.  To go on: "
				    "%s\n", i + 1, ncalls, rc_buf_str(&hint));
				rc_buf_free(&hint);
				/* The drill was not finished: a script must see it. */
				rc = RC_EXIT_FAIL;
			}
			break;
		}
	}
	if (rc == RC_EXIT_OK && !left)
		rc_cmd_outf("\nDrill complete: %zu call%s.  'recoup leaderboard --drill %s' "
		    "ranks everyone who played it.\n", ncalls - from + 1,
		    ncalls - from + 1 == 1 ? "" : "s", name);
done:
	if (calls != NULL)
		for (i = 0; i < ncalls; i++)
			rc_scenario_free(calls[i]);
	free(calls);
	rc_store_close(store);
	rc_rubric_free(rubric);
	rc_drill_free(d);
	rc_cmd_flush();
	return rc;
}

const struct rc_cmd rc_cmd_drill = {
	.name = "drill",
	.usage = "drill FILE [--trainee NAME] [--cohort TAG] [--from N] "
	    "[--db PATH] [--no-save]\n"
	    "       recoup drill status FILE [filters] [--format text|csv|json]",
	.summary = "play a drill: a fixed list of calls with fixed seeds",
	.help =
	    "FILE is a drill (see scenarios/drills/): a name, a cohort tag, a\n"
	    "mode and the calls, each a scenario and a seed.  The calls are\n"
	    "played in order like 'recoup play' and saved with the drill's name\n"
	    "and cohort.  /end or Ctrl-D hangs up and goes on to the next call;\n"
	    "leaving a call with Ctrl-C, or the end of piped input, stops the drill\n"
	    "(exit code 1) and says how to go on with the same options.  With piped\n"
	    "input, a call that ends on its own skips the lines left up to the\n"
	    "next /end (with no /end before the end of the input, they go on to\n"
	    "the next call).  Every call's scenario is loaded before the first\n"
	    "call: one that cannot be is named (exit code 2).\n\n"
	    "'recoup drill status FILE' shows who has finished which calls of\n"
	    "the drill, from the stored sessions ('recoup drill status --help';\n"
	    "a drill file called 'status' is given as ./status).\n\n"
	    "Options:\n"
	    "  --trainee NAME     your name (default: $RECOUP_TRAINEE, else the\n"
	    "                     config's trainee, asked once on a terminal)\n"
	    "  --cohort TAG       the cohort (default: $RECOUP_COHORT, else the\n"
	    "                     config's cohort, else the drill's own)\n"
	    "  --from N           start at call N\n"
	    "  --db PATH          the database (default: $RECOUP_DB, else the\n"
	    "                     config's db, else $XDG_DATA_HOME/recoup/recoup.db)\n"
	    "  --no-save          do not save the calls\n"
	    "  --scenarios DIR    look for scenario ids in DIR first\n"
	    "  --rubric DIR       the rubric directory (default: scoring/)\n",
	.exec = drill_exec,
};
