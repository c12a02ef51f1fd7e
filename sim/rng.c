/* rng.c - seeding by SplitMix64 (Steele, Lea & Flood 2014), a bijective 64-bit mixer
 * whose outputs for nearby inputs are statistically unrelated; and MT19937
 * (Matsumoto & Nishimura 1998) with the seeding of Knuth TAOCP vol. 2 p. 106, as
 * GSL's mt19937 does it, so that both produce the same numbers from the same seed. */
#include "rng.h"
#include "rng_book.h"

#include <stdlib.h>
#include <string.h>

enum { MT_M = 397 };

static const uint32_t UPPER = 0x80000000u, LOWER = 0x7fffffffu, MATRIX_A = 0x9908b0dfu;

static uint32_t mix(uint32_t hi, uint32_t lo, uint32_t far)
{
    uint32_t y = (hi & UPPER) | (lo & LOWER);
    return far ^ (y >> 1) ^ ((y & 1u) ? MATRIX_A : 0u);
}

static void empty_batches(struct rng_mt *s)
{
    s->exp.from = s->exp.to = s->log.from = s->log.to = 0;
}

/* The uniform u of word j, k / 2^32 (rng_uniform's number; log_arguments below computes
 * the same number for a whole batch at once). */
static double uniform_of(const struct rng_mt *s, uint32_t j)
{
    return rng_mt_temper(s->mt[j]) / 4294967296.0;
}

/* The exponential and log values of word j: what the batches hold and the book records. */
static double exp_of(const struct rng_mt *s, uint32_t j)
{
    return -log(1 - uniform_of(s, j));
}

static double log_of(const struct rng_mt *s, uint32_t j)
{
    return log(uniform_of(s, j));
}

/* Replaying: the next recorded block into mt, if it is published; otherwise stop
 * replaying (mt then holds the last recorded block, from which a twist goes on). */
static bool replay_next(struct rng_mt *s)
{
    struct rng_block *k = atomic_load_explicit(s->follow, memory_order_acquire);
    s->block = k;
    s->follow = k ? &k->next : NULL;
    if (!k) return false;
    memcpy(s->mt, k->words, sizeof s->mt);
    return true;
}

/* Recording: publish the block in mt, with the values of each kind drawn from it. */
static void record_block(struct rng_mt *s)
{
    struct rng_block *k = rng_book_block(s->book, s->used_exp, s->used_log);
    if (!k) { /* the budget is spent */
        s->append = NULL;
        return;
    }
    memcpy(k->words, s->mt, sizeof k->words);
    for (uint32_t j = 0; j < RNG_MT_N; j++) {
        if (k->exp) k->exp[j] = exp_of(s, j);
        if (k->log) k->log[j] = log_of(s, j);
    }
    atomic_store_explicit(s->append, k, memory_order_release);
    s->append = &k->next;
}

void rng_mt_twist(struct rng_mt *s)
{
    s->next = 0;
    empty_batches(s);
    if (s->follow && replay_next(s)) return;
    if (s->append && s->in_block) record_block(s);
    uint32_t *mt = s->mt;
    int k = 0;
    /* 224 of the first 227 words in a loop whose count is a multiple of 4, which GCC's
     * -O2 (its "very cheap" cost model) vectorises; the second loop's 396 already are */
    for (; k < (RNG_MT_N - MT_M) / 4 * 4; k++) mt[k] = mix(mt[k], mt[k + 1], mt[k + MT_M]);
    for (; k < RNG_MT_N - MT_M; k++) mt[k] = mix(mt[k], mt[k + 1], mt[k + MT_M]);
    for (; k < RNG_MT_N - 1; k++) mt[k] = mix(mt[k], mt[k + 1], mt[k + MT_M - RNG_MT_N]);
    mt[RNG_MT_N - 1] = mix(mt[RNG_MT_N - 1], mt[0], mt[MT_M - 1]);
    s->in_block = true;
    s->used_exp = s->used_log = false;
}

/* Start batch b at word s->next, twisting first if every word is used; returns how many
 * words it covers. */
static uint32_t batch_start(struct rng_mt *s, struct rng_batch *b)
{
    if (s->next >= RNG_MT_N) rng_mt_twist(s);
    uint32_t n = RNG_MT_N - s->next < RNG_BATCH ? RNG_MT_N - s->next : RNG_BATCH;
    b->from = s->next;
    b->to = s->next + n;
    return n;
}

/* own[i] = u or, exp_kind, 1 - u for the uniform u of word w[i]: uniform_of's number,
 * the word converted as a signed 32-bit integer plus 2^31 (both steps exact, as the
 * unsigned conversion is), which SSE2 converts 2 lanes at once. With n a constant
 * multiple of 4, GCC's -O2 vectorises the loop, tempering 4 words at once. */
static inline __attribute__((always_inline)) void log_arguments(double *restrict own, const uint32_t *restrict w,
                                                                uint32_t n, bool exp_kind)
{
    for (uint32_t i = 0; i < n; i++) {
        uint32_t k = rng_mt_temper(w[i]);
        double u = ((double)(int32_t)(k ^ 0x80000000u) + 2147483648.0) / 4294967296.0;
        own[i] = exp_kind ? 1 - u : u;
    }
}

/* Fill the exponential (exp_kind) or log batch from word s->next on: point it at the
 * values recorded for the block in mt, all its words, or compute them and note that
 * the block's words were drawn as that kind (for its recorder). */
static inline __attribute__((always_inline)) void fill_batch(struct rng_mt *s, bool exp_kind)
{
    struct rng_batch *b = exp_kind ? &s->exp : &s->log;
    uint32_t n = batch_start(s, b); /* may twist, and so change s->block */
    const double *recorded = s->block ? (exp_kind ? s->block->exp : s->block->log) : NULL;
    if (recorded) {
        b->v = recorded;
        b->from = 0, b->to = RNG_MT_N;
        return;
    }
    *(exp_kind ? &s->used_exp : &s->used_log) = true;
    /* exp_of and log_of in two loops, the same operations on each word: the arguments
       of log first, in a loop without calls (a whole batch, RNG_BATCH words, with its
       count a constant), then the logs */
    double *own = b->own;
    if (n == RNG_BATCH) {
        log_arguments(own, s->mt + b->from, RNG_BATCH, exp_kind);
        /* four logs a turn of the loop: its count and test once per four calls */
#pragma GCC unroll 4
        for (uint32_t i = 0; i < RNG_BATCH; i++) own[i] = exp_kind ? -log(own[i]) : log(own[i]);
    } else {
        log_arguments(own, s->mt + b->from, n, exp_kind);
        for (uint32_t i = 0; i < n; i++) own[i] = exp_kind ? -log(own[i]) : log(own[i]);
    }
    b->v = own;
}

void rng_mt_exp_batch(struct rng_mt *s)
{
    fill_batch(s, true);
}

void rng_mt_log_batch(struct rng_mt *s)
{
    fill_batch(s, false);
}

static void mt_set(void *state, unsigned long seed)
{
    struct rng_mt *s = state;
    /* 0 is gsl_rng_alloc's seeding, before the stream's own: it claims nothing in a book */
    struct rng_book *book = seed ? rng_book_in_use() : NULL;
    if (seed == 0) seed = 4357; /* as GSL does */
    s->mt[0] = (uint32_t)(seed & 0xffffffffu);
    for (uint32_t i = 1; i < RNG_MT_N; i++) s->mt[i] = 1812433253u * (s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) + i;
    s->next = RNG_MT_N;
    empty_batches(s);
    s->block = NULL, s->follow = s->append = NULL, s->book = NULL;
    s->in_block = s->used_exp = s->used_log = false;
    if (!book) return;
    bool record;
    _Atomic(struct rng_block *) *at = rng_book_find(book, s->mt[0], &record);
    if (record)
        s->book = book, s->append = at;
    else
        s->follow = at;
}

static unsigned long mt_get(void *state)
{
    gsl_rng r = {&rng_mt19937, state};
    return rng_u32(&r);
}

static double mt_get_double(void *state)
{
    return (double)mt_get(state) / 4294967296.0;
}

const gsl_rng_type rng_mt19937 = {"mt19937", 0xffffffffUL, 0, sizeof(struct rng_mt), mt_set, mt_get, mt_get_double};

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15u;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

const char *rng_generator_name(void)
{
    return rng_mt19937.name;
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
    gsl_rng *r = gsl_rng_alloc(&rng_mt19937);
    if (!r) abort();
    rng_stream_reseed(r, master, rep, source);
    return r;
}
