/* metrics.h - every metric a replication reports, as one const table: its name (fixed
 * by SPEC §5, used in CSV files and on the command line), a label for the report, the
 * report group it sits in and how to show it. A replication yields one double per
 * metric; NaN means "no value" (a rate with nothing to count, a stage not modelled).
 */
#ifndef MODELS_METRICS_H
#define MODELS_METRICS_H

#include <stddef.h>

enum metric {
    /* service */
    M_FILL_RATE,
    M_ORDER_FILL_RATE,
    M_STOCKOUT_RATE,
    M_CYCLE_SERVICE_LEVEL,
    M_LOST_SALES_RATE,
    M_ON_TIME_RATE,
    M_PERFECT_ORDER_RATE,
    /* order cycle */
    M_ORDER_CYCLE_MEAN,
    M_ORDER_CYCLE_P50,
    M_ORDER_CYCLE_P95,
    M_ORDER_CYCLE_P99,
    M_CYCLE_TRANSMISSION,
    M_CYCLE_PROCESSING,
    M_CYCLE_STOCK_WAIT,
    M_CYCLE_PICKING,
    M_CYCLE_DELIVERY,
    M_PROCESSING_UTILISATION,
    M_PICKING_UTILISATION,
    /* inventory */
    M_MEAN_ON_HAND,
    M_MEAN_BACKORDERS,
    M_MEAN_ON_ORDER,
    M_TIME_OUT_OF_STOCK,
    M_REPLENISHMENTS_PER_DAY,
    M_REORDER_UNDERSHOOT,
    /* demand */
    M_ORDERS_PER_DAY,
    M_UNITS_PER_DAY,
    /* money */
    M_COST_HOLDING,
    M_COST_ORDERING,
    M_COST_PURCHASE,
    M_COST_STAFF,
    M_COST_SHORTAGE,
    M_COST_TOTAL,
    M_REVENUE,
    M_PROFIT,
    METRIC_COUNT
};

enum metric_group {
    GROUP_SERVICE,
    GROUP_ORDER_CYCLE,
    GROUP_INVENTORY,
    GROUP_DEMAND,
    GROUP_MONEY,
    GROUP_COUNT
};

enum metric_kind {
    KIND_RATE,  /* a share in [0, 1], shown as a percentage */
    KIND_DAYS,  /* a time in days */
    KIND_SHARE, /* a utilisation in [0, 1], shown as a percentage */
    KIND_UNITS, /* a level in units */
    KIND_PER_DAY,
    KIND_MONEY_PER_DAY,
};

struct metric_def {
    const char *name;  /* fill_rate */
    const char *label; /* "Fill rate (units from stock)" */
    enum metric_group group;
    enum metric_kind kind;
};

extern const struct metric_def metric_defs[METRIC_COUNT];
extern const char *const metric_group_titles[GROUP_COUNT];

/* The metric called `name`, or -1. */
int metric_find(const char *name);

#endif
