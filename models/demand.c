/* demand.c - where orders come from (models/model_internal.h declares what the rest of
 * the model calls): a renewal process of arrivals, thinned by the demand shape, with
 * peak orders deferred off the peak and arrivals gathered for a quantity discount; a
 * replayed or bootstrapped demand history; or a base of customers who order, churn,
 * join and leave after failures. Also what an order asks for: its tier, its lines and
 * their units. Every arrival ends in model_place_order (models/model.c; the renewal
 * process's plain arrivals in model_place_new_order, the same with its constant
 * arguments folded; a lean model's unthinned arrivals are model.c's model_on_lean_arrival,
 * which draws the gap as on_arrival does, demand_next_gap); what happens to the order
 * after that is not this file's business.
 *
 * Contract: each mechanism draws from its own streams, and only when configured, in the
 * order the model always drew them (the fast path, model.c's on_plain_arrival, repeats
 * on_arrival's draws for the commonest case and must stay in step with it). */
#include "event_class.h"
#include "history_play.h"
#include "loyalty.h"
#include "model_internal.h"
#include "shape.h"

#include <gsl/gsl_randist.h>
#include <math.h>

/* ---- a base of customers ---- */

static void schedule_customer_order(struct model *m);
static void schedule_churn(struct model *m);

/* The customer base changed: the rates of orders and of churn change with it. The
 * gaps are exponential, so drawing new ones is exact. */
void demand_customers_changed(struct model *m)
{
    schedule_customer_order(m);
    schedule_churn(m);
    model_trace_customers(m);
}

static void on_customer_order(struct sim *sim, void *ctx);

/* The groups customers are picked from: without a ladder one per tier (all stand at
 * STAGE_NEW), with one a tier and a stage each, g = tier * STAGES + stage. */
static size_t groups(const struct model *m)
{
    return m->cfg->loyalty.on ? m->ntiers * STAGES : m->ntiers;
}

static int group_tier(const struct model *m, size_t g)
{
    return (int)(m->cfg->loyalty.on ? g / STAGES : g);
}

static int group_stage(const struct model *m, size_t g)
{
    return m->cfg->loyalty.on ? (int)(g % STAGES) : STAGE_NEW;
}

/* Total rate of an activity over the groups: active customers x per-customer rate
 * (the tier's, times the stage's factor with a ladder). */
static double group_rates(const struct model *m, bool churn, double *rates)
{
    const struct loyalty_config *ly = &m->cfg->loyalty;
    double total = 0;
    size_t n = groups(m);
    for (size_t g = 0; g < n; g++) {
        int t = group_tier(m, g), st = group_stage(m, g);
        double per = churn ? m->tiers[t].churn_per_day : m->tiers[t].orders_per_customer_day;
        if (!churn && m->demand_factor != 1) per *= m->demand_factor; /* a generous return policy */
        if (ly->on) per *= churn ? ly->churn_factor[st] : ly->orders_factor[st];
        rates[g] = (double)customers_in(&m->customers, t, st) * per;
        total += rates[g];
    }
    return total;
}

static void schedule_customer_order(struct model *m)
{
    if (m->next_customer_order) sim_cancel(m->sim, m->next_customer_order);
    m->next_customer_order = 0;
    double rates[CUSTOMER_GROUPS], total = group_rates(m, false, rates);
    if (total > 0)
        m->next_customer_order =
            sim_schedule_recurring(m->sim, sim_now(m->sim) + gsl_ran_exponential(rng(m, SRC_INTERARRIVAL), 1 / total),
                                   EVENT_ORDER, on_customer_order, NULL);
}

/* A customer picked at random with probability proportional to their rate, from
 * stream src; *group_out: their group. */
static uint32_t pick_customer(struct model *m, bool churn, enum rng_source src, size_t *group_out)
{
    double rates[CUSTOMER_GROUPS];
    group_rates(m, churn, rates);
    size_t n = groups(m), g = n > 1 ? pick_weighted(m, rates, n, src) : 0;
    *group_out = g;
    return customers_pick(&m->customers, group_tier(m, g), group_stage(m, g), gsl_rng_uniform(rng(m, src)));
}

static void on_customer_order(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    m->next_customer_order = 0;
    size_t g;
    uint32_t who = pick_customer(m, false, SRC_PICK_CUSTOMER, &g);
    schedule_customer_order(m);
    model_place_order(m, group_tier(m, g), who, false, false, NAN);
}

static void on_churn(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    m->next_churn = 0;
    size_t g;
    uint32_t who = pick_customer(m, true, SRC_CHURN, &g);
    customers_remove(&m->customers, who, false, sim_now(sim));
    demand_customers_changed(m);
}

static void schedule_churn(struct model *m)
{
    if (m->next_churn) sim_cancel(m->sim, m->next_churn);
    m->next_churn = 0;
    double rates[CUSTOMER_GROUPS], total = group_rates(m, true, rates);
    if (total > 0)
        m->next_churn = sim_schedule(m->sim, sim_now(m->sim) + gsl_ran_exponential(rng(m, SRC_CHURN), 1 / total),
                                     EVENT_ORDER, on_churn, NULL);
}

static void on_acquisition(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    double rate = m->cfg->customers.acquisition_per_day;
    sim_schedule(sim, sim_now(sim) + gsl_ran_exponential(rng(m, SRC_ACQUISITION), 1 / rate), EVENT_ORDER,
                 on_acquisition, NULL);
    customers_add(&m->customers, demand_pick_tier(m, SRC_ACQUISITION), sim_now(sim));
    demand_customers_changed(m);
}

static void start_customers(struct model *m)
{
    const struct customer_config *cc = &m->cfg->customers;
    customers_init(&m->customers, m->ntiers);
    m->recoveries = (struct recovery_pool){.free = UINT32_MAX};
    m->complaint_day = -1;
    for (double i = 0; i < cc->initial; i++) customers_add(&m->customers, demand_pick_tier(m, SRC_ACQUISITION), 0);
    if (cc->acquisition_per_day > 0)
        sim_schedule(m->sim, gsl_ran_exponential(rng(m, SRC_ACQUISITION), 1 / cc->acquisition_per_day), EVENT_ORDER,
                     on_acquisition, NULL);
    demand_customers_changed(m);
}

/* A customer hears how the order went; too many failures and they leave; with a
 * ladder, they judge it (models/loyalty.h). */
void demand_tell_customer(struct model *m, const struct order *o, bool failed, bool flawless, double cycle)
{
    if (o->customer == UINT32_MAX || !customers_still(&m->customers, o->customer, o->customer_gen)) return;
    const struct tier_config *t = &m->tiers[o->tier];
    if (customers_record(&m->customers, o->customer, failed, t->defect_failures, t->defect_window)) {
        customers_remove(&m->customers, o->customer, true, sim_now(m->sim));
        demand_customers_changed(m);
        return;
    }
    if (m->cfg->loyalty.on) loyalty_hear(m, o->customer, o->tier, m->cfg->nchannels ? o->channel : -1, flawless, cycle);
}

/* ---- what an order asks for ---- */

/* Choose `n` different products, each with probability proportional to its share
 * among those not chosen yet. */
static size_t choose_products(struct model *m, size_t n, int *chosen)
{
    double w[MAX_PRODUCTS];
    for (size_t p = 0; p < m->nproducts; p++) w[p] = m->products[p].share;
    for (size_t k = 0; k < n; k++) {
        size_t p = pick_weighted(m, w, m->nproducts, SRC_PRODUCT);
        chosen[k] = (int)p;
        w[p] = 0;
    }
    return n;
}

bool demand_order_lines_of_products(struct model *m, struct order *o)
{
    const struct dist *units = units_per_order(m, o->tier);
    double drawn = round(
        dist_sample(&m->cfg->demand.lines_per_order, rng(m, SRC_LINES))); /* rounded: the reader's hints count on it */
    size_t n = drawn < 1 ? 1 : (size_t)drawn;
    if (n > m->nproducts) n = m->nproducts;
    if (n > MAX_LINES) n = MAX_LINES;
    int chosen[MAX_PRODUCTS];
    choose_products(m, n, chosen);
    for (size_t k = 0; k < n; k++) {
        double u = dist_sample(units, rng(m, SRC_UNITS));
        if (u > 0) order_add_line(o, chosen[k], u);
    }
    return o->nlines > 0;
}

/* ---- arrivals ---- */

static void on_deferred(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    model_place_order(m, demand_pick_tier(m, SRC_TIER), UINT32_MAX, true, false, NAN);
}

/* An arrival from a customer who takes the quantity discount: its units join the
 * order being gathered for its tier, and every k-th such arrival places it, k times
 * as large as one order on average. The units are drawn here, from the stream and at
 * the place in the sequence where the order would have drawn them, so the units
 * demanded are the same whatever share takes the discount. */
static void gather(struct model *m, int tier)
{
    double units = dist_sample(units_per_order(m, tier), rng(m, SRC_UNITS));
    if (units > 0) m->gathered_units[tier] += units; /* a draw of 0 units is not an order */
    if (++m->gathered[tier] < m->cfg->demand.quantity_discount_factor) return;
    double total = m->gathered_units[tier];
    m->gathered[tier] = 0;
    m->gathered_units[tier] = 0;
    if (total > 0) model_place_order(m, tier, UINT32_MAX, false, true, total);
}

/* noinline: the arrivals' draw of a gap not exponential (demand_next_gap) stays a call
 * in on_arrival too */
__attribute__((noinline)) double demand_gap_called(struct model *m)
{
    return draw(m, &m->cfg->demand.interarrival_days, SRC_INTERARRIVAL);
}

/* Whether the arrivals take model_on_lean_arrival (models/model.c): a lean model (m->lean:
 * no peak shifting and no quantity discount, models/model.c's is_lean) whose arrivals are
 * not thinned by a demand shape. */
static bool lean_arrivals(const struct model *m)
{
    return m->lean && !m->shaped;
}

/* An arrival of the renewal process: the next is scheduled, then this one places an
 * order (or is thinned away, deferred off the peak or gathered). A lean model's arrivals
 * not thinned take model_on_lean_arrival (lean_arrivals), the same with none of those. */
static void on_arrival(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    const struct demand_config *d = &m->cfg->demand;
    double now = sim_now(sim);
    double gap = demand_next_gap(m, false);
    bool shaped = m->shaped;
    sim_schedule_recurring(sim, now + (shaped ? gap / m->shape_max : gap), EVENT_ORDER, on_arrival, NULL);
    if (shaped && !(gsl_rng_uniform(rng(m, SRC_THINNING)) * m->shape_max < shape_factor(d, now)))
        return; /* thinning: the rate here is below the fastest */
    if (d->peak_shift_share > 0 && shape_is_peak(d, now) && chance(m, d->peak_shift_share, SRC_SHIFT)) {
        sim_schedule(sim, shape_next_offpeak(d, now), EVENT_ORDER, on_deferred, NULL);
        return;
    }
    int tier = demand_pick_tier(m, SRC_TIER);
    if (d->quantity_discount_share > 0 && chance(m, d->quantity_discount_share, SRC_QUANTITY)) {
        gather(m, tier);
        return;
    }
    model_place_new_order(m, tier);
}

/* ---- demand from a history ---- */

/* Day j of the history's clock (day 0 starts the statistics window) begins: choose the
 * recorded day it plays (models/history_play.h) and schedule that day's first order.
 * Orders keep their time of day. */
static void on_history_order(struct sim *sim, void *ctx);

static void on_history_day(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    const struct demand_config *d = &m->cfg->demand;
    const struct demand_history *h = d->history;
    double now = sim_now(sim);
    size_t k = history_play_next(&m->history, d, d->history_mode == HISTORY_REPLAY ? NULL : rng(m, SRC_HISTORY));
    m->history_day_start = now;
    m->history_next = h->first[k];
    m->history_end = h->first[k + 1];
    sim_schedule(sim, now + 1, EVENT_ORDER, on_history_day, NULL);
    if (m->history_next < m->history_end)
        sim_schedule_recurring(sim, now + h->at[m->history_next], EVENT_ORDER, on_history_order, NULL);
}

/* The next order of the day being played. */
static void on_history_order(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    const struct demand_history *h = m->cfg->demand.history;
    size_t i = m->history_next++;
    if (m->history_next < m->history_end)
        sim_schedule_recurring(sim, m->history_day_start + h->at[m->history_next], EVENT_ORDER, on_history_order, NULL);
    model_place_order(m, demand_pick_tier(m, SRC_TIER), UINT32_MAX, false, false, h->units[i]);
}

/* ---- the start ---- */

void demand_start(struct model *m)
{
    const struct model_config *cfg = m->cfg;
    struct sim *sim = m->sim;
    double warmup = cfg->run.warmup_days;
    if (cfg->customers.on) {
        start_customers(m);
    } else if (history_plays_days(cfg->demand.history_mode)) {
        /* day 0 of the history starts the statistics window; the warm-up plays the days
           before it (the end of the history, in a replay) */
        history_play_start(&m->history, -(long long)floor(warmup));
        sim_schedule(sim, warmup + (double)m->history.day, EVENT_ORDER, on_history_day, NULL);
    } else {
        /* first order: where the file says, else one gap after 0 (docs/contract.md), except that
           gaps fitted to a history start in equilibrium, as the history was observed in
           mid-stream: a renewal process started one gap after 0 has (cv^2 - 1) / 2
           orders more in a window than the history (cv: the gaps' coefficient of
           variation; none for exponential gaps, either sign otherwise) */
        const struct dist *gaps = &cfg->demand.interarrival_days;
        double first = cfg->demand.has_first_order ? cfg->demand.first_order_days
                       : cfg->demand.history_mode == HISTORY_FIT && dist_has_residual(gaps)
                           ? dist_sample_residual(gaps, rng(m, SRC_INTERARRIVAL))
                           : dist_sample(gaps, rng(m, SRC_INTERARRIVAL)) / m->shape_max;
        assert(!lean_arrivals(m) ||
               (!(cfg->demand.peak_shift_share > 0) && !(cfg->demand.quantity_discount_share > 0)));
        if (model_plain_arrivals(m, first)) return;
        if (lean_arrivals(m)) rng(m, SRC_INTERARRIVAL); /* made for model_on_lean_arrival, which does not test it */
        sim_schedule_recurring(sim, first, EVENT_ORDER, lean_arrivals(m) ? model_on_lean_arrival : on_arrival, NULL);
    }
}
