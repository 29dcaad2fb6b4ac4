/*
 * cmd-calibrate.c - `recoup calibrate`: how far the scorecard agrees with a
 * reviewer.  Each file is a recorded call (docs/transcript-format.md)
 * whose comment lines carry the reviewer's labels ("# expect: id=status,
 * ..." and "# expect-critical: yes|no"); it is scored exactly as `recoup
 * score` scores it and every label is compared with the card.  Invariant:
 * a label is one practice of one call, and it agrees when the card's
 * status is one of the statuses it accepts.  Any bad file (a label naming
 * an unknown practice or status, a transcript that cannot be read) stops
 * the report: figures over part of the set would mislead.  The JSON shape
 * is documented in docs/scoring.md ("Calibration").
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cmd.h"
#include "jsonpos.h"
#include "score.h"
#include "transcript-parse.h"
#include "xmalloc.h"

#define NSTATUS 4                 /* met, partial, missed, n/a: enum rc_status */

/* One reviewer label: the statuses accepted for a practice of one call,
 * in the order written (the first names the confusion row when the card
 * gave none of them). */
struct label {
	const struct rc_practice_def *def;
	enum rc_status st[NSTATUS];
	size_t nst;
	int line;
};

/* The labels of one file. */
struct labels {
	struct label *v;
	size_t n;
	int critical;             /* -1 not labelled, 0 no, 1 yes */
	int critical_line;
};

struct tally {
	long labels, agreed;
};

struct disagreement {
	char *file;
	const char *practice;     /* a practice id, or "critical" */
	char *reviewer, *scorecard;
	int turn;                 /* 0: no evidence */
	char *quote;              /* may be NULL */
};

struct calib {
	const struct rc_rubric *rubric;
	size_t nfiles;
	char **skipped;
	size_t nskipped;
	struct tally overall, critical;
	struct tally *per;        /* one per practice, twenty then extended */
	long confusion[NSTATUS][NSTATUS];   /* reviewer row x scorecard column */
	struct disagreement *dis;
	size_t ndis;
};

static size_t
nall(const struct rc_rubric *r)
{
	return r->npractices + r->nextended;
}

static const struct rc_practice_def *
def_at(const struct rc_rubric *r, size_t i)
{
	return i < r->npractices ? &r->practices[i] : &r->extended[i - r->npractices];
}

static size_t
def_index(const struct rc_rubric *r, const struct rc_practice_def *d)
{
	return d >= r->practices && d < r->practices + r->npractices ?
	    (size_t)(d - r->practices) :
	    r->npractices + (size_t)(d - r->extended);
}

static int
status_named(const char *s, size_t n, enum rc_status *out)
{
	int k;

	for (k = RC_MET; k <= RC_NA; k++) {
		const char *name = rc_status_name((enum rc_status)k);

		if (strlen(name) == n && strncmp(name, s, n) == 0) {
			*out = (enum rc_status)k;
			return 1;
		}
	}
	return 0;
}

/* The column of P on the line starting at BOL, counting characters. */
static int
column(const char *bol, const char *p)
{
	int col = 1;

	for (; bol < p; bol++)
		if (((unsigned char)*bol & 0xc0) != 0x80)
			col++;
	return col;
}

static const char *
skip_space(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/* "KEY:" at S (case-insensitive): the text after the colon, else NULL. */
static const char *
keyword(const char *s, const char *e, const char *key)
{
	size_t n = strlen(key);

	if ((size_t)(e - s) <= n || strncasecmp(s, key, n) != 0 || s[n] != ':')
		return NULL;
	return s + n + 1;
}

/* One "id=status[|status]" (or "id status", as tests/score/examples
 * write it) between S and E on line LINE (starting at BOL) into L. */
static void
parse_label(const char *name, int line, const char *bol, const char *s,
            const char *e, const struct rc_rubric *rubric, struct labels *l,
            struct rc_err *err)
{
	const char *id = s, *p;
	struct label lab;
	char *key;
	size_t i;

	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	for (p = s; p < e && *p != '=' && *p != ' ' && *p != '\t'; p++)
		;
	memset(&lab, 0, sizeof lab);
	lab.line = line;
	key = rc_xstrndup(id, (size_t)(p - id));
	lab.def = rc_rubric_find(rubric, key);
	if (lab.def == NULL) {
		rc_err_add(err, RC_ERROR, "%s:%d:%d: unknown practice '%s'", name,
		    line, column(bol, id), key);
		free(key);
		return;
	}
	free(key);
	p = skip_space(p, e);
	if (p < e && *p == '=')
		p = skip_space(p + 1, e);
	if (p == e) {
		rc_err_add(err, RC_ERROR, "%s:%d:%d: practice '%s' has no status: "
		    "expected met, partial, missed or n/a", name, line,
		    column(bol, p), lab.def->id);
		return;
	}
	while (p <= e) {
		const char *bar = memchr(p, '|', (size_t)(e - p)), *end = bar ? bar : e;
		const char *w = skip_space(p, end), *we = end;
		enum rc_status st;

		while (we > w && (we[-1] == ' ' || we[-1] == '\t'))
			we--;
		if (!status_named(w, (size_t)(we - w), &st)) {
			rc_err_add(err, RC_ERROR, "%s:%d:%d: unknown status '%.*s' for "
			    "'%s': expected met, partial, missed or n/a", name, line,
			    column(bol, w), (int)(we - w), w, lab.def->id);
			return;
		}
		for (i = 0; i < lab.nst && lab.st[i] != st; i++)
			;
		if (i == lab.nst)
			lab.st[lab.nst++] = st;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	for (i = 0; i < l->n; i++)
		if (l->v[i].def == lab.def) {
			rc_err_add(err, RC_ERROR, "%s:%d:%d: practice '%s' labelled "
			    "twice (first on line %d)", name, line, column(bol, id),
			    lab.def->id, l->v[i].line);
			return;
		}
	l->v = rc_xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = lab;
}

/* The reviewer's labels in the comment lines of TEXT (LEN bytes). */
static void
parse_labels(const char *name, const char *text, size_t len,
             const struct rc_rubric *rubric, struct labels *l,
             struct rc_err *err)
{
	const char *s = text, *end = text + len, *nl;
	int line = 0;

	l->critical = -1;
	for (; s < end; s = nl < end ? nl + 1 : end) {
		const char *b, *e, *rest;

		line++;
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		e = nl;
		if (e > s && e[-1] == '\r')
			e--;
		b = skip_space(s, e);
		if (b == e || *b != '#')
			continue;
		b = skip_space(b + 1, e);
		if ((rest = keyword(b, e, "expect-critical")) != NULL) {
			const char *w = skip_space(rest, e), *we = e;

			while (we > w && (we[-1] == ' ' || we[-1] == '\t'))
				we--;
			if ((size_t)(we - w) == 3 && strncasecmp(w, "yes", 3) == 0)
				l->critical = 1;
			else if ((size_t)(we - w) == 2 && strncasecmp(w, "no", 2) == 0)
				l->critical = 0;
			else
				rc_err_add(err, RC_ERROR, "%s:%d:%d: unknown critical label "
				    "'%.*s': expected yes or no", name, line,
				    column(s, w), (int)(we - w), w);
			l->critical_line = line;
		} else if ((rest = keyword(b, e, "expect")) != NULL) {
			const char *p = rest;

			while (p < e) {
				const char *comma = memchr(p, ',', (size_t)(e - p));
				const char *ie = comma ? comma : e;
				const char *w = skip_space(p, ie);

				if (w < ie)
					parse_label(name, line, s, w, ie, rubric, l, err);
				p = comma ? comma + 1 : e;
			}
		}
	}
}

static void
labels_free(struct labels *l)
{
	free(l->v);
}

/* The card's result for practice D. */
static const struct rc_result *
result_of(const struct rc_scorecard *c, const struct rc_practice_def *d)
{
	size_t i;

	for (i = 0; i < c->npractices; i++)
		if (c->practices[i].def == d)
			return &c->practices[i];
	for (i = 0; i < c->nextended; i++)
		if (c->extended[i].def == d)
			return &c->extended[i];
	return NULL;
}

static char *
label_text(const struct label *lab)
{
	struct rc_buf b = RC_BUF_INIT;
	size_t i;

	for (i = 0; i < lab->nst; i++)
		rc_buf_printf(&b, "%s%s", i ? "|" : "", rc_status_name(lab->st[i]));
	return rc_buf_detach(&b);
}

static void
add_disagreement(struct calib *k, const char *file, const char *practice,
                 char *reviewer, const char *scorecard, int turn,
                 const char *quote)
{
	struct disagreement *d;

	k->dis = rc_xreallocarray(k->dis, k->ndis + 1, sizeof *k->dis);
	d = &k->dis[k->ndis++];
	d->file = rc_xstrdup(file);
	d->practice = practice;
	d->reviewer = reviewer;
	d->scorecard = rc_xstrdup(scorecard);
	d->turn = turn;
	d->quote = quote ? rc_xstrdup(quote) : NULL;
}

/* Compares the labels L of FILE with its scorecard CARD. */
static void
compare(struct calib *k, const char *file, const struct labels *l,
        const struct rc_scorecard *card)
{
	size_t i, j;

	k->nfiles++;
	for (i = 0; i < l->n; i++) {
		const struct label *lab = &l->v[i];
		const struct rc_result *r = result_of(card, lab->def);
		enum rc_status got = r ? r->status : RC_NA;
		struct tally *t = &k->per[def_index(k->rubric, lab->def)];
		enum rc_status row = lab->st[0];
		int agreed = 0;

		for (j = 0; j < lab->nst; j++)
			if (lab->st[j] == got) {
				agreed = 1;
				row = got;
			}
		t->labels++;
		k->overall.labels++;
		k->confusion[row][got]++;
		if (agreed) {
			t->agreed++;
			k->overall.agreed++;
			continue;
		}
		add_disagreement(k, file, lab->def->id, label_text(lab),
		    rc_status_name(got), r && r->nev ? r->ev[0].turn : 0,
		    r && r->nev ? r->ev[0].quote : NULL);
	}
	if (l->critical >= 0) {
		int got = card->ncritical > 0;

		k->critical.labels++;
		if (got == l->critical)
			k->critical.agreed++;
		else
			add_disagreement(k, file, "critical",
			    rc_xstrdup(l->critical ? "yes" : "no"), got ? "yes" : "no",
			    got ? card->critical[0].turn : 0,
			    got ? card->critical[0].quote : NULL);
	}
}

static void
share_text(struct rc_buf *b, const struct tally *t)
{
	if (t->labels == 0)
		rc_buf_puts(b, "-");
	else
		rc_buf_printf(b, "%.1f%%", 100.0 * (double)t->agreed / (double)t->labels);
}

static void
share_json(struct rc_buf *b, const struct tally *t)
{
	if (t->labels == 0)
		rc_buf_puts(b, "null");
	else
		rc_buf_printf(b, "%.4f", (double)t->agreed / (double)t->labels);
}

static void
tally_json(struct rc_buf *b, const struct tally *t)
{
	rc_buf_printf(b, "{\"labels\": %ld, \"agreed\": %ld, \"share\": ",
	    t->labels, t->agreed);
	share_json(b, t);
	rc_buf_putc(b, '}');
}

static void
render_text(struct rc_buf *b, const struct calib *k)
{
	size_t i;
	int r, c;

	rc_buf_printf(b, "Calls:      %zu labelled", k->nfiles);
	if (k->nskipped)
		rc_buf_printf(b, ", %zu skipped (no labels)", k->nskipped);
	rc_buf_printf(b, "\nAgreement:  %ld of %ld labels (", k->overall.agreed,
	    k->overall.labels);
	share_text(b, &k->overall);
	rc_buf_printf(b, ")\nCritical:   %ld of %ld calls (", k->critical.agreed,
	    k->critical.labels);
	share_text(b, &k->critical);
	rc_buf_puts(b, ")\n\nPer practice:\n");
	rc_buf_printf(b, "  %-32s %6s %6s %7s\n", "practice", "labels", "agreed",
	    "share");
	for (i = 0; i < nall(k->rubric); i++) {
		if (k->per[i].labels == 0)
			continue;
		rc_buf_printf(b, "  %-32s %6ld %6ld %6.1f%%\n", def_at(k->rubric, i)->id,
		    k->per[i].labels, k->per[i].agreed, 100.0 *
		    (double)k->per[i].agreed / (double)k->per[i].labels);
	}
	rc_buf_puts(b, "\nConfusion (reviewer rows, scorecard columns):\n");
	rc_buf_printf(b, "  %-9s", "");
	for (c = 0; c < NSTATUS; c++)
		rc_buf_printf(b, " %7s", rc_status_name((enum rc_status)c));
	rc_buf_putc(b, '\n');
	for (r = 0; r < NSTATUS; r++) {
		rc_buf_printf(b, "  %-9s", rc_status_name((enum rc_status)r));
		for (c = 0; c < NSTATUS; c++)
			rc_buf_printf(b, " %7ld", k->confusion[r][c]);
		rc_buf_putc(b, '\n');
	}
	rc_buf_printf(b, "\nDisagreements: %zu\n", k->ndis);
	for (i = 0; i < k->ndis; i++) {
		const struct disagreement *d = &k->dis[i];

		rc_buf_printf(b, "  %s: %s: reviewer %s, scorecard %s", d->file,
		    d->practice, d->reviewer, d->scorecard);
		if (d->turn > 0)
			rc_buf_printf(b, " \xe2\x80\x94 turn %d \"%s\"", d->turn,
			    d->quote ? d->quote : "");
		rc_buf_putc(b, '\n');
	}
}

static void
render_json(struct rc_buf *b, const struct calib *k)
{
	size_t i, n = 0;
	int r, c;

	rc_buf_printf(b, "{\"calls\": %zu, \"skipped\": [", k->nfiles);
	for (i = 0; i < k->nskipped; i++) {
		if (i)
			rc_buf_puts(b, ", ");
		rc_buf_json_string(b, k->skipped[i]);
	}
	rc_buf_puts(b, "],\n \"overall\": ");
	tally_json(b, &k->overall);
	rc_buf_puts(b, ",\n \"per_practice\": [");
	for (i = 0; i < nall(k->rubric); i++) {
		if (k->per[i].labels == 0)
			continue;
		rc_buf_puts(b, n++ ? ",\n   " : "\n   ");
		rc_buf_puts(b, "{\"practice\": ");
		rc_buf_json_string(b, def_at(k->rubric, i)->id);
		rc_buf_printf(b, ", \"number\": %d, \"labels\": %ld, \"agreed\": %ld, "
		    "\"share\": ", def_at(k->rubric, i)->number, k->per[i].labels,
		    k->per[i].agreed);
		share_json(b, &k->per[i]);
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, "],\n \"confusion\": [");
	for (r = 0; r < NSTATUS; r++) {
		rc_buf_printf(b, "%s{\"reviewer\": \"%s\"", r ? ",\n   " : "\n   ",
		    rc_status_name((enum rc_status)r));
		for (c = 0; c < NSTATUS; c++)
			rc_buf_printf(b, ", \"%s\": %ld", rc_status_name((enum rc_status)c),
			    k->confusion[r][c]);
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, "],\n \"critical\": ");
	tally_json(b, &k->critical);
	rc_buf_puts(b, ",\n \"disagreements\": [");
	for (i = 0; i < k->ndis; i++) {
		const struct disagreement *d = &k->dis[i];

		rc_buf_puts(b, i ? ",\n   {\"file\": " : "\n   {\"file\": ");
		rc_buf_json_string(b, d->file);
		rc_buf_puts(b, ", \"practice\": ");
		rc_buf_json_string(b, d->practice);
		rc_buf_puts(b, ", \"reviewer\": ");
		rc_buf_json_string(b, d->reviewer);
		rc_buf_puts(b, ", \"scorecard\": ");
		rc_buf_json_string(b, d->scorecard);
		if (d->turn > 0) {
			rc_buf_printf(b, ", \"turn\": %d, \"quote\": ", d->turn);
			rc_buf_json_string(b, d->quote ? d->quote : "");
		} else {
			rc_buf_puts(b, ", \"turn\": null, \"quote\": null");
		}
		rc_buf_putc(b, '}');
	}
	rc_buf_puts(b, "]}\n");
}

static void
calib_free(struct calib *k)
{
	size_t i;

	for (i = 0; i < k->ndis; i++) {
		free(k->dis[i].file);
		free(k->dis[i].reviewer);
		free(k->dis[i].scorecard);
		free(k->dis[i].quote);
	}
	free(k->dis);
	rc_cmd_free_list(k->skipped);
	free(k->per);
}

/* "0.8" or "80%" into *OUT (0..1); -1 when it is neither. */
static int
parse_share(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s)
		return -1;
	if (*end == '%' && end[1] == '\0')
		v /= 100;
	else if (*end != '\0')
		return -1;
	if (!(v >= 0 && v <= 1))
		return -1;
	*out = v;
	return 0;
}

/* Reads, labels and scores FILE into K; 0, or -1 after adding why to ERR. */
static int
calibrate_file(struct calib *k, const char *file, struct rc_err *err)
{
	struct labels l;
	struct rc_parsed *p;
	struct rc_scorecard *card;
	size_t len = 0, before = err->nerrors;
	char *text = rc_file_read(file, &len, err);

	if (text == NULL)
		return -1;
	memset(&l, 0, sizeof l);
	parse_labels(file, text, len, k->rubric, &l, err);
	p = rc_transcript_parse(file, text, len, err);
	free(text);
	if (p == NULL || err->nerrors > before) {
		rc_transcript_parse_free(p);
		labels_free(&l);
		return -1;
	}
	if (l.n == 0 && l.critical < 0) {
		rc_err_add(err, RC_WARNING, "%s: no labels ('# expect:' lines), "
		    "skipped", file);
		k->skipped = rc_xreallocarray(k->skipped, k->nskipped + 2,
		    sizeof *k->skipped);
		k->skipped[k->nskipped++] = rc_xstrdup(file);
		k->skipped[k->nskipped] = NULL;
	} else {
		card = rc_transcript_parse_score(p, k->rubric);
		compare(k, file, &l, card);
		rc_scorecard_free(card);
	}
	rc_transcript_parse_free(p);
	labels_free(&l);
	return 0;
}

static int
calibrate_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rubric", required_argument, NULL, 'R' },
		{ "min", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_rubric *rubric;
	struct rc_buf out = RC_BUF_INIT;
	struct calib k;
	const char *rubric_dir = NULL;
	double min = -1;
	int c, json = 0, bad = 0, rc = RC_EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (rc_cmd_parse_format(optarg, &json) != 0)
				return RC_EXIT_USAGE;
			break;
		case 'R': rubric_dir = optarg; break;
		case 'm':
			if (parse_share(optarg, &min) != 0) {
				rc_cmd_error("invalid share '%s': expected 0 to 1 or a "
				    "percentage such as 80%%", optarg);
				return RC_EXIT_USAGE;
			}
			break;
		case 'h': return rc_cmd_usage(&rc_cmd_calibrate, 0);
		default: return rc_cmd_usage(&rc_cmd_calibrate, 1);
		}
	}
	if (optind >= argc) {
		rc_cmd_error("calibrate needs a labelled transcript");
		return rc_cmd_usage(&rc_cmd_calibrate, 1);
	}
	if ((rubric = rc_cmd_load_rubric(rubric_dir)) == NULL)
		return RC_EXIT_USAGE;
	memset(&k, 0, sizeof k);
	k.rubric = rubric;
	k.per = rc_xcalloc(nall(rubric) + 1, sizeof *k.per);
	for (; optind < argc; optind++) {
		struct rc_err err = RC_ERR_INIT;

		if (calibrate_file(&k, argv[optind], &err) != 0)
			bad = 1;
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
	}
	if (bad) {
		rc = RC_EXIT_USAGE;
		goto out;
	}
	if (json)
		render_json(&out, &k);
	else
		render_text(&out, &k);
	fputs(rc_buf_str(&out), stdout);
	if (fflush(stdout) != 0) {
		rc_cmd_error("cannot write the calibration");
		rc = RC_EXIT_FAIL;
	} else if (min >= 0 && (k.overall.labels == 0 ||
	    (double)k.overall.agreed < min * (double)k.overall.labels)) {
		rc_cmd_error("agreement %ld of %ld is below --min %g",
		    k.overall.agreed, k.overall.labels, min);
		rc = RC_EXIT_FAIL;
	}
out:
	rc_buf_free(&out);
	calib_free(&k);
	rc_rubric_free(rubric);
	return rc;
}

const struct rc_cmd rc_cmd_calibrate = {
	.name = "calibrate",
	.usage = "calibrate FILE... [--format text|json] [--rubric DIR] [--min X]",
	.summary = "agreement of the scorecard with a reviewer's labels",
	.help =
	    "Each FILE is a recorded call (as for 'recoup score') whose comment\n"
	    "lines carry a reviewer's labels:\n\n"
	    "  # expect: remain-calm=met, start-with-reminder=partial|met\n"
	    "  # expect-critical: no\n\n"
	    "A status is met, partial, missed or n/a; 'a|b' accepts either.\n"
	    "Several '# expect:' lines may be given ('id status' also works).\n"
	    "Each call is scored as 'recoup score' scores it; the report gives\n"
	    "the agreement overall and per practice, a confusion table\n"
	    "(reviewer rows, scorecard columns), the agreement on critical\n"
	    "failures, and every disagreement with the line that decided it.\n"
	    "A file without labels is skipped with a warning.\n\n"
	    "Options:\n"
	    "  --format FMT    text (default), or json: one object, shape in\n"
	    "                  docs/scoring.md (Calibration)\n"
	    "  --rubric DIR    the rubric directory (default: $RECOUP_RUBRIC, else\n"
	    "                  scoring/)\n"
	    "  --min X         exit 1 when the overall agreement is below X\n"
	    "                  (0 to 1, or a percentage such as 80%)\n\n"
	    "Exit status: 0 the report was made (agreement is information), 1\n"
	    "below --min, 2 bad usage or a file that cannot be read or has an\n"
	    "unknown practice or status in a label (FILE:LINE:COL).\n",
	.exec = calibrate_exec,
};
