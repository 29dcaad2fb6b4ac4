/*
 * lexcache.h - a lexicon (lexicon.h) as a binary file in the cache
 * directory (cache.h), read back instead of parsing intents.json and
 * normalise.json and working out every pattern's required words again:
 * that was most of a short call's start-up.
 *
 * A cache file is only used when its key matches: the identity (device,
 * inode, size, modification time) of both JSON files and of the running
 * executable (the derived form is what this build's code makes of the
 * files), its format version and a checksum of its contents.  Anything
 * else (a stale, foreign, truncated or corrupt file) is ignored and the
 * JSON is read as before.  The file is named after the lexicon directory
 * and the executable's path, so builds side by side keep one each.
 *
 * What is kept: everything rc_lexicon_load() reads (patterns as sources,
 * compiled on first use as rc_pattern_known() makes them) and the
 * examples' bags (understand.c) once made; not the automaton of required
 * words nor the per-word branch lists, rebuilt from what is kept.
 */
#ifndef RC_LEXCACHE_H
#define RC_LEXCACHE_H

#include <stdint.h>

#include "lexicon.h"

#define RC_LEXCACHE_KEY 15

struct rc_lexcache_key {
	uint64_t v[RC_LEXCACHE_KEY];
	char name[64];          /* the file's name in the cache directory */
};

/* The key of the lexicon in DIR as it is now.  Returns 0 when there is
 * none (a file or the executable cannot be identified): no cache then. */
int rc_lexcache_key(const char *dir, struct rc_lexcache_key *k);

/* The lexicon of DIR read back from its cache file, without its
 * automaton and branch lists (the caller builds them), or NULL when there
 * is no current, intact cache file.  Free with rc_lexicon_free(). */
struct rc_lexicon *rc_lexcache_read(const char *dir,
                                    const struct rc_lexcache_key *k);

/* Writes LX's cache file under key K.  Returns 0, or -1 when it could
 * not (no error: the next start reads the JSON again). */
int rc_lexcache_write(const struct rc_lexicon *lx,
                      const struct rc_lexcache_key *k);

#endif
