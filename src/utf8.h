/*
 * utf8.h - reading one UTF-8 character, strictly (RFC 3629): the output
 * filter (safe.c) and the JSON string writer (buf.c) use it to tell the
 * bytes of a character from stray bytes.
 */
#ifndef RC_UTF8_H
#define RC_UTF8_H

#include <stddef.h>

/* The length (1-4) of the UTF-8 character at P (N > 0 bytes left), and its
 * code point in *CP; 0 when P does not start a valid character (a stray
 * continuation byte, a bad or truncated sequence, an overlong form, a
 * surrogate), with the byte itself in *CP. */
size_t rc_utf8_decode(const unsigned char *p, size_t n, unsigned long *cp);

#endif
