/*
 * sumcheck - every agreement in a call restates its schedule, to the cent.
 *
 *   sumcheck FILE...
 *
 * Each FILE is the output of `recoup run --format json` (or `recoup show
 * --format json`).  For every turn carrying an "agreement" event, checks
 * that the schedule's payments add up to its total to the cent, that the
 * turn's text (the debtor's restatement) contains the terms in words, and,
 * when it names a sum "in all", that the sum is the total; and that the
 * outcome's agreement is the last one booked.  Prints one line per
 * problem and a summary; exit 1 on a problem, 2 when a file cannot be
 * read.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

static int problems, agreements;

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (cap - n < 4096) {
			char *p = realloc(buf, cap = cap * 2 + 8192);

			if (p == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static long long
cents(const cJSON *v)
{
	return cJSON_IsNumber(v) ? llround(v->valuedouble * 100) : -1;
}

static void
problem(const char *path, int turn, const char *what)
{
	problems++;
	printf("%s: turn %d: %s\n", path, turn, what);
}

/* The money figure just before " in all" in TEXT, in cents; -1 if none. */
static long long
in_all(const char *text)
{
	const char *p = strstr(text, " in all"), *q;
	long long v = 0, frac = 0;
	int digits = 0, fd = 0;

	if (p == NULL)
		return -1;
	for (q = p; q > text && (q[-1] == ',' || q[-1] == '.' ||
	    (q[-1] >= '0' && q[-1] <= '9')); q--)
		;
	for (; q < p; q++) {
		if (*q >= '0' && *q <= '9') {
			if (fd > 0) {
				frac = frac * 10 + (*q - '0');
				fd++;
			} else {
				v = v * 10 + (*q - '0');
			}
			digits++;
		} else if (*q == '.') {
			fd = 1;
		}
	}
	if (digits == 0)
		return -1;
	if (fd == 2)
		frac *= 10;
	return v * 100 + frac;
}

/* Checks terms T said in turn TURN (text TEXT, may be NULL). */
static void
check_terms(const char *path, int turn, const cJSON *t, const char *text)
{
	const cJSON *sched = cJSON_GetObjectItemCaseSensitive(t, "schedule"), *p;
	const cJSON *words = cJSON_GetObjectItemCaseSensitive(t, "text");
	long long sum = 0, total = cents(cJSON_GetObjectItemCaseSensitive(t, "total"));
	char msg[512];

	if (!cJSON_IsArray(sched) || cJSON_GetArraySize(sched) == 0) {
		problem(path, turn, "agreement without a schedule");
		return;
	}
	cJSON_ArrayForEach(p, sched)
		sum += cents(cJSON_GetObjectItemCaseSensitive(p, "amount"));
	if (sum != total) {
		snprintf(msg, sizeof msg, "payments add up to %lld cents, total says %lld",
		    sum, total);
		problem(path, turn, msg);
	}
	if (text == NULL)
		return;
	if (!cJSON_IsString(words) || strstr(text, words->valuestring) == NULL) {
		snprintf(msg, sizeof msg, "the debtor does not restate the terms "
		    "(\"%.200s\" not in \"%.200s\")", cJSON_IsString(words) ?
		    words->valuestring : "?", text);
		problem(path, turn, msg);
	}
	if (in_all(text) >= 0 && in_all(text) != total) {
		snprintf(msg, sizeof msg, "the restatement's sum is %lld cents, the "
		    "total %lld", in_all(text), total);
		problem(path, turn, msg);
	}
}

static int
check_file(const char *path)
{
	char *buf = slurp(path);
	cJSON *root, *turn;
	const cJSON *last = NULL, *out;
	int lastturn = 0;

	if (buf == NULL || (root = cJSON_Parse(buf)) == NULL) {
		fprintf(stderr, "sumcheck: cannot read '%s' as JSON\n", path);
		free(buf);
		return 2;
	}
	free(buf);
	cJSON_ArrayForEach(turn, cJSON_GetObjectItemCaseSensitive(root, "turns")) {
		const cJSON *ev, *text = cJSON_GetObjectItemCaseSensitive(turn, "text");
		int n = (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(turn,
		    "turn"));

		cJSON_ArrayForEach(ev, cJSON_GetObjectItemCaseSensitive(turn, "events")) {
			const cJSON *type = cJSON_GetObjectItemCaseSensitive(ev, "type");
			const cJSON *t = cJSON_GetObjectItemCaseSensitive(ev, "terms");

			if (!cJSON_IsString(type) || strcmp(type->valuestring,
			    "agreement") != 0)
				continue;
			agreements++;
			if (!cJSON_IsObject(t)) {
				problem(path, n, "agreement event without terms");
				continue;
			}
			check_terms(path, n, t, cJSON_IsString(text) ?
			    text->valuestring : NULL);
			last = t;
			lastturn = n;
		}
		/* A dispute reopens the bargain: nothing booked until agreed again. */
		cJSON_ArrayForEach(ev, cJSON_GetObjectItemCaseSensitive(turn, "events")) {
			const cJSON *type = cJSON_GetObjectItemCaseSensitive(ev, "type");

			if (cJSON_IsString(type) && strcmp(type->valuestring,
			    "agreement-reopened") == 0)
				last = NULL;
		}
	}
	out = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root,
	    "outcome"), "agreement");
	if (last != NULL && !cJSON_Compare(last, out, 1))
		problem(path, lastturn, "the outcome's agreement is not the last one "
		    "booked");
	if (last == NULL && out != NULL && !cJSON_IsNull(out))
		problem(path, 0, "the outcome has an agreement no turn booked");
	cJSON_Delete(root);
	return 0;
}

int
main(int argc, char **argv)
{
	int i, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: sumcheck FILE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++)
		if (check_file(argv[i]) != 0)
			rc = 2;
	printf("%d agreements, %d problems\n", agreements, problems);
	return rc ? rc : problems > 0;
}
