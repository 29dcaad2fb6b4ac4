/*
 * rng.h - the seeded pseudo-random generator behind every choice a debtor
 * makes.  splitmix64: tiny, fast, and identical on every platform, so a
 * session seed reproduces a call byte for byte.
 */
#ifndef RC_RNG_H
#define RC_RNG_H

#include <stdint.h>

struct rc_rng {
	uint64_t state;
};

void rc_rng_seed(struct rc_rng *r, uint64_t seed);
uint64_t rc_rng_next(struct rc_rng *r);
/* A uniform integer in [0, n); n > 0. */
uint32_t rc_rng_below(struct rc_rng *r, uint32_t n);

#endif
