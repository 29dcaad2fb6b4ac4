/*
 * literal.h - which words a pattern cannot match without, and finding
 * many words in a line at once.  Together they let the reader skip every
 * pattern whose required words are not in the line: most intents are not
 * in most lines, and trying each of some two thousand patterns at every
 * position of every line is what made reading slow.
 *
 * rc_literal_required() reads PCRE2 pattern syntax (the subset recoup's
 * patterns use) and returns a set of lowercase letter runs, at least
 * two long, such that every match contains one of them; NULL when it
 * cannot tell (a match may hold none), and the pattern must always run.
 * An Aho-Corasick automaton (rc_ac_*) then finds every such run that
 * occurs in a line in one pass over it.
 *
 * Ownership: rc_literal_required() returns a NULL-terminated array of
 * strings the caller frees with rc_literal_free(); rc_ac_new() copies
 * nothing it is given and is freed with rc_ac_free().
 */
#ifndef RC_LITERAL_H
#define RC_LITERAL_H

#include <stddef.h>
#include <stdint.h>

#define RC_LITERAL_MIN 2

char **rc_literal_required(const char *pattern);
void rc_literal_free(char **v);

/* Every set PATTERN's top level cannot match without ("you (still )?owe"
 * needs "you" and "owe"): a NULL-terminated array of NULL-terminated word
 * arrays, the most selective first (rc_literal_required()'s choice for
 * a sequence); an alternation at the top gives its union as the one set.
 * NULL when there is none.  Free with rc_literal_free_all(). */
char ***rc_literal_required_all(const char *pattern);
void rc_literal_free_all(char ***v);

struct rc_ac;

/* An automaton finding the N words WORDS (lowercase letters) in a text;
 * word I is reported as bit I. */
struct rc_ac *rc_ac_new(char *const *words, size_t n);
void rc_ac_free(struct rc_ac *ac);
/* Sets in BITS (an array of (N + 63) / 64 words the caller cleared) the bit
 * of every word that occurs in TEXT, letters compared without case. */
void rc_ac_scan(const struct rc_ac *ac, const char *text, uint64_t *bits);

#endif
