/*
 * cmd-review.c - `recoup review SESSION`: a trainer's override of a
 * practice's status, kept beside the automatic one with who made it and
 * when (--set), undone (--clear), or listed (neither).  The automatic
 * results are never changed: the override applies on top of whichever
 * scorecard is current, so a rescore keeps it.  Every reading command
 * (show, compare, leaderboard, report, export) uses the reviewed status
 * and says so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "report.h"
#include "xmalloc.h"

/* The result of practice ID in CARD, or NULL. */
static const struct rc_result *
find_result(const struct rc_scorecard *card, const char *id)
{
	size_t i;

	for (i = 0; card && i < card->npractices + card->nextended; i++) {
		const struct rc_result *r = i < card->npractices ?
		    &card->practices[i] : &card->extended[i - card->npractices];

		if (strcmp(r->def->id, id) == 0)
			return r;
	}
	return NULL;
}

static void
list(struct rc_buf *b, const struct rc_store_loaded *l)
{
	size_t i;
	char when[32];

	if (l->row.nreviews == 0) {
		rc_buf_printf(b, "Session %lld: no reviews\n", (long long)l->row.id);
		return;
	}
	rc_buf_printf(b, "Session %lld: %zu review%s\n", (long long)l->row.id,
	    l->row.nreviews, l->row.nreviews == 1 ? "" : "s");
	for (i = 0; i < l->row.nreviews; i++) {
		const struct rc_store_review *v = &l->row.reviews[i];

		rc_buf_printf(b, "  %-30s %-7s ", v->practice, v->status);
		if (v->was)
			rc_buf_printf(b, "was %-7s ", v->was);
		else
			rc_buf_puts(b, "(not in the current scorecard) ");
		rc_buf_puts(b, "by ");
		rc_report_text_cell(b, v->by, 0);
		rc_buf_printf(b, ", %s", rc_cmd_format_time(v->at, when, sizeof when));
		if (v->note) {
			rc_buf_puts(b, ": ");
			rc_report_text_cell(b, v->note, 0);
		}
		rc_buf_putc(b, '\n');
	}
}

static int
review_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, RC_OPT_DB },
		{ "set", required_argument, NULL, 's' },
		{ "clear", required_argument, NULL, 'c' },
		{ "note", required_argument, NULL, 'n' },
		{ "by", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_err err = RC_ERR_INIT;
	struct rc_buf out = RC_BUF_INIT;
	struct rc_store_loaded *l = NULL;
	struct rc_store *st = NULL;
	const struct rc_result *r;
	const char *db = NULL, *set = NULL, *clear = NULL, *note = NULL;
	const char *by = getenv("USER");
	char *end, *practice = NULL;
	enum rc_status status = RC_NA;
	long long id;
	int c, rc = RC_EXIT_USAGE, by_given = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case RC_OPT_DB: db = optarg; break;
		case 's': set = optarg; break;
		case 'c': clear = optarg; break;
		case 'n': note = optarg; break;
		case 'b': by = optarg; by_given = 1; break;
		case 'h': return rc_cmd_usage(&rc_cmd_review, 0);
		default: return rc_cmd_usage(&rc_cmd_review, 1);
		}
	}
	if (optind + 1 != argc) {
		rc_cmd_error("review needs one session id (see 'recoup history')");
		return rc_cmd_usage(&rc_cmd_review, 1);
	}
	if (set && clear) {
		rc_cmd_error("--set and --clear cannot be given together");
		return rc_cmd_usage(&rc_cmd_review, 1);
	}
	if ((note || by_given) && set == NULL) {
		rc_cmd_error("--note and --by go with --set");
		return rc_cmd_usage(&rc_cmd_review, 1);
	}
	id = strtoll(argv[optind], &end, 10);
	if (*argv[optind] == '\0' || *end != '\0' || id <= 0) {
		rc_cmd_error("invalid session '%s': expected a number from 'recoup "
		    "history'", argv[optind]);
		return RC_EXIT_USAGE;
	}
	if (set != NULL) {
		const char *eq = strchr(set, '=');

		if (eq == NULL || eq == set) {
			rc_cmd_error("invalid review '%s': expected PRACTICE=STATUS", set);
			return RC_EXIT_USAGE;
		}
		if (!rc_status_parse(eq + 1, &status)) {
			rc_cmd_error("unknown status '%s': expected met, partial, missed "
			    "or n/a", eq + 1);
			return RC_EXIT_USAGE;
		}
		if (by == NULL || *by == '\0') {
			rc_cmd_error("who reviews? give --by NAME (or set USER)");
			return RC_EXIT_USAGE;
		}
		practice = rc_xstrndup(set, (size_t)(eq - set));
	}
	if ((st = rc_cmd_update_store(db)) == NULL)
		goto out;
	if ((l = rc_store_load(st, (int64_t)id, NULL, &err)) == NULL) {
		rc_cmd_print_err(&err);
		goto out;
	}
	if (set == NULL && clear == NULL) {
		list(&out, l);
		rc = RC_EXIT_OK;
		goto out;
	}
	if (l->card == NULL) {
		rc_cmd_error("session %lld has no scorecard to review (it was cut "
		    "off: 'recoup rescore' scores it)", id);
		goto out;
	}
	if (clear != NULL) {
		int n = rc_store_review_clear(st, (int64_t)id, clear, &err);

		if (n < 0) {
			rc_cmd_print_err(&err);
			rc = RC_EXIT_FAIL;
		} else if (n == 0) {
			if (find_result(l->card, clear) == NULL)
				rc_cmd_error("unknown practice '%s' in session %lld",
				    clear, id);
			else
				rc_cmd_error("session %lld has no review of '%s' to clear",
				    id, clear);
		} else {
			r = find_result(l->card, clear);
			rc_buf_printf(&out, "Session %lld: %s cleared", id, clear);
			if (r && r->review)
				rc_buf_printf(&out, ", back to %s",
				    rc_status_name(r->review->was));
			rc_buf_putc(&out, '\n');
			rc = RC_EXIT_OK;
		}
		goto out;
	}
	if ((r = find_result(l->card, practice)) == NULL) {
		rc_cmd_error("unknown practice '%s': session %lld's scorecard has no "
		    "such practice", practice, id);
		goto out;
	}
	if (rc_store_review_set(st, (int64_t)id, practice, status, note, by, 0,
	    &err) != 0) {
		rc_cmd_print_err(&err);
		rc = RC_EXIT_FAIL;
		goto out;
	}
	rc_buf_printf(&out, "Session %lld: %s %s (reviewed by ", id, practice,
	    rc_status_name(status));
	rc_report_text_cell(&out, by, 0);
	rc_buf_printf(&out, ": was %s)\n", rc_status_name(r->review ?
	    r->review->was : r->status));
	rc = RC_EXIT_OK;
out:
	fputs(rc_buf_str(&out), stdout);
	rc_buf_free(&out);
	rc_err_clear(&err);
	rc_store_loaded_free(l);
	rc_store_close(st);
	free(practice);
	if (rc == RC_EXIT_OK && fflush(stdout) != 0)
		rc = RC_EXIT_FAIL;
	return rc;
}

const struct rc_cmd rc_cmd_review = {
	.name = "review",
	.usage = "review SESSION [--set PRACTICE=STATUS [--note TEXT] [--by NAME] "
	    "| --clear PRACTICE] [--db PATH]",
	.summary = "a trainer's override of a practice's status, kept beside it",
	.help =
	    "SESSION is a session id from 'recoup history'.  With no option,\n"
	    "lists the session's reviews.\n\n"
	    "Options:\n"
	    "  --set P=STATUS     review practice P (an id such as remain-calm) as\n"
	    "                     met, partial, missed or n/a; replaces an earlier\n"
	    "                     review of P.  The automatic status is kept\n"
	    "  --note TEXT        why (shown with the review)\n"
	    "  --by NAME          who reviews (default: $USER)\n"
	    "  --clear P          undo the review of P\n"
	    "  --db PATH          the database (default: $RECOUP_DB, else\n"
	    "                     $XDG_DATA_HOME/recoup/recoup.db)\n\n"
	    "show, compare, leaderboard, report and export use the reviewed status\n"
	    "(points, practice score and overall recomputed with the card's\n"
	    "weights) and say so; rescore keeps the reviews.\n\n"
	    "Exit status: 0 done, 2 bad usage, an unknown session, practice or\n"
	    "status, or nothing to clear.\n",
	.exec = review_exec,
};
