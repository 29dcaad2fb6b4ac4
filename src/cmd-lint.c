/*
 * cmd-lint.c - `recoup lint`: every problem in scenario files, test plans,
 * the lexicon (lang/intents.json, normalise.json) and the rubric, in one
 * run.  Each PATH is a scenario, a test plan (*.plan.json), a lexicon or
 * rubric file, or a directory (its scenarios and plans, and its lang/ when
 * there is one); without one, every scenario on the scenario path, the
 * lexicon and the rubric.  Exit 0 when nothing worse than a warning was
 * found, 1 when a check failed, 2 when a file could not be read at all.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "lexicon.h"
#include "lint.h"
#include "match.h"
#include "plan.h"

struct tally {
	size_t files, errors, warnings;
	int unreadable;
	int quiet;
	const struct rc_rubric *rubric;    /* for practice ids; may be NULL */
};

/* The base name of PATH. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* PATH's directory (allocated). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct rc_buf b = RC_BUF_INIT;

	if (slash == NULL)
		rc_buf_puts(&b, ".");
	else
		rc_buf_add(&b, path, (size_t)(slash - path));
	return rc_buf_detach(&b);
}

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
			rc_cmd_printf(stderr, "recoup: %s%s\n", err->v[i].severity ==
			    RC_WARNING ? "warning: " : "", err->v[i].msg);
}

static void
lint_one(const char *path, const char *dir, struct tally *t)
{
	struct rc_err err = RC_ERR_INIT;
	long n;

	const char *base = base_name(path);

	if (is_plan(path)) {
		n = rc_lint_plan(path, rc_cmd_scenario_dirs(dir), &err);
	} else if (strcmp(base, "intents.json") == 0 ||
	    strcmp(base, "normalise.json") == 0) {
		char *d = dir_of(path);
		n = rc_lint_lexicon(d, &err);
		free(d);
	} else if (strcmp(base, "rubric.json") == 0) {
		char *d = dir_of(path);
		n = rc_lint_rubric(d, &err);
		free(d);
	} else if (strcmp(base, "compliance.json") == 0) {
		n = rc_lint_compliance(path, &err);
	} else if (strcmp(base, "base.json") == 0) {
		n = rc_lint_base(path, &err);
	} else {
		n = rc_lint_scenario_rubric(path, t->rubric, &err);
	}
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
	struct rc_rubric *rubric;

	memset(&t, 0, sizeof t);
	/* Every pattern compiled here and now, whatever a cache says. */
	rc_pattern_cache_off();
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
	rubric = rc_cmd_load_rubric(NULL);
	t.rubric = rubric;
	if (optind == argc) {
		char *lang;
		struct rc_buf p = RC_BUF_INIT;

		list = rc_cmd_scenario_files(dir);
		if (list[0] == NULL) {
			rc_cmd_error("no scenarios found on the scenario path");
			rc_cmd_free_list(list);
			rc_rubric_free(rubric);
			return RC_EXIT_USAGE;
		}
		lang = rc_lexicon_locate(list[0]);
		rc_buf_printf(&p, "%s/intents.json", lang);
		lint_one(rc_buf_str(&p), dir, &t);
		rc_buf_reset(&p);
		rc_buf_printf(&p, "%s/base.json", lang);
		lint_one(rc_buf_str(&p), dir, &t);
		rc_buf_free(&p);
		free(lang);
		for (k = 0; list[k]; k++)
			lint_one(list[k], dir, &t);
		rc_cmd_free_list(list);
	}
	for (i = optind; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			struct rc_buf p = RC_BUF_INIT;
			struct stat ls;

			if ((list = rc_cmd_dir_files(argv[i], 1)) == NULL) {
				rc_cmd_error("%s: cannot read the directory", argv[i]);
				t.unreadable = 1;
				continue;
			}
			/* The directory's lexicon and base, or those of its
			 * lang/ directory. */
			rc_buf_printf(&p, "%s/intents.json", argv[i]);
			if (stat(rc_buf_str(&p), &ls) != 0) {
				rc_buf_reset(&p);
				rc_buf_printf(&p, "%s/lang/intents.json", argv[i]);
			}
			if (stat(rc_buf_str(&p), &ls) == 0) {
				lint_one(rc_buf_str(&p), dir, &t);
				strcpy(strrchr(rc_buf_str(&p), '/') + 1, "base.json");
				if (stat(rc_buf_str(&p), &ls) == 0)
					lint_one(rc_buf_str(&p), dir, &t);
			} else if (list[0] == NULL) {
				rc_cmd_error("warning: %s: no scenario files in it", argv[i]);
			}
			rc_buf_free(&p);
			for (k = 0; list[k]; k++) {
				const char *b = base_name(list[k]);

				/* A directory's own lexicon and rubric files are
				 * linted as such, not as scenarios. */
				if (strcmp(b, "intents.json") == 0 ||
				    strcmp(b, "normalise.json") == 0 ||
				    strcmp(b, "base.json") == 0)
					continue;
				lint_one(list[k], dir, &t);
			}
			rc_cmd_free_list(list);
		} else {
			lint_one(argv[i], dir, &t);
		}
	}
	rc_rubric_free(rubric);
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
	.summary = "check scenarios, test plans, the lexicon and the rubric",
	.help =
	    "Each PATH is a scenario file, a test plan (NAME.plan.json), the\n"
	    "lexicon (lang/intents.json or normalise.json), the rubric\n"
	    "(rubric.json), or a directory: its scenarios and plans, and its\n"
	    "lang/ lexicon when it has one.  Without PATH: the lexicon and every\n"
	    "scenario on the scenario path.  Problems are reported as\n"
	    "FILE:LINE:COL: /json/pointer: what.  Lexicon intents must read their\n"
	    "examples and not their counter-examples; the rubric and the lexicon\n"
	    "refuse unknown keys; a scenario's \"scoring\" block must name real\n"
	    "practices.\n"
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
