/*
 * jsonget.c - a test helper for the end-to-end scripts, which must not
 * depend on jq or python: prints values picked out of JSON output.
 *
 *   jsonget FILE PATH [FIELD...]
 *
 * FILE holds one or more JSON values one after another (one object over
 * several lines, or JSON Lines).  PATH is a dot-separated list of object
 * keys, "*" standing for every element of an array (or member of an
 * object), "." for the value itself.  For each value PATH reaches, prints
 * one line: the FIELDs of it separated by tabs, or with no FIELD the value
 * itself.  Strings print raw, other values as compact JSON; a missing
 * value prints as "-".  Exit status: 0, or 2 when FILE cannot be read or
 * is not JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

static void
put_value(const cJSON *v)
{
	char *s;

	if (v == NULL) {
		fputs("-", stdout);
	} else if (cJSON_IsString(v)) {
		fputs(v->valuestring, stdout);
	} else {
		s = cJSON_PrintUnformatted(v);
		fputs(s ? s : "?", stdout);
		free(s);
	}
}

/* Walks PATH (modified in place) from V and prints what it reaches. */
static void
walk(const cJSON *v, char *path, int nfields, char **fields)
{
	char *dot, *key = path, *rest;
	const cJSON *e;
	int i;

	if (v == NULL)
		return;
	while (*key == '.')
		key++;
	if (*key == '\0') {
		for (i = 0; i < nfields; i++) {
			if (i > 0)
				putchar('\t');
			put_value(cJSON_GetObjectItemCaseSensitive(v, fields[i]));
		}
		if (nfields == 0)
			put_value(v);
		putchar('\n');
		return;
	}
	dot = strchr(key, '.');
	if (dot != NULL)
		*dot = '\0';
	rest = dot ? dot + 1 : key + strlen(key);
	if (strcmp(key, "*") == 0) {
		cJSON_ArrayForEach(e, v) {
			walk(e, rest, nfields, fields);
		}
	} else {
		walk(cJSON_GetObjectItemCaseSensitive(v, key), rest, nfields, fields);
	}
	if (dot != NULL)
		*dot = '.';
}

int
main(int argc, char **argv)
{
	FILE *f;
	char *text = NULL, *path;
	size_t len = 0, cap = 0, n;
	const char *p, *end;

	if (argc < 3) {
		fputs("usage: jsonget FILE PATH [FIELD...]\n", stderr);
		return 2;
	}
	if ((f = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 2;
	}
	do {
		if (len + 4096 + 1 > cap) {
			cap = (len + 4096 + 1) * 2;
			if ((text = realloc(text, cap)) == NULL) {
				fputs("jsonget: out of memory\n", stderr);
				return 2;
			}
		}
		n = fread(text + len, 1, 4096, f);
		len += n;
	} while (n > 0);
	fclose(f);
	text[len] = '\0';
	path = malloc(strlen(argv[2]) + 1);
	if (path == NULL)
		return 2;
	for (p = text; ; p = end) {
		cJSON *root;

		p += strspn(p, " \t\r\n");
		if (*p == '\0')
			break;
		root = cJSON_ParseWithOpts(p, &end, 0);
		if (root == NULL) {
			fprintf(stderr, "jsonget: %s: invalid JSON at byte %ld\n", argv[1],
			    (long)(end - text));
			free(path);
			free(text);
			return 2;
		}
		strcpy(path, argv[2]);
		walk(root, path, argc - 3, argv + 3);
		cJSON_Delete(root);
	}
	free(path);
	free(text);
	return 0;
}
