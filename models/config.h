/* config.h - a scenario as the model sees it: plain data, zero-initialisable. Times in
 * days, quantities in units, money in one currency unit. Filled and validated by
 * reader/; the model trusts it and asserts only what would be a bug.
 *
 * Ownership: a configuration owns its named sections' arrays (products, tiers,
 * channels, locations, regions), counted and on the heap, so it is as big as the
 * scenario it holds. Copy one with model_config_copy, never with `=` (the copy would
 * share the arrays); release it with model_config_fini. Everything else it points
 * to (policies, discrete tables, a demand history) is immutable and outlives it.
 */
#ifndef MODELS_CONFIG_H
#define MODELS_CONFIG_H

#include "sim/dist.h"

#include <stdbool.h>
#include <stdint.h>

struct policy_type; /* models/policy.h */

enum {
    MAX_PRODUCTS = 250,
    MAX_TIERS = 8,
    MAX_CHANNELS = 8,
    MAX_LINES = 16, /* order lines per order */
    MAX_CURVE_POINTS = 32,
    NAME_LEN = 32,
    MAX_LOCATIONS = 16,
    MAX_REGIONS = 32,
    MAX_OPEN_CHANGES = 32, /* points of a location schedule */
};

struct run_config {
    double horizon_days; /* statistics window length */
    double warmup_days;  /* simulated first, then statistics reset */
    unsigned replications;
    uint64_t seed;
};

/* Demand from a history: `replay` plays the recorded days in order (the statistics
 * window starts at the history's first day; the warm-up plays its last days; the
 * history repeats when the run is longer), `bootstrap` draws each day at random from
 * the recorded days, `fit` draws from distributions fitted to it (the reader sets
 * interarrival_days and units_per_order; the model then treats it as any other, except
 * that the first gap comes from the residual-life distribution: the process is in
 * equilibrium from time 0, as the history was), `block_bootstrap` plays runs of
 * consecutive recorded days, each run starting at a recorded day drawn at random
 * (a moving-block bootstrap: it keeps the autocorrelation within a run),
 * `weekday_bootstrap` draws simulated day j from the recorded days k with
 * k = j (mod 7), the weekday a replay gives it (it keeps the weekly pattern). A weekly
 * or monthly history's `bootstrap` draws whole periods and plays their days in order:
 * its days are a period's total spread evenly, so drawing them one by one would lose
 * the variation between periods. */
enum history_mode {
    HISTORY_OFF,
    HISTORY_REPLAY,
    HISTORY_BOOTSTRAP,
    HISTORY_FIT,
    HISTORY_BLOCK_BOOTSTRAP,
    HISTORY_WEEKDAY_BOOTSTRAP
};

/* The modes that play the recorded days (all but off and fit). */
static inline bool history_plays_days(enum history_mode m)
{
    return m != HISTORY_OFF && m != HISTORY_FIT;
}

/* A demand history as the model plays it: days 0..ndays-1, each with its orders (a
 * day's total is one order). Immutable and shared by every copy of a configuration. */
struct demand_history {
    size_t ndays, norders;
    const size_t *first; /* ndays + 1 entries: day k's orders are first[k] .. first[k+1]-1 */
    const double *at;    /* each order's time of day, in [0, 1) */
    const double *units; /* each order's units, > 0 */
    double total_units;
    size_t block_days; /* block_bootstrap's automatic block length (sim/series.h) */
    /* a weekly or monthly history (history_period): its periods' days, period k being days
       period_first[k] .. period_first[k+1]-1 (nperiods + 1 entries); NULL and 0 for days */
    const size_t *period_first;
    size_t nperiods;
};

struct demand_config {
    enum history_mode history_mode;
    const struct demand_history *history; /* borrowed (the reader owns it for the life of
                                             the process); with the modes that play days */
    unsigned history_block_days;          /* block_bootstrap's block length; 0: the history's
                                             automatic one (block_days) */
    struct dist interarrival_days;        /* gap between orders (exponential for a rate) */
    bool has_first_order;
    double first_order_days;     /* time of the first order, if has_first_order */
    struct dist units_per_order; /* units of one order line (the whole order with one product) */
    struct dist lines_per_order; /* products on one order (rounded, at least 1) */
    /* the shape of demand over time; a Poisson rate only (thinning) */
    bool has_weekday;
    double weekday[7]; /* multipliers Monday..Sunday (day 0 is a Monday), mean 1 */
    size_t ncurve;     /* piecewise-linear multiplier over time (life cycle, season) */
    double curve_days[MAX_CURVE_POINTS], curve_factor[MAX_CURVE_POINTS];
    /* peak smoothing: a share of the orders placed on peak weekdays (multiplier > 1)
       moves to the next off-peak day for a discount */
    double peak_shift_share, peak_discount;
    /* quantity discounts: a share of the orders come from customers who, for a price
       reduction, order `quantity_discount_factor` times as much each time and as many
       times less often; each such order is the k orders they would have placed, so the
       units per day stay the same (one product; demand at a rate) */
    double quantity_discount_share, quantity_discount;
    unsigned quantity_discount_factor;
};

/* One order-cycle stage served by `servers` clerks in FIFO order (0: unlimited,
 * a pure delay). */
struct stage_config {
    struct dist days;
    unsigned servers;
};

enum expedite_rule { EXPEDITE_NEVER, EXPEDITE_BACKORDERED, EXPEDITE_LATE, EXPEDITE_BOTH };

struct order_cycle_config {
    struct dist transmission_days;
    struct stage_config processing;
    struct stage_config picking;
    struct dist delivery_days;
    bool has_promise;
    double promise_days;
    /* system accuracy and transport: a wrong or damaged order comes back and is sent again */
    double picking_error_rate; /* an order picked wrong (wrong product or quantity) */
    double damage_rate;        /* an order damaged in transit */
    struct dist return_days;   /* the customer reports and returns it */
    /* expediting: a faster, dearer delivery */
    enum expedite_rule expedite;
    struct dist expedite_delivery_days;
    /* order information: a customer who cannot see the order's status online calls to
       ask about it, at this rate per day while it is on its way (placed, not yet
       delivered); each call takes inquiry_days of a processing clerk's time, in the
       order-processing queue */
    double inquiries_per_order_day;
    struct dist inquiry_days;
    bool status_visible; /* without channels: customers can track orders online */
};

/* SHORTAGE_REACT: each customer who meets an empty shelf reacts as
 * struct reaction_config says. */
enum shortage_rule { SHORTAGE_BACKORDER, SHORTAGE_LOST_SALE, SHORTAGE_REACT };

/* What a full shelf does with replenishment units beyond its storage capacity
 * (models/stock.c, stock_receive): refuse them at the dock (not bought; from another
 * location, sent back there), or keep them at an overflow cost per unit and day. */
enum storage_overflow { STORAGE_REFUSE, STORAGE_COST };

struct inventory_config {
    const struct policy_type *policy;
    double review_days;       /* 0: continuous review */
    double first_review_days; /* periodic review: the first review's time (then every review_days) */
    double reorder_point, order_quantity, order_up_to;
    struct dist lead_time_days;
    double initial_on_hand;
    enum shortage_rule shortage;
    double reserve_units; /* the last units on hand are kept for the top-priority tier */
    /* the outside supplier of this stock point (models/supplier.h); every one off when
       zero, as before the supplier had a model: a stock point replenished by another
       location ignores them */
    double supplier_capacity_per_day; /* units it makes a day, orders first come first served; 0: no limit */
    struct dist supplier_up_days;     /* up periods (type NULL: never down) */
    struct dist supplier_down_days;   /* down periods, given with supplier_up_days */
    struct dist supply_yield;         /* share of an order that arrives, in [0, 1] (type NULL: all of it) */
    /* capacity: 0 is off (an unlimited shelf, orders of any size) */
    double storage_capacity;                /* units the shelf holds */
    enum storage_overflow storage_overflow; /* what happens to replenishment units beyond it */
    double overflow_per_unit_day;           /* cost of each unit above the capacity, per day */
    double max_order_units;                 /* a larger replenishment order is cut to this */
};

/* Does the outside supplier of a stock point with these keys ever fail to deliver an
   order in full and on time (disruptions or a yield)? Capacity is not a disruption. */
static inline bool supplier_disrupted(const struct inventory_config *inv)
{
    return inv->supplier_up_days.type || inv->supply_yield.type;
}

/* Does the outside supplier of a stock point with these keys need models/supplier.c? */
static inline bool supplier_modelled(const struct inventory_config *inv)
{
    return inv->supplier_capacity_per_day > 0 || supplier_disrupted(inv);
}

struct cost_config {
    double holding_per_unit_day;
    double order_fixed, order_per_unit;
    double backorder_per_unit_day, backorder_per_unit;
    double lost_sale_per_unit;
    double processing_per_server_day, picking_per_server_day; /* staff */
    double wrong_shipment_per_order;                          /* handling a wrong order: return, re-pick, re-ship */
    double damage_per_order;   /* handling a damaged order (the goods are written off too) */
    double expedite_per_order; /* extra for an expedited delivery */
};

struct revenue_config {
    double price_per_unit;
    double late_zero_days; /* > 0: price falls linearly from full at the promise to 0 this
                              many days later */
};

/* Customer returns (reverse logistics): a customer sends back a good order it no longer
 * wants. Not the wrong or damaged orders of the perfect-order model (order_cycle's
 * return_days), which come back to be sent again. A delivered order line comes back
 * with probability share + share_lift x refund_share, days after delivery, to the stock
 * that shipped it; restock_share of its units go back on the shelf, the rest are
 * scrapped; refund_share of the price paid is refunded; each line that comes back costs
 * cost_per_order. share and share_lift 0: no returns (returns_in_use). The lifts
 * are [returns]'s only: demand is multiplied by 1 + demand_lift x refund_share (the
 * reader scales a rate; the model scales a customer base's order rate). */
struct returns_config {
    double share;         /* of delivered order lines */
    struct dist days;     /* delivery -> back at the warehouse */
    double restock_share; /* of the units that come back */
    double cost_per_order;
    double refund_share; /* of the price paid */
    double demand_lift, share_lift;
};

/* Bits of channel_config.returns_own: which [returns] keys the channel gives itself
 * (a channel's own value beats its product's, which beats [returns]'s). */
enum returns_key_bit {
    RETURNS_OWN_SHARE = 1 << 0,
    RETURNS_OWN_DAYS = 1 << 1,
    RETURNS_OWN_RESTOCK = 1 << 2,
    RETURNS_OWN_COST = 1 << 3,
    RETURNS_OWN_REFUND = 1 << 4,
};

/* One product: its own stock, policy, costs and price. Without [product.*] sections
 * the model uses one implicit product made of the global [inventory], [costs] and
 * [revenue] keys. */
struct product_config {
    char name[NAME_LEN];
    double share; /* weight in the mix of order lines */
    struct inventory_config inventory;
    struct cost_config costs; /* the per-unit and per-order stock costs apply */
    double price_per_unit;
    int substitute;                /* index of the product offered instead, or -1 */
    struct returns_config returns; /* [returns]'s, or this product's own */
};

/* Stocking locations (warehouses) and the regions whose demand they serve. Without
 * [location.*] sections there is one implicit location holding the [inventory] stock
 * and serving every order, exactly as before locations existed. */

/* What a location does when its own stock cannot fill an order line. */
enum when_short {
    WHEN_SHORT_WAIT,        /* the [inventory] shortage rule at the location (backorder, lost sale, react) */
    WHEN_SHORT_SHIP_DIRECT, /* the nearest open location with the units ships them to the customer */
    WHEN_SHORT_TRANSSHIP,   /* the nearest open location with the units sends them here first */
};

struct location_config {
    char name[NAME_LEN];
    struct inventory_config inventory;
    double holding_per_unit_day, order_fixed;
    double fixed_per_day;                /* the cost of keeping the location open */
    double transfer_days[MAX_LOCATIONS]; /* to move stock to location j (0 to itself) */
    /* the location that replenishes this one, as its index + 1 (so that 0, the zeroed
       default, is the outside supplier); see location_upstream, models/network.h */
    int replenished_from;
    /* an upstream location sees the end-customer demand of the locations below it:
       a continuous-review policy judges their positions with its own (models/echelon.c) */
    bool share_demand;
    /* the policy judges the echelon inventory position: this location's position plus
       those of every location below it (models/echelon.c, echelon_position) */
    bool echelon_basis;
};

struct region_config {
    char name[NAME_LEN];
    double share;              /* of the orders */
    int home;                  /* the location that serves it while open */
    struct dist delivery_days; /* from its home; from another location, plus the transfer days */
};

struct network_config {
    enum when_short when_short;
    double transfer_per_unit;     /* cost of each unit transshipped between locations */
    double ship_direct_per_order; /* extra cost of an order shipped from a location not its home */
    /* how many locations are open (the first in file order) from each change day on;
       one change at day 0 when the number never changes */
    size_t nchanges;
    double change_days[MAX_OPEN_CHANGES];
    unsigned open_count[MAX_OPEN_CHANGES];
};

/* A class of customers. Without [tier.*] sections, one implicit tier. */
struct tier_config {
    char name[NAME_LEN];
    double share; /* of orders; with a customer base, of new customers */
    int priority; /* higher is served first in queues and for scarce stock */
    bool has_units;
    struct dist units_per_order; /* instead of [demand]'s, if has_units */
    double price_factor;         /* multiplies every price (1: list price) */
    bool has_promise;
    double promise_days; /* instead of [order_cycle]'s, if has_promise */
    bool always_expedite;
    /* with a customer base */
    double orders_per_customer_day;
    unsigned defect_failures, defect_window; /* leave after k failed of the last m orders */
    double churn_per_day;                    /* leaving for other reasons */
    /* with a loyalty ladder: what this tier's customers expect (days from order to
       delivery): the tier's own, else [loyalty]'s, else the promise */
    double expectation_days;
    bool has_expectation;
};

/* How orders reach the supplier. Without [channel.*] sections, [order_cycle]'s
 * transmission_days applies. */
struct channel_config {
    char name[NAME_LEN];
    double share;
    struct dist transmission_days;
    double entry_error_rate; /* the order is keyed in wrong and shipped wrong */
    double cost_per_order;
    double abandon_rate;           /* ease of ordering: orders given up before they reach the supplier */
    bool status_visible;           /* customers ordering here can track their orders online */
    struct returns_config returns; /* where returns_own says so, instead of the product's */
    unsigned returns_own;          /* enum returns_key_bit */
    /* with a loyalty ladder: what an order placed here is expected to take, if given
       (instead of its tier's expectation) */
    double expectation_days;
    bool has_expectation;
};

/* What a customer does on meeting a stockout (Gruen, Corsten & Bharadwaj 2002). */
struct reaction_config {
    double elsewhere, substitute, wait, cancel; /* shares, summing to 1 */
};

/* A customer base that grows by acquisition and shrinks by churn and defection. */
struct customer_config {
    bool on;
    double initial;
    double acquisition_per_day, acquisition_cost;
    /* defaults for every tier */
    double orders_per_customer_day, churn_per_day;
    unsigned defect_failures, defect_window;
};

/* A service contract (B2B, [contract]): service targets reviewed over periods of
 * period_days from the start of the statistics window, and the penalties a missed
 * target costs (models/contract.h). ntargets = 0: no contract. */
enum { CONTRACT_TARGETS_MAX = 8 };
struct contract_target {
    int metric;    /* a base metric (enum metric, models/metrics.h) that contract_metric_allowed accepts */
    bool at_most;  /* value <= target is met (a rate where less is better), else value >= target */
    double target; /* a share in [0, 1] */
};
struct contract_config {
    double period_days;
    size_t ntargets;
    struct contract_target targets[CONTRACT_TARGETS_MAX];
    double penalty_per_point;         /* money per percentage point of shortfall, per target and period */
    double penalty_per_missed_period; /* money per period that missed any target */
};

/* The loyalty ladder (models/loyalty.h): stages new -> satisfied -> loyal. */
enum loyalty_stage { STAGE_NEW, STAGE_SATISFIED, STAGE_LOYAL, STAGES };

struct loyalty_config {
    bool on;                 /* a [loyalty] section */
    double expectation_days; /* default for the tiers, if has_expectation; else the promise */
    bool has_expectation;
    double tolerance_days; /* an order within this of the expectation meets it */
    double weight;         /* w: score <- (1 - w) score + w x, x = -1, 0, +1 */
    double climb_above;    /* a score above this after an order: one stage up */
    double fall_below;     /* ... below this: one stage down */
    double orders_factor[STAGES], churn_factor[STAGES], price_factor[STAGES]; /* [STAGE_NEW] = 1 */
};

/* Complaints and their recovery (models/loyalty.h), with a loyalty ladder. */
struct complaint_config {
    bool on;                   /* a [complaints] section */
    double share;              /* of the orders below expectation whose customer complains */
    double budget_per_day;     /* the complaints desk's cost a day, spent in full */
    double cost_per_complaint; /* what handling one uses of the day's budget; 0: no limit */
    struct dist recovery_days;
    double recovery_share;         /* of handled complaints that win the customer back */
    double unhandled_defect_share; /* of customers whose complaint goes unhandled who leave */
};

/* The named sections' arrays: each is n elements on the heap (NULL when n is 0), at
 * most MAX_PRODUCTS, MAX_TIERS ... (the reader enforces the limits). */
struct model_config {
    struct run_config run;
    struct demand_config demand;
    struct order_cycle_config order_cycle;
    struct inventory_config inventory;
    struct cost_config costs;
    struct revenue_config revenue;
    size_t nproducts, ntiers, nchannels; /* 0: the implicit single product / tier, no channels */
    struct product_config *products;
    struct tier_config *tiers;
    struct channel_config *channels;
    struct reaction_config reactions;
    struct customer_config customers;
    struct loyalty_config loyalty;
    struct complaint_config complaints;
    size_t nlocations, nregions; /* 0: the implicit single location */
    struct location_config *locations;
    struct region_config *regions;
    struct network_config network;
    struct returns_config returns;
    struct contract_config contract;
};

/* Can any order line come back (customer returns, struct returns_config)? A share, or
 * a share that the refund lifts (share_lift), above 0 somewhere. */
static inline bool returns_in_use(const struct model_config *c)
{
    bool on = c->returns.share > 0 || c->returns.share_lift > 0;
    for (size_t p = 0; p < c->nproducts; p++) on |= c->products[p].returns.share > 0;
    for (size_t ch = 0; ch < c->nchannels; ch++)
        on |= (c->channels[ch].returns_own & RETURNS_OWN_SHARE) && c->channels[ch].returns.share > 0;
    return on;
}

/* The owned arrays, for code that treats them alike (copying, patching, growing). */
enum config_array { CONFIG_PRODUCTS, CONFIG_TIERS, CONFIG_CHANNELS, CONFIG_LOCATIONS, CONFIG_REGIONS, CONFIG_ARRAYS };

/* One owned array of c: its elements, how many, and the size of one. */
struct config_array_view {
    void *data;
    size_t n, size;
};

struct config_array_view model_config_array(const struct model_config *c, enum config_array a);

/* Resize array a of c to n elements; elements added are zeroed. Aborts when memory
 * runs out (as every allocation in servlab does). Pointers into the array are invalid
 * afterwards. */
void model_config_resize(struct model_config *c, enum config_array a, size_t n);

/* *dst becomes a deep copy of *src (dst holds nothing that needs releasing: zeroed,
 * or released). */
void model_config_copy(struct model_config *dst, const struct model_config *src);

/* Zero c's array addresses and counts without freeing anything: for a byte copy of a
 * configuration that does not own the arrays (comparing what lies outside them). */
void model_config_detach(struct model_config *c);

/* Free c's arrays and zero their counts and pointers; the rest of c is left as it was.
 * Safe on a zeroed configuration and twice in a row. */
void model_config_fini(struct model_config *c);

#endif
