/*
 * wrap.h - word wrapping for the terminal.  Text recoup writes to a
 * terminal is wrapped at spaces to the terminal's width, each
 * continuation line indented under the text of its first line rather than
 * under its label ("Maria: ", "Ended by:   ", "  - ", "       tip: ").
 * Widths are counted in terminal columns (UTF-8 code points, combining
 * marks 0, East Asian wide characters 2); recoup's colour codes (ESC [ N m)
 * take no room.  Piped output is never wrapped (cmd.c decides).
 */
#ifndef RC_WRAP_H
#define RC_WRAP_H

#include <stddef.h>

#include "buf.h"

/* The columns a terminal gives the UTF-8 text S (N bytes), colour codes
 * not counted; a byte that is not valid UTF-8 counts 1. */
size_t rc_wrap_width(const char *s, size_t n);

/* The column where continuation lines of LINE (N bytes, one line without
 * its newline) start: after the leading spaces, an opening parenthesis,
 * a bullet ("- ", "* ", "> ", "1. ", "[x] ") and a label: one word ending
 * in ':' ("Maria: "), or up to three when two spaces follow the ':'
 * ("Ended by:   ") or the last is a number ("turn 4: "). */
size_t rc_wrap_indent(const char *line, size_t n);

/* Appends S to OUT with every line wider than WIDTH columns broken at
 * spaces (the spaces at a break dropped) and continued under its hanging
 * indent (rc_wrap_indent(), or the leading spaces when that is more than
 * half of WIDTH).  A word wider than the room left on an empty line is
 * cut between characters.  Lines that fit are copied unchanged; WIDTH
 * below 10 copies S unchanged. */
void rc_wrap(struct rc_buf *out, const char *s, size_t width);

#endif
