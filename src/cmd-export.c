/*
 * cmd-export.c - `recoup export`: the stored sessions for other tools: CSV
 * (RFC 4180, one row a session, the twenty practices as columns), JSON (an
 * array of session objects) or xAPI (statements for an LMS, one a line).
 * Rows are written as they are read, so a large export stays small in
 * memory.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd-store.h"
#include "report.h"

enum fmt { FMT_NONE, FMT_CSV, FMT_JSON, FMT_XAPI };

struct export {
	enum fmt fmt;
	const char *homepage;
	long n;
	struct rc_buf out;
};

static int
row(void *ctx, const struct rc_store_row *r)
{
	struct export *x = ctx;

	switch (x->fmt) {
	case FMT_CSV: rc_report_sessions_csv(&x->out, r, x->n == 0); break;
	case FMT_JSON:
		rc_buf_puts(&x->out, x->n ? ",\n " : "[\n ");
		rc_report_session_json(&x->out, r);
		break;
	default: rc_report_xapi(&x->out, r, x->homepage); break;
	}
	x->n++;
	if (x->out.len > 1 << 16) {
		rc_cmd_write(stdout, rc_buf_str(&x->out));
		rc_buf_reset(&x->out);
	}
	return 0;
}

static int
export_exec(int argc, char **argv)
{
	static const char *const formats[] = { "csv", "json", "xapi", NULL };
	static const struct option opts[] = {
		RC_CMD_FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "homepage", required_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_cmd_query q;
	struct rc_err err = RC_ERR_INIT;
	struct export x;
	struct rc_store *st;
	long n;
	int c, k;

	memset(&q, 0, sizeof q);
	memset(&x, 0, sizeof x);
	x.homepage = "https://recoup.invalid";
	optind = 1;
	while ((c = rc_cmd_getopt(argc, argv, opts, &q)) != -1) {
		switch (c) {
		case RC_OPT_BAD: return RC_EXIT_USAGE;
		case 'f':
			if ((k = rc_cmd_format(optarg, formats)) < 0)
				return RC_EXIT_USAGE;
			x.fmt = (enum fmt)(FMT_CSV + k);   /* formats[] in FMT_ order */
			break;
		case 'H': x.homepage = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_export, 0);
		default: return rc_cmd_usage(&rc_cmd_export, 1);
		}
	}
	if (optind < argc) {
		rc_cmd_error("export takes no arguments, got '%s'", argv[optind]);
		return rc_cmd_usage(&rc_cmd_export, 1);
	}
	if (x.fmt == FMT_NONE) {
		rc_cmd_error("export needs --format csv, json or xapi");
		return rc_cmd_usage(&rc_cmd_export, 1);
	}
	if ((st = rc_cmd_read_store(q.db)) == NULL)
		return RC_EXIT_USAGE;
	n = rc_store_sessions(st, &q.f, row, &x, &err);
	if (x.fmt == FMT_JSON)
		rc_buf_puts(&x.out, x.n ? "\n]\n" : "[]\n");
	else if (x.fmt == FMT_CSV && x.n == 0) {
		struct rc_store_row none;

		/* The header alone, so a consumer still sees the columns. */
		memset(&none, 0, sizeof none);
		rc_report_sessions_csv(&x.out, &none, 1);
		x.out.len = (size_t)(strstr(x.out.data, "\r\n") - x.out.data) + 2;
		x.out.data[x.out.len] = '\0';
	}
	rc_cmd_write(stdout, rc_buf_str(&x.out));
	rc_buf_free(&x.out);
	rc_store_close(st);
	if (n < 0) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		return RC_EXIT_USAGE;
	}
	return fflush(stdout) == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_export = {
	.name = "export",
	.usage = "export --format csv|json|xapi [--trainee NAME] [--cohort TAG] "
	    "[--scenario ID]\n"
	    "       [--since DATE] [--until DATE] [--drill NAME] [--homepage URL] "
	    "[--db PATH]",
	.summary = "export session records as CSV, JSON or xAPI statements",
	.help =
	    "csv   one row a session: ids, times (UTC), trainee, cohort, drill,\n"
	    "      scenario, seed, status, scores, and the twenty practices\n"
	    "json  an array of session objects with every practice result\n"
	    "xapi  xAPI statements, one a line: 'completed' (or 'terminated'\n"
	    "      when the trainee left or the call was interrupted), then\n"
	    "      'passed' or 'failed', with a scaled score, the duration and\n"
	    "      the practice results as a result extension\n\n"
	    "Options:\n"
	    RC_CMD_FILTER_HELP
	    "  --format FMT       csv, json or xapi (required)\n"
	    "  --homepage URL     the xAPI actor account's homePage (your LMS)\n",
	.exec = export_exec,
};
