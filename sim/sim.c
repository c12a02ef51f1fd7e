/* sim.c - the event list: a heap of 32-byte records ordered by (time, key), key =
 * priority << 56 | sequence number (a few sorted, more as a binary heap), beside it one held record for a recurring
 * process (sim_schedule_recurring), and up to SIM_LANES_MAX lanes, rings of records
 * kept in the order they run (sim_lane_open) or calendars of records in buckets by time
 * (sim_calendar_open): the next event is the earliest of the heap's first, the held
 * record and the lanes' first. Keys are unique, so the order of
 * events is the same whichever of them holds an event. A handle is the sequence number
 * + 1, never reused, so a stale handle can never cancel another event and the event
 * path keeps no table of handles: scheduling and running an event touch the heap, the
 * held record or a lane alone. Cancelling searches the heap and the lanes holding
 * events (O(pending events), and a calendar's buckets) and removes the record at once.
 */
#include "sim.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct heap_entry {
    double time;
    uint64_t key; /* priority << SEQ_BITS | sequence number */
    sim_handler fn;
    void *ctx;
};

/* A calendar's bucket: the records of one bucket number, latest first, so that the
 * earliest is the last and leaves at no cost. */
struct bucket {
    struct heap_entry *e;
    uint32_t n, cap;
};

/* A lane, for one class and handler: a ring of records in the order they run (each
 * one's (time, key) after the one before it), or with buckets a calendar
 * (sim_calendar_open): record e is in bucket number b = e.time / width rounded down, at
 * index b mod nbuckets. Every record in it lies within nbuckets of the clock's bucket
 * number (a later one goes to the heap), so each index holds one bucket number, and the
 * earliest record is in the first non-empty bucket from the clock's on. */
struct lane {
    const struct heap_entry *first_entry; /* the earliest record, while n > 0 */
    size_t n;
    struct heap_entry *ring;
    size_t head, cap;       /* cap is 0 or a power of 2 */
    struct bucket *buckets; /* a calendar's, or NULL */
    uint64_t nbuckets;      /* a power of 2 */
    uint64_t first_bucket;  /* the bucket number of first_entry */
    double buckets_per_day; /* 1 / width */
    int priority;
    sim_handler fn;
};

struct sim {
    struct sim_clock clock; /* first: sim_now and sim_owner read it inline */
    uint64_t seq;
    uint64_t seq_end; /* SEQ_MASK, which seq stays below: the event path's check compares
                         seq with it here, one instruction, where the 56-bit constant
                         took a second to build in a register */
    /* the heap's records: while `small`, at most SMALL_MAX of them sorted earliest first at
       the end of the array (heap[cap - n] .. heap[cap - 1]), so that the earliest leaves
       at no cost; otherwise a binary heap in heap[0] .. heap[n - 1]. heap_first is the
       earliest's place either way (heap + cap - n, or heap), read while n > 0. heap[cap]
       is a record later than every other (its time's bits all ones), where the insertion
       into a small heap stops without a test of the array's end. */
    struct heap_entry *heap_first;
    struct heap_entry *heap;
    size_t n, cap;
    size_t room; /* SMALL_MAX while small with an array; 0 without one, or when binary */
    bool small;
    struct heap_entry held; /* valid while has_held: a recurring process's one pending event */
    bool has_held;
    struct lane lanes[SIM_LANES_MAX];
    unsigned nlanes;
    const struct lane *first_lane; /* the lane whose first record is the earliest, or NULL */
    /* the sim_run_before running now: its limit, and how many more events may chain */
    double limit;
    double chain_limit; /* limit without lanes; -INFINITY with lanes, whose first changes at
                           every event they run: sim_recur's quick test then gives way to
                           recur_by_key's comparison with the next event */
    unsigned chain_left;
};

enum { SEQ_BITS = 56 };
/* The most records the heap keeps sorted (struct sim's `small`); past it, a binary heap
   until it holds one record or none again. */
enum { SMALL_MAX = 8 };
static const uint64_t SEQ_MASK = ((uint64_t)1 << SEQ_BITS) - 1;

struct sim *sim_new(void *owner)
{
    struct sim *sim = calloc(1, sizeof *sim);
    if (!sim) return NULL;
    sim->clock.owner = owner;
    sim->seq_end = SEQ_MASK;
    sim->small = true;
    return sim;
}

void sim_free(struct sim *sim)
{
    if (!sim) return;
    for (unsigned i = 0; i < sim->nlanes; i++) {
        struct lane *l = &sim->lanes[i];
        free(l->ring);
        for (uint64_t b = 0; l->buckets && b < l->nbuckets; b++) free(l->buckets[b].e);
        free(l->buckets);
    }
    free(sim->heap);
    free(sim);
}

size_t sim_pending(const struct sim *sim)
{
    size_t n = sim->n + sim->has_held;
    for (unsigned i = 0; i < sim->nlanes; i++) n += sim->lanes[i].n;
    return n;
}

/* A time's bits as an unsigned integer. Every record's time is finite and at least +0
 * (-0 is made +0 as the record is made: new_entry, recur_by_key), and for such
 * doubles the integers are in the same order as the times, and equal exactly when the
 * times are. */
static inline uint64_t time_bits(double time)
{
    uint64_t bits;
    memcpy(&bits, &time, sizeof bits);
    return bits;
}

/* a->time < b->time, or equal times and a->key < b->key; compared as integers
 * (time_bits), which take fewer instructions and branches than doubles (no test of
 * unordered values) */
static inline bool before(const struct heap_entry *a, const struct heap_entry *b)
{
    uint64_t ta = time_bits(a->time), tb = time_bits(b->time);
    return ta < tb || (ta == tb && a->key < b->key);
}

/* before(a, b) as integer comparisons joined by & and |, which the compiler turns into a
 * number to add, not a branch: for the heap's choice between two children, which the
 * processor cannot predict. Elsewhere the plain test is cheaper. */
static inline size_t before_as_number(const struct heap_entry *a, const struct heap_entry *b)
{
    uint64_t ta = time_bits(a->time), tb = time_bits(b->time);
    return (ta < tb) | ((ta == tb) & (a->key < b->key));
}

static inline const struct heap_entry *lane_first(const struct lane *l)
{
    return l->first_entry;
}

/* Find first_lane again, after a lane's first record changed. */
static void find_first_lane(struct sim *sim)
{
    sim->first_lane = NULL;
    for (unsigned i = 0; i < sim->nlanes; i++) {
        const struct lane *l = &sim->lanes[i];
        if (l->n && (!sim->first_lane || before(lane_first(l), lane_first(sim->first_lane)))) sim->first_lane = l;
    }
}

/* The next event to run (the heap's first, the held record or, if `lanes`,
 * first_lane's first), or NULL if none is pending. `lanes` is a constant where this is
 * inlined: a world with no lanes runs the code it ran before lanes existed. */
static inline __attribute__((always_inline)) const struct heap_entry *next_entry_of(const struct sim *sim, bool lanes)
{
    const struct heap_entry *e;
    /* a recurring process's record is held nearly always (order arrivals): that path is
       laid out straight on, without a taken jump (0.995 of the time of scenarios/default.ini) */
    if (__builtin_expect(sim->has_held, 1))
        e = sim->n && before(sim->heap_first, &sim->held) ? sim->heap_first : &sim->held;
    else
        e = sim->n ? sim->heap_first : NULL;
    const struct lane *l = sim->first_lane;
    if (lanes && l && (!e || before(lane_first(l), e))) e = lane_first(l);
    return e;
}

static inline const struct heap_entry *next_entry(const struct sim *sim)
{
    return next_entry_of(sim, true);
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
        /* the earlier child, without a branch: which one it is cannot be predicted, and
           the mispredicted branch here cost about 5% of the time of scenarios/default.ini */
        size_t right = child + 1 < n ? child + 1 : child; /* the left one when alone */
        child += before_as_number(&heap[right], &heap[child]);
        if (!before(&heap[child], e)) break;
        heap[i] = heap[child];
        i = child;
    }
    heap[i] = *e;
}

/* records, moved to room for cap of them */
static struct heap_entry *resized(struct heap_entry *records, size_t cap)
{
    records = realloc(records, cap * sizeof *records);
    if (!records) abort(); /* out of memory is not a recoverable input error */
    return records;
}

/* More room for the heap's array: the first, or twice the room of a binary heap that is
 * full (SMALL_MAX is below the first cap: a small heap grows only when it has no array). */
__attribute__((noinline, cold)) static void grow(struct sim *sim)
{
    sim->cap = sim->cap ? 2 * sim->cap : 64;
    sim->heap = resized(sim->heap, sim->cap + 1);
    struct heap_entry *last = &sim->heap[sim->cap];
    memset(last, 0xff, sizeof *last); /* time_bits UINT64_MAX, after every finite time */
    last->fn = NULL, last->ctx = NULL;
    sim->heap_first = sim->small ? sim->heap + sim->cap : sim->heap;
    sim->room = sim->small ? SMALL_MAX : 0;
}

/* A binary heap down to one record or none becomes small again. */
static inline void to_small(struct sim *sim)
{
    if (sim->n) sim->heap[sim->cap - 1] = sim->heap[0];
    sim->small = true;
    sim->heap_first = sim->heap + sim->cap - sim->n;
    sim->room = SMALL_MAX;
}

/* Put record e on a small heap with room for it (n < room). */
static inline void small_put(struct sim *sim, const struct heap_entry *e)
{
    /* earliest first: the records earlier than e move down one place, into the room
       before the first (keys are unique: no record is equal to e) */
    struct heap_entry *r = --sim->heap_first;
    sim->n++;
    for (; before(&r[1], e); r++) r[0] = r[1]; /* heap[cap] stops it */
    *r = *e;
}

/* Put record e on the heap when it is not a small heap with room (n >= room): the first
 * array is made, a full small heap (SMALL_MAX records) becomes a binary heap, its records
 * in the same order at the start of the array (an array sorted earliest first is a
 * heap), and a binary heap grows when it is full. */
static inline __attribute__((always_inline)) void other_put(struct sim *sim, const struct heap_entry *e)
{
    if (sim->small) {
        if (!sim->cap) {
            grow(sim);
            small_put(sim, e);
            return;
        }
        memmove(sim->heap, sim->heap_first, sim->n * sizeof *sim->heap);
        sim->small = false;
        sim->heap_first = sim->heap;
        sim->room = 0;
    }
    if (sim->n == sim->cap) grow(sim);
    sift_up(sim->heap, sim->n++, e);
}

/* Put record e on the heap. */
static inline void heap_put(struct sim *sim, const struct heap_entry *e)
{
    if (sim->n < sim->room)
        small_put(sim, e);
    else
        other_put(sim, e);
}

/* Asserts that a new event's time is finite and not in the past: NaN and -inf fail the
 * first test, +inf the second (written !(time >= INFINITY), one comparison with a
 * constant in memory: NaN, the only value for which it differs from time < INFINITY, has
 * failed the first). Every path that puts a new record on the list makes both tests
 * (CHECK_NEW below) before it computes anything from the time, but a calendar, which
 * makes the first before its bucket number and the second past it (CHECK_NEW_NOT_PAST). */
static inline void check_time(const struct sim *sim, double time)
{
    assert(time >= sim->clock.now && "an event cannot be scheduled in the past");
    assert(!(time >= INFINITY));
}

/* sim_check_class's failure (sim/sim.h): its two checks, each with its own message. */
void sim_class_failed(int priority, sim_handler fn)
{
    assert((unsigned)priority <= SIM_PRIORITY_MAX);
    assert(fn);
    (void)priority, (void)fn;
    abort(); /* not reached: one of them failed (or NDEBUG here, not where it was called) */
}

/* The checks of a new event on the event path: its time (check_time) and the sequence
 * counter, tested together (its class and handler were checked by sim_check_class, inline
 * in the caller, or for a lane's when the lane was opened); when one fails, new_failed
 * asserts each in turn, with its own message. So the event path makes one call, in one
 * cold block, for every failure: with a call of __assert_fail for each, GCC gave
 * sim_schedule a frame for them at every call. */
#ifndef NDEBUG
__attribute__((noinline, cold, noreturn)) static void new_failed(const struct sim *sim, double time)
{
    check_time(sim, time);
    assert(sim->seq < SEQ_MASK);
    abort(); /* not reached: one of them failed */
}
#define CHECK_NEW(sim, time)                                                                                           \
    do {                                                                                                               \
        if (!((time) >= (sim)->clock.now && !((time) >= INFINITY) && (sim)->seq < (sim)->seq_end))                     \
            new_failed(sim, time);                                                                                     \
    } while (0)
/* CHECK_NEW but for the time's upper end, which a calendar tests after its bucket number:
 * a finite bucket number below 2^52 means a finite time, and the path past the buckets'
 * reach tests !(time >= INFINITY) itself (CHECK_FINITE). NaN and -inf fail the first test,
 * before anything is computed from the time. */
#define CHECK_NEW_NOT_PAST(sim, time)                                                                                  \
    do {                                                                                                               \
        if (!((time) >= (sim)->clock.now && (sim)->seq < (sim)->seq_end)) new_failed(sim, time);                       \
    } while (0)
#define CHECK_FINITE(sim, time)                                                                                        \
    do {                                                                                                               \
        if ((time) >= INFINITY) new_failed(sim, time);                                                                 \
    } while (0)
#else
#define CHECK_NEW(sim, time) ((void)0)
#define CHECK_NEW_NOT_PAST(sim, time) ((void)0)
#define CHECK_FINITE(sim, time) ((void)0)
#endif

/* The record of a new event, with the next sequence number, for a time, class, handler
 * and counter already checked (CHECK_NEW). */
static inline struct heap_entry new_entry(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    uint64_t seq = sim->seq++;
    /* -0 becomes +0, for the comparisons of time_bits: fabs, one instruction where + 0.0
       took two, is the same for every time checked (not negative, but -0 at clock 0) */
    return (struct heap_entry){fabs(time), ((uint64_t)priority << SEQ_BITS) | seq, fn, ctx};
}

/* The handle of the event new_entry made last: its sequence number + 1, which the
 * counter holds now (read before the record is moved: no mask to apply). */
static inline sim_handle newest_handle(const struct sim *sim)
{
    return sim->seq;
}

/* Put a recurring process's record e on the list: in the held slot if it is free, else in
 * the heap. */
static inline void insert_recurring(struct sim *sim, const struct heap_entry *e)
{
    if (!sim->has_held) {
        sim->held = *e;
        sim->has_held = true;
        return;
    }
    heap_put(sim, e);
}

/* A new record on a small heap with room for it (sim->n < sim->room), checked
 * (CHECK_NEW); returns its handle. */
static inline __attribute__((always_inline)) sim_handle heap_push_new(struct sim *sim, double time, int priority,
                                                                      sim_handler fn, void *ctx)
{
    struct heap_entry e = new_entry(sim, time, priority, fn, ctx);
    small_put(sim, &e);
    return newest_handle(sim);
}

/* A new record on the heap when it is not a small heap with room (other_put), checked
 * (CHECK_NEW). Out of line and called last (a tail call): no value
 * of the event path is kept across a call, so its callers need no registers saved and no
 * frame, and the binary heap's sift is not inlined into them. */
__attribute__((noinline)) static sim_handle heap_push_other(struct sim *sim, double time, int priority, sim_handler fn,
                                                            void *ctx)
{
    struct heap_entry e = new_entry(sim, time, priority, fn, ctx);
    other_put(sim, &e);
    return newest_handle(sim);
}

/* A new record on the heap, checked (CHECK_NEW). */
static inline sim_handle heap_schedule(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    if (sim->n >= sim->room) return heap_push_other(sim, time, priority, fn, ctx);
    return heap_push_new(sim, time, priority, fn, ctx);
}

/* heap_schedule out of line, for a lane's record that goes to the heap (rarely): inlined
 * there, its sift took registers that the lane's own path then saved at every call. */
__attribute__((noinline)) static sim_handle heap_schedule_call(struct sim *sim, double time, int priority,
                                                               sim_handler fn, void *ctx)
{
    return heap_schedule(sim, time, priority, fn, ctx);
}

sim_handle sim_schedule_classed(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    CHECK_NEW(sim, time);
    return heap_schedule(sim, time, priority, fn, ctx);
}

sim_handle sim_schedule_recurring_classed(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    CHECK_NEW(sim, time);
    if (sim->has_held) return heap_schedule(sim, time, priority, fn, ctx);
    sim->held = new_entry(sim, time, priority, fn, ctx);
    sim->has_held = true;
    return newest_handle(sim);
}

int sim_lane_open(struct sim *sim, int priority, sim_handler fn)
{
    assert((unsigned)priority <= SIM_PRIORITY_MAX && fn);
    /* a sim_run_before chooses its loop (with lanes or without) once */
    assert(sim->clock.events_run == 0 && "lanes are opened before the first event runs");
    if (sim->nlanes == SIM_LANES_MAX) return -1;
    sim->lanes[sim->nlanes] = (struct lane){.priority = priority, .fn = fn};
    return (int)sim->nlanes++;
}

int sim_calendar_open(struct sim *sim, int priority, sim_handler fn, double width, double reach)
{
    assert(width > 0 && width < INFINITY && reach >= 0 && reach < INFINITY);
    int lane = sim_lane_open(sim, priority, fn);
    if (lane < 0) return -1;
    struct lane *l = &sim->lanes[lane];
    /* a delay of d lands at most d / width + 1 buckets past the clock's; buckets too
       many for the reach are made wider instead */
    if (reach / width + 2 > SIM_CALENDAR_BUCKETS_MAX) width = reach / (SIM_CALENDAR_BUCKETS_MAX - 2);
    double wanted = reach / width + 2;
    l->nbuckets = 2;
    while ((double)l->nbuckets < wanted && l->nbuckets < SIM_CALENDAR_BUCKETS_MAX) l->nbuckets *= 2;
    l->buckets = calloc(l->nbuckets, sizeof *l->buckets);
    if (!l->buckets) abort(); /* out of memory is not a recoverable input error */
    l->buckets_per_day = 1 / width;
    return lane;
}

__attribute__((noinline, cold)) static void grow_lane(struct lane *l)
{
    size_t cap = l->cap ? 2 * l->cap : 64;
    struct heap_entry *ring = malloc(cap * sizeof *ring);
    if (!ring) abort(); /* out of memory is not a recoverable input error */
    for (size_t i = 0; i < l->n; i++) ring[i] = l->ring[(l->head + i) & (l->cap - 1)];
    free(l->ring);
    l->ring = ring;
    l->head = 0;
    l->cap = cap;
    l->first_entry = &ring[0];
}

__attribute__((noinline, cold)) static void grow_bucket(struct bucket *k)
{
    k->cap = k->cap ? 2 * k->cap : 4;
    k->e = resized(k->e, k->cap);
}

/* The bucket of bucket number b. */
static inline struct bucket *bucket_of(const struct lane *l, uint64_t b)
{
    return &l->buckets[b & (l->nbuckets - 1)];
}

/* first_entry and first_bucket again, from bucket number b on (no earlier bucket holds
 * a record; the calendar holds one). */
static inline void calendar_find_first(struct lane *l, uint64_t b)
{
    const struct bucket *k;
    while ((k = bucket_of(l, b))->n == 0) b++;
    l->first_bucket = b;
    l->first_entry = &k->e[k->n - 1];
}

/* Lane l's first record is now e, just put there: is it the first of all lanes too? */
static inline void lane_new_first(struct sim *sim, const struct lane *l, const struct heap_entry *e)
{
    if (!sim->first_lane || sim->first_lane == l || before(e, lane_first(sim->first_lane))) sim->first_lane = l;
}

/* A new record at `time` (checked) in calendar l's bucket k, of bucket number b, which has
 * room for it; returns its handle. */
static inline __attribute__((always_inline)) sim_handle
calendar_push_new(struct sim *sim, struct lane *l, struct bucket *k, uint64_t b, double time, void *ctx)
{
    /* the lane's class and handler were checked by sim_lane_open; the handler is read when
       the record is stored, after the insertion's loop, which then keeps one value fewer */
    struct heap_entry e = new_entry(sim, time, l->priority, NULL, ctx);
    struct heap_entry *r = k->e;
    uint32_t n = k->n++;
    /* the counts and the first first, so that the insertion's loop keeps few values:
       only the first bucket's records, moved or grown, can hold the first, and e is the
       calendar's new first when it goes last in its bucket, after every record (at an
       equal time too: its key is the newest) */
    if (l->n++ == 0 || b <= l->first_bucket) {
        l->first_bucket = b;
        l->first_entry = &r[n];
        if (n == 0 || !before(&r[n - 1], &e)) lane_new_first(sim, l, &e);
    }
    /* latest first: e goes before the records earlier than it */
    uint32_t i = n;
    for (; i > 0 && before(&r[i - 1], &e); i--) r[i] = r[i - 1];
    e.fn = l->fn;
    r[i] = e;
    return newest_handle(sim);
}

/* calendar_push_new into a full bucket, grown first (a tail call, as heap_push_other). */
__attribute__((noinline, cold)) static sim_handle calendar_push_grown(struct sim *sim, struct lane *l, struct bucket *k,
                                                                      uint64_t b, double time, void *ctx)
{
    grow_bucket(k);
    return calendar_push_new(sim, l, k, b, time, ctx);
}

/* A new record at `time` (checked) in ring lane l, which has room for it and whose last
 * record is not after it; returns its handle. */
static inline __attribute__((always_inline)) sim_handle ring_push_new(struct sim *sim, struct lane *l, double time,
                                                                      void *ctx)
{
    struct heap_entry e = new_entry(sim, time, l->priority, l->fn, ctx);
    l->ring[(l->head + l->n++) & (l->cap - 1)] = e;
    if (l->n == 1) {
        l->first_entry = &l->ring[l->head];
        lane_new_first(sim, l, &e);
    }
    return newest_handle(sim);
}

/* ring_push_new into a full ring, grown first (a tail call, as heap_push_other). */
__attribute__((noinline, cold)) static sim_handle ring_push_grown(struct sim *sim, struct lane *l, double time,
                                                                  void *ctx)
{
    grow_lane(l);
    return ring_push_new(sim, l, time, ctx);
}

/* Take lane l's first record off it. */
static inline void lane_pop(struct lane *l)
{
    l->n--;
    if (!l->buckets) {
        l->head = (l->head + 1) & (l->cap - 1);
        l->first_entry = &l->ring[l->head];
        return;
    }
    bucket_of(l, l->first_bucket)->n--;
    if (l->n) calendar_find_first(l, l->first_bucket);
}

/* sim_schedule_lane for a calendar. Where the record goes is chosen from `time` before
 * the record is made, so that a list that must grow first is grown in a call made last
 * (the *_grown functions). Out of line, as ring_schedule: each inlined in
 * sim_schedule_lane took more registers, to be saved at every call, than the call costs. */
__attribute__((noinline)) static sim_handle calendar_schedule(struct sim *sim, struct lane *l, double time, void *ctx)
{
    CHECK_NEW_NOT_PAST(sim, time); /* before the bucket number's conversion, which needs the time */
    /* its bucket number: rounding keeps the order of times; the largest times, where a
       bucket number would not be exact, go to the heap */
    double x = time * l->buckets_per_day;
    if (x < 0x1p52) {
        /* both below 2^52 and not negative (the clock is not after the time): converted as
           signed integers, one instruction each, where a conversion to unsigned tests for
           2^63 first; -0 gives bucket 0, as +0 */
        uint64_t b = (uint64_t)(int64_t)x, clock = (uint64_t)(int64_t)(sim->clock.now * l->buckets_per_day);
        /* within the buckets' reach (b >= clock: not in the past) */
        if (b - clock < l->nbuckets) {
            struct bucket *k = bucket_of(l, b);
            if (k->n == k->cap) return calendar_push_grown(sim, l, k, b, time, ctx);
            return calendar_push_new(sim, l, k, b, time, ctx);
        }
    }
    /* too far ahead, or infinite: the heap keeps it in its place, if it is finite */
    CHECK_FINITE(sim, time);
    return heap_schedule_call(sim, time, l->priority, l->fn, ctx);
}

/* sim_schedule_lane for a ring (as calendar_schedule). */
__attribute__((noinline)) static sim_handle ring_schedule(struct sim *sim, struct lane *l, double time, void *ctx)
{
    CHECK_NEW(sim, time);
    /* the newest key is the largest, so at equal times e runs after the last one too */
    if (!l->n || !(time < l->ring[(l->head + l->n - 1) & (l->cap - 1)].time)) {
        if (l->n == l->cap) return ring_push_grown(sim, l, time, ctx);
        return ring_push_new(sim, l, time, ctx);
    }
    /* out of the lane's order: the heap keeps it in its place */
    return heap_schedule_call(sim, time, l->priority, l->fn, ctx);
}

sim_handle sim_schedule_lane(struct sim *sim, int lane, double time, void *ctx)
{
    assert((unsigned)lane < sim->nlanes); /* a negative lane is a large unsigned one */
    struct lane *l = &sim->lanes[lane];
    return l->buckets ? calendar_schedule(sim, l, time, ctx) : ring_schedule(sim, l, time, ctx);
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
    sim->clock.events_run++;
#ifndef NDEBUG
    if (!(sim->seq < sim->seq_end)) new_failed(sim, time); /* the counter, as CHECK_NEW: one cold call */
#endif
    *place = (*place & ~SEQ_MASK) | sim->seq++;
    return true;
}

/* sim_recur when the event is not strictly before everything pending, or may not
 * chain: compared by key (ties), then chained or scheduled in its reserved place. */
__attribute__((noinline)) static bool recur_by_key(struct sim *sim, double time, sim_place *place, sim_handler fn,
                                                   void *ctx)
{
    assert(time < INFINITY && fn);
    struct heap_entry e = {time + 0.0, *place, fn, ctx}; /* -0 becomes +0 (time_bits) */
    const struct heap_entry *next = next_entry(sim);
    if (sim->chain_left && time < sim->limit && !(next && before(next, &e))) return chain(sim, time, place);
    insert_recurring(sim, &e);
    return false;
}

bool sim_recur(struct sim *sim, double time, sim_place *place, sim_handler fn, void *ctx)
{
    assert(time >= sim->clock.now);
    /* strictly before everything pending (the common case): next, whatever the keys */
    if (sim->chain_left && time < sim->chain_limit && !sim->has_held && (!sim->n || time < sim->heap_first->time))
        return chain(sim, time, place);
    return recur_by_key(sim, time, place, fn, ctx);
}

/* Remove the entry at heap index i, keeping the heap ordered. */
static void remove_at(struct sim *sim, size_t i)
{
    if (sim->small) { /* the records before it (earlier, at lower places) move up one place */
        for (size_t from = sim->cap - sim->n; i > from; i--) sim->heap[i] = sim->heap[i - 1];
        sim->n--;
        sim->heap_first++;
        return;
    }
    if (sim->n <= 2) { /* one record left, or none */
        if (--sim->n && i == 0) sim->heap[0] = sim->heap[1];
        to_small(sim);
        return;
    }
    struct heap_entry last = sim->heap[--sim->n];
    if (i == sim->n) return;
    if (i > 0 && before(&last, &sim->heap[(i - 1) / 2]))
        sift_up(sim->heap, i, &last);
    else
        sift_down(sim->heap, sim->n, i, &last);
}

/* Remove the record of sequence number seq from lane l, closing the gap; false if l
 * does not hold it. */
static bool lane_cancel(struct lane *l, uint64_t seq)
{
    if (l->buckets) {
        for (uint64_t b = 0; b < l->nbuckets; b++) {
            struct bucket *k = &l->buckets[b];
            for (uint32_t i = 0; i < k->n; i++)
                if ((k->e[i].key & SEQ_MASK) == seq) {
                    memmove(&k->e[i], &k->e[i + 1], (k->n - i - 1) * sizeof *k->e);
                    k->n--;
                    if (--l->n) calendar_find_first(l, l->first_bucket);
                    return true;
                }
        }
        return false;
    }
    size_t mask = l->cap - 1;
    for (size_t i = 0; i < l->n; i++)
        if ((l->ring[(l->head + i) & mask].key & SEQ_MASK) == seq) {
            for (size_t j = i + 1; j < l->n; j++) l->ring[(l->head + j - 1) & mask] = l->ring[(l->head + j) & mask];
            l->n--;
            l->first_entry = &l->ring[l->head];
            return true;
        }
    return false;
}

bool sim_cancel(struct sim *sim, sim_handle handle)
{
    if (handle == 0 || handle > sim->seq) return false;
    uint64_t seq = handle - 1;
    if (sim->has_held && (sim->held.key & SEQ_MASK) == seq) {
        sim->has_held = false;
        return true;
    }
    for (size_t i = sim->small ? sim->cap - sim->n : 0, end = i + sim->n; i < end; i++)
        if ((sim->heap[i].key & SEQ_MASK) == seq) {
            remove_at(sim, i);
            return true;
        }
    for (unsigned k = 0; k < sim->nlanes; k++)
        if (sim->lanes[k].n && lane_cancel(&sim->lanes[k], seq)) {
            find_first_lane(sim);
            return true;
        }
    return false; /* it ran already, or was cancelled */
}

/* Take entry e (next_entry_of's, with the same `lanes`) off the list and run it. */
static inline __attribute__((always_inline)) void run_entry(struct sim *sim, const struct heap_entry *e, bool lanes)
{
    double time = e->time;
    sim_handler fn = e->fn;
    void *ctx = e->ctx;
    if (e == &sim->held) {
        sim->has_held = false;
    } else if (!lanes || e == sim->heap_first) {
        size_t n = --sim->n;
        if (sim->small)
            sim->heap_first++;
        else {
            if (n > 1)
                sift_down(sim->heap, n, 0, &sim->heap[n]);
            else {
                if (n) sim->heap[0] = sim->heap[1];
                to_small(sim);
            }
        }
    } else { /* first_lane's first */
        struct lane *l = (struct lane *)sim->first_lane;
        lane_pop(l);
        if (sim->nlanes == 1)
            sim->first_lane = l->n ? l : NULL;
        else
            find_first_lane(sim);
    }
    /* time >= now without a test here: every record's time was asserted not before the
       clock as it entered the list (check_time, sim_recur), and the clock moves only
       to the earliest pending record's time (here), to a chained time before every pending
       one (chain) or to an end no pending record is before (sim_run_until) */
    sim->clock.now = time;
    sim->clock.events_run++;
    fn(sim, ctx);
}

bool sim_step(struct sim *sim)
{
    const struct heap_entry *e = next_entry(sim);
    if (!e) return false;
    run_entry(sim, e, true);
    return true;
}

/* sim_run_before, with `lanes` a constant where it is inlined (as next_entry_of): a
 * world without lanes runs the code it ran before lanes existed. */
static inline __attribute__((always_inline)) bool run_before_of(struct sim *sim, double end, uint64_t until_events,
                                                                bool lanes)
{
    sim->limit = end;
    sim->chain_limit = lanes ? -INFINITY : end;
    do {
        const struct heap_entry *e = next_entry_of(sim, lanes);
        if (!e || !(e->time < end)) {
            sim->chain_left = 0; /* no chaining outside a step */
            return false;
        }
        sim->chain_left = SIM_CHAIN_MAX;
        run_entry(sim, e, lanes);
    } while (sim->clock.events_run < until_events);
    sim->chain_left = 0;
    return true;
}

__attribute__((noinline)) static bool run_before_lanes(struct sim *sim, double end, uint64_t until_events)
{
    return run_before_of(sim, end, until_events, true);
}

__attribute__((noinline)) static bool run_before_heap(struct sim *sim, double end, uint64_t until_events)
{
    return run_before_of(sim, end, until_events, false);
}

bool sim_run_before(struct sim *sim, double end, uint64_t until_events)
{
    return sim->nlanes ? run_before_lanes(sim, end, until_events) : run_before_heap(sim, end, until_events);
}

bool sim_step_before(struct sim *sim, double end)
{
    return sim_run_before(sim, end, sim->clock.events_run + 1); /* one event, and its chain */
}

uint64_t sim_run_until(struct sim *sim, double end)
{
    assert(end >= sim->clock.now);
    uint64_t before_count = sim->clock.events_run;
    sim_run_before(sim, end, UINT64_MAX);
    sim->clock.now = end;
    return sim->clock.events_run - before_count;
}
