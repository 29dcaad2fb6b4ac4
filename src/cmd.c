/*
 * cmd.c - the subcommand table and helpers shared by the cmd-*.c files.
 * Everything here may print: it is the program's edge, not the library.
 */
#include "cmd.h"
#include "lexicon.h"
#include "match.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "datadir.h"
#include "legal.h"
#include "utf8.h"
#include "safe.h"
#include "wrap.h"
#include "xmalloc.h"

const struct rc_cmd *const rc_cmd_table[] = {
	&rc_cmd_play,
	&rc_cmd_run,
	&rc_cmd_list,
	&rc_cmd_lint,
	&rc_cmd_test,
	&rc_cmd_graph,
	&rc_cmd_score,
	&rc_cmd_drill,
	&rc_cmd_history,
	&rc_cmd_show,
	&rc_cmd_compare,
	&rc_cmd_leaderboard,
	&rc_cmd_report,
	&rc_cmd_export,
	&rc_cmd_rescore,
	&rc_cmd_understand,
	&rc_cmd_calibrate,
	&rc_cmd_review,
	&rc_cmd_config,
	&rc_cmd_db,
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

/* The reason the first write to standard output failed (0: none yet):
 * stdio drops it once the buffer is discarded, so it is kept here. */
static int out_errno;

static void
out_check(int failed)
{
	if (failed && out_errno == 0)
		out_errno = errno != 0 ? errno : EIO;
}

/* The width of the terminal on FD now (it may have been resized since the
 * last write), or 0 when FD is not a terminal. */
static size_t
term_width(int fd)
{
	struct winsize ws;

	if (fd < 0 || ioctl(fd, TIOCGWINSZ, &ws) != 0)
		return 0;
	return ws.ws_col;
}

/* rc_cmd_write(), wrapped to the terminal's width when WRAP is set and F
 * is a terminal. */
static int
write_text(FILE *f, const char *s, int wrap)
{
	struct rc_buf b = RC_BUF_INIT, w = RC_BUF_INIT;
	unsigned flags = RC_SAFE_LINES;
	size_t width = wrap ? term_width(fileno(f)) : 0;
	int rc;

	/* A message must land after what was printed before it, also when
	 * both streams go to one file (stdout is buffered, stderr is not). */
	if (f == stderr)
		rc_cmd_flush();
	if (rc_cmd_color(fileno(f)))
		flags |= RC_SAFE_COLOR;
	rc_safe_puts(&b, s, flags);
	if (width > 0)
		rc_wrap(&w, rc_buf_str(&b), width);
	errno = 0;
	rc = fputs(rc_buf_str(width > 0 ? &w : &b), f) < 0 ? -1 : 0;
	if (f == stdout)
		out_check(rc != 0);
	rc_buf_free(&b);
	rc_buf_free(&w);
	return rc;
}

int
rc_cmd_write(FILE *f, const char *s)
{
	return write_text(f, s, 0);
}

void
rc_cmd_out_text(const char *s)
{
	write_text(stdout, s, 1);
}

/* rc_cmd_write() of FMT formatted with AP. */
static void vwrite(FILE *f, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static void
vwrite(FILE *f, const char *fmt, va_list ap)
{
	struct rc_buf b = RC_BUF_INIT;

	rc_buf_vprintf(&b, fmt, ap);
	rc_cmd_write(f, rc_buf_str(&b));
	rc_buf_free(&b);
}

void
rc_cmd_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwrite(f, fmt, ap);
	va_end(ap);
}

void
rc_cmd_out(const char *s)
{
	rc_cmd_write(stdout, s);
}

void
rc_cmd_outf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwrite(stdout, fmt, ap);
	va_end(ap);
}

int
rc_cmd_flush(void)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	out_check(1);
	return -1;
}

int
rc_cmd_close_stdout(int rc)
{
	int bad = rc_cmd_flush() != 0;

	errno = 0;
	/* Closing is where a file system that defers errors reports them;
	 * a standard output that was never open (>&-) and got nothing is
	 * no error. */
	if (fclose(stdout) != 0 && !(errno == EBADF && !bad)) {
		bad = 1;
		out_check(1);
	}
	if (!bad)
		return rc;
	fprintf(stderr, "recoup: write error: %s\n", strerror(out_errno));
	return rc != RC_EXIT_OK ? rc : RC_EXIT_FAIL;
}

int
rc_cmd_parse_at(const char *value, struct rc_clock *clock)
{
	if (rc_clock_parse(value, clock))
		return 0;
	rc_cmd_error("invalid time '%s': expected \"YYYY-MM-DD HH:MM\" in the "
	    "debtor's time zone", value);
	return -1;
}

int
rc_cmd_check_name(const char *option, const char *value)
{
	struct rc_buf shown = RC_BUF_INIT;

	if (rc_utf8_valid(value))
		return 0;
	rc_utf8_repair(&shown, value, strlen(value));
	rc_cmd_error("invalid %s '%s': not valid UTF-8", option, rc_buf_str(&shown));
	rc_buf_free(&shown);
	return -1;
}

void
rc_cmd_error(const char *fmt, ...)
{
	struct rc_buf b = RC_BUF_INIT;
	va_list ap;

	rc_buf_puts(&b, "recoup: ");
	va_start(ap, fmt);
	rc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	rc_buf_putc(&b, '\n');
	rc_cmd_write(stderr, rc_buf_str(&b));
	rc_buf_free(&b);
}

int
rc_cmd_usage(const struct rc_cmd *cmd, int to_stderr)
{
	if (to_stderr) {
		fprintf(stderr, "usage: recoup %s\n", cmd->usage);
		fprintf(stderr, "Try 'recoup %s --help' for more.\n", cmd->name);
		return RC_EXIT_USAGE;
	}
	rc_cmd_outf("usage: recoup %s\n\n%s\n", cmd->usage, cmd->summary);
	if (cmd->help)
		rc_cmd_outf("\n%s", cmd->help);
	return RC_EXIT_OK;
}

void
rc_cmd_print_err(const struct rc_err *err)
{
	size_t i;

	for (i = 0; i < err->n; i++)
		rc_cmd_printf(stderr, "recoup: %s%s\n",
		    err->v[i].severity == RC_WARNING ? "warning: " : "", err->v[i].msg);
}

const char *const *
rc_cmd_scenario_dirs(const char *dir)
{
	/* Rebuilt on each call; the last list lives until exit. */
	static const char **dirs;
	static char **std;
	static char beside[PATH_MAX];
	size_t n = 0, i;
	const char *env = getenv("RECOUP_SCENARIOS");

	rc_datadir_free(std);
	std = rc_datadir_path("scenarios");
	for (i = 0; std[i]; i++)
		;
	dirs = rc_xreallocarray(dirs, i + 4, sizeof *dirs);
	if (dir && *dir)
		dirs[n++] = dir;
	if (env && *env)
		dirs[n++] = env;
	/* The build tree as before: scenarios/ beside the build directory
	 * (build/../scenarios), then the source tree's. */
	if (rc_datadir_in_build() &&
	    rc_datadir_beside_exe("scenarios", beside, sizeof beside) != NULL)
		dirs[n++] = beside;
	for (i = 0; std[i]; i++)
		dirs[n++] = std[i];
	dirs[n] = NULL;
	return dirs;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_plan_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 10 && strcmp(name + n - 10, ".plan.json") == 0;
}

static int
is_scenario_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0 &&
	    !is_plan_name(name);
}

char *
rc_cmd_short_path(char *path)
{
	char cwd[PATH_MAX], *slash = strrchr(path, '/'), *dir, *real;
	struct rc_buf b = RC_BUF_INIT;
	size_t n;

	/* The directory must exist; the file itself need not. */
	if (slash == NULL)
		return path;
	dir = rc_xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	real = realpath(dir, NULL);
	free(dir);
	if (real == NULL || getcwd(cwd, sizeof cwd) == NULL ||
	    (n = strlen(cwd)) == 0) {
		free(real);
		return path;
	}
	if (strcmp(real, cwd) == 0)
		rc_buf_puts(&b, slash + 1);
	else if (strncmp(real, cwd, n) == 0 && real[n] == '/')
		rc_buf_printf(&b, "%s/%s", real + n + 1, slash + 1);
	else
		rc_buf_printf(&b, "%s/%s", strcmp(real, "/") ? real : "", slash + 1);
	free(real);
	if (b.len == 0)
		return path;
	free(path);
	return rc_buf_detach(&b);
}

/* Adds the scenario files of DIR to LIST (*N entries), skipping names
 * already there.  Returns -1 when DIR cannot be read. */
static int
add_dir(const char *dir, int plans, char ***list, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	size_t i;

	if (d == NULL)
		return -1;
	while ((ent = readdir(d)) != NULL) {
		struct rc_buf path = RC_BUF_INIT;

		if (!is_scenario_name(ent->d_name) && !(plans && is_plan_name(ent->d_name)))
			continue;
		for (i = 0; i < *n; i++) {
			const char *slash = strrchr((*list)[i], '/');

			if (strcmp(slash ? slash + 1 : (*list)[i], ent->d_name) == 0)
				break;
		}
		if (i < *n)
			continue;
		rc_buf_printf(&path, "%s/%s", dir, ent->d_name);
		*list = rc_xreallocarray(*list, *n + 2, sizeof **list);
		(*list)[(*n)++] = rc_cmd_short_path(rc_buf_detach(&path));
	}
	closedir(d);
	return 0;
}

static int
by_base(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	const char *sx = strrchr(x, '/'), *sy = strrchr(y, '/');

	return strcmp(sx ? sx + 1 : x, sy ? sy + 1 : y);
}

char **
rc_cmd_scenario_files(const char *dir)
{
	const char *const *dirs;
	char **list = NULL;
	size_t n = 0;

	for (dirs = rc_cmd_scenario_dirs(dir); *dirs; dirs++)
		add_dir(*dirs, 0, &list, &n);
	if (list == NULL)
		list = rc_xcalloc(1, sizeof *list);
	else
		qsort(list, n, sizeof *list, by_base);
	list[n] = NULL;
	return list;
}

char **
rc_cmd_dir_scenarios(const char *dir)
{
	return rc_cmd_dir_files(dir, 0);
}

char **
rc_cmd_dir_files(const char *dir, int plans)
{
	char **list = NULL;
	size_t n = 0;

	if (add_dir(dir, plans, &list, &n) < 0) {
		free(list);
		return NULL;
	}
	if (list == NULL)
		list = rc_xcalloc(1, sizeof *list);
	else
		qsort(list, n, sizeof *list, by_name);
	list[n] = NULL;
	return list;
}

void
rc_cmd_free_list(char **list)
{
	size_t i;

	for (i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
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
	/* Now, not at exit: a long interactive call may be killed. */
	rc_pattern_cache_save();
	rc_lexicon_cache_save();
	return s;
}

struct rc_rubric *
rc_cmd_load_rubric(const char *dir)
{
	static char beside[PATH_MAX];
	const char *env = getenv("RECOUP_RUBRIC");
	char **std = rc_datadir_path("scoring");
	const char **tries;
	struct rc_err err = RC_ERR_INIT;
	struct rc_rubric *r;
	struct stat st;
	size_t n = 0, i;

	for (i = 0; std[i]; i++)
		;
	tries = rc_xcalloc(i + 3, sizeof *tries);
	if (dir && *dir) {
		tries[n++] = dir;
	} else {
		if (env && *env)
			tries[n++] = env;
		if (rc_datadir_in_build() &&
		    rc_datadir_beside_exe("scoring", beside, sizeof beside) != NULL)
			tries[n++] = beside;
		for (i = 0; std[i]; i++)
			tries[n++] = std[i];
	}
	/* The first directory with a rubric.json; when none has one, the
	 * last, so that the message names where it was expected. */
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
	free(tries);
	rc_datadir_free(std);
	return r;
}

int
rc_cmd_parse_format(const char *text, int *json)
{
	if (strcmp(text, "json") == 0 || strcmp(text, "text") == 0) {
		*json = text[0] == 'j';
		return 0;
	}
	rc_cmd_error("unknown format '%s': expected text or json", text);
	return -1;
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

/* The config file of this process: loaded once, by rc_cmd_config_file(). */
static struct rc_config *config;
static int config_quiet, config_refused;

void
rc_cmd_config_quiet(void)
{
	config_quiet = 1;
}

int
rc_cmd_config_refused(void)
{
	rc_cmd_config_file();
	return config_refused;
}

struct rc_config *
rc_cmd_config_file(void)
{
	struct rc_err err = RC_ERR_INIT;
	char *path;
	size_t i;

	if (config != NULL)
		return config;
	/* Set before anything is printed: printing asks for the colour
	 * setting, which comes back here. */
	config = rc_config_new();
	if ((path = rc_config_path()) == NULL)
		return config;
	if (rc_config_load(config, path, RC_WARNING, &err) < 0)
		config_refused = 1;
	for (i = 0; !config_quiet && i < err.n; i++)
		rc_cmd_error("warning: %s%s", err.v[i].msg, err.v[i].severity ==
		    RC_WARNING ? " (line ignored)" : "");
	rc_err_clear(&err);
	free(path);
	return config;
}

const char *
rc_cmd_setting(enum rc_config_key key, const char *flag)
{
	/* A bad environment value is said once, not at every write. */
	static int warned[RC_CONFIG_NKEYS];
	struct rc_err err = RC_ERR_INIT;
	const char *v;

	v = rc_config_resolve(rc_cmd_config_file(), key, flag, NULL,
	    warned[key] ? NULL : &err);
	if (err.n > 0) {
		warned[key] = 1;
		rc_cmd_print_err(&err);
	}
	rc_err_clear(&err);
	return v;
}

int
rc_cmd_color(int fd)
{
	const char *mode = rc_cmd_setting(RC_CONFIG_COLOUR, NULL);
	const char *term = getenv("TERM");

	if (mode != NULL && strcmp(mode, "never") == 0)
		return 0;
	if (mode != NULL && strcmp(mode, "always") == 0)
		return 1;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fd);
}
