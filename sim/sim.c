/* sim.c - event list as a binary heap of compact records, plus a slot table that
 * maps handles to heap positions so that an event can be cancelled in O(log n).
 * A handle packs (generation << 32 | slot + 1); a slot's generation changes every
 * time it is freed, so a stale handle never cancels somebody else's event.
 */
#include "sim.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

struct entry {
    double time;
    uint64_t key; /* priority << 56 | sequence number */
    sim_handler fn;
    void *ctx;
    uint32_t slot;
};

struct slot {
    uint32_t pos; /* index in the heap while scheduled */
    uint32_t gen; /* bumped when the slot is released */
};

struct sim {
    double now;
    void *owner;
    uint64_t seq;
    uint64_t events_run;

    struct entry *heap;
    size_t n, cap;

    struct slot *slots;
    uint32_t *free_slots; /* stack of released slot indices */
    size_t nslots, nfree, slot_cap;
};

enum { SEQ_BITS = 56 };

struct sim *sim_new(void *owner)
{
    struct sim *sim = calloc(1, sizeof *sim);
    if (!sim) return NULL;
    sim->owner = owner;
    return sim;
}

void sim_free(struct sim *sim)
{
    if (!sim) return;
    free(sim->heap);
    free(sim->slots);
    free(sim->free_slots);
    free(sim);
}

double sim_now(const struct sim *sim)
{
    return sim->now;
}

void *sim_owner(const struct sim *sim)
{
    return sim->owner;
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

static bool before(const struct entry *a, const struct entry *b)
{
    if (a->time != b->time) return a->time < b->time;
    return a->key < b->key;
}

static void place(struct sim *sim, size_t i, struct entry e)
{
    sim->heap[i] = e;
    sim->slots[e.slot].pos = (uint32_t)i;
}

static void sift_up(struct sim *sim, size_t i, struct entry e)
{
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!before(&e, &sim->heap[parent])) break;
        place(sim, i, sim->heap[parent]);
        i = parent;
    }
    place(sim, i, e);
}

static void sift_down(struct sim *sim, size_t i, struct entry e)
{
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= sim->n) break;
        if (child + 1 < sim->n && before(&sim->heap[child + 1], &sim->heap[child])) child++;
        if (!before(&sim->heap[child], &e)) break;
        place(sim, i, sim->heap[child]);
        i = child;
    }
    place(sim, i, e);
}

static void *grow(void *p, size_t *cap, size_t elem)
{
    size_t ncap = *cap ? 2 * *cap : 64;
    void *q = realloc(p, ncap * elem);
    if (!q) abort(); /* out of memory is not a recoverable input error */
    *cap = ncap;
    return q;
}

static uint32_t slot_take(struct sim *sim)
{
    if (sim->nfree) return sim->free_slots[--sim->nfree];
    if (sim->nslots == sim->slot_cap) {
        size_t cap = sim->slot_cap;
        sim->slots = grow(sim->slots, &cap, sizeof *sim->slots);
        sim->free_slots = realloc(sim->free_slots, cap * sizeof *sim->free_slots);
        if (!sim->free_slots) abort();
        sim->slot_cap = cap;
    }
    assert(sim->nslots < UINT32_MAX);
    sim->slots[sim->nslots].gen = 1;
    return (uint32_t)sim->nslots++;
}

static void slot_release(struct sim *sim, uint32_t slot)
{
    sim->slots[slot].gen++;
    sim->free_slots[sim->nfree++] = slot;
}

sim_handle sim_schedule(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    assert(isfinite(time));
    assert(time >= sim->now && "an event cannot be scheduled in the past");
    assert(priority >= 0 && priority <= SIM_PRIORITY_MAX);
    assert(fn);
    assert(sim->seq < ((uint64_t)1 << SEQ_BITS));

    if (sim->n == sim->cap) sim->heap = grow(sim->heap, &sim->cap, sizeof *sim->heap);
    uint32_t slot = slot_take(sim);
    struct entry e = {
        .time = time,
        .key = ((uint64_t)priority << SEQ_BITS) | sim->seq++,
        .fn = fn,
        .ctx = ctx,
        .slot = slot,
    };
    sim->n++;
    sift_up(sim, sim->n - 1, e);
    return ((uint64_t)sim->slots[slot].gen << 32) | ((uint64_t)slot + 1);
}

/* Remove the entry at heap index i, keeping the heap ordered. */
static void remove_at(struct sim *sim, size_t i)
{
    struct entry last = sim->heap[--sim->n];
    if (i == sim->n) return;
    if (i > 0 && before(&last, &sim->heap[(i - 1) / 2]))
        sift_up(sim, i, last);
    else
        sift_down(sim, i, last);
}

bool sim_cancel(struct sim *sim, sim_handle handle)
{
    uint64_t low = handle & 0xffffffffu;
    if (low == 0 || low > sim->nslots) return false;
    uint32_t slot = (uint32_t)(low - 1);
    if (sim->slots[slot].gen != (uint32_t)(handle >> 32)) return false;
    size_t pos = sim->slots[slot].pos;
    if (pos >= sim->n || sim->heap[pos].slot != slot) return false;
    remove_at(sim, pos);
    slot_release(sim, slot);
    return true;
}

bool sim_step(struct sim *sim)
{
    if (sim->n == 0) return false;
    struct entry top = sim->heap[0];
    remove_at(sim, 0);
    slot_release(sim, top.slot);
    assert(top.time >= sim->now);
    sim->now = top.time;
    sim->events_run++;
    top.fn(sim, top.ctx);
    return true;
}

uint64_t sim_run_until(struct sim *sim, double end)
{
    assert(end >= sim->now);
    uint64_t before_count = sim->events_run;
    while (sim->n && sim->heap[0].time < end) sim_step(sim);
    sim->now = end;
    return sim->events_run - before_count;
}
