/* rng.h - independent random streams, one GSL generator per (replication, source).
 *
 * A stream's seed is a mix of (master seed, replication, source), so a model that
 * adds a source, or a policy that draws more lead times, never shifts the numbers
 * another source sees: this is what makes common random numbers work across the
 * points of a sweep. The generator is GSL's mt19937 (it uses 32 bits of the seed;
 * the mix never hands it 0, which mt19937 would silently replace by 4357).
 */
#ifndef SIM_RNG_H
#define SIM_RNG_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

/* The name printed in reports, e.g. "mt19937". */
const char *rng_generator_name(void);

/* The 32-bit, never-zero seed of stream (master, rep, source). Pure function. */
uint32_t rng_stream_seed(uint64_t master, uint64_t rep, uint64_t source);

/* A new generator seeded for (master, rep, source). Owned by the caller: free with
 * gsl_rng_free. Aborts when out of memory. */
gsl_rng *rng_stream_new(uint64_t master, uint64_t rep, uint64_t source);

/* Re-seed an existing generator for (master, rep, source). */
void rng_stream_reseed(gsl_rng *r, uint64_t master, uint64_t rep, uint64_t source);

#endif
