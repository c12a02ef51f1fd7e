/* rng_book.c - the book: an open-addressing table of streams keyed by seed, each a
 * chain of blocks. A slot is claimed by a compare-and-swap of its seed from 0 (seeds
 * handed to the book are never 0), so exactly one generator records each stream. */
#include "rng_book.h"

#include <stdlib.h>

/* Streams: replications x sources used. A stream that finds no free slot within
 * BOOK_PROBES of its own is neither recorded nor replayed (a full book costs a few
 * probes per generator, not a scan). */
enum { BOOK_SLOTS = 1 << 14, BOOK_PROBES = 64 };

struct book_slot {
    _Atomic uint32_t seed; /* 0: free */
    _Atomic(struct rng_block *) first;
};

struct rng_book {
    size_t budget;
    atomic_size_t bytes;
    struct book_slot slots[BOOK_SLOTS];
};

static _Thread_local struct rng_book *in_use;

struct rng_book *rng_book_new(size_t budget)
{
    struct rng_book *b = calloc(1, sizeof *b); /* every seed 0, every chain empty */
    if (b) b->budget = budget;
    return b;
}

void rng_book_free(struct rng_book *b)
{
    if (!b) return;
    for (size_t i = 0; i < BOOK_SLOTS; i++) {
        struct rng_block *k = atomic_load_explicit(&b->slots[i].first, memory_order_relaxed);
        while (k) {
            struct rng_block *next = atomic_load_explicit(&k->next, memory_order_relaxed);
            free(k);
            k = next;
        }
    }
    free(b);
}

void rng_book_use(struct rng_book *b)
{
    in_use = b;
}

struct rng_book *rng_book_in_use(void)
{
    return in_use;
}

size_t rng_book_bytes(const struct rng_book *b)
{
    return atomic_load_explicit(&b->bytes, memory_order_relaxed);
}

_Atomic(struct rng_block *) *rng_book_find(struct rng_book *b, uint32_t seed, bool *record)
{
    *record = false;
    if (seed == 0) return NULL;
    uint32_t i = (uint32_t)(seed * 2654435761u) >> 18; /* Knuth's multiplicative hash, 14 bits */
    for (uint32_t probes = 0; probes < BOOK_PROBES; probes++, i = (i + 1) & (BOOK_SLOTS - 1)) {
        struct book_slot *s = &b->slots[i];
        uint32_t held = atomic_load_explicit(&s->seed, memory_order_acquire);
        if (held == 0) {
            uint32_t expected = 0;
            if (atomic_compare_exchange_strong(&s->seed, &expected, seed)) {
                *record = true;
                return &s->first;
            }
            held = expected; /* another thread took the slot first */
        }
        if (held == seed) return &s->first;
    }
    return NULL;
}

struct rng_block *rng_book_block(struct rng_book *b, bool with_exp, bool with_log)
{
    size_t values = ((size_t)with_exp + with_log) * RNG_MT_N;
    size_t size = sizeof(struct rng_block) + values * sizeof(double);
    if (atomic_fetch_add(&b->bytes, size) + size > b->budget) {
        atomic_fetch_sub(&b->bytes, size);
        return NULL;
    }
    struct rng_block *k = malloc(size);
    if (!k) {
        atomic_fetch_sub(&b->bytes, size);
        return NULL;
    }
    double *v = (double *)(k + 1);
    atomic_init(&k->next, NULL);
    k->exp = with_exp ? v : NULL;
    k->log = with_log ? v + (with_exp ? RNG_MT_N : 0) : NULL;
    return k;
}
