/*
 * match.c - PCRE2 behind a small API.  Invariants: every compiled pattern
 * has the same option set (caseless, UTF, UCP, MATCH_INVALID_UTF); every
 * match runs under the matcher's match and depth limits, with the JIT
 * when it compiled, so no pattern can hang a call.  NOMATCH is the common
 * case and costs nothing but the match itself.
 *
 * Compiling is the larger part of loading (a scenario, its shared base and
 * the lexicon hold thousands of patterns, and a call tries a few hundred),
 * so a pattern this machine has compiled before without error is compiled
 * on its first use instead: the cache is a file of hashes of such pattern
 * sources ($XDG_CACHE_HOME/recoup/patterns), read once and rewritten when
 * new patterns compiled.  A pattern not in it is compiled at once, so an
 * error is still reported where it is loaded.  A second file keeps the
 * compiled code itself, in PCRE2's serialized form ($XDG_CACHE_HOME/
 * recoup/pattern-code, mapped, one checksummed blob per pattern): a first
 * use decodes it instead of compiling, at a fraction of the cost.  The
 * caches change when work is done, never what matches.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match.h"

#include <fcntl.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "xmalloc.h"

struct rc_pattern {
	pcre2_code *code;    /* NULL until first used, for a cached pattern */
	char *source;
	int jit;             /* JIT code is ready */
	int broken;          /* a deferred compile failed: never matches */
	unsigned uses;       /* matches run; JIT-compiled on the tenth */
	uint64_t hash;       /* source_hash(source), 0 until needed */
	int borrowed;        /* SOURCE belongs to the caller */
};

#define RC_COMPILE_OPTIONS \
	(PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF)

/* The known-good cache: an open-addressed set of 64-bit source hashes
 * (0 marks an empty slot). */
static struct {
	int state;           /* 0 not read yet, 1 in use, -1 off */
	int dirty;           /* holds hashes the file does not */
	uint64_t *slot;
	size_t cap, n;
} known;

static const char cache_magic[] = "recoup pattern cache 1, pcre2 ";

static uint64_t
source_hash(const char *s)
{
	uint64_t h = 1469598103934665603u ^ RC_COMPILE_OPTIONS;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h ? h : 1;
}

static int
known_has(uint64_t h)
{
	size_t i;

	if (known.cap == 0)
		return 0;
	for (i = h & (known.cap - 1); known.slot[i]; i = (i + 1) & (known.cap - 1))
		if (known.slot[i] == h)
			return 1;
	return 0;
}

static void
known_add(uint64_t h)
{
	size_t i;

	if (known_has(h))
		return;
	if (2 * (known.n + 1) > known.cap) {
		uint64_t *old = known.slot;
		size_t oldcap = known.cap, j;

		known.cap = known.cap ? 2 * known.cap : 4096;
		known.slot = rc_xcalloc(known.cap, sizeof *known.slot);
		known.n = 0;
		for (j = 0; j < oldcap; j++)
			if (old[j])
				known_add(old[j]);
		free(old);
	}
	for (i = h & (known.cap - 1); known.slot[i]; i = (i + 1) & (known.cap - 1))
		;
	known.slot[i] = h;
	known.n++;
}

/* The header line: the cache is only good for the PCRE2 it was made with. */
static size_t
cache_header(char *buf, size_t size)
{
	char ver[64];

	if (pcre2_config(PCRE2_CONFIG_VERSION, ver) < 0)
		ver[0] = '\0';
	snprintf(buf, size, "%s%s\n", cache_magic, ver);
	return strlen(buf);
}

static void
known_read(void)
{
	char path[4096], head[128], got[128];
	size_t hl;
	FILE *f;
	uint64_t h;

	if (known.state != 0)
		return;
	known.state = 1;
	if (!rc_cache_enabled()) {
		known.state = -1;
		return;
	}
	if (!rc_cache_path(path, sizeof path, "patterns") ||
	    (f = fopen(path, "rb")) == NULL)
		return;
	hl = cache_header(head, sizeof head);
	if (fread(got, 1, hl, f) == hl && memcmp(got, head, hl) == 0)
		while (fread(&h, sizeof h, 1, f) == 1)
			if (h != 0)
				known_add(h);
	fclose(f);
}

/* ---- the compiled-code cache ---------------------------------------------
 *
 * The file: a header line naming PCRE2's version (padded with NULs to 8
 * bytes), the count N of entries, N entries sorted by hash, then the blobs,
 * each at an 8-byte boundary (PCRE2 reads its serialized header in place).
 * An entry that points outside the file or whose checksum fails is
 * ignored, and so is a blob PCRE2 refuses to decode (another version): the
 * pattern is compiled instead. */
struct code_entry {
	uint64_t hash, off, len, sum;
};

#define CODE_FILE "pattern-code"
/* Past this size the file starts again from the patterns of this run. */
#define CODE_FILE_MAX ((size_t)64 << 20)

static struct {
	int state;                      /* 0 not read, 1 read, -1 off */
	unsigned char *map;             /* the file, mapped (NULL: none) */
	size_t size;
	const struct code_entry *index; /* sorted by hash */
	size_t n;
	struct added {                  /* compiled this run, not in the file */
		uint64_t hash;
		uint8_t *bytes;         /* pcre2_serialize_encode()'s */
		size_t len;
	} *add;
	size_t nadd, capadd;
	size_t decoded;                 /* first uses served from the file */
} codes;

static uint64_t
blob_sum(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3u;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3u;
	return h;
}

static size_t
code_header(char *buf, size_t size)
{
	char ver[64];
	size_t n;

	if (pcre2_config(PCRE2_CONFIG_VERSION, ver) < 0)
		ver[0] = '\0';
	memset(buf, 0, size);
	snprintf(buf, size, "recoup pattern code 1, pcre2 %s, %zu\n", ver,
	    sizeof(PCRE2_SIZE));
	n = strlen(buf) + 1;
	return (n + 7) & ~(size_t)7;
}

static void
codes_read(void)
{
	char path[4096], head[128];
	struct stat sb;
	size_t hl;
	uint64_t n;
	void *map;
	int fd;

	if (codes.state != 0)
		return;
	codes.state = 1;
	if (!rc_cache_enabled()) {
		codes.state = -1;
		return;
	}
	if (!rc_cache_path(path, sizeof path, CODE_FILE) ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return;
	hl = code_header(head, sizeof head);
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (uint64_t)sb.st_size < hl + 8 || (uint64_t)sb.st_size > SIZE_MAX) {
		close(fd);
		return;
	}
	map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return;
	codes.map = map;
	codes.size = (size_t)sb.st_size;
	memcpy(&n, codes.map + hl, 8);
	if (memcmp(codes.map, head, hl) != 0 ||
	    n > (codes.size - hl - 8) / sizeof(struct code_entry)) {
		munmap(codes.map, codes.size);
		codes.map = NULL;
		codes.size = 0;
		return;
	}
	codes.index = (const struct code_entry *)(void *)(codes.map + hl + 8);
	codes.n = (size_t)n;
}

/* The code of the pattern whose source hashes to H, decoded from the
 * file; NULL when the file does not hold it (or holds it damaged). */
static pcre2_code *
codes_decode(uint64_t h)
{
	size_t lo = 0, hi, mid;
	const struct code_entry *e;
	pcre2_code *code = NULL;

	codes_read();
	if (codes.map == NULL)
		return NULL;
	hi = codes.n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (codes.index[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == codes.n || (e = &codes.index[lo])->hash != h)
		return NULL;
	if (e->off % 8 != 0 || e->off > codes.size || e->len > codes.size - e->off ||
	    blob_sum(codes.map + e->off, (size_t)e->len) != e->sum ||
	    pcre2_serialize_decode(&code, 1, codes.map + e->off, NULL) != 1)
		return NULL;
	codes.decoded++;
	return code;
}

static void codes_free(void);
static int codes_atexit;

/* Keeps CODE (the pattern hashing to H, just compiled) for the file. */
static void
codes_note(uint64_t h, const pcre2_code *code)
{
	uint8_t *bytes;
	PCRE2_SIZE len;

	if (codes.state == -1 || !rc_cache_enabled())
		return;
	if (pcre2_serialize_encode(&code, 1, &bytes, &len, NULL) != 1)
		return;
	if (!codes_atexit) {
		/* what was never saved is still freed (a library user that
		 * never calls rc_pattern_cache_free()) */
		codes_atexit = 1;
		atexit(codes_free);
	}
	if (codes.nadd == codes.capadd) {
		codes.capadd = codes.capadd ? 2 * codes.capadd : 256;
		codes.add = rc_xrealloc(codes.add, codes.capadd * sizeof *codes.add);
	}
	codes.add[codes.nadd].hash = h;
	codes.add[codes.nadd].bytes = bytes;
	codes.add[codes.nadd].len = len;
	codes.nadd++;
}

struct pending {
	uint64_t hash;
	const unsigned char *bytes;
	size_t len;
};

static int
by_hash(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;

	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* Writes the file again with the codes compiled in this run added. */
static void
codes_save(void)
{
	char head[128];
	struct pending *v;
	size_t hl, i, n = 0, k, off, total = 0;
	unsigned char *out;
	uint64_t count;

	if (codes.nadd == 0)
		return;
	codes_read();      /* the file's entries are kept */
	if (codes.state != 1)
		return;
	hl = code_header(head, sizeof head);
	v = rc_xcalloc(codes.n + codes.nadd, sizeof *v);
	for (i = 0; i < codes.nadd; i++) {
		v[n].hash = codes.add[i].hash;
		v[n].bytes = codes.add[i].bytes;
		v[n++].len = codes.add[i].len;
		total += (codes.add[i].len + 7) & ~(size_t)7;
	}
	/* The file's entries as well, unless it has grown too big. */
	for (i = 0; i < codes.n && total < CODE_FILE_MAX; i++) {
		const struct code_entry *e = &codes.index[i];

		if (e->off % 8 != 0 || e->off > codes.size ||
		    e->len > codes.size - e->off)
			continue;
		v[n].hash = e->hash;
		v[n].bytes = codes.map + e->off;
		v[n++].len = (size_t)e->len;
		total += (size_t)((e->len + 7) & ~(uint64_t)7);
	}
	qsort(v, n, sizeof *v, by_hash);
	for (i = k = 0; i < n; i++)  /* one entry per hash */
		if (k == 0 || v[k - 1].hash != v[i].hash)
			v[k++] = v[i];
	n = k;
	off = hl + 8 + n * sizeof(struct code_entry);
	total = off;
	for (i = 0; i < n; i++)
		total += (v[i].len + 7) & ~(size_t)7;
	out = rc_xcalloc(1, total);
	memcpy(out, head, hl);
	count = n;
	memcpy(out + hl, &count, 8);
	for (i = 0; i < n; i++) {
		struct code_entry e;

		e.hash = v[i].hash;
		e.off = off;
		e.len = v[i].len;
		e.sum = blob_sum(v[i].bytes, v[i].len);
		memcpy(out + hl + 8 + i * sizeof e, &e, sizeof e);
		memcpy(out + off, v[i].bytes, v[i].len);
		off += (v[i].len + 7) & ~(size_t)7;
	}
	(void)rc_cache_write(CODE_FILE, out, total);
	free(out);
	free(v);
}

static void
codes_free(void)
{
	size_t i;

	for (i = 0; i < codes.nadd; i++)
		pcre2_serialize_free(codes.add[i].bytes);
	free(codes.add);
	if (codes.map != NULL)
		munmap(codes.map, codes.size);
	memset(&codes, 0, sizeof codes);
}

size_t
rc_pattern_cache_decoded(void)
{
	return codes.decoded;
}

void
rc_pattern_cache_off(void)
{
	known.state = -1;
	codes.state = -1;
	rc_cache_off();
}

void
rc_pattern_cache_save(void)
{
	char head[128];
	uint64_t *v;
	size_t i, hl, n = 0;

	codes_save();
	if (known.state != 1 || !known.dirty)
		return;
	known.dirty = 0;
	/* The header, then the hashes; an unwritable directory is no error. */
	hl = cache_header(head, sizeof head);
	v = rc_xmalloc(hl + known.n * sizeof *v + sizeof *v);
	memcpy(v, head, hl);
	for (i = 0; i < known.cap; i++)
		if (known.slot[i]) {
			memcpy((char *)v + hl + n * sizeof *v, &known.slot[i], sizeof *v);
			n++;
		}
	(void)rc_cache_write("patterns", v, hl + n * sizeof *v);
	free(v);
}

void
rc_pattern_cache_free(void)
{
	free(known.slot);
	memset(&known, 0, sizeof known);
	codes_free();
}

static pcre2_code *
compile(const char *pattern, int *errcode, PCRE2_SIZE *erroff)
{
	return pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    RC_COMPILE_OPTIONS, errcode, erroff, NULL);
}

/* P's code, compiled now if it was deferred; NULL when that failed (only
 * when the cache file lies). */
static pcre2_code *
code_of(const struct rc_pattern *cp)
{
	struct rc_pattern *p = (struct rc_pattern *)cp;
	int errcode;
	PCRE2_SIZE erroff;

	if (p->code == NULL && !p->broken) {
		if (p->hash == 0)
			p->hash = source_hash(p->source);
		if ((p->code = codes_decode(p->hash)) == NULL &&
		    (p->code = compile(p->source, &errcode, &erroff)) != NULL)
			codes_note(p->hash, p->code);
		p->broken = p->code == NULL;
	}
	return p->code;
}

/* JIT compiling a pattern costs about as much as a dozen interpreted
 * matches of a short line: a pattern is JIT-compiled on its tenth use, so
 * a short call (each line read by the debtor and again by the scorer)
 * never pays for it and a long call or a batch of scored calls does. */
#define RC_JIT_AFTER 10

struct rc_matcher {
	pcre2_match_context *mctx;
	pcre2_jit_stack *jstack;
	pcre2_match_data *md;
	uint32_t ovector_pairs;
	const struct rc_pattern *last;
	const char *subject;
	char error[160];
	char *pad;            /* the subject copied for the JIT, see below */
	size_t padcap;
};

/* The JIT's vector code reads whole 16-byte blocks and may read past the
 * end of the subject (never past its aligned block, so it is harmless);
 * valgrind reports those reads.  Matching a copy with zeroed padding keeps
 * every read inside memory we own and initialised. */
#define RC_MATCH_PAD 64

static int
jit_disabled(void)
{
	const char *v = getenv("RECOUP_NO_JIT");

	return v != NULL && *v != '\0' && strcmp(v, "0") != 0;
}

struct rc_pattern *
rc_pattern_new(const char *pattern, char *msg, size_t size, size_t *offset)
{
	struct rc_pattern *p;
	pcre2_code *code = NULL;
	int errcode;
	PCRE2_SIZE erroff;
	uint64_t h = 0;

	known_read();
	if (known.state == 1 && known_has(h = source_hash(pattern))) {
		p = rc_xcalloc(1, sizeof *p);
		p->source = rc_xstrdup(pattern);
		p->hash = h;
		return p;
	}
	code = compile(pattern, &errcode, &erroff);
	if (code == NULL) {
		PCRE2_UCHAR text[256];

		pcre2_get_error_message(errcode, text, sizeof text);
		snprintf(msg, size, "%s", (const char *)text);
		*offset = erroff;
		return NULL;
	}
	if (known.state == 1) {
		known_add(h);
		known.dirty = 1;
		codes_note(h, code);
	}
	p = rc_xcalloc(1, sizeof *p);
	p->code = code;
	p->hash = h;
	p->source = rc_xstrdup(pattern);
	return p;
}

struct rc_pattern *
rc_pattern_known(const char *pattern)
{
	struct rc_pattern *p = rc_xcalloc(1, sizeof *p);

	p->source = rc_xstrdup(pattern);
	return p;
}

struct rc_pattern *
rc_pattern_borrowed(const char *pattern)
{
	struct rc_pattern *p = rc_xcalloc(1, sizeof *p);

	p->source = (char *)pattern;
	p->borrowed = 1;
	return p;
}

void
rc_pattern_free(struct rc_pattern *p)
{
	if (p == NULL)
		return;
	pcre2_code_free(p->code);
	if (!p->borrowed)
		free(p->source);
	free(p);
}

void
rc_pattern_free_all(struct rc_pattern **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		rc_pattern_free(v[i]);
	free(v);
}

const char *
rc_pattern_source(const struct rc_pattern *p)
{
	return p->source;
}

struct rc_matcher *
rc_matcher_new(unsigned limit)
{
	struct rc_matcher *m = rc_xcalloc(1, sizeof *m);

	m->mctx = pcre2_match_context_create(NULL);
	if (m->mctx == NULL) {
		fputs("recoup: out of memory\n", stderr);
		abort();
	}
	pcre2_set_match_limit(m->mctx, limit ? limit : RC_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, RC_DEPTH_LIMIT);
	m->jstack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
	if (m->jstack != NULL)
		pcre2_jit_stack_assign(m->mctx, NULL, m->jstack);
	m->ovector_pairs = 32;
	m->md = pcre2_match_data_create(m->ovector_pairs, NULL);
	if (m->md == NULL) {
		fputs("recoup: out of memory\n", stderr);
		abort();
	}
	return m;
}

void
rc_matcher_free(struct rc_matcher *m)
{
	if (m == NULL)
		return;
	pcre2_match_data_free(m->md);
	free(m->pad);
	pcre2_jit_stack_free(m->jstack);
	pcre2_match_context_free(m->mctx);
	free(m);
}

enum rc_match_result
rc_matcher_exec(struct rc_matcher *m, const struct rc_pattern *p,
                const char *subject, size_t len)
{
	struct rc_pattern *mp = (struct rc_pattern *)p;
	int rc;

	m->last = NULL;
	if (code_of(p) == NULL) {
		snprintf(m->error, sizeof m->error, "pattern /%s/ does not compile",
		    p->source);
		return RC_MATCH_FAILED;
	}
	/* RECOUP_NO_JIT=1 runs the interpreter only: valgrind cannot follow
	 * JIT-generated code and reports false errors inside it.  The JIT
	 * state is a cache: matching gives the same result either way. */
	if (!p->jit && mp->uses < RC_JIT_AFTER && ++mp->uses == RC_JIT_AFTER &&
	    !jit_disabled())
		mp->jit = pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0;
	if (p->jit) {
		if (m->padcap < len + RC_MATCH_PAD) {
			free(m->pad);
			m->padcap = len + RC_MATCH_PAD;
			m->pad = rc_xmalloc(m->padcap);
		}
		memcpy(m->pad, subject, len);
		memset(m->pad + len, 0, RC_MATCH_PAD);
		rc = pcre2_jit_match(p->code, (PCRE2_SPTR)m->pad, len, 0, 0, m->md,
		    m->mctx);
	} else
		rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, 0, 0, m->md,
		    m->mctx);
	if (rc >= 0) {
		m->last = p;
		m->subject = subject;
		return RC_MATCH_YES;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return RC_MATCH_NO;
	{
		PCRE2_UCHAR text[128];

		pcre2_get_error_message(rc, text, sizeof text);
		snprintf(m->error, sizeof m->error, "%s", (const char *)text);
	}
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return RC_MATCH_LIMIT_HIT;
	return RC_MATCH_FAILED;
}

int
rc_matcher_capture(struct rc_matcher *m, const char *name, char *buf,
                   size_t size)
{
	PCRE2_SIZE n = size;

	buf[0] = '\0';
	if (m->last == NULL || size == 0)
		return 0;
	if (pcre2_substring_copy_byname(m->md, (PCRE2_SPTR)name,
	    (PCRE2_UCHAR *)buf, &n) != 0) {
		buf[0] = '\0';
		return 0;
	}
	return 1;
}

void
rc_matcher_span(const struct rc_matcher *m, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);

	*start = m->last ? ov[0] : 0;
	*end = m->last ? ov[1] : 0;
}

const char *
rc_matcher_error(const struct rc_matcher *m)
{
	return m->error;
}

int
rc_pattern_has_group(const struct rc_pattern *p, const char *name)
{
	uint32_t count = 0, size = 0, i;
	PCRE2_SPTR table;

	if (code_of(p) == NULL)
		return 0;
	if (pcre2_pattern_info(p->code, PCRE2_INFO_NAMECOUNT, &count) != 0 ||
	    pcre2_pattern_info(p->code, PCRE2_INFO_NAMEENTRYSIZE, &size) != 0 ||
	    pcre2_pattern_info(p->code, PCRE2_INFO_NAMETABLE, &table) != 0)
		return 0;
	/* Each entry: a two-byte group number, then the NUL-ended name. */
	for (i = 0; i < count; i++)
		if (strcmp((const char *)table + i * size + 2, name) == 0)
			return 1;
	return 0;
}
