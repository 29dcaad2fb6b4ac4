/*
 * lexicon.h - the shared understanding of English, as data: the named
 * intents every debtor's rules and every detector of the scorecard read
 * lines through (scenarios/lang/intents.json), and the normalisation
 * tables (scenarios/lang/normalise.json: texting forms, negation cues,
 * the second-chance threshold).  Documented in docs/understanding.md.
 *
 * An intent has PCRE2 patterns (one match is enough), optional exclusions
 * ("not": any match switches it off), a side (trainee, debtor or both), a
 * negation flag, and inline examples and counter-examples that lint
 * checks.  Three intents may also be read from the scenario ("also":
 * case facts, research facts, or terms found by the amount reader).
 *
 * rc_lexicon_shared() reads a derived binary form of both files back from
 * the cache directory when it is current (lexcache.h), which is what
 * makes start-up fast; rc_lexicon_load() always reads the JSON.
 *
 * Ownership: a struct rc_lexicon owns everything reachable from it;
 * rc_lexicon_free() frees it.  A lexicon is immutable once loaded and may
 * be shared by any number of scenarios, rubrics and readers.
 */
#ifndef RC_LEXICON_H
#define RC_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "match.h"

#define RC_INTENT_MAX 128          /* intents a lexicon may hold */
#define RC_INTENT_WORDS (RC_INTENT_MAX / 64)

enum rc_side { RC_SIDE_TRAINEE = 1, RC_SIDE_DEBTOR = 2, RC_SIDE_BOTH = 3 };

/* Where else an intent may be read from, beyond its patterns. */
enum rc_also {
	RC_ALSO_NONE = 0,
	RC_ALSO_CASE,       /* a line naming the case file's invoices, amounts, dates */
	RC_ALSO_RESEARCH,   /* a line matching one of the scenario's research facts */
	RC_ALSO_PROPOSAL,   /* a line in which the amount reader finds terms */
	RC_ALSO_SHOUT       /* a line typed mostly in capitals */
};

/* One alternative of a pattern, with the words it cannot match without
 * (indexes into the lexicon's word list; none: it always runs). */
struct rc_branch {
	struct rc_pattern *p;
	int *words;                     /* required words: one must be in a
	                                   line for the branch to be tried */
	size_t nwords;
	int *also;                      /* more sets the branch needs, each
	                                   its count then its words: [2, a, b,
	                                   1, c] needs (a or b) and c */
	size_t nalso;                   /* ints in ALSO */
	size_t index;                   /* among all the lexicon's branches */
};

struct rc_intent {
	char *id;
	enum rc_side side;
	char *description;
	int negatable;
	int likeness;            /* may be read by likeness (likeness.h) */
	double like_threshold;   /* its own threshold; 0: the lexicon's */
	enum rc_also also;
	int mark;                /* a mark of the line's form or topic (a
	                            question, talk of money): read beside the
	                            intents, it does not count as the line
	                            understood, so the second chance still runs */
	int courtesy;            /* a courtesy (thanks, empathy, small talk):
	                            a rule on courtesies alone gives way to the
	                            rules on what else the line says (engine.c) */
	size_t npatterns;               /* patterns as written */
	struct rc_branch *branches;     /* what is matched: the patterns split
	                                   at their top-level '|' */
	size_t nbranches;
	struct rc_pattern **not;
	size_t nnot;
	char **examples;
	size_t nexamples;
	char **counter;
	size_t ncounter;
	int *unless;                    /* intents that, read in the same line,
	                                   switch this one off ("ok, $900 works"
	                                   accepts: it proposes nothing) */
	size_t nunless;
	char **unless_ids;              /* as written */
	size_t nunless_ids;
	char *where;                    /* JSON pointer, for messages */
};

/* A set of intents, one bit each. */
struct rc_intents {
	uint64_t w[RC_INTENT_WORDS];
};

static inline int
rc_intents_has(const struct rc_intents *s, int i)
{
	return i >= 0 && (s->w[i / 64] >> (i % 64)) & 1u;
}

static inline int
rc_intents_equal(const struct rc_intents *a, const struct rc_intents *b)
{
	return memcmp(a->w, b->w, sizeof a->w) == 0;
}

static inline void
rc_intents_add(struct rc_intents *s, int i)
{
	if (i >= 0 && i < RC_INTENT_MAX)
		s->w[i / 64] |= (uint64_t)1 << (i % 64);
}

static inline int
rc_intents_any(const struct rc_intents *s)
{
	size_t i;

	for (i = 0; i < RC_INTENT_WORDS; i++)
		if (s->w[i])
			return 1;
	return 0;
}

struct rc_strmap;
struct rc_speller;
struct rc_ac;

/* An example of an intent as the second chance compares lines with it:
 * the hashes of its stemmed content words (understand.c).  One per
 * example, the intents' examples in order. */
struct rc_bag {
	uint32_t *h;
	size_t n;
	int reader;       /* made by each reader instead (see understand.c) */
};

struct rc_bags {
	struct rc_bag *v;
	size_t n;
	uint32_t probe;   /* what the stemmer made of a fixed text */
};

struct rc_lexicon {
	char *pool;                    /* read back from a cache: the file's
	                                  bytes, which the strings of the
	                                  intents and lists point into (freed
	                                  with it, not one by one); else NULL */
	size_t npool;
	char *dir;                     /* where it was loaded from */
	char *path;                    /* intents.json */
	char *norm_path;               /* normalise.json */
	char *version;
	struct rc_intent *intents;
	size_t nintents;

	/* normalise.json */
	struct rc_strmap *words;       /* texting form -> standard form */
	char **neg_cues;               /* "not", "never", ... ("n't" endings too) */
	size_t nneg;
	char **cond_cues;              /* "if", "unless": a negation after one
	                                  stays in its conditional clause */
	size_t ncond;
	char **breaks;                 /* words that end a clause: "but", ... */
	size_t nbreaks;
	int neg_reach;                 /* words looked back for a negation */
	double similar_threshold;      /* second chance: least similarity */
	int similar_min_words;         /* content words a line needs for it */
	double like_threshold;         /* likeness: least log odds (off: inf) */
	int like_near;                 /* a near miss counts as this many lines */
	char **like_stop;              /* words likeness leaves out alone */
	size_t nlike_stop;
	struct rc_strmap *stopwords;   /* left out of the similarity */
	struct rc_strmap *vocab;       /* every word of the examples and tables */
	/* The words some pattern cannot match without, and an automaton that
	 * finds them all in a line at once (literal.h). */
	char **required;
	size_t nrequired;
	struct rc_ac *ac;
	size_t nbranches;              /* branches of all intents */
	size_t **word_branches;        /* per required word: the branches that
	                                  need it, (size_t)-1 ended */
	uint64_t *always;              /* bit per branch: needs no word, always
	                                  tried */
	/* The spelling dictionary and its answers, opened on first need by
	 * normalise.c and shared by every reader of this lexicon: a cache,
	 * the one thing that changes in a loaded lexicon. */
	struct rc_speller *speller;
	/* The likeness model (likeness.h), trained on first need by
	 * understand.c and shared the same way. */
	struct rc_likeness *likeness;
	/* The examples' bags, made on first need by understand.c (or read
	 * back from the lexicon cache, lexcache.h) and shared the same way. */
	struct rc_bags *bags;
	/* Holds what its cache file does not (loaded from JSON, or bags made
	 * since): rc_lexicon_cache_save() writes it. */
	int cache_dirty;
};

struct rc_speller;
void rc_speller_free(struct rc_speller *sp);
void rc_bags_free(struct rc_bags *b);

/* Loads DIR/intents.json and DIR/normalise.json.  Returns NULL and adds
 * every problem found to ERR ("FILE:LINE:COL: ..." or "FILE: /ptr: ...").
 * Free with rc_lexicon_free(). */
struct rc_lexicon *rc_lexicon_load(const char *dir, struct rc_err *err);
void rc_lexicon_free(struct rc_lexicon *lx);

/* The index of the intent called ID, or -1. */
int rc_lexicon_find(const struct rc_lexicon *lx, const char *id);

/* The lexicon directory for the scenario file NEAR (may be NULL):
 * $RECOUP_LANG when set, else lang/ beside NEAR when it holds an
 * intents.json, else the first scenarios/lang of the standard data
 * directories (datadir.h: the source tree's from a build, else
 * $XDG_DATA_HOME, $XDG_DATA_DIRS and the installed one) that has one.
 * The caller frees the result. */
char *rc_lexicon_locate(const char *near);

/* The process-wide lexicon of DIR, loaded on first use and shared by
 * every scenario and rubric loaded afterwards (patterns are compiled
 * once).  Returns NULL and fills ERR when it cannot be loaded; the same
 * failure is reported again on the next call.  Lexicons of different
 * directories live side by side; all are freed at exit. */
const struct rc_lexicon *rc_lexicon_shared(const char *dir, struct rc_err *err);

/* Writes the cache file (lexcache.h) of every shared lexicon that holds
 * what its file does not; a cache directory that cannot be written is no
 * error.  Called once a command has done its work. */
void rc_lexicon_cache_save(void);

#endif
