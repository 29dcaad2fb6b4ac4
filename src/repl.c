/*
 * repl.c - readline through its callback interface, so that Ctrl-C can be
 * caught cleanly: a SIGINT handler only sets a flag, select() returns with
 * EINTR, and the partial line is discarded before the caller is told.
 * Readline's own signal handlers are off (rl_catch_signals = 0).
 */
#include "repl.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "buf.h"
#include "session.h"
#include "xmalloc.h"

struct rc_repl {
	char *history;
	struct sigaction old_int;
};

static volatile sig_atomic_t got_sigint;
static char *done_line;
static int done;

static void
on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

static void
on_line(char *line)
{
	done_line = line;
	done = 1;
	rl_callback_handler_remove();
}

static char *
command_generator(const char *text, int state)
{
	static size_t i, len;
	const char *name;

	if (state == 0) {
		i = 0;
		len = strlen(text);
	}
	while ((name = rc_session_commands[i]) != NULL) {
		i++;
		if (strncmp(name, text, len) == 0)
			return rc_xstrdup(name);
	}
	return NULL;
}

static char **
complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1;
	if (start == 0 && text[0] == '/')
		return rl_completion_matches(text, command_generator);
	return NULL;
}

struct rc_repl *
rc_repl_new(const char *history)
{
	struct rc_repl *r = rc_xcalloc(1, sizeof *r);
	struct sigaction sa;

	rl_readline_name = "recoup";
	rl_catch_signals = 0;
	rl_attempted_completion_function = complete;
	using_history();
	stifle_history(1000);
	if (history != NULL) {
		r->history = rc_xstrdup(history);
		read_history(history);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;   /* no SA_RESTART: select() must return EINTR */
	sigaction(SIGINT, &sa, &r->old_int);
	return r;
}

void
rc_repl_free(struct rc_repl *r)
{
	if (r == NULL)
		return;
	if (r->history != NULL) {
		if (write_history(r->history) == 0)
			chmod(r->history, 0600);
		free(r->history);
	}
	sigaction(SIGINT, &r->old_int, NULL);
	free(r);
}

enum rc_repl_status
rc_repl_read(struct rc_repl *r, const char *prompt, char **line, int add)
{
	(void)r;
	*line = NULL;
	done = 0;
	done_line = NULL;
	got_sigint = 0;
	rl_callback_handler_install(prompt, on_line);
	while (!done) {
		fd_set fds;
		int n;

		FD_ZERO(&fds);
		FD_SET(fileno(rl_instream ? rl_instream : stdin), &fds);
		n = select(fileno(rl_instream ? rl_instream : stdin) + 1, &fds, NULL,
		    NULL, NULL);
		if (got_sigint) {
			got_sigint = 0;
			rl_free_line_state();
			rl_callback_sigcleanup();
			rl_callback_handler_remove();
			rl_crlf();
			return RC_REPL_INTERRUPT;
		}
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rl_callback_handler_remove();
			return RC_REPL_EOF;
		}
		rl_callback_read_char();
	}
	if (done_line == NULL)
		return RC_REPL_EOF;
	if (add && done_line[strspn(done_line, " \t")] != '\0')
		add_history(done_line);
	*line = done_line;
	return RC_REPL_LINE;
}

static void
mkdirs(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0700);
			*p = '/';
		}
	}
}

char *
rc_repl_history_path(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	struct rc_buf b = RC_BUF_INIT;

	if (state != NULL && state[0] == '/')
		rc_buf_printf(&b, "%s/recoup/history", state);
	else if (home != NULL && home[0] == '/')
		rc_buf_printf(&b, "%s/.local/state/recoup/history", home);
	else
		return NULL;
	mkdirs(b.data);
	return rc_buf_detach(&b);
}
