/*
 * safe.h - the output filter: text that came from a file, a script or the
 * database made harmless for a terminal.  Every text renderer's output
 * passes through it on its way to stdout or stderr (rc_cmd_write() in
 * cmd.c), and the CSV and HTML writers use it for their cells; JSON
 * escapes the same characters its own way (rc_buf_json_string()).
 *
 * What is rendered, and how (every other byte is copied):
 *   C0 controls 0x00-0x1F and DEL 0x7F   caret notation: ESC "^[", BEL
 *                                        "^G", CR "^M", DEL "^?"; tab,
 *                                        newline and CR before a newline
 *                                        (CSV's CRLF) are kept with
 *                                        RC_SAFE_LINES
 *   C1 controls U+0080-U+009F, written   "\x9b" (two hex digits), whether
 *   as UTF-8 (C2 80-C2 9F) or as a       raw or encoded: a terminal may
 *   stray byte 0x80-0x9F                 take either as CSI, OSC, ...
 *   bidirectional embeddings, overrides  "\u202e" (four hex digits): they
 *   and isolates U+202A-U+202E,          would reorder the rest of the
 *   U+2066-U+2069                        line on screen
 * So an escape sequence such as ESC ] 52 ; c ; ... BEL (a clipboard
 * write) shows as "^[]52;c;...^G" and does nothing.  Other valid UTF-8
 * characters are never touched, so accented names and dashes stay.
 */
#ifndef RC_SAFE_H
#define RC_SAFE_H

#include <stddef.h>

#include "buf.h"

/* Flags of rc_safe_add(). */
#define RC_SAFE_LINES 1u   /* keep tab, newline and CR before a newline
                              (else "^I", "^J", "^M") */
#define RC_SAFE_COLOR 2u   /* keep the colour codes recoup itself emits
                              (ESC [ N m for N in 0, 1, 2, 31, 32, 33, 36);
                              only for output with colour turned on */

/* Appends S (N bytes) to B with every control rendered as above. */
void rc_safe_add(struct rc_buf *b, const char *s, size_t n, unsigned flags);

/* The same for a NUL-terminated S (NULL appends nothing). */
void rc_safe_puts(struct rc_buf *b, const char *s, unsigned flags);

#endif
