/*
 * callcheck - the natural-call corpus (tests/lang/calls/{dev,locked}/
 * <scenario>-<n>.script, trainee lines written by people playing each
 * debtor) replayed through the engine: the share of trainee lines each
 * debtor answered with its state's fallback, i.e. did not understand.
 * Run by ctest (bars: --max-all, --max-each) and by `make bench`.
 *
 *   callcheck SCENARIODIR CALLSDIR [--max-all X] [--max-each X] [--verbose]
 *
 * Each script is played with seed 1 from its first line; "/pause" and
 * "/floor N" act as in a call, other commands are skipped, "/end" ends.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "scenario.h"
#include "xmalloc.h"

#define MAXDEBTORS 64

struct debtor {
	char id[128];
	int lines, fallbacks;
};

static int verbose;

static struct debtor *
debtor_of(struct debtor *v, size_t *n, const char *id)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	if (*n == MAXDEBTORS)
		return NULL;
	snprintf(v[*n].id, sizeof v[*n].id, "%s", id);
	return &v[(*n)++];
}

static int
play(const char *scenario_dir, const char *dir, const char *name,
     struct debtor *d)
{
	char path[8192], line[4096];

	if (strlen(scenario_dir) + strlen(d->id) > 4000 ||
	    strlen(dir) + strlen(name) > 4000)
		return 1;
	struct rc_err err = RC_ERR_INIT;
	struct rc_scenario *s;
	struct rc_engine *e;
	FILE *f;

	snprintf(path, sizeof path, "%.4000s/%.127s.json", scenario_dir, d->id);
	if ((s = rc_scenario_load(path, &err)) == NULL) {
		fprintf(stderr, "callcheck: cannot load %s\n", path);
		rc_err_clear(&err);
		return 1;
	}
	rc_err_clear(&err);
	snprintf(path, sizeof path, "%.4000s/%.255s", dir, name);
	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		rc_scenario_free(s);
		return 1;
	}
	e = rc_engine_new(s, 1);
	rc_engine_tracing(e, 0);
	rc_engine_open(e);
	while (fgets(line, sizeof line, f) && !rc_engine_ended(e)) {
		const struct rc_turn *u;

		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
			continue;
		if (line[0] == '/') {
			if (strcmp(line, "/end") == 0)
				break;
			if (strcmp(line, "/pause") == 0)
				rc_engine_pause(e);
			else if (strncmp(line, "/floor ", 7) == 0)
				rc_engine_floor(e, atof(line + 7), 0);
			continue;
		}
		u = rc_engine_say(e, line);
		if (u == NULL)
			break;
		d->lines++;
		if (u->rule && strcmp(u->rule, "fallback") == 0) {
			d->fallbacks++;
			if (verbose)
				printf("  FALLBACK %-24s [%s] %s\n      -> %s\n", name,
				    u->state ? u->state : "?", line, u->text);
		}
	}
	fclose(f);
	rc_engine_free(e);
	rc_scenario_free(s);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	const char *scen = NULL, *calls = NULL;
	double max_all = 1, max_each = 1;
	struct debtor debtors[MAXDEBTORS];
	size_t nd = 0, i, nn = 0;
	char **names;
	int lines = 0, fb = 0, bad = 0;
	DIR *dp;
	struct dirent *de;

	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--verbose") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "--max-all") == 0 && i + 1 < (size_t)argc)
			max_all = atof(argv[++i]);
		else if (strcmp(argv[i], "--max-each") == 0 && i + 1 < (size_t)argc)
			max_each = atof(argv[++i]);
		else if (scen == NULL)
			scen = argv[i];
		else if (calls == NULL)
			calls = argv[i];
		else {
			fprintf(stderr, "callcheck: unexpected '%s'\n", argv[i]);
			return 2;
		}
	}
	if (scen == NULL || calls == NULL) {
		fputs("usage: callcheck SCENARIODIR CALLSDIR [--max-all X] "
		    "[--max-each X] [--verbose]\n", stderr);
		return 2;
	}
	if ((dp = opendir(calls)) == NULL) {
		perror(calls);
		return 2;
	}
	names = rc_xcalloc(1024, sizeof *names);
	while ((de = readdir(dp)) != NULL && nn < 1023) {
		size_t n = strlen(de->d_name);

		if (n > 7 && strcmp(de->d_name + n - 7, ".script") == 0)
			names[nn++] = rc_xstrdup(de->d_name);
	}
	closedir(dp);
	qsort(names, nn, sizeof *names, by_name);
	for (i = 0; i < nn; i++) {
		char id[128];
		char *dash;
		struct debtor *d;

		snprintf(id, sizeof id, "%s", names[i]);
		id[strlen(id) - 7] = '\0';
		if ((dash = strrchr(id, '-')) != NULL)
			*dash = '\0';
		if ((d = debtor_of(debtors, &nd, id)) == NULL || play(scen, calls,
		    names[i], d) != 0)
			bad = 1;
		free(names[i]);
	}
	free(names);
	printf("%-26s %6s %9s %6s\n", "debtor", "lines", "fallback", "share");
	for (i = 0; i < nd; i++) {
		double share = debtors[i].lines ? (double)debtors[i].fallbacks /
		    debtors[i].lines : 0;

		printf("%-26s %6d %9d %5.1f%%%s\n", debtors[i].id, debtors[i].lines,
		    debtors[i].fallbacks, 100 * share, share > max_each ? "  ABOVE" : "");
		lines += debtors[i].lines;
		fb += debtors[i].fallbacks;
		if (share > max_each)
			bad = 1;
	}
	printf("%-26s %6d %9d %5.1f%%%s\n", "all", lines, fb,
	    lines ? 100.0 * fb / lines : 0, lines && (double)fb / lines > max_all ?
	    "  ABOVE" : "");
	if (lines && (double)fb / lines > max_all)
		bad = 1;
	return bad;
}
