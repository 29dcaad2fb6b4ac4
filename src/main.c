/*
 * main.c - recoup's entry point: global options and dispatch to the
 * subcommand table in cmd.c, then standard output checked and closed
 * (a write error is an error, whatever the command).  Nothing else
 * lives here.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "lexicon.h"
#include "match.h"

static void
usage(int to_stdout)
{
	struct rc_buf b = RC_BUF_INIT;
	size_t i;

	rc_buf_puts(&b, "usage: recoup [--version] [--help] COMMAND [ARGS]\n\n"
	    "recoup is a training simulator for debt-collection negotiation.\n"
	    "With no command on a terminal it offers a menu of debtors to call.\n"
	    "\nCommands:\n");
	for (i = 0; rc_cmd_table[i]; i++)
		rc_buf_printf(&b, "  %-12s %s\n", rc_cmd_table[i]->name,
		    rc_cmd_table[i]->summary);
	rc_buf_puts(&b, "\n'recoup COMMAND --help' describes a command's options.\n");
	if (to_stdout)
		rc_cmd_out(rc_buf_str(&b));
	else
		fputs(rc_buf_str(&b), stderr);
	rc_buf_free(&b);
}

static int
dispatch(int argc, char **argv)
{
	const struct rc_cmd *cmd;
	int rc;

	if (argc < 2) {
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			char menu[] = "--menu";
			char *args[] = { argv[0], menu, NULL };

			rc = rc_cmd_play.exec(2, args);
			rc_pattern_cache_save();
			rc_lexicon_cache_save();
			rc_pattern_cache_free();
			return rc;
		}
		usage(0);
		return RC_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		rc_cmd_outf("recoup %s\n", RECOUP_VERSION);
		return RC_EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && (cmd = rc_cmd_find(argv[2])) != NULL)
			return rc_cmd_usage(cmd, 0);
		usage(1);
		return RC_EXIT_OK;
	}
	if ((cmd = rc_cmd_find(argv[1])) == NULL) {
		rc_cmd_error("unknown command '%s' (see 'recoup --help')", argv[1]);
		return RC_EXIT_USAGE;
	}
	rc = cmd->exec(argc - 1, argv + 1);
	rc_pattern_cache_save();
	rc_lexicon_cache_save();
	rc_pattern_cache_free();
	return rc;
}

int
main(int argc, char **argv)
{
	/* Past a file-size limit (ulimit -f) a write fails with EFBIG, which
	 * is reported, instead of killing the process without a word. */
	signal(SIGXFSZ, SIG_IGN);
	return rc_cmd_close_stdout(dispatch(argc, argv));
}
