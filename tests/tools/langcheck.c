/*
 * langcheck - precision and recall of the lexicon's intents on the
 * paraphrase corpus (tests/lang/paraphrase/<intent>.txt: "+ line" must be
 * read as the intent, "- line" must not; lines after "%locked" are the
 * held-out part).  Run by ctest (every intent must reach --min on the
 * part asked for) and by `make bench` (the table).
 *
 *   langcheck LANGDIR CORPUSDIR [--dev|--locked|--all] [--min X]
 *             [--scenario FILE] [--verbose] [--intent ID]
 *
 * --scenario gives the case file and research the lines refer to (for
 * intents read from the scenario).  Exit 1 when an intent is below --min
 * or a corpus file names no intent of the lexicon.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jsonpos.h"
#include "lexicon.h"
#include "understand.h"
#include "xmalloc.h"

enum part { PART_DEV = 1, PART_LOCKED = 2, PART_ALL = 3 };

struct tally {
	int tp, fn, fp, tn;
};

static int verbose;

static void
check_file(struct rc_reader *rd, const struct rc_lexicon *lx, const char *dir,
           const char *name, enum part part, double min, int *bad,
           struct tally *sum)
{
	char path[4096], line[2048], id[256];
	FILE *f;
	int intent, locked = 0, side;
	struct tally t = { 0, 0, 0, 0 };
	double prec, rec;
	size_t n;

	snprintf(id, sizeof id, "%s", name);
	n = strlen(id);
	if (n < 5 || strcmp(id + n - 4, ".txt") != 0)
		return;
	id[n - 4] = '\0';
	intent = rc_lexicon_find(lx, id);
	if (intent < 0) {
		fprintf(stderr, "langcheck: %s/%s: no intent '%s' in the lexicon\n",
		    dir, name, id);
		*bad = 1;
		return;
	}
	side = lx->intents[intent].side == RC_SIDE_DEBTOR ? RC_SIDE_DEBTOR :
	    RC_SIDE_TRAINEE;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		*bad = 1;
		return;
	}
	while (fgets(line, sizeof line, f)) {
		struct rc_reading r = RC_READING_INIT;
		int want, got;

		line[strcspn(line, "\r\n")] = '\0';
		if (strncmp(line, "%locked", 7) == 0) {
			locked = 1;
			continue;
		}
		if ((line[0] != '+' && line[0] != '-') || line[1] != ' ')
			continue;
		if (!(part & (locked ? PART_LOCKED : PART_DEV)))
			continue;
		want = line[0] == '+';
		rc_reader_read(rd, line + 2, (enum rc_side)side, &r);
		got = rc_reading_has(&r, intent);
		if (want && got)
			t.tp++;
		else if (want)
			t.fn++;
		else if (got)
			t.fp++;
		else
			t.tn++;
		if (verbose && want != got)
			printf("  %s %-18s %s%s\n", want ? "MISS" : "FALSE", id, line + 2,
			    r.nhits && r.hits[0].path == RC_READ_SIMILAR ? "  (similar)" : "");
		rc_reading_free(&r);
	}
	fclose(f);
	prec = t.tp + t.fp ? (double)t.tp / (t.tp + t.fp) : 1;
	rec = t.tp + t.fn ? (double)t.tp / (t.tp + t.fn) : 1;
	printf("%-20s %-7s %4d+ %4d-  precision %.2f  recall %.2f%s\n", id,
	    side == RC_SIDE_DEBTOR ? "debtor" : "trainee", t.tp + t.fn, t.fp + t.tn,
	    prec, rec, prec < min || rec < min ? "  BELOW" : "");
	if (prec < min || rec < min)
		*bad = 1;
	sum->tp += t.tp;
	sum->fn += t.fn;
	sum->fp += t.fp;
	sum->tn += t.tn;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Facts of a scenario file, read straight from its JSON: the invoice ids
 * and amounts, the balance, the days overdue and the research patterns. */
static void
load_facts(struct rc_reader *rd, const char *file, struct rc_facts *f,
           char ***ids, double **amounts, struct rc_pattern ***pats)
{
	struct rc_err err = RC_ERR_INIT;
	size_t len;
	char *text = rc_file_read(file, &len, &err);
	cJSON *root = text ? rc_json_parse(file, text, len, &err) : NULL;
	const cJSON *c, *inv, *e, *res, *p;
	size_t ni = 0, na = 0, np = 0;

	memset(f, 0, sizeof *f);
	if (root == NULL) {
		fprintf(stderr, "langcheck: cannot read %s\n", file);
		exit(2);
	}
	c = cJSON_GetObjectItem(root, "case");
	inv = cJSON_GetObjectItem(c, "invoices");
	*ids = rc_xcalloc(64, sizeof **ids);
	*amounts = rc_xcalloc(64, sizeof **amounts);
	*pats = rc_xcalloc(256, sizeof **pats);
	cJSON_ArrayForEach(e, inv) {
		const cJSON *st = cJSON_GetObjectItem(e, "status");

		if (ni >= 63 || (cJSON_IsString(st) && strcmp(st->valuestring, "paid") == 0))
			continue;
		(*ids)[ni++] = rc_xstrdup(cJSON_GetObjectItem(e, "id")->valuestring);
		(*amounts)[na++] = cJSON_GetObjectItem(e, "amount")->valuedouble;
	}
	f->balance = cJSON_GetObjectItem(c, "balance")->valuedouble;
	(*amounts)[na++] = f->balance;
	f->days_overdue = cJSON_GetObjectItem(c, "days_overdue")->valueint;
	res = cJSON_GetObjectItem(root, "research");
	cJSON_ArrayForEach(e, res) {
		rc_reader_vocab(rd, cJSON_GetObjectItem(e, "text")->valuestring);
		cJSON_ArrayForEach(p, cJSON_GetObjectItem(e, "patterns")) {
			char msg[128];
			size_t off;
			struct rc_pattern *pat = rc_pattern_new(p->valuestring, msg,
			    sizeof msg, &off);

			if (pat && np < 255)
				(*pats)[np++] = pat;
		}
	}
	rc_reader_vocab(rd, cJSON_GetObjectItem(c, "contact")->valuestring);
	rc_reader_vocab(rd, cJSON_GetObjectItem(c, "creditor")->valuestring);
	rc_reader_vocab(rd, cJSON_GetObjectItem(c, "debtor")->valuestring);
	f->invoice_ids = (const char *const *)*ids;
	f->ninvoices = ni;
	f->amounts = *amounts;
	f->namounts = na;
	f->research = *pats;
	f->nresearch = np;
	cJSON_Delete(root);
	free(text);
	rc_err_clear(&err);
}

int
main(int argc, char **argv)
{
	const char *langdir = NULL, *corpus = NULL, *scenario = NULL, *only = NULL;
	enum part part = PART_DEV;
	double min = 0;
	struct rc_err err = RC_ERR_INIT;
	const struct rc_lexicon *lx;
	struct rc_reader *rd;
	struct rc_facts facts;
	char **ids = NULL, **names = NULL;
	double *amounts = NULL;
	struct rc_pattern **pats = NULL;
	struct tally sum = { 0, 0, 0, 0 };
	size_t nnames = 0, i;
	int bad = 0;
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
		else if (strcmp(argv[i], "--scenario") == 0 && i + 1 < (size_t)argc)
			scenario = argv[++i];
		else if (strcmp(argv[i], "--intent") == 0 && i + 1 < (size_t)argc)
			only = argv[++i];
		else if (langdir == NULL)
			langdir = argv[i];
		else if (corpus == NULL)
			corpus = argv[i];
		else {
			fprintf(stderr, "langcheck: unexpected '%s'\n", argv[i]);
			return 2;
		}
	}
	if (langdir == NULL || corpus == NULL) {
		fputs("usage: langcheck LANGDIR CORPUSDIR [--dev|--locked|--all] "
		    "[--min X] [--scenario FILE] [--intent ID] [--verbose]\n", stderr);
		return 2;
	}
	lx = rc_lexicon_shared(langdir, &err);
	for (i = 0; i < err.n; i++)
		fprintf(stderr, "langcheck: %s\n", err.v[i].msg);
	if (lx == NULL)
		return 2;
	rd = rc_reader_new(lx);
	if (scenario) {
		load_facts(rd, scenario, &facts, &ids, &amounts, &pats);
		rc_reader_facts(rd, &facts);
	}
	if ((d = opendir(corpus)) == NULL) {
		perror(corpus);
		return 2;
	}
	names = rc_xcalloc(1024, sizeof *names);
	while ((de = readdir(d)) != NULL && nnames < 1023)
		if (de->d_name[0] != '.')
			names[nnames++] = rc_xstrdup(de->d_name);
	closedir(d);
	qsort(names, nnames, sizeof *names, by_name);
	printf("%s part of %s\n", part == PART_DEV ? "dev" : part == PART_LOCKED ?
	    "locked" : "whole", corpus);
	for (i = 0; i < nnames; i++) {
		if (!only || (strncmp(names[i], only, strlen(only)) == 0 &&
		    strcmp(names[i] + strlen(only), ".txt") == 0))
			check_file(rd, lx, corpus, names[i], part, min, &bad, &sum);
		free(names[i]);
	}
	free(names);
	printf("all intents: %d lines, precision %.3f, recall %.3f\n",
	    sum.tp + sum.fn + sum.fp + sum.tn,
	    sum.tp + sum.fp ? (double)sum.tp / (sum.tp + sum.fp) : 1,
	    sum.tp + sum.fn ? (double)sum.tp / (sum.tp + sum.fn) : 1);
	rc_reader_free(rd);
	if (ids)
		for (i = 0; ids[i]; i++)
			free(ids[i]);
	free(ids);
	free(amounts);
	if (pats)
		for (i = 0; pats[i]; i++)
			rc_pattern_free(pats[i]);
	free(pats);
	rc_err_clear(&err);
	return bad;
}
