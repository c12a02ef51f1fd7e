/* sim.c - the event list: a binary heap of 32-byte records ordered by (time, key),
 * key = priority << 56 | sequence number. A handle is the sequence number + 1, never
 * reused, so a stale handle can never cancel another event and the event path keeps
 * no table of handles: scheduling and running an event touch the heap alone.
 * Cancelling searches the heap (O(pending events)) and removes the record at once.
 */
#include "sim.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

struct entry {
    double time;
    uint64_t key; /* priority << SEQ_BITS | sequence number */
    sim_handler fn;
    void *ctx;
};

struct sim {
    struct sim_clock clock; /* first: sim_now and sim_owner read it inline */
    uint64_t seq;
    uint64_t events_run;
    struct entry *heap;
    size_t n, cap;
};

enum { SEQ_BITS = 56 };
static const uint64_t SEQ_MASK = ((uint64_t)1 << SEQ_BITS) - 1;

struct sim *sim_new(void *owner)
{
    struct sim *sim = calloc(1, sizeof *sim);
    if (!sim) return NULL;
    sim->clock.owner = owner;
    return sim;
}

void sim_free(struct sim *sim)
{
    if (!sim) return;
    free(sim->heap);
    free(sim);
}

size_t sim_pending(const struct sim *sim)
{
    return sim->n;
}

uint64_t sim_events_run(const struct sim *sim)
{
    return sim->events_run;
}

double sim_next_time(const struct sim *sim)
{
    return sim->n ? sim->heap[0].time : INFINITY;
}

static inline bool before(const struct entry *a, const struct entry *b)
{
    return a->time < b->time || (a->time == b->time && a->key < b->key);
}

/* Move e up from the hole at i to its place. */
static inline void sift_up(struct entry *heap, size_t i, const struct entry *e)
{
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!before(e, &heap[parent])) break;
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = *e;
}

/* Move e down from the hole at i (in a heap of n entries) to its place. */
static inline void sift_down(struct entry *heap, size_t n, size_t i, const struct entry *e)
{
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && before(&heap[child + 1], &heap[child])) child++;
        if (!before(&heap[child], e)) break;
        heap[i] = heap[child];
        i = child;
    }
    heap[i] = *e;
}

__attribute__((noinline, cold)) static void grow(struct sim *sim)
{
    size_t cap = sim->cap ? 2 * sim->cap : 64;
    struct entry *heap = realloc(sim->heap, cap * sizeof *heap);
    if (!heap) abort(); /* out of memory is not a recoverable input error */
    sim->heap = heap;
    sim->cap = cap;
}

sim_handle sim_schedule(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    /* finite and not in the past: NaN and -inf fail the first test, +inf the second */
    assert(time >= sim->clock.now && "an event cannot be scheduled in the past");
    assert(time < INFINITY);
    assert((unsigned)priority <= SIM_PRIORITY_MAX);
    assert(fn);
    assert(sim->seq < SEQ_MASK);

    if (sim->n == sim->cap) grow(sim);
    uint64_t seq = sim->seq++;
    struct entry e = {time, ((uint64_t)priority << SEQ_BITS) | seq, fn, ctx};
    sift_up(sim->heap, sim->n++, &e);
    return seq + 1;
}

/* Remove the entry at heap index i, keeping the heap ordered. */
static void remove_at(struct sim *sim, size_t i)
{
    struct entry last = sim->heap[--sim->n];
    if (i == sim->n) return;
    if (i > 0 && before(&last, &sim->heap[(i - 1) / 2]))
        sift_up(sim->heap, i, &last);
    else
        sift_down(sim->heap, sim->n, i, &last);
}

bool sim_cancel(struct sim *sim, sim_handle handle)
{
    if (handle == 0 || handle > sim->seq) return false;
    uint64_t seq = handle - 1;
    for (size_t i = 0; i < sim->n; i++)
        if ((sim->heap[i].key & SEQ_MASK) == seq) {
            remove_at(sim, i);
            return true;
        }
    return false; /* it ran already, or was cancelled */
}

bool sim_step(struct sim *sim)
{
    if (sim->n == 0) return false;
    struct entry *heap = sim->heap;
    double time = heap[0].time;
    sim_handler fn = heap[0].fn;
    void *ctx = heap[0].ctx;
    size_t n = --sim->n;
    if (n) sift_down(heap, n, 0, &heap[n]);
    assert(time >= sim->clock.now);
    sim->clock.now = time;
    sim->events_run++;
    fn(sim, ctx);
    return true;
}

uint64_t sim_run_until(struct sim *sim, double end)
{
    assert(end >= sim->clock.now);
    uint64_t before_count = sim->events_run;
    while (sim->n && sim->heap[0].time < end) sim_step(sim);
    sim->clock.now = end;
    return sim->events_run - before_count;
}
