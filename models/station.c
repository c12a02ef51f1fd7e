/* station.c - a multi-server queue ordered by priority, FIFO within a priority. */
#include "station.h"

#include <assert.h>
#include <math.h>

void station_init(struct station *st, unsigned servers, int priority, sim_handler done)
{
    *st = (struct station){.servers = servers, .priority = priority, .done = done, .lane = -1};
    timeavg_init(&st->busy_avg, 0, 0);
}

void station_use_lane(struct station *st, struct sim *sim)
{
    st->lane = sim_lane_open(sim, st->priority, st->done);
}

/* Schedule the end of o's service, by a server already counted busy. */
static void serve(struct station *st, struct sim *sim, struct order *o)
{
    double end = sim_now(sim) + o->service;
    if (st->lane >= 0)
        sim_schedule_lane(sim, st->lane, end, o);
    else
        sim_schedule(sim, end, st->priority, st->done, o);
}

static void start(struct station *st, struct sim *sim, struct order *o)
{
    st->busy++;
    timeavg_set(&st->busy_avg, sim_now(sim), st->busy);
    serve(st, sim, o);
}

void station_arrive(struct station *st, struct sim *sim, struct order *o)
{
    if (st->servers == 0 || st->busy < st->servers) {
        start(st, sim, o);
        return;
    }
    st->queued++;
    if (!st->tail || st->tail->priority >= o->priority) { /* the common case: join the end */
        o->next = NULL;
        if (st->tail)
            st->tail->next = o;
        else
            st->head = o;
        st->tail = o;
        return;
    }
    struct order **at = &st->head; /* behind every order of equal or higher priority */
    while ((*at)->priority >= o->priority) at = &(*at)->next;
    o->next = *at;
    *at = o;
}

void station_depart(struct station *st, struct sim *sim)
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
        serve(st, sim, o);
        return;
    }
    st->busy--;
    timeavg_set(&st->busy_avg, sim_now(sim), st->busy);
}

double station_utilisation(const struct station *st, double now)
{
    if (st->servers == 0) return NAN;
    return timeavg_mean(&st->busy_avg, now) / st->servers;
}
