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

struct station {
    unsigned servers; /* 0: unlimited */
    unsigned busy;
    int priority;     /* event class of the end-of-service events */
    sim_handler done; /* called with the order as ctx when its service ends */
    int lane;         /* the sim lane its ends of service go to, or -1: the heap */
    struct order *head, *tail;
    size_t queued;
    struct timeavg busy_avg; /* servers busy, for utilisation */
};

void station_init(struct station *st, unsigned servers, int priority, sim_handler done);

/* The station's ends of service come in the order they are scheduled (one server, or
 * a constant service time): put them in a lane of sim (sim_lane_open), which costs
 * less than the heap. Only a matter of speed: the order of events is the same. */
void station_use_lane(struct station *st, struct sim *sim);

/* Order o arrives needing o->service days of work. */
void station_arrive(struct station *st, struct sim *sim, struct order *o);

/* An order's service ended: free its server and start the next queued order. */
void station_depart(struct station *st, struct sim *sim);

/* Mean share of servers busy since the last restart (NaN for unlimited servers). */
double station_utilisation(const struct station *st, double now);

#endif
