/* test_sim.c - the kernel on its own: event order, cancel, run_until, random streams,
 * distributions, tallies, time averages, the quantile sketch and the runner.
 * Links against sim/ alone (make layers relies on this). */
#include "check.h"
#include "child.h"
#include "sim/dist.h"
#include "sim/num.h"
#include "sim/quantile.h"
#include "sim/rng.h"
#include "sim/rng_book.h"
#include "sim/runner.h"
#include "sim/sim.h"
#include "sim/stats.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- event list ---- */

struct trace {
    int order[64];
    double at[64];
    int n;
};

struct tagged {
    struct trace *trace;
    int tag;
};

static void record(struct sim *sim, void *ctx)
{
    struct tagged *t = ctx;
    t->trace->order[t->trace->n] = t->tag;
    t->trace->at[t->trace->n++] = sim_now(sim);
}

static void test_event_order(void)
{
    struct trace tr = {0};
    struct sim *sim = sim_new(&tr);
    struct tagged ev[8];
    for (int i = 0; i < 8; i++) ev[i] = (struct tagged){&tr, i};
    /* times and classes chosen so that every ordering rule matters */
    sim_schedule(sim, 2.0, 3, record, &ev[0]);
    sim_schedule(sim, 1.0, 3, record, &ev[1]);
    sim_schedule(sim, 2.0, 1, record, &ev[2]); /* same time, earlier class */
    sim_schedule(sim, 2.0, 3, record, &ev[3]); /* same time and class: after ev0 */
    sim_schedule(sim, 0.5, 9, record, &ev[4]);
    sim_schedule(sim, 2.0, 0, record, &ev[5]);
    /* -0 is the same time as 0 (the heap compares times' bits as integers) */
    sim_schedule(sim, -0.0, 5, record, &ev[6]);
    sim_schedule(sim, 0.0, 4, record, &ev[7]);
    while (sim_step(sim)) {}
    int want[] = {7, 6, 4, 1, 5, 2, 0, 3};
    int ok = tr.n == 8;
    for (int i = 0; ok && i < 8; i++) ok = tr.order[i] == want[i];
    check(ok, "sim-1.1 events run by (time, class, first scheduled), -0 as 0");
    check(sim_now(sim) == 2.0, "sim-1.2 the clock stands at the last event's time");
    check(sim_events_run(sim) == 8, "sim-1.3 events are counted");
    sim_free(sim);

    /* -0 as 0 in a lane, a calendar and the recurring process's slot too, against +0 on
       the heap: compared as integers, an unmade -0 would run after every other time */
    struct trace zr = {0};
    sim = sim_new(&zr);
    for (int i = 0; i < 8; i++) ev[i] = (struct tagged){&zr, i};
    int lane = sim_lane_open(sim, 2, record), cal = sim_calendar_open(sim, 4, record, 0.5, 4);
    sim_schedule(sim, 1.0, 0, record, &ev[0]);
    sim_schedule_lane(sim, lane, -0.0, &ev[1]); /* class 2 */
    sim_schedule_recurring(sim, -0.0, 3, record, &ev[2]);
    sim_schedule_lane(sim, cal, -0.0, &ev[3]); /* class 4 */
    sim_schedule(sim, 0.0, 5, record, &ev[4]);
    sim_schedule(sim, 0.0, 1, record, &ev[5]);
    sim_run_until(sim, 2);
    int want_zero[] = {5, 1, 2, 3, 4, 0};
    ok = zr.n == 6;
    for (int i = 0; ok && i < 6; i++) ok = zr.order[i] == want_zero[i];
    check(ok, "sim-1.4 -0 as 0 in lanes, calendars and the recurring slot, by class against +0 on the heap");
    sim_free(sim);

    /* -0 as 0 in sim_recur's reserved place too (recur_by_key), against +0 on the heap */
    struct trace rr = {0};
    sim = sim_new(&rr);
    struct tagged a = {&rr, 0}, b = {&rr, 1};
    sim_place place = sim_reserve(sim, 0);
    sim_schedule(sim, 0.0, 5, record, &b);
    sim_recur(sim, -0.0, &place, record, &a);
    sim_run_until(sim, 1);
    check(rr.n == 2 && rr.order[0] == 0 && rr.order[1] == 1,
          "sim-1.5 -0 as 0 in sim_recur's reserved place, by class against +0 on the heap");
    sim_free(sim);
}

static void test_cancel(void)
{
    struct trace tr = {0};
    struct sim *sim = sim_new(NULL);
    struct tagged ev[4];
    for (int i = 0; i < 4; i++) ev[i] = (struct tagged){&tr, i};
    sim_handle h0 = sim_schedule(sim, 1, 0, record, &ev[0]);
    sim_handle h1 = sim_schedule(sim, 2, 0, record, &ev[1]);
    sim_schedule(sim, 3, 0, record, &ev[2]);
    check(sim_cancel(sim, h1), "sim-2.1 a pending event can be cancelled");
    check(!sim_cancel(sim, h1), "sim-2.2 cancelling twice fails");
    check(sim_pending(sim) == 2, "sim-2.3 a cancelled event leaves the list");
    sim_step(sim);
    check(!sim_cancel(sim, h0), "sim-2.4 an event that ran cannot be cancelled");
    /* the freed slot is reused: the old handle must not reach the new event */
    sim_handle h3 = sim_schedule(sim, 4, 0, record, &ev[3]);
    check(!sim_cancel(sim, h0) && h3 != h0, "sim-2.5 a stale handle never cancels a reused slot");
    check(!sim_cancel(sim, 0), "sim-2.6 handle 0 is never valid");
    while (sim_step(sim)) {}
    check(tr.n == 3 && tr.order[0] == 0 && tr.order[1] == 2 && tr.order[2] == 3,
          "sim-2.7 only the uncancelled events ran");
    sim_free(sim);
}

/* Many random schedules and cancels against a sorted reference. */
static void test_heap_random(void)
{
    gsl_rng *r = rng_stream_new(7, 0, 0);
    struct sim *sim = sim_new(NULL);
    enum { N = 2000 };
    static struct trace dummy;
    static struct tagged ev[N];
    static sim_handle h[N];
    static int cancelled[N];
    for (int i = 0; i < N; i++) {
        ev[i] = (struct tagged){&dummy, i};
        h[i] = sim_schedule(sim, floor(gsl_rng_uniform(r) * 50), (int)gsl_rng_uniform_int(r, 3), record, &ev[i]);
    }
    int ncancel = 0;
    for (int i = 0; i < N; i += 3) {
        cancelled[i] = sim_cancel(sim, h[i]);
        ncancel += cancelled[i];
    }
    check(ncancel == (N + 2) / 3, "sim-3.1 every third event cancelled");
    double last_t = -1;
    int ok = 1, count = 0;
    /* check (time, class) never decreases; class recovered from a parallel run */
    while (sim_pending(sim)) {
        double t = sim_next_time(sim);
        if (t < last_t) ok = 0;
        last_t = t;
        dummy.n = 0;
        sim_step(sim);
        if (cancelled[dummy.order[0]]) ok = 0;
        count++;
    }
    check(ok && count == N - ncancel, "sim-3.2 random heap pops in time order, skipping cancels");
    sim_free(sim);
    gsl_rng_free(r);
}

/* The heap keeps a few records sorted and more as a binary heap (sim/sim.c, SMALL_MAX),
 * going from one to the other as it fills and empties: schedules, cancels and steps at
 * random, the pending events between none and about 20, against a reference list
 * searched for its earliest (time, class, order of scheduling) at every step. */
static void test_heap_small_and_binary(void)
{
    gsl_rng *r = rng_stream_new(11, 0, 0);
    struct sim *sim = sim_new(NULL);
    enum { N = 20000 };
    static struct trace tr;
    static struct tagged ev[N];
    static sim_handle h[N];
    static double at[N];
    static int cls[N];
    static bool pending[N];
    int made = 0, npending = 0, steps = 0, cancels = 0, high = 0;
    bool ok = true;
    while (made < N || npending) {
        /* fill toward 20 and drain toward 0, in waves that cross SMALL_MAX both ways */
        bool filling = (made / 200) % 2 == 0 && made < N;
        double u = gsl_rng_uniform(r);
        if (made < N && (npending == 0 || (filling ? u < 0.7 : u < 0.3)) && npending < 20) {
            int i = made++;
            ev[i] = (struct tagged){&tr, i};
            at[i] = sim_now(sim) + floor(gsl_rng_uniform(r) * 6) * 0.25; /* ties in time */
            cls[i] = (int)gsl_rng_uniform_int(r, 3);
            h[i] = sim_schedule(sim, at[i], cls[i], record, &ev[i]);
            pending[i] = true;
            npending++;
            high = npending > high ? npending : high;
        } else if (gsl_rng_uniform(r) < 0.25) { /* cancel a pending event, found from a random start */
            int i = (int)gsl_rng_uniform_int(r, (unsigned long)made);
            while (!pending[i]) i = (i + 1) % made;
            ok = ok && sim_cancel(sim, h[i]) && !sim_cancel(sim, h[i]);
            pending[i] = false;
            npending--;
            cancels++;
        } else { /* the reference's earliest runs next */
            int first = -1;
            for (int i = 0; i < made; i++)
                if (pending[i] && (first < 0 || at[i] < at[first] || (at[i] == at[first] && cls[i] < cls[first])))
                    first = i;
            tr.n = 0;
            ok = ok && sim_next_time(sim) == at[first] && sim_step(sim) && tr.n == 1 && tr.order[0] == first;
            pending[first] = false;
            npending--;
            steps++;
        }
        ok = ok && sim_pending(sim) == (size_t)npending;
    }
    check(ok && !sim_step(sim) && high == 20 && cancels > 1000 && steps > 1000,
          "sim-3.3 a heap filled past its sorted few and emptied again, with cancels, runs the reference's order");
    sim_free(sim);
    gsl_rng_free(r);
}

static void test_run_until(void)
{
    struct trace tr = {0};
    struct sim *sim = sim_new(NULL);
    struct tagged a = {&tr, 1}, b = {&tr, 2};
    sim_schedule(sim, 5.0, 0, record, &a);
    sim_schedule(sim, 10.0, 0, record, &b);
    uint64_t ran = sim_run_until(sim, 10.0);
    check(ran == 1 && tr.n == 1, "sim-4.1 an event due exactly at the end is not run");
    check(sim_now(sim) == 10.0 && sim_pending(sim) == 1, "sim-4.2 clock moves to the end, event stays");
    check(sim_owner(sim) == NULL, "sim-4.3 owner is what was given");
    sim_free(sim);
}

/* A recurring process (like order arrivals): each event brings the next, with gaps and
 * side events drawn so that times and classes often tie. Run through the event list
 * alone (PLAIN), held beside it (HELD: sim_schedule_recurring) and chained (CHAINED:
 * sim_reserve and sim_recur): all three must run the same events in the same order. */
enum recurring_mode { PLAIN, HELD, CHAINED };

struct arrivals {
    gsl_rng *r;
    enum recurring_mode mode;
    bool sides; /* side events between arrivals */
    int n, limit;
    int order[10000];
    double at[10000];
    struct tagged side[10000];
    struct trace side_trace;
};

static void record_side(struct sim *sim, void *ctx)
{
    struct tagged *t = ctx;
    struct arrivals *a = sim_owner(sim);
    a->order[a->n] = t->tag;
    a->at[a->n++] = sim_now(sim);
}

static void on_recurring(struct sim *sim, void *ctx)
{
    struct arrivals *a = ctx;
    sim_place place = a->mode == CHAINED ? sim_reserve(sim, 1) : 0;
    for (;;) {
        double next = sim_now(sim) + floor(gsl_rng_uniform(a->r) * 4) / 2; /* gaps 0 to 1.5: ties */
        bool more = a->n + 1 < a->limit;
        if (more && a->mode == PLAIN) sim_schedule(sim, next, 1, on_recurring, a);
        if (more && a->mode == HELD) sim_schedule_recurring(sim, next, 1, on_recurring, a);
        a->order[a->n] = -1;
        a->at[a->n++] = sim_now(sim);
        if (a->sides && gsl_rng_uniform(a->r) < 0.5 && a->n < a->limit) { /* a side event, of any class */
            struct tagged *t = &a->side[a->n];
            *t = (struct tagged){&a->side_trace, a->n};
            sim_schedule(sim, sim_now(sim) + floor(gsl_rng_uniform(a->r) * 3) / 2, (int)gsl_rng_uniform_int(a->r, 3),
                         record_side, t);
        }
        if (a->mode != CHAINED || !more || !sim_recur(sim, next, &place, on_recurring, a)) return;
    }
}

/* Start a's process from time 0 in a new world. */
static struct sim *arrivals_start(struct arrivals *a, enum recurring_mode mode, bool sides)
{
    memset(a, 0, sizeof *a);
    a->r = rng_stream_new(11, 0, 0);
    a->mode = mode;
    a->sides = sides;
    a->limit = sides ? 3000 : 10000;
    struct sim *sim = sim_new(a);
    if (mode == PLAIN)
        sim_schedule(sim, 0, 1, on_recurring, a);
    else
        sim_schedule_recurring(sim, 0, 1, on_recurring, a);
    return sim;
}

static void arrivals_end(struct arrivals *a, struct sim *sim)
{
    gsl_rng_free(a->r);
    sim_free(sim);
}

/* Run a's process from time 0 until `end`; the most events one sim_step_before ran. */
static uint64_t run_arrivals(struct arrivals *a, enum recurring_mode mode, bool sides, double end)
{
    struct sim *sim = arrivals_start(a, mode, sides);
    uint64_t most = 0;
    for (;;) {
        uint64_t before = sim_events_run(sim);
        if (!sim_step_before(sim, end)) break;
        uint64_t ran = sim_events_run(sim) - before;
        if (ran > most) most = ran;
    }
    arrivals_end(a, sim);
    return most;
}

static void nothing(struct sim *sim, void *ctx)
{
    (void)sim, (void)ctx;
}

/* sim_recur called outside any step, at the clock: scheduled (false), never chained.
 * The event it schedules does nothing, so the world runs on as before. */
static bool chains_outside_steps(struct sim *sim)
{
    sim_place place = sim_reserve(sim, 0);
    return sim_recur(sim, sim_now(sim), &place, nothing, NULL);
}

/* Run a's process from time 0 until `end` with sim_run_before, `batch` events at a
 * time (each batch but the last followed by a chains_outside_steps event); false if an
 * answer was wrong: true short of the count (or past it, where no event chains), false
 * with an event due before `end` left, or sim_recur chaining after a return. */
static bool run_batches(struct arrivals *a, enum recurring_mode mode, bool sides, double end, uint64_t batch)
{
    struct sim *sim = arrivals_start(a, mode, sides);
    bool right = true;
    for (;;) {
        uint64_t before = sim_events_run(sim);
        bool reached = sim_run_before(sim, end, before + batch);
        uint64_t ran = sim_events_run(sim) - before;
        right &= reached ? ran >= batch && (mode == CHAINED || ran == batch) : sim_next_time(sim) >= end;
        if (!reached) break;
        right &= !chains_outside_steps(sim);
    }
    right &= !chains_outside_steps(sim);
    arrivals_end(a, sim);
    return right;
}

static bool same_runs(const struct arrivals *a, const struct arrivals *b)
{
    bool same = a->n == b->n && a->n > 1000;
    for (int i = 0; same && i < a->n; i++) same = a->order[i] == b->order[i] && a->at[i] == b->at[i];
    return same;
}

static void test_recurring(void)
{
    static struct arrivals plain, held, chained;
    uint64_t plain_most = run_arrivals(&plain, PLAIN, true, 1500);
    uint64_t held_most = run_arrivals(&held, HELD, true, 1500);
    uint64_t chained_most = run_arrivals(&chained, CHAINED, true, 1500);
    check(same_runs(&plain, &held), "sim-5.1 a recurring process held beside the heap runs as through the heap");
    check(same_runs(&plain, &chained), "sim-5.2 ... and chained by sim_recur, with ties in time and class");
    check(plain_most == 1 && held_most == 1 && chained_most > 1,
          "sim-5.3 only sim_recur runs several events in one step");
    static struct arrivals batched;
    bool batches_right = run_batches(&batched, PLAIN, true, 1500, 100) && same_runs(&plain, &batched);
    batches_right &= run_batches(&batched, CHAINED, true, 1500, 7) && same_runs(&plain, &batched);
    check(batches_right, "sim-5.9 sim_run_before, so many events at a time, runs the events of sim_step_before, "
                         "true when its count was reached and false when nothing is left before its limit, and "
                         "nothing chains after it");
    /* with nothing in between, every arrival could chain; a step stops at SIM_CHAIN_MAX */
    chained_most = run_arrivals(&chained, CHAINED, false, 1e9);
    check(chained.n == 10000 && chained_most == 1 + SIM_CHAIN_MAX,
          "sim-5.4 one step chains at most SIM_CHAIN_MAX events");

    struct trace tr = {0};
    struct tagged t = {&tr, 1};
    struct sim *sim = sim_new(NULL);
    sim_handle h = sim_schedule_recurring(sim, 2, 0, record, &t);
    check(sim_pending(sim) == 1 && sim_next_time(sim) == 2, "sim-5.5 a held event is pending and next");
    sim_handle h2 = sim_schedule_recurring(sim, 1, 0, record, &t); /* the place is taken: the heap */
    check(sim_pending(sim) == 2 && sim_next_time(sim) == 1, "sim-5.6 a second recurring event is an ordinary one");
    check(!sim_step_before(sim, 1), "sim-5.7 sim_step_before runs nothing due at its limit");
    check(sim_cancel(sim, h) && sim_cancel(sim, h2) && sim_pending(sim) == 0 && !sim_step(sim),
          "sim-5.8 a held event can be cancelled");
    sim_free(sim);
}

/* ---- lanes: the same order of events as the heap alone ---- */

enum { LANE_EVENTS = 20000, LANE_ARRIVALS = 3000 };

struct lane_world {
    struct sim *sim;
    gsl_rng *r;
    bool lanes;
    bool calendar; /* lane 0 a calendar, and its delays continuous (ties still common) */
    int lane[2];
    int tags; /* events spawned */
    int arrivals;
    int log[2 * LANE_EVENTS]; /* tags in the order they ran (-1: an arrival) */
    double at[2 * LANE_EVENTS];
    int n;
    struct lane_job {
        struct lane_world *w;
        int tag;
    } jobs[LANE_EVENTS];
};

static void lane_job_run(struct sim *sim, void *ctx);

/* Spawn one event of a random kind: the heap (random class and delay), lane 0 (class
 * 3, a delay of 0, 1 or 2: often out of order, so it falls back to the heap) or lane 1
 * (class 2, a constant delay: always in order). Integer times make ties common. */
static void lane_spawn(struct lane_world *w)
{
    if (w->tags == LANE_EVENTS) return;
    struct lane_job *j = &w->jobs[w->tags];
    *j = (struct lane_job){w, w->tags++};
    double now = sim_now(w->sim), u = gsl_rng_uniform(w->r);
    int kind = (int)gsl_rng_uniform_int(w->r, 3);
    /* for a calendar of reach 2: whole days (ties), or any time up to 6 days (some of
       them past its reach, so on the heap) */
    double delay = !w->calendar ? floor(u * 3) : u < 0.5 ? floor(u * 8) : (u - 0.5) * 12;
    if (kind == 0)
        sim_schedule(w->sim, now + floor(u * 5), (int)(u * 4), lane_job_run, j);
    else if (kind == 1 && w->lanes)
        sim_schedule_lane(w->sim, w->lane[0], now + delay, j);
    else if (kind == 1)
        sim_schedule(w->sim, now + delay, 3, lane_job_run, j);
    else if (w->lanes)
        sim_schedule_lane(w->sim, w->lane[1], now + 2, j);
    else
        sim_schedule(w->sim, now + 2, 2, lane_job_run, j);
}

static void lane_log(struct lane_world *w, int tag)
{
    w->log[w->n] = tag;
    w->at[w->n++] = sim_now(w->sim);
}

static void lane_job_run(struct sim *sim, void *ctx)
{
    struct lane_job *j = ctx;
    (void)sim;
    lane_log(j->w, j->tag);
    if (gsl_rng_uniform(j->w->r) < 0.5) lane_spawn(j->w);
}

/* Arrivals chained by sim_recur (class 3), each spawning an event. */
static void lane_arrival(struct sim *sim, void *ctx)
{
    struct lane_world *w = ctx;
    sim_place place = sim_reserve(sim, 3);
    double next;
    do {
        lane_log(w, -1);
        lane_spawn(w);
        next = sim_now(sim) + floor(gsl_rng_uniform(w->r) * 2);
    } while (++w->arrivals < LANE_ARRIVALS && sim_recur(sim, next, &place, lane_arrival, w));
}

/* Run w to its end with sim_run_before, `batch` events at a time, under limits that
 * move back and forth (now + 10 days, then now + half a day, ...); false if a batch ran
 * an event at or past its limit, answered true short of its count or false with an
 * event due before its limit left, or left sim_recur able to chain. */
static bool lane_world_batches(struct lane_world *w, uint64_t batch)
{
    bool right = true;
    for (int k = 0; sim_pending(w->sim) > 0; k++) {
        double limit = sim_now(w->sim) + (k % 2 ? 0.5 : 10);
        uint64_t before = sim_events_run(w->sim);
        int logged = w->n;
        bool reached = sim_run_before(w->sim, limit, before + batch);
        right &= reached ? sim_events_run(w->sim) >= before + batch : sim_next_time(w->sim) >= limit;
        for (int i = logged; i < w->n; i++) right &= w->at[i] < limit;
        if (reached) right &= !chains_outside_steps(w->sim);
    }
    right &= !chains_outside_steps(w->sim);
    return right;
}

/* Run w: to its end with sim_run_until (batch 0), or with lane_world_batches, whose
 * answer it returns. */
static bool lane_world_run_batches(struct lane_world *w, bool lanes, bool calendar, uint64_t batch)
{
    memset(w, 0, sizeof *w);
    w->sim = sim_new(NULL);
    w->r = rng_stream_new(11, 0, 0);
    w->lanes = lanes;
    w->calendar = calendar;
    if (lanes) {
        w->lane[0] =
            calendar ? sim_calendar_open(w->sim, 3, lane_job_run, 0.25, 2) : sim_lane_open(w->sim, 3, lane_job_run);
        w->lane[1] = sim_lane_open(w->sim, 2, lane_job_run);
    }
    sim_schedule_recurring(w->sim, 0, 3, lane_arrival, w);
    bool right = true;
    if (batch)
        right = lane_world_batches(w, batch);
    else
        sim_run_until(w->sim, 1e9);
    sim_free(w->sim);
    gsl_rng_free(w->r);
    return right;
}

static void lane_world_run(struct lane_world *w, bool lanes, bool calendar)
{
    lane_world_run_batches(w, lanes, calendar, 0);
}

static bool same_lane_worlds(const struct lane_world *a, const struct lane_world *b)
{
    return a->n > LANE_ARRIVALS + 1000 && a->n == b->n && !memcmp(a->log, b->log, sizeof a->log) &&
           !memcmp(a->at, b->at, sizeof a->at);
}

/* Cancelling in a calendar, its earliest record included, and scheduling into it with
 * the clock left between events, against the heap alone. */
static void test_calendar_cancel(void)
{
    enum { N = 60 };
    struct trace a = {0}, b = {0};
    struct tagged ta[N], tb[N];
    struct sim *heap = sim_new(NULL), *cal = sim_new(NULL);
    int lane = sim_calendar_open(cal, 1, record, 0.5, 2); /* 8 buckets: 4 days ahead */
    sim_handle ha[N], hb[N];
    gsl_rng *r = rng_stream_new(5, 0, 0);
    size_t past_reach = 0;
    for (int i = 0; i < 40; i++) {
        /* event 0 the earliest; 1-12 in its bucket (which grows); then ties, and times up
           to 7 days, some past the reach (on the heap) */
        double u = gsl_rng_uniform(r), t = i == 0    ? 0.1
                                           : i <= 12 ? 0.12 + 0.01 * i
                                           : i % 3   ? 0.2 + u * 7
                                                     : floor(1 + u * 6);
        past_reach += t >= 4;
        ta[i] = (struct tagged){&a, i}, tb[i] = (struct tagged){&b, i};
        ha[i] = sim_schedule(heap, t, 1, record, &ta[i]);
        hb[i] = sim_schedule_lane(cal, lane, t, &tb[i]);
    }
    bool same = past_reach > 3;
    for (int i = 0; i < 40; i += 3) {             /* cancel one, then run the earliest */
        bool cancelled = sim_cancel(heap, ha[i]); /* false when it ran already */
        same = same && sim_cancel(cal, hb[i]) == cancelled && !sim_cancel(cal, hb[i]) && (i > 0 || cancelled) &&
               sim_next_time(heap) == sim_next_time(cal) && sim_pending(heap) == sim_pending(cal);
        sim_step(heap), sim_step(cal);
    }
    double mid = sim_now(heap) + 0.37; /* the clock left between events */
    sim_run_until(heap, mid), sim_run_until(cal, mid);
    for (int i = 40; i < N; i++) {
        double t = mid + gsl_rng_uniform(r) * 5;
        ta[i] = (struct tagged){&a, i}, tb[i] = (struct tagged){&b, i};
        sim_schedule(heap, t, 1, record, &ta[i]);
        sim_schedule_lane(cal, lane, t, &tb[i]);
        same = same && sim_next_time(heap) == sim_next_time(cal);
    }
    gsl_rng_free(r);
    sim_run_until(heap, 100), sim_run_until(cal, 100);
    check(same && a.n == b.n && a.n > 40 && !memcmp(a.order, b.order, sizeof a.order) &&
              !memcmp(a.at, b.at, sizeof a.at),
          "sim-7.9 a calendar against the heap: cancelling (its first included), a bucket that grows, times past "
          "its reach, scheduling with the clock between events");
    sim_free(heap), sim_free(cal);
}

/* A calendar's crowded buckets against the heap: a bucket of one to four records with
 * some cancelled, one grown to twelve (past its first room, sim/sim.c's grow_bucket)
 * with ties and two cancelled, its earliest among them, then run empty; a bucket index
 * filled again one round of the buckets later, and one grown and emptied by cancelling,
 * then filled again. */
struct calendar_pair {
    struct sim *heap, *cal;
    int lane;
    struct trace a, b;
    struct tagged ta[64], tb[64];
    sim_handle ha[64], hb[64];
    int n;
    bool same;
};

static void pair_check(struct calendar_pair *p)
{
    p->same = p->same && sim_next_time(p->heap) == sim_next_time(p->cal) &&
              sim_pending(p->heap) == sim_pending(p->cal) && p->a.n == p->b.n;
}

static int pair_schedule(struct calendar_pair *p, double t)
{
    int i = p->n++;
    p->ta[i] = (struct tagged){&p->a, i}, p->tb[i] = (struct tagged){&p->b, i};
    p->ha[i] = sim_schedule(p->heap, t, 1, record, &p->ta[i]);
    p->hb[i] = sim_schedule_lane(p->cal, p->lane, t, &p->tb[i]);
    pair_check(p);
    return i;
}

static void pair_cancel(struct calendar_pair *p, int i)
{
    bool cancelled = sim_cancel(p->heap, p->ha[i]);
    p->same = p->same && cancelled && sim_cancel(p->cal, p->hb[i]) && !sim_cancel(p->cal, p->hb[i]);
    pair_check(p);
}

static void pair_step(struct calendar_pair *p, int k)
{
    for (int j = 0; j < k; j++) {
        p->same = p->same && sim_step(p->heap) == sim_step(p->cal);
        pair_check(p);
    }
}

static void test_calendar_crowded(void)
{
    static struct calendar_pair p;
    p.heap = sim_new(NULL), p.cal = sim_new(NULL);
    p.lane = sim_calendar_open(p.cal, 1, record, 0.5, 2); /* 8 buckets 0.5 days wide */
    p.same = p.lane == 0;
    /* bucket 0: one record cancelled, then four, the middle one and the earliest (the
       calendar's first) cancelled */
    pair_cancel(&p, pair_schedule(&p, 0.3));
    pair_schedule(&p, 0.3);
    int mid = pair_schedule(&p, 0.2);
    pair_schedule(&p, 0.1);
    int earliest = pair_schedule(&p, 0.05);
    pair_cancel(&p, mid);
    pair_cancel(&p, earliest);
    /* bucket 1 (0.5 to 1): twelve records, out of order and with ties, past its first
       room; once bucket 0 has run, cancel two, its earliest (the calendar's first) among
       them */
    int first = -1, other = -1;
    for (int k = 0; k < 12; k++) {
        double t = 0.5 + 0.08 * ((k * 7) % 12 / 2); /* pairs of ties */
        int i = pair_schedule(&p, t);
        if (k == 0) first = i; /* at 0.5, the earliest of the bucket (k = 7 too, later) */
        if (k == 9) other = i;
    }
    pair_step(&p, 2);
    pair_cancel(&p, first);
    pair_cancel(&p, other);
    pair_step(&p, 10); /* bucket 1 run empty, record by record */
    /* the clock past 1: the same index again one round later (4.5 to 5), grown again;
       bucket 10 (5 to 5.5) grown and emptied by cancelling, then given two records */
    sim_run_until(p.heap, 1.6), sim_run_until(p.cal, 1.6); /* the clock's bucket 3: 10 in reach */
    pair_check(&p);
    int refill[7], again[6];
    for (int k = 0; k < 7; k++) refill[k] = pair_schedule(&p, 4.9 - 0.05 * k);
    for (int k = 0; k < 6; k++) again[k] = pair_schedule(&p, 5.1 + 0.01 * (k % 3));
    for (int k = 0; k < 6; k++) pair_cancel(&p, again[5 - k]);
    pair_cancel(&p, refill[3]);
    pair_cancel(&p, refill[6]); /* the calendar's first */
    pair_schedule(&p, 5.2);     /* in the emptied bucket */
    pair_schedule(&p, 5.05);
    sim_run_until(p.heap, 100), sim_run_until(p.cal, 100);
    pair_check(&p);
    check(p.same && p.a.n == 2 + 10 + 5 + 2 && !memcmp(p.a.order, p.b.order, sizeof p.a.order) &&
              !memcmp(p.a.at, p.b.at, sizeof p.a.at),
          "sim-7.12 a calendar's crowded buckets against the heap: grown past their first room, cancelling in "
          "small and grown buckets (the calendar's first included), grown buckets emptied by running and by "
          "cancelling, an index filled again a round of the buckets later");
    sim_free(p.heap), sim_free(p.cal);
}

static void test_lanes(void)
{
    static struct lane_world heap, lanes, heap2, calendar;
    lane_world_run(&heap, false, false);
    lane_world_run(&lanes, true, false);
    check(heap.n > LANE_ARRIVALS + 1000 && heap.n == lanes.n && !memcmp(heap.log, lanes.log, sizeof heap.log) &&
              !memcmp(heap.at, lanes.at, sizeof heap.at),
          "sim-7.1 events in lanes run in the heap's order (ties, fallbacks, chained arrivals)");
    lane_world_run(&heap2, false, true);
    lane_world_run(&calendar, true, true);
    check(heap2.n > LANE_ARRIVALS + 1000 && heap2.n == calendar.n &&
              !memcmp(heap2.log, calendar.log, sizeof heap2.log) && !memcmp(heap2.at, calendar.at, sizeof heap2.at),
          "sim-7.8 events in a calendar run in the heap's order (ties, times past its reach, chained arrivals)");
    test_calendar_cancel();
    test_calendar_crowded();
    static struct lane_world batched;
    bool batches_right = lane_world_run_batches(&batched, true, true, 50) && same_lane_worlds(&heap2, &batched);
    batches_right &= lane_world_run_batches(&batched, true, false, 3) && same_lane_worlds(&heap, &batched);
    batches_right &= lane_world_run_batches(&batched, false, true, 50) && same_lane_worlds(&heap2, &batched);
    check(batches_right, "sim-7.10 sim_run_before in worlds with lanes and calendars, under limits that move back and "
                         "forth: the heap's order, nothing at or past a limit, nothing chaining after a return");

    struct sim *sim = sim_new(NULL);
    struct trace tr = {0};
    struct tagged t[4] = {{&tr, 0}, {&tr, 1}, {&tr, 2}, {&tr, 3}};
    int lane = sim_lane_open(sim, 1, record);
    check(lane == 0, "sim-7.2 the first lane is lane 0");
    sim_handle h0 = sim_schedule_lane(sim, lane, 1, &t[0]);
    sim_handle h1 = sim_schedule_lane(sim, lane, 2, &t[1]);
    sim_schedule_lane(sim, lane, 3, &t[2]);
    sim_schedule(sim, 2, 0, record, &t[3]); /* class 0: before t[1] at the same time */
    check(sim_pending(sim) == 4 && sim_next_time(sim) == 1, "sim-7.3 lane events are pending and next");
    check(sim_cancel(sim, h1) && !sim_cancel(sim, h1) && sim_pending(sim) == 3,
          "sim-7.4 a lane event can be cancelled");
    sim_run_until(sim, 10);
    check(tr.n == 3 && tr.order[0] == 0 && tr.order[1] == 3 && tr.order[2] == 2 && tr.at[2] == 3,
          "sim-7.5 ... and never runs; the others run in order");
    check(!sim_cancel(sim, h0), "sim-7.6 a lane event that ran cannot be cancelled");
    sim_free(sim);
    sim = sim_new(NULL);
    for (int i = 0; i < SIM_LANES_MAX; i++) sim_lane_open(sim, 0, record);
    check(sim_lane_open(sim, 0, record) == -1, "sim-7.7 no more than SIM_LANES_MAX lanes");
    sim_free(sim);
}

/* A world whose clock has moved to 5, by an event that ran. */
static struct sim *world_at_5(void)
{
    static struct trace tr;
    static struct tagged a = {&tr, 1};
    struct sim *sim = sim_new(NULL);
    sim_schedule(sim, 5, 0, record, &a);
    sim_step(sim);
    return sim;
}

static void schedule_in_past(void)
{
    static struct trace tr;
    static struct tagged a = {&tr, 2};
    sim_schedule(world_at_5(), 4, 0, record, &a);
}

/* A lane opened once an event has run (sim_run_before chooses its loop once). */
static void lane_after_first_event(void)
{
    sim_lane_open(world_at_5(), 0, record);
}

/* What a child of aborts() schedules: at `bad_time`, in the list `bad_list` (0 the heap,
 * 1 the recurring slot, 2 an empty ring lane, 3 a ring lane holding an event at 6, 4 a
 * calendar of buckets 0.25 days wide), in a world whose clock is at 5.1 (the calendar's
 * bucket 20); or with class `bad_priority` and handler `bad_fn` (0 the heap, 1 the
 * recurring slot, 2 a lane opened with them), or in lane `bad_lane`. */
static double bad_time;
static int bad_list, bad_priority, bad_lane;
static sim_handler bad_fn;
static struct trace bad_trace;
static struct tagged bad_tag = {&bad_trace, 9};

static struct sim *world_with_lanes_at_5_1(int *ring, int *ring_held, int *calendar)
{
    struct sim *sim = sim_new(NULL);
    *ring = sim_lane_open(sim, 0, record);
    *ring_held = sim_lane_open(sim, 0, record);
    *calendar = sim_calendar_open(sim, 0, record, 0.25, 3);
    sim_schedule(sim, 5.1, 0, record, &bad_tag);
    sim_step(sim);
    sim_schedule_lane(sim, *ring_held, 6, &bad_tag);
    return sim;
}

static void schedule_at_bad_time(void)
{
    int ring, ring_held, calendar;
    struct sim *sim = world_with_lanes_at_5_1(&ring, &ring_held, &calendar);
    switch (bad_list) {
    case 0: sim_schedule(sim, bad_time, 0, record, &bad_tag); break;
    case 1: sim_schedule_recurring(sim, bad_time, 0, record, &bad_tag); break;
    case 2: sim_schedule_lane(sim, ring, bad_time, &bad_tag); break;
    case 3: sim_schedule_lane(sim, ring_held, bad_time, &bad_tag); break;
    default: sim_schedule_lane(sim, calendar, bad_time, &bad_tag); break;
    }
}

static void schedule_bad_class(void)
{
    struct sim *sim = sim_new(NULL);
    if (bad_list == 0) sim_schedule(sim, 1, bad_priority, bad_fn, &bad_tag);
    if (bad_list == 1) sim_schedule_recurring(sim, 1, bad_priority, bad_fn, &bad_tag);
    if (bad_list == 2) sim_lane_open(sim, bad_priority, bad_fn);
}

static void schedule_bad_lane(void)
{
    int ring, ring_held, calendar;
    sim_schedule_lane(world_with_lanes_at_5_1(&ring, &ring_held, &calendar), bad_lane, 6, &bad_tag);
}

static void test_past_asserts(void)
{
    check(aborts(schedule_in_past), "sim-4.4 scheduling in the past is caught by an assert");
    check(aborts(lane_after_first_event), "sim-7.11 a lane opened after the first event is caught by an assert");
    /* sim/sim.c checks an event's time once, as its record is made; each list's path to
       it (a calendar's in the clock's bucket and past its reach, a ring's in order and out
       of it) is tried. The times that are allowed run in the same children: a child that
       does not abort is told apart. */
    static const double refused[] = {5.05, 4, -1, -INFINITY, NAN, INFINITY};
    static const double allowed[] = {5.1, 6, 7.5, 1e300};
    bool caught = true, passed = true;
    for (bad_list = 0; bad_list < 5; bad_list++) {
        for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
            bad_time = refused[i];
            caught = caught && aborts(schedule_at_bad_time);
        }
        for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
            bad_time = allowed[i];
            passed = passed && returns(schedule_at_bad_time);
        }
    }
    check(caught, "sim-4.5 a time in the past, infinite or NaN is caught on the heap, in the recurring slot, in lanes "
                  "and in a calendar (in the clock's bucket and before it)");
    check(passed, "sim-4.6 ... and the clock's time, later times and times past a calendar's reach are not");
    bool classes = true;
    for (bad_list = 0; bad_list < 3; bad_list++) {
        bad_fn = record;
        bad_priority = SIM_PRIORITY_MAX + 1;
        classes = classes && aborts(schedule_bad_class);
        bad_priority = -1;
        classes = classes && aborts(schedule_bad_class);
        bad_priority = 0;
        bad_fn = NULL;
        classes = classes && aborts(schedule_bad_class);
        bad_priority = SIM_PRIORITY_MAX;
        bad_fn = record;
        classes = classes && returns(schedule_bad_class);
    }
    check(classes, "sim-4.7 a class out of 0..SIM_PRIORITY_MAX or no handler is caught by sim_schedule, "
                   "sim_schedule_recurring and sim_lane_open; the largest class is not");
    bool lanes = true;
    static const int bad_lanes[] = {-1, 3, 4, 1000};
    for (size_t i = 0; i < sizeof bad_lanes / sizeof bad_lanes[0]; i++) {
        bad_lane = bad_lanes[i];
        lanes = lanes && aborts(schedule_bad_lane);
    }
    bad_lane = 2;
    check(lanes && returns(schedule_bad_lane), "sim-4.8 a lane that is not open is caught by sim_schedule_lane");
}

/* ---- random streams ---- */

static void test_rng(void)
{
    check(rng_stream_seed(1, 0, 0) == rng_stream_seed(1, 0, 0), "rng-1.1 seeding is a pure function");
    int distinct = 1, nonzero = 1;
    uint32_t seen[300];
    int n = 0;
    for (uint64_t rep = 0; rep < 30; rep++)
        for (uint64_t src = 0; src < 10; src++) {
            uint32_t s = rng_stream_seed(42, rep, src);
            if (s == 0) nonzero = 0;
            for (int i = 0; i < n; i++)
                if (seen[i] == s) distinct = 0;
            seen[n++] = s;
        }
    check(distinct, "rng-1.2 300 (replication, source) streams get distinct seeds");
    check(nonzero, "rng-1.3 no stream is seeded with 0");
    check(rng_stream_seed(1, 0, 0) != rng_stream_seed(2, 0, 0), "rng-1.4 the master seed matters");
    gsl_rng *a = rng_stream_new(3, 1, 2), *b = rng_stream_new(3, 1, 2);
    check(gsl_rng_get(a) == gsl_rng_get(b), "rng-1.5 equal seeds give equal streams");
    check(strcmp(rng_generator_name(), "mt19937") == 0, "rng-1.6 the generator is mt19937");
    gsl_rng_free(a);
    gsl_rng_free(b);
}

/* servlab's inline MT19937 must give exactly GSL's numbers: the same seed, the same
 * stream, through several twists, by every way of drawing. */
static void test_rng_same_as_gsl(void)
{
    const unsigned long seeds[] = {1, 0, 4357, 0xffffffffUL, 20240611, rng_stream_seed(1, 0, 0)};
    int same_get = 1, same_inline = 1, same_uniform = 1, same_int = 1;
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        gsl_rng *ours = gsl_rng_alloc(&rng_mt19937), *ours2 = gsl_rng_alloc(&rng_mt19937);
        gsl_rng *theirs = gsl_rng_alloc(gsl_rng_mt19937), *theirs2 = gsl_rng_alloc(gsl_rng_mt19937);
        gsl_rng_set(ours, seeds[i]);
        gsl_rng_set(ours2, seeds[i]);
        gsl_rng_set(theirs, seeds[i]);
        gsl_rng_set(theirs2, seeds[i]);
        for (int k = 0; k < 3000; k++) {
            unsigned long want = gsl_rng_get(theirs);
            same_get &= gsl_rng_get(ours) == want;
            same_inline &= rng_u32(ours2) == want;
        }
        for (int k = 0; k < 3000; k++) {
            double want = gsl_rng_uniform(theirs);
            same_uniform &= gsl_rng_uniform(ours) == want && rng_uniform(ours2) == want;
        }
        gsl_rng_set(ours, seeds[i]);
        for (int k = 0; k < 3000; k++)
            same_int &= gsl_rng_uniform_int(ours, 1000) == gsl_rng_uniform_int(theirs2, 1000) &&
                        gsl_ran_exponential(ours, 2.5) == gsl_ran_exponential(theirs2, 2.5);
        gsl_rng_free(ours);
        gsl_rng_free(ours2);
        gsl_rng_free(theirs);
        gsl_rng_free(theirs2);
    }
    check(same_get, "rng-2.1 rng_mt19937 gives GSL's mt19937 numbers through gsl_rng_get (6 seeds, 3000 draws)");
    check(same_inline, "rng-2.2 the inline rng_u32 gives GSL's mt19937 numbers");
    check(same_uniform, "rng-2.3 rng_uniform and gsl_rng_uniform give GSL's mt19937 uniforms");
    check(same_int, "rng-2.4 GSL's samplers on rng_mt19937 give GSL's mt19937 results");
    gsl_rng *plain = gsl_rng_alloc(gsl_rng_mt19937), *copy = gsl_rng_alloc(gsl_rng_mt19937);
    int same_fallback = 1;
    for (int k = 0; k < 1000; k++) same_fallback &= rng_uniform(plain) == gsl_rng_uniform(copy);
    check(same_fallback, "rng-2.5 the inline draws fall back to GSL for other generators");
    gsl_rng_free(plain);
    gsl_rng_free(copy);

    /* exponential draws come from a batch made ahead; mixed with other draws on the
       same stream they must still be mean * -log(1 - u) of the very next uniform */
    struct dist e, u;
    char err[200];
    dist_init(&e, dist_type_find("exponential"), (double[]){2.5}, 1, err, sizeof err);
    dist_init(&u, dist_type_find("uniform"), (double[]){0, 1}, 2, err, sizeof err);
    gsl_rng *ours = rng_stream_new(9, 3, 1), *ref = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(ref, rng_stream_seed(9, 3, 1));
    int same_exp = 1;
    for (int k = 0; k < 5000; k++) {
        int mixed = k % 7 == 3 || (k > 2000 && k % 2 == 0);
        double got = dist_sample(mixed ? &u : &e, ours), v = gsl_rng_uniform(ref);
        same_exp &= got == (mixed ? v : -2.5 * log(1 - v));
        if (k == 4000) gsl_rng_set(ours, 77), gsl_rng_set(ref, 77); /* a reseed empties the batch */
        if (k == 4500) /* the batch must not outlive a twist: 624 other draws, then exponentials */
            for (int j = 0; j < 624; j++) same_exp &= dist_sample(&u, ours) == gsl_rng_uniform(ref);
    }
    check(same_exp, "rng-2.6 exponential draws are mean * -log(1 - u) of the next uniform, mixed with other draws");
    /* geometric computes log(1 - p) once: still gsl_ran_geometric's numbers (means 1.5 to 40,
       and 1: always 1, drawing nothing) */
    int same_geometric = 1;
    const double means[] = {1, 1.5, 2, 3.7, 40};
    for (size_t m = 0; m < sizeof means / sizeof means[0]; m++) {
        struct dist g;
        dist_init(&g, dist_type_find("geometric"), &means[m], 1, err, sizeof err);
        gsl_rng_set(ours, 5), gsl_rng_set(ref, 5);
        for (int k = 0; k < 20000; k++)
            same_geometric &= dist_sample(&g, ours) == (means[m] == 1 ? 1 : gsl_ran_geometric(ref, 1 / means[m]));
        same_geometric &= gsl_rng_get(ours) == gsl_rng_get(ref); /* as many uniforms used */
    }
    check(same_geometric, "rng-2.7 geometric draws are gsl_ran_geometric's, bit for bit");
    /* geometric draws take log(u) from a batch of their own, beside the exponentials'
       batch of -log(1 - u): mixed on one stream, across twists and a reseed, each draw
       must still be what GSL makes of the very next uniform */
    struct dist g;
    dist_init(&g, dist_type_find("geometric"), (double[]){2}, 1, err, sizeof err);
    gsl_rng_set(ours, 11), gsl_rng_set(ref, 11);
    int same_mixed = 1;
    for (int k = 0; k < 6000; k++) {
        int kind = k % 5 == 1 ? 0 : (k / 3) % 3; /* 0 uniform, 1 exponential, 2 geometric */
        if (kind == 0)
            same_mixed &= dist_sample(&u, ours) == gsl_rng_uniform(ref);
        else if (kind == 1)
            same_mixed &= dist_sample(&e, ours) == -2.5 * log(1 - gsl_rng_uniform(ref));
        else
            same_mixed &= dist_sample(&g, ours) == gsl_ran_geometric(ref, 0.5);
        if (k == 3000) gsl_rng_set(ours, 78), gsl_rng_set(ref, 78);
    }
    check(same_mixed, "rng-2.8 geometric, exponential and uniform draws mixed on one stream are GSL's, bit for bit");
    gsl_rng *other = gsl_rng_alloc(gsl_rng_taus), *other_ref = gsl_rng_alloc(gsl_rng_taus);
    int same_log = 1;
    for (int k = 0; k < 1000; k++) same_log &= rng_log_uniform(other) == log(gsl_rng_uniform(other_ref));
    check(same_log, "rng-2.9 rng_log_uniform falls back to log(gsl_rng_uniform) for other generators");
    /* dist_sample_per_order (triangular and geometric inline) draws what dist_sample draws
       through the families' table, bit for bit, using as many uniforms */
    const struct {
        const char *family;
        double p[3];
        size_t n;
    } per_order[] = {{"triangular", {1, 1.5, 3}, 3}, {"triangular", {2, 2, 2}, 3}, {"triangular", {0, 0, 4}, 3},
                     {"geometric", {2}, 1},          {"geometric", {1}, 1},        {"geometric", {37.5}, 1},
                     {"exponential", {0.5}, 1},      {"constant", {3}, 1},         {"gamma", {5, 1.5}, 2},
                     {"uniform", {0, 1}, 2}};
    int same_per_order = 1;
    for (size_t f = 0; f <= sizeof per_order / sizeof per_order[0]; f++) {
        struct dist d = {0}; /* the last: a zeroed dist, the constant 0 */
        if (f < sizeof per_order / sizeof per_order[0])
            same_per_order &= dist_init(&d, dist_type_find(per_order[f].family), per_order[f].p, per_order[f].n, err,
                                        sizeof err) == 0;
        gsl_rng_set(ours, 13), gsl_rng_set(ref, 13);
        for (int k = 0; k < 5000; k++) {
            double a = dist_sample_per_order(&d, ours), b = dist_sample(&d, ref);
            same_per_order &= memcmp(&a, &b, sizeof a) == 0;
        }
        same_per_order &= gsl_rng_get(ours) == gsl_rng_get(ref);
    }
    check(same_per_order, "rng-2.10 dist_sample_per_order draws dist_sample's numbers, bit for bit, for every family");
    gsl_rng_free(other);
    gsl_rng_free(other_ref);
    gsl_rng_free(ours);
    gsl_rng_free(ref);
}

/* ---- streams recorded once and replayed (sim/rng_book.h) ---- */

/* Draw k of a mixed sequence: `pattern` picks its kind (uniform, exponential, geometric,
 * GSL's gamma through gsl_rng_get, a raw word), so that two patterns use a block's words
 * for different kinds. */
static double book_draw(gsl_rng *r, int pattern, int k)
{
    static struct dist u, e, g;
    if (!u.type) {
        char err[200];
        dist_init(&u, dist_type_find("uniform"), (double[]){0, 1}, 2, err, sizeof err);
        dist_init(&e, dist_type_find("exponential"), (double[]){0.7}, 1, err, sizeof err);
        dist_init(&g, dist_type_find("geometric"), (double[]){3}, 1, err, sizeof err);
    }
    int kind = pattern == 0 ? (k / 700) % 3 : pattern == 1 ? (k % 11 == 4 ? 3 : (k / 500 + 1) % 3) : k % 5;
    switch (kind) {
    case 0: return dist_sample(&u, r);
    case 1: return dist_sample(&e, r);
    case 2: return dist_sample(&g, r);
    case 3: return gsl_ran_gamma(r, 2.5, 1.5);
    default: return rng_u32(r);
    }
}

static const struct rng_mt *book_state(const gsl_rng *r)
{
    return r->state;
}

/* Whether n draws of `pattern` from r equal those of a generator seeded the same way
 * outside any book, bit for bit; *replayed (if given) counts the draws made while r
 * held a recorded block. */
static bool book_same(gsl_rng *r, uint32_t seed, int pattern, int n, int *replayed)
{
    gsl_rng *plain = gsl_rng_alloc(&rng_mt19937);
    gsl_rng_set(plain, seed);
    bool same = true;
    for (int k = 0; k < n; k++) {
        same &= book_draw(r, pattern, k) == book_draw(plain, pattern, k);
        if (replayed) *replayed += book_state(r)->block != NULL;
    }
    gsl_rng_free(plain);
    return same;
}

struct book_reader {
    struct rng_book *book;
    uint32_t seed;
    int pattern, n;
    bool same;
};

static void *book_read(void *arg)
{
    struct book_reader *b = arg;
    rng_book_use(b->book);
    gsl_rng *r = gsl_rng_alloc(&rng_mt19937);
    gsl_rng_set(r, b->seed);
    rng_book_use(NULL);
    b->same = book_same(r, b->seed, b->pattern, b->n, NULL);
    gsl_rng_free(r);
    return NULL;
}

static void test_rng_book(void)
{
    uint32_t seed = rng_stream_seed(3, 1, 2);
    struct rng_book *book = rng_book_new((size_t)1 << 24);
    rng_book_use(book);
    gsl_rng *first = gsl_rng_alloc(&rng_mt19937), *second = gsl_rng_alloc(&rng_mt19937);
    gsl_rng_set(first, seed);
    gsl_rng_set(second, seed);
    rng_book_use(NULL);
    int replayed = 0;
    check(book_same(first, seed, 0, 5000, &replayed) && book_state(first)->append && replayed == 0,
          "rng-3.1 the first generator with a seed records its stream, drawing GSL's numbers");
    size_t held = rng_book_bytes(book);
    check(held > 0, "rng-3.1b the book holds the recorded blocks (%zu bytes)", held);
    /* the second replays: another mixture of kinds, so some of its exponentials and logs
       fall where the recorder drew other kinds, and past the record's end */
    replayed = 0;
    check(book_same(second, seed, 1, 12000, &replayed) && !book_state(second)->block && rng_book_bytes(book) == held,
          "rng-3.2 a second generator with the seed replays, recording nothing; its draws of any kind are the "
          "computed ones, bit for bit, past the record's end too");
    check(replayed > 3000 && replayed < 5000, "rng-3.2b it held recorded blocks for %d of its draws", replayed);
    gsl_rng_set(second, seed); /* outside the book: the stream from its start, on its own */
    replayed = 0;
    check(book_same(second, seed, 1, 3000, &replayed) && replayed == 0,
          "rng-3.3 reseeded outside the book, a generator no longer replays");
    rng_book_use(book);
    gsl_rng_set(second, seed);
    rng_book_use(NULL);
    replayed = 0;
    check(book_same(second, seed, 2, 4000, &replayed) && replayed > 0,
          "rng-3.4 replayed raw words, with every kind interleaved, are the computed ones");
    gsl_rng_free(first);
    gsl_rng_free(second);
    rng_book_free(book);

    /* a budget of one block of words alone: pattern 0 draws uniforms only in the first
       block, which fits; the second, with exponentials, does not, and recording stops;
       the replayer follows the one block, then draws on its own */
    size_t one_block = sizeof(struct rng_block) + sizeof(struct rng_block) / 2;
    book = rng_book_new(one_block);
    rng_book_use(book);
    first = gsl_rng_alloc(&rng_mt19937);
    gsl_rng_set(first, seed);
    bool same = book_same(first, seed, 0, 3000, NULL);
    check(same && !book_state(first)->append && rng_book_bytes(book) == sizeof(struct rng_block),
          "rng-3.5 a recorder stops when the book's budget is spent, still drawing GSL's numbers");
    second = gsl_rng_alloc(&rng_mt19937);
    gsl_rng_set(second, seed);
    rng_book_use(NULL);
    replayed = 0;
    check(book_same(second, seed, 1, 3000, &replayed) && replayed > 0 && replayed <= RNG_MT_N,
          "rng-3.5b a replayer of the short record goes on on its own");
    gsl_rng_free(first);
    gsl_rng_free(second);
    rng_book_free(book);

    /* gsl_rng_alloc seeds with 0 before the stream's own seed: that claims nothing (4357,
       what 0 stands for, is still free to record); a recorder reseeded part-way replays
       its own record from the start, then goes on */
    book = rng_book_new((size_t)1 << 24);
    rng_book_use(book);
    first = gsl_rng_alloc(&rng_mt19937);
    gsl_rng_set(first, 4357);
    bool recorder = book_state(first)->append != NULL;
    gsl_rng_set(first, seed);
    rng_book_use(NULL);
    same = book_same(first, seed, 0, 2000, NULL);
    rng_book_use(book);
    gsl_rng_set(first, seed);
    rng_book_use(NULL);
    replayed = 0;
    same &= book_same(first, seed, 2, 4000, &replayed);
    check(recorder && same && replayed > 0 && replayed < 2000,
          "rng-3.6 gsl_rng_alloc's own seeding claims nothing; a recorder reseeded part-way replays what it "
          "recorded, then draws GSL's numbers on its own");
    gsl_rng_free(first);
    rng_book_free(book);

    /* recorded in one thread while two others replay it: each draws GSL's numbers,
       whether a block was published before it got there or not */
    book = rng_book_new((size_t)1 << 24);
    rng_book_use(book);
    first = gsl_rng_alloc(&rng_mt19937);
    gsl_rng_set(first, seed);
    rng_book_use(NULL);
    struct book_reader readers[2] = {{book, seed, 1, 40000, false}, {book, seed, 2, 40000, false}};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) pthread_create(&threads[i], NULL, book_read, &readers[i]);
    same = book_same(first, seed, 0, 60000, NULL);
    for (int i = 0; i < 2; i++) pthread_join(threads[i], NULL);
    check(same && readers[0].same && readers[1].same,
          "rng-3.7 a stream replayed in two threads while a third records it: every draw is GSL's");
    gsl_rng_free(first);
    rng_book_free(book);
}

/* ---- distributions ---- */

/* The discrete tables make() made; the test owns them and frees them at the end. */
static struct dist_table *made_tables[16];
static size_t nmade;

static int make(struct dist *d, const char *name, const double *p, size_t n)
{
    char err[200];
    if (strcmp(name, "discrete") != 0) return dist_init(d, dist_type_find(name), p, n, err, sizeof err);
    struct dist_table *t = dist_table_new(p, n, err, sizeof err);
    if (!t) return -1;
    if (nmade == sizeof made_tables / sizeof made_tables[0]) abort();
    made_tables[nmade++] = t;
    dist_discrete(d, t);
    return 0;
}

static void free_made_tables(void)
{
    for (size_t i = 0; i < nmade; i++) dist_table_free(made_tables[i]);
    nmade = 0;
}

/* Draw n values; the sample mean must lie within 4 standard errors of the exact mean,
 * and the sample variance within 10% of the exact one. */
static void check_moments(const char *name, const double *p, size_t np)
{
    struct dist d;
    if (!check(make(&d, name, p, np) == 0, "dist-1 %s accepts valid parameters", name)) return;
    gsl_rng *r = rng_stream_new(11, 0, 0);
    struct tally t = {0};
    double lowest = dist_lowest(&d);
    int below = 0;
    for (int i = 0; i < 200000; i++) {
        double x = dist_sample(&d, r);
        if (x < lowest) below = 1;
        tally_add(&t, x);
    }
    double se = sqrt(dist_variance(&d) / (double)t.n);
    check(fabs(t.mean - dist_mean(&d)) <= 4 * se + 1e-12, "dist-2 %s sample mean %.5g matches %.5g", name, t.mean,
          dist_mean(&d));
    double v = tally_sd(&t) * tally_sd(&t);
    check(fabs(v - dist_variance(&d)) <= 0.1 * dist_variance(&d) + 1e-12, "dist-3 %s sample variance %.5g matches %.5g",
          name, v, dist_variance(&d));
    check(!below, "dist-4 %s never draws below its lowest value %g", name, lowest);
    gsl_rng_free(r);
}

static void test_dist(void)
{
    check_moments("exponential", (double[]){2.5}, 1);
    check_moments("uniform", (double[]){1, 4}, 2);
    check_moments("triangular", (double[]){1, 2, 6}, 3);
    check_moments("normal", (double[]){50, 8}, 2);
    check_moments("normal", (double[]){1, 2}, 2); /* heavily clipped at 0 */
    check_moments("lognormal", (double[]){5, 2}, 2);
    check_moments("gamma", (double[]){5, 1.5}, 2);
    check_moments("erlang", (double[]){3, 2}, 2);
    check_moments("poisson", (double[]){4.2}, 1);
    check_moments("geometric", (double[]){2.5}, 1);
    check_moments("discrete", (double[]){1, 0.2, 2, 0.5, 5, 0.3}, 6);

    struct dist d;
    char err[200];
    const struct dist_type *gamma = dist_type_find("gamma");
    check(dist_init(&d, gamma, (double[]){5, 0}, 2, err, sizeof err) == -1 &&
              strcmp(err, "gamma(mean, sd): sd must be > 0, got 0") == 0,
          "dist-5.1 gamma with sd 0 is refused with its signature: '%s'", err);
    check(dist_init(&d, gamma, (double[]){5}, 1, err, sizeof err) == -1 &&
              strcmp(err, "gamma(mean, sd) takes 2 parameters, got 1") == 0,
          "dist-5.2 a wrong parameter count is refused: '%s'", err);
    check(make(&d, "exponential", (double[]){-1}, 1) == -1, "dist-5.3 exponential mean -1 refused");
    check(make(&d, "erlang", (double[]){2.5, 1}, 2) == -1, "dist-5.4 erlang with k = 2.5 refused");
    check(make(&d, "geometric", (double[]){0.5}, 1) == -1, "dist-5.5 geometric mean < 1 refused");
    check(make(&d, "discrete", (double[]){1, 0, 2, 0}, 4) == -1, "dist-5.6 all-zero weights refused");
    check(make(&d, "discrete", (double[]){1, -1, 2, 2}, 4) == -1, "dist-5.7 negative weight refused");
    check(make(&d, "uniform", (double[]){3, 1}, 2) == -1, "dist-5.8 uniform with max < min refused");
    check(make(&d, "normal", (double[]){NAN, 1}, 2) == -1, "dist-5.9 NaN parameter refused");
    check(make(&d, "normal", (double[]){-1, 1}, 2) == -1, "dist-5.10 normal with negative mean refused");
    check(dist_type_find("exponentail") == NULL, "dist-5.11 an unknown family is not found");

    /* found by fuzz/fuzz_dist: parameters whose moments or draws are not finite numbers */
    check(dist_init(&d, gamma, (double[]){5, 1.5e308}, 2, err, sizeof err) == -1 &&
              strcmp(err, "gamma(mean, sd): sd must be at most 100 times the mean, got 1.5e+308") == 0,
          "dist-5.12 gamma(5, 1.5e308) (infinite variance) is refused: '%s'", err);
    check(dist_init(&d, gamma, (double[]){1, 1000}, 2, err, sizeof err) == -1,
          "dist-5.13 gamma(1, 1000) (shape 1e-6: draws all but always 0) is refused: '%s'", err);
    check(dist_init(&d, gamma, (double[]){1e6, 1e-300}, 2, err, sizeof err) == -1 &&
              strcmp(err, "gamma(mean, sd): sd must be at least a millionth of the mean (for no spread, write "
                          "the mean alone), got 1e-300") == 0,
          "dist-5.14 gamma(1e6, 1e-300) (infinite shape, NaN draws) is refused: '%s'", err);
    check(make(&d, "lognormal", (double[]){1e-300, 1e5}, 2) == -1,
          "dist-5.15 lognormal(1e-300, 1e5) (NaN draws) is refused");
    check(dist_init(&d, dist_type_find("uniform"), (double[]){-1e308, 1e308}, 2, err, sizeof err) == -1 &&
              strcmp(err, "uniform(min, max): the parameters are too large (the mean or the variance overflows)") == 0,
          "dist-5.16 uniform(-1e308, 1e308) (infinite width) is refused: '%s'", err);
    check(make(&d, "geometric", (double[]){1e10}, 1) == -1,
          "dist-5.17 geometric(1e10) (beyond GSL's unsigned draws) is refused");
    check(make(&d, "normal", (double[]){3, 1e308}, 2) == -1,
          "dist-5.19 normal(3, 1e308) (variance overflowed to NaN, was clamped to 0; infinite draws) is refused");
    check(make(&d, "gamma", (double[]){1, 100}, 2) == 0 && make(&d, "lognormal", (double[]){1, 100}, 2) == 0,
          "dist-5.18 an sd of 100 times the mean is still accepted");

    char buf[200];
    make(&d, "gamma", (double[]){5, 1.5}, 2);
    check(strcmp(dist_format(&d, buf, sizeof buf), "gamma(5, 1.5)") == 0, "dist-6.1 format: %s", buf);
    make(&d, "discrete", (double[]){1, 1, 3, 2}, 4);
    check(strcmp(dist_format(&d, buf, sizeof buf), "discrete(1:1, 3:2)") == 0,
          "dist-6.2 discrete keeps its weights as written: %s", buf);
    dist_constant(&d, 0.1);
    check(strcmp(dist_format(&d, buf, sizeof buf), "0.1") == 0 && dist_is_constant(&d),
          "dist-6.3 a constant prints as a plain number: %s", buf);
    dist_constant(&d, 0);
    check(dist_is_zero(&d), "dist-6.4 constant 0 is recognised as no time at all");
    check(strcmp(num_format(1.0 / 3, buf, sizeof buf), "0.3333333333333333") == 0, "dist-6.5 shortest round-trip: %s",
          buf);

    /* a discrete dist points at its table: a copy shares it and draws the same values */
    check(dist_init(&d, dist_type_find("discrete"), (double[]){1, 1}, 2, err, sizeof err) == -1 &&
              strstr(err, "dist_table_new") != NULL,
          "dist-9.1 dist_init sends discrete to a table: %s", err);
    check(dist_table_new((double[]){1, 1, 2}, 3, err, sizeof err) == NULL &&
              strcmp(err, "discrete(value:weight, ...): give value:weight pairs, e.g. discrete(1:0.5, 2:0.5)") == 0,
          "dist-9.2 an odd parameter count is refused: %s", err);
    check(dist_table_new((double[]){1e308, 1, -1e308, 1}, 4, err, sizeof err) == NULL &&
              strstr(err, "too large") != NULL,
          "dist-9.3 a table whose variance overflows is refused: %s", err);
    struct dist_table *t = dist_table_new((double[]){2, 1, 5, 3}, 4, err, sizeof err);
    struct dist_table *same = dist_table_new((double[]){2, 1, 5, 3}, 4, err, sizeof err);
    struct dist_table *other = dist_table_new((double[]){2, 1, 5, 2}, 4, err, sizeof err);
    check(t && same && other && dist_table_same(t, same) && !dist_table_same(t, other),
          "dist-9.4 tables compare by their values and weights");
    struct dist a, b;
    dist_discrete(&a, t);
    b = a;
    gsl_rng *ra = rng_stream_new(7, 0, 0), *rb = rng_stream_new(7, 0, 0);
    int equal = b.table == t;
    for (int i = 0; i < 1000 && equal; i++) equal = dist_sample(&a, ra) == dist_sample(&b, rb);
    check(equal && dist_mean(&b) == 4.25, "dist-9.5 a copy of a discrete dist shares its table and draws alike");
    gsl_rng_free(ra);
    gsl_rng_free(rb);
    dist_table_free(t);
    dist_table_free(same);
    dist_table_free(other);
}

/* lognormal_log(mu, sigma): the moments of draws against the exact ones, each within its
 * 99.9% confidence interval (the sample variance's from the fourth central moment), and
 * the same draws as lognormal(mean, sd) written with the equivalent mean and sd. */
static void test_lognormal_log(void)
{
    const double mu = 1.2, sigma = 0.5, z = 3.29; /* z: two-sided 99.9% */
    struct dist d, same;
    char err[200];
    const struct dist_type *t = dist_type_find("lognormal_log");
    if (!check(t && dist_init(&d, t, (double[]){mu, sigma}, 2, err, sizeof err) == 0,
               "dist-7.1 lognormal_log(1.2, 0.5) is a distribution (%s)", t ? err : "not found"))
        return;
    /* raw moments E X^k = exp(k mu + k^2 sigma^2 / 2) */
    double m[5];
    for (int k = 1; k <= 4; k++) m[k] = exp(k * mu + k * k * sigma * sigma / 2);
    double mean = m[1], var = m[2] - m[1] * m[1];
    double mu4 = m[4] - 4 * m[3] * m[1] + 6 * m[2] * m[1] * m[1] - 3 * pow(m[1], 4);
    check(fabs(dist_mean(&d) - mean) < 1e-12 * mean && fabs(dist_variance(&d) - var) < 1e-12 * var,
          "dist-7.2 lognormal_log's mean %.10g and variance %.10g are exp(mu + sigma^2/2) = %.10g and "
          "(exp(sigma^2) - 1) exp(2 mu + sigma^2) = %.10g",
          dist_mean(&d), dist_variance(&d), mean, var);
    enum { N = 400000 };
    gsl_rng *r = rng_stream_new(13, 0, 0);
    struct tally tl = {0};
    for (int i = 0; i < N; i++) tally_add(&tl, dist_sample(&d, r));
    gsl_rng_free(r);
    double se_mean = sqrt(var / N), se_var = sqrt((mu4 - var * var) / N), v = tally_sd(&tl) * tally_sd(&tl);
    check(fabs(tl.mean - mean) <= z * se_mean, "dist-7.3 sample mean %.5f within the 99.9%% CI of %.5f (± %.5f)",
          tl.mean, mean, z * se_mean);
    check(fabs(v - var) <= z * se_var, "dist-7.4 sample variance %.5f within the 99.9%% CI of %.5f (± %.5f)", v, var,
          z * se_var);
    check(tl.min > 0, "dist-7.5 every draw is above 0 (smallest %g)", tl.min);
    /* the same distribution in the quantity's own units */
    dist_init(&same, dist_type_find("lognormal"), (double[]){mean, sqrt(var)}, 2, err, sizeof err);
    gsl_rng *r1 = rng_stream_new(13, 1, 0), *r2 = rng_stream_new(13, 1, 0);
    double worst = 0;
    for (int i = 0; i < 1000; i++) {
        double a = dist_sample(&d, r1), b = dist_sample(&same, r2);
        worst = fmax(worst, fabs(a - b) / b);
    }
    gsl_rng_free(r1), gsl_rng_free(r2);
    check(worst < 1e-12,
          "dist-7.6 lognormal_log(mu, sigma) draws what lognormal(mean, sd) draws (largest relative "
          "difference %g)",
          worst);
    /* parameters: sigma > 0, and no more spread than lognormal(mean, sd) accepts */
    check(dist_init(&d, t, (double[]){1, 0}, 2, err, sizeof err) == -1 &&
              strcmp(err, "lognormal_log(mu, sigma): sigma must be > 0 (for no spread, write the value exp(mu) "
                          "alone), got 0") == 0,
          "dist-7.7 sigma 0 is refused: '%s'", err);
    check(dist_init(&d, t, (double[]){1, -0.5}, 2, err, sizeof err) == -1, "dist-7.8 a negative sigma is refused");
    check(dist_init(&d, t, (double[]){1, 3.1}, 2, err, sizeof err) == -1 &&
              strcmp(err, "lognormal_log(mu, sigma): sigma must be at most 3.03 (an sd of 100 times the mean), "
                          "got 3.1") == 0,
          "dist-7.9 sigma 3.1 (an sd over 100 times the mean) is refused: '%s'", err);
    check(dist_init(&d, t, (double[]){-2, 3}, 2, err, sizeof err) == 0, "dist-7.10 a negative mu and sigma 3 load");
    check(dist_init(&d, t, (double[]){800, 1}, 2, err, sizeof err) == -1,
          "dist-7.11 mu = 800 (a mean beyond the largest double) is refused: '%s'", err);
    char buf[100];
    dist_init(&d, t, (double[]){-0.25, 0.75}, 2, err, sizeof err);
    check(strcmp(dist_format(&d, buf, sizeof buf), "lognormal_log(-0.25, 0.75)") == 0, "dist-7.12 format: %s", buf);
}

/* The residual-life (equilibrium) draw of each family that has one: its mean is
 * E[X^2] / (2 E[X]), and a renewal process started with it has T / mean events in [0, T]
 * on average (a stationary process), where one started one gap after 0 has about
 * (cv^2 - 1) / 2 more; both within 99.9% confidence intervals over 20000 runs. */
static void check_residual(const char *name, const double *p, size_t np)
{
    const double z = 3.29;
    struct dist d;
    if (!check(make(&d, name, p, np) == 0 && dist_has_residual(&d), "dist-8.1 %s has a residual-life draw", name))
        return;
    double m = dist_mean(&d), v = dist_variance(&d), cv2 = v / (m * m);
    gsl_rng *r = rng_stream_new(17, 0, 0);
    struct tally res = {0}, eq = {0}, ord = {0};
    const double horizon = 3 * m;
    for (int i = 0; i < 20000; i++) {
        double x = dist_sample_residual(&d, r);
        tally_add(&res, x);
        int n = 0;
        for (double t = x; t < horizon; t += dist_sample(&d, r)) n++;
        tally_add(&eq, n);
        n = 0;
        for (double t = dist_sample(&d, r); t < horizon; t += dist_sample(&d, r)) n++;
        tally_add(&ord, n);
    }
    gsl_rng_free(r);
    double want = (v + m * m) / (2 * m), hw = z * tally_sd(&res) / sqrt((double)res.n);
    check(fabs(res.mean - want) <= hw + 1e-12, "dist-8.2 %s residual life: mean %.5f, E[X^2]/(2 E[X]) = %.5f (± %.5f)",
          name, res.mean, want, hw);
    hw = z * tally_sd(&eq) / sqrt((double)eq.n);
    check(fabs(eq.mean - 3) <= hw + 1e-12,
          "dist-8.3 %s: started in equilibrium, %.4f events in 3 mean gaps (± %.4f), want exactly 3", name, eq.mean,
          hw);
    if (fabs(cv2 - 1) > 0.2) { /* where the ordinary start differs, the test sees it */
        hw = z * tally_sd(&ord) / sqrt((double)ord.n);
        check(fabs(ord.mean - 3) > hw,
              "dist-8.4 %s: started one gap after 0, %.4f events (± %.4f; about %.3f): "
              "not 3",
              name, ord.mean, hw, 3 + (cv2 - 1) / 2);
    }
}

static void test_residual(void)
{
    check_residual("exponential", (double[]){2.5}, 1);
    check_residual("gamma", (double[]){1, 0.3}, 2); /* regular gaps: shape 11 */
    check_residual("gamma", (double[]){1, 2}, 2);   /* bursty: shape 0.25 */
    check_residual("erlang", (double[]){3, 2}, 2);
    check_residual("lognormal", (double[]){1.776, 1.023}, 2);
    check_residual("lognormal", (double[]){2, 5}, 2);
    check_residual("lognormal_log", (double[]){0.2, 0.6}, 2);
    check_residual("constant", (double[]){1.5}, 1);
    struct dist d;
    make(&d, "uniform", (double[]){1, 2}, 2);
    check(!dist_has_residual(&d), "dist-8.5 uniform has no residual-life draw (the caller falls back to a gap)");
}

/* ---- tallies and time averages ---- */

static void test_stats(void)
{
    struct tally t = {0};
    double xs[] = {2, 4, 4, 4, 5, 5, 7, 9};
    for (int i = 0; i < 8; i++) tally_add(&t, xs[i]);
    check(t.mean == 5 && fabs(tally_sd(&t) - sqrt(32.0 / 7)) < 1e-12 && t.min == 2 && t.max == 9,
          "stats-1.1 tally mean, sample sd, min, max");
    tally_reset(&t);
    check(isnan(tally_mean(&t)) && isnan(tally_sd(&t)), "stats-1.2 an empty tally has no mean");

    struct timeavg a;
    timeavg_init(&a, 0, 10);
    timeavg_set(&a, 2, 4); /* 10 for 2 days */
    timeavg_set(&a, 5, 0); /* 4 for 3 days */
    check(fabs(timeavg_mean(&a, 10) - (20 + 12) / 10.0) < 1e-12,
          "stats-2.1 time average counts the last level up to the end");
    timeavg_restart(&a, 10);
    timeavg_set(&a, 12, 6);
    check(fabs(timeavg_mean(&a, 14) - 3.0) < 1e-12, "stats-2.2 restart keeps the level, drops the past");
    struct timeavg b;
    timeavg_init(&b, 3, 7);
    check(isnan(timeavg_mean(&b, 3)), "stats-2.3 a mean over no time at all is NaN, not 0");
}

/* ---- quantile sketch ---- */

/* What a child of aborts() adds to a sketch (sketch_bad): NaN first (0) or after two
 * observations (1), or one more to a bin already at UINT32_MAX (2). */
static int sketch_bad;

static void sketch_add_bad(void)
{
    static struct qsketch q;
    qsketch_reset(&q);
    if (sketch_bad == 2) {
        q.counts[5] = UINT32_MAX;
        qsketch_add(&q, 0x1p-24 * (1 + 5.0 / 128));
        return;
    }
    if (sketch_bad == 1) qsketch_add(&q, 1), qsketch_add(&q, -1);
    qsketch_add(&q, NAN);
}

/* The bin of a positive x as the sketch's comment states it: below 2^-24 the first, from
 * 2^40 the last, else its octave's 128 bins from 2^-24 up. */
static size_t sketch_bin_of(double x)
{
    if (x < 0x1p-24) return 0;
    if (x >= 0x1p40) return QSKETCH_BINS - 1;
    int e;
    double f = frexp(x, &e); /* x = f 2^e, f in [0.5, 1) */
    return (size_t)(e - 1 - QSKETCH_EXP_MIN) * 128 + (size_t)((2 * f - 1) * 128);
}

static void test_quantile(void)
{
    static struct qsketch q;
    qsketch_reset(&q);
    for (int i = 0; i < 1000; i++) qsketch_add(&q, 2.0);
    check(qsketch_quantile(&q, 0.5) == 2.0 && qsketch_quantile(&q, 0.99) == 2.0,
          "quant-1.1 a constant stream reports its value exactly");

    enum { N = 100000 };
    static double xs[N];
    gsl_rng *r = rng_stream_new(5, 0, 0);
    for (int family = 0; family < 2; family++) {
        qsketch_reset(&q);
        for (int i = 0; i < N; i++) {
            xs[i] = family == 0 ? gsl_ran_exponential(r, 10) : gsl_ran_lognormal(r, -3, 1.5);
            qsketch_add(&q, xs[i]);
        }
        gsl_sort(xs, 1, N);
        double ps[] = {0.01, 0.5, 0.95, 0.99, 0.999};
        for (int i = 0; i < 5; i++) {
            double exact = xs[(size_t)ceil(ps[i] * N) - 1];
            double est = qsketch_quantile(&q, ps[i]);
            check(fabs(est - exact) <= qsketch_relative_error() * exact,
                  "quant-1.2 %s p%g: sketch %.6g vs sorted %.6g within %.2f%%", family ? "lognormal" : "exponential",
                  ps[i] * 100, est, exact, 100 * qsketch_relative_error());
        }
    }
    qsketch_reset(&q);
    qsketch_add(&q, 0);
    qsketch_add(&q, 0);
    qsketch_add(&q, 3);
    check(qsketch_quantile(&q, 0.5) == 0 && qsketch_quantile(&q, 1) == 3, "quant-1.3 zeros are counted as zero");
    qsketch_reset(&q);
    check(isnan(qsketch_quantile(&q, 0.5)), "quant-1.4 an empty sketch has no quantile");
    qsketch_add(&q, 1e-12);
    qsketch_add(&q, 1e15);
    double lo = qsketch_quantile(&q, 0.5), hi = qsketch_quantile(&q, 0.9);
    check(lo >= 1e-12 && lo <= 0x1p-23 && hi >= 0x1p39 && hi <= 1e15,
          "quant-1.5 values outside the binned range stay in their end bins (%g, %g)", lo, hi);
    qsketch_reset(&q);
    qsketch_add(&q, 4);
    qsketch_add(&q, 3);
    qsketch_add(&q, 5);
    check(qsketch_quantile(&q, 0) == 3 && qsketch_quantile(&q, 1) == 5,
          "quant-1.6 the minimum and maximum are the observations' from the first on (%g, %g)", qsketch_quantile(&q, 0),
          qsketch_quantile(&q, 1));
    qsketch_reset(&q);
    qsketch_add(&q, -2);
    qsketch_add(&q, -1);
    check(qsketch_quantile(&q, 0) == -2 && qsketch_quantile(&q, 1) == -1,
          "quant-1.7 below 0 too, though counted as 0 (%g, %g)", qsketch_quantile(&q, 0), qsketch_quantile(&q, 1));
    sketch_bad = 0;
    bool nan_first = aborts(sketch_add_bad);
    sketch_bad = 1;
    check(nan_first && aborts(sketch_add_bad), "quant-1.8 a NaN is caught by an assert, first or not");
    sketch_bad = 2;
    check(aborts(sketch_add_bad), "quant-1.9 a bin's count past UINT32_MAX is caught by an assert");
    double edges[] = {DBL_MIN * 0x1p-10,
                      DBL_MIN,
                      1e-12,
                      nextafter(0x1p-24, 0),
                      0x1p-24,
                      0x1p-24 * (1 + 1.0 / 128),
                      nextafter(0x1p-23, 0),
                      0x1p-23,
                      0.75,
                      1,
                      1.5,
                      2.9999,
                      3,
                      1000.5,
                      nextafter(0x1p40, 0),
                      0x1p40,
                      1e300,
                      DBL_MAX,
                      INFINITY};
    bool binned = true;
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        qsketch_reset(&q);
        qsketch_add(&q, edges[i]);
        size_t want = sketch_bin_of(edges[i]);
        binned = binned && q.counts[want] == 1;
        if (q.counts[want] != 1) printf("  %a: not in bin %zu\n", edges[i], want);
    }
    check(binned, "quant-1.10 each value falls in its bin, at the octaves' edges and past the binned range");
    gsl_rng_free(r);
}

/* ---- runner ---- */

struct job_ctx {
    uint64_t seed;
};

static int draw_job(void *ctx, size_t job, double *out)
{
    const struct job_ctx *c = ctx;
    gsl_rng *r = rng_stream_new(c->seed, job, 0);
    double s = 0;
    for (int i = 0; i < 1000; i++) s += gsl_rng_uniform(r);
    out[0] = s / 1000;
    out[1] = job % 2 ? NAN : (double)job;
    gsl_rng_free(r);
    return 0;
}

static void test_runner(void)
{
    struct job_ctx c = {99};
    double one[40 * 2], four[40 * 2];
    struct runner r = {.njobs = 40, .nmetrics = 2, .threads = 1, .job = draw_job, .ctx = &c};
    check(runner_run(&r, one) == 0, "runner-1.1 every job runs on one thread");
    r.threads = 4;
    check(runner_run(&r, four) == 0, "runner-1.2 every job runs on four threads");
    check(memcmp(one, four, sizeof one) == 0, "runner-1.3 results do not depend on the thread count");

    struct summary s = summary_of(&one[1], 40, 2);
    check(s.n == 20 && s.mean == 19, "runner-1.4 NaN results are skipped (n = %zu, mean %g)", s.n, s.mean);

    double xs[] = {1, 2, 3, 4, 5};
    s = summary_of(xs, 5, 1);
    /* t(0.975, 4) = 2.776445105; sd = sqrt(2.5) */
    check(fabs(s.ci95 - 2.776445105 * sqrt(2.5) / sqrt(5)) < 1e-8, "runner-2.1 Student-t 95%% half-width");
    check(fabs(summary_halfwidth(&s, 0.99) - 4.604094871 * sqrt(2.5) / sqrt(5)) < 1e-8,
          "runner-2.2 Student-t 99%% half-width");
    s = summary_of(xs, 1, 1);
    check(s.n == 1 && s.mean == 1 && isnan(s.ci95), "runner-2.3 one value has no interval");

    atomic_int stop;
    atomic_init(&stop, 1);
    r.stop = &stop;
    check(runner_run(&r, four) == 40, "runner-3.1 a raised stop flag starts no job");
}

int main(void)
{
    test_event_order();
    test_cancel();
    test_heap_random();
    test_heap_small_and_binary();
    test_run_until();
    test_recurring();
    test_lanes();
    test_past_asserts();
    test_rng();
    test_rng_same_as_gsl();
    test_rng_book();
    test_dist();
    test_lognormal_log();
    test_residual();
    test_stats();
    test_quantile();
    test_runner();
    free_made_tables();
    return check_done("test_sim");
}
