/* rng.h - independent random streams, one generator per (replication, source).
 *
 * A stream's seed is a mix of (master seed, replication, source), so a model that
 * adds a source, or a policy that draws more lead times, never shifts the numbers
 * another source sees: this is what makes common random numbers work across the
 * points of a sweep. The generator is MT19937 with GSL's seeding: rng_stream_new
 * returns a gsl_rng of servlab's own type rng_mt19937, which yields exactly the
 * numbers GSL's gsl_rng_mt19937 yields for the same seed (tests/test_sim checks
 * this), but whose state the inline draws below read without a function call. It
 * uses 32 bits of the seed; the mix never hands it 0, which mt19937 maps to 4357.
 */
#ifndef SIM_RNG_H
#define SIM_RNG_H

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>

enum { RNG_MT_N = 624, RNG_EXP_BATCH = 32 };

/* The state of an rng_mt19937 generator: MT19937's 624 words and the next index, and
 * a batch of standard exponential draws made ahead from words next, next + 1, ...
 * exp[j - exp_from] is -log(1 - u) for the uniform u of word j, for exp_from <= j <
 * exp_to. The batch is keyed by word position, so draws of any other kind in between
 * keep it valid; a twist or a reseed empties it. Computing logs in a batch lets the
 * processor overlap them instead of waiting for each one on the event path. A second
 * batch, log[j - log_from] = log(u) for log_from <= j < log_to, does the same for the
 * draws that take the log of u itself (geometric order sizes). */
struct rng_mt {
    uint32_t next;
    uint32_t exp_from, exp_to;
    uint32_t log_from, log_to;
    double exp[RNG_EXP_BATCH];
    double log[RNG_EXP_BATCH];
    uint32_t mt[RNG_MT_N];
};

/* MT19937 as a gsl_rng_type, named "mt19937"; usable with every GSL sampler. */
extern const gsl_rng_type rng_mt19937;

/* Regenerate the 624 words of s (the twist); called once every 624 draws. */
void rng_mt_twist(struct rng_mt *s);

/* MT19937's tempering: a word of the state to an output. */
static inline uint32_t rng_mt_temper(uint32_t k)
{
    k ^= k >> 11;
    k ^= (k << 7) & 0x9d2c5680u;
    k ^= (k << 15) & 0xefc60000u;
    return k ^ (k >> 18);
}

/* The next 32-bit output of r: inline for rng_mt19937, gsl_rng_get otherwise. */
static inline uint32_t rng_u32(gsl_rng *r)
{
    if (r->type != &rng_mt19937) return (uint32_t)gsl_rng_get(r);
    struct rng_mt *s = r->state;
    if (s->next >= RNG_MT_N) rng_mt_twist(s);
    return rng_mt_temper(s->mt[s->next++]);
}

/* Uniform on [0, 1), k / 2^32: the same number gsl_rng_uniform gives for mt19937. */
static inline double rng_uniform(gsl_rng *r)
{
    if (r->type != &rng_mt19937) return gsl_rng_uniform(r);
    return rng_u32(r) / 4294967296.0;
}

/* Fill s->exp from word s->next on (twisting first if every word is used). */
void rng_mt_exp_batch(struct rng_mt *s);

/* A standard exponential draw, -log(1 - u) for the next uniform u (rng_uniform):
 * the same number computed directly, taken from the batch when one is ready. */
static inline double rng_exponential1(gsl_rng *r)
{
    if (r->type != &rng_mt19937) return -log(1 - gsl_rng_uniform(r));
    struct rng_mt *s = r->state;
    if (s->next < s->exp_from || s->next >= s->exp_to) rng_mt_exp_batch(s);
    double e = s->exp[s->next - s->exp_from];
    s->next++;
    return e;
}

/* Fill s->log from word s->next on (twisting first if every word is used). */
void rng_mt_log_batch(struct rng_mt *s);

/* log(u) for the next uniform u (rng_uniform), -inf when u is 0: the same number
 * computed directly, taken from the batch when one is ready. */
static inline double rng_log_uniform(gsl_rng *r)
{
    if (r->type != &rng_mt19937) return log(gsl_rng_uniform(r));
    struct rng_mt *s = r->state;
    if (s->next < s->log_from || s->next >= s->log_to) rng_mt_log_batch(s);
    double l = s->log[s->next - s->log_from];
    s->next++;
    return l;
}

/* The name printed in reports, e.g. "mt19937". */
const char *rng_generator_name(void);

/* The 32-bit, never-zero seed of stream (master, rep, source). Pure function. */
uint32_t rng_stream_seed(uint64_t master, uint64_t rep, uint64_t source);

/* A new rng_mt19937 generator seeded for (master, rep, source). Owned by the caller:
 * free with gsl_rng_free. Aborts when out of memory. */
gsl_rng *rng_stream_new(uint64_t master, uint64_t rep, uint64_t source);

/* Re-seed an existing generator for (master, rep, source). */
void rng_stream_reseed(gsl_rng *r, uint64_t master, uint64_t rep, uint64_t source);

#endif
