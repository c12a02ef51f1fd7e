/* order.h - a customer order and the pool it comes from.
 *
 * An order carries its own stage times, drawn when it is placed, so that every
 * scenario variant gives the n-th order the same processing, picking and delivery
 * times (common random numbers), and timestamps of each stage for the cycle-time
 * breakdown. Orders come from a pool with a free list: the hot path never calls
 * malloc once the pool has grown to the number of orders in flight. A replenishment
 * order to the supplier travels as a struct order too (units, placed, home).
 */
#ifndef MODELS_ORDER_H
#define MODELS_ORDER_H

#include <stdbool.h>
#include <stddef.h>

struct order {
    struct order *next; /* link in a station queue, the backorder queue or the free list */
    double units;       /* requested */
    double filled;      /* allocated so far (from stock on hand or on receipt) */
    double lost;        /* lost sales on this order */
    double service;     /* service time at the station it is in */
    /* stage times drawn at placement */
    double transmission_days, processing_days, picking_days, delivery_days;
    /* timestamps */
    double placed, received, processed, allocated, picked;
    bool stockout; /* met a shortage at allocation */
    void *home;    /* replenishment orders: the stock they replenish */
};

struct order_pool {
    struct order *free;
    struct order_chunk *chunks;
    size_t in_use, peak;
};

void order_pool_init(struct order_pool *p);
void order_pool_fini(struct order_pool *p); /* frees every order, in use or not */

/* A zeroed order. Aborts when out of memory. */
struct order *order_new(struct order_pool *p);
void order_free(struct order_pool *p, struct order *o);

#endif
