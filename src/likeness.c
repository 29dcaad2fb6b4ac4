/*
 * likeness.c - the reader's third way to an intent: how much a line is
 * like the lines that carry it.  A naive Bayes model per intent over the
 * line's words (crudely stemmed) and word pairs, trained on the lexicon's
 * exemplars (lang/exemplars.txt: lines known to carry an intent, and near
 * misses known not to) and on each intent's inline examples and
 * counter-examples.  An intent's negatives are its near misses and every
 * other intent's exemplars on the same side.
 *
 * A line's score for an intent is the log of the odds that it carries
 * it.  Patterns say exactly what they match; this generalises to
 * phrasings no pattern was written for, at some cost in precision, so the
 * threshold is high (normalise.json, "second_chance"/"likeness").
 *
 * The model is built on first use (a few milliseconds) and is read-only
 * afterwards.  Only what a feature needs is stored: for each feature, the
 * intents whose positives or near misses hold it, with its weight for
 * them; for every other intent its weight follows from how often the
 * side's lines hold it (see score below).
 */
#include "likeness.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "jsonpos.h"
#include "strmap.h"
#include "xmalloc.h"

#define RC_FEAT_MAX 96      /* features read from one line */
#define RC_LIKE_MIN_LINES 20 /* positives an intent needs for a model */

struct entry {
	int intent;
	double w;                /* weight of the feature for the intent */
	unsigned cp, nm;         /* positives, near misses holding it */
};

struct feat {
	uint64_t h;              /* 0: empty slot */
	unsigned side[2];        /* positives of each side holding it */
	double lside[2];         /* log(side[k] + 0.5) */
	struct entry *e;
	size_t ne, cape;
};

struct rc_likeness {
	const struct rc_lexicon *lx;
	struct feat *tab;
	size_t cap, n;
	unsigned *npos, *nneg;   /* lines per intent: positives, negatives */
	double *prior, *absent;  /* per intent: log prior odds, A_i below */
	unsigned sidepos[2];     /* positive lines of each side */
	int built, usable;
};

static int
side_index(const struct rc_intent *in)
{
	return (in->side & RC_SIDE_DEBTOR) && !(in->side & RC_SIDE_TRAINEE);
}

static int
stop(const struct rc_lexicon *lx, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < lx->nlike_stop; i++)
		if (strlen(lx->like_stop[i]) == n && memcmp(lx->like_stop[i], w, n) == 0)
			return 1;
	return 0;
}

static uint64_t
hash(const char *s, size_t n, uint64_t h)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h ? h : 1;
}

/* The features of TEXT into OUT (hashes, no repeats): each word that is
 * not a stop word, and each pair of neighbouring words.  Words are
 * lowercased letters, digits and apostrophes, with a plural, past or
 * -ing ending cut from words longer than four letters. */
static size_t
features(const struct rc_lexicon *lx, const char *text, uint64_t *out,
         size_t max)
{
	char w[2][48];
	size_t wl[2] = { 0, 0 }, n = 0, i, k = 0;
	const char *p = text;
	int have_prev = 0;

	while (*p && n + 2 <= max) {
		char *cur = w[k & 1];
		size_t len = 0;
		uint64_t f[2];
		int nf = 0, j;
		static const char *const suf[] = { "ing", "ed", "es", "s", "ly" };

		while (*p && !isalnum((unsigned char)*p) && *p != '\'' &&
		    (unsigned char)*p < 0x80)
			p++;
		if ((unsigned char)*p >= 0x80) {
			/* Curly apostrophes and other non-ASCII: word breaks. */
			p++;
			continue;
		}
		while (*p && (isalnum((unsigned char)*p) || *p == '\'')) {
			if (len < sizeof w[0] - 1)
				cur[len++] = (char)tolower((unsigned char)*p);
			p++;
		}
		if (len == 0)
			continue;
		for (i = 0; i < sizeof suf / sizeof *suf; i++) {
			size_t sl = strlen(suf[i]);

			if (len > 4 && memcmp(cur + len - sl, suf[i], sl) == 0) {
				len -= sl;
				break;
			}
		}
		wl[k & 1] = len;
		if (!stop(lx, cur, len))
			f[nf++] = hash(cur, len, 1469598103934665603u);
		if (have_prev) {
			uint64_t h = hash(w[(k + 1) & 1], wl[(k + 1) & 1],
			    1469598103934665603u);

			h = hash("_", 1, h);
			f[nf++] = hash(cur, len, h);
		}
		for (j = 0; j < nf; j++) {
			for (i = 0; i < n && out[i] != f[j]; i++)
				;
			if (i == n)
				out[n++] = f[j];
		}
		have_prev = 1;
		k++;
	}
	return n;
}

static struct feat *
slot(struct rc_likeness *lk, uint64_t h, int add)
{
	size_t i;

	if (add && 2 * (lk->n + 1) > lk->cap) {
		struct feat *old = lk->tab;
		size_t oldcap = lk->cap, j;

		lk->cap = lk->cap ? 2 * lk->cap : 8192;
		lk->tab = rc_xcalloc(lk->cap, sizeof *lk->tab);
		for (j = 0; j < oldcap; j++)
			if (old[j].h) {
				for (i = old[j].h & (lk->cap - 1); lk->tab[i].h;
				    i = (i + 1) & (lk->cap - 1))
					;
				lk->tab[i] = old[j];
			}
		free(old);
	}
	if (lk->cap == 0)
		return NULL;
	for (i = h & (lk->cap - 1); lk->tab[i].h; i = (i + 1) & (lk->cap - 1))
		if (lk->tab[i].h == h)
			return &lk->tab[i];
	if (!add)
		return NULL;
	lk->tab[i].h = h;
	lk->n++;
	return &lk->tab[i];
}

static struct entry *
entry(struct feat *f, int intent)
{
	size_t i;

	for (i = 0; i < f->ne; i++)
		if (f->e[i].intent == intent)
			return &f->e[i];
	if (f->ne == f->cape) {
		f->cape = f->cape ? 2 * f->cape : 2;
		f->e = rc_xreallocarray(f->e, f->cape, sizeof *f->e);
	}
	memset(&f->e[f->ne], 0, sizeof f->e[f->ne]);
	f->e[f->ne].intent = intent;
	return &f->e[f->ne++];
}

/* One training line: a positive (POS) or a near miss of INTENT. */
static void
learn(struct rc_likeness *lk, int intent, int pos, const char *text)
{
	uint64_t h[RC_FEAT_MAX];
	size_t n = features(lk->lx, text, h, RC_FEAT_MAX), i;
	int s = side_index(&lk->lx->intents[intent]);

	if (n == 0)
		return;
	if (pos) {
		lk->npos[intent]++;
		lk->sidepos[s]++;
	} else {
		lk->nneg[intent] += lk->lx->like_near;
	}
	for (i = 0; i < n; i++) {
		struct feat *f = slot(lk, h[i], 1);
		struct entry *e = entry(f, intent);

		if (pos) {
			e->cp++;
			f->side[s]++;
		} else {
			e->nm += lk->lx->like_near;
		}
	}
}

/* Reads lang/exemplars.txt: "INTENT<TAB>+ or -<TAB>LINE" per line. */
static void
learn_file(struct rc_likeness *lk, const char *path)
{
	struct rc_err err = RC_ERR_INIT;
	size_t len = 0;
	char *text = rc_file_read(path, &len, &err), *p, *nl;

	rc_err_clear(&err);
	if (text == NULL)
		return;
	for (p = text; p < text + len; p = nl + 1) {
		char *tab1, *tab2;
		int intent;

		nl = memchr(p, '\n', (size_t)(text + len - p));
		if (nl == NULL)
			nl = text + len;
		*nl = '\0';
		if ((tab1 = strchr(p, '\t')) == NULL ||
		    (tab2 = strchr(tab1 + 1, '\t')) == NULL)
			continue;
		*tab1 = '\0';
		if ((intent = rc_lexicon_find(lk->lx, p)) < 0)
			continue;
		learn(lk, intent, tab1[1] == '+', tab2 + 1);
	}
	free(text);
}

static void
build(struct rc_likeness *lk)
{
	const struct rc_lexicon *lx = lk->lx;
	struct rc_buf path = RC_BUF_INIT;
	size_t i, j, k;

	lk->built = 1;
	rc_buf_printf(&path, "%s/exemplars.txt", lx->dir);
	learn_file(lk, rc_buf_str(&path));
	rc_buf_free(&path);
	for (i = 0; i < lx->nintents; i++) {
		for (j = 0; j < lx->intents[i].nexamples; j++)
			learn(lk, (int)i, 1, lx->intents[i].examples[j]);
		for (j = 0; j < lx->intents[i].ncounter; j++)
			learn(lk, (int)i, 0, lx->intents[i].counter[j]);
	}
	for (i = 0; i < lx->nintents; i++) {
		int s = side_index(&lx->intents[i]);
		double P = lk->npos[i], N = lk->sidepos[s] - lk->npos[i] + lk->nneg[i];

		/* Intents read from the scenario's facts (a proposal, research,
		 * capitals) are not a matter of words; an intent with few lines
		 * to learn from is left to its patterns, and so is one marked
		 * "likeness": false (see also the per-intent threshold the
		 * reader applies, for intents whose false alarm costs a call). */
		if (P < RC_LIKE_MIN_LINES || N == 0 || !lx->intents[i].likeness ||
		    lx->intents[i].also != RC_ALSO_NONE) {
			lk->prior[i] = -INFINITY;
			continue;
		}
		lk->prior[i] = log(P / N);
		/* A feature the intent never saw, held by C of the side's
		 * positives: log((0.5/(P+1)) / ((C+0.5)/(N+1))) = A - log(C+0.5). */
		lk->absent[i] = log(0.5 / (P + 1)) + log(N + 1);
		lk->nneg[i] = (unsigned)N;
	}
	for (k = 0; k < lk->cap; k++) {
		struct feat *f = &lk->tab[k];

		if (!f->h)
			continue;
		f->lside[0] = log(f->side[0] + 0.5);
		f->lside[1] = log(f->side[1] + 0.5);
		for (j = 0; j < f->ne; j++) {
			struct entry *e = &f->e[j];
			int s = side_index(&lx->intents[e->intent]);
			double P = lk->npos[e->intent], N = lk->nneg[e->intent];
			double cn = (double)f->side[s] - e->cp + e->nm;

			e->w = log((e->cp + 0.5) / (P + 1)) - log((cn + 0.5) / (N + 1));
		}
	}
	lk->usable = lk->n > 0;
}

struct rc_likeness *
rc_likeness_new(const struct rc_lexicon *lx)
{
	struct rc_likeness *lk = rc_xcalloc(1, sizeof *lk);

	lk->lx = lx;
	lk->npos = rc_xcalloc(lx->nintents + 1, sizeof *lk->npos);
	lk->nneg = rc_xcalloc(lx->nintents + 1, sizeof *lk->nneg);
	lk->prior = rc_xcalloc(lx->nintents + 1, sizeof *lk->prior);
	lk->absent = rc_xcalloc(lx->nintents + 1, sizeof *lk->absent);
	return lk;
}

void
rc_likeness_free(struct rc_likeness *lk)
{
	size_t i;

	if (lk == NULL)
		return;
	for (i = 0; i < lk->cap; i++)
		free(lk->tab[i].e);
	free(lk->tab);
	free(lk->npos);
	free(lk->nneg);
	free(lk->prior);
	free(lk->absent);
	free(lk);
}

int
rc_likeness_scores(struct rc_likeness *lk, const char *text, int side,
                   double *score)
{
	const struct rc_lexicon *lx = lk->lx;
	uint64_t h[RC_FEAT_MAX];
	const struct feat *seen[RC_FEAT_MAX];
	size_t n, i, j, nseen = 0;

	if (!lk->built)
		build(lk);
	if (!lk->usable)
		return 0;
	n = features(lx, text, h, RC_FEAT_MAX);
	for (i = 0; i < n; i++)
		if ((seen[nseen] = slot(lk, h[i], 0)) != NULL)
			nseen++;
	/* score_i = prior_i + the weights of the line's features the intent
	 * has seen (in its own lines or as another intent's positives; a
	 * feature nobody on the side has seen weighs nothing).  A feature
	 * that is not among the intent's own positives may only lower the
	 * score: with few positives against many negatives, smoothing would
	 * otherwise make every rare word a sign of every small intent. */
	for (i = 0; i < lx->nintents; i++) {
		int s = side_index(&lx->intents[i]);

		if (!(lx->intents[i].side & side) || lk->prior[i] == -INFINITY) {
			score[i] = -INFINITY;
			continue;
		}
		score[i] = lk->prior[i];
		for (j = 0; j < nseen; j++)
			if (seen[j]->side[s] > 0)
				score[i] += fmin(0, lk->absent[i] - seen[j]->lside[s]);
	}
	for (i = 0; i < nseen; i++)
		for (j = 0; j < seen[i]->ne; j++) {
			const struct entry *e = &seen[i]->e[j];
			int s = side_index(&lx->intents[e->intent]);

			if (score[e->intent] == -INFINITY)
				continue;
			if (seen[i]->side[s] > 0)
				score[e->intent] -= fmin(0, lk->absent[e->intent] -
				    seen[i]->lside[s]);
			score[e->intent] += e->cp > 0 ? e->w : fmin(0, e->w);
		}
	return 1;
}
