/*
 * utf8.h - checking and repairing UTF-8, the one place recoup decides what
 * valid UTF-8 is.  Files that must be valid (JSON, recorded calls) are
 * refused at the first bad byte with its position; names given on the
 * command line are refused; a trainee's call lines are repaired, each bad
 * byte becoming U+FFFD, so what is stored and exported is always valid.
 * The output filter (safe.c) and the JSON string writer (buf.c) read one
 * character at a time with rc_utf8_decode().
 */
#ifndef RC_UTF8_H
#define RC_UTF8_H

#include <stddef.h>

#include "buf.h"

/* Returns the offset of the first invalid UTF-8 byte in S (LEN bytes), or
 * LEN when S is valid.  Overlong forms, surrogates and values past
 * U+10FFFF are invalid. */
size_t rc_utf8_check(const char *s, size_t len);

/* 1 when the NUL-terminated string S is valid UTF-8. */
int rc_utf8_valid(const char *s);

/* Appends S (LEN bytes) to OUT with every byte that does not start a valid
 * sequence replaced by U+FFFD.  Returns how many were replaced. */
size_t rc_utf8_repair(struct rc_buf *out, const char *s, size_t len);

/* The length (1-4) of the UTF-8 character at P (N > 0 bytes left), and its
 * code point in *CP; 0 when P does not start a valid character (a stray
 * continuation byte, a bad or truncated sequence, an overlong form, a
 * surrogate), with the byte itself in *CP. */
size_t rc_utf8_decode(const unsigned char *p, size_t n, unsigned long *cp);

#endif
