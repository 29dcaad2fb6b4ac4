/*
 * cache.h - the cache directory, $XDG_CACHE_HOME/recoup (else
 * ~/.cache/recoup), shared by every cache recoup keeps: the known-good
 * patterns (match.c) and the derived lexicons (lexcache.c).
 *
 * A cache changes how much work is done, never what recoup reads or
 * says: a missing, stale, foreign or corrupt file is ignored, an
 * unwritable directory is no error, and RECOUP_PATTERN_CACHE=off (or
 * rc_cache_off(), as lint does) switches every cache off.
 */
#ifndef RC_CACHE_H
#define RC_CACHE_H

#include <stddef.h>

/* 1 unless RECOUP_PATTERN_CACHE=off or rc_cache_off() was called. */
int rc_cache_enabled(void);
void rc_cache_off(void);

/* Writes the path of the cache file NAME (NULL: the directory itself)
 * into BUF (SIZE bytes).  Returns 0 when there is no home to put it in
 * or the path does not fit. */
int rc_cache_path(char *buf, size_t size, const char *name);

/* Replaces the cache file NAME with the N bytes of DATA, atomically
 * (written beside it, then renamed), making the directory and its
 * missing parents.  Returns 0 on success, -1 when it could not (the
 * caller carries on: it is a cache). */
int rc_cache_write(const char *name, const void *data, size_t n);

/* Removes the oldest cache files whose names start with PREFIX until at
 * most KEEP are left (a cache per lexicon directory would otherwise grow
 * with every temporary copy of one). */
void rc_cache_prune(const char *prefix, size_t keep);

#endif
