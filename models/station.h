/* station.h - an order-cycle stage worked by n servers (clerks, pickers) who take
 * the waiting order of highest priority, first come first served among equals; with
 * 0 servers it is a pure delay (every order is served at once). The station schedules each order's end of service with
 * the handler it was given; that handler must call station_depart before moving the order on, so the freed server can
 * start the next one.
 */
#ifndef MODELS_STATION_H
#define MODELS_STATION_H

#include "order.h"
#include "sim/sim.h"
#include "sim/stats.h"

#include <assert.h>
#include <limits.h>

struct station {
    unsigned servers; /* 0: unlimited */
    unsigned busy;
    unsigned free_below; /* a server is free while busy is below it: servers, or UINT_MAX when unlimited */
    int priority;        /* event class of the end-of-service events (checked by station_init) */
    sim_handler done;    /* called with the order as ctx when its service ends (checked by station_init and
                            station_set_done) */
    int lane;            /* the sim lane its ends of service go to, or -1: the heap */
    struct order *head, *tail;
    size_t queued;
    struct timeavg busy_avg; /* servers busy, for utilisation */
};

/* The class and the handler are asserted here (sim_check_class), once, where a
 * station's ends of service would test them at every order: station_serve schedules
 * with the kernel's entry for a checked class (sim_schedule_classed). Set them only
 * here and by station_set_done. */
void station_init(struct station *st, unsigned servers, int priority, sim_handler done);

/* Make done the handler of st's ends of service (asserted, as by station_init). */
void station_set_done(struct station *st, sim_handler done);

/* The station's ends of service come in the order they are scheduled (one server, or
 * a constant service time): put them in a lane of sim (sim_lane_open), which costs
 * less than the heap. Only a matter of speed: the order of events is the same. */
void station_use_lane(struct station *st, struct sim *sim);

/* Schedule the end of o's service, by a server already counted busy. The class and
 * handler were checked as the station was made (station_init, station_set_done). */
static inline void station_serve(struct station *st, struct sim *sim, struct order *o)
{
    double end = sim_now(sim) + o->service;
    if (st->lane >= 0)
        sim_schedule_lane(sim, st->lane, end, o);
    else
        sim_schedule_classed(sim, end, st->priority, st->done, o);
}

/* Queue o behind every waiting order of equal or higher priority, ahead of the lower
 * ones (the queue's last has a lower priority than o). */
void station_queue_ahead(struct station *st, struct order *o);

/* Order o arrives needing o->service days of work. Inline, as station_depart: every
 * order of the general path passes two stations. */
static inline void station_arrive(struct station *st, struct sim *sim, struct order *o)
{
    if (st->busy < st->free_below) { /* unlimited: never UINT_MAX busy */
        st->busy++;
        timeavg_set(&st->busy_avg, sim_now(sim), st->busy);
        station_serve(st, sim, o);
        return;
    }
    st->queued++;
    if (st->tail && st->tail->priority < o->priority) {
        station_queue_ahead(st, o);
        return;
    }
    o->next = NULL; /* the common case: join the end */
    if (st->tail)
        st->tail->next = o;
    else
        st->head = o;
    st->tail = o;
}

/* An order's service ended: free its server and start the next queued order. */
static inline void station_depart(struct station *st, struct sim *sim)
{
    assert(st->busy > 0);
    if (st->head) { /* the server takes the next order: as busy as before */
        struct order *o = st->head;
        st->head = o->next;
        if (!st->head) st->tail = NULL;
        st->queued--;
        /* one update where a server freed and taken again made two: the second, at the
           same time, added nothing (level x 0 days) */
        timeavg_set(&st->busy_avg, sim_now(sim), st->busy);
        station_serve(st, sim, o);
        return;
    }
    st->busy--;
    timeavg_set(&st->busy_avg, sim_now(sim), st->busy);
}

/* Mean share of servers busy since the last restart (NaN for unlimited servers). */
double station_utilisation(const struct station *st, double now);

#endif
