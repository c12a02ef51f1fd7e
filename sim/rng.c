/* rng.c - seeding by SplitMix64 (Steele, Lea & Flood 2014), a bijective 64-bit mixer
 * whose outputs for nearby inputs are statistically unrelated. */
#include "rng.h"

#include <stdlib.h>

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15u;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

const char *rng_generator_name(void)
{
    return gsl_rng_mt19937->name;
}

uint32_t rng_stream_seed(uint64_t master, uint64_t rep, uint64_t source)
{
    uint64_t h = splitmix64(splitmix64(splitmix64(master) ^ rep) ^ source);
    uint32_t seed = (uint32_t)(h ^ (h >> 32));
    return seed ? seed : 0x6a09e667u; /* never 0: mt19937 would map it to 4357 */
}

void rng_stream_reseed(gsl_rng *r, uint64_t master, uint64_t rep, uint64_t source)
{
    gsl_rng_set(r, rng_stream_seed(master, rep, source));
}

gsl_rng *rng_stream_new(uint64_t master, uint64_t rep, uint64_t source)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r) abort();
    rng_stream_reseed(r, master, rep, source);
    return r;
}
