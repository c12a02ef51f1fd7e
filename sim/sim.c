/* sim.c - the event list: a binary heap of 32-byte records ordered by (time, key),
 * key = priority << 56 | sequence number, and beside it one held record for a
 * recurring process (sim_schedule_recurring): the next event is the earlier of the
 * two. A handle is the sequence number + 1, never reused, so a stale handle can never
 * cancel another event and the event path keeps no table of handles: scheduling and
 * running an event touch the heap (or the held record) alone.
 * Cancelling searches the heap (O(pending events)) and removes the record at once.
 */
#include "sim.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

struct heap_entry {
    double time;
    uint64_t key; /* priority << SEQ_BITS | sequence number */
    sim_handler fn;
    void *ctx;
};

struct sim {
    struct sim_clock clock; /* first: sim_now and sim_owner read it inline */
    uint64_t seq;
    uint64_t events_run;
    struct heap_entry *heap;
    size_t n, cap;
    struct heap_entry held; /* valid while has_held: a recurring process's one pending event */
    bool has_held;
    /* the sim_step_before running now: its limit, and how many more events may chain */
    double limit;
    unsigned chain_left;
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
    return sim->n + sim->has_held;
}

uint64_t sim_events_run(const struct sim *sim)
{
    return sim->events_run;
}

static inline bool before(const struct heap_entry *a, const struct heap_entry *b)
{
    return a->time < b->time || (a->time == b->time && a->key < b->key);
}

/* The next event to run, or NULL if none is pending. */
static inline const struct heap_entry *next_entry(const struct sim *sim)
{
    if (!sim->has_held) return sim->n ? &sim->heap[0] : NULL;
    return sim->n && before(&sim->heap[0], &sim->held) ? &sim->heap[0] : &sim->held;
}

double sim_next_time(const struct sim *sim)
{
    const struct heap_entry *e = next_entry(sim);
    return e ? e->time : INFINITY;
}

/* Move e up from the hole at i to its place. */
static inline void sift_up(struct heap_entry *heap, size_t i, const struct heap_entry *e)
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
static inline void sift_down(struct heap_entry *heap, size_t n, size_t i, const struct heap_entry *e)
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
    struct heap_entry *heap = realloc(sim->heap, cap * sizeof *heap);
    if (!heap) abort(); /* out of memory is not a recoverable input error */
    sim->heap = heap;
    sim->cap = cap;
}

/* The record of a new event, with the next sequence number. */
static inline struct heap_entry new_entry(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    /* finite and not in the past: NaN and -inf fail the first test, +inf the second */
    assert(time >= sim->clock.now && "an event cannot be scheduled in the past");
    assert(time < INFINITY);
    assert((unsigned)priority <= SIM_PRIORITY_MAX);
    assert(fn);
    assert(sim->seq < SEQ_MASK);
    uint64_t seq = sim->seq++;
    return (struct heap_entry){time, ((uint64_t)priority << SEQ_BITS) | seq, fn, ctx};
}

static inline sim_handle handle_of(const struct heap_entry *e)
{
    return (e->key & SEQ_MASK) + 1;
}

/* Put e on the list: in the held slot if it is a recurring process's and the slot is
 * free, else in the heap. */
static inline void insert(struct sim *sim, const struct heap_entry *e, bool recurring)
{
    if (recurring && !sim->has_held) {
        sim->held = *e;
        sim->has_held = true;
        return;
    }
    if (sim->n == sim->cap) grow(sim);
    sift_up(sim->heap, sim->n++, e);
}

sim_handle sim_schedule(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    struct heap_entry e = new_entry(sim, time, priority, fn, ctx);
    insert(sim, &e, false);
    return handle_of(&e);
}

sim_handle sim_schedule_recurring(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    struct heap_entry e = new_entry(sim, time, priority, fn, ctx);
    insert(sim, &e, true);
    return handle_of(&e);
}

sim_place sim_reserve(struct sim *sim, int priority)
{
    assert((unsigned)priority <= SIM_PRIORITY_MAX);
    assert(sim->seq < SEQ_MASK);
    return ((uint64_t)priority << SEQ_BITS) | sim->seq++;
}

/* sim_recur's event at `time` runs now, as the next event, without being scheduled;
 * *place becomes the reservation for the one after (same class, next sequence number). */
static inline bool chain(struct sim *sim, double time, sim_place *place)
{
    sim->chain_left--;
    sim->clock.now = time;
    sim->events_run++;
    *place = (*place & ~SEQ_MASK) | sim->seq++;
    return true;
}

/* sim_recur when the event is not strictly before everything pending, or may not
 * chain: compared by key (ties), then chained or scheduled in its reserved place. */
__attribute__((noinline)) static bool recur_by_key(struct sim *sim, double time, sim_place *place, sim_handler fn,
                                                   void *ctx)
{
    assert(time < INFINITY && fn);
    struct heap_entry e = {time, *place, fn, ctx};
    const struct heap_entry *next = next_entry(sim);
    if (sim->chain_left && time < sim->limit && !(next && before(next, &e))) return chain(sim, time, place);
    insert(sim, &e, true);
    return false;
}

bool sim_recur(struct sim *sim, double time, sim_place *place, sim_handler fn, void *ctx)
{
    assert(time >= sim->clock.now);
    /* strictly before everything pending (the common case): next, whatever the keys */
    if (sim->chain_left && time < sim->limit && !sim->has_held && (!sim->n || time < sim->heap[0].time))
        return chain(sim, time, place);
    return recur_by_key(sim, time, place, fn, ctx);
}

/* Remove the entry at heap index i, keeping the heap ordered. */
static void remove_at(struct sim *sim, size_t i)
{
    struct heap_entry last = sim->heap[--sim->n];
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
    if (sim->has_held && (sim->held.key & SEQ_MASK) == seq) {
        sim->has_held = false;
        return true;
    }
    for (size_t i = 0; i < sim->n; i++)
        if ((sim->heap[i].key & SEQ_MASK) == seq) {
            remove_at(sim, i);
            return true;
        }
    return false; /* it ran already, or was cancelled */
}

/* Take entry e (the next one) off the list and run it. */
static inline void run_entry(struct sim *sim, const struct heap_entry *e)
{
    double time = e->time;
    sim_handler fn = e->fn;
    void *ctx = e->ctx;
    if (e == &sim->held) {
        sim->has_held = false;
    } else {
        size_t n = --sim->n;
        if (n) sift_down(sim->heap, n, 0, &sim->heap[n]);
    }
    assert(time >= sim->clock.now);
    sim->clock.now = time;
    sim->events_run++;
    fn(sim, ctx);
}

bool sim_step(struct sim *sim)
{
    const struct heap_entry *e = next_entry(sim);
    if (!e) return false;
    run_entry(sim, e);
    return true;
}

bool sim_step_before(struct sim *sim, double end)
{
    const struct heap_entry *e = next_entry(sim);
    if (!e || !(e->time < end)) return false;
    sim->limit = end;
    sim->chain_left = SIM_CHAIN_MAX;
    run_entry(sim, e);
    sim->chain_left = 0; /* no chaining under a plain sim_step */
    return true;
}

uint64_t sim_run_until(struct sim *sim, double end)
{
    assert(end >= sim->clock.now);
    uint64_t before_count = sim->events_run;
    while (sim_step_before(sim, end)) continue;
    sim->clock.now = end;
    return sim->events_run - before_count;
}
