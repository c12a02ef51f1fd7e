/* rng_book.h - streams recorded once and replayed.
 *
 * A stream is fixed by its 32-bit seed (sim/rng.h), and on common random numbers every
 * point of a sweep uses the same streams: replication r's arrivals, sizes and stage
 * times are the same numbers at every point. A book keeps them. The first generator
 * seeded with a given seed, in a thread using the book, records its stream: each block
 * of 624 words its twist makes, with the standard exponential and log values of every
 * word of the block where it drew those kinds. Later generators with that seed copy the
 * blocks instead of twisting and taking logs. The copied numbers are those the
 * computation gives, bit for bit, so results do not depend on whether a stream was
 * replayed (tests/test_sim checks it); a replaying generator that runs past the end of
 * the record continues on its own, from the last block's words, as any generator does.
 *
 * A block is published when its recorder moves past it (release order), so other
 * threads replay a stream while it is still recorded; blocks never change once
 * published and live until the book is freed. The book holds at most `budget` bytes of
 * blocks (malloc's overhead and the table of streams, 256 KB, aside); a recorder that
 * would exceed it stops recording.
 */
#ifndef SIM_RNG_BOOK_H
#define SIM_RNG_BOOK_H

#include "rng.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

/* One block of a recorded stream: the words of the generator's state after a twist. */
struct rng_block {
    _Atomic(struct rng_block *) next; /* the stream's next block; NULL until published */
    double *exp;                      /* -log(1 - u) of each word's uniform u, or NULL */
    double *log;                      /* log(u) of each word's uniform u, or NULL */
    uint32_t words[RNG_MT_N];
};

struct rng_book;

/* A new, empty book holding at most `budget` bytes of blocks. NULL when out of memory. */
struct rng_book *rng_book_new(size_t budget);

/* Free the book and every block in it. No generator may still use it. */
void rng_book_free(struct rng_book *b);

/* Generators this thread seeds from now on record into, or replay from, book b (NULL:
 * neither, the default). Generators seeded before keep what they had. */
void rng_book_use(struct rng_book *b);

/* The bytes of blocks book b holds now. */
size_t rng_book_bytes(const struct rng_book *b);

/* For sim/rng.c. This thread's book (rng_book_use), or NULL. */
struct rng_book *rng_book_in_use(void);

/* For sim/rng.c. Where the stream with this seed starts in book b: the address of its
 * first block's pointer; NULL for seed 0 or when the book has no room near the seed's
 * place. *record is set when the caller is the stream's first user, which records it. */
_Atomic(struct rng_block *) *rng_book_find(struct rng_book *b, uint32_t seed, bool *record);

/* For sim/rng.c. A new block for book b, with arrays for the exponential (with_exp) and
 * log (with_log) values, the others NULL; the caller fills it and publishes it by
 * storing its address, with release order, where the stream's previous block (or the
 * stream's start) points. NULL when the budget would be exceeded. */
struct rng_block *rng_book_block(struct rng_book *b, bool with_exp, bool with_log);

#endif
