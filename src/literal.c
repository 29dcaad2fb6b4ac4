/*
 * literal.c - a small recursive reader of PCRE2 syntax computing required
 * literals, and an Aho-Corasick automaton over the 26 letters.
 *
 * Required literals, by node: a run of letters not made optional is
 * itself; a sequence takes its most selective part (the set whose
 * shortest word is longest); an alternation needs every branch to have a
 * set and takes their union; a group repeated at least once is its
 * content; anything optional, a class, an escape, a lookaround or a
 * back-reference gives no set.  Unknown syntax gives no set, which is
 * always safe: the pattern then simply runs.
 */
#include "literal.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Everything one reading of a pattern allocates comes from one arena,
 * freed at once: a pattern makes many short-lived sets, and allocating
 * each on the heap cost more than the reading itself. */
struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
};

struct arena {
	struct chunk *head;
};

static void *
aalloc(struct arena *a, size_t size)
{
	struct chunk *c = a->head;
	void *p;

	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) *
	    sizeof(max_align_t);
	if (c == NULL || c->cap - c->used < size) {
		size_t cap = size > 8192 ? size : 8192;

		c = rc_xmalloc(sizeof *c + cap);
		c->next = a->head;
		c->used = 0;
		c->cap = cap;
		a->head = c;
	}
	p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

static void
arena_free(struct arena *a)
{
	while (a->head != NULL) {
		struct chunk *c = a->head;

		a->head = c->next;
		free(c);
	}
}

/* A set of words; NULL means "no set". */
struct set {
	const char **v;
	size_t *len;     /* strlen of each word */
	size_t n, cap;
	size_t minlen;
};

static struct set *
set_new(struct arena *a)
{
	struct set *s = aalloc(a, sizeof *s);

	memset(s, 0, sizeof *s);
	return s;
}

/* Is W (LEN bytes) in S? */
static int
set_has(const struct set *s, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->len[i] == len && memcmp(s->v[i], w, len) == 0)
			return 1;
	return 0;
}

/* Adds W (LEN bytes, kept in the arena already when OWNED) to S. */
static void
set_put(struct arena *a, struct set *s, const char *w, size_t len, int owned)
{
	if (set_has(s, w, len))
		return;
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 4;
		const char **v = aalloc(a, cap * sizeof *v);
		size_t *l = aalloc(a, cap * sizeof *l);

		if (s->n) {
			memcpy(v, s->v, s->n * sizeof *v);
			memcpy(l, s->len, s->n * sizeof *l);
		}
		s->v = v;
		s->len = l;
		s->cap = cap;
	}
	if (!owned) {
		char *c = aalloc(a, len + 1);

		memcpy(c, w, len);
		c[len] = '\0';
		w = c;
	}
	s->v[s->n] = w;
	s->len[s->n] = len;
	s->n++;
	if (s->n == 1 || len < s->minlen)
		s->minlen = len;
}

/* Is A more selective than B? */
static int
better(const struct set *a, const struct set *b)
{
	if (b == NULL)
		return a != NULL;
	if (a == NULL)
		return 0;
	if (a->minlen != b->minlen)
		return a->minlen > b->minlen;
	return a->n < b->n;
}

struct parser {
	const char *p;
	int bad;
	struct arena arena;
	int depth;            /* groups open around the reading point */
	int collect;          /* keep every required set of the top level */
	struct set **all;     /* ...here (arena memory) */
	size_t nall, capall;
};

/* Keeps S, a set the top-level sequence cannot match without. */
static void
collect(struct parser *ps, struct set *s)
{
	if (!ps->collect || ps->depth != 0 || s == NULL)
		return;
	if (ps->nall == ps->capall) {
		size_t cap = ps->capall ? 2 * ps->capall : 8;
		struct set **v = aalloc(&ps->arena, cap * sizeof *v);

		if (ps->nall)
			memcpy(v, ps->all, ps->nall * sizeof *v);
		ps->all = v;
		ps->capall = cap;
	}
	ps->all[ps->nall++] = s;
}

static struct set *alternation(struct parser *ps);

/* Skips a quantifier at PS->p; returns its minimum (1 when none). */
static int
quantifier(struct parser *ps)
{
	const char *p = ps->p;
	int min = 1;

	if (*p == '?' || *p == '*') {
		min = 0;
		p++;
	} else if (*p == '+') {
		p++;
	} else if (*p == '{' && isdigit((unsigned char)p[1])) {
		min = atoi(p + 1);
		while (*p && *p != '}')
			p++;
		if (*p == '}')
			p++;
	} else {
		return 1;
	}
	if (*p == '?' || *p == '+')
		p++;
	ps->p = p;
	return min;
}

static int
is_quantifier(const char *p)
{
	return *p == '?' || *p == '*' || *p == '+' ||
	    (*p == '{' && isdigit((unsigned char)p[1]));
}

/* Skips an escape at PS->p (just after the backslash). */
static void
escape(struct parser *ps)
{
	const char *p = ps->p;

	if ((*p == 'p' || *p == 'P' || *p == 'x' || *p == 'g' || *p == 'k') && p[1] == '{') {
		while (*p && *p != '}')
			p++;
		if (*p)
			p++;
	} else if (*p == 'k' && (p[1] == '<' || p[1] == '\'')) {
		while (*p && *p != '>' && *p != '\'')
			p++;
		if (*p)
			p++;
	} else if (*p) {
		p++;
	}
	ps->p = p;
}

/* A sequence up to '|', ')' or the end. */
static struct set *
sequence(struct parser *ps)
{
	struct set *best = NULL;
	char run[256];
	size_t rl = 0;

#define FLUSH() do { \
		if (rl >= RC_LITERAL_MIN && ps->collect && ps->depth == 0) { \
			struct set *one = set_new(&ps->arena); \
			set_put(&ps->arena, one, run, rl, 0); \
			collect(ps, one); \
		} \
		/* A one-word set beats BEST when its word is longer, or as \
		 * long and BEST has more words (see better()). */ \
		if (rl >= RC_LITERAL_MIN && (best == NULL || rl > best->minlen || \
		    (rl == best->minlen && best->n > 1))) { \
			best = set_new(&ps->arena); \
			set_put(&ps->arena, best, run, rl, 0); \
		} \
		rl = 0; \
	} while (0)

	while (*ps->p && *ps->p != '|' && *ps->p != ')' && !ps->bad) {
		char c = *ps->p;

		if (isalpha((unsigned char)c)) {
			ps->p++;
			if (is_quantifier(ps->p)) {
				const char *q = ps->p;
				int min;

				/* A letter that may be missing ends the run before
				 * it; one that may be repeated ("hel+o") ends the run
				 * after it, and its last repeat starts the next. */
				min = quantifier(ps);
				if (min == 0 || *q == '{') {
					FLUSH();
					continue;
				}
				if (rl < sizeof run - 1)
					run[rl++] = (char)tolower((unsigned char)c);
				FLUSH();
				run[rl++] = (char)tolower((unsigned char)c);
				continue;
			}
			if (rl < sizeof run - 1)
				run[rl++] = (char)tolower((unsigned char)c);
			continue;
		}
		FLUSH();
		if (c == '\\') {
			ps->p++;
			escape(ps);
			quantifier(ps);
		} else if (c == '[') {
			ps->p++;
			if (*ps->p == '^')
				ps->p++;
			if (*ps->p == ']')
				ps->p++;
			while (*ps->p && *ps->p != ']') {
				if (*ps->p == '\\' && ps->p[1])
					ps->p++;
				ps->p++;
			}
			if (*ps->p == ']')
				ps->p++;
			quantifier(ps);
		} else if (c == '(') {
			int look = 0, min;
			struct set *g;

			ps->p++;
			if (*ps->p == '?') {
				const char *q = ps->p + 1;

				if (*q == '=' || *q == '!' || (*q == '<' && (q[1] == '=' || q[1] == '!')))
					look = 1;
				if (*q == '<' && q[1] != '=' && q[1] != '!') {
					/* (?<name>...) */
					while (*q && *q != '>')
						q++;
					ps->p = *q ? q + 1 : q;
				} else if (*q == 'P' && q[1] == '<') {
					while (*q && *q != '>')
						q++;
					ps->p = *q ? q + 1 : q;
				} else if (look) {
					ps->p = q + (*q == '<' ? 2 : 1);
				} else {
					/* (?:  (?i:  (?-i:  (?i)  (?>  (?|  */
					while (*q && (isalpha((unsigned char)*q) || *q == '-' || *q == '^'))
						q++;
					if (*q == ')') {
						/* An option setting alone, "(?i)". */
						ps->p = q + 1;
						continue;
					}
					if (*q == ':' || *q == '>' || *q == '|')
						ps->p = q + 1;
					else
						ps->bad = 1;
				}
			} else if (*ps->p == '*') {
				/* (*VERB) */
				while (*ps->p && *ps->p != ')')
					ps->p++;
				if (*ps->p)
					ps->p++;
				continue;
			}
			ps->depth++;
			g = alternation(ps);
			ps->depth--;
			if (*ps->p != ')')
				ps->bad = 1;
			else
				ps->p++;
			min = quantifier(ps);
			if (!look && min >= 1)
				collect(ps, g);
			if (!look && min >= 1 && better(g, best))
				best = g;
		} else {
			/* '.', '^', '$', digits, spaces, punctuation: no letter. */
			ps->p++;
			quantifier(ps);
		}
	}
	FLUSH();
#undef FLUSH
	return best;
}

static struct set *
alternation(struct parser *ps)
{
	struct set *all = sequence(ps);
	int none = all == NULL;

	while (*ps->p == '|' && !ps->bad) {
		struct set *b;
		size_t i;

		ps->p++;
		b = sequence(ps);
		if (b == NULL || none) {
			none = 1;
		} else {
			/* B's words move into ALL. */
			for (i = 0; i < b->n; i++)
				set_put(&ps->arena, all, b->v[i], b->len[i], 1);
		}
	}
	if (none)
		return NULL;
	return all;
}

char **
rc_literal_required(const char *pattern)
{
	struct parser ps;
	struct set *s;
	char **out = NULL;
	size_t i;

	memset(&ps, 0, sizeof ps);
	ps.p = pattern;
	s = alternation(&ps);
	if (s != NULL && !ps.bad && *ps.p == '\0') {
		out = rc_xcalloc(s->n + 1, sizeof *out);
		for (i = 0; i < s->n; i++)
			out[i] = rc_xstrndup(s->v[i], s->len[i]);
	}
	arena_free(&ps.arena);
	return out;
}

static char **
set_strings(const struct set *s)
{
	char **out = rc_xcalloc(s->n + 1, sizeof *out);
	size_t i;

	for (i = 0; i < s->n; i++)
		out[i] = rc_xstrndup(s->v[i], s->len[i]);
	return out;
}

char ***
rc_literal_required_all(const char *pattern)
{
	struct parser ps;
	struct set *s;
	char ***out = NULL;
	size_t i, k, best = 0;

	memset(&ps, 0, sizeof ps);
	ps.p = pattern;
	ps.collect = 1;
	s = sequence(&ps);
	if (ps.bad || (*ps.p != '\0' && *ps.p != '|')) {
		arena_free(&ps.arena);
		return NULL;
	}
	if (*ps.p == '|' || ps.nall == 0) {
		/* an alternation at the top: its union, as one set */
		char **one;

		arena_free(&ps.arena);
		if ((one = rc_literal_required(pattern)) == NULL)
			return NULL;
		out = rc_xcalloc(2, sizeof *out);
		out[0] = one;
		return out;
	}
	(void)s;
	for (i = 1; i < ps.nall; i++)
		if (better(ps.all[i], ps.all[best]))
			best = i;
	out = rc_xcalloc(ps.nall + 1, sizeof *out);
	out[0] = set_strings(ps.all[best]);
	for (i = 0, k = 1; i < ps.nall; i++)
		if (i != best)
			out[k++] = set_strings(ps.all[i]);
	arena_free(&ps.arena);
	return out;
}

void
rc_literal_free_all(char ***v)
{
	size_t i;

	for (i = 0; v && v[i]; i++)
		rc_literal_free(v[i]);
	free(v);
}

void
rc_literal_free(char **v)
{
	size_t i;

	for (i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* The automaton: states with a full goto table over the 26 letters (any
 * other byte returns to the root), the word ending at each state, and the
 * next state down the failure chain that ends a word. */
struct rc_ac {
	int (*go)[26];
	int *word;       /* word ending here, or -1 */
	int *dict;       /* next state on the failure chain ending a word, or -1 */
	size_t n, cap;
};

static int
new_state(struct rc_ac *ac)
{
	if (ac->n == ac->cap) {
		ac->cap = ac->cap ? 2 * ac->cap : 256;
		ac->go = rc_xreallocarray(ac->go, ac->cap, sizeof *ac->go);
		ac->word = rc_xreallocarray(ac->word, ac->cap, sizeof *ac->word);
		ac->dict = rc_xreallocarray(ac->dict, ac->cap, sizeof *ac->dict);
	}
	memset(ac->go[ac->n], -1, sizeof ac->go[ac->n]);
	ac->word[ac->n] = -1;
	ac->dict[ac->n] = -1;
	return (int)ac->n++;
}

struct rc_ac *
rc_ac_new(char *const *words, size_t n)
{
	struct rc_ac *ac = rc_xcalloc(1, sizeof *ac);
	int *fail, *queue;
	size_t i, head = 0, tail = 0;
	int c;

	new_state(ac);
	for (i = 0; i < n; i++) {
		const char *w = words[i];
		int s = 0;

		for (; *w; w++) {
			int k = tolower((unsigned char)*w) - 'a';

			if (k < 0 || k >= 26)
				break;
			if (ac->go[s][k] < 0) {
				int t = new_state(ac);

				ac->go[s][k] = t;
			}
			s = ac->go[s][k];
		}
		if (*w == '\0' && ac->word[s] < 0)
			ac->word[s] = (int)i;
	}
	/* Failure links breadth first; the goto table is completed with
	 * them so scanning never backtracks. */
	fail = rc_xcalloc(ac->n, sizeof *fail);
	queue = rc_xcalloc(ac->n, sizeof *queue);
	for (c = 0; c < 26; c++) {
		int t = ac->go[0][c];

		if (t < 0) {
			ac->go[0][c] = 0;
		} else {
			fail[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail) {
		int s = queue[head++];

		ac->dict[s] = ac->word[fail[s]] >= 0 ? fail[s] : ac->dict[fail[s]];
		for (c = 0; c < 26; c++) {
			int t = ac->go[s][c];

			if (t < 0) {
				ac->go[s][c] = ac->go[fail[s]][c];
			} else {
				fail[t] = ac->go[fail[s]][c];
				queue[tail++] = t;
			}
		}
	}
	free(fail);
	free(queue);
	return ac;
}

void
rc_ac_free(struct rc_ac *ac)
{
	if (ac == NULL)
		return;
	free(ac->go);
	free(ac->word);
	free(ac->dict);
	free(ac);
}

void
rc_ac_scan(const struct rc_ac *ac, const char *text, uint64_t *bits)
{
	const unsigned char *p = (const unsigned char *)text;
	int s = 0;

	for (; *p; p++) {
		int k = tolower(*p) - 'a';
		int t;

		if (k < 0 || k >= 26) {
			s = 0;
			continue;
		}
		s = ac->go[s][k];
		for (t = ac->word[s] >= 0 ? s : ac->dict[s]; t >= 0; t = ac->dict[t])
			bits[ac->word[t] / 64] |= (uint64_t)1 << (ac->word[t] % 64);
	}
}
