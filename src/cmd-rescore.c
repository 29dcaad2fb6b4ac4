/*
 * cmd-rescore.c - `recoup rescore`: scores stored transcripts again under
 * the current rubric.  The new scorecard becomes the current one; the old
 * ones stay in the database (history, compare and report use the
 * current).  Sessions already scored with this rubric version are left
 * alone unless --all.  The case file and hidden truth come from the
 * scenario file, found by the stored id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "score.h"
#include "xmalloc.h"

struct pick {
	int64_t *ids;
	char **scenarios;         /* each session's scenario id */
	size_t n;
	const char *version;
	int all;
};

static int
pick_row(void *ctx, const struct rc_store_row *r)
{
	struct pick *p = ctx;

	if (strcmp(r->status, "running") == 0)
		return 0;
	if (!p->all && r->has_score && r->rubric_version &&
	    strcmp(r->rubric_version, p->version) == 0)
		return 0;
	p->ids = rc_xreallocarray(p->ids, p->n + 1, sizeof *p->ids);
	p->scenarios = rc_xreallocarray(p->scenarios, p->n + 1,
	    sizeof *p->scenarios);
	p->ids[p->n] = r->id;
	p->scenarios[p->n++] = rc_xstrdup(r->scenario ? r->scenario : "");
	return 0;
}

struct scenarios {
	char **ids;
	struct rc_scenario **s;     /* NULL: could not be loaded */
	size_t n;
};

/* Says that session ID of scenario SCENARIO is not rescored; the loader
 * has said why its scenario could not be loaded. */
static void
say_skipped(int64_t id, const char *scenario, int dry)
{
	rc_cmd_error("session %lld (scenario '%s') %s rescored: its scenario "
	    "cannot be found or loaded", (long long)id, scenario,
	    dry ? "would not be" : "was not");
}

static struct rc_scenario *
scenario(struct scenarios *c, const char *id, const char *dir)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->ids[i], id) == 0)
			return c->s[i];
	c->ids = rc_xreallocarray(c->ids, c->n + 1, sizeof *c->ids);
	c->s = rc_xreallocarray(c->s, c->n + 1, sizeof *c->s);
	c->ids[c->n] = rc_xstrdup(id);
	c->s[c->n] = rc_cmd_load_scenario(id, dir);
	return c->s[c->n++];
}

/* Scores the loaded session L with RUBRIC against scenario S. */
static struct rc_scorecard *
rescore(const struct rc_rubric *rubric, const struct rc_scenario *s,
        const struct rc_store_loaded *l)
{
	struct rc_case_invoice *inv = rc_xcalloc(s->ninvoices + 1, sizeof *inv);
	struct rc_score_input in;
	struct rc_case kase;
	struct rc_scorecard *card;

	rc_score_input_scenario(&in, &kase, inv, s);
	/* The agreement's dates were said against the call's own date. */
	if (l->row.call_date != RC_DATE_NONE)
		kase.date = l->row.call_date;
	in.t = l->t;
	in.has_mood = l->row.has_mood;
	in.mood = l->row.mood;
	/* The version the call was played with, not the file's today. */
	in.scenario_version = l->row.scenario_version;
	card = rc_score(rubric, &in);
	free(inv);
	return card;
}

static int
rescore_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		RC_CMD_FILTER_OPTIONS,
		{ "all", no_argument, NULL, 'a' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "rubric", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_cmd_query q;
	struct rc_err err = RC_ERR_INIT;
	struct scenarios cache;
	struct pick p;
	struct rc_store *st;
	struct rc_rubric *rubric;
	const char *dir = NULL, *rubric_dir = NULL;
	long done = 0, skipped = 0, would = 0;
	int c, k, dry = 0, rc = RC_EXIT_OK;
	size_t i;

	memset(&q, 0, sizeof q);
	memset(&p, 0, sizeof p);
	memset(&cache, 0, sizeof cache);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if ((k = rc_cmd_filter_opt(c, optarg, &q)) != 0) {
			if (k < 0)
				return RC_EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'a': p.all = 1; break;
		case 'n': dry = 1; break;
		case 'd': dir = optarg; break;
		case 'R': rubric_dir = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_rescore, 0);
		default: return rc_cmd_usage(&rc_cmd_rescore, 1);
		}
	}
	if (optind < argc) {
		rc_cmd_error("rescore takes no arguments, got '%s'", argv[optind]);
		return rc_cmd_usage(&rc_cmd_rescore, 1);
	}
	if ((rubric = rc_cmd_load_rubric(rubric_dir)) == NULL)
		return RC_EXIT_USAGE;
	if ((st = rc_cmd_update_store(q.db)) == NULL) {
		rc_rubric_free(rubric);
		return RC_EXIT_USAGE;
	}
	p.version = rubric->version;
	rc_cmd_date_sessions(st, dir);
	if (rc_store_sessions(st, &q.f, pick_row, &p, &err) < 0 ||
	    (!dry && rc_store_batch_begin(st, &err) != 0)) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		rc = RC_EXIT_USAGE;
		goto done;
	}
	/* A dry run loads the scenarios too, so what it counts is what a
	 * real run rescores and it names the sessions a real run skips. */
	for (i = 0; i < p.n && dry; i++) {
		if (scenario(&cache, p.scenarios[i], dir) == NULL) {
			say_skipped(p.ids[i], p.scenarios[i], 1);
			skipped++;
		} else
			would++;
	}
	for (i = 0; i < p.n && !dry; i++) {
		struct rc_store_loaded *l;
		struct rc_scenario *s;
		struct rc_scorecard *card;

		if ((s = scenario(&cache, p.scenarios[i], dir)) == NULL) {
			say_skipped(p.ids[i], p.scenarios[i], 0);
			skipped++;
			continue;
		}
		if ((l = rc_store_load(st, p.ids[i], rubric, &err)) == NULL)
			break;
		card = rescore(rubric, s, l);
		if (rc_store_add_score(st, l->row.id, card, &err) != 0) {
			rc_scorecard_free(card);
			rc_store_loaded_free(l);
			break;
		}
		done++;
		rc_scorecard_free(card);
		rc_store_loaded_free(l);
	}
	if (err.nerrors || (!dry && rc_store_batch_end(st, &err) != 0)) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		rc_cmd_error("nothing was rescored");
		rc = RC_EXIT_USAGE;
		goto done;
	}
	if (dry)
		rc_cmd_outf("%ld session%s would be rescored under rubric %s", would,
		    would == 1 ? "" : "s", rubric->version);
	else
		rc_cmd_outf("rescored %ld session%s under rubric %s", done,
		    done == 1 ? "" : "s", rubric->version);
	if (skipped)
		rc_cmd_outf("; %ld %sskipped (scenario not found)", skipped,
		    dry ? "would be " : "");
	putchar('\n');
	if (skipped)
		rc = RC_EXIT_FAIL;
done:
	for (i = 0; i < cache.n; i++) {
		free(cache.ids[i]);
		rc_scenario_free(cache.s[i]);
	}
	free(cache.ids);
	free(cache.s);
	for (i = 0; i < p.n; i++)
		free(p.scenarios[i]);
	free(p.scenarios);
	free(p.ids);
	rc_store_close(st);
	rc_rubric_free(rubric);
	return rc;
}

const struct rc_cmd rc_cmd_rescore = {
	.name = "rescore",
	.usage = "rescore [--trainee NAME] [--cohort TAG] [--scenario ID] "
	    "[--since DATE] [--until DATE]\n"
	    "       [--drill NAME] [--all] [--dry-run] [--rubric DIR] "
	    "[--scenarios DIR] [--db PATH]",
	.summary = "score stored calls again under the current rubric",
	.help =
	    "Each chosen session's transcript is scored with the current rubric\n"
	    "and the result becomes its current scorecard; earlier scorecards\n"
	    "are kept.  Sessions already scored with this rubric version are\n"
	    "skipped unless --all.  Interrupted calls get their first score.\n"
	    "A session whose scenario cannot be found or loaded is not rescored:\n"
	    "each is named (id and scenario) and the exit code is 1; --dry-run\n"
	    "names them too.\n\n"
	    "Options:\n"
	    RC_CMD_FILTER_HELP
	    "  --all              rescore even sessions scored with this version\n"
	    "  --dry-run          only count the sessions that would be rescored\n"
	    "  --rubric DIR       the rubric directory (default: scoring/)\n"
	    "  --scenarios DIR    look for scenario ids in DIR first\n",
	.exec = rescore_exec,
};
