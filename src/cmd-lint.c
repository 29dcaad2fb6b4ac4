/*
 * cmd-lint.c - `recoup lint`: every problem in scenario files and test
 * plans, in one run.  Each PATH is a scenario, a test plan (*.plan.json)
 * or a directory of scenarios; without one, every scenario on the
 * scenario path.  Exit 0 when nothing worse than a warning was found, 1
 * when a check failed, 2 when a file could not be read at all.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "lint.h"
#include "plan.h"

struct tally {
	size_t files, errors, warnings;
	int unreadable;
	int quiet;
};

static int
is_plan(const char *path)
{
	size_t n = strlen(path), k = strlen(RC_PLAN_SUFFIX);

	return n > k && strcmp(path + n - k, RC_PLAN_SUFFIX) == 0;
}

static void
print(const struct rc_err *err, int quiet)
{
	size_t i;

	for (i = 0; i < err->n; i++)
		if (!quiet || err->v[i].severity == RC_ERROR)
			fprintf(stderr, "recoup: %s%s\n", err->v[i].severity ==
			    RC_WARNING ? "warning: " : "", err->v[i].msg);
}

static void
lint_one(const char *path, const char *dir, struct tally *t)
{
	struct rc_err err = RC_ERR_INIT;
	long n;

	if (is_plan(path))
		n = rc_lint_plan(path, rc_cmd_scenario_dirs(dir), &err);
	else
		n = rc_lint_scenario(path, &err);
	print(&err, t->quiet);
	if (n < 0)
		t->unreadable = 1;
	else
		t->files++;
	t->errors += err.nerrors;
	t->warnings += err.n - err.nerrors;
	rc_err_clear(&err);
}

static int
lint_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "strict", no_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct tally t;
	const char *dir = NULL;
	char **list;
	int c, strict = 0, i;
	size_t k;

	memset(&t, 0, sizeof t);
	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'S': strict = 1; break;
		case 'q': t.quiet = 1; break;
		case 'd': dir = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_lint, 0);
		default: return rc_cmd_usage(&rc_cmd_lint, 1);
		}
	}
	if (optind == argc) {
		list = rc_cmd_scenario_files(dir);
		if (list[0] == NULL) {
			rc_cmd_error("no scenarios found on the scenario path");
			rc_cmd_free_list(list);
			return RC_EXIT_USAGE;
		}
		for (k = 0; list[k]; k++)
			lint_one(list[k], dir, &t);
		rc_cmd_free_list(list);
	}
	for (i = optind; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if ((list = rc_cmd_dir_scenarios(argv[i])) == NULL) {
				rc_cmd_error("%s: cannot read the directory", argv[i]);
				t.unreadable = 1;
				continue;
			}
			if (list[0] == NULL)
				rc_cmd_error("warning: %s: no scenario files in it", argv[i]);
			for (k = 0; list[k]; k++)
				lint_one(list[k], dir, &t);
			rc_cmd_free_list(list);
		} else {
			lint_one(argv[i], dir, &t);
		}
	}
	rc_cmd_error("%zu file%s, %zu error%s, %zu warning%s", t.files,
	    t.files == 1 ? "" : "s", t.errors, t.errors == 1 ? "" : "s",
	    t.warnings, t.warnings == 1 ? "" : "s");
	if (t.unreadable)
		return RC_EXIT_USAGE;
	return t.errors > 0 || (strict && t.warnings > 0) ? RC_EXIT_FAIL :
	    RC_EXIT_OK;
}

const struct rc_cmd rc_cmd_lint = {
	.name = "lint",
	.usage = "lint [--strict] [--quiet] [--scenarios DIR] [PATH...]",
	.summary = "check scenarios and test plans, reporting every problem",
	.help =
	    "Each PATH is a scenario file, a test plan (NAME.plan.json) or a\n"
	    "directory of scenarios; without PATH, every scenario on the scenario\n"
	    "path.  Problems are reported as FILE:LINE:COL: /json/pointer: what.\n"
	    "Scenarios are checked for JSON syntax, structure, patterns, state\n"
	    "references, unreachable states, states with no way out, missing\n"
	    "fallbacks, rule examples that do not fire their rule (or that an\n"
	    "earlier rule catches first), variables set but never read or read\n"
	    "but never set, and repeated replies.  Plans are checked against\n"
	    "their scenario.\n\n"
	    "Exit status: 0 no errors (warnings allowed), 1 errors found,\n"
	    "2 a file could not be read.\n\n"
	    "Options:\n"
	    "  --strict           warnings fail the check too (exit 1)\n"
	    "  -q, --quiet        report errors only\n"
	    "  --scenarios DIR    look in DIR first (also $RECOUP_SCENARIOS)\n",
	.exec = lint_exec,
};
