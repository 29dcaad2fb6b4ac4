/*
 * cmd-config.c - `recoup config`: reads and writes the user's settings
 * file (config.h), and the first-run question "who is playing?" that
 * fills it.  Unlike every other command, `config` treats a bad line in
 * the file as an error (exit 2) and never rewrites a file it could not
 * read whole, so nothing the user wrote is lost.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "db.h"
#include "repl.h"
#include "store.h"
#include "xmalloc.h"

/* The config file at PATH read strictly into C: 0, or -1 after printing
 * every problem. */
static int
load_strict(struct rc_config *c, const char *path)
{
	struct rc_err err = RC_ERR_INIT;
	int rc = rc_config_load(c, path, RC_ERROR, &err);

	rc_cmd_print_err(&err);
	rc_err_clear(&err);
	if (rc > 0)
		rc_cmd_error("%s: fix or remove the line%s above first", path,
		    rc == 1 ? "" : "s");
	return rc == 0 ? 0 : -1;
}

/* KEY's name as typed, or -1 after saying it is unknown. */
static int
key_arg(const char *name)
{
	int k = rc_config_key(name);

	if (k < 0)
		rc_cmd_error("unknown key '%s' (expected trainee, cohort, db, "
		    "pass-mark or colour)", name);
	return k;
}

static int
save(struct rc_config *c, const char *path)
{
	struct rc_err err = RC_ERR_INIT;
	int rc = rc_config_save(c, path, &err);

	rc_cmd_print_err(&err);
	rc_err_clear(&err);
	return rc;
}

/* V (KEY's value) as shown: a database server's password masked.  The
 * caller frees it. */
static char *
shown(enum rc_config_key key, const char *v)
{
	if (key == RC_CONFIG_DB && rc_db_is_server(v))
		return rc_db_mask(v);
	return rc_xstrdup(v);
}

/* The value a command would use for KEY with no flag when nothing sets
 * it, for `list --all`, into B. */
static void
default_value(struct rc_buf *b, enum rc_config_key key)
{
	const char *user = getenv("USER");
	char *db;

	switch (key) {
	case RC_CONFIG_TRAINEE:
		rc_buf_puts(b, user && *user && rc_config_check(key, user, NULL,
		    NULL) == 0 ? user : "trainee");
		break;
	case RC_CONFIG_DB:
		if ((db = rc_store_default_path()) != NULL)
			rc_buf_puts(b, db);
		free(db);
		break;
	case RC_CONFIG_PASS_MARK:
		rc_buf_printf(b, "%d", RC_CONFIG_DEFAULT_PASS_MARK);
		break;
	case RC_CONFIG_COLOUR:
		rc_buf_puts(b, "auto");
		break;
	default:
		break;
	}
}

static void
list(const struct rc_config *c, int all, const char *const *flags)
{
	struct rc_buf b = RC_BUF_INIT;
	int k;

	for (k = 0; k < RC_CONFIG_NKEYS; k++) {
		struct rc_err err = RC_ERR_INIT;
		enum rc_config_source src;
		const char *v, *env;

		if (!all) {
			if ((v = rc_config_get(c, k)) != NULL) {
				char *m = shown(k, v);

				rc_buf_printf(&b, "%s = %s\n", rc_config_key_name(k), m);
				free(m);
			}
			continue;
		}
		v = rc_config_resolve(c, k, flags[k], &src, &err);
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		rc_buf_printf(&b, "%s = ", rc_config_key_name(k));
		if (v != NULL) {
			char *m = shown(k, v);

			rc_buf_puts(&b, m);
			free(m);
		} else {
			default_value(&b, k);
		}
		env = rc_config_env_name(k);
		if (k == RC_CONFIG_COLOUR && src == RC_SOURCE_ENV && strcmp(v,
		    "never") == 0 && rc_config_check(k, getenv(env) ? getenv(env) :
		    "", NULL, NULL) != 0)
			env = "NO_COLOR";
		if (src == RC_SOURCE_ENV)
			rc_buf_printf(&b, "  (environment: %s)\n", env);
		else if (src == RC_SOURCE_DEFAULT && k == RC_CONFIG_COHORT)
			rc_buf_puts(&b, " (not set)\n");
		else
			rc_buf_printf(&b, "  (%s)\n", rc_config_source_name(src));
	}
	rc_cmd_out(rc_buf_str(&b));
	rc_buf_free(&b);
}

static int
config_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "trainee", required_argument, NULL, 't' },
		{ "cohort", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *flags[RC_CONFIG_NKEYS] = { NULL };
	struct rc_config *c = NULL;
	struct rc_err err = RC_ERR_INIT;
	const char *verb, *v;
	char *path = NULL;
	int ch, all = 0, k = -1, rc = RC_EXIT_USAGE, want;

	/* Problems in the file are this command's errors, not warnings. */
	rc_cmd_config_quiet();
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'a': all = 1; break;
		case 't':
			if (rc_cmd_check_name("--trainee", optarg) != 0)
				return RC_EXIT_USAGE;
			flags[RC_CONFIG_TRAINEE] = optarg;
			break;
		case 'c':
			if (rc_cmd_check_name("--cohort", optarg) != 0)
				return RC_EXIT_USAGE;
			flags[RC_CONFIG_COHORT] = optarg;
			break;
		case 'D': flags[RC_CONFIG_DB] = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_config, 0);
		default: return rc_cmd_usage(&rc_cmd_config, 1);
		}
	}
	if (optind >= argc) {
		rc_cmd_error("config needs get, set, unset or list");
		return rc_cmd_usage(&rc_cmd_config, 1);
	}
	verb = argv[optind++];
	want = strcmp(verb, "set") == 0 ? 2 : strcmp(verb, "get") == 0 ||
	    strcmp(verb, "unset") == 0 ? 1 : strcmp(verb, "list") == 0 ? 0 : -1;
	if (want < 0) {
		rc_cmd_error("unknown config action '%s': expected get, set, unset "
		    "or list", verb);
		return rc_cmd_usage(&rc_cmd_config, 1);
	}
	if (argc - optind != want) {
		rc_cmd_error("config %s takes %s", verb, want == 2 ? "a key and a "
		    "value" : want == 1 ? "one key" : "no arguments");
		return rc_cmd_usage(&rc_cmd_config, 1);
	}
	if ((all || flags[RC_CONFIG_TRAINEE] || flags[RC_CONFIG_COHORT] ||
	    flags[RC_CONFIG_DB]) && want != 0) {
		rc_cmd_error("--all, --trainee, --cohort and --db go with "
		    "'config list' only");
		return rc_cmd_usage(&rc_cmd_config, 1);
	}
	if (want > 0 && (k = key_arg(argv[optind])) < 0)
		return RC_EXIT_USAGE;
	if (want == 2 && rc_config_check(k, argv[optind + 1], NULL, &err) != 0) {
		rc_cmd_print_err(&err);
		rc_err_clear(&err);
		return RC_EXIT_USAGE;
	}
	if ((path = rc_config_path()) == NULL) {
		rc_cmd_error("no config file: set HOME or XDG_CONFIG_HOME");
		return RC_EXIT_USAGE;
	}
	c = rc_config_new();
	if (load_strict(c, path) != 0)
		goto out;
	rc = RC_EXIT_OK;
	if (strcmp(verb, "get") == 0) {
		/* Like git config: nothing set is exit 1, and nothing printed. */
		if ((v = rc_config_get(c, k)) != NULL) {
			char *m = shown(k, v);

			rc_cmd_outf("%s\n", m);
			free(m);
		} else {
			rc = RC_EXIT_FAIL;
		}
	} else if (strcmp(verb, "set") == 0) {
		rc_config_set(c, k, argv[optind + 1], NULL);
		if (save(c, path) != 0)
			rc = RC_EXIT_FAIL;
	} else if (strcmp(verb, "unset") == 0) {
		if (rc_config_get(c, k) != NULL) {
			rc_config_set(c, k, NULL, NULL);
			if (save(c, path) != 0)
				rc = RC_EXIT_FAIL;
		}
	} else {
		list(c, all, flags);
	}
out:
	rc_config_free(c);
	free(path);
	if (rc_cmd_flush() != 0 && rc == RC_EXIT_OK)
		rc = RC_EXIT_FAIL;
	return rc;
}

/* Asks PROMPT until a valid value of KEY is typed; the answer (caller
 * frees), or NULL for Enter when OPTIONAL, Ctrl-D or Ctrl-C. */
static char *
ask(struct rc_repl *r, const char *prompt, enum rc_config_key key,
    int optional)
{
	for (;;) {
		struct rc_err err = RC_ERR_INIT;
		char *line = NULL, *s, *e;

		if (rc_repl_read(r, prompt, &line, 0) != RC_REPL_LINE) {
			rc_cmd_outf("\n");
			return NULL;
		}
		for (s = line; *s == ' ' || *s == '\t'; s++)
			;
		for (e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t'); )
			*--e = '\0';
		if (*s == '\0' && optional) {
			free(line);
			return NULL;
		}
		if (rc_config_check(key, s, key == RC_CONFIG_TRAINEE ? "name" :
		    "cohort", &err) == 0) {
			s = rc_xstrdup(s);
			free(line);
			return s;
		}
		rc_cmd_printf(stdout, "That will not do: %s.\n", err.v[0].msg);
		rc_err_clear(&err);
		free(line);
	}
}

void
rc_cmd_ask_trainee(const char *flag_trainee, const char *flag_cohort)
{
	struct rc_config *c;
	struct rc_repl *r;
	char *path, *name, *cohort = NULL;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	    rc_cmd_setting(RC_CONFIG_TRAINEE, flag_trainee) != NULL ||
	    rc_cmd_config_refused() || (path = rc_config_path()) == NULL)
		return;
	c = rc_cmd_config_file();
	rc_cmd_out_text("Who is playing?  Your name is kept with each call, so "
	    "you and your trainer can follow your progress.\n");
	r = rc_repl_new(NULL);
	if ((name = ask(r, "Your name: ", RC_CONFIG_TRAINEE, 0)) == NULL)
		goto out;
	if (rc_cmd_setting(RC_CONFIG_COHORT, flag_cohort) == NULL)
		cohort = ask(r, "Your cohort or team (Enter to skip): ",
		    RC_CONFIG_COHORT, 1);
	rc_config_set(c, RC_CONFIG_TRAINEE, name, NULL);
	if (cohort != NULL)
		rc_config_set(c, RC_CONFIG_COHORT, cohort, NULL);
	/* Kept for this run even when it cannot be saved. */
	if (save(c, path) == 0)
		rc_cmd_printf(stdout, "Saved in %s.  To change %s later: recoup config "
		    "set trainee NAME%s\n\n", path, cohort ? "them" : "it",
		    cohort ? " (or: cohort TAG)" : "");
out:
	rc_repl_free(r);
	free(name);
	free(cohort);
	free(path);
}

const struct rc_cmd rc_cmd_config = {
	.name = "config",
	.usage = "config get KEY | set KEY VALUE | unset KEY | list [--all]",
	.summary = "your name, cohort, database and display settings",
	.help =
	    "Keys:\n"
	    "  trainee     your name, kept with each call (RECOUP_TRAINEE)\n"
	    "  cohort      your cohort or team (RECOUP_COHORT)\n"
	    "  db          the session database, a path (RECOUP_DB)\n"
	    "  pass-mark   the pass mark the HTML report draws, 0 to 100\n"
	    "              (display only: scoring uses the rubric's)\n"
	    "  colour      auto, always or never (RECOUP_COLOUR, NO_COLOR)\n\n"
	    "Actions:\n"
	    "  get KEY         print KEY's value in the config file (exit 1: not set)\n"
	    "  set KEY VALUE   set KEY in the config file\n"
	    "  unset KEY       remove KEY from the config file\n"
	    "  list            print 'key = value' for each key the file sets\n"
	    "  list --all      every key's effective value and where it comes\n"
	    "                  from; --trainee, --cohort and --db show a flag's effect\n\n"
	    "A setting comes from the command-line flag, else the environment\n"
	    "variable, else the config file, else the default.  The file is\n"
	    "$XDG_CONFIG_HOME/recoup/config (default ~/.config/recoup/config):\n"
	    "'key = value' lines, '#' comment lines and blank lines.  Other\n"
	    "commands warn about a bad line and ignore it; 'config' refuses to\n"
	    "work until it is fixed.  On a terminal, 'recoup', 'play' and 'drill'\n"
	    "ask your name once when none is known and save it here.\n",
	.exec = config_exec,
};
