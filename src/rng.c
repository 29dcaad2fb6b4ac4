/*
 * rng.c - splitmix64 (Steele, Lea and Flood).  rc_rng_below() rejects the
 * biased tail so choices are uniform.
 */
#include "rng.h"

void
rc_rng_seed(struct rc_rng *r, uint64_t seed)
{
	r->state = seed ^ 0x5265636f75703031ULL;
}

uint64_t
rc_rng_next(struct rc_rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint32_t
rc_rng_below(struct rc_rng *r, uint32_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;

	do
		x = rc_rng_next(r);
	while (x >= limit);
	return (uint32_t)(x % n);
}
