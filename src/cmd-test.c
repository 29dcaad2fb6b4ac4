/*
 * cmd-test.c - `recoup test`: runs scenarios' test plans (plan.c) and
 * prints one line per case, and for a failing case the step, what was
 * expected and what happened, with the seeds it failed for.  Exit 0 when
 * every run passed, 1 when one failed, 2 when a plan or its scenario could
 * not be loaded.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "plan.h"
#include "xmalloc.h"

struct totals {
	size_t plans, cases, runs, failed;
	int bad;
	int verbose;
};

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The plan file for argument ARG: a plan, a scenario file or an id. */
static char *
plan_for(const char *arg, const char *dir)
{
	char *spath, *plan;

	if (ends_with(arg, RC_PLAN_SUFFIX))
		return rc_xstrdup(arg);
	spath = rc_scenario_find(arg, rc_cmd_scenario_dirs(dir));
	if (spath == NULL) {
		rc_cmd_error("no scenario '%s' (try 'recoup list')", arg);
		return NULL;
	}
	plan = rc_plan_path_for(spath);
	free(spath);
	return rc_cmd_short_path(plan);
}

static void
indent(const char *text, const char *pad)
{
	const char *p = text, *nl;

	while (*p) {
		nl = strchr(p, '\n');
		rc_cmd_printf(stdout, "%s%.*s\n", pad, (int)(nl ? nl - p : (long)strlen(p)), p);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* One failed check. */
static void
show(const struct rc_plan_failure *f)
{
	rc_cmd_printf(stdout, "    %s\n", f->what);
	rc_cmd_printf(stdout, "      expected: %s\n", f->expected);
	rc_cmd_printf(stdout, "      actual:   ");
	if (strchr(f->actual, '\n')) {
		rc_cmd_printf(stdout, "\n");
		indent(f->actual, "        ");
	} else {
		rc_cmd_printf(stdout, "%s\n", f->actual);
	}
}

static void
transcript(const struct rc_plan_failure *f)
{
	if (f == NULL || f->transcript == NULL)
		return;
	rc_cmd_printf(stdout, "    the call (seed %llu):\n", (unsigned long long)f->seeds[0]);
	indent(f->transcript, "      ");
}

/* Did F fail in the same step as PREV, for the same seeds? */
static int
same_group(const struct rc_plan_failure *prev, const struct rc_plan_failure *f)
{
	return prev != NULL && prev->case_index == f->case_index &&
	    prev->step == f->step && prev->nseeds == f->nseeds &&
	    memcmp(prev->seeds, f->seeds, f->nseeds * sizeof *f->seeds) == 0;
}

static void
report(const char *id, const struct rc_plan_result *r, int verbose)
{
	const struct rc_plan_failure *prev;
	size_t i, j, k;

	for (i = 0; i < r->ncases; i++) {
		const struct rc_plan_case_result *cr = &r->cases[i];

		if (cr->runs == 0)
			continue;
		if (cr->failed == 0) {
			rc_cmd_printf(stdout, "ok   %s/%s (%zu seed%s)\n", id, cr->name, cr->runs,
			    cr->runs == 1 ? "" : "s");
			continue;
		}
		rc_cmd_printf(stdout, "FAIL %s/%s (%zu of %zu seed%s failed)\n", id, cr->name,
		    cr->failed, cr->runs, cr->runs == 1 ? "" : "s");
		for (j = 0, prev = NULL; j < r->n; j++) {
			const struct rc_plan_failure *f = &r->v[j];

			if (f->case_index != i)
				continue;
			/* Checks that failed in one step for the same seeds share
			 * one heading. */
			if (!same_group(prev, f)) {
				if (verbose)
					transcript(prev);
				rc_cmd_printf(stdout, "  %s: ", f->where);
				if (f->step > 0) {
					struct rc_buf q = RC_BUF_INIT;

					rc_buf_json_string(&q, f->line ? f->line : "");
					rc_cmd_printf(stdout, "step %zu %s", f->step, rc_buf_str(&q));
					rc_buf_free(&q);
				} else {
					rc_cmd_printf(stdout, "outcome");
				}
				rc_cmd_printf(stdout, ", seed%s", f->nseeds == 1 ? "" : "s");
				for (k = 0; k < f->nseeds; k++)
					rc_cmd_printf(stdout, " %llu", (unsigned long long)f->seeds[k]);
				rc_cmd_printf(stdout, "\n");
			}
			show(f);
			prev = f;
		}
		if (verbose)
			transcript(prev);
	}
}

static void
test_plan(const char *path, const char *dir, const char *only_case,
          int only_seed, uint64_t seed, struct totals *t)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_plan_result r = RC_PLAN_RESULT_INIT;
	struct rc_scenario *s = NULL;
	struct rc_plan *p;
	char *spath = NULL;
	size_t i, found = 0;

	if ((p = rc_plan_load(path, &err)) == NULL)
		goto bad;
	if ((spath = rc_plan_scenario_path(p, rc_cmd_scenario_dirs(dir), &err)) == NULL)
		goto bad;
	if ((s = rc_scenario_load(spath, &err)) == NULL)
		goto bad;
	if (rc_plan_bind(p, s, &err) > 0)
		goto bad;
	for (i = 0; only_case && i < p->ncases; i++)
		found += p->cases[i].name && strcmp(p->cases[i].name, only_case) == 0;
	if (only_case && found == 0) {
		rc_err_add(&err, RC_ERROR, "%s: no case '%s' in this plan", path,
		    only_case);
		goto bad;
	}
	rc_cmd_print_err(&err);
	rc_plan_run(p, s, only_case, only_seed, seed, &r);
	report(s->id, &r, t->verbose);
	t->plans++;
	for (i = 0; i < r.ncases; i++)
		t->cases += r.cases[i].runs > 0;
	t->runs += r.runs;
	t->failed += r.failed_runs;
	rc_plan_result_free(&r);
	goto done;
bad:
	rc_cmd_print_err(&err);
	t->bad = 1;
done:
	rc_err_clear(&err);
	rc_scenario_free(s);
	rc_plan_free(p);
	free(spath);
}

static int
test_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "case", required_argument, NULL, 'c' },
		{ "seed", required_argument, NULL, 's' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct totals t;
	const char *dir = NULL, *only_case = NULL;
	uint64_t seed = 0;
	int c, only_seed = 0, i;
	char **list;
	size_t k;

	memset(&t, 0, sizeof t);
	optind = 1;
	while ((c = getopt_long(argc, argv, "vh", opts, NULL)) != -1) {
		switch (c) {
		case 'c': only_case = optarg; break;
		case 's':
			if (rc_cmd_parse_seed(optarg, &seed) != 0) {
				rc_cmd_error("invalid seed '%s': expected a whole number", optarg);
				return RC_EXIT_USAGE;
			}
			only_seed = 1;
			break;
		case 'v': t.verbose = 1; break;
		case 'd': dir = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_test, 0);
		default: return rc_cmd_usage(&rc_cmd_test, 1);
		}
	}
	if (optind == argc) {
		list = rc_cmd_scenario_files(dir);
		for (k = 0; list[k]; k++) {
			char *plan = rc_plan_path_for(list[k]);

			if (is_file(plan))
				test_plan(plan, dir, only_case, only_seed, seed, &t);
			free(plan);
		}
		rc_cmd_free_list(list);
		if (t.plans == 0 && !t.bad) {
			rc_cmd_error("no test plans found on the scenario path");
			return RC_EXIT_USAGE;
		}
	}
	for (i = optind; i < argc; i++) {
		char *plan = plan_for(argv[i], dir);

		if (plan == NULL) {
			t.bad = 1;
			continue;
		}
		if (!is_file(plan)) {
			rc_cmd_error("no test plan for '%s' (looked for '%s'; see "
			    "docs/test-plans.md)", argv[i], plan);
			t.bad = 1;
		} else {
			test_plan(plan, dir, only_case, only_seed, seed, &t);
		}
		free(plan);
	}
	fflush(stdout);
	if (t.plans > 0 || !t.bad)
		rc_cmd_error("%zu plan%s, %zu case%s, %zu run%s, %zu failed", t.plans,
	    t.plans == 1 ? "" : "s", t.cases, t.cases == 1 ? "" : "s", t.runs,
	    t.runs == 1 ? "" : "s", t.failed);
	if (t.bad)
		return RC_EXIT_USAGE;
	return t.failed > 0 ? RC_EXIT_FAIL : RC_EXIT_OK;
}

const struct rc_cmd rc_cmd_test = {
	.name = "test",
	.usage = "test [SCENARIO...] [--case NAME] [--seed N] [--verbose] "
	    "[--scenarios DIR]",
	.summary = "run scenarios' test plans (scripted calls with expectations)",
	.help =
	    "SCENARIO is a scenario id, a scenario file (its plan is the file\n"
	    "beside it named ID.plan.json) or a plan file.  Without SCENARIO,\n"
	    "every scenario on the scenario path that has a plan.  Each case of\n"
	    "a plan is played once per seed; every expectation must hold for\n"
	    "every seed.  The format is described in docs/test-plans.md.\n\n"
	    "Exit status: 0 all passed, 1 a run failed, 2 a plan or scenario\n"
	    "could not be loaded.\n\n"
	    "Options:\n"
	    "  --case NAME        run only the case called NAME\n"
	    "  --seed N           play each case with seed N only\n"
	    "  -v, --verbose      show the call up to the failure\n"
	    "  --scenarios DIR    look for scenario ids in DIR first\n",
	.exec = test_exec,
};
