/* model_internal.h - private to models/: what the files of the model share (SQLite's
 * sqliteInt.h is the manner). Not for the layers above: they use models/model.h.
 *
 * struct model is one replication's state. The files of a replication:
 *   model.c          the run, the order cycle from placing to delivery, the fast path,
 *                    the warm-up reset and tracing;
 *   demand.c         where orders come from: arrivals, histories, the customer base;
 *   network.c        the stocking locations (models/network.h: the plain rules the
 *                    reader shares; below, the part of a replication that moves stock);
 *   model_metrics.c  the metrics and totals computed at the end of a replication.
 * The random draws every file makes are inline here, so the hot path costs no calls.
 */
#ifndef MODELS_MODEL_INTERNAL_H
#define MODELS_MODEL_INTERNAL_H

#include "customers.h"
#include "history_play.h"
#include "model.h"
#include "order.h"
#include "station.h"
#include "stock.h"
#include "sim/quantile.h"
#include "sim/rng.h"
#include "sim/sim.h"
#include "sim/stats.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum reaction { REACT_ELSEWHERE, REACT_SUBSTITUTE, REACT_WAIT, REACT_CANCEL, REACTIONS };

/* What happens to orders of one tier, counted since the warm-up reset (the orders that
 * ended: delivered and dropped). */
struct tier_flow {
    uint64_t placed, allocated, short_orders, delivered, dropped, on_time, perfect, defected;
    double demanded, filled_now, revenue;
    double cycle_sum; /* order-cycle days of the orders delivered */
    /* orders that took the fast path (place_instant), of them those short at
       allocation, those dropped with nothing to ship, and those delivered short:
       counted here and added to the other counts at the end (fold_instant) */
    uint64_t instant_placed, instant_short, instant_dropped, instant_short_delivered;
};

/* What happens to the orders of one region, counted since the warm-up reset. */
struct region_flow {
    uint64_t placed, allocated, from_home, delivered, promised, on_time;
    double demanded, filled, cycle_sum;
};

/* The loyalty ladder and complaints (models/loyalty.h), counted since the warm-up reset. */
struct loyalty_flow {
    uint64_t judged, better, worse; /* orders judged against the expectation */
    uint64_t complaints, handled, recovered, left_unhandled;
    double revenue[STAGES]; /* by the stage the customer stood at when ordering */
};

/* Recoveries under way (models/loyalty.c): a pool with a free list. */
struct recovery;
struct recovery_pool {
    struct recovery *all;
    size_t n, cap;
    uint32_t free; /* UINT32_MAX: none */
};

/* What happens to orders, counted since the warm-up reset. placed, allocated,
 * short_orders, delivered, promised, on_time and perfect are the sums of the tiers'
 * counts (promised: the delivered orders of the tiers with a promise), set by
 * model_fold_instant before any of them is read; the handlers count them per tier only.
 * So are undamaged, accurate and otif, from the delivered orders that were not
 * (damaged_delivered, inaccurate_delivered) and the perfect ones: a lean model's
 * delivery (models/model.c) counts none of the three. */
struct flow {
    uint64_t placed;
    double units_placed;
    uint64_t allocated, short_orders;
    uint64_t lines; /* allocated: the stocks' counts.lines summed (model_fold_instant) */
    uint64_t short_lines;
    uint64_t delivered, promised, on_time, perfect, dropped;
    uint64_t in_full, undamaged, accurate, otif, wrong, damaged, expedited, shifted;
    /* delivered orders damaged, wrong, and on time and in full but one of those (not
       perfect): the handlers' counts the three above are made of (model_fold_instant) */
    uint64_t damaged_delivered, inaccurate_delivered, otif_flawed;
    uint64_t inquiries, abandoned, quantity_orders;
    double inquiry_busy; /* clerk days spent on the status inquiries answered */
    uint64_t reactions[REACTIONS], reacted_lines;
    double units_at_list[MAX_PRODUCTS]; /* units delivered, to be paid at list price */
    double price_adjustment;            /* tier prices, discounts and late-delivery losses */
    double revenue_lost_late, discounts, quantity_discounts, errors_cost, expedite_cost, channel_cost;
    /* sums of days over delivered orders (means are sum / delivered): plain sums are the
       cheapest thing on the hot path, and only means are reported */
    double cycle_sum, peak_cycle_sum;
    double transmission_sum, processing_sum, stock_wait_sum, picking_sum, delivery_sum;
    uint64_t peak_delivered;
    uint64_t instant; /* orders that took the fast path, place_instant */
    struct tier_flow tiers[MAX_TIERS];
    /* locations */
    uint64_t rerouted, shipped_direct, transfers;
    double covered; /* units another location sent for a short line (when_short) */
    double units_transferred, transfer_cost;
    struct region_flow regions[MAX_REGIONS];
    /* customer returns, counted when the goods are back at the warehouse */
    double units_returned, units_restocked, refunds, returns_cost;
    struct loyalty_flow loyalty;
};

/* The counts the service rates of a stretch of time are computed from: since the
 * warm-up reset (model_service_counts), or over one contract period as the difference
 * of two such (service_counts_since). Units are summed over stock points; filled
 * counts the units other locations sent. */
struct service_counts {
    double demanded, filled, lost;
    uint64_t allocated, short_orders, lines, short_lines, promised, on_time;
    uint64_t delivered, dropped, perfect, in_full, undamaged, accurate, otif;
};

/* A contract's review during a replication (models/contract.c). */
struct contract_run {
    size_t nperiods, done;       /* whole periods in the window; closed so far */
    struct service_counts start; /* the counts when the current period began */
    double penalty;              /* the penalties of the periods closed */
    size_t missed;               /* periods closed that missed a target */
    /* per target: periods that missed it, periods with a value, the sum of the values
       and of their squares (the block contract.METRIC.*, models/metrics.h) */
    size_t target_missed[CONTRACT_TARGETS_MAX], target_n[CONTRACT_TARGETS_MAX];
    double target_sum[CONTRACT_TARGETS_MAX], target_sumsq[CONTRACT_TARGETS_MAX];
    double *values; /* borrowed, or NULL: each closed period's value of each target */
};

struct model {
    const struct model_config *cfg;
    struct sim *sim;
    gsl_rng *rng[SRC_COUNT];      /* created on first use */
    struct rng_mt *mt[SRC_COUNT]; /* rng[src]'s MT19937 state once it is made (rng_mt_of) */
    uint64_t rep;
    struct order_pool pool;
    size_t nproducts, ntiers;
    const struct product_config *products; /* cfg's, or the implicit one below */
    const struct tier_config *tiers;
    struct product_config implicit_product;
    struct tier_config implicit_tier;
    int top_priority;
    size_t nstocks; /* one per product, or one per location */
    struct stock stocks[MAX_PRODUCTS];
    double in_transit, in_transit_at_restart; /* units moving between locations' shelves: still owned */
    struct echelon_site *echelons;            /* per location, with replenished_from (models/echelon.c); else NULL */
    struct supplier *suppliers;               /* per stock point, with a supplier key (models/supplier.c); else NULL */
    bool open[MAX_LOCATIONS];                 /* which locations are open now */
    struct timeavg open_avg[MAX_LOCATIONS];   /* 1 while open */
    struct timeavg open_count_avg;
    double tier_shares[MAX_TIERS], region_shares[MAX_REGIONS]; /* for pick_weighted */
    /* a delivered order of the tier pays its list value unless shifted or a quantity
       discount's: price factor 1, no price for lateness, no loyalty ladder (earn) */
    bool tier_at_list[MAX_TIERS];
    /* per tier, chosen once per run (setup): whether it has a promise, and the order
       cycle within which a delivery is on time (its promise and 1e-9, or +inf) */
    bool tier_promise[MAX_TIERS];
    double tier_on_time_days[MAX_TIERS];
    int tier_priority[MAX_TIERS]; /* its orders' priority (placing) */
    /* a tier's units per order (units_per_order): its own, or demand's; chosen once per run */
    const struct dist *tier_units[MAX_TIERS];
    struct station processing, picking;
    bool skip_processing, skip_picking;
    /* the sim lanes of transmission and delivery when their delays keep order
       (constant), or -1: the heap (schedule_stage, model.c) */
    int transmission_lane, delivery_lane;
    bool instant;            /* every order may take the fast path, place_instant */
    bool instant_lost_sales; /* ... and it never waits for stock */
    bool inquiries;          /* customers call about orders they cannot track */
    /* a lean scenario (set once per run, model.c: is_lean): one product and none of the
       features the order cycle's handlers test per order (channels, locations, a weekday
       profile, peak shifting, quantity discounts, customers, errors and damage, express
       delivery, inquiries, returns, a trace). The hot handlers' bodies take it as a
       constant argument and are inlined twice, lean and general, so that the lean
       instance tests none of those features; false is always correct */
    bool lean;
    /* quantity discounts: per tier, the arrivals gathered into the next larger order */
    unsigned gathered[MAX_TIERS];
    double gathered_units[MAX_TIERS];
    /* on_plain_arrival's streams, and its units per order (the one tier's, or demand's) */
    gsl_rng *gaps_rng, *units_rng;
    const struct dist *units;
    unsigned features; /* metric_features(cfg) */
    bool shaped;       /* orders arrive by thinning a faster Poisson process */
    double shape_max;
    struct customer_base customers;
    sim_handle next_customer_order, next_churn;
    struct recovery_pool recoveries;
    double complaint_day, spent_today; /* the day (from time 0) and what its budget has paid */
    struct flow flow;
    struct contract_run contract; /* with [contract] targets */
    struct qsketch cycle_quantiles;
    struct model_trace *trace; /* optional */
    bool counting;             /* inside the statistics window */
    /* demand from a history: the next day on its clock, and the day being played */
    struct history_play history;
    double history_day_start;
    size_t history_next, history_end;
    /* customer returns (models/returns.c) */
    bool returns;                                /* returns_in_use(cfg) */
    double demand_factor;                        /* a customer base's order rates: 1 + demand_lift x refund_share */
    struct customer_return *free_returns;        /* records for reuse */
    struct customer_return_block *return_blocks; /* every record, freed at the end */
};

static inline struct model *model_of(struct sim *sim)
{
    return sim_owner(sim);
}

/* Days to move stock from location `from` to location `to`. */
static inline double transfer_days(const struct model *m, int from, int to)
{
    return m->cfg->locations[from].transfer_days[to];
}

/* num / den, or NaN when there is nothing to divide by (a metric with no value). */
static inline double ratio(double num, double den)
{
    return den > 0 ? num / den : NAN;
}

/* ---- random draws (every file of the model draws through these) ---- */

/* The generator of source src, created on first use (so a source never drawn from
 * makes none, and shifts no other source's numbers: docs/architecture.md §3). */
static inline gsl_rng *rng(struct model *m, enum rng_source src)
{
    if (!m->rng[src]) {
        m->rng[src] = rng_stream_new(m->cfg->run.seed, m->rep, (uint64_t)src);
        m->mt[src] = rng_mt_of(m->rng[src]);
    }
    return m->rng[src];
}

/* A standard exponential draw on stream src (rng_exponential1): once the stream is made,
 * from its MT19937 state at once, one load where rng and rng_exponential1 follow three
 * in a chain (the stream, its type and its state). */
static inline __attribute__((always_inline)) double exponential1(struct model *m, enum rng_source src)
{
    struct rng_mt *s = m->mt[src];
    return s ? rng_mt_exponential1(s) : rng_exponential1(rng(m, src));
}

/* exponential1, or when made (a constant in each caller) of a stream the caller knows is
 * made (models/model.c, make_lean_streams): no test of it. */
static inline __attribute__((always_inline)) double exponential1_of(struct model *m, enum rng_source src, bool made)
{
    return made ? rng_mt_exponential1(m->mt[src]) : exponential1(m, src);
}

/* A triangular draw from d on stream src (dist_triangular_sample), from its MT19937
 * state at once once the stream is made, as exponential1. */
static inline __attribute__((always_inline)) double triangular(struct model *m, const struct dist *d,
                                                               enum rng_source src)
{
    struct rng_mt *s = m->mt[src];
    return s ? dist_triangular_sample_mt(d, s) : dist_triangular_sample(d, rng(m, src));
}

/* A draw from d on stream src; made: a constant in each caller, true when the stream is
 * known to be made unless d is a constant (models/model.c, make_lean_streams), whose
 * draws then do not test it. A stage of constant 0 (the usual case) costs no call, nor
 * does an exponential, a triangular or a geometric (dist_sample_per_order). The
 * exponential is tested first: three of the default model's four stage draws are one;
 * then the triangular (its delivery), which so passes no test of a constant 0. */
static inline __attribute__((always_inline)) double draw_of(struct model *m, const struct dist *d, enum rng_source src,
                                                            bool made)
{
    const struct dist_type *t = d->type; /* read and tested once */
    if (t == &dist_type_exponential) return d->p[0] * exponential1_of(m, src, made);
    if (t == &dist_type_triangular) return made ? dist_triangular_sample_mt(d, m->mt[src]) : triangular(m, d, src);
    if (dist_is_zero_of(d, t)) return 0;
    return dist_sample_per_order_of(d, t, rng(m, src));
}

/* draw_of for any stream, made or not. */
static inline __attribute__((always_inline)) double draw(struct model *m, const struct dist *d, enum rng_source src)
{
    return draw_of(m, d, src, false);
}

/* dist_sample_per_order(d, rng(m, src)), the same numbers, the stream made even for a
 * constant (as there); an exponential, a triangular or a geometric from the stream's
 * MT19937 state at once once it is made. made: a constant in each caller, true when the
 * stream is known to be made (models/model.c, make_lean_streams), which is then not tested. */
static inline __attribute__((always_inline)) double sample_per_order(struct model *m, const struct dist *d,
                                                                     enum rng_source src, bool made)
{
    const struct dist_type *t = d->type;
    struct rng_mt *s = m->mt[src];
    if (!made && !s) return dist_sample_per_order(d, rng(m, src));
    if (t == &dist_type_exponential) return d->p[0] * rng_mt_exponential1(s);
    if (t == &dist_type_geometric) return dist_geometric_from(d, NULL, s);
    if (t == &dist_type_triangular) return dist_triangular_sample_mt(d, s);
    return dist_sample_per_order_of(d, t, m->rng[src]);
}

/* True with probability p, drawn from stream src only when p > 0. */
static inline bool chance(struct model *m, double p, enum rng_source src)
{
    return p > 0 && gsl_rng_uniform(rng(m, src)) < p;
}

/* An index drawn with probability proportional to weights[i] (n > 1). */
static inline size_t pick_weighted(struct model *m, const double *weights, size_t n, enum rng_source src)
{
    double total = 0;
    for (size_t i = 0; i < n; i++) total += weights[i];
    double u = gsl_rng_uniform(rng(m, src)) * total;
    for (size_t i = 0; i + 1 < n; i++) {
        if (u < weights[i]) return i;
        u -= weights[i];
    }
    return n - 1;
}

/* The distribution of units per order of tier `tier`: the tier's own, or demand's. */
static inline const struct dist *units_per_order(const struct model *m, int tier)
{
    return m->tier_units[tier];
}

/* ---- model.c ---- */

/* A new order of tier `tier` (from demand.c's arrivals); customer: its customer's index
 * in the base, or UINT32_MAX; shifted: moved off the peak; quantity: a larger order for
 * a quantity discount; given_units: its units (from a history, or gathered for a
 * quantity discount), or NaN to draw them. It may ask for nothing and be no order. */
void model_place_order(struct model *m, int tier, uint32_t customer, bool shifted, bool quantity, double given_units);

/* model_place_order(m, tier, UINT32_MAX, false, false, NAN): an order of no customer,
 * neither shifted nor a quantity discount's, its units drawn. The renewal process's
 * arrivals (demand.c's on_arrival) place every order of the general path this way; the
 * constants fold where model.c inlines the placing. */
void model_place_new_order(struct model *m, int tier);

/* The renewal process's arrival in a lean model whose arrivals are not thinned
 * (demand.c's lean_arrivals): demand.c's on_arrival with none of the thinning, the
 * deferring off the peak or the gathering, the gaps' stream made (demand_start); the next
 * arrival scheduled (demand_next_gap), then this one's order placed by the lean
 * instance of model_place_new_order, inline here (one handler where an arrival in
 * demand.c calling the placing in model.c saved and restored registers twice). */
void model_on_lean_arrival(struct sim *sim, void *ctx);

/* Start the fast path's arrivals at time `first` if the scenario allows them
 * (models/fastpath.h, FASTPATH_PLAIN): on_plain_arrival, demand.c's on_arrival and
 * model_place_order in one handler (kept in model.c with the place_instant it inlines).
 * False, having done nothing, when the scenario needs the general on_arrival. */
bool model_plain_arrivals(struct model *m, double first);

/* Active customers over the whole run, warm-up included, for the chart (when traced):
 * it shows how the base settles. */
void model_trace_customers(struct model *m);

/* A line waiting for stock has all it will get (a receipt, or a transshipment that
 * arrived): its order may now be settled (stock_filled_fn). */
void model_line_filled(struct sim *sim, struct order_line *l);

/* ---- demand.c ---- */

/* Start demand at time 0 (after setup, before the stock points start): the customer
 * base, the days of a history, or the renewal process of arrivals. */
void demand_start(struct model *m);

/* A tier drawn by the tiers' shares, from stream src (a new order, a new customer). */
static inline int demand_pick_tier(struct model *m, enum rng_source src)
{
    return m->ntiers == 1 ? 0 : (int)pick_weighted(m, m->tier_shares, m->ntiers, src);
}

/* A gap of the renewal process other than an exponential one: a call (demand_next_gap). */
double demand_gap_called(struct model *m);

/* The gap from an arrival of the renewal process to the next (not yet scaled by a demand
 * shape): an exponential gap (a Poisson process, the usual case) drawn inline, any other by
 * a call: the other families' code inline made the handler save and restore six registers
 * at every arrival. made: a constant in each caller, true when the gaps' stream is made
 * (demand_start, for a lean model's arrivals: model_on_lean_arrival). */
static inline __attribute__((always_inline)) double demand_next_gap(struct model *m, bool made)
{
    const struct dist *gaps = &m->cfg->demand.interarrival_days;
    return gaps->type == &dist_type_exponential ? gaps->p[0] * exponential1_of(m, SRC_INTERARRIVAL, made)
                                                : demand_gap_called(m);
}

/* demand_order_lines for a scenario of several products (models/demand.c). */
bool demand_order_lines_of_products(struct model *m, struct order *o);

/* Fill in the lines of a new order (just made by order_new, no line yet); false if it asks
 * for nothing. drawn_units: the units of a one-product order if already drawn, else NaN.
 * lean: m->lean, a constant (one product; its units' stream made, models/model.c's
 * make_lean_streams). Inline for one product: every order of the general path asks for
 * its lines. */
static inline __attribute__((always_inline)) bool demand_order_lines(struct model *m, struct order *o,
                                                                     double drawn_units, bool lean)
{
    if (!lean && m->nproducts != 1) return demand_order_lines_of_products(m, o);
    double u = isnan(drawn_units) ? sample_per_order(m, units_per_order(m, o->tier), SRC_UNITS, lean) : drawn_units;
    if (!(u > 0)) return false;    /* a draw of 0 units is not an order */
    order_add_first_line(o, 0, u); /* o is place_general's, just made */
    assert(o->nlines == 1); /* one product, one line: what a lean model's handlers take (models/model.c, lines_of) */
    return true;
}

/* Order o's customer (if it has one still in the base) hears how it went: failed when
 * late, short, damaged or wrong; too many failures and they leave. With a loyalty
 * ladder they judge it too (models/loyalty.h): flawless when complete, undamaged and
 * correct; cycle: days from order to delivery (NaN: nothing delivered). */
void demand_tell_customer(struct model *m, const struct order *o, bool failed, bool flawless, double cycle);

/* The customer base changed (a customer came, left or changed stage): the rates of
 * orders and of churn change with it. */
void demand_customers_changed(struct model *m);

/* ---- returns.c ---- */

/* Order o is delivered complete and correct, its customer paying paid_share of list
 * prices (tier price, discounts, lateness): each line comes back with its return
 * share (struct returns_config, the channel's before the product's), later. */
void returns_after_delivery(struct model *m, const struct order *o, double paid_share);

/* Free the records of returns still on their way at the end of the run. */
void returns_fini(struct model *m);

/* ---- model_metrics.c ---- */

/* Every metric of the layout (metric_count(m->cfg) doubles) into x, for the statistics
 * window ending at `end`; NaN where there is nothing to count. After fold_instant. */
void model_metrics_compute(const struct model *m, double end, double *x);

/* The counts now, since the warm-up reset. After fold_instant (model_fold_instant). */
void model_service_counts(const struct model *m, struct service_counts *c);

/* *now becomes the counts between `then` and `now`. */
void service_counts_since(struct service_counts *now, const struct service_counts *then);

/* Service metric `metric` (enum metric) of counts c: the whole-run metric's formula,
 * NaN when there is nothing to count. Only the metrics contract_metric_allowed
 * (models/contract.h) accepts; NaN for any other. */
double model_service_rate(int metric, const struct service_counts *c);

/* The bookkeeping totals (struct model_totals, models/model.h) into *t; the caller adds
 * the figures only the run loop knows (orders in the system at mid-run and at the end). */
void model_metrics_totals(const struct model *m, struct model_totals *t);

/* ---- model.c: the fast path ---- */

/* Add the fast path's counts to the general counts (and clear them), and set the flow's
   counts that are sums of the tiers' (struct flow): before counts are read, at the end
   or at a contract period's end. */
void model_fold_instant(struct model *m);

/* ---- contract.c ---- */

/* Schedule the end of the first contract period (after setup); values (borrowed, may be
   NULL) receives contract_periods * ntargets doubles, NaN where nothing was counted. */
void contract_start(struct model *m, double *values);

/* The warm-up reset: the first period starts from zero counts. */
void contract_restart(struct model *m);

/* At the window's end: close a last period that ends exactly there. */
void contract_finish(struct model *m);

/* contract_penalty_per_day (per reviewed day), contract_periods_missed_share and the
   block of each target into x. */
void contract_metrics(const struct model *m, double *x);

/* ---- echelon.c ---- */

struct echelon_site;

/* With replenished_from: the locations' replenishment between them and the day
 * buckets of the bullwhip ratio (after network_setup; nothing without echelons). */
void echelon_setup(struct model *m);
void echelon_start(struct model *m);
/* The warm-up reset. */
void echelon_restart(struct model *m, double now);
/* The echelon metrics of each location's block (models/metrics.h, LM_DOWNSTREAM_*,
 * LM_BULLWHIP_RATIO) into x. */
void echelon_metrics(const struct model *m, double end, double *x);
/* Release what echelon_setup took (the orders are the pool's). */
void echelon_fini(struct model *m);

/* ---- network.c ---- */

/* Set up the locations at time 0: which are open, closed ones empty (after stock_init). */
void network_setup(struct model *m);

/* Schedule the changes of the open locations (after setup). */
void network_start(struct model *m);

/* The serving location is short of `missing` units of line l (when_short ship_direct or
 * transship): the nearest other open location that has them all sends them. Returns
 * the units sent: all that are missing, or 0. */
double network_cover(struct model *m, struct order *o, struct order_line *l, double missing);

/* Per location and per region, and the network's own figures, into x (models/metrics.h),
 * for the statistics window ending at `end`. */
void network_metrics(const struct model *m, double end, double *x);

#endif
