/* sim.h - the discrete-event kernel: a clock and an event list.
 *
 * Events are ordered by (time, priority class, sequence number): at equal times the
 * lower class runs first, and inside a class the event scheduled first runs first.
 * The clock only moves forward and only the kernel moves it. The caller drives the
 * loop (sim_step, sim_run_until), so tests can step through a model event by event.
 * Knows nothing about logistics. No globals: a struct sim is one independent world.
 */
#ifndef SIM_SIM_H
#define SIM_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sim;

/* An event handler. ctx is whatever was given to sim_schedule (borrowed). */
typedef void (*sim_handler)(struct sim *sim, void *ctx);

/* A handle to a scheduled event, for sim_cancel. 0 is never a valid handle. */
typedef uint64_t sim_handle;

/* Priority classes are small integers; lower runs first at equal times. */
enum { SIM_PRIORITY_MAX = 255 };

/* Create a world with its clock at 0. owner is any pointer the model wants to reach
 * from inside handlers (borrowed). Returns NULL only when out of memory. */
struct sim *sim_new(void *owner);
void sim_free(struct sim *sim);

/* The part of a world that handlers read at every event: the first member of
 * struct sim, so that reading it costs no call. Only the kernel writes it. */
struct sim_clock {
    double now;
    void *owner;
    uint64_t events_run; /* sim_events_run: the run loop reads it after every event */
};

/* The current simulation time. */
static inline double sim_now(const struct sim *sim)
{
    return ((const struct sim_clock *)(const void *)sim)->now;
}

/* The owner given to sim_new. */
static inline void *sim_owner(const struct sim *sim)
{
    return ((const struct sim_clock *)(const void *)sim)->owner;
}

/* The kernel's part of sim_schedule and sim_schedule_recurring, for an event whose class
 * and handler are checked (sim_check_class): call those two, not these, unless the
 * class and handler are data checked once where they were set (models/station.c). */
sim_handle sim_schedule_classed(struct sim *sim, double time, int priority, sim_handler fn, void *ctx);
sim_handle sim_schedule_recurring_classed(struct sim *sim, double time, int priority, sim_handler fn, void *ctx);

/* Asserts that an event's class is 0..SIM_PRIORITY_MAX and its handler is not NULL:
 * inline, so that both tests fold away where the class and the handler are constants
 * (most callers), and the event path keeps only the checks of the time and the counter
 * (sim/sim.c). A failure makes one cold call, which asserts each with its own message. */
__attribute__((noreturn, cold)) void sim_class_failed(int priority, sim_handler fn);
#ifndef NDEBUG
static inline void sim_check_class(int priority, sim_handler fn)
{
    if (!((unsigned)priority <= SIM_PRIORITY_MAX && fn)) sim_class_failed(priority, fn);
}
#else
static inline void sim_check_class(int priority, sim_handler fn)
{
    (void)priority, (void)fn;
}
#endif

/* Schedule fn(sim, ctx) at absolute time `time`, which must not be earlier than now
 * (asserted) and must be finite. priority is 0..SIM_PRIORITY_MAX (asserted). */
static inline sim_handle sim_schedule(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    sim_check_class(priority, fn);
    return sim_schedule_classed(sim, time, priority, fn, ctx);
}

/* sim_schedule for a recurring process that keeps one event pending at a time (order
 * arrivals: each arrival schedules the next). The kernel holds that one event beside
 * the heap, where scheduling and running it cost a comparison instead of a heap
 * update. The order of events is exactly that of sim_schedule: the held event takes
 * its sequence number from the same counter and is compared by (time, key) with the
 * heap's first. If an event is held already, this is plain sim_schedule. */
static inline sim_handle sim_schedule_recurring(struct sim *sim, double time, int priority, sim_handler fn, void *ctx)
{
    sim_check_class(priority, fn);
    return sim_schedule_recurring_classed(sim, time, priority, fn, ctx);
}

/* A recurring process run without the event list where it can be (order arrivals,
 * each of which brings the next). Its handler reserves the next event's place in the
 * order of events before it handles the current one (sim_reserve: the key sim_schedule
 * would give it now), and after handling it calls sim_recur with the next event's time.
 * If that event would run next anyway -- before every pending event, and before the
 * limit of the sim_step_before or sim_run_before running now -- it is not scheduled:
 * the clock moves to it, it counts as run, *place becomes the reservation for the one
 * after, and sim_recur returns true for the handler to handle it at once, in a loop. Otherwise it is
 * scheduled in its reserved place (held beside the heap, as by sim_schedule_recurring)
 * and sim_recur returns false. Either way the order of events is exactly that of a
 * sim_schedule made at the time of the reservation. At most SIM_CHAIN_MAX events chain
 * within one event run by the kernel, so that events chained do not run unseen for long:
 * a sim_run_before still returns close to its count. Called outside any step (no handler
 * of the kernel's running), sim_recur never chains. */
typedef uint64_t sim_place;
enum { SIM_CHAIN_MAX = 4096 };
sim_place sim_reserve(struct sim *sim, int priority);
bool sim_recur(struct sim *sim, double time, sim_place *place, sim_handler fn, void *ctx);

/* A lane: a FIFO list beside the heap for the events of one stage (one class, one
 * handler) whose times come in the order they are scheduled -- a single server's ends
 * of service, a constant delay -- where scheduling and running an event cost O(1)
 * instead of a heap update. sim_lane_open returns the lane's number, or -1 when all
 * SIM_LANES_MAX are open (then sim_schedule_lane must not be called with it: the model
 * uses sim_schedule). Lanes are opened before the first event runs (asserted).
 * sim_schedule_lane is sim_schedule(sim, time, the lane's class, the lane's handler,
 * ctx): an event earlier than the lane's last one goes to the heap, so the order of
 * events is exactly sim_schedule's whatever the times; the lane only pays when they
 * keep order, so choose it by the stage's distribution. */
enum { SIM_LANES_MAX = 4 };
int sim_lane_open(struct sim *sim, int priority, sim_handler fn);
sim_handle sim_schedule_lane(struct sim *sim, int lane, double time, void *ctx);

/* A calendar: a lane for a stage whose events come out of the order they are scheduled
 * (unlimited servers with random times spread wider than the gaps between orders: a
 * delivery of one to three days), kept in buckets of `width` days by time, where
 * scheduling and running an event cost about O(1) while the buckets hold a few events
 * each. Opened as sim_lane_open (the same number space, the same -1) and scheduled with
 * sim_schedule_lane; its buckets reach at least `reach` days past the clock (when that
 * would take more than SIM_CALENDAR_BUCKETS_MAX buckets, they are made wider), and an
 * event further ahead goes to the heap, so the order of events is exactly
 * sim_schedule's whatever the times. Choose width so that a bucket holds an event or
 * two (about the mean gap between the stage's events), and reach from the stage's
 * longest likely time. */
enum { SIM_CALENDAR_BUCKETS_MAX = 1 << 14 };
int sim_calendar_open(struct sim *sim, int priority, sim_handler fn, double width, double reach);

/* Remove a pending event. Returns false if it already ran or was cancelled. Costs
 * O(pending events), and the buckets of calendars holding events: meant for
 * occasional use, so that the event path pays nothing. */
bool sim_cancel(struct sim *sim, sim_handle handle);

/* Number of pending events. */
size_t sim_pending(const struct sim *sim);

/* Time of the next pending event, or +infinity if there is none. */
double sim_next_time(const struct sim *sim);

/* Run the next event. Returns false if there was none. */
bool sim_step(struct sim *sim);

/* Run the next event if it is due strictly before `end` (with the events its handler
 * chains through sim_recur, all before `end`). Returns false, running nothing, if
 * there is none. */
bool sim_step_before(struct sim *sim, double end);

/* Run the events due strictly before `end`, one sim_step_before after another, until
 * sim_events_run reaches `until_events` (true: it did; the last event may have chained
 * up to SIM_CHAIN_MAX past it) or none is left before `end` (false). It runs at least one
 * event when one is due, whatever `until_events`. The caller's loop can look at the
 * world every so many events without a call per event. */
bool sim_run_before(struct sim *sim, double end, uint64_t until_events);

/* Run every event due strictly before `end`, then set the clock to `end`. An event
 * due exactly at `end` is left pending. Returns the number of events run. */
uint64_t sim_run_until(struct sim *sim, double end);

/* Total number of events run since sim_new. */
static inline uint64_t sim_events_run(const struct sim *sim)
{
    return ((const struct sim_clock *)(const void *)sim)->events_run;
}

#endif
