/* fastpath.h - which scenario features the model's short cuts support: an allow-list.
 *
 * The model (models/model.c) has one general path, where every order has a record and
 * goes through every stage, and two short cuts that must give the same metrics bit for
 * bit (tests/test_models.c checks it over every scenario file):
 *   - the instant path (place_instant): an order that meets no order-cycle stage is
 *     filled, or lost, the moment it is placed, with no order record;
 *   - plain arrivals (on_plain_arrival): orders of one tier at an unshaped rate, all
 *     on the instant path, placed by a loop that skips the general arrival handler.
 * A scenario takes a short cut only when every feature it uses is on that short cut's
 * allow-list (fastpath_rows). A new per-order feature gets a row here and a test in
 * fastpath_in_use; until its row says otherwise it keeps every scenario that uses it
 * on the general path. As a second guard, a scenario that reports metrics of a kind
 * (models/metrics.h, enum metric_feature) that no feature in use accounts for takes
 * the general path too (fastpath_unlisted).
 * Knows the configuration only; no state, no globals.
 */
#ifndef MODELS_FASTPATH_H
#define MODELS_FASTPATH_H

#include "config.h"

#include <stdbool.h>

/* Features of a scenario that bear on how one order is handled. */
enum fastpath_feature {
    FP_PRODUCTS,     /* several products: orders of several lines */
    FP_LINES_ONE,    /* lines_per_order above 1 with a single named product: still one line */
    FP_TIERS,        /* several customer tiers */
    FP_CHANNELS,     /* ordering channels (their own transmission, entry errors, abandonment) */
    FP_CUSTOMERS,    /* a customer base: orders come from customers who may leave */
    FP_LOCATIONS,    /* stocking locations and regions */
    FP_TRANSMISSION, /* a transmission time */
    FP_PROCESSING,   /* an order-processing stage (clerks or a delay) */
    FP_PICKING,      /* a picking stage (pickers or a delay) */
    FP_DELIVERY,     /* a delivery time */
    FP_QUALITY,      /* picking errors or damage in transit: orders come back */
    FP_EXPEDITE,     /* expedited deliveries */
    FP_INQUIRIES,    /* customers call about orders they cannot track */
    FP_SHAPE,        /* a demand rate that varies over time (weekdays, a curve) */
    FP_PEAK_SHIFT,   /* orders moved off peak days for a discount */
    FP_QUANTITY,     /* orders gathered into larger ones for a quantity discount */
    FP_HISTORY,      /* demand replayed or bootstrapped from a history */
    FP_REACTIONS,    /* customers react to a stockout (shortage = react) */
    FP_LATE_PRICE,   /* the price falls with lateness */
    FP_STOCK,        /* some stock point holds stock (its policy is not none) */
    FP_RETURNS,      /* customer returns: delivered goods come back later */
    FP_CONTRACT,     /* a service contract: periods reviewed (the fast path's counts are folded at each period's end) */
    FP_SUPPLIER,     /* an outside supplier with capacity, disruptions or a yield (models/supplier.h): it acts
                        on replenishment orders only, which both paths place alike */
    FP_STORAGE,      /* a storage capacity: stock_sell keeps the time above it; refusals happen at receipts */
    FP_COUNT
};

/* The short cuts. */
enum fastpath_kind {
    FASTPATH_INSTANT, /* place_instant */
    FASTPATH_PLAIN,   /* on_plain_arrival (implies the instant path) */
    FASTPATH_KINDS
};

struct fastpath_row {
    const char *name;             /* "several products" */
    bool allowed[FASTPATH_KINDS]; /* the short cut supports the feature */
    unsigned metric_features;     /* the metric_feature bits (models/metrics.h) it accounts for */
};

/* One row per feature, indexed by enum fastpath_feature. */
extern const struct fastpath_row fastpath_rows[FP_COUNT];

/* The features c uses: bit f for enum fastpath_feature f. */
unsigned fastpath_in_use(const struct model_config *c);

/* metric_features(c) bits that no feature in use accounts for: 0 for every scenario
 * the table knows how to describe. */
unsigned fastpath_unlisted(const struct model_config *c);

/* May every order of c take the short cut `kind`? Only when every feature in use is
 * on its allow-list and nothing in use is unlisted. */
bool fastpath_allows(const struct model_config *c, enum fastpath_kind kind);

#endif
