/* station.c - a multi-server queue ordered by priority, FIFO within a priority. */
#include "station.h"

#include <assert.h>
#include <math.h>

void station_init(struct station *st, unsigned servers, int priority, sim_handler done)
{
    sim_check_class(priority, done);
    *st = (struct station){
        .servers = servers, .free_below = servers ? servers : UINT_MAX, .priority = priority, .done = done, .lane = -1};
    timeavg_init(&st->busy_avg, 0, 0);
}

void station_set_done(struct station *st, sim_handler done)
{
    sim_check_class(st->priority, done);
    st->done = done;
}

void station_use_lane(struct station *st, struct sim *sim)
{
    st->lane = sim_lane_open(sim, st->priority, st->done);
}

void station_queue_ahead(struct station *st, struct order *o)
{
    struct order **at = &st->head; /* behind every order of equal or higher priority */
    while ((*at)->priority >= o->priority) at = &(*at)->next;
    o->next = *at;
    *at = o;
}

double station_utilisation(const struct station *st, double now)
{
    if (st->servers == 0) return NAN;
    return timeavg_mean(&st->busy_avg, now) / st->servers;
}
