/*
 * cache.c - where caches live and how they are written.  Invariants: a
 * cache file is only ever replaced whole (rc_file_replace(): mkstemp
 * beside it, then rename), so a reader sees the old file or the new one,
 * never half of one; nothing here fails loudly, since losing a cache only costs time.
 */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "xmalloc.h"

static int state;       /* 0 not decided yet, 1 on, -1 off */

int
rc_cache_enabled(void)
{
	if (state == 0) {
		const char *v = getenv("RECOUP_PATTERN_CACHE");

		state = v != NULL && strcmp(v, "off") == 0 ? -1 : 1;
	}
	return state == 1;
}

void
rc_cache_off(void)
{
	state = -1;
}

int
rc_cache_path(char *buf, size_t size, const char *name)
{
	const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	const char *sep = name != NULL ? "/" : "", *file = name != NULL ? name : "";
	int n;

	if (x != NULL && *x == '/')
		n = snprintf(buf, size, "%s/recoup%s%s", x, sep, file);
	else if (home != NULL && *home == '/')
		n = snprintf(buf, size, "%s/.cache/recoup%s%s", home, sep, file);
	else
		return 0;
	return n > 0 && (size_t)n < size;
}

int
rc_cache_write(const char *name, const void *data, size_t n)
{
	struct rc_err err = RC_ERR_INIT;
	char dir[4096], path[4096];
	size_t i;

	if (!rc_cache_path(dir, sizeof dir, NULL) ||
	    !rc_cache_path(path, sizeof path, name))
		return -1;
	/* Missing parents (~/.cache) are made as well. */
	for (i = 1; dir[i]; i++)
		if (dir[i] == '/') {
			dir[i] = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				return -1;
			dir[i] = '/';
		}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	if (rc_file_replace(path, data, n, 0600, NULL, &err) != 0) {
		rc_err_clear(&err);
		return -1;
	}
	return 0;
}

struct aged {
	char *name;
	long long mtime;
};

static int
by_age(const void *a, const void *b)
{
	const struct aged *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime < y->mtime ? 1 : -1;     /* newest first */
	return strcmp(x->name, y->name);
}

void
rc_cache_prune(const char *prefix, size_t keep)
{
	char dir[4096], path[4096 + 256];
	struct aged *v = NULL;
	struct dirent *e;
	size_t n = 0, i;
	DIR *d;

	if (!rc_cache_path(dir, sizeof dir, NULL) || (d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
		    strchr(e->d_name, '.') != NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0)
			continue;
		v = rc_xreallocarray(v, n + 1, sizeof *v);
		v[n].name = rc_xstrdup(e->d_name);
		v[n].mtime = (long long)st.st_mtime;
		n++;
	}
	closedir(d);
	if (n > keep)
		qsort(v, n, sizeof *v, by_age);
	for (i = 0; i < n; i++) {
		if (i >= keep) {
			snprintf(path, sizeof path, "%s/%s", dir, v[i].name);
			unlink(path);
		}
		free(v[i].name);
	}
	free(v);
}
