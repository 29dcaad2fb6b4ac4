/*
 * strmap.c - open addressing with linear probing over a power-of-two
 * table kept at most half full; FNV-1a hashes.  Keys are never removed,
 * so no tombstones are needed.
 */
#include "strmap.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct slot {
	char *key;
	size_t len;
	char *value;
	uint64_t num;
	uint32_t hash;
};

struct rc_strmap {
	struct slot *v;
	size_t cap, n;
};

static uint32_t
fnv(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

struct rc_strmap *
rc_strmap_new(void)
{
	struct rc_strmap *m = rc_xcalloc(1, sizeof *m);

	m->cap = 64;
	m->v = rc_xcalloc(m->cap, sizeof *m->v);
	return m;
}

void
rc_strmap_free(struct rc_strmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++) {
		free(m->v[i].key);
		free(m->v[i].value);
	}
	free(m->v);
	free(m);
}

static struct slot *
find(const struct rc_strmap *m, const char *key, size_t len, uint32_t h)
{
	size_t i = h & (m->cap - 1);

	while (m->v[i].key != NULL) {
		if (m->v[i].hash == h && m->v[i].len == len &&
		    memcmp(m->v[i].key, key, len) == 0)
			break;
		i = (i + 1) & (m->cap - 1);
	}
	return &m->v[i];
}

static void
grow(struct rc_strmap *m)
{
	struct slot *old = m->v;
	size_t oldcap = m->cap, i;

	m->cap *= 2;
	m->v = rc_xcalloc(m->cap, sizeof *m->v);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*find(m, old[i].key, old[i].len, old[i].hash) = old[i];
	free(old);
}

/* The slot of KEY, added (empty) when it was not there. */
static struct slot *
slot_for(struct rc_strmap *m, const char *key, size_t len, int *added)
{
	uint32_t h = fnv(key, len);
	struct slot *s = find(m, key, len, h);

	*added = s->key == NULL;
	if (s->key == NULL) {
		if (2 * (m->n + 1) > m->cap) {
			grow(m);
			s = find(m, key, len, h);
		}
		s->key = rc_xmalloc(len + 1);
		memcpy(s->key, key, len);
		s->key[len] = '\0';
		s->len = len;
		s->hash = h;
		m->n++;
	}
	return s;
}

void
rc_strmap_put(struct rc_strmap *m, const char *key, size_t len,
              const char *value)
{
	int added;
	struct slot *s = slot_for(m, key, len, &added);

	if (!added)
		free(s->value);
	s->value = value ? rc_xstrdup(value) : NULL;
}

int
rc_strmap_put_num(struct rc_strmap *m, const char *key, size_t len,
                  uint64_t num)
{
	int added;
	struct slot *s = slot_for(m, key, len, &added);

	if (!added)
		return 0;
	s->num = num;
	return 1;
}

int
rc_strmap_get_num(const struct rc_strmap *m, const char *key, size_t len,
                  uint64_t *num)
{
	const struct slot *s = find(m, key, len, fnv(key, len));

	if (s->key == NULL)
		return 0;
	if (num)
		*num = s->num;
	return 1;
}

int
rc_strmap_get(const struct rc_strmap *m, const char *key, size_t len,
              const char **value)
{
	const struct slot *s = find(m, key, len, fnv(key, len));

	if (s->key == NULL)
		return 0;
	if (value)
		*value = s->value;
	return 1;
}

size_t
rc_strmap_count(const struct rc_strmap *m)
{
	return m->n;
}

void
rc_strmap_each(const struct rc_strmap *m,
               void (*fn)(const char *key, const char *value, void *arg),
               void *arg)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->v[i].key != NULL)
			fn(m->v[i].key, m->v[i].value, arg);
}

void
rc_strmap_words(struct rc_strmap *m, const char *text)
{
	const char *p = text;

	while (p != NULL && *p) {
		char w[64];
		size_t n = 0;

		while (*p && !isalpha((unsigned char)*p))
			p++;
		while (*p && (isalpha((unsigned char)*p) || *p == '\'')) {
			if (n < sizeof w - 1)
				w[n++] = (char)tolower((unsigned char)*p);
			p++;
		}
		while (n > 0 && w[n - 1] == '\'')
			n--;
		if (n > 0)
			rc_strmap_put(m, w, n, NULL);
	}
}
