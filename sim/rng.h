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
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

enum { RNG_MT_N = 624, RNG_BATCH = 32 };

/* Values computed ahead from words from, from + 1, ..., to - 1 of a generator's state:
 * v[j - from] for word j. A batch is keyed by word position, so draws of any other kind
 * in between keep it valid; a twist or a reseed empties it (from = to = 0), so the next
 * word is never before from while it is before to. Computing logs in a batch
 * lets the processor overlap them instead of waiting for each one on the event path. */
struct rng_batch {
    uint32_t from, to;
    const double *v; /* own, or a recorded block's values (sim/rng_book.h) for all its words */
    double own[RNG_BATCH];
};

struct rng_block; /* sim/rng_book.h */
struct rng_book;

/* The state of an rng_mt19937 generator: MT19937's 624 words and the next index, and
 * two batches made ahead from words next, next + 1, ...: for the uniform u of each word,
 * exp holds -log(1 - u) (standard exponential draws), log holds log(u) (geometric).
 * Seeded in a thread that uses a book of streams (sim/rng_book.h), it either replays
 * its stream from the book or records it there; the numbers are the same either way. */
struct rng_mt {
    uint32_t next;
    struct rng_batch exp, log;
    /* replaying: */
    struct rng_block *block;             /* the recorded block whose words are in mt, or NULL */
    _Atomic(struct rng_block *) *follow; /* where the next recorded block appears; NULL: twist */
    /* recording: */
    struct rng_book *book;               /* the book it records into, or NULL */
    _Atomic(struct rng_block *) *append; /* where it publishes the block in mt; NULL: not recording */
    bool in_block, used_exp, used_log;   /* mt holds a twisted block; the kinds drawn from it */
    uint32_t mt[RNG_MT_N];
};

/* MT19937 as a gsl_rng_type, named "mt19937"; usable with every GSL sampler. */
extern const gsl_rng_type rng_mt19937;

/* Regenerate the 624 words of s (the twist), or copy them from the book it replays;
 * called once every 624 draws. */
void rng_mt_twist(struct rng_mt *s);

/* MT19937's tempering: a word of the state to an output. */
static inline uint32_t rng_mt_temper(uint32_t k)
{
    k ^= k >> 11;
    k ^= (k << 7) & 0x9d2c5680u;
    k ^= (k << 15) & 0xefc60000u;
    return k ^ (k >> 18);
}

/* The next 32-bit output of the generator whose MT19937 state is s. */
static inline uint32_t rng_mt_u32(struct rng_mt *s)
{
    if (s->next >= RNG_MT_N) rng_mt_twist(s);
    return rng_mt_temper(s->mt[s->next++]);
}

/* The next 32-bit output of r: inline for rng_mt19937, gsl_rng_get otherwise. */
static inline uint32_t rng_u32(gsl_rng *r)
{
    if (r->type != &rng_mt19937) return (uint32_t)gsl_rng_get(r);
    return rng_mt_u32(r->state);
}

/* rng_uniform of the generator whose MT19937 state is s. */
static inline double rng_mt_uniform(struct rng_mt *s)
{
    return rng_mt_u32(s) / 4294967296.0;
}

/* Uniform on [0, 1), k / 2^32: the same number gsl_rng_uniform gives for mt19937. */
static inline double rng_uniform(gsl_rng *r)
{
    if (r->type != &rng_mt19937) return gsl_rng_uniform(r);
    return rng_mt_uniform(r->state);
}

/* Fill s->exp, or s->log, from word s->next on (twisting first if every word is used). */
void rng_mt_exp_batch(struct rng_mt *s);
void rng_mt_log_batch(struct rng_mt *s);

/* The value of batch b for word s->next, filling b first (fill) if it lacks that word;
 * the word is then used. */
static inline double rng_batch_take(struct rng_mt *s, struct rng_batch *b, void (*fill)(struct rng_mt *))
{
    /* below to is from or after it: a batch starts at word s->next, and only a twist or
       a reseed moves s->next back, emptying the batch (to = 0) */
    if (s->next >= b->to) fill(s);
    return b->v[s->next++ - b->from];
}

/* The MT19937 state of r, or NULL for another generator. */
static inline struct rng_mt *rng_mt_of(gsl_rng *r)
{
    return r->type == &rng_mt19937 ? r->state : NULL;
}

/* rng_exponential1 of the generator whose MT19937 state is s. */
static inline double rng_mt_exponential1(struct rng_mt *s)
{
    return rng_batch_take(s, &s->exp, rng_mt_exp_batch);
}

/* A standard exponential draw, -log(1 - u) for the next uniform u (rng_uniform):
 * the same number computed directly, taken from the batch. */
static inline double rng_exponential1(gsl_rng *r)
{
    if (r->type != &rng_mt19937) return -log(1 - gsl_rng_uniform(r));
    struct rng_mt *s = r->state;
    return rng_batch_take(s, &s->exp, rng_mt_exp_batch);
}

/* rng_log_uniform of the generator whose MT19937 state is s. */
static inline double rng_mt_log_uniform(struct rng_mt *s)
{
    return rng_batch_take(s, &s->log, rng_mt_log_batch);
}

/* log(u) for the next uniform u (rng_uniform), -inf when u is 0: the same number
 * computed directly, taken from the batch. */
static inline double rng_log_uniform(gsl_rng *r)
{
    if (r->type != &rng_mt19937) return log(gsl_rng_uniform(r));
    return rng_mt_log_uniform(r->state);
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
