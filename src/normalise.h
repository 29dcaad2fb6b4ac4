/*
 * normalise.h - a typed line made regular before any pattern sees it:
 * curly quotes and dashes straightened, runs of one letter cut short
 * ("sooo" -> "so"), texting forms and apostrophe-less contractions
 * expanded from the lexicon's table ("whats" -> "what's", "u" -> "you"),
 * and misspellings corrected with hunspell ("acount" -> "account").
 *
 * A word is only corrected when it is lowercase letters, at least four
 * long, unknown to the dictionary and to the vocabulary (the lexicon's
 * words and the scenario's own: names, places, invoice words); the
 * correction is the closest known word, preferring the vocabulary.
 * Names (capitalised words after the first), numbers and invoice ids are
 * never touched.  Corrections are cached, so each distinct word costs
 * once.  The dictionary is opened on first need; without one (files
 * missing) nothing is corrected.
 *
 * Ownership: rc_norm_new() returns a normaliser freed with rc_norm_free();
 * the lexicon must outlive it.
 */
#ifndef RC_NORMALISE_H
#define RC_NORMALISE_H

#include <stddef.h>

#include "buf.h"
#include "lexicon.h"

struct rc_norm;

struct rc_norm *rc_norm_new(const struct rc_lexicon *lx);
void rc_norm_free(struct rc_norm *n);

/* Adds the words of TEXT to the vocabulary: they are known, never
 * corrected, and are the first candidates for correcting others. */
void rc_norm_vocab(struct rc_norm *n, const char *text);

/* Also takes the words of WORDS (a set; not owned, must outlive N) as
 * the vocabulary. */
struct rc_strmap;
void rc_norm_vocab_map(struct rc_norm *n, const struct rc_strmap *words);

/* Writes the normal form of TEXT into OUT (reset first).  Returns the
 * number of words changed (0: the line was already regular). */
int rc_norm_line(struct rc_norm *n, const char *text, struct rc_buf *out);

/* 1 when spelling correction is available (the dictionary opened). */
int rc_norm_spelling(struct rc_norm *n);

#endif
