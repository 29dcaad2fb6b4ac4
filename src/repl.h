/*
 * repl.h - the interactive line source for `recoup play`: GNU readline with
 * a per-user history file, tab completion of the in-call commands, and
 * Ctrl-C reported to the caller instead of killing the program.  Only the
 * executable links readline; the core library never does.
 */
#ifndef RC_REPL_H
#define RC_REPL_H

enum rc_repl_status { RC_REPL_LINE, RC_REPL_EOF, RC_REPL_INTERRUPT };

struct rc_repl;

/* Opens the terminal line editor; HISTORY is the history file path (may be
 * NULL for none).  Free with rc_repl_free(), which saves the history. */
struct rc_repl *rc_repl_new(const char *history);
void rc_repl_free(struct rc_repl *r);

/* Reads one line with PROMPT.  On RC_REPL_LINE, *LINE is a string the
 * caller frees.  ADD_HISTORY: remember non-empty lines. */
enum rc_repl_status rc_repl_read(struct rc_repl *r, const char *prompt,
                                 char **line, int add_history);

/* The default history file: $XDG_STATE_HOME/recoup/history, else
 * ~/.local/state/recoup/history; directories are created.  The caller
 * frees the result; NULL when no home is known. */
char *rc_repl_history_path(void);

#endif
