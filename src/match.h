/*
 * match.h - the PCRE2 wrapper every pattern in recoup goes through.
 *
 * Patterns are compiled caseless, UTF-8 and Unicode-aware, tolerant of
 * invalid UTF-8 in the subject (PCRE2_MATCH_INVALID_UTF), and JIT-compiled
 * when the JIT is available, the second time it is used.  A compiled
 * pattern may be shared (within one thread: its JIT code is made on
 * demand); the mutable parts of matching (match data, match context with
 * its limits, JIT stack) live in a struct rc_matcher owned by one caller.
 */
#ifndef RC_MATCH_H
#define RC_MATCH_H

#include <stddef.h>

struct rc_pattern;
struct rc_matcher;

#define RC_MATCH_LIMIT 200000u    /* backtracking steps per match */
#define RC_DEPTH_LIMIT 5000u
#define RC_MATCH_NAME_MAX 64

/* Compiles PATTERN.  On failure returns NULL and writes the PCRE2 message
 * into MSG (at most SIZE bytes) and the offset of the error in the pattern
 * into *OFFSET.  The caller frees the result with rc_pattern_free(). */
struct rc_pattern *rc_pattern_new(const char *pattern, char *msg, size_t size,
                                  size_t *offset);
void rc_pattern_free(struct rc_pattern *p);

/* A pattern known to compile, read back from a cache that checked it
 * (lexcache.h): compiled on its first use.  Should it not compile after
 * all, it never matches.  The caller frees it with rc_pattern_free(). */
struct rc_pattern *rc_pattern_known(const char *pattern);
/* The same without copying PATTERN: the caller keeps it alive, unchanged,
 * until the pattern is freed (a lexicon read from its cache, whose
 * strings stay in the file's bytes). */
struct rc_pattern *rc_pattern_borrowed(const char *pattern);

/* The known-good cache and the compiled-code cache (see match.c): rc_pattern_cache_off() makes every
 * later rc_pattern_new() compile at once (lint does, to report every
 * error; RECOUP_PATTERN_CACHE=off does the same); rc_pattern_cache_save()
 * writes the hashes and code of patterns newly compiled, when there are any (an
 * unwritable cache directory is not an error); rc_pattern_cache_free()
 * releases the set. */
void rc_pattern_cache_off(void);
void rc_pattern_cache_save(void);
void rc_pattern_cache_free(void);
/* How many patterns this process took from the compiled-code cache
 * instead of compiling them (for tests and `understand --trace`). */
size_t rc_pattern_cache_decoded(void);
/* Frees the N patterns of V and the array V itself. */
void rc_pattern_free_all(struct rc_pattern **v, size_t n);
/* 1 when P has a named group NAME ("(?<NAME>...)"). */
int rc_pattern_has_group(const struct rc_pattern *p, const char *name);
const char *rc_pattern_source(const struct rc_pattern *p);

/* A matcher: match limits and scratch space.  LIMIT 0 means the default
 * RC_MATCH_LIMIT.  Free with rc_matcher_free(); NULL is ignored. */
struct rc_matcher *rc_matcher_new(unsigned limit);
void rc_matcher_free(struct rc_matcher *m);

enum rc_match_result {
	RC_MATCH_NO = 0,
	RC_MATCH_YES = 1,
	RC_MATCH_LIMIT_HIT = -1,  /* gave up: treat as no match, warn once */
	RC_MATCH_FAILED = -2      /* any other PCRE2 error */
};

/* Matches P against SUBJECT (LEN bytes).  After RC_MATCH_YES, named
 * captures of this match can be read with rc_matcher_capture() until the
 * next call. */
enum rc_match_result rc_matcher_exec(struct rc_matcher *m,
                                     const struct rc_pattern *p,
                                     const char *subject, size_t len);

/* Copies the named capture NAME of the last successful match into BUF
 * (SIZE bytes).  Returns 1 when it was set, 0 otherwise (BUF = ""). */
int rc_matcher_capture(struct rc_matcher *m, const char *name, char *buf,
                       size_t size);

/* The byte span of the last successful match: *START and *END. */
void rc_matcher_span(const struct rc_matcher *m, size_t *start, size_t *end);

/* The PCRE2 message for the last RC_MATCH_FAILED / RC_MATCH_LIMIT_HIT. */
const char *rc_matcher_error(const struct rc_matcher *m);

#endif
