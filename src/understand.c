/*
 * understand.c - the reader.  Invariants: a line is normalised once and
 * every intent is tested on that one normal form; intents of the other
 * side are never tested (a debtor's "I can't pay" is no trainee intent);
 * the second chance runs only when nothing of the speaker's side was
 * read, and only compares with examples written in the lexicon.
 */
#include "understand.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <strings.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "likeness.h"
#include "literal.h"
#include "normalise.h"
#include "strmap.h"
#include "xmalloc.h"

/* An example of an intent as a set of stemmed content words (hashes):
 * the lexicon's bag (struct rc_bag), or one this reader made (OWN). */
struct bag {
	int intent;
	const uint32_t *h;
	size_t n;
	uint32_t *own;
};

struct rc_reader {
	const struct rc_lexicon *lx;
	struct rc_norm *norm;
	struct rc_matcher *m;
	struct rc_facts facts;
	int has_facts;
	struct sb_stemmer *stem;
	struct bag *bags;            /* built on the first second chance */
	size_t nbags;
	int bagged;
	int patterns_only;           /* no second chance (lint, checks) */
	int likeness;                /* 0 off, 1 on demand, 2 in every read */
	uint64_t *seen;              /* the lexicon's required words in the line */
	uint64_t *cand;              /* branches whose required words are there */
	int no_prefilter;            /* RECOUP_NO_PREFILTER: try every pattern */
	int grant;                   /* the intent grant-credit, or -1 */
	struct rc_buf scratch;
};

void
rc_reading_free(struct rc_reading *r)
{
	rc_buf_free(&r->norm);
}

struct rc_reader *
rc_reader_new(const struct rc_lexicon *lx)
{
	struct rc_reader *rd = rc_xcalloc(1, sizeof *rd);

	rd->lx = lx;
	rd->likeness = RC_LIKENESS_ALWAYS;
	rd->norm = rc_norm_new(lx);
	rd->m = rc_matcher_new(0);
	rd->seen = rc_xcalloc((lx->nrequired + 63) / 64 + 1, sizeof *rd->seen);
	rd->cand = rc_xcalloc((lx->nbranches + 63) / 64 + 1, sizeof *rd->cand);
	/* For checking the prefilter: the same readings must come out. */
	rd->no_prefilter = getenv("RECOUP_NO_PREFILTER") != NULL &&
	    *getenv("RECOUP_NO_PREFILTER") != '\0';
	rd->grant = rc_lexicon_find(lx, "grant-credit");
	return rd;
}

void
rc_reader_free(struct rc_reader *rd)
{
	size_t i;

	if (rd == NULL)
		return;
	for (i = 0; i < rd->nbags; i++)
		free(rd->bags[i].own);
	free(rd->bags);
	if (rd->stem != NULL)
		sb_stemmer_delete(rd->stem);
	rc_norm_free(rd->norm);
	rc_matcher_free(rd->m);
	free(rd->seen);
	free(rd->cand);
	rc_buf_free(&rd->scratch);
	free(rd);
}

void
rc_reader_set_balance(struct rc_reader *rd, double balance)
{
	if (rd->has_facts)
		rd->facts.balance = balance;
}

void
rc_reader_facts(struct rc_reader *rd, const struct rc_facts *facts)
{
	rd->facts = *facts;
	rd->has_facts = 1;
}

void
rc_reader_vocab(struct rc_reader *rd, const char *text)
{
	if (text != NULL)
		rc_norm_vocab(rd->norm, text);
}

void
rc_reader_vocab_map(struct rc_reader *rd, const struct rc_strmap *words)
{
	rc_norm_vocab_map(rd->norm, words);
}

const struct rc_lexicon *
rc_reader_lexicon(const struct rc_reader *rd)
{
	return rd->lx;
}

int
rc_reader_spelling(struct rc_reader *rd)
{
	return rc_norm_spelling(rd->norm);
}

/* Blanks quoted speech in S: what the speaker reports someone else said
 * is not what the speaker says ("you said 'next week'"). */
static void
blank_quotes(char *s)
{
	char *p = s, *q;

	while (*p) {
		if (*p == '"' || (*p == '\'' && (p == s || !isalnum((unsigned char)p[-1])))) {
			char close = *p;

			for (q = p + 1; *q && *q != close; q++)
				;
			/* A lone apostrophe ("'cause") is not a quotation. */
			if (*q == close && q > p + 1 && (close == '"' ||
			    !isalnum((unsigned char)q[1]))) {
				memset(p, ' ', (size_t)(q - p + 1));
				p = q + 1;
				continue;
			}
		}
		p++;
	}
}

static int
word_in(const char *w, size_t len, char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncasecmp(w, list[i], len) == 0)
			return 1;
	return 0;
}

/* The word ending at END (exclusive) in S: its start, or END when there is
 * none before a clause break.  Punctuation between words ends the clause,
 * and so does a dash standing between spaces (normalising made dashes "-"):
 * "you can't till the 20th - got it".  A hyphen inside a word ("call-out")
 * does not: the hyphenated word counts as one. */
static size_t
word_before(const char *s, size_t end, int *stop)
{
	size_t start;

	*stop = 0;
	while (end > 0 && !isalnum((unsigned char)s[end - 1]) && s[end - 1] != '\'') {
		if (strchr(".!?;,:", s[end - 1]) != NULL || (s[end - 1] == '-' &&
		    (end < 2 || s[end - 2] == ' ') && s[end] == ' ')) {
			*stop = 1;
			return end;
		}
		end--;
	}
	start = end;
	/* A hyphenated word ("call-out", "six-week") is one word of the reach. */
	while (start > 0 && (isalnum((unsigned char)s[start - 1]) || s[start - 1] == '\'' ||
	    (s[start - 1] == '-' && start >= 2 && isalnum((unsigned char)s[start - 2]))))
		start--;
	return start;
}

/* Is the match at OFF in S negated?  A negation cue within the lexicon's
 * reach, in the same clause, negates it - unless a conditional word comes
 * before the cue in that clause: then the negation is the condition's. */
static int
negated(const struct rc_lexicon *lx, const char *s, size_t off)
{
	size_t end = off;
	int words = 0, found = 0;

	for (;;) {
		int stop;
		size_t start = word_before(s, end, &stop);
		size_t len;

		if (stop || start == end)
			break;
		/* word_before stepped back over the gap; find the word's end. */
		for (len = 0; start + len < off && (isalnum((unsigned char)s[start + len]) ||
		    s[start + len] == '\''); len++)
			;
		if (word_in(s + start, len, lx->breaks, lx->nbreaks))
			break;
		if (!found) {
			if (word_in(s + start, len, lx->neg_cues, lx->nneg) ||
			    (len > 3 && strncasecmp(s + start + len - 3, "n't", 3) == 0))
				found = 1;
			else if (++words >= lx->neg_reach)
				break;
		} else if (word_in(s + start, len, lx->cond_cues, lx->ncond)) {
			return 0;
		}
		end = start;
	}
	return found;
}

/* From the words found in the line, the branches worth trying. */
static void
mark_candidates(struct rc_reader *rd)
{
	const struct rc_lexicon *lx = rd->lx;
	size_t nw = (lx->nrequired + 63) / 64, i;

	/* The branches that need no word are always tried. */
	memcpy(rd->cand, lx->always, ((lx->nbranches + 63) / 64 + 1) * sizeof *rd->cand);
	for (i = 0; i < nw; i++) {
		uint64_t bits = rd->seen[i];

		while (bits) {
			int b = __builtin_ctzll(bits);
			const size_t *k;

			bits &= bits - 1;
			for (k = lx->word_branches[i * 64 + (size_t)b]; *k != (size_t)-1; k++)
				rd->cand[*k / 64] |= (uint64_t)1 << (*k % 64);
		}
	}
}

/* Whether the line holds a word of every further set branch BR needs. */
static int
has_also(const struct rc_reader *rd, const struct rc_branch *br)
{
	size_t k = 0, e;

	while (k < br->nalso) {
		int any = 0;

		e = k + 1 + (size_t)br->also[k];
		for (k++; k < e; k++)
			if ((rd->seen[br->also[k] / 64] >> (br->also[k] % 64)) & 1u) {
				any = 1;
				k = e;
				break;
			}
		if (!any)
			return 0;
	}
	return 1;
}

/* Runs intent IN's patterns over SUBJECT (LEN bytes).  Returns 1 and the
 * span of the first match that counts. */
static int
match_intent(struct rc_reader *rd, const struct rc_intent *in, char *subject,
             size_t len, size_t *a, size_t *b)
{
	size_t npats = in->nbranches, i;
	char *scratch = NULL;
	const char *subj = subject;
	int hit = 0, tries;

	for (i = 0; !hit && i < npats; i++) {
		const struct rc_branch *br = &in->branches[i];
		uint64_t bits;

		/* Only the branches whose words are in the line (or that need
		 * none): skip to the next candidate bit at once, not branch by
		 * branch.  Branches of an intent have consecutive indexes. */
		if (!rd->no_prefilter) {
			size_t at = br->index, base = in->branches[0].index;

			bits = rd->cand[at / 64] >> (at % 64);
			while (bits == 0) {
				at = (at / 64 + 1) * 64;
				if (at >= base + npats)
					break;
				bits = rd->cand[at / 64];
			}
			if (bits == 0)
				break;
			at += (size_t)__builtin_ctzll(bits);
			if (at >= base + npats)
				break;
			i = at - base;
			br = &in->branches[i];
			if (!has_also(rd, br))
				continue;
		}
		/* A negated match stays blanked for the intent's later branches
		 * ("not going to send the bailiffs": no bailiffs either), so
		 * branches that hold their own negation ("don't be an idiot")
		 * come first in the lexicon. */
		for (tries = 0; tries < 8; tries++) {
			if (rc_matcher_exec(rd->m, br->p, subj, len) != RC_MATCH_YES)
				break;
			rc_matcher_span(rd->m, a, b);
			if (!in->negatable || !negated(rd->lx, subj, *a)) {
				hit = 1;
				break;
			}
			/* Negated: blank this occurrence and look for another. */
			if (*b <= *a)
				break;
			if (scratch == NULL) {
				scratch = rc_xmalloc(len + 1);
				memcpy(scratch, subject, len + 1);
				subj = scratch;
			}
			memset(scratch + *a, ' ', *b - *a);
		}
	}
	free(scratch);
	if (hit)
		for (i = 0; i < in->nnot; i++)
			if (rc_matcher_exec(rd->m, in->not[i], subject, len) == RC_MATCH_YES)
				return 0;
	return hit;
}

/* Does one of IN's exclusions match? */
static int
excluded(struct rc_reader *rd, const struct rc_intent *in, const char *s,
         size_t len)
{
	size_t i;

	for (i = 0; i < in->nnot; i++)
		if (rc_matcher_exec(rd->m, in->not[i], s, len) == RC_MATCH_YES)
			return 1;
	return 0;
}

/* Does the line name something of the case file: an invoice id, an
 * invoice amount or the balance, the days overdue? */
static int
names_case(const struct rc_reader *rd, const struct rc_reading *r, size_t *a,
           size_t *b)
{
	const struct rc_facts *f = &rd->facts;
	const char *s = rc_buf_str(&r->norm);
	size_t i, j;

	for (i = 0; i < r->nmoney && i < RC_AMOUNT_MAX; i++)
		for (j = 0; j < f->namounts; j++)
			if (fabs(r->money[i].value - f->amounts[j]) < 0.5) {
				*a = r->money[i].start;
				*b = r->money[i].end;
				return 1;
			}
	for (i = 0; i < f->ninvoices; i++) {
		const char *id = f->invoice_ids[i], *digits = id, *p;
		size_t dl;

		while (*digits && !isdigit((unsigned char)*digits))
			digits++;
		dl = strspn(digits, "0123456789");
		if (dl < 3)
			continue;
		for (p = strstr(s, digits); p != NULL; p = strstr(p + 1, digits))
			if ((p == s || !isdigit((unsigned char)p[-1])) &&
			    !isdigit((unsigned char)p[dl]) && p[dl] != ',' ) {
				*a = (size_t)(p - s);
				*b = *a + dl;
				return 1;
			}
	}
	if (f->days_overdue > 0) {
		char num[16];
		const char *p;

		snprintf(num, sizeof num, "%d", f->days_overdue);
		for (p = strstr(s, num); p != NULL; p = strstr(p + 1, num))
			if ((p == s || !isdigit((unsigned char)p[-1])) &&
			    strncasecmp(p + strlen(num), " days", 5) == 0) {
				*a = (size_t)(p - s);
				*b = *a + strlen(num) + 5;
				return 1;
			}
	}
	return 0;
}

static int
names_research(struct rc_reader *rd, const char *s, size_t len, size_t *a,
               size_t *b)
{
	size_t i;

	for (i = 0; i < rd->facts.nresearch; i++)
		if (rc_matcher_exec(rd->m, rd->facts.research[i], s, len) == RC_MATCH_YES) {
			rc_matcher_span(rd->m, a, b);
			return 1;
		}
	return 0;
}

static void
add_hit(struct rc_reading *r, int intent, size_t a, size_t b,
        enum rc_read_path path)
{
	if (rc_intents_has(&r->set, intent) || r->nhits >= RC_INTENT_MAX)
		return;
	rc_intents_add(&r->set, intent);
	r->hits[r->nhits].intent = intent;
	r->hits[r->nhits].start = a;
	r->hits[r->nhits].end = b;
	r->hits[r->nhits].path = path;
	r->nhits++;
}

/* Second chance: the stemmed content words of a text, as hashes. */
static size_t
stems(struct rc_reader *rd, const char *text, uint32_t *out, size_t max)
{
	const char *p = text;
	size_t n = 0, i;

	if (rd->stem == NULL)
		rd->stem = sb_stemmer_new("english", NULL);
	while (*p && n < max) {
		char w[48];
		size_t k = 0;
		const sb_symbol *st;
		uint32_t h = 2166136261u;
		int dup = 0;

		while (*p && !isalnum((unsigned char)*p))
			p++;
		while (*p && (isalnum((unsigned char)*p) || *p == '\'')) {
			if (k < sizeof w - 1)
				w[k++] = (char)tolower((unsigned char)*p);
			p++;
		}
		if (k == 0 || rc_strmap_get(rd->lx->stopwords, w, k, NULL))
			continue;
		w[k] = '\0';
		if (rd->stem != NULL) {
			st = sb_stemmer_stem(rd->stem, (const sb_symbol *)w, (int)k);
			k = (size_t)sb_stemmer_length(rd->stem);
		} else {
			st = (const sb_symbol *)w;
		}
		for (i = 0; st != NULL && i < k; i++) {
			h ^= st[i];
			h *= 16777619u;
		}
		for (i = 0; i < n; i++)
			dup |= out[i] == h;
		if (!dup)
			out[n++] = h;
	}
	return n;
}

/* Drops intents that one of their "unless" intents overrules, in one pass
 * over what was read (an overruled intent still overrules others). */
static void
drop_unless(struct rc_reader *rd, struct rc_reading *r)
{
	const struct rc_lexicon *lx = rd->lx;
	struct rc_intents before = r->set;
	size_t i, j, k = 0;

	for (i = 0; i < r->nhits; i++) {
		const struct rc_intent *in = &lx->intents[r->hits[i].intent];
		int drop = 0;

		for (j = 0; j < in->nunless && !drop; j++)
			drop = rc_intents_has(&before, in->unless[j]);
		if (drop) {
			r->set.w[r->hits[i].intent / 64] &=
			    ~((uint64_t)1 << (r->hits[i].intent % 64));
			continue;
		}
		r->hits[k++] = r->hits[i];
	}
	r->nhits = k;
}

#define RC_BAG_MAX 48

/* A fixed text: bags read back from the cache were made by a stemmer
 * that made the same of it, or they are made again. */
static const char probe_text[] = "paying payments arranged arrangement "
    "calling called disputes disputing invoices agreed agreeable happily";

static uint32_t
probe(struct rc_reader *rd)
{
	uint32_t h[RC_BAG_MAX], x = 2166136261u;
	size_t n = stems(rd, probe_text, h, RC_BAG_MAX), i;

	for (i = 0; i < n; i++)
		x = (x ^ h[i]) * 16777619u;
	return x ^ (uint32_t)n;
}

/* Does TEXT hold a run of three of one letter ("sooo")?  Only such a
 * word's normal form can depend on the reader's vocabulary (normalise.c
 * cuts the run to a word the vocabulary or the dictionary knows); every
 * other word of an example is in the lexicon's vocabulary and stays. */
static int
has_run(const char *text)
{
	size_t i;

	for (i = 2; text[0] && text[1] && text[i]; i++)
		if (isalpha((unsigned char)text[i]) &&
		    tolower((unsigned char)text[i]) == tolower((unsigned char)text[i - 1]) &&
		    tolower((unsigned char)text[i]) == tolower((unsigned char)text[i - 2]))
			return 1;
	return 0;
}

/* The lexicon's bags, made from the lexicon alone (its vocabulary, no
 * scenario's) on first need and kept with it; an example with a letter
 * run is left to each reader. */
static const struct rc_bags *
lexicon_bags(struct rc_reader *rd)
{
	struct rc_lexicon *lx = (struct rc_lexicon *)rd->lx;
	struct rc_buf norm = RC_BUF_INIT;
	struct rc_norm *nm;
	struct rc_bags *b;
	size_t i, j, k = 0, total = 0;
	uint32_t pr = probe(rd);

	if (lx->bags != NULL && lx->bags->probe == pr)
		return lx->bags;
	rc_bags_free(lx->bags);
	for (i = 0; i < lx->nintents; i++)
		total += lx->intents[i].nexamples;
	b = rc_xcalloc(1, sizeof *b);
	b->v = rc_xcalloc(total + 1, sizeof *b->v);
	b->n = total;
	b->probe = pr;
	nm = rc_norm_new(lx);
	for (i = 0; i < lx->nintents; i++)
		for (j = 0; j < lx->intents[i].nexamples; j++, k++) {
			const char *ex = lx->intents[i].examples[j];
			uint32_t h[RC_BAG_MAX];

			if (has_run(ex)) {
				b->v[k].reader = 1;
				continue;
			}
			rc_norm_line(nm, ex, &norm);
			b->v[k].n = stems(rd, rc_buf_str(&norm), h, RC_BAG_MAX);
			b->v[k].h = rc_xcalloc(b->v[k].n + 1, sizeof *h);
			memcpy(b->v[k].h, h, b->v[k].n * sizeof *h);
		}
	rc_norm_free(nm);
	rc_buf_free(&norm);
	lx->bags = b;
	lx->cache_dirty = 1;
	return b;
}

static void
build_bags(struct rc_reader *rd)
{
	const struct rc_lexicon *lx = rd->lx;
	const struct rc_bags *lb = lexicon_bags(rd);
	struct rc_buf norm = RC_BUF_INIT;
	size_t i, j, k = 0;

	rd->bagged = 1;
	rd->bags = rc_xcalloc(lb->n + 1, sizeof *rd->bags);
	for (i = 0; i < lx->nintents; i++)
		for (j = 0; j < lx->intents[i].nexamples; j++) {
			const struct rc_bag *src = &lb->v[k++];
			struct bag *b = &rd->bags[rd->nbags];
			uint32_t h[RC_BAG_MAX];

			if (src->reader) {
				rc_norm_line(rd->norm, lx->intents[i].examples[j], &norm);
				b->n = stems(rd, rc_buf_str(&norm), h, RC_BAG_MAX);
				if (b->n == 0)
					continue;
				b->own = rc_xmalloc(b->n * sizeof *h);
				memcpy(b->own, h, b->n * sizeof *h);
				b->h = b->own;
			} else {
				if (src->n == 0)
					continue;
				b->h = src->h;
				b->n = src->n;
			}
			b->intent = (int)i;
			rd->nbags++;
		}
	rc_buf_free(&norm);
}

/* Does TEXT hold a negation cue ("not", "no", "never", "...n't")? */
static int
has_negation(const struct rc_lexicon *lx, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n;

		while (*p && !isalnum((unsigned char)*p))
			p++;
		for (n = 0; isalnum((unsigned char)p[n]) || p[n] == '\''; n++)
			;
		if (n == 0)
			break;
		if (word_in(p, n, lx->neg_cues, lx->nneg) ||
		    (n > 3 && strncasecmp(p + n - 3, "n't", 3) == 0))
			return 1;
		p += n;
	}
	return 0;
}

/* Was an intent read that says what the line means?  Marks (a question
 * mark, talk of money) say only how it is put or what it touches on. */
static int
understood(const struct rc_lexicon *lx, const struct rc_reading *r)
{
	size_t i;

	for (i = 0; i < r->nhits; i++)
		if (!lx->intents[r->hits[i].intent].mark)
			return 1;
	return 0;
}

/* The intent of SIDE whose example is most like TEXT, when like enough. */
static void
second_chance(struct rc_reader *rd, const char *text, enum rc_side side,
              struct rc_reading *r)
{
	uint32_t h[RC_BAG_MAX];
	size_t n, i, j, k;
	double best = 0;
	int intent = -1, negation;

	if (rd->lx->similar_threshold > 1)
		return;
	n = stems(rd, text, h, RC_BAG_MAX);
	if (n < (size_t)rd->lx->similar_min_words)
		return;
	if (!rd->bagged)
		build_bags(rd);
	negation = has_negation(rd->lx, text);
	for (i = 0; i < rd->nbags; i++) {
		const struct bag *b = &rd->bags[i];
		size_t common = 0;
		double sim;

		/* Words alone cannot tell "deal" from "no deal": a line with a
		 * negation in it is never likened to a negatable intent.  Nor
		 * are words a mark's business (a question is its '?'). */
		if (!(rd->lx->intents[b->intent].side & side) ||
		    rd->lx->intents[b->intent].mark ||
		    (negation && rd->lx->intents[b->intent].negatable))
			continue;
		for (j = 0; j < n; j++)
			for (k = 0; k < b->n; k++)
				if (h[j] == b->h[k]) {
					common++;
					break;
				}
		sim = (double)common / sqrt((double)n * (double)b->n);
		if (sim > best + 1e-12) {
			best = sim;
			intent = b->intent;
		}
	}
	r->similarity = best;
	if (intent >= 0 && best >= rd->lx->similar_threshold)
		add_hit(r, intent, 0, strlen(text), RC_READ_SIMILAR);
}

/* The last way to an intent: the line is like the lines known to carry
 * it (likeness.h), judged on the line as typed (the exemplars are
 * written as people type).  Adds every intent of SIDE not read yet whose
 * log odds reach the lexicon's threshold; as in the second chance, a line
 * with a negation is never likened to a negatable intent. */
static void
likeness(struct rc_reader *rd, const char *typed, const char *norm,
         enum rc_side side, struct rc_reading *r)
{
	struct rc_lexicon *lx = (struct rc_lexicon *)rd->lx;
	double *score;
	size_t i;
	int negation;

	if (lx->like_threshold == HUGE_VAL)
		return;
	if (lx->likeness == NULL)
		lx->likeness = rc_likeness_new(lx);
	score = rc_xcalloc(lx->nintents + 1, sizeof *score);
	if (rc_likeness_scores(lx->likeness, typed, (int)side, score)) {
		negation = has_negation(lx, norm);
		for (i = 0; i < lx->nintents; i++) {
			const struct rc_intent *in = &lx->intents[i];
			size_t j;
			int overruled = 0;

			/* What the patterns read stands: an intent one of them
			 * overrules ("unless") is not added. */
			for (j = 0; j < in->nunless && !overruled; j++)
				overruled = rc_intents_has(&r->set, in->unless[j]);
			if (score[i] >= (in->like_threshold > 0 ? in->like_threshold :
			    lx->like_threshold) && !overruled &&
			    !(negation && in->negatable))
				add_hit(r, (int)i, 0, strlen(norm), RC_READ_LIKENESS);
		}
	}
	free(score);
}

/* Is S[A, B) a bare number (digits and commas, no currency sign before
 * it) that is one of the case's invoice numbers ("5512" for INV-5512)?
 * Such a number names an invoice, not an amount of money. */
static int
invoice_number_from(const struct rc_reader *rd, const char *s, size_t a,
                    size_t b, size_t from)
{
	char digits[32];
	size_t i, n = 0;

	if (!rd->has_facts || b <= a)
		return 0;
	for (i = a; i < b; i++) {
		if (isdigit((unsigned char)s[i])) {
			if (n + 1 >= sizeof digits)
				return 0;
			digits[n++] = s[i];
		} else if (s[i] != ',') {
			return 0;
		}
	}
	digits[n] = '\0';
	if (n < 3 || (a > 0 && strchr("$\xa3#", s[a - 1]) != NULL))
		return 0;
	for (i = from; i < rd->facts.nall_invoices; i++) {
		const char *id = rd->facts.invoice_ids[i], *d;

		if (id == NULL)
			continue;
		d = id + strlen(id);
		while (d > id && isdigit((unsigned char)d[-1]))
			d--;
		if (strcmp(d, digits) == 0)
			return 1;
	}
	return 0;
}

static int
invoice_number(const struct rc_reader *rd, const char *s, size_t a, size_t b)
{
	return invoice_number_from(rd, s, a, b, 0);
}

/* TEXT with the case's numbers that are no sum written as words, for the
 * terms reader: its paid invoices' numbers ("when did you pay 5512?"
 * proposes nothing; the unpaid ones the reader knows itself, as invoices
 * that may be proposed) and its days overdue said bare. */
static const char *
without_case_numbers(struct rc_reader *rd, const char *text)
{
	size_t i = 0, j, len = strlen(text);

	rc_buf_reset(&rd->scratch);
	while (i < len) {
		if (isdigit((unsigned char)text[i]) &&
		    (i == 0 || !isalnum((unsigned char)text[i - 1]))) {
			for (j = i; j < len && (isdigit((unsigned char)text[j]) ||
			    (text[j] == ',' && j + 1 < len &&
			    isdigit((unsigned char)text[j + 1]))); j++)
				;
			if ((j == len || !isalnum((unsigned char)text[j])) &&
			    invoice_number_from(rd, text, i, j, rd->facts.ninvoices)) {
				rc_buf_puts(&rd->scratch, "that invoice");
				i = j;
				continue;
			}
			/* "you're at 47 already": the case's days overdue, said
			 * bare (no currency before it, no decimals), is no sum */
			if (rd->facts.days_overdue > 0 && j - i < 5 &&
			    (j == len || (!isalnum((unsigned char)text[j]) &&
			    !(text[j] == '.' && j + 1 < len &&
			    isdigit((unsigned char)text[j + 1])))) &&
			    !(i > 0 && (text[i - 1] == '$' ||
			    (unsigned char)text[i - 1] >= 0x80)) &&
			    atoi(text + i) == rd->facts.days_overdue &&
			    memchr(text + i, ',', j - i) == NULL) {
				rc_buf_puts(&rd->scratch, "that many days");
				i = j;
				continue;
			}
			rc_buf_add(&rd->scratch, text + i, j - i);
			i = j;
			continue;
		}
		rc_buf_putc(&rd->scratch, text[i++]);
	}
	return rc_buf_str(&rd->scratch);
}

/* The credit granted by the words [A, B) of SUBJECT is what is left, no
 * figure said: "pay £4,500 and we'll write off the rest", "write the
 * remainder off". */
static int
credits_the_rest(const char *subject, size_t a, size_t b)
{
	static const char *const rest[] = {
		"the rest", "the remainder", "the remaining", "whatever's left",
		"what's left", "everything else", NULL
	};
	size_t i, k;

	while (subject[b] == ' ')
		b++;
	for (k = 0; rest[k] != NULL; k++) {
		size_t n = strlen(rest[k]);

		if (strncasecmp(subject + b, rest[k], n) == 0)
			return 1;
		for (i = a; i + n <= b; i++)
			if (strncasecmp(subject + i, rest[k], n) == 0)
				return 1;
	}
	return 0;
}

/* A credit granted in the line (trainee side): OUT->credit is the amount
 * said nearest the words that grant it, below the debt, and that amount
 * is no payment: it leaves the proposal read from the line ("I'll credit
 * the $640 today", "knock the 640 off"); what else the line proposes stays
 * ("I'll waive the $120 fee if you pay 6,580 today"). */
/* Whether a sentence ends in S between X and Y: ".", "!" or "?" followed
 * by a space or the end (a decimal point is not). */
static int
sentence_between(const char *s, size_t x, size_t y)
{
	size_t i;

	for (i = x; i < y; i++)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    (s[i + 1] == ' ' || s[i + 1] == '\0'))
			return 1;
	return 0;
}

/* Whether the sum at AT in S is said as a limit: "up to $750", "as much
 * as 500", "a maximum of £200". */
static int
limit_before(const char *s, size_t at)
{
	static const char *const limits[] = {
		"up to ", "as much as ", "maximum of ", "max of ", "limit of ",
		"no more than ", "not more than ", NULL
	};
	size_t k, n;

	while (at > 0 && (s[at - 1] == '$' || (unsigned char)s[at - 1] >= 0x80))
		at--;
	for (k = 0; limits[k] != NULL; k++) {
		n = strlen(limits[k]);
		if (at >= n && strncasecmp(s + at - n, limits[k], n) == 0)
			return 1;
	}
	return 0;
}

static void
read_credit(struct rc_reader *rd, char *subject, size_t len,
            struct rc_reading *out)
{
	struct rc_proposal *p = &out->prop;
	struct rc_terms t;
	size_t a, b, i, best = (size_t)-1, dist;
	double debt = rd->has_facts ? rd->facts.balance : 0;
	int64_t c;
	int32_t due;
	int gone = 0, named = 0;

	if (rd->grant < 0 || out->nmoney == 0 ||
	    !match_intent(rd, &rd->lx->intents[rd->grant], subject, len, &a, &b) ||
	    credits_the_rest(subject, a, b))
		return;
	/* "There's a £10 reminder fee, but if you can pay £630 by the 15th
	 * we'll take it off": the sum named a fee or credit is the one */
	for (i = 0; i < out->nmoney; i++)
		if (rc_amount_named_cost(subject, out->money[i].end))
			named = 1;
	for (i = 0; i < out->nmoney; i++) {
		const struct rc_money *m = &out->money[i];

		if (m->value <= 0 || (debt > 0 && m->value >= debt - 0.005) ||
		    (named && !rc_amount_named_cost(subject, m->end)))
			continue;
		/* "let's forget the fee. We'll go with $690 today, ...": a sum
		 * in another sentence is not the one granted */
		if (sentence_between(subject, m->start < a ? m->end : b,
		    m->start < a ? a : m->start))
			continue;
		/* "I can do a credit up to $750": a limit, not the credit */
		if (limit_before(subject, m->start))
			continue;
		dist = m->start > a ? m->start - a : a - m->end;
		if (dist < best) {
			best = dist;
			out->credit = m->value;
		}
	}
	if (out->credit <= 0 || p->kind == RC_PROP_NONE)
		return;
	c = rc_cents(out->credit);
	rc_terms_clear(&t);
	for (i = 0; i < (size_t)p->terms.n; i++) {
		const struct rc_part *q = &p->terms.part[i];

		if (!gone && q->count == 1 && q->cents == c) {
			gone = 1;
			continue;
		}
		rc_terms_add(&t, q->cents, q->count, q->every, q->due, q->when);
	}
	if (!gone)
		return;
	if (t.n == 0) {
		memset(p, 0, sizeof *p);
		p->kind = RC_PROP_NONE;
		return;
	}
	/* the credit comes off the debt too: what is left open stays */
	t.total = p->terms.total - c;
	t.balance_left = p->terms.balance_left;
	memcpy(t.method, p->terms.method, sizeof t.method);
	p->terms = t;
	p->kind = rc_terms_count(&t) > 1 ? RC_PROP_PLAN : RC_PROP_LUMP;
	p->upfront = t.part[0].count == 1 ? rc_units(rc_terms_first(&t, &due)) : 0;
	p->instalment = rc_units(rc_terms_instalment(&t, NULL));
	p->total = rc_units(t.total);
	p->share = 0;
}

void
rc_reader_read(struct rc_reader *rd, const char *text, enum rc_side side,
               struct rc_reading *out)
{
	const struct rc_lexicon *lx = rd->lx;
	const char *norm;
	char *subject;
	size_t len, i, a, b;

	rc_buf_reset(&out->norm);
	memset(&out->set, 0, sizeof out->set);
	out->nhits = 0;
	out->credit = 0;
	out->similarity = 0;
	out->changes = rc_norm_line(rd->norm, text ? text : "", &out->norm);
	norm = rc_buf_str(&out->norm);
	len = strlen(norm);
	out->nmoney = rc_amount_find(norm, out->money, RC_AMOUNT_MAX);
	if (out->nmoney > RC_AMOUNT_MAX)
		out->nmoney = RC_AMOUNT_MAX;
	for (i = a = 0; i < out->nmoney; i++)
		if (!invoice_number(rd, norm, out->money[i].start, out->money[i].end))
			out->money[a++] = out->money[i];
	out->nmoney = a;
	{
		struct rc_deal_case dc;

		memset(&dc, 0, sizeof dc);
		dc.today = RC_DATE_NONE;
		if (rd->has_facts) {
			dc.balance = rd->facts.balance;
			dc.today = rd->facts.today;
			dc.day_first = rd->facts.day_first;
			dc.invoice_ids = rd->facts.invoice_ids;
			dc.invoice_amounts = rd->facts.amounts;
			dc.ninvoices = rd->facts.ninvoices;
		}
		rc_amount_proposal(rd->has_facts ? without_case_numbers(rd,
		    norm) : norm, &dc, &out->prop);
	}

	rc_buf_reset(&rd->scratch);
	rc_buf_add(&rd->scratch, norm, len);
	subject = (char *)rc_buf_str(&rd->scratch);
	blank_quotes(subject);
	memset(rd->seen, 0, ((lx->nrequired + 63) / 64 + 1) * sizeof *rd->seen);
	rc_ac_scan(lx->ac, subject, rd->seen);
	mark_candidates(rd);
	if (side & RC_SIDE_TRAINEE)
		read_credit(rd, subject, len, out);
	for (i = 0; i < lx->nintents; i++) {
		const struct rc_intent *in = &lx->intents[i];

		if (!(in->side & side))
			continue;
		if (in->npatterns > 0 && match_intent(rd, in, subject, len, &a, &b)) {
			add_hit(out, (int)i, a, b, RC_READ_PATTERN);
			continue;
		}
		if (in->also != RC_ALSO_NONE && excluded(rd, in, subject, len))
			continue;
		switch (in->also) {
		case RC_ALSO_CASE:
			if (rd->has_facts && names_case(rd, out, &a, &b))
				add_hit(out, (int)i, a, b, RC_READ_FACTS);
			break;
		case RC_ALSO_RESEARCH:
			if (rd->has_facts && names_research(rd, subject, len, &a, &b))
				add_hit(out, (int)i, a, b, RC_READ_FACTS);
			break;
		case RC_ALSO_SHOUT:
			if (rc_text_shouted(text ? text : ""))
				add_hit(out, (int)i, 0, len, RC_READ_FACTS);
			break;
		case RC_ALSO_PROPOSAL:
			if (out->prop.kind != RC_PROP_NONE)
				add_hit(out, (int)i, 0, len, RC_READ_FACTS);
			break;
		case RC_ALSO_NONE:
			break;
		}
	}
	/* A research fact written as intents: reading one of them is using
	 * the research, as a match of its patterns is. */
	for (i = 0; rd->has_facts && i < rd->facts.nresearch_intents; i++)
		if (rc_intents_has(&out->set, rd->facts.research_intents[i])) {
			size_t k;

			for (k = 0; k < lx->nintents; k++)
				if (lx->intents[k].also == RC_ALSO_RESEARCH &&
				    (lx->intents[k].side & side) &&
				    !rc_intents_has(&out->set, (int)k))
					add_hit(out, (int)k, 0, len, RC_READ_FACTS);
			break;
		}
	drop_unless(rd, out);
	if (!understood(lx, out) && !rd->patterns_only)
		second_chance(rd, norm, side, out);
	out->firm = out->set;
	if (!rd->patterns_only && rd->likeness == RC_LIKENESS_ALWAYS)
		likeness(rd, text ? text : "", norm, side, out);
}

void
rc_reader_likeness(struct rc_reader *rd, enum rc_likeness_use use)
{
	rd->likeness = (int)use;
}

int
rc_reader_add_likeness(struct rc_reader *rd, const char *text, enum rc_side side,
                       struct rc_reading *r)
{
	if (rd->likeness == RC_LIKENESS_OFF || rd->patterns_only)
		return 0;
	if (rd->likeness == RC_LIKENESS_ON_DEMAND)
		likeness(rd, text ? text : "", rc_buf_str(&r->norm), side, r);
	return !rc_intents_equal(&r->set, &r->firm);
}

int
rc_reader_intent(struct rc_reader *rd, int i, const char *text)
{
	struct rc_reading r = RC_READING_INIT;
	int hit;

	if (i < 0 || (size_t)i >= rd->lx->nintents)
		return 0;
	rd->patterns_only = 1;
	rc_reader_read(rd, text, rd->lx->intents[i].side == RC_SIDE_DEBTOR ?
	    RC_SIDE_DEBTOR : RC_SIDE_TRAINEE, &r);
	rd->patterns_only = 0;
	hit = rc_reading_has(&r, i);
	rc_reading_free(&r);
	return hit;
}

size_t
rc_reader_check(struct rc_reader *rd, struct rc_err *err)
{
	const struct rc_lexicon *lx = rd->lx;
	size_t i, j, fails = 0;

	for (i = 0; i < lx->nintents; i++) {
		const struct rc_intent *in = &lx->intents[i];

		for (j = 0; j < in->nexamples; j++)
			if (!rc_reader_intent(rd, (int)i, in->examples[j])) {
				rc_err_add(err, RC_ERROR, "%s: %s/examples/%zu: intent '%s' "
				    "does not read its example \"%s\"", lx->path, in->where,
				    j, in->id, in->examples[j]);
				fails++;
			}
		for (j = 0; j < in->ncounter; j++)
			if (rc_reader_intent(rd, (int)i, in->counter[j])) {
				rc_err_add(err, RC_ERROR, "%s: %s/counter_examples/%zu: intent "
				    "'%s' reads its counter-example \"%s\"", lx->path,
				    in->where, j, in->id, in->counter[j]);
				fails++;
			}
	}
	return fails;
}

int
rc_text_shouted(const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	int upper = 0, lower = 0, capwords = 0;

	/* Word by word: a word with a digit ("INV-2291") or of one or two
	 * letters ("I", "OK") is not shouting; letters of other words count. */
	while (*p) {
		int u = 0, l = 0, digit = 0;

		while (*p && isspace(*p))
			p++;
		for (; *p && !isspace(*p); p++) {
			if (isupper(*p))
				u++;
			else if (islower(*p))
				l++;
			else if (isdigit(*p))
				digit = 1;
		}
		if (digit || u + l < 3)
			continue;
		upper += u;
		lower += l;
		if (u >= 3 && l == 0)
			capwords++;
	}
	/* A line mostly in capitals, or three words in capitals, is. */
	return (upper >= 8 && upper > 2 * lower) || capwords >= 3;
}

