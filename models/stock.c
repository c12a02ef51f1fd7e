/* stock.c - inventory bookkeeping. Invariants (asserted): levels are never negative;
 * orders wait only while nothing is on hand; on hand = initial + received - issued. */
#include "stock.h"
#include "event_class.h"
#include "policy.h"

#include <assert.h>
#include <math.h>

static const double DUST = 1e-6;

static double tidy(double x)
{
    return fabs(x) < DUST ? 0 : x;
}

/* Record the levels after any change. */
static void levels_changed(struct stock *s, double now)
{
    /* dust swept off the shelf (or, below 0, issued beyond it) counts as issued, so
       on hand = initial + received - issued holds however often it happens */
    double swept = s->on_hand - tidy(s->on_hand);
    s->on_hand -= swept;
    s->totals.issued += swept;
    s->on_order = tidy(s->on_order);
    s->backordered = tidy(s->backordered);
    assert(s->on_hand >= 0 && s->on_order >= 0 && s->backordered >= 0);
    timeavg_set(&s->on_hand_avg, now, s->on_hand);
    timeavg_set(&s->backorder_avg, now, s->backordered);
    timeavg_set(&s->on_order_avg, now, s->on_order);
    timeavg_set(&s->empty_avg, now, s->on_hand > 0 ? 0 : 1);
    if (s->on_levels) s->on_levels(s->on_levels_ctx, now, s);
}

void stock_init(struct stock *s, const struct inventory_config *cfg, gsl_rng *lead_rng,
                struct order_pool *pool, stock_filled_fn on_filled)
{
    *s = (struct stock){.cfg = cfg, .lead_rng = lead_rng, .pool = pool, .on_filled = on_filled};
    s->unlimited = !cfg->policy->holds_stock;
    s->on_hand = s->unlimited ? 0 : cfg->initial_on_hand;
    s->totals.initial = s->on_hand;
    timeavg_init(&s->on_hand_avg, 0, s->on_hand);
    timeavg_init(&s->backorder_avg, 0, 0);
    timeavg_init(&s->on_order_avg, 0, 0);
    timeavg_init(&s->empty_avg, 0, s->on_hand > 0 ? 0 : 1);
}

double stock_position(const struct stock *s)
{
    return s->on_hand + s->on_order - s->backordered;
}

static void on_receipt(struct sim *sim, void *ctx);

/* Ask the policy, and place a replenishment order if it says so. */
static void review(struct stock *s, struct sim *sim)
{
    double position = stock_position(s);
    double amount = s->cfg->policy->order_amount(s->cfg, position);
    if (!(amount > 0)) return;
    if (s->cfg->policy->uses_reorder_point) s->counts.undershoot += s->cfg->reorder_point - position;
    double now = sim_now(sim);
    struct order *r = order_new(s->pool);
    r->units = amount;
    r->placed = now;
    r->home = s;
    s->on_order += amount;
    s->counts.replenishments++;
    s->counts.ordered += amount;
    s->totals.ordered += amount;
    levels_changed(s, now);
    double lead = dist_sample(&s->cfg->lead_time_days, s->lead_rng);
    sim_schedule(sim, now + lead, EVENT_RECEIPT, on_receipt, r);
}

static void on_review(struct sim *sim, void *ctx)
{
    struct stock *s = ctx;
    review(s, sim);
    sim_schedule(sim, sim_now(sim) + s->cfg->review_days, EVENT_REVIEW, on_review, s);
}

void stock_start(struct stock *s, struct sim *sim)
{
    if (s->unlimited) return;
    if (s->cfg->review_days > 0)
        sim_schedule(sim, sim_now(sim), EVENT_REVIEW, on_review, s);
    else
        review(s, sim);
}

/* Give waiting orders what is on hand, first come first served. */
static void fill_waiting(struct stock *s, struct sim *sim)
{
    while (s->waiting_head && s->on_hand > 0) {
        struct order *o = s->waiting_head;
        double give = fmin(s->on_hand, o->units - o->filled);
        o->filled += give;
        s->on_hand -= give;
        s->backordered -= give;
        s->totals.issued += give;
        if (o->units - o->filled > DUST) break;
        o->filled = o->units;
        s->waiting_head = o->next;
        if (!s->waiting_head) s->waiting_tail = NULL;
        s->on_filled(sim, o);
    }
}

static void on_receipt(struct sim *sim, void *ctx)
{
    struct order *r = ctx;
    struct stock *s = r->home;
    double now = sim_now(sim);
    s->on_hand += r->units;
    s->on_order -= r->units;
    s->totals.received += r->units;
    order_free(s->pool, r);
    /* a receipt ends one replenishment cycle and starts the next */
    s->counts.cycles++;
    if (!s->cycle_short) s->counts.cycles_ok++;
    s->cycle_short = false;
    fill_waiting(s, sim);
    levels_changed(s, now);
}

double stock_allocate(struct stock *s, struct sim *sim, struct order *o)
{
    s->counts.allocations++;
    s->counts.demanded += o->units;
    if (s->unlimited) {
        o->filled = o->units;
        s->counts.filled_now += o->units;
        return o->units;
    }
    assert(!s->waiting_head || s->on_hand == 0);
    double now = sim_now(sim);
    double filled = fmin(s->on_hand, o->units);
    double missing = o->units - filled;
    if (missing <= DUST) {
        filled = o->units;
        missing = 0;
    }
    o->filled = filled;
    s->on_hand -= filled;
    s->totals.issued += filled;
    s->counts.filled_now += filled;
    if (missing > 0) {
        o->stockout = true;
        s->cycle_short = true;
        s->counts.short_allocations++;
        if (s->cfg->shortage == SHORTAGE_BACKORDER) {
            s->backordered += missing;
            s->counts.backordered += missing;
            o->next = NULL;
            if (s->waiting_tail)
                s->waiting_tail->next = o;
            else
                s->waiting_head = o;
            s->waiting_tail = o;
        } else {
            o->lost = missing;
            s->counts.lost += missing;
        }
    }
    levels_changed(s, now);
    if (s->cfg->review_days == 0) review(s, sim);
    return filled;
}

void stock_restart(struct stock *s, double now)
{
    s->counts = (struct stock_counts){0};
    timeavg_restart(&s->on_hand_avg, now);
    timeavg_restart(&s->backorder_avg, now);
    timeavg_restart(&s->on_order_avg, now);
    timeavg_restart(&s->empty_avg, now);
}

double stock_mean_on_hand(const struct stock *s, double now)
{
    return s->unlimited ? NAN : timeavg_mean(&s->on_hand_avg, now);
}

double stock_mean_backordered(const struct stock *s, double now)
{
    return s->unlimited ? NAN : timeavg_mean(&s->backorder_avg, now);
}

double stock_mean_on_order(const struct stock *s, double now)
{
    return s->unlimited ? NAN : timeavg_mean(&s->on_order_avg, now);
}

double stock_time_empty(const struct stock *s, double now)
{
    return s->unlimited ? 0 : timeavg_mean(&s->empty_avg, now);
}

void stock_fini(struct stock *s)
{
    assert(s->unlimited ||
           fabs(s->on_hand - (s->totals.initial + s->totals.received - s->totals.issued)) <
               1e-6 * (1 + s->totals.received));
    s->waiting_head = s->waiting_tail = NULL; /* the orders themselves belong to the pool */
}
