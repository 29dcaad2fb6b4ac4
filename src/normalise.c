/*
 * normalise.c - one pass over the line, token by token.  Tokens are runs
 * of letters, digits and apostrophes; everything else is copied as it is
 * (after curly quotes and dashes are made ASCII).  A token touching a
 * digit, '-', '/', '#', '@' or '.' on either side belongs to an id, a
 * date, an address or an amount and is left alone.
 */
#include "normalise.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell/hunspell.h>

#include "strmap.h"
#include "xmalloc.h"

#ifndef RECOUP_HUNSPELL_DIR
#define RECOUP_HUNSPELL_DIR "/usr/share/hunspell"
#endif

/* The dictionary and what it said, shared by every normaliser of one
 * lexicon (a process opens the dictionary once: it takes tens of
 * milliseconds).  CACHE maps a word to its correction against the
 * dictionary and the lexicon's vocabulary, "" when it stays. */
struct rc_speller {
	Hunhandle *h;
	int own;                     /* H is this speller's, not the shared one */
	int tried;                   /* opening the dictionary was attempted */
	struct rc_strmap *cache;
};

/* The dictionary does not depend on the lexicon: the process opens it once
 * (tens of milliseconds, far more under a sanitizer) and every lexicon's
 * speller uses it; it is closed at exit.  Only a speller asked for another
 * dictionary directory (RECOUP_HUNSPELL_DIR changed meanwhile) opens its
 * own. */
static struct {
	char *dir;
	Hunhandle *h;
} shared;

static void
shared_close(void)
{
	if (shared.h != NULL)
		Hunspell_destroy(shared.h);
	free(shared.dir);
	memset(&shared, 0, sizeof shared);
}

struct rc_norm {
	const struct rc_lexicon *lx;
	struct rc_speller *sp;       /* the lexicon's (not owned) */
	struct rc_strmap *vocab;     /* words added with rc_norm_vocab() */
	const struct rc_strmap *extra;   /* a scenario's words, not owned */
	struct rc_strmap *cache;     /* word -> correction with this vocabulary */
	int scenario_only;           /* edits1(): candidates from our words only */
};

void
rc_speller_free(struct rc_speller *sp)
{
	if (sp == NULL)
		return;
	if (sp->h != NULL && sp->own)
		Hunspell_destroy(sp->h);
	rc_strmap_free(sp->cache);
	free(sp);
}

struct rc_norm *
rc_norm_new(const struct rc_lexicon *lx)
{
	struct rc_norm *n = rc_xcalloc(1, sizeof *n);

	n->lx = lx;
	/* The speller is a cache hanging off the immutable lexicon. */
	if (lx->speller == NULL) {
		struct rc_speller *sp = rc_xcalloc(1, sizeof *sp);

		sp->cache = rc_strmap_new();
		((struct rc_lexicon *)lx)->speller = sp;
	}
	n->sp = lx->speller;
	n->vocab = rc_strmap_new();
	n->cache = rc_strmap_new();
	return n;
}

void
rc_norm_free(struct rc_norm *n)
{
	if (n == NULL)
		return;
	rc_strmap_free(n->vocab);
	rc_strmap_free(n->cache);
	free(n);
}

void
rc_norm_vocab(struct rc_norm *n, const char *text)
{
	rc_strmap_words(n->vocab, text);
}

void
rc_norm_vocab_map(struct rc_norm *n, const struct rc_strmap *words)
{
	n->extra = words;
}

static int
open_dictionary(struct rc_norm *norm)
{
	struct rc_speller *n = norm->sp;
	const char *dir = getenv("RECOUP_HUNSPELL_DIR");
	struct rc_buf aff = RC_BUF_INIT, dic = RC_BUF_INIT;
	FILE *f;

	Hunhandle *h = NULL;

	if (n->tried)
		return n->h != NULL;
	n->tried = 1;
	if (dir == NULL || *dir == '\0')
		dir = RECOUP_HUNSPELL_DIR;
	if (shared.dir != NULL && strcmp(shared.dir, dir) == 0) {
		n->h = shared.h;
		return n->h != NULL;
	}
	rc_buf_printf(&aff, "%s/en_US.aff", dir);
	rc_buf_printf(&dic, "%s/en_US.dic", dir);
	/* Hunspell_create() prints to stderr on a missing file: look first. */
	if ((f = fopen(rc_buf_str(&dic), "r")) != NULL) {
		fclose(f);
		h = Hunspell_create(rc_buf_str(&aff), rc_buf_str(&dic));
		rc_buf_reset(&dic);
		rc_buf_printf(&dic, "%s/en_GB.dic", dir);
		if (h != NULL && (f = fopen(rc_buf_str(&dic), "r")) != NULL) {
			fclose(f);
			Hunspell_add_dic(h, rc_buf_str(&dic));
		}
	}
	rc_buf_free(&aff);
	rc_buf_free(&dic);
	if (shared.dir == NULL) {
		shared.dir = rc_xstrdup(dir);
		shared.h = h;
		atexit(shared_close);
	} else {
		n->own = 1;
	}
	n->h = h;
	return n->h != NULL;
}

int
rc_norm_spelling(struct rc_norm *n)
{
	return open_dictionary(n);
}

static int
known_vocab(const struct rc_norm *n, const char *w, size_t len)
{
	return rc_strmap_get(n->lx->vocab, w, len, NULL) ||
	    rc_strmap_get(n->vocab, w, len, NULL) ||
	    (n->extra && rc_strmap_get(n->extra, w, len, NULL)) ||
	    rc_strmap_get(n->lx->words, w, len, NULL);
}

static int
in_dictionary(struct rc_norm *n, const char *w)
{
	return open_dictionary(n) && Hunspell_spell(n->sp->h, w) != 0;
}

/* W is a name the dictionary spells with a capital, typed in lowercase
 * ("july", "tuesday", "london"): a word, not a slip for a common word
 * one letter away ("jury"). */
static int
proper_noun(struct rc_norm *n, const char *w)
{
	char cap[64];

	if (!islower((unsigned char)w[0]) || strlen(w) >= sizeof cap)
		return 0;
	snprintf(cap, sizeof cap, "%s", w);
	cap[0] = (char)toupper((unsigned char)cap[0]);
	return in_dictionary(n, cap);
}

/* Edits of W one step away (delete, transpose, replace, insert), each
 * scored: vocabulary words first, then the kinds of slip typists make
 * most (a swapped pair, a doubled or missing letter). */
struct best {
	char word[64];
	int score;
	int ties;
};

static void
consider(struct rc_norm *n, const char *cand, int kind, struct best *b)
{
	int score;

	if (kind <= 0)
		return;
	/* The kind of slip decides first (a letter left out is the commonest,
	 * then a swapped pair, ...); among slips of one kind a word of our
	 * vocabulary wins. */
	if (n->scenario_only) {
		if (!rc_strmap_get(n->vocab, cand, strlen(cand), NULL) &&
		    !(n->extra && rc_strmap_get(n->extra, cand, strlen(cand), NULL)))
			return;
		score = 2 * kind + 1;
	} else if (rc_strmap_get(n->lx->vocab, cand, strlen(cand), NULL))
		score = 2 * kind + 1;
	else if (in_dictionary(n, cand))
		score = 2 * kind;
	else
		return;
	if (score > b->score) {
		snprintf(b->word, sizeof b->word, "%s", cand);
		b->score = score;
		b->ties = 0;
	} else if (score == b->score && strcmp(cand, b->word) != 0) {
		b->ties++;
	}
}

static void
edits1(struct rc_norm *n, const char *w, struct best *b)
{
	size_t len = strlen(w), i;
	char c[66];
	int ch;

	for (i = 0; i < len; i++) {            /* delete */
		memcpy(c, w, i);
		memcpy(c + i, w + i + 1, len - i);
		/* Nobody mistypes the first letter as often as the others. */
		consider(n, c, i == 0 ? 0 : w[i] == w[i - 1] ? 4 : 2, b);
	}
	for (i = 0; i + 1 < len; i++) {        /* transpose */
		if (w[i] == w[i + 1])
			continue;
		memcpy(c, w, len + 1);
		c[i] = w[i + 1];
		c[i + 1] = w[i];
		consider(n, c, 5, b);
	}
	for (i = 0; i <= len; i++)             /* insert */
		for (ch = 'a'; ch <= 'z'; ch++) {
			memcpy(c, w, i);
			c[i] = (char)ch;
			memcpy(c + i + 1, w + i, len - i + 1);
			consider(n, c, i == 0 ? 0 : 6, b);
		}
	for (i = 0; i < len; i++)              /* replace */
		for (ch = 'a'; ch <= 'z'; ch++) {
			if (ch == w[i])
				continue;
			memcpy(c, w, len + 1);
			c[i] = (char)ch;
			consider(n, c, i == 0 ? 0 : 1, b);
		}
}

/* Optimal string alignment distance, at most 3 (3 means "3 or more"). */
static int
osa(const char *a, size_t la, const char *b, size_t lb)
{
	int d[24][24];
	size_t i, j;

	if (la > 22 || lb > 22)
		return 3;
	for (i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb] < 3 ? d[la][lb] : 3;
}

struct near2 {
	const char *w;
	size_t len;
	char best[64];
	int ties;
	int found;
};

static void
near_vocab(const char *key, const char *value, void *arg)
{
	struct near2 *s = arg;
	size_t kl = strlen(key);

	(void)value;
	if (kl + 2 < s->len || kl > s->len + 2 || kl < 4 || strchr(key, '\'') ||
	    osa(s->w, s->len, key, kl) != 2)
		return;
	if (!s->found) {
		snprintf(s->best, sizeof s->best, "%s", key);
		s->found = 1;
	} else if (strcmp(key, s->best) < 0) {
		/* Keep the choice independent of the table's order. */
		snprintf(s->best, sizeof s->best, "%s", key);
		s->ties++;
	} else {
		s->ties++;
	}
}

/* The best of WORD's one-slip neighbours in the scenario's own words
 * alone (no dictionary): a name or product typed with a slip. */
static int
scenario_neighbour(struct rc_norm *n, const char *word, struct best *b)
{
	const struct rc_strmap *keep = n->extra;
	struct rc_strmap *own = n->vocab;

	if (keep == NULL && rc_strmap_count(own) == 0)
		return 0;
	memset(b, 0, sizeof *b);
	n->scenario_only = 1;
	edits1(n, word, b);
	n->scenario_only = 0;
	return b->score > 0 && b->ties == 0;
}

/* What the dictionary and the lexicon's words make of W (WORD): "=" for
 * a word of the dictionary, "" for a misspelling with no sure correction,
 * else the correction.  Kept for every normaliser of the lexicon. */
static const char *
speller_answer(struct rc_norm *n, const char *w, size_t len, const char *word)
{
	const char *hit;
	struct best b;

	if (rc_strmap_get(n->sp->cache, w, len, &hit))
		return hit;
	memset(&b, 0, sizeof b);
	if (in_dictionary(n, word) || proper_noun(n, word)) {
		rc_strmap_put(n->sp->cache, w, len, "=");
	} else {
		if (n->sp->h != NULL) {
			edits1(n, word, &b);
			if (b.score == 0 && len >= 6) {
				/* Two slips, in a long word: only words of the lexicon
				 * are tried (a short word two slips from ours is more
				 * likely a word we do not know). */
				struct near2 s;

				memset(&s, 0, sizeof s);
				s.w = word;
				s.len = len;
				rc_strmap_each(n->lx->vocab, near_vocab, &s);
				if (s.found && s.ties == 0) {
					snprintf(b.word, sizeof b.word, "%s", s.best);
					b.score = 1;
				}
			} else if (b.ties > 0 && b.score < 10) {
				/* Several dictionary words one slip away and none of
				 * them ours: too unsure to change the word. */
				b.score = 0;
			}
		}
		rc_strmap_put(n->sp->cache, w, len, b.score > 0 ? b.word : "");
	}
	rc_strmap_get(n->sp->cache, w, len, &hit);
	return hit;
}

/* The correction of W (lowercase, LEN bytes), or NULL to keep it.  A word
 * of the dictionary stays; a misspelling becomes the scenario's own word
 * one slip away (a name or product typed with a slip) when there is
 * exactly one, else what the dictionary and the lexicon suggest. */
static const char *
correct(struct rc_norm *n, const char *w, size_t len)
{
	const char *hit, *ans;
	struct best b;
	char word[64];

	if (rc_strmap_get(n->cache, w, len, &hit))
		return hit && *hit ? hit : NULL;
	memcpy(word, w, len);
	word[len] = '\0';
	ans = speller_answer(n, w, len, word);
	if (strcmp(ans, "=") == 0 || (n->sp->h == NULL && !*ans))
		ans = "";
	else if (scenario_neighbour(n, word, &b))
		ans = b.word;
	rc_strmap_put(n->cache, w, len, ans);
	rc_strmap_get(n->cache, w, len, &hit);
	return hit && *hit ? hit : NULL;
}

/* Byte class of a character next to a token that makes the token part of
 * something else (an id, a date, an amount, an address). */
static int
glued(int c)
{
	return isdigit(c) || c == '-' || c == '/' || c == '#' || c == '@' ||
	    c == '_' || c == '$' || c == '%' || c == '&';
}

/* Appends the normal form of token T (LEN bytes) to OUT. */
static int
token(struct rc_norm *n, const char *t, size_t len, int first, int prev,
      int next, struct rc_buf *out)
{
	char low[64], cut[64];
	size_t i, k = 0;
	int digit = 0, upper = 0, changed = 0;
	const char *rep;

	if (len >= sizeof low || glued(prev) || glued(next) ||
	    (next == '.' && len <= 3)) {
		rc_buf_add(out, t, len);
		return 0;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];

		digit |= isdigit(c) != 0;
		upper |= isupper(c) != 0;
		low[i] = (char)tolower(c);
	}
	low[len] = '\0';
	/* Runs of three or more of one letter: keep two, or one when two
	 * makes no word ("sooo" -> "so", "pleeease" -> "please"). */
	for (i = 0; i < len; i++) {
		if (i >= 2 && isalpha((unsigned char)low[i]) && low[i] == low[i - 1] &&
		    low[i] == low[i - 2])
			continue;
		cut[k++] = low[i];
	}
	cut[k] = '\0';
	if (k < len) {
		changed = 1;
		if (!known_vocab(n, cut, k) && !in_dictionary(n, cut)) {
			size_t j, m = 0;
			char one[64];

			for (j = 0; j < k; j++)
				if (j == 0 || cut[j] != cut[j - 1] || !isalpha((unsigned char)cut[j]))
					one[m++] = cut[j];
			one[m] = '\0';
			if (known_vocab(n, one, m) || in_dictionary(n, one)) {
				memcpy(cut, one, m + 1);
				k = m;
			}
		}
	}
	if (rc_strmap_get(n->lx->words, cut, k, &rep) && rep != NULL) {
		rc_buf_puts(out, rep);
		return 1;
	}
	/* Names after the first word, numbers and short words stay. */
	if (digit || (upper && !first) || k < 4 || strchr(cut, '\'') ||
	    known_vocab(n, cut, k)) {
		if (changed)
			rc_buf_add(out, cut, k);
		else
			rc_buf_add(out, t, len);
		return changed;
	}
	rep = correct(n, cut, k);
	if (rep != NULL) {
		rc_buf_puts(out, rep);
		return 1;
	}
	if (changed)
		rc_buf_add(out, cut, k);
	else
		rc_buf_add(out, t, len);
	return changed;
}

int
rc_norm_line(struct rc_norm *n, const char *text, struct rc_buf *out)
{
	const unsigned char *p = (const unsigned char *)text;
	int changes = 0, first = 1, prev = ' ';
	struct rc_buf tmp = RC_BUF_INIT;
	const char *s;

	rc_buf_reset(out);
	/* Typographic punctuation to ASCII first, so tokens see plain text. */
	while (*p) {
		if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
			rc_buf_putc(&tmp, '\'');
			p += 3;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x9c || p[2] == 0x9d)) {
			rc_buf_putc(&tmp, '"');
			p += 3;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94)) {
			rc_buf_putc(&tmp, '-');
			p += 3;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0xa6) {
			rc_buf_puts(&tmp, "...");
			p += 3;
		} else if (p[0] == '`' || (p[0] == 0xc2 && p[1] == 0xb4)) {
			rc_buf_putc(&tmp, '\'');
			p += p[0] == '`' ? 1 : 2;
		} else if (*p == '\t' || *p == '\r' || *p == '\n') {
			rc_buf_putc(&tmp, ' ');
			p++;
		} else {
			rc_buf_putc(&tmp, (char)*p++);
		}
	}
	s = rc_buf_str(&tmp);
	while (*s) {
		if (isalnum((unsigned char)*s)) {
			const char *e = s;

			while (isalnum((unsigned char)*e) || (*e == '\'' &&
			    isalpha((unsigned char)e[1])))
				e++;
			changes += token(n, s, (size_t)(e - s), first, prev,
			    (unsigned char)*e, out);
			first = 0;
			prev = (unsigned char)e[-1];
			s = e;
			continue;
		}
		prev = (unsigned char)*s;
		if (strchr(".!?", *s))
			first = 1;
		rc_buf_putc(out, *s++);
	}
	rc_buf_free(&tmp);
	return changes;
}
