/* model.h - one replication of the order cycle and inventory of docs/contract.md §4.
 *
 * Orders arrive, are transmitted, processed (n clerks or a pure delay), allocated
 * stock, picked (n pickers or a pure delay) and delivered. The run covers
 * [0, warmup + horizon); statistics cover [warmup, warmup + horizon). Results are one
 * double per metric (models/metrics.h), NaN where a metric has no value.
 * Knows no file formats and no plotting; has no globals, so replications may run on
 * threads side by side.
 */
#ifndef MODELS_MODEL_H
#define MODELS_MODEL_H

#include "config.h"
#include "metrics.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Random sources. The numbers seed the streams, so they are fixed forever: add new
 * sources at the end, never renumber. */
enum rng_source {
    SRC_INTERARRIVAL = 0,
    SRC_UNITS = 1,
    SRC_TRANSMISSION = 2,
    SRC_PROCESSING = 3,
    SRC_PICKING = 4,
    SRC_DELIVERY = 5,
    SRC_LEAD_TIME = 6, /* product (or location) p > 0 uses SRC_LEAD_TIME_MORE + p - 1 */
    SRC_TIER = 7,
    SRC_LINES = 8,
    SRC_PRODUCT = 9,
    SRC_CHANNEL = 10,
    SRC_ERRORS = 11,
    SRC_DAMAGE = 12,
    SRC_RETURN = 13,
    SRC_EXPEDITE = 14,
    SRC_REACTION = 15,
    SRC_THINNING = 16,
    SRC_SHIFT = 17,
    SRC_ACQUISITION = 18,
    SRC_CHURN = 19,
    SRC_PICK_CUSTOMER = 20,
    SRC_LEAD_TIME_MORE = 21,                            /* ... up to SRC_LEAD_TIME_MORE + MAX_PRODUCTS - 2 */
    SRC_REGION = SRC_LEAD_TIME_MORE + MAX_PRODUCTS - 1, /* an order's region (locations) */
    SRC_HISTORY,                                        /* the days a bootstrap draws */
    SRC_INQUIRY,                                        /* when customers call to ask where their order is */
    SRC_INQUIRY_TIME,                                   /* how long a clerk spends on one such call */
    SRC_ABANDON,                                        /* orders given up in a hard ordering channel */
    SRC_QUANTITY,                                       /* which customers take a quantity discount */
    /* after the sale (returns, complaints): reserved here so that the features landing side by side
       keep these numbers */
    SRC_RETURN_SHARE,   /* which delivered orders the customer sends back */
    SRC_RETURN_TRANSIT, /* days from delivery to arrival back at the warehouse */
    SRC_RESTOCK,        /* which returned units go back on the shelf */
    SRC_COMPLAINT,      /* which disappointed customers complain */
    SRC_RECOVERY,       /* whether a handled complaint wins the customer back */
    SRC_RECOVERY_DAYS,  /* how long handling a complaint takes */
    /* the outside supplier (models/supplier.c): stock point p uses source + p */
    SRC_SUPPLIER_UP_DOWN,                                   /* its up and down periods ... */
    SRC_SUPPLY_YIELD = SRC_SUPPLIER_UP_DOWN + MAX_PRODUCTS, /* the share of each order that arrives ... */
    SRC_COUNT = SRC_SUPPLY_YIELD + MAX_PRODUCTS
};

/* Bookkeeping totals of one replication, summed over products, for conservation
 * tests and diagnostics. */
struct model_totals {
    /* in the statistics window */
    double demanded, filled_now, backordered, lost, substituted;
    uint64_t allocations, delivered, dropped, placed;
    double units_ordered;                   /* units ordered from the outside supplier */
    double units_never_delivered;           /* ... of them, units its random yield never delivered (not bought) */
    double goods_issued_cost;               /* unit cost of the units that left stock, less those customers
                                               sent back onto the shelf: purchases less the increase in
                                               stock value come to this (a bookkeeping check) */
    double units_issued;                    /* units that left stock for customers */
    double units_returned, units_restocked; /* customer returns back at the warehouse */
    /* whole run */
    double stock_initial, stock_ordered, stock_received, stock_issued, stock_restocked, stock_final;
    double stock_never_delivered; /* ordered, closed short by the supplier's yield: never to be received */
    double on_order_final, backordered_final, waiting_units_final;
    double stock_refused;         /* replenishment units refused at arrival (storage_capacity) */
    double largest_replenishment; /* the largest replenishment order placed (max_order_units) */
    size_t peak_orders_in_flight;
    uint64_t events;
    uint64_t instant_orders; /* orders filled or lost the moment they were placed, by the
                                fast path, since the warm-up */
    /* the backlog at the middle of the statistics window and at its end: orders in the
       system (customer orders not yet delivered or dropped, replenishment orders not
       yet received) and units on backorder; a backlog that grows between the two
       is the sign of a system that never settles */
    size_t orders_in_system_mid, orders_in_system_final;
    double backordered_mid;
};

/* What a traced replication records, for charts: every order-cycle time and every
 * change of stock level in the statistics window. Memory grows with the horizon, so
 * only one replication is traced, and only when a chart asks for it; each record
 * stops at `limit` entries (its own truncated flag is then set: the orders of a long run
 * may fill their record while its stock changes still fit). */
struct level_point {
    double t, on_hand, backordered, position;
};

struct customer_point {
    double t, active;
    double stage[STAGES]; /* active customers per stage of the loyalty ladder */
};

struct model_trace {
    size_t limit;
    size_t stock; /* the stock point whose levels are recorded: a location's index with
                     locations, else a product's; 0 (the first) unless the caller sets it
                     after model_trace_init */
    double *cycle;
    size_t ncycle, cap_cycle;
    struct level_point *levels;
    size_t nlevels, cap_levels;
    struct customer_point *customers; /* with a customer base: active customers over time */
    size_t ncustomers, cap_customers;
    bool cycle_truncated, levels_truncated, customers_truncated;
};

void model_trace_init(struct model_trace *t, size_t limit);
void model_trace_fini(struct model_trace *t);

/* Run replication `rep` of cfg (master seed cfg->run.seed) and write
 * metric_count(cfg) values into metrics (models/metrics.h). totals may be NULL. stop may be NULL; when it becomes
 * non-zero the run ends early and the function returns 1. Returns 0 otherwise. */
int model_run(const struct model_config *cfg, uint64_t rep, double *metrics, struct model_totals *totals,
              const atomic_int *stop);

/* model_run, recording into trace (borrowed) as well. */
int model_run_traced(const struct model_config *cfg, uint64_t rep, double *metrics, struct model_totals *totals,
                     const atomic_int *stop, struct model_trace *trace);

/* What a caller may watch of one replication. Every field is optional (NULL); all
 * are borrowed. */
struct model_watch {
    const atomic_int *stop; /* when it becomes non-zero the run ends early */
    /* called every few thousand events, from the thread running the replication, with
       the share of the run's simulated time done so far, in [0, 1] */
    void (*progress)(void *ctx, double done);
    void *progress_ctx;
    struct model_totals *totals;
    struct model_trace *trace;
    /* for tests of the short cuts (models/fastpath.h): take the general path for every
       order, keep every event of the order cycle on the event list's heap (no lanes or
       calendars, sim/sim.h) and run the handlers' general instances, not the lean ones
       (struct model's lean, models/model_internal.h), which must give the same metrics
       bit for bit */
    bool general_path;
    /* with [contract] targets: contract_periods(&cfg->contract, horizon) * ntargets
       doubles (models/contract.h), period-major: each whole period's value of each
       target, NaN where the period had nothing to count */
    double *contract_periods;
};

/* model_run with everything a caller may watch; w may be NULL. Returns 1 if stopped. */
int model_run_watched(const struct model_config *cfg, uint64_t rep, double *metrics, const struct model_watch *w);

/* Lines an order of this scenario can have: one per product, at most MAX_LINES (what
 * its orders have room for, models/order.h). */
size_t model_order_room(const struct model_config *cfg);

#endif
