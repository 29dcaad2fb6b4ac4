/*
 * cmd-history.c - `recoup history`: the stored sessions, one line each
 * (id, start, trainee, scenario, status, score, passed), oldest first, as
 * a table, CSV or JSON lines, or their ids alone (--ids).  Sessions whose process died show as
 * interrupted (the store marks them when it opens).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "report.h"

enum fmt { FMT_TEXT, FMT_CSV, FMT_JSON,     /* as in formats[] below */
	FMT_IDS };                              /* --ids */

struct history {
	enum fmt fmt;
	long n;
	struct rc_buf out;
};

static int
row(void *ctx, const struct rc_store_row *r)
{
	struct history *h = ctx;

	switch (h->fmt) {
	case FMT_TEXT: rc_report_history_text(&h->out, r, h->n == 0); break;
	case FMT_CSV: rc_report_sessions_csv(&h->out, r, h->n == 0); break;
	case FMT_JSON:
		rc_report_session_json(&h->out, r);
		rc_buf_putc(&h->out, '\n');
		break;
	case FMT_IDS:
		rc_buf_printf(&h->out, "%lld\n", (long long)r->id);
		break;
	}
	h->n++;
	/* Write as we go: a long history should not wait for the end. */
	if (h->out.len > 1 << 16) {
		rc_cmd_out(rc_buf_str(&h->out));
		rc_buf_reset(&h->out);
	}
	return 0;
}

static int
history_exec(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "json", NULL };
	static const struct option opts[] = {
		RC_CMD_FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "ids", no_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_cmd_query q;
	struct rc_err err = RC_ERR_INIT;
	struct history h;
	struct rc_store *st;
	long n;
	int c, k, ids = 0;

	memset(&q, 0, sizeof q);
	memset(&h, 0, sizeof h);
	optind = 1;
	while ((c = rc_cmd_getopt(argc, argv, opts, &q)) != -1) {
		switch (c) {
		case RC_OPT_BAD: return RC_EXIT_USAGE;
		case 'f':
			if ((k = rc_cmd_format(optarg, formats)) < 0)
				return RC_EXIT_USAGE;
			h.fmt = (enum fmt)k;
			break;
		case 'i': ids = 1; break;
		case 'h': return rc_cmd_usage(&rc_cmd_history, 0);
		default: return rc_cmd_usage(&rc_cmd_history, 1);
		}
	}
	if (ids)
		h.fmt = FMT_IDS;
	if (optind < argc) {
		rc_cmd_error("history takes no arguments, got '%s'", argv[optind]);
		return rc_cmd_usage(&rc_cmd_history, 1);
	}
	if ((st = rc_cmd_read_store(q.db)) == NULL)
		return RC_EXIT_USAGE;
	n = rc_store_sessions(st, &q.f, row, &h, &err);
	if (n == 0 && h.fmt == FMT_TEXT)
		rc_buf_puts(&h.out, "No sessions match.\n");
	rc_cmd_out(rc_buf_str(&h.out));
	rc_buf_free(&h.out);
	rc_store_close(st);
	if (n < 0) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		return RC_EXIT_USAGE;
	}
	return rc_cmd_flush() == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_history = {
	.name = "history",
	.usage = "history [--trainee NAME] [--cohort TAG] [--scenario ID] "
	    "[--since DATE] [--until DATE]\n"
	    "       [--drill NAME] [--status STATUS] [--format text|csv|json] "
	    "[--db PATH]",
	.summary = "list the stored sessions",
	.help =
	    "One line per session, oldest first: id, start, trainee, scenario,\n"
	    "status (complete, abandoned, interrupted, running), score, passed.\n\n"
	    "Options:\n"
	    RC_CMD_FILTER_HELP
	    "  --format FMT       text (default), csv or json (one object a line)\n"
	    "  --ids              the session ids alone, one a line (for shell\n"
	    "                     completion)\n",
	.exec = history_exec,
};
