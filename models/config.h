/* config.h - a scenario as the model sees it: plain data, zero-initialisable, copied
 * freely (a sweep copies it once per point). Times in days, quantities in units,
 * money in one currency unit. Filled and validated by scenarios/; the model trusts
 * it and asserts only what would be a bug.
 */
#ifndef MODELS_CONFIG_H
#define MODELS_CONFIG_H

#include "sim/dist.h"

#include <stdbool.h>
#include <stdint.h>

struct policy_type; /* models/policy.h */

struct run_config {
    double horizon_days; /* statistics window length */
    double warmup_days;  /* simulated first, then statistics reset */
    unsigned replications;
    uint64_t seed;
};

struct demand_config {
    struct dist interarrival_days; /* gap between orders (exponential for a rate) */
    bool has_first_order;
    double first_order_days; /* time of the first order, if has_first_order */
    struct dist units_per_order;
};

/* One order-cycle stage served by `servers` clerks in FIFO order (0: unlimited,
 * a pure delay). */
struct stage_config {
    struct dist days;
    unsigned servers;
};

struct order_cycle_config {
    struct dist transmission_days;
    struct stage_config processing;
    struct stage_config picking;
    struct dist delivery_days;
    bool has_promise;
    double promise_days;
};

enum shortage_rule { SHORTAGE_BACKORDER, SHORTAGE_LOST_SALE };

struct inventory_config {
    const struct policy_type *policy;
    double review_days; /* 0: continuous review */
    double reorder_point, order_quantity, order_up_to;
    struct dist lead_time_days;
    double initial_on_hand;
    enum shortage_rule shortage;
};

struct cost_config {
    double holding_per_unit_day;
    double order_fixed, order_per_unit;
    double backorder_per_unit_day, backorder_per_unit;
    double lost_sale_per_unit;
    double processing_per_server_day, picking_per_server_day; /* staff */
};

struct revenue_config {
    double price_per_unit;
};

struct model_config {
    struct run_config run;
    struct demand_config demand;
    struct order_cycle_config order_cycle;
    struct inventory_config inventory;
    struct cost_config costs;
    struct revenue_config revenue;
};

#endif
