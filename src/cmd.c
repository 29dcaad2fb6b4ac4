/*
 * cmd.c - the subcommand table and helpers shared by the cmd-*.c files.
 * Everything here may print: it is the program's edge, not the library.
 */
#include "cmd.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "xmalloc.h"

const struct rc_cmd *const rc_cmd_table[] = {
	&rc_cmd_play,
	&rc_cmd_run,
	&rc_cmd_list,
	NULL,
};

const struct rc_cmd *
rc_cmd_find(const char *name)
{
	size_t i;

	for (i = 0; rc_cmd_table[i]; i++)
		if (strcmp(rc_cmd_table[i]->name, name) == 0)
			return rc_cmd_table[i];
	return NULL;
}

void
rc_cmd_error(const char *fmt, ...)
{
	va_list ap;

	fputs("recoup: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
rc_cmd_usage(const struct rc_cmd *cmd, int to_stderr)
{
	if (to_stderr) {
		fprintf(stderr, "usage: recoup %s\n", cmd->usage);
		fprintf(stderr, "Try 'recoup %s --help' for more.\n", cmd->name);
		return RC_EXIT_USAGE;
	}
	printf("usage: recoup %s\n\n%s\n", cmd->usage, cmd->summary);
	if (cmd->help)
		printf("\n%s", cmd->help);
	return RC_EXIT_OK;
}

void
rc_cmd_print_err(const struct rc_err *err)
{
	size_t i;

	for (i = 0; i < err->n; i++)
		fprintf(stderr, "recoup: %s%s\n",
		    err->v[i].severity == RC_WARNING ? "warning: " : "", err->v[i].msg);
}

const char *const *
rc_cmd_scenario_dirs(const char *dir)
{
	static const char *dirs[6];
	static char beside[PATH_MAX];
	size_t n = 0;
	const char *env = getenv("RECOUP_SCENARIOS");
	ssize_t len;

	if (dir && *dir)
		dirs[n++] = dir;
	if (env && *env)
		dirs[n++] = env;
	/* scenarios/ next to the build: the executable lives in build/. */
	len = readlink("/proc/self/exe", beside, sizeof beside - 32);
	if (len > 0) {
		char *slash;

		beside[len] = '\0';
		if ((slash = strrchr(beside, '/')) != NULL) {
			strcpy(slash, "/../scenarios");
			dirs[n++] = beside;
		}
	}
	dirs[n++] = RECOUP_SOURCE_SCENARIOS;
	dirs[n++] = RECOUP_DATA_SCENARIOS;
	dirs[n] = NULL;
	return dirs;
}

struct rc_scenario *
rc_cmd_load_scenario(const char *arg, const char *dir)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_scenario *s;
	char *path = rc_scenario_find(arg, rc_cmd_scenario_dirs(dir));

	if (path == NULL) {
		rc_cmd_error("no scenario '%s' (try 'recoup list')", arg);
		return NULL;
	}
	s = rc_scenario_load(path, &err);
	rc_cmd_print_err(&err);
	rc_err_clear(&err);
	free(path);
	return s;
}

struct rc_rubric *
rc_cmd_load_rubric(const char *dir)
{
	static char beside[PATH_MAX];
	const char *env = getenv("RECOUP_RUBRIC");
	const char *tries[5];
	struct rc_err err = RC_ERR_INIT;
	struct rc_rubric *r;
	struct stat st;
	size_t n = 0, i;
	ssize_t len;

	if (dir && *dir) {
		tries[n++] = dir;
	} else {
		if (env && *env)
			tries[n++] = env;
		len = readlink("/proc/self/exe", beside, sizeof beside - 32);
		if (len > 0) {
			char *slash;

			beside[len] = '\0';
			if ((slash = strrchr(beside, '/')) != NULL) {
				strcpy(slash, "/../scoring");
				tries[n++] = beside;
			}
		}
		tries[n++] = RECOUP_SOURCE_SCORING;
		tries[n++] = RECOUP_DATA_SCORING;
	}
	for (i = 0; i < n; i++) {
		struct rc_buf p = RC_BUF_INIT;
		int found;

		rc_buf_printf(&p, "%s/rubric.json", tries[i]);
		found = stat(rc_buf_str(&p), &st) == 0;
		rc_buf_free(&p);
		if (found || i + 1 == n)
			break;
	}
	r = rc_rubric_load(tries[i < n ? i : n - 1], &err);
	rc_cmd_print_err(&err);
	rc_err_clear(&err);
	return r;
}

int
rc_cmd_parse_seed(const char *text, uint64_t *seed)
{
	char *end;
	unsigned long long v;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*seed = (uint64_t)v;
	return 0;
}

uint64_t
rc_cmd_new_seed(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
	    (uint64_t)getpid() * 2654435761u) % 1000000u;
}

int
rc_cmd_color(int fd)
{
	const char *nc = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (nc != NULL && *nc != '\0')
		return 0;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fd);
}
