/*
 * dealcheck - how many lines of the deal corpus are read as the payment
 * schedule a person would write down (tests/deal/proposals/<case>.dev.txt
 * and <case>.locked.txt).  Each file opens with its case,
 *   # case: currency USD; balance 3120.00; invoices INV-2291 1840.00,
 *     INV-2307 1280.00; date 2026-12-02
 * then one line each: the text, a tab, and the schedule in its brief form
 * (rc_terms_brief) or "none".  Lines are read as the engine reads them:
 * normalised and spelling-corrected by the shared reader, with the case's
 * balance, invoices and date.  Run by ctest on the dev part (with --min
 * as a ratchet at the share reached so far) and by `make bench` on both
 * parts (the locked part is only measured, never tuned to).
 *
 *   dealcheck LANGDIR CORPUSDIR [--dev|--locked|--all] [--min X] [--verbose]
 *
 * Exit 1 when a part's share of lines read right is below --min (default
 * 1), 2 on bad usage or a malformed corpus file.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "lexicon.h"
#include "terms.h"
#include "understand.h"
#include "xmalloc.h"

enum part { PART_DEV = 1, PART_LOCKED = 2, PART_ALL = 3 };

struct tally {
	int prop_ok, prop_n;     /* lines with a schedule */
	int none_ok, none_n;     /* lines that propose nothing */
};

#define MAX_INVOICES 16

struct kase {
	char currency[4];
	double balance;
	int32_t today;
	char *ids[MAX_INVOICES + 1];
	double amounts[MAX_INVOICES + 1];
	size_t n;
};

static int verbose;

/* Reads the "# case:" header H into K; returns 0 or -1 when malformed. */
static int
read_case(const char *h, struct kase *k)
{
	char buf[1024], *field, *save = NULL;

	memset(k, 0, sizeof *k);
	k->today = RC_DATE_NONE;
	if (strncmp(h, "# case:", 7) != 0)
		return -1;
	snprintf(buf, sizeof buf, "%.1000s", h + 7);
	for (field = strtok_r(buf, ";", &save); field != NULL;
	    field = strtok_r(NULL, ";", &save)) {
		char key[32], val[512];

		if (sscanf(field, " %31s %511[^\n]", key, val) != 2)
			return -1;
		if (strcmp(key, "currency") == 0)
			snprintf(k->currency, sizeof k->currency, "%.3s", val);
		else if (strcmp(key, "balance") == 0)
			k->balance = atof(val);
		else if (strcmp(key, "date") == 0) {
			if (!rc_date_parse_iso(val, &k->today))
				return -1;
		} else if (strcmp(key, "invoices") == 0) {
			char *inv, *s2 = NULL;

			for (inv = strtok_r(val, ",", &s2); inv != NULL &&
			    k->n < MAX_INVOICES; inv = strtok_r(NULL, ",", &s2)) {
				char id[64];
				double a;

				if (sscanf(inv, " %63s %lf", id, &a) != 2)
					return -1;
				k->ids[k->n] = rc_xstrdup(id);
				k->amounts[k->n++] = a;
			}
		} else
			return -1;
	}
	return k->today == RC_DATE_NONE || k->balance <= 0 ? -1 : 0;
}

static void
check_file(struct rc_reader *rd, const char *dir, const char *name,
           struct tally *t)
{
	char path[4096], line[4096], got[1024];
	struct rc_reading r = RC_READING_INIT;
	struct rc_facts facts;
	struct kase k;
	double amounts[MAX_INVOICES + 2];
	FILE *f;
	int lineno = 0;
	size_t i;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		exit(2);
	}
	if (fgets(line, sizeof line, f) == NULL || read_case(line, &k) != 0) {
		fprintf(stderr, "dealcheck: %s:1: expected '# case: currency C; "
		    "balance B; invoices ID AMOUNT, ...; date YYYY-MM-DD'\n", path);
		exit(2);
	}
	lineno = 1;
	/* The facts a scenario would give the reader for this case. */
	memset(&facts, 0, sizeof facts);
	for (i = 0; i < k.n; i++)
		amounts[i] = k.amounts[i];
	amounts[k.n] = k.balance;
	facts.balance = k.balance;
	facts.invoice_ids = (const char *const *)k.ids;
	facts.amounts = amounts;
	facts.ninvoices = facts.nall_invoices = k.n;
	facts.namounts = k.n + 1;
	facts.today = k.today;
	facts.day_first = strcmp(k.currency, "USD") != 0;
	rc_reader_facts(rd, &facts);
	while (fgets(line, sizeof line, f) != NULL) {
		char *tab, *want, *end;
		int ok, none;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if ((tab = strrchr(line, '\t')) == NULL) {
			fprintf(stderr, "dealcheck: %s:%d: expected TEXT<TAB>SCHEDULE\n",
			    path, lineno);
			exit(2);
		}
		*tab = '\0';
		want = tab + 1;
		for (end = want + strlen(want); end > want && end[-1] == ' '; end--)
			;
		*end = '\0';
		rc_reader_read(rd, line, RC_SIDE_TRAINEE, &r);
		if (r.prop.kind == RC_PROP_NONE)
			snprintf(got, sizeof got, "none");
		else
			rc_terms_brief(&r.prop.terms, got, sizeof got);
		ok = strcmp(got, want) == 0;
		none = strcmp(want, "none") == 0;
		if (none) {
			t->none_n++;
			t->none_ok += ok;
		} else {
			t->prop_n++;
			t->prop_ok += ok;
		}
		if (!ok && verbose) {
			printf("  %s:%d: %s\n", name, lineno, line);
			/* what the amount reader saw, when the reader changed it */
			if (strcmp(rc_buf_str(&r.norm), line) != 0)
				printf("      read %s\n", rc_buf_str(&r.norm));
			printf("      want %s\n      got  %s\n", want, got);
		}
	}
	fclose(f);
	rc_reading_free(&r);
	for (i = 0; i < k.n; i++)
		free(k.ids[i]);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
wanted(const char *name, enum part part)
{
	size_t n = strlen(name);

	if (n > 8 && strcmp(name + n - 8, ".dev.txt") == 0)
		return (part & PART_DEV) != 0;
	if (n > 11 && strcmp(name + n - 11, ".locked.txt") == 0)
		return (part & PART_LOCKED) != 0;
	return 0;
}

static void
report(const char *what, const struct tally *t)
{
	printf("%-8s proposals %d/%d, not proposals %d/%d, all %.3f\n", what,
	    t->prop_ok, t->prop_n, t->none_ok, t->none_n,
	    t->prop_n + t->none_n ? (double)(t->prop_ok + t->none_ok) /
	    (t->prop_n + t->none_n) : 1);
}

int
main(int argc, char **argv)
{
	const char *langdir = NULL, *corpus = NULL;
	enum part part = PART_DEV;
	double min = 1;
	struct rc_err err = RC_ERR_INIT;
	const struct rc_lexicon *lx;
	struct rc_reader *rd;
	struct tally sum[4];
	char **names;
	size_t nnames = 0, i;
	int bad = 0, p;
	DIR *d;
	struct dirent *de;

	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--dev") == 0)
			part = PART_DEV;
		else if (strcmp(argv[i], "--locked") == 0)
			part = PART_LOCKED;
		else if (strcmp(argv[i], "--all") == 0)
			part = PART_ALL;
		else if (strcmp(argv[i], "--verbose") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "--min") == 0 && i + 1 < (size_t)argc)
			min = atof(argv[++i]);
		else if (langdir == NULL)
			langdir = argv[i];
		else if (corpus == NULL)
			corpus = argv[i];
		else {
			fprintf(stderr, "dealcheck: unexpected '%s'\n", argv[i]);
			return 2;
		}
	}
	if (langdir == NULL || corpus == NULL) {
		fputs("usage: dealcheck LANGDIR CORPUSDIR [--dev|--locked|--all] "
		    "[--min X] [--verbose]\n", stderr);
		return 2;
	}
	lx = rc_lexicon_shared(langdir, &err);
	for (i = 0; i < err.n; i++)
		fprintf(stderr, "dealcheck: %s\n", err.v[i].msg);
	if (lx == NULL)
		return 2;
	if ((d = opendir(corpus)) == NULL) {
		perror(corpus);
		return 2;
	}
	names = rc_xcalloc(1024, sizeof *names);
	while ((de = readdir(d)) != NULL && nnames < 1023)
		if (wanted(de->d_name, PART_ALL))
			names[nnames++] = rc_xstrdup(de->d_name);
	closedir(d);
	qsort(names, nnames, sizeof *names, by_name);
	memset(sum, 0, sizeof sum);
	for (i = 0; i < nnames; i++) {
		p = wanted(names[i], PART_DEV) ? PART_DEV : PART_LOCKED;
		if (part & p) {
			/* A reader per case: its facts are the case's alone. */
			rd = rc_reader_new(lx);
			check_file(rd, corpus, names[i], &sum[p]);
			rc_reader_free(rd);
		}
		free(names[i]);
	}
	free(names);
	for (p = PART_DEV; p <= PART_LOCKED; p++) {
		const struct tally *t = &sum[p];
		int n = t->prop_n + t->none_n;

		if (!(part & p))
			continue;
		report(p == PART_DEV ? "dev" : "locked", t);
		if (n > 0 && (double)(t->prop_ok + t->none_ok) / n < min - 1e-9)
			bad = 1;
	}
	rc_err_clear(&err);
	return bad;
}
