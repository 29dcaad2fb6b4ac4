/*
 * cmd.h - the subcommand table and what the subcommands share: finding and
 * loading scenarios, parsing seeds, printing messages.  One file per
 * subcommand (cmd-<name>.c) exports one struct rc_cmd.
 */
#ifndef RC_CMD_H
#define RC_CMD_H

#include <stdint.h>
#include <stdio.h>

#include "config.h"
#include "err.h"
#include "rubric.h"
#include "scenario.h"

struct rc_cmd {
	const char *name;
	const char *usage;        /* after "recoup " */
	const char *summary;      /* one line for `recoup --help` */
	const char *help;         /* the options, for `recoup NAME --help` */
	int (*exec)(int argc, char **argv);
};

extern const struct rc_cmd rc_cmd_list;
extern const struct rc_cmd rc_cmd_play;
extern const struct rc_cmd rc_cmd_run;
extern const struct rc_cmd rc_cmd_lint;
extern const struct rc_cmd rc_cmd_test;
extern const struct rc_cmd rc_cmd_graph;
extern const struct rc_cmd rc_cmd_score;
extern const struct rc_cmd rc_cmd_drill;
extern const struct rc_cmd rc_cmd_history;
extern const struct rc_cmd rc_cmd_show;
extern const struct rc_cmd rc_cmd_compare;
extern const struct rc_cmd rc_cmd_leaderboard;
extern const struct rc_cmd rc_cmd_report;
extern const struct rc_cmd rc_cmd_export;
extern const struct rc_cmd rc_cmd_rescore;
extern const struct rc_cmd rc_cmd_understand;
extern const struct rc_cmd rc_cmd_calibrate;
extern const struct rc_cmd rc_cmd_review;
extern const struct rc_cmd rc_cmd_config;
extern const struct rc_cmd rc_cmd_db;

/* NULL-terminated. */
extern const struct rc_cmd *const rc_cmd_table[];

const struct rc_cmd *rc_cmd_find(const char *name);

/* Exit codes. */
enum { RC_EXIT_OK = 0, RC_EXIT_FAIL = 1, RC_EXIT_USAGE = 2 };

/* The program's one way to the terminal for text: writes S to F through
 * the output filter (safe.h: controls, DEL, C1 and escape sequences from
 * files, scripts and the database rendered visibly; recoup's own colour
 * codes kept when colour is on for F).  0, or -1 when the write failed.
 * Standard output is flushed before anything is written to standard
 * error, so the two keep their order in one file. */
int rc_cmd_write(FILE *f, const char *s);
/* rc_cmd_write() of a formatted string. */
void rc_cmd_printf(FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Standard output: every command writes it through these (rc_cmd_write()
 * to stdout), which keep the reason of the first failed write for
 * rc_cmd_close_stdout(). */
void rc_cmd_out(const char *s);
/* rc_cmd_out() of text for people (a call, a case file, a scorecard):
 * when standard output is a terminal, every line is word-wrapped to its
 * width at the time of the write (wrap.h; read again each time, so a
 * resize counts), the write taken to start at column 0.  Piped output and
 * machine formats (JSON, CSV, DOT: written with rc_cmd_out()) are never
 * wrapped. */
void rc_cmd_out_text(const char *s);
void rc_cmd_outf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* fflush(stdout): 0, or -1 when a write failed (now or before). */
int rc_cmd_flush(void);
/* At exit, like gnulib's close_stdout: flushes and closes standard
 * output; when any write to it failed, prints "recoup: write error: why"
 * and returns RC_EXIT_FAIL (RC itself when RC is already a failure). */
int rc_cmd_close_stdout(int rc);

/* A name given on the command line (--trainee, --cohort) is kept and
 * put in JSON and HTML: 0 when VALUE is valid UTF-8, else prints
 * "recoup: invalid OPTION 'VALUE': not valid UTF-8" (bad bytes shown as
 * U+FFFD) and returns -1 (the caller exits 2). */
int rc_cmd_check_name(const char *option, const char *value);

struct rc_clock;
/* --at VALUE ("YYYY-MM-DD HH:MM", the debtor's local time) into *CLOCK:
 * 0, or prints why it is not a time and returns -1 (the caller exits 2). */
int rc_cmd_parse_at(const char *value, struct rc_clock *clock);

/* "recoup: <message>" on stderr, through the output filter. */
void rc_cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints CMD's usage and help to stdout (exit 0) or, when TO_STDERR, a
 * one-line hint to stderr; returns the exit code to use. */
int rc_cmd_usage(const struct rc_cmd *cmd, int to_stderr);
/* Prints every diagnostic in ERR as "recoup: ..." (warnings marked). */
void rc_cmd_print_err(const struct rc_err *err);

/* The scenario search path: DIR (from --scenarios, may be NULL), then
 * $RECOUP_SCENARIOS, then, from a build tree, scenarios/ beside the build
 * directory and the source tree's; installed, the standard data
 * directories (datadir.h: $XDG_DATA_HOME/recoup/scenarios, each of
 * $XDG_DATA_DIRS, the install prefix's).  Returns a NULL-terminated list
 * that stays valid until the next call. */
const char *const *rc_cmd_scenario_dirs(const char *dir);

/* The scenario files on the scenario path (see rc_cmd_scenario_dirs()),
 * sorted by name; a name found in two directories is taken from the first,
 * as an id would be; test plans (*.plan.json) are left out.  Returns a
 * NULL-terminated list of paths; free it with rc_cmd_free_list(). */
char **rc_cmd_scenario_files(const char *dir);
/* The same for the files in directory DIR alone (NULL when it cannot be
 * read). */
char **rc_cmd_dir_scenarios(const char *dir);
/* The same with the test plans of DIR too when PLANS. */
char **rc_cmd_dir_files(const char *dir, int plans);
void rc_cmd_free_list(char **list);

/* PATH as a path relative to the working directory when the file is below
 * it, else as an absolute path without "..", so that messages stay short
 * and clickable.  Takes PATH (allocated) and returns an allocated path;
 * the caller frees it. */
char *rc_cmd_short_path(char *path);

/* Finds and loads scenario ARG (an id or a path); on failure prints why
 * and returns NULL. */
struct rc_scenario *rc_cmd_load_scenario(const char *arg, const char *dir);

/* Loads the rubric from DIR (--rubric; may be NULL), else $RECOUP_RUBRIC,
 * else the first of scoring/ beside the build and the standard data
 * directories (datadir.h) that holds a rubric.json.  On failure prints
 * why and returns NULL. */
struct rc_rubric *rc_cmd_load_rubric(const char *dir);

/* Parses --format's value for the commands that print text or JSON:
 * *JSON set to 1 for "json", 0 for "text"; anything else is reported
 * and gives -1 (the caller exits with RC_EXIT_USAGE). */
int rc_cmd_parse_format(const char *text, int *json);

/* Parses a seed ("0" .. "18446744073709551615"); 0 on success. */
int rc_cmd_parse_seed(const char *text, uint64_t *seed);

/* A fresh seed for an interactive call, small enough to read out. */
uint64_t rc_cmd_new_seed(void);

/* 1 when colour may be used on stream FD: the colour setting
 * (rc_cmd_setting(): $RECOUP_COLOUR, then NO_COLOR, then the config
 * file) when it is always or never, else (auto) when FD is a terminal and
 * TERM is not dumb. */
int rc_cmd_color(int fd);

/* The user's config file (config.h), read once per process the first
 * time a setting is needed.  Its bad lines and a file that cannot be
 * read are said once as warnings and ignored, so a broken config never
 * locks anyone out, unless rc_cmd_config_quiet() was called first (the
 * `config` command reads the file itself and reports them as errors).
 * Never NULL. */
struct rc_config *rc_cmd_config_file(void);
void rc_cmd_config_quiet(void);
/* 1 when the config file is there but could not be read (a link, not a
 * regular file): it must not be written over either. */
int rc_cmd_config_refused(void);

/* KEY's effective value in the one order every command follows: FLAG
 * (the command-line option; NULL or "" when not given), then the
 * environment (config.h), then the config file; NULL when none sets it
 * (the caller's default).  A bad environment value is said once and
 * passed over.  The result lives until the process ends or the config
 * changes. */
const char *rc_cmd_setting(enum rc_config_key key, const char *flag);

/* `recoup`, `play` and `drill` on a terminal with no trainee name known
 * (no --trainee, RECOUP_TRAINEE or config): asks the trainee's name and,
 * when no cohort is known, a cohort (Enter skips), and saves them in the
 * config file, saying where.  Quiet and without effect when stdin or
 * stdout is not a terminal or a name is known.  Ctrl-D or Ctrl-C skips
 * (asked again next time). */
void rc_cmd_ask_trainee(const char *flag_trainee, const char *flag_cohort);

#endif
