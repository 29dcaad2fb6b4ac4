/*
 * datadir.c - the standard data directories (datadir.h).  A binary run
 * from its own build tree reads the source tree, so `make test` and
 * `make play` in a clone use the files being edited; any other binary is
 * installed and follows the XDG base directory spec, then the prefix it
 * was built for.  The answer to "am I in my build tree?" is computed once.
 */
#include "datadir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "buf.h"
#include "xmalloc.h"

#ifndef RECOUP_BUILD_DIR
#define RECOUP_BUILD_DIR ""
#endif
#ifndef RECOUP_SOURCE_DIR
#define RECOUP_SOURCE_DIR "."
#endif
#ifndef RECOUP_DATADIR
#define RECOUP_DATADIR "/usr/local/share"
#endif

/* The executable's directory in BUF, or NULL. */
static char *
exe_dir(char *buf, size_t size)
{
	ssize_t len = readlink("/proc/self/exe", buf, size - 1);
	char *slash;

	if (len <= 0)
		return NULL;
	buf[len] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return buf;
}

const char *
rc_datadir_beside_exe(const char *rel, char *buf, size_t size)
{
	size_t n;

	if (exe_dir(buf, size) == NULL)
		return NULL;
	n = strlen(buf);
	if (n + strlen(rel) + 5 > size)
		return NULL;
	snprintf(buf + n, size - n, "/../%s", rel);
	return buf;
}

static int
same_dir(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
rc_datadir_in_build(void)
{
	static int known, in;
	char dir[PATH_MAX], *slash;

	if (known)
		return in;
	known = 1;
	if (RECOUP_BUILD_DIR[0] == '\0' || exe_dir(dir, sizeof dir) == NULL)
		return in = 0;
	if (same_dir(dir, RECOUP_BUILD_DIR))
		return in = 1;
	/* tests/ and the like, one level down; a staged install
	 * (build/stage/usr/bin) is deeper and counts as installed. */
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		in = same_dir(dir, RECOUP_BUILD_DIR);
	}
	return in;
}

/* Appends BASE/recoup/SUB to LIST (*N entries) unless BASE is relative
 * or the directory is there already. */
static void
add(char ***list, size_t *n, const char *base, size_t len, const char *sub)
{
	struct rc_buf b = RC_BUF_INIT;
	size_t i;

	if (len == 0 || base[0] != '/')
		return;
	rc_buf_add(&b, base, len);
	rc_buf_printf(&b, "/recoup/%s", sub);
	for (i = 0; i < *n; i++)
		if (strcmp((*list)[i], rc_buf_str(&b)) == 0) {
			rc_buf_free(&b);
			return;
		}
	*list = rc_xreallocarray(*list, *n + 2, sizeof **list);
	(*list)[(*n)++] = rc_buf_detach(&b);
	(*list)[*n] = NULL;
}

char **
rc_datadir_path(const char *sub)
{
	const char *home = getenv("XDG_DATA_HOME"), *dirs = getenv("XDG_DATA_DIRS");
	char **list = rc_xcalloc(1, sizeof *list);
	char exe[PATH_MAX], *slash;
	size_t n = 0;

	if (rc_datadir_in_build()) {
		struct rc_buf b = RC_BUF_INIT;

		rc_buf_printf(&b, "%s/%s", RECOUP_SOURCE_DIR, sub);
		list = rc_xreallocarray(list, 2, sizeof *list);
		list[0] = rc_buf_detach(&b);
		list[1] = NULL;
		return list;
	}
	if (home != NULL && home[0] == '/') {
		add(&list, &n, home, strlen(home), sub);
	} else if ((home = getenv("HOME")) != NULL && home[0] == '/') {
		struct rc_buf b = RC_BUF_INIT;

		rc_buf_printf(&b, "%s/.local/share", home);
		add(&list, &n, rc_buf_str(&b), b.len, sub);
		rc_buf_free(&b);
	}
	if (dirs == NULL || dirs[0] == '\0')
		dirs = "/usr/local/share:/usr/share";
	while (*dirs) {
		size_t len = strcspn(dirs, ":");

		add(&list, &n, dirs, len, sub);
		dirs += len;
		if (*dirs == ':')
			dirs++;
	}
	add(&list, &n, RECOUP_DATADIR, strlen(RECOUP_DATADIR), sub);
	/* A relocated tree: PREFIX/bin/recoup beside PREFIX/share. */
	if (exe_dir(exe, sizeof exe) != NULL && (slash = strrchr(exe, '/')) != NULL) {
		struct rc_buf b = RC_BUF_INIT;

		rc_buf_add(&b, exe, (size_t)(slash - exe));
		rc_buf_puts(&b, "/share");
		add(&list, &n, rc_buf_str(&b), b.len, sub);
		rc_buf_free(&b);
	}
	return list;
}

void
rc_datadir_free(char **list)
{
	size_t i;

	for (i = 0; list != NULL && list[i] != NULL; i++)
		free(list[i]);
	free(list);
}

char *
rc_datadir_xdg(const char *var, const char *fallback, const char *leaf)
{
	const char *dir = getenv(var), *home = getenv("HOME");
	struct rc_buf b = RC_BUF_INIT;

	if (dir && *dir == '/')
		rc_buf_printf(&b, "%s/recoup/%s", dir, leaf);
	else if (home && *home)
		rc_buf_printf(&b, "%s/%s/recoup/%s", home, fallback, leaf);
	else
		return NULL;
	return rc_buf_detach(&b);
}
