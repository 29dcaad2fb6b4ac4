/*
 * cmd-score.c - `recoup score`: a recorded call (docs/transcript-format.md)
 * scored with the same rubric as a simulated one.  The events the
 * simulator would have known are inferred from the debtor's lines.  Every
 * file is scored even when another one is bad; a bad file makes the exit
 * code 2, and with --strict a call below the pass mark makes it 1.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "jsonpos.h"
#include "render.h"
#include "score.h"
#include "terms.h"
#include "transcript-parse.h"

/* Reads standard input whole; NULL (with a message in ERR) on failure. */
static char *
read_stdin(size_t *len, struct rc_err *err)
{
	struct rc_buf b = RC_BUF_INIT;
	char chunk[8192];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
		if (b.len + n > RC_FILE_MAX) {
			rc_err_add(err, RC_ERROR, "-: file too large (over %u bytes)",
			    RC_FILE_MAX);
			rc_buf_free(&b);
			return NULL;
		}
		rc_buf_add(&b, chunk, n);
	}
	if (ferror(stdin)) {
		rc_err_add(err, RC_ERROR, "-: cannot read standard input");
		rc_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return rc_buf_detach(&b);
}

static struct rc_parsed *
parse(const char *path, struct rc_err *err)
{
	struct rc_parsed *p;
	size_t len = 0;
	char *text;

	if (strcmp(path, "-") != 0)
		return rc_transcript_parse_file(path, err);
	if ((text = read_stdin(&len, err)) == NULL)
		return NULL;
	p = rc_transcript_parse(path, text, len, err);
	free(text);
	return p;
}

/* The lines above the scorecard: what was read and inferred. */
static void
summary(struct rc_buf *b, const char *path, const struct rc_parsed *p,
        const struct rc_style *st)
{
	const struct rc_transcript *t = p->t;
	size_t i, said[2] = { 0, 0 };
	char terms[512], a[64];

	for (i = 0; i < t->n; i++)
		if (t->turns[i].speaker != RC_SPEAKER_ACTION)
			said[t->turns[i].speaker == RC_SPEAKER_COLLECTOR]++;
	if (st->color)
		rc_buf_puts(b, "\033[1m");
	rc_buf_printf(b, "== %s ==", path);
	if (st->color)
		rc_buf_puts(b, "\033[0m");
	rc_buf_printf(b, "\nTurns:      %zu (collector %zu, debtor %zu)\n",
	    t->n, said[1], said[0]);
	if (p->has_case)
		rc_buf_printf(b, "Case:       %s owes %s to %s\n",
		    p->c.debtor ? p->c.debtor : "the debtor",
		    rc_amount_format(p->c.balance, p->c.currency, a, sizeof a),
		    p->c.creditor ? p->c.creditor : "the creditor");
	else
		rc_buf_puts(b, "Case:       none given (practices that need it are n/a)\n");
	rc_buf_printf(b, "Ended by:   %s\n", t->ended_by == RC_ENDED_HANGUP ?
	    "the debtor hung up" : t->ended_by == RC_ENDED_AGREEMENT ?
	    "agreement reached" : "the collector");
	if (t->has_agreement)
		rc_buf_printf(b, "Agreement:  %s\n", rc_terms_say(&t->agreement,
		    p->c.currency, p->c.date, 1, terms, sizeof terms));
}

/* Appends JSON S with each line break and the indent after it turned
 * into one space: one value per line.  JSON strings cannot hold a raw
 * newline, so every one is layout. */
static void
one_line(struct rc_buf *b, const char *s)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		rc_buf_add(b, s, (size_t)(nl - s));
		s = nl + 1;
		while (*s == ' ')
			s++;
		if (*s != '\0')
			rc_buf_putc(b, ' ');
	}
	rc_buf_puts(b, s);
}

static int
score_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rubric", required_argument, NULL, 'R' },
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_style style;
	struct rc_rubric *rubric;
	const char *rubric_dir = NULL;
	int c, json = 0, strict = 0, bad = 0, failed = 0, printed = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (rc_cmd_parse_format(optarg, &json) != 0)
				return RC_EXIT_USAGE;
			break;
		case 'R': rubric_dir = optarg; break;
		case 's': strict = 1; break;
		case 'h': return rc_cmd_usage(&rc_cmd_score, 0);
		default: return rc_cmd_usage(&rc_cmd_score, 1);
		}
	}
	if (optind >= argc) {
		rc_cmd_error("score needs a transcript");
		return rc_cmd_usage(&rc_cmd_score, 1);
	}
	if ((rubric = rc_cmd_load_rubric(rubric_dir)) == NULL)
		return RC_EXIT_USAGE;
	style.color = !json && rc_cmd_color(STDOUT_FILENO);
	for (; optind < argc; optind++) {
		const char *path = argv[optind];
		struct rc_err err = RC_ERR_INIT;
		struct rc_buf out = RC_BUF_INIT;
		struct rc_scorecard *card;
		struct rc_parsed *p = parse(path, &err);

		/* Messages for this file go out before its scorecard. */
		rc_cmd_flush();
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		if (p == NULL) {
			bad = 1;
			continue;
		}
		card = rc_transcript_parse_score(p, rubric);
		if (json) {
			struct rc_buf sc = RC_BUF_INIT;

			rc_buf_puts(&out, "{\"file\": ");
			rc_buf_json_string(&out, path);
			rc_buf_puts(&out, ", \"scorecard\": ");
			rc_render_scorecard_json(&sc, card);
			one_line(&out, rc_buf_str(&sc));
			rc_buf_puts(&out, "}\n");
			rc_buf_free(&sc);
		} else {
			if (printed++)
				rc_buf_putc(&out, '\n');
			summary(&out, path, p, &style);
			rc_render_scorecard(&out, card, p->c.currency, &style);
		}
		if (!card->passed)
			failed = 1;
		if (json)
			rc_cmd_out(rc_buf_str(&out));
		else
			rc_cmd_out_text(rc_buf_str(&out));
		rc_buf_free(&out);
		rc_scorecard_free(card);
		rc_transcript_parse_free(p);
	}
	rc_rubric_free(rubric);
	/* A failed write is reported at exit (rc_cmd_close_stdout()). */
	if (rc_cmd_flush() != 0)
		return RC_EXIT_FAIL;
	if (bad)
		return RC_EXIT_USAGE;
	return strict && failed ? RC_EXIT_FAIL : RC_EXIT_OK;
}

const struct rc_cmd rc_cmd_score = {
	.name = "score",
	.usage = "score TRANSCRIPT... [--format text|json] [--rubric DIR] [--strict]",
	.summary = "score recorded calls with the same rubric",
	.help =
	    "Each TRANSCRIPT is a text file with one 'Collector: ...' or\n"
	    "'Debtor: ...' line per turn ('Agent'/'Customer' also work), after\n"
	    "optional front matter between '---' lines describing the case\n"
	    "(debtor, creditor, contact, balance, currency, days_overdue,\n"
	    "invoices).  '#' starts a comment; '[pause]' is a pause and\n"
	    "'[hangs up]' the debtor hanging up.  See docs/transcript-format.md.\n"
	    "'-' reads standard input.\n\n"
	    "What the simulator would have known (offers, inability to pay,\n"
	    "hostility, agreement) is inferred from the debtor's lines; without\n"
	    "front matter the practices that need the case file are n/a.\n\n"
	    "Options:\n"
	    "  --format FMT    text (default), or json: one line per transcript,\n"
	    "                  {\"file\": ..., \"scorecard\": {...}}\n"
	    "  --rubric DIR    the rubric directory (default: $RECOUP_RUBRIC, else\n"
	    "                  scoring/)\n"
	    "  --strict        exit 1 when a call is below the pass mark\n\n"
	    "Exit status: 0 scored, 1 a call failed (--strict), 2 a transcript\n"
	    "could not be read or is invalid (the others are still scored).\n",
	.exec = score_exec,
};
