/*
 * strmap.h - a map from strings to strings (or to nothing: a set), with
 * open addressing.  Used for word lists read from data: the normaliser's
 * texting table, the vocabulary of the lexicon and a scenario, and the
 * spelling cache; with numbers for values, the name indexes of a scenario.
 *
 * Ownership: the map copies keys and values and frees them in
 * rc_strmap_free(); pointers returned by rc_strmap_get() stay valid until
 * the key is set again or the map is freed.
 */
#ifndef RC_STRMAP_H
#define RC_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct rc_strmap;

struct rc_strmap *rc_strmap_new(void);
void rc_strmap_free(struct rc_strmap *m);

/* Sets KEY (LEN bytes, not necessarily NUL-terminated) to VALUE (copied;
 * NULL stores the key alone, as in a set).  Replaces an earlier value. */
void rc_strmap_put(struct rc_strmap *m, const char *key, size_t len,
                   const char *value);

/* 1 when KEY (LEN bytes) is in M; its value (NULL for a set member) goes
 * to *VALUE when VALUE is not NULL. */
int rc_strmap_get(const struct rc_strmap *m, const char *key, size_t len,
                  const char **value);

/* Adds every word of TEXT (letters and inner apostrophes, lowercased) to
 * M as a set member.  TEXT NULL adds nothing. */
void rc_strmap_words(struct rc_strmap *m, const char *text);

/* Indexes: KEY (LEN bytes) to a number, for name lookups that must not
 * scan (state names, variable names, rule ids).  rc_strmap_put_num()
 * keeps the first number given for a key: it returns 1 when KEY was new,
 * 0 when it was there already (left as it was).  rc_strmap_get_num()
 * returns 1 and sets *NUM (when not NULL) when KEY is there.  A map holds
 * either strings or numbers, not both. */
int rc_strmap_put_num(struct rc_strmap *m, const char *key, size_t len,
                      uint64_t num);
int rc_strmap_get_num(const struct rc_strmap *m, const char *key, size_t len,
                      uint64_t *num);

size_t rc_strmap_count(const struct rc_strmap *m);

/* Calls FN for every key, in no particular order. */
void rc_strmap_each(const struct rc_strmap *m,
                    void (*fn)(const char *key, const char *value, void *arg),
                    void *arg);

#endif
