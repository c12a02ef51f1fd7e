/* stock.h - one stock point: the inventory of one product at one place.
 *
 * Tracks on hand, on order and backordered units, asks its policy how much to order
 * (after every allocation under continuous review, or at review times), receives
 * replenishments after a random lead time (orders may overtake each other), and
 * fills waiting orders first come, first served as stock arrives. Counts what the
 * service metrics need since the last restart (the warm-up reset).
 * Units are decimals; levels within a millionth of a unit of 0 count as 0.
 */
#ifndef MODELS_STOCK_H
#define MODELS_STOCK_H

#include "config.h"
#include "order.h"
#include "sim/sim.h"
#include "sim/stats.h"

#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stdint.h>

/* Counts since the last restart. */
struct stock_counts {
    uint64_t allocations;       /* customer orders that reached allocation */
    uint64_t short_allocations; /* of which met a stockout */
    double demanded;            /* units they asked for */
    double filled_now;          /* units filled from stock on hand at allocation */
    double backordered;         /* units put on backorder */
    double lost;                /* units lost */
    uint64_t replenishments;    /* replenishment orders placed */
    double ordered;             /* units ordered from the supplier */
    uint64_t cycles, cycles_ok; /* replenishment cycles ended, and those with no stockout */
    double undershoot;          /* sum over orders placed of (s - position) (sQ, sS) */
};

/* Totals since the start, never reset: for the balance checks. */
struct stock_totals {
    double initial, ordered, received, issued;
};

struct stock;

/* Called when a waiting order has been filled completely by a receipt. */
typedef void (*stock_filled_fn)(struct sim *sim, struct order *o);

/* Optional: told every change of level (for a trajectory chart). */
typedef void (*stock_levels_fn)(void *ctx, double t, const struct stock *s);

struct stock {
    const struct inventory_config *cfg; /* borrowed */
    bool unlimited;                     /* policy none: every order is filled at once */
    double on_hand, on_order, backordered;
    struct order *waiting_head, *waiting_tail; /* orders waiting for stock, FIFO */
    struct timeavg on_hand_avg, backorder_avg, on_order_avg, empty_avg;
    bool cycle_short; /* a stockout happened in the current replenishment cycle */
    struct stock_counts counts;
    struct stock_totals totals;
    gsl_rng *lead_rng;          /* borrowed: lead-time draws */
    struct order_pool *pool;    /* borrowed: replenishment orders come from it */
    stock_filled_fn on_filled;
    stock_levels_fn on_levels; /* optional, with on_levels_ctx */
    void *on_levels_ctx;
};

/* Set up a stock point at time 0 with cfg->initial_on_hand on hand. */
void stock_init(struct stock *s, const struct inventory_config *cfg, gsl_rng *lead_rng,
                struct order_pool *pool, stock_filled_fn on_filled);

/* Start replenishment: the first review (periodic) or the first look at the
 * position (continuous), at the current time. */
void stock_start(struct stock *s, struct sim *sim);

/* Allocate stock to order o, which asks for o->units. Fills what is on hand now and
 * returns that amount. Under backorders the rest waits (o is queued; on_filled is
 * called when it is complete); under lost sales the rest is lost (o->lost). */
double stock_allocate(struct stock *s, struct sim *sim, struct order *o);

/* Inventory position: on hand + on order - backordered. */
double stock_position(const struct stock *s);

/* Restart statistics at the current time (the warm-up reset). */
void stock_restart(struct stock *s, double now);

/* Time averages since the last restart, up to `now`. */
double stock_mean_on_hand(const struct stock *s, double now);
double stock_mean_backordered(const struct stock *s, double now);
double stock_mean_on_order(const struct stock *s, double now);
double stock_time_empty(const struct stock *s, double now);

/* Free the orders still waiting (at the end of a run). */
void stock_fini(struct stock *s);

#endif
