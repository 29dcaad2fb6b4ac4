/*
 * lexcache.c - writing a lexicon as a flat little-ceremony record (native
 * byte order: a cache is for the machine that wrote it) and reading it
 * back.  Invariants: a file is trusted only after its key and checksum
 * matched; even then every read is bounds-checked and every count is
 * checked against the bytes left, so a file that lies can cost a fall
 * back to the JSON, never a crash; a lexicon read back is freed by
 * rc_lexicon_free() like one parsed from JSON (the same allocations).
 */
#include "lexcache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cache.h"
#include "match.h"
#include "strmap.h"
#include "xmalloc.h"

/* Bump when the record's layout changes. */
static const char magic[] = "recoup lexicon 4\n";

/* Cache files kept, the newest: one per lexicon directory and binary. */
#define RC_LEXCACHE_KEEP 8

/* A string absent (NULL) is written with this length. */
#define NO_STRING UINT32_MAX

static uint64_t
checksum(const unsigned char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15u, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3u;
	return h;
}

static uint64_t
fnv64(const char *s, uint64_t h)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

static int
identity(const char *path, uint64_t *v)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return 0;
	v[0] = (uint64_t)st.st_dev;
	v[1] = (uint64_t)st.st_ino;
	v[2] = (uint64_t)st.st_size;
	v[3] = (uint64_t)st.st_mtim.tv_sec;
	v[4] = (uint64_t)st.st_mtim.tv_nsec;
	return 1;
}

int
rc_lexcache_key(const char *dir, struct rc_lexcache_key *k)
{
	char exe[4096], path[4096];
	struct stat st;
	ssize_t n;
	uint64_t h;

	memset(k, 0, sizeof *k);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || stat(dir, &st) != 0)
		return 0;
	exe[n] = '\0';
	if (!identity(exe, k->v))
		return 0;
	snprintf(path, sizeof path, "%s/intents.json", dir);
	if (!identity(path, k->v + 5))
		return 0;
	snprintf(path, sizeof path, "%s/normalise.json", dir);
	if (!identity(path, k->v + 10))
		return 0;
	h = fnv64(exe, 1469598103934665603u);
	h ^= (uint64_t)st.st_dev * 0x9e3779b97f4a7c15u;
	h = (h ^ (uint64_t)st.st_ino) * 1099511628211u;
	snprintf(k->name, sizeof k->name, "lexicon-%016llx", (unsigned long long)h);
	return 1;
}

/* Writing. */

static void
put_u64(struct rc_buf *b, uint64_t v)
{
	rc_buf_add(b, (const char *)&v, sizeof v);
}

static void
put_u32(struct rc_buf *b, uint32_t v)
{
	rc_buf_add(b, (const char *)&v, sizeof v);
}

static void
put_f64(struct rc_buf *b, double v)
{
	rc_buf_add(b, (const char *)&v, sizeof v);
}

static void
put_str(struct rc_buf *b, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	put_u32(b, s != NULL ? (uint32_t)n : NO_STRING);
	if (s != NULL)
		rc_buf_add(b, s, n + 1);
}

static void
put_strs(struct rc_buf *b, char *const *v, size_t n)
{
	size_t i;

	put_u64(b, n);
	for (i = 0; i < n; i++)
		put_str(b, v[i]);
}

struct each {
	struct rc_buf *b;
	size_t n;
};

static void
count_key(const char *key, const char *value, void *arg)
{
	(void)key;
	(void)value;
	((struct each *)arg)->n++;
}

static void
put_entry(const char *key, const char *value, void *arg)
{
	put_str(((struct each *)arg)->b, key);
	put_str(((struct each *)arg)->b, value);
}

static void
put_map(struct rc_buf *b, const struct rc_strmap *m)
{
	struct each e = { b, 0 };

	rc_strmap_each(m, count_key, &e);
	put_u64(b, e.n);
	rc_strmap_each(m, put_entry, &e);
}

static void
put_intent(struct rc_buf *b, const struct rc_intent *in)
{
	size_t i;

	put_str(b, in->id);
	put_u32(b, (uint32_t)in->side);
	put_str(b, in->description);
	put_u32(b, (uint32_t)in->negatable);
	put_u32(b, (uint32_t)in->likeness);
	put_f64(b, in->like_threshold);
	put_u32(b, (uint32_t)in->also);
	put_u32(b, (uint32_t)in->mark);
	put_u32(b, (uint32_t)in->courtesy);
	put_u64(b, in->npatterns);
	put_u64(b, in->nbranches);
	for (i = 0; i < in->nbranches; i++) {
		const struct rc_branch *br = &in->branches[i];
		size_t w;

		put_str(b, rc_pattern_source(br->p));
		put_u64(b, br->nwords);
		for (w = 0; w < br->nwords; w++)
			put_u32(b, (uint32_t)br->words[w]);
		put_u64(b, br->nalso);
		for (w = 0; w < br->nalso; w++)
			put_u32(b, (uint32_t)br->also[w]);
	}
	put_u64(b, in->nnot);
	for (i = 0; i < in->nnot; i++)
		put_str(b, rc_pattern_source(in->not[i]));
	put_strs(b, in->examples, in->nexamples);
	put_strs(b, in->counter, in->ncounter);
	put_u64(b, in->nunless);
	for (i = 0; i < in->nunless; i++)
		put_u32(b, (uint32_t)in->unless[i]);
	put_strs(b, in->unless_ids, in->nunless_ids);
	put_str(b, in->where);
}

static void
put_bags(struct rc_buf *b, const struct rc_bags *bags)
{
	size_t i, j;

	put_u32(b, bags != NULL);
	if (bags == NULL)
		return;
	put_u32(b, bags->probe);
	put_u64(b, bags->n);
	for (i = 0; i < bags->n; i++) {
		put_u32(b, (uint32_t)bags->v[i].reader);
		put_u64(b, bags->v[i].n);
		for (j = 0; j < bags->v[i].n; j++)
			put_u32(b, bags->v[i].h[j]);
	}
}

int
rc_lexcache_write(const struct rc_lexicon *lx, const struct rc_lexcache_key *k)
{
	struct rc_buf head = RC_BUF_INIT, body = RC_BUF_INIT;
	size_t i;
	int rc;

	put_str(&body, lx->version);
	put_u64(&body, lx->nintents);
	for (i = 0; i < lx->nintents; i++)
		put_intent(&body, &lx->intents[i]);
	put_map(&body, lx->words);
	put_strs(&body, lx->neg_cues, lx->nneg);
	put_strs(&body, lx->cond_cues, lx->ncond);
	put_strs(&body, lx->breaks, lx->nbreaks);
	put_u32(&body, (uint32_t)lx->neg_reach);
	put_f64(&body, lx->similar_threshold);
	put_u32(&body, (uint32_t)lx->similar_min_words);
	put_f64(&body, lx->like_threshold);
	put_u32(&body, (uint32_t)lx->like_near);
	put_strs(&body, lx->like_stop, lx->nlike_stop);
	put_map(&body, lx->stopwords);
	put_map(&body, lx->vocab);
	put_strs(&body, lx->required, lx->nrequired);
	put_bags(&body, lx->bags);

	rc_buf_add(&head, magic, sizeof magic);
	for (i = 0; i < RC_LEXCACHE_KEY; i++)
		put_u64(&head, k->v[i]);
	put_u64(&head, body.len);
	put_u64(&head, checksum((const unsigned char *)body.data, body.len));
	rc_buf_add(&head, body.data, body.len);
	rc = rc_cache_write(k->name, head.data, head.len);
	if (rc == 0)
		rc_cache_prune("lexicon-", RC_LEXCACHE_KEEP);
	rc_buf_free(&head);
	rc_buf_free(&body);
	return rc;
}

/* Reading: every getter checks the bytes left and marks the record bad
 * instead of reading past them. */

struct rd {
	const unsigned char *p, *end;
	int bad;
};

static int
take(struct rd *r, void *out, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		memset(out, 0, n);
		return 0;
	}
	memcpy(out, r->p, n);
	r->p += n;
	return 1;
}

static uint64_t
get_u64(struct rd *r)
{
	uint64_t v;

	take(r, &v, sizeof v);
	return v;
}

static uint32_t
get_u32(struct rd *r)
{
	uint32_t v;

	take(r, &v, sizeof v);
	return v;
}

static double
get_f64(struct rd *r)
{
	double v;

	take(r, &v, sizeof v);
	return v;
}

/* A count of items at least MIN bytes each: no more than the bytes left
 * could hold, so a lying count cannot ask for a huge allocation. */
static size_t
get_count(struct rd *r, size_t min)
{
	uint64_t n = get_u64(r);

	if (r->bad || n > (uint64_t)(r->end - r->p) / (min ? min : 1)) {
		r->bad = 1;
		return 0;
	}
	return (size_t)n;
}

/* A string as it lies in the record (NUL-ended there), or NULL. */
static const char *
get_ref(struct rd *r)
{
	uint32_t n = get_u32(r);
	const char *s;

	if (r->bad || n == NO_STRING)
		return NULL;
	if ((size_t)(r->end - r->p) <= n || r->p[n] != '\0' ||
	    strlen((const char *)r->p) != n) {
		r->bad = 1;
		return NULL;
	}
	s = (const char *)r->p;
	r->p += n + 1;
	return s;
}

/* Strings are not copied: they stay in the file's bytes, which the
 * lexicon keeps as its pool. */
static char *
get_str(struct rd *r)
{
	return (char *)get_ref(r);
}

/* A non-NULL string; an absent one marks the record bad. */
static const char *
get_text_ref(struct rd *r)
{
	const char *s = get_ref(r);

	if (s == NULL) {
		r->bad = 1;
		return "";
	}
	return s;
}

/* A non-NULL string; NULL (and the record bad) when it is absent. */
static char *
get_text(struct rd *r)
{
	const char *s = get_ref(r);

	if (s == NULL)
		r->bad = 1;
	return (char *)s;
}

static char **
get_strs(struct rd *r, size_t *n)
{
	size_t i, k = get_count(r, sizeof(uint32_t));
	char **v = rc_xcalloc(k + 1, sizeof *v);

	for (i = 0; i < k; i++)
		v[i] = get_text(r);
	*n = k;
	return v;
}

static void
get_map(struct rd *r, struct rc_strmap *m)
{
	size_t i, n = get_count(r, 2 * sizeof(uint32_t));

	for (i = 0; i < n && !r->bad; i++) {
		const char *key = get_text_ref(r), *value = get_ref(r);

		rc_strmap_put(m, key, strlen(key), value);
	}
}

static void
get_intent(struct rd *r, struct rc_intent *in, size_t nintents)
{
	size_t i, w;

	in->id = get_text(r);
	in->side = (enum rc_side)get_u32(r);
	in->description = get_str(r);
	in->negatable = (int)get_u32(r);
	in->likeness = (int)get_u32(r);
	in->like_threshold = get_f64(r);
	in->also = (enum rc_also)get_u32(r);
	in->mark = (int)get_u32(r);
	in->courtesy = (int)get_u32(r);
	if (in->side < RC_SIDE_TRAINEE || in->side > RC_SIDE_BOTH ||
	    in->also > RC_ALSO_SHOUT)
		r->bad = 1;
	in->npatterns = (size_t)get_u64(r);
	in->nbranches = get_count(r, 2 * sizeof(uint32_t));
	in->branches = rc_xcalloc(in->nbranches + 1, sizeof *in->branches);
	for (i = 0; i < in->nbranches; i++) {
		struct rc_branch *br = &in->branches[i];

		br->p = rc_pattern_borrowed(get_text_ref(r));
		br->nwords = get_count(r, sizeof(uint32_t));
		br->words = rc_xcalloc(br->nwords + 1, sizeof *br->words);
		for (w = 0; w < br->nwords; w++)
			br->words[w] = (int)get_u32(r);
		br->nalso = get_count(r, sizeof(uint32_t));
		br->also = rc_xcalloc(br->nalso + 1, sizeof *br->also);
		for (w = 0; w < br->nalso; w++)
			br->also[w] = (int)get_u32(r);
	}
	in->nnot = get_count(r, sizeof(uint32_t));
	in->not = rc_xcalloc(in->nnot + 1, sizeof *in->not);
	for (i = 0; i < in->nnot; i++)
		in->not[i] = rc_pattern_borrowed(get_text_ref(r));
	in->examples = get_strs(r, &in->nexamples);
	in->counter = get_strs(r, &in->ncounter);
	in->nunless = get_count(r, sizeof(uint32_t));
	in->unless = rc_xcalloc(in->nunless + 1, sizeof *in->unless);
	for (i = 0; i < in->nunless; i++) {
		in->unless[i] = (int)get_u32(r);
		if ((size_t)in->unless[i] >= nintents)
			r->bad = 1;
	}
	in->unless_ids = get_strs(r, &in->nunless_ids);
	in->where = get_text(r);
}

static struct rc_bags *
get_bags(struct rd *r, size_t nexamples)
{
	struct rc_bags *b;
	size_t i, j;

	if (get_u32(r) == 0 || r->bad)
		return NULL;
	b = rc_xcalloc(1, sizeof *b);
	b->probe = get_u32(r);
	b->n = get_count(r, sizeof(uint32_t) + sizeof(uint64_t));
	if (b->n != nexamples)
		r->bad = 1;
	b->v = rc_xcalloc(b->n + 1, sizeof *b->v);
	for (i = 0; i < b->n && !r->bad; i++) {
		b->v[i].reader = (int)get_u32(r);
		b->v[i].n = get_count(r, sizeof(uint32_t));
		b->v[i].h = rc_xcalloc(b->v[i].n + 1, sizeof *b->v[i].h);
		for (j = 0; j < b->v[i].n; j++)
			b->v[i].h[j] = get_u32(r);
	}
	return b;
}

/* The bytes of the cache file NAME, or NULL. */
static unsigned char *
slurp(const char *name, size_t *len)
{
	char path[4096];
	struct stat st;
	unsigned char *data;
	FILE *f;

	if (!rc_cache_path(path, sizeof path, name) ||
	    (f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fstat(fileno(f), &st) != 0 || st.st_size <= 0) {
		fclose(f);
		return NULL;
	}
	*len = (size_t)st.st_size;
	data = rc_xmalloc(*len);
	if (fread(data, 1, *len, f) != *len) {
		free(data);
		data = NULL;
	}
	fclose(f);
	return data;
}

struct rc_lexicon *
rc_lexcache_read(const char *dir, const struct rc_lexcache_key *k)
{
	struct rc_lexicon *lx;
	struct rc_buf b = RC_BUF_INIT;
	struct rd r;
	unsigned char *data;
	size_t len = 0, i, j, nex = 0;
	uint64_t body;

	if (!rc_cache_enabled() || (data = slurp(k->name, &len)) == NULL)
		return NULL;
	r.p = data;
	r.end = data + len;
	r.bad = 0;
	if (len < sizeof magic || memcmp(data, magic, sizeof magic) != 0) {
		free(data);
		return NULL;
	}
	r.p += sizeof magic;
	for (i = 0; i < RC_LEXCACHE_KEY; i++)
		if (get_u64(&r) != k->v[i])
			r.bad = 1;
	body = get_u64(&r);
	if (!r.bad && body != (uint64_t)(r.end - r.p - 8))
		r.bad = 1;
	if (!r.bad && get_u64(&r) != checksum(r.p, (size_t)(r.end - r.p)))
		r.bad = 1;
	if (r.bad) {
		free(data);
		return NULL;
	}

	lx = rc_xcalloc(1, sizeof *lx);
	lx->pool = (char *)data;
	lx->npool = len;
	lx->dir = rc_xstrdup(dir);
	lx->words = rc_strmap_new();
	lx->stopwords = rc_strmap_new();
	lx->vocab = rc_strmap_new();
	rc_buf_printf(&b, "%s/intents.json", dir);
	lx->path = rc_buf_detach(&b);
	rc_buf_printf(&b, "%s/normalise.json", dir);
	lx->norm_path = rc_buf_detach(&b);
	lx->version = get_str(&r);
	i = get_count(&r, sizeof(uint32_t));
	if (i > RC_INTENT_MAX)
		r.bad = 1;
	lx->intents = rc_xcalloc(r.bad ? 1 : i + 1, sizeof *lx->intents);
	for (j = 0; !r.bad && j < i; j++) {
		get_intent(&r, &lx->intents[lx->nintents++], i);
		nex += lx->intents[j].nexamples;
	}
	get_map(&r, lx->words);
	lx->neg_cues = get_strs(&r, &lx->nneg);
	lx->cond_cues = get_strs(&r, &lx->ncond);
	lx->breaks = get_strs(&r, &lx->nbreaks);
	lx->neg_reach = (int)get_u32(&r);
	lx->similar_threshold = get_f64(&r);
	lx->similar_min_words = (int)get_u32(&r);
	lx->like_threshold = get_f64(&r);
	lx->like_near = (int)get_u32(&r);
	lx->like_stop = get_strs(&r, &lx->nlike_stop);
	get_map(&r, lx->stopwords);
	get_map(&r, lx->vocab);
	lx->required = get_strs(&r, &lx->nrequired);
	lx->bags = get_bags(&r, nex);
	/* Every branch's words must name a required word. */
	for (i = 0; !r.bad && i < lx->nintents; i++)
		for (j = 0; j < lx->intents[i].nbranches; j++) {
			const struct rc_branch *br = &lx->intents[i].branches[j];
			size_t w;

			for (w = 0; w < br->nwords; w++)
				if (br->words[w] < 0 || (size_t)br->words[w] >= lx->nrequired)
					r.bad = 1;
			/* ALSO: counts, each followed by that many words */
			for (w = 0; w < br->nalso; ) {
				size_t n = (size_t)br->also[w++], e;

				if (br->also[w - 1] <= 0 || n > br->nalso - w) {
					r.bad = 1;
					break;
				}
				for (e = w + n; w < e; w++)
					if (br->also[w] < 0 ||
					    (size_t)br->also[w] >= lx->nrequired)
						r.bad = 1;
			}
		}
	if (r.p != r.end)
		r.bad = 1;
	if (r.bad) {
		rc_lexicon_free(lx);
		return NULL;
	}
	return lx;
}
