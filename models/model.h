/* model.h - one replication of the order cycle and inventory of SPEC §4.
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
    SRC_LEAD_TIME = 6,
    SRC_COUNT
};

/* Bookkeeping totals of one replication, for conservation tests and diagnostics. */
struct model_totals {
    /* in the statistics window */
    double demanded, filled_now, backordered, lost;
    uint64_t allocations, delivered, dropped, placed;
    /* whole run */
    double stock_initial, stock_ordered, stock_received, stock_issued, stock_final;
    double on_order_final, backordered_final, waiting_units_final;
    size_t peak_orders_in_flight;
    uint64_t events;
};

/* Run replication `rep` of cfg (master seed cfg->run.seed) and write METRIC_COUNT
 * values into metrics. totals may be NULL. stop may be NULL; when it becomes
 * non-zero the run ends early and the function returns 1. Returns 0 otherwise. */
int model_run(const struct model_config *cfg, uint64_t rep, double *metrics,
              struct model_totals *totals, const atomic_int *stop);

#endif
