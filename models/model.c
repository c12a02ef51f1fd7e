/* model.c - one replication (model_run, models/model.h) and the order cycle: event
 * handlers that move an order from stage to stage, from placing to delivery, the fast
 * path (an order filled the moment it is placed, and the arrivals that feed it), the
 * warm-up reset and tracing. Where orders come from is models/demand.c's; stocking
 * locations are models/network.c's; the metrics computed at the end are
 * models/model_metrics.c's; what they share is in models/model_internal.h.
 *
 * A stage whose time is a constant 0 with unlimited servers is skipped by a direct
 * call instead of an event, so scenarios without an order cycle run at full speed.
 * Every optional mechanism draws from its own random stream and only when it is
 * configured, so a scenario that does not use it gives exactly the results it gave
 * before the mechanism existed. */
#include "model_internal.h"
#include "event_class.h"
#include "fastpath.h"
#include "loyalty.h"
#include "network.h"
#include "shape.h"
#include "supplier.h"
#include "units.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- tracing for charts ---- */

void model_trace_init(struct model_trace *t, size_t limit)
{
    *t = (struct model_trace){.limit = limit};
}

void model_trace_fini(struct model_trace *t)
{
    free(t->cycle);
    free(t->levels);
    free(t->customers);
    *t = (struct model_trace){0};
}

/* Grow an array to hold one more element; false, with *truncated set, when the limit is
 * reached. */
static bool room(void **items, size_t *cap, size_t n, size_t size, const struct model_trace *t, bool *truncated)
{
    if (n >= t->limit) {
        *truncated = true;
        return false;
    }
    if (n < *cap) return true;
    size_t ncap = *cap ? 2 * *cap : 4096;
    void *p = realloc(*items, ncap * size);
    if (!p) abort();
    *items = p;
    *cap = ncap;
    return true;
}

static void trace_cycle(struct model_trace *t, double cycle)
{
    if (room((void **)&t->cycle, &t->cap_cycle, t->ncycle, sizeof *t->cycle, t, &t->cycle_truncated))
        t->cycle[t->ncycle++] = cycle;
}

static void trace_levels(void *ctx, double now, const struct stock *s)
{
    struct model *m = ctx;
    struct model_trace *t = m->trace;
    if (!m->counting) return;
    if (room((void **)&t->levels, &t->cap_levels, t->nlevels, sizeof *t->levels, t, &t->levels_truncated))
        t->levels[t->nlevels++] = (struct level_point){now, s->on_hand, s->backordered, stock_position(s)};
}

void model_trace_customers(struct model *m)
{
    struct model_trace *t = m->trace;
    if (!t) return;
    if (room((void **)&t->customers, &t->cap_customers, t->ncustomers, sizeof *t->customers, t,
             &t->customers_truncated))
        t->customers[t->ncustomers++] = (struct customer_point){sim_now(m->sim),
                                                                (double)customers_total(&m->customers),
                                                                {(double)m->customers.nstage[STAGE_NEW],
                                                                 (double)m->customers.nstage[STAGE_SATISFIED],
                                                                 (double)m->customers.nstage[STAGE_LOYAL]}};
}

/* ---- the end of an order's life ---- */

/* How many lines of order o to go through: o->nlines, or 1 when lean (m->lean, a
 * constant): a lean scenario has one product, so each of its orders one line (asserted
 * where the line is added, demand_order_lines, once an order, not at each handler). */
static inline size_t lines_of(const struct order *o, bool lean)
{
    return lean ? 1 : o->nlines;
}

/* Money for goods worth `list` at list prices delivered to a customer of tier `tier`
 * standing at `stage` of the loyalty ladder (-1: no ladder), adjusted for the tier's and
 * the stage's price, an off-peak or a quantity discount, and late delivery. */
static double earn_list(struct model *m, int tier, int stage, double list, bool shifted, bool quantity, double cycle)
{
    struct flow *f = &m->flow;
    const struct tier_config *tc = &m->tiers[tier];
    double factor = tc->price_factor;
    if (stage >= 0) factor *= m->cfg->loyalty.price_factor[stage];
    const struct revenue_config *rv = &m->cfg->revenue;
    double promise = tc->promise_days, late = 1;
    if (rv->late_zero_days > 0 && tc->has_promise && cycle > promise)
        late = fmax(0, 1 - (cycle - promise) / rv->late_zero_days);
    const struct demand_config *d = &m->cfg->demand;
    double discount = shifted ? d->peak_discount : quantity ? d->quantity_discount : 0;
    double paid = list * factor * (1 - discount) * late;
    if (paid != list) f->price_adjustment += paid - list;
    /* a term of exactly 0 is not added: the sums are the same, bit for bit */
    if (discount != 0) *(shifted ? &f->discounts : &f->quantity_discounts) += list * factor * discount;
    if (late != 1) f->revenue_lost_late += list * factor * (1 - discount) * (1 - late);
    f->tiers[tier].revenue += paid;
    if (stage >= 0) f->loyalty.revenue[stage] += paid;
    return paid;
}

/* earn_list for what the order's lines shipped, substitutes included. Returns the share
 * of list prices paid. lean: m->lean, a constant (one line, neither shifted nor a
 * quantity discount's). */
static inline __attribute__((always_inline)) double earn(struct model *m, const struct order *o, double cycle,
                                                         bool lean)
{
    struct flow *f = &m->flow;
    double list = 0;
    size_t n = lines_of(o, lean);
    for (size_t i = 0; i < n; i++) {
        const struct order_line *l = &o->lines[i];
        int product = lean ? 0 : l->product; /* lean: the one product's line (demand_order_lines) */
        f->units_at_list[product] += l->filled;
        list += l->filled * m->products[product].price_per_unit;
        if (!lean && l->substituted > 0) { /* lean: one product, which has no substitute */
            int sub = m->products[l->product].substitute;
            f->units_at_list[sub] += l->substituted;
            list += l->substituted * m->products[sub].price_per_unit;
        }
    }
    if (m->tier_at_list[o->tier] && (lean || (!o->shifted && !o->quantity_discount))) {
        f->tiers[o->tier].revenue += list; /* paid at list: exactly what earn_list adds then, with no call */
        return 1;
    }
    int stage = m->cfg->loyalty.on && o->customer != UINT32_MAX ? o->stage : -1;
    double paid = earn_list(m, o->tier, stage, list, o->shifted, o->quantity_discount, cycle);
    return list > 0 ? paid / list : 1;
}

/* The counts of an order delivered complete and correct, `cycle` days after it was
 * placed (the stage sums are the caller's). lean: m->lean, a constant (no trace). */
static inline __attribute__((always_inline)) void count_delivered(struct model *m, int tier, double cycle, bool on_time,
                                                                  bool in_full, bool undamaged, bool accurate,
                                                                  bool on_peak_day, bool lean)
{
    struct flow *f = &m->flow;
    struct tier_flow *tf = &f->tiers[tier];
    bool perfect = on_time && in_full && undamaged && accurate;
    /* the flow's delivered, promised, on-time and perfect orders are the tiers' sums, its
       undamaged, accurate and otif orders follow from them (model_fold_instant): a lean
       order is undamaged and accurate, so counts none of the three below */
    tf->delivered++;
    if (m->tier_promise[tier] && on_time) tf->on_time++;
    if (perfect) tf->perfect++;
    f->in_full += in_full;
    if (!undamaged) f->damaged_delivered++;
    if (!accurate) f->inaccurate_delivered++;
    if (on_time && in_full && !perfect) f->otif_flawed++;
    qsketch_add(&m->cycle_quantiles, cycle);
    if (!lean && m->trace && m->counting) trace_cycle(m->trace, cycle);
    if (on_peak_day) f->peak_cycle_sum += cycle, f->peak_delivered++;
    if (cycle > 0) f->cycle_sum += cycle, tf->cycle_sum += cycle;
}

static void on_delivered(struct sim *sim, void *ctx);
static void on_delivered_lean(struct sim *sim, void *ctx);

/* fn(sim, o) at `time`, in the stage's lane if it has one (sim_lane_open, opened for
 * fn), else on the heap: the same order of events either way. */
static inline void schedule_stage(struct sim *sim, int lane, double time, sim_handler fn, struct order *o)
{
    if (lane >= 0)
        sim_schedule_lane(sim, lane, time, o);
    else
        sim_schedule(sim, time, EVENT_ORDER, fn, o);
}

/* ---- status inquiries ---- */

/* The order has arrived or ended: its customer stops calling about it (a call already
 * waiting for a clerk is still answered, but asks about nothing any more). */
static void stop_inquiries(struct model *m, struct order *o)
{
    if (!m->inquiries) return; /* no customer calls: nothing to stop (and two fields not read) */
    if (o->next_inquiry) sim_cancel(m->sim, o->next_inquiry);
    o->next_inquiry = 0;
    if (o->call) o->call->about = NULL;
    o->call = NULL;
}

static void on_inquiry(struct sim *sim, void *ctx);

/* The customer of order o, who cannot see its status, will call about it after an
 * exponential gap (a Poisson process at the configured rate while it is on its way). */
static void schedule_inquiry(struct model *m, struct order *o)
{
    double gap = gsl_ran_exponential(rng(m, SRC_INQUIRY), 1 / m->cfg->order_cycle.inquiries_per_order_day);
    o->next_inquiry = sim_schedule(m->sim, sim_now(m->sim) + gap, EVENT_ORDER, on_inquiry, o);
}

/* A customer calls to ask where order o is: a job for the order-processing clerks,
 * queued with the orders at the priority of the customer's tier. A customer whose call
 * is still waiting does not call again: the next call is timed from the answer (so a
 * desk swamped by calls cannot be sent ever more of them). */
static void on_inquiry(struct sim *sim, void *ctx)
{
    struct model *m = model_of(sim);
    struct order *o = ctx;
    o->next_inquiry = 0;
    struct order *call = order_new(&m->pool);
    o->call = call;
    call->about = o;
    call->inquiry = true;
    call->priority = o->priority;
    call->service = draw(m, &m->cfg->order_cycle.inquiry_days, SRC_INQUIRY_TIME);
    m->flow.inquiries++;
    station_arrive(&m->processing, sim, call);
}

static bool status_visible(const struct model_config *c, const struct order *o)
{
    return c->nchannels ? c->channels[o->channel].status_visible : c->order_cycle.status_visible;
}

/* No line of the order lost units. */
static bool order_in_full(const struct order *o)
{
    if (o->nlines == 1) return o->lines[0].lost == 0; /* a one-product scenario's: no loop */
    bool in_full = true;
    for (size_t i = 0; i < o->nlines; i++) in_full &= o->lines[i].lost == 0;
    return in_full;
}

/* The order is complete and correct in the customer's hands; in_full: order_in_full(o),
 * which on_delivered computes once for both of its uses. lean: m->lean, a constant
 * (undamaged, accurate, not on a peak day; no returns, no locations). */
static inline __attribute__((always_inline)) void finish(struct model *m, struct order *o, bool in_full, bool lean)
{
    struct flow *f = &m->flow;
    double cycle = sim_now(m->sim) - o->placed;
    count_delivered(m, o->tier, cycle, o->first_on_time, in_full, lean || !o->damaged,
                    lean || !(o->entry_error || o->picking_error), !lean && o->on_peak_day, lean);
    double paid_share = earn(m, o, o->first_delivery - o->placed, lean);
    if (!lean && m->returns) returns_after_delivery(m, o, paid_share);
    if (!lean && m->cfg->nlocations) {
        struct region_flow *rf = &f->regions[o->region];
        rf->delivered++;
        rf->cycle_sum += cycle;
        if (m->tiers[o->tier].has_promise) rf->promised++, rf->on_time += o->first_on_time;
    }
    if (cycle > 0) { /* else every stage took 0 days, which adds nothing to the sums */
        f->transmission_sum += o->received - o->placed;
        f->processing_sum += o->processed - o->received;
        f->stock_wait_sum += o->allocated - o->processed;
        f->picking_sum += o->picked - o->allocated;
        f->delivery_sum += o->first_delivery - o->picked;
    }
    order_free(&m->pool, o);
}

/* An order with nothing to ship ends here. */
static void drop(struct model *m, struct order *o)
{
    stop_inquiries(m, o);
    m->flow.dropped++;
    m->flow.tiers[o->tier].dropped++;
    demand_tell_customer(m, o, true, false, NAN);
    order_free(&m->pool, o);
}

/* The stock a line is filled from: its product's, or with locations the serving
 * location's. lean: m->lean, a constant (the one product's). */
static inline struct stock *line_stock(struct model *m, const struct order *o, const struct order_line *l, bool lean)
{
    if (lean) return &m->stocks[0];
    return &m->stocks[m->cfg->nlocations ? o->location : l->product];
}

/* ---- picking and delivery ---- */

/* Whether order o goes by express delivery. */
static bool expedite(const struct model *m, const struct order *o)
{
    if (!(m->features & FEATURE_EXPEDITE)) return false; /* no rule and no tier expedites: one test */
    const struct tier_config *t = &m->tiers[o->tier];
    if (t->always_expedite) return true;
    enum expedite_rule rule = m->cfg->order_cycle.expedite;
    bool backordered = o->waited && (rule == EXPEDITE_BACKORDERED || rule == EXPEDITE_BOTH);
    bool late = (rule == EXPEDITE_LATE || rule == EXPEDITE_BOTH) && t->has_promise &&
                sim_now(m->sim) - o->placed + o->delivery_days > t->promise_days;
    return backordered || late;
}

/* after_picking's body; lean: m->lean, a constant (no returns, so the first picking; no
 * express delivery). */
static inline __attribute__((always_inline)) void picked(struct sim *sim, struct order *o, bool lean)
{
    struct model *m = model_of(sim);
    if (lean || o->first_delivery == 0) o->picked = sim_now(sim); /* rework is timed separately */
    double days = o->delivery_days;
    if (!lean && expedite(m, o)) {
        days = o->expedite_days;
        o->expedited = true;
        m->flow.expedite_cost += m->cfg->costs.expedite_per_order;
    }
    if (days > 0)
        schedule_stage(sim, m->delivery_lane, sim_now(sim) + days, lean ? on_delivered_lean : on_delivered, o);
    else if (lean)
        on_delivered_lean(sim, o);
    else
        on_delivered(sim, o);
}

static void after_picking(struct sim *sim, struct order *o)
{
    picked(sim, o, false);
}

static void on_picked(struct sim *sim, void *ctx)
{
    station_depart(&model_of(sim)->picking, sim);
    after_picking(sim, ctx);
}

/* on_picked for a lean model: the picking station's handler (setup), with the lean
 * instance of after_picking inline. */
static void on_picked_lean(struct sim *sim, void *ctx)
{
    station_depart(&model_of(sim)->picking, sim);
    picked(sim, ctx, true);
}

static inline __attribute__((always_inline)) void to_picking(struct model *m, struct order *o)
{
    if (m->skip_picking) {
        after_picking(m->sim, o);
        return;
    }
    o->service = o->picking_days;
    station_arrive(&m->picking, m->sim, o);
}

/* A wrong or damaged order is back: pick it again (damaged goods are replaced from
 * stock, costed as goods issued; what stock cannot give is bought in at cost, an
 * error cost) and send it again. */
static void on_returned(struct sim *sim, void *ctx)
{
    struct model *m = model_of(sim);
    struct order *o = ctx;
    if (o->damaged) {
        for (size_t i = 0; i < o->nlines; i++) {
            struct order_line *l = &o->lines[i];
            struct stock *s = line_stock(m, o, l, false);
            double want = l->filled + l->substituted, take = stock_take(s, want);
            if (!s->unlimited && take > 0) stock_allocated(s, sim);
            m->flow.errors_cost += (want - take) * m->products[l->product].costs.order_per_unit;
        }
    }
    o->replacement = true;
    to_picking(m, o);
}

/* on_delivered's body; lean: m->lean, a constant (the first delivery, not expedited,
 * of an order of no customer, neither wrong nor damaged; no inquiries). */
static inline __attribute__((always_inline)) void delivered(struct model *m, struct order *o, bool lean)
{
    double now = sim_now(m->sim);
    /* nothing below changes what a line lost; lean: the one line */
    bool in_full = lean ? o->lines[0].lost == 0 : order_in_full(o);
    if (lean || o->first_delivery == 0) {
        if (!lean) stop_inquiries(m, o);
        o->first_delivery = now;
        /* within the tier's promise and 1e-9, always without one (+inf) */
        o->first_on_time = now - o->placed <= m->tier_on_time_days[o->tier];
        if (!lean) m->flow.expedited += o->expedited;
        bool wrong = !lean && (o->entry_error || o->picking_error), damaged = !lean && o->damaged;
        /* the customer sees now whether the order is late, short, damaged or wrong */
        bool flawless = in_full && !damaged && !wrong;
        if (!lean && o->customer != UINT32_MAX) /* an order without a customer tells no one */
            demand_tell_customer(m, o, !(o->first_on_time && flawless), flawless, now - o->placed);
        if (wrong || damaged) {
            const struct cost_config *k = &m->cfg->costs;
            m->flow.wrong += wrong;
            m->flow.damaged += o->damaged;
            m->flow.errors_cost += wrong ? k->wrong_shipment_per_order : 0;
            /* the damaged goods are lost, but they were costed when they left stock (cost of
               goods issued); their replacement is costed in turn, from stock or bought in */
            if (o->damaged) m->flow.errors_cost += k->damage_per_order;
            sim_schedule(m->sim, now + o->return_days, EVENT_ORDER, on_returned, o);
            return;
        }
    }
    finish(m, o, in_full, lean);
}

/* The delivery of a lean model's order (m->lean): its lane's handler (open_lanes), and
 * on_delivered's for the other deliveries. A function of its own, not inline in
 * on_delivered, so that its entry and exit save and restore only the registers the
 * lean instance uses, not the general one's. */
static __attribute__((noinline)) void on_delivered_lean(struct sim *sim, void *ctx)
{
    delivered(model_of(sim), ctx, true);
}

static __attribute__((noinline)) void on_delivered_general(struct sim *sim, void *ctx)
{
    delivered(model_of(sim), ctx, false);
}

static void on_delivered(struct sim *sim, void *ctx)
{
    if (model_of(sim)->lean)
        on_delivered_lean(sim, ctx);
    else
        on_delivered_general(sim, ctx);
}

/* ---- allocation ---- */

/* Every line has all the stock it will get: ship what there is, or drop the order.
 * Inline: allocate settles every order that waits for no stock, at once. lean:
 * m->lean, a constant (one line). */
static inline __attribute__((always_inline)) void settled(struct model *m, struct order *o, bool lean)
{
    /* lean: the one line's filled units (one product, which has no substitute), not added
       to 0 (a -0 is as much at or below 0 as 0 + -0) */
    double shipped = lean ? o->lines[0].filled : 0;
    for (size_t i = 0; !lean && i < o->nlines; i++) shipped += o->lines[i].filled + o->lines[i].substituted;
    if (shipped <= 0) {
        drop(m, o);
        return;
    }
    o->allocated = sim_now(m->sim);
    to_picking(m, o);
}

void model_line_filled(struct sim *sim, struct order_line *l)
{
    struct order *o = l->order;
    if (--o->pending == 0) settled(model_of(sim), o, false);
}

/* A customer who met an empty shelf for `missing` units of line l decides what to do. */
static void react(struct model *m, struct order *o, struct order_line *l, double missing)
{
    const struct reaction_config *r = &m->cfg->reactions;
    double shares[REACTIONS] = {r->elsewhere, r->substitute, r->wait, r->cancel};
    enum reaction choice = (enum reaction)pick_weighted(m, shares, REACTIONS, SRC_REACTION);
    m->flow.reactions[choice]++;
    m->flow.reacted_lines++;
    struct stock *s = line_stock(m, o, l, false);
    int sub = m->products[l->product].substitute;
    if (choice == REACT_WAIT) {
        stock_wait(s, l, missing);
        o->pending++;
        o->waited = true;
        return;
    }
    if (choice == REACT_SUBSTITUTE && sub >= 0) {
        double got = stock_substitute(&m->stocks[sub], l, missing);
        l->substituted += got;
        stock_note_substituted(s, got);
        stock_allocated(&m->stocks[sub], m->sim);
        missing -= got;
    }
    if (missing > UNITS_DUST) {
        l->lost += missing;
        stock_lose(s, missing);
    }
}

/* lean: m->lean, a constant (one line, no locations). */
static inline __attribute__((always_inline)) void allocate(struct model *m, struct order *o, bool lean)
{
    struct flow *f = &m->flow;
    struct tier_flow *tf = &f->tiers[o->tier];
    tf->allocated++; /* the flow's allocated and short orders: the tiers' sums (model_fold_instant) */
    bool locations = !lean && m->cfg->nlocations;
    bool covering = locations && m->cfg->network.when_short != WHEN_SHORT_WAIT;
    size_t n = lines_of(o, lean);
    for (size_t i = 0; i < n; i++) {
        struct order_line *l = &o->lines[i];
        struct stock *s = line_stock(m, o, l, lean);
        /* the flow's lines: the stocks' (model_fold_instant), which stock_allocate_first counts */
        double want = l->units, got = stock_allocate_first(s, l, o->priority), missing = want - got;
        if (missing > UNITS_DUST && covering) {
            double sent = network_cover(m, o, l, missing);
            got += sent;
            missing -= sent;
        }
        tf->demanded += want;
        tf->filled_now += got;
        if (locations) {
            f->regions[o->region].demanded += want;
            f->regions[o->region].filled += got;
        }
        if (missing > UNITS_DUST) {
            o->stockout = true;
            f->short_lines++;
            switch (s->cfg->shortage) {
            case SHORTAGE_BACKORDER:
                stock_wait(s, l, missing);
                o->pending++;
                o->waited = true;
                break;
            case SHORTAGE_LOST_SALE:
                l->lost += missing;
                stock_lose(s, missing);
                break;
            case SHORTAGE_REACT: react(m, o, l, missing); break;
            }
        }
        if (lean)
            stock_allocated_lean(s, m->sim);
        else
            stock_allocated(s, m->sim);
    }
    if (o->stockout) tf->short_orders++;
    if (locations) {
        struct region_flow *rf = &f->regions[o->region];
        rf->allocated++;
        rf->from_home += o->location == m->cfg->regions[o->region].home && !o->helped && !o->stockout;
    }
    if (o->pending == 0) settled(m, o, lean);
}

/* after_processing's two instances, each a function of its own (as on_delivered_lean's,
 * so that the lean one saves and restores only the registers it uses). */
static __attribute__((noinline)) void after_processing_lean(struct sim *sim, struct order *o)
{
    o->processed = sim_now(sim);
    allocate(model_of(sim), o, true);
}

static __attribute__((noinline)) void after_processing_general(struct sim *sim, struct order *o)
{
    o->processed = sim_now(sim);
    allocate(model_of(sim), o, false);
}

static void after_processing(struct sim *sim, struct order *o)
{
    if (model_of(sim)->lean)
        after_processing_lean(sim, o);
    else
        after_processing_general(sim, o);
}

/* on_processed for a lean model: the processing station's handler (setup). A lean
 * model has no status inquiries, so every job the clerks finish is an order. */
static void on_processed_lean(struct sim *sim, void *ctx)
{
    station_depart(&model_of(sim)->processing, sim);
    after_processing_lean(sim, ctx);
}

static void on_processed(struct sim *sim, void *ctx)
{
    struct model *m = model_of(sim);
    struct order *o = ctx;
    station_depart(&m->processing, sim);
    if (o->inquiry) { /* a call answered: the customer may call again later */
        m->flow.inquiry_busy += o->service;
        if (o->about) {
            o->about->call = NULL;
            schedule_inquiry(m, o->about);
        }
        order_free(&m->pool, o);
        return;
    }
    after_processing(sim, o);
}

static void on_received(struct sim *sim, void *ctx)
{
    struct model *m = model_of(sim);
    struct order *o = ctx;
    o->received = sim_now(sim);
    if (m->skip_processing) {
        after_processing(sim, o);
        return;
    }
    o->service = o->processing_days;
    station_arrive(&m->processing, sim, o);
}

/* ---- placing an order: the fast path, or an order record ---- */

/* The fast path. An order of one product that meets no order-cycle stage (the
 * features models/fastpath.h allows for FASTPATH_INSTANT) is filled, or lost, the moment it is placed: everything the
 * general path does through an order record and a chain of calls happens here at once, in the same order and with the
 * same random numbers. Returns false, having changed nothing, when the order must wait for stock; the general path then
 * takes it. A test (test_models) checks that both paths give identical metrics. */
static inline __attribute__((always_inline)) bool place_instant(struct model *m, int tier, double units, bool shifted,
                                                                bool quantity)
{
    struct stock *s = &m->stocks[0];
    const struct tier_config *tc = &m->tiers[tier];
    if (!m->instant_lost_sales && units - stock_available(s, tc->priority) > UNITS_DUST) return false;
    struct flow *f = &m->flow;
    struct tier_flow *tf = &f->tiers[tier];
    f->units_placed += units;
    f->shifted += shifted;
    f->quantity_orders += quantity;
    tf->demanded += units;
    double got = stock_sell(s, m->sim, units, tc->priority); /* the rest is lost */
    tf->filled_now += got;
    tf->instant_placed++;
    if (units - got > UNITS_DUST) { /* short: dropped with nothing to ship, or delivered not in full */
        tf->instant_short++;
        if (got <= 0) {
            tf->instant_dropped++;
            return true;
        }
        tf->instant_short_delivered++;
    }
    /* delivered at once: complete, correct and on time (count_delivered, by fold_instant) */
    if (m->cfg->demand.has_weekday) f->peak_delivered += shape_is_peak(&m->cfg->demand, sim_now(m->sim));
    if (m->trace && m->counting) trace_cycle(m->trace, 0);
    f->units_at_list[0] += got;
    double list = got * m->products[0].price_per_unit;
    if (tc->price_factor == 1 && !shifted && !quantity)
        tf->revenue += list; /* exactly what earn_list adds then */
    else
        earn_list(m, tier, -1, list, shifted, quantity, 0);
    return true;
}

/* Add the instant orders to the counts that allocate, count_delivered and
 * drop keep: what they would have counted for each of them (a cycle of 0 days
 * adds nothing to the sums); then set the flow's counts that are sums of the tiers'
 * (placed, allocated, short, delivered, promised, on-time and perfect orders), which the
 * handlers count per tier only, and the counts that follow from them (the flow's
 * undamaged, accurate and otif orders, and its lines: the stocks'). Integer counts, so the order of
 * adding does not matter, and calling it again sets the same sums. */
void model_fold_instant(struct model *m)
{
    struct flow *f = &m->flow;
    uint64_t all = 0;
    f->placed = f->allocated = f->short_orders = f->delivered = f->promised = f->on_time = f->perfect = 0;
    for (size_t t = 0; t < m->ntiers; t++) {
        struct tier_flow *tf = &f->tiers[t];
        uint64_t placed = tf->instant_placed, short_ = tf->instant_short;
        uint64_t n = placed - tf->instant_dropped, full = n - tf->instant_short_delivered; /* delivered, in full */
        /* placed and allocated, one line each, short or not */
        tf->placed += placed;
        tf->allocated += placed;
        f->instant += placed;
        f->short_lines += short_;
        tf->short_orders += short_;
        /* dropped with nothing to ship */
        f->dropped += placed - n;
        tf->dropped += placed - n;
        /* delivered: undamaged and accurate, and in full on time when perfect */
        all += n;
        tf->delivered += n;
        if (m->tiers[t].has_promise) tf->on_time += n;
        tf->perfect += full;
        f->in_full += full;
        tf->instant_placed = tf->instant_short = tf->instant_dropped = tf->instant_short_delivered = 0;
        f->placed += tf->placed;
        f->allocated += tf->allocated;
        f->short_orders += tf->short_orders;
        f->delivered += tf->delivered;
        if (m->tiers[t].has_promise) f->promised += tf->delivered;
        f->on_time += tf->on_time;
        f->perfect += tf->perfect;
    }
    /* every line allocated, on the fast path too, is one a stock counts (stock_issue) */
    f->lines = 0;
    for (size_t p = 0; p < m->nstocks; p++) f->lines += m->stocks[p].counts.lines;
    f->undamaged = f->delivered - f->damaged_delivered;
    f->accurate = f->delivered - f->inaccurate_delivered;
    f->otif = f->perfect + f->otif_flawed;
    qsketch_add_zeros(&m->cycle_quantiles, all);
}

static inline __attribute__((always_inline)) void place_general(struct model *m, int tier, uint32_t customer,
                                                                bool shifted, bool quantity, double units, bool lean);

/* model_place_order's body, inline in it and in model_place_new_order (whose constant
 * arguments fold away). */
static inline __attribute__((always_inline)) void
place_order(struct model *m, int tier, uint32_t customer, bool shifted, bool quantity, double given_units, bool lean)
{
    if (lean && !m->instant) { /* lean: a copy of its own, in which given units fold (NaN: drawn) */
        place_general(m, tier, customer, shifted, quantity, given_units, lean);
        return;
    }
    double units = given_units;
    if (m->instant) {
        if (isnan(units)) units = dist_sample(units_per_order(m, tier), rng(m, SRC_UNITS));
        if (!(units > 0)) return; /* a draw of 0 units is not an order */
        if (place_instant(m, tier, units, shifted, quantity)) return;
    }
    place_general(m, tier, customer, shifted, quantity, units, lean);
}

void model_place_order(struct model *m, int tier, uint32_t customer, bool shifted, bool quantity, double given_units)
{
    place_order(m, tier, customer, shifted, quantity, given_units, false);
}

/* model_place_new_order's two instances, each a function of its own (as
 * on_delivered_lean's, so that the lean one saves and restores only the registers it
 * uses). The lean one is also inline in model_on_lean_arrival. */
static __attribute__((noinline)) void place_new_order_lean(struct model *m, int tier)
{
    place_order(m, tier, UINT32_MAX, false, false, NAN, true);
}

static __attribute__((noinline)) void place_new_order_general(struct model *m, int tier)
{
    place_order(m, tier, UINT32_MAX, false, false, NAN, false);
}

void model_place_new_order(struct model *m, int tier)
{
    if (m->lean)
        place_new_order_lean(m, tier);
    else
        place_new_order_general(m, tier);
}

void model_on_lean_arrival(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    sim_schedule_recurring(sim, sim_now(sim) + demand_next_gap(m, true), EVENT_ORDER, model_on_lean_arrival, NULL);
    place_order(m, demand_pick_tier(m, SRC_TIER), UINT32_MAX, false, false, NAN, true);
}

/* model_place_order through an order record: units as its given_units, or as
 * drawn for the fast path that could not take the order. Inline in its callers
 * (place_order, on_plain_arrival): a call of six arguments for every order. lean:
 * m->lean, a constant (no weekday profile, channels, locations, errors or damage,
 * express delivery or inquiries: their tests and draws fold away). */
static inline __attribute__((always_inline)) void place_general(struct model *m, int tier, uint32_t customer,
                                                                bool shifted, bool quantity, double units, bool lean)
{
    const struct model_config *c = m->cfg;
    struct sim *sim = m->sim;
    double now = sim_now(sim);
    struct order *o = order_new(&m->pool);
    o->tier = tier;
    o->priority = m->tier_priority[tier];
    if (!demand_order_lines(m, o, units, lean)) {
        order_free(&m->pool, o);
        return;
    }
    if (customer != UINT32_MAX) {
        o->customer = customer;
        o->customer_gen = m->customers.all[customer].gen;
        o->stage = m->customers.all[customer].stage;
    }
    o->placed = now;
    if (!lean) { /* a lean order is neither, nor on a peak day: false, as order_new left them */
        o->shifted = shifted;
        o->quantity_discount = quantity;
        o->on_peak_day = c->demand.has_weekday && shape_is_peak(&c->demand, now); /* no call without a profile */
    }
    const struct order_cycle_config *oc = &c->order_cycle;
    bool abandoned = false; /* every draw is made all the same, so later orders keep theirs */
    if (!lean && c->nchannels) {
        double shares[MAX_CHANNELS];
        for (size_t ch = 0; ch < c->nchannels; ch++) shares[ch] = c->channels[ch].share;
        o->channel = (int)pick_weighted(m, shares, c->nchannels, SRC_CHANNEL);
        const struct channel_config *ch = &c->channels[o->channel];
        o->transmission_days = draw(m, &ch->transmission_days, SRC_TRANSMISSION);
        o->entry_error = chance(m, ch->entry_error_rate, SRC_ERRORS);
        abandoned = chance(m, ch->abandon_rate, SRC_ABANDON);
        if (!abandoned) m->flow.channel_cost += ch->cost_per_order;
    } else {
        o->transmission_days = draw_of(m, &oc->transmission_days, SRC_TRANSMISSION, lean);
    }
    o->processing_days = draw_of(m, &oc->processing.days, SRC_PROCESSING, lean);
    o->picking_days = draw_of(m, &oc->picking.days, SRC_PICKING, lean);
    if (!lean && c->nlocations) { /* the order's region, and the open location nearest its home */
        o->region = c->nregions > 1 ? (int)pick_weighted(m, m->region_shares, c->nregions, SRC_REGION) : 0;
        const struct region_config *rc = &c->regions[o->region];
        o->location = m->open[rc->home] ? rc->home : network_nearest_open(c, rc->home, m->open);
        o->delivery_days = draw(m, &rc->delivery_days, SRC_DELIVERY) + transfer_days(m, o->location, rc->home);
        if (!abandoned) {
            m->flow.rerouted += o->location != rc->home;
            m->flow.regions[o->region].placed++;
        }
    } else {
        o->delivery_days = draw_of(m, &oc->delivery_days, SRC_DELIVERY, lean);
    }
    bool picking_error = !lean && chance(m, oc->picking_error_rate, SRC_ERRORS),
         damaged = !lean && chance(m, oc->damage_rate, SRC_DAMAGE);
    if (!lean) o->picking_error = picking_error, o->damaged = damaged; /* lean: false, as order_new left them */
    /* the two flags just drawn as they were drawn: read back from the order with
       o->entry_error, three byte stores were read by one wider load, which stalls the
       processor (store forwarding) */
    if (!lean && (o->entry_error | picking_error | damaged)) o->return_days = draw(m, &oc->return_days, SRC_RETURN);
    if (!lean && (m->features & FEATURE_EXPEDITE))
        o->expedite_days = draw(m, &oc->expedite_delivery_days, SRC_EXPEDITE);
    if (abandoned) { /* the customer gave up: lost demand that never reaches the supplier */
        m->flow.abandoned++;
        order_free(&m->pool, o);
        return;
    }
    if (!lean && m->inquiries && !status_visible(c, o)) schedule_inquiry(m, o);
    m->flow.units_placed += o->units; /* the flow's placed orders: the tiers' sum (model_fold_instant) */
    m->flow.tiers[tier].placed++;
    m->flow.shifted += shifted;
    m->flow.quantity_orders += quantity;
    if (o->transmission_days > 0)
        schedule_stage(sim, m->transmission_lane, now + o->transmission_days, on_received, o);
    else
        on_received(sim, o);
}

/* on_arrival (models/demand.c) for the commonest kind of scenario, as short as it can be: one tier, no
 * demand shape, no deferred orders, every order on the fast path (the features
 * models/fastpath.h allows for FASTPATH_PLAIN).
 * The same draws, in the same order, as on_arrival and model_place_order. */
static void on_plain_arrival(struct sim *sim, void *ctx)
{
    struct model *m = ctx;
    sim_place place = sim_reserve(sim, EVENT_ORDER); /* where on_arrival schedules the next */
    double next;
    do { /* this arrival, then the next ones while nothing else comes first */
        next = sim_now(sim) + dist_sample(&m->cfg->demand.interarrival_days, m->gaps_rng);
        double units = dist_sample(m->units, m->units_rng);
        if (units > 0 && !place_instant(m, 0, units, false, false)) /* a draw of 0 units is not an order */
            place_general(m, 0, UINT32_MAX, false, false, units, false);
    } while (sim_recur(sim, next, &place, on_plain_arrival, m));
}

bool model_plain_arrivals(struct model *m, double first)
{
    if (!m->instant || !fastpath_allows(m->cfg, FASTPATH_PLAIN)) return false;
    m->gaps_rng = rng(m, SRC_INTERARRIVAL);
    m->units = units_per_order(m, 0);
    m->units_rng = rng(m, SRC_UNITS);
    sim_schedule_recurring(m->sim, first, EVENT_ORDER, on_plain_arrival, m);
    return true;
}

/* ---- warm-up ---- */

static void on_reset(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    double now = sim_now(sim);
    memset(&m->flow, 0, sizeof m->flow);
    qsketch_reset(&m->cycle_quantiles);
    for (size_t p = 0; p < m->nstocks; p++) stock_restart(&m->stocks[p], now);
    m->in_transit_at_restart = m->in_transit;
    for (size_t l = 0; l < m->cfg->nlocations; l++) timeavg_restart(&m->open_avg[l], now);
    echelon_restart(m, now);
    supplier_restart(m, now);
    timeavg_restart(&m->open_count_avg, now);
    timeavg_restart(&m->processing.busy_avg, now);
    timeavg_restart(&m->picking.busy_avg, now);
    if (m->cfg->customers.on) customers_restart(&m->customers, now);
    if (m->cfg->contract.ntargets) contract_restart(m);
    m->counting = true;
    if (m->cfg->customers.on) model_trace_customers(m);
    if (m->trace && !m->stocks[m->trace->stock].unlimited) /* where the window starts */
        trace_levels(m, now, &m->stocks[m->trace->stock]);
}

/* ---- one replication ---- */

/* Without [product.*] sections: one product made of the global keys. */
static void implicit_product(const struct model_config *c, struct product_config *p)
{
    *p = (struct product_config){.share = 1,
                                 .inventory = c->inventory,
                                 .costs = c->costs,
                                 .price_per_unit = c->revenue.price_per_unit,
                                 .substitute = -1,
                                 .returns = c->returns};
}

/* Without [tier.*] sections: one tier with the global promise and customer rules. */
static void implicit_tier(const struct model_config *c, struct tier_config *t)
{
    const struct customer_config *cc = &c->customers;
    *t = (struct tier_config){.share = 1,
                              .price_factor = 1,
                              .has_promise = c->order_cycle.has_promise,
                              .promise_days = c->order_cycle.promise_days,
                              .orders_per_customer_day = cc->orders_per_customer_day,
                              .defect_failures = cc->defect_failures,
                              .defect_window = cc->defect_window,
                              .churn_per_day = cc->churn_per_day,
                              .has_expectation = c->loyalty.has_expectation,
                              .expectation_days = c->loyalty.expectation_days};
}

enum { STOP_CHECK_EVENTS = 1 << 16 };

/* Units on backorder now, over every product. */
static double backordered_now(const struct model *m)
{
    double units = 0;
    for (size_t p = 0; p < m->nstocks; p++) units += m->stocks[p].backordered;
    return units;
}

/* An unlimited stage's events come mostly in the order they are scheduled when its
 * times vary less than the gaps between orders: always for a constant; for an
 * exponential of mean (and sd) 0.01 day against gaps of 0.025 (default.ini's
 * transmission), 96%. */
static bool keeps_order(const struct model_config *c, const struct dist *days)
{
    return dist_sd(days) <= dist_mean(&c->demand.interarrival_days);
}

/* How many events a stage of unlimited servers taking `days` holds pending on average
 * (Little's law): its mean time over the mean gap between orders. +inf when that mean
 * gap is 0, 0 when it is infinite, NaN when both means are 0 or both infinite (a
 * [customers] base of no or endless rate); the tests below take anything not under
 * LANE_UNDER_WAY_MIN as many. */
static double under_way(const struct model *m, const struct dist *days)
{
    return dist_mean(days) / dist_mean(&m->cfg->demand.interarrival_days);
}

/* Below this many events under way, a stage's events stay on the heap: a heap of a few
 * costs less than one more lane to compare at every event (default.ini's transmission,
 * 0.4 under way: 5% faster on the heap; a constant with 2: 2% faster; with 4 and 10
 * under way, 3% and 9% slower). */
static const double LANE_UNDER_WAY_MIN = 3;

/* Whether a stage of unlimited servers taking `days`, if the scenario has it (`has`) and
 * it was left on the heap (lane < 0), crowds the heap: many under way, or a number
 * unknown. */
static bool crowds_heap(const struct model *m, bool has, int lane, const struct dist *days)
{
    return has && lane < 0 && !(under_way(m, days) < LANE_UNDER_WAY_MIN);
}

/* The stage of unlimited servers taking `days` in its own lane (sim_lane_open) when its
 * events keep their order, else in a calendar (sim_calendar_open) of buckets one mean
 * gap between orders wide, reaching the stage's longest time or, for an unbounded one,
 * its mean and eight standard deviations (a later event goes to the heap). -1, the
 * heap, when it holds fewer than LANE_UNDER_WAY_MIN events under way, or when the gaps
 * have no finite mean above 0. */
static int open_stage_lane(struct model *m, const struct dist *days, sim_handler fn)
{
    if (!(under_way(m, days) >= LANE_UNDER_WAY_MIN)) return -1;
    if (keeps_order(m->cfg, days)) return sim_lane_open(m->sim, EVENT_ORDER, fn);
    double reach = dist_highest(days), width = dist_mean(&m->cfg->demand.interarrival_days);
    if (!(reach < INFINITY)) reach = dist_mean(days) + 8 * dist_sd(days);
    if (!(width > 0 && width < INFINITY && reach < INFINITY)) return -1;
    return sim_calendar_open(m->sim, EVENT_ORDER, fn, width, reach);
}

/* Lanes for the stages whose events would otherwise crowd the heap, chosen by the
 * stage's distribution: at the order desk and the packer one server, or a constant time
 * (and, at the desk, no inquiries with times of their own), a plain lane; transmission
 * and delivery, unlimited delays, a lane or a calendar (open_stage_lane; delivery never
 * expedited or from locations). A stage that takes no time has no events and no lane.
 * Only speed depends on the choice: an event out of its lane's order, or past its
 * calendar, goes to the heap. A station's lane pays only when the heap is large, which
 * the events of channels or locations make, or a stage of unlimited servers left on it
 * with many under way (expedited deliveries); else the heap holds a few events, cheaper
 * to keep there than a lane (bench/mm1.ini: 5% more instructions). */
static void open_lanes(struct model *m, bool heap_only)
{
    const struct model_config *c = m->cfg;
    const struct order_cycle_config *oc = &c->order_cycle;
    m->transmission_lane = m->delivery_lane = -1;
    if (heap_only) return; /* the general path's check of the lanes (struct model_watch) */
    bool transmits = !dist_is_zero(&oc->transmission_days), delivers = !dist_is_zero(&oc->delivery_days);
    if (!c->nchannels && transmits) m->transmission_lane = open_stage_lane(m, &oc->transmission_days, on_received);
    if (!c->nlocations && !(m->features & FEATURE_EXPEDITE) && delivers)
        m->delivery_lane = open_stage_lane(m, &oc->delivery_days, m->lean ? on_delivered_lean : on_delivered);
    /* the events of channels and locations, and of an unlimited stage left on it with
       many under way (or a number unknown), keep the heap large */
    bool large_heap = c->nchannels || c->nlocations || crowds_heap(m, delivers, m->delivery_lane, &oc->delivery_days) ||
                      crowds_heap(m, transmits, m->transmission_lane, &oc->transmission_days);
    if (large_heap && !m->skip_processing &&
        (oc->processing.servers == 1 || (dist_is_constant(&oc->processing.days) && !m->inquiries)))
        station_use_lane(&m->processing, m->sim);
    if (large_heap && !m->skip_picking && (oc->picking.servers == 1 || dist_is_constant(&oc->picking.days)))
        station_use_lane(&m->picking, m->sim);
}

size_t model_order_room(const struct model_config *cfg)
{
    size_t products = cfg->nproducts ? cfg->nproducts : 1; /* demand_order_lines: one line per product */
    return products < MAX_LINES ? products : MAX_LINES;
}

/* m->lean (models/model_internal.h): what the lean instances of the handlers take as
 * absent is absent. A new feature the hot handlers test per order must be added here
 * (docs/architecture.md, the fast path). After the features, inquiries, returns and
 * trace are set. */
static bool is_lean(const struct model *m)
{
    const struct model_config *c = m->cfg;
    const struct demand_config *d = &c->demand;
    const struct order_cycle_config *oc = &c->order_cycle;
    return m->nproducts == 1 && !c->nchannels && !c->nlocations && !d->has_weekday && !(d->peak_shift_share > 0) &&
           !(d->quantity_discount_share > 0) && !c->customers.on && !(oc->picking_error_rate > 0) &&
           !(oc->damage_rate > 0) && !(m->features & (FEATURE_EXPEDITE | FEATURE_STORAGE)) && !m->inquiries &&
           !m->returns && !m->trace;
}

/* The streams a lean model's placing draws from at every order, made now: the units'
 * stream, and the stream of each stage that is not a constant (a constant draws
 * nothing). Its lean instance (place_general with lean) then takes them as made and does
 * not test them (draw_of, sample_per_order). Made now or at the first order, a stream
 * gives the same numbers: each is fixed by its seed alone (sim/rng.h). */
static void make_lean_streams(struct model *m)
{
    const struct order_cycle_config *oc = &m->cfg->order_cycle;
    rng(m, SRC_UNITS); /* made even for a constant, as sample_per_order makes it */
    const struct {
        const struct dist *d;
        enum rng_source src;
    } stages[] = {{&oc->transmission_days, SRC_TRANSMISSION},
                  {&oc->processing.days, SRC_PROCESSING},
                  {&oc->picking.days, SRC_PICKING},
                  {&oc->delivery_days, SRC_DELIVERY}};
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++)
        if (!dist_is_constant(stages[i].d)) rng(m, stages[i].src);
}

/* general_path: never take a short cut (struct model_watch). */
static void setup(struct model *m, const struct model_config *cfg, bool general_path)
{
    if (cfg->nproducts) {
        m->products = cfg->products;
        m->nproducts = cfg->nproducts;
    } else {
        implicit_product(cfg, &m->implicit_product);
        m->products = &m->implicit_product;
        m->nproducts = 1;
    }
    if (cfg->ntiers) {
        m->tiers = cfg->tiers;
        m->ntiers = cfg->ntiers;
    } else {
        implicit_tier(cfg, &m->implicit_tier);
        m->tiers = &m->implicit_tier;
        m->ntiers = 1;
    }
    for (size_t t = 0; t < m->ntiers; t++) {
        m->tier_shares[t] = m->tiers[t].share;
        m->tier_at_list[t] = m->tiers[t].price_factor == 1 && !(cfg->revenue.late_zero_days > 0) && !cfg->loyalty.on;
        m->tier_units[t] = m->tiers[t].has_units ? &m->tiers[t].units_per_order : &cfg->demand.units_per_order;
        m->tier_promise[t] = m->tiers[t].has_promise;
        m->tier_priority[t] = m->tiers[t].priority;
        m->tier_on_time_days[t] = m->tiers[t].has_promise ? m->tiers[t].promise_days + 1e-9 : INFINITY;
    }
    m->top_priority = m->tiers[0].priority;
    for (size_t t = 1; t < m->ntiers; t++)
        if (m->tiers[t].priority > m->top_priority) m->top_priority = m->tiers[t].priority;
    order_pool_init(&m->pool, model_order_room(cfg));
    /* room for a line in every order: what order_add_first_line takes (demand_order_lines) */
    assert(m->pool.room >= 1);
    const struct order_cycle_config *oc = &cfg->order_cycle;
    station_init(&m->processing, oc->processing.servers, EVENT_ORDER, on_processed);
    station_init(&m->picking, oc->picking.servers, EVENT_ORDER, on_picked);
    m->skip_processing = oc->processing.servers == 0 && dist_is_zero(&oc->processing.days);
    m->skip_picking = oc->picking.servers == 0 && dist_is_zero(&oc->picking.days);
    m->nstocks = cfg->nlocations ? cfg->nlocations : m->nproducts;
    for (size_t p = 0; p < m->nstocks; p++) {
        enum rng_source lead = p == 0 ? SRC_LEAD_TIME : (enum rng_source)(SRC_LEAD_TIME_MORE + p - 1);
        const struct inventory_config *inv = cfg->nlocations ? &cfg->locations[p].inventory : &m->products[p].inventory;
        stock_init(&m->stocks[p], inv, inv->reserve_units, m->top_priority, rng(m, lead), &m->pool, model_line_filled);
    }
    if (cfg->nlocations) network_setup(m), echelon_setup(m);
    supplier_setup(m);
    m->features = metric_features(cfg);
    m->inquiries = oc->inquiries_per_order_day > 0;
    m->returns = returns_in_use(cfg);
    /* the reader lifted a rate already (reader/scenario.c, resolve_returns) */
    m->demand_factor = cfg->customers.on ? 1 + cfg->returns.demand_lift * cfg->returns.refund_share : 1;
    m->instant = !general_path && fastpath_allows(cfg, FASTPATH_INSTANT);
    m->instant_lost_sales = m->instant && m->stocks[0].cfg->shortage == SHORTAGE_LOST_SALE;
    m->shaped = shape_active(&cfg->demand);
    m->shape_max = m->shaped ? shape_max(&cfg->demand) : 1;
    m->lean = !general_path && is_lean(m);
    if (m->lean) { /* before open_lanes, which may give a station's handler a lane */
        station_set_done(&m->processing, on_processed_lean);
        station_set_done(&m->picking, on_picked_lean);
        make_lean_streams(m);
    }
    open_lanes(m, general_path);
}

int model_run(const struct model_config *cfg, uint64_t rep, double *metrics, struct model_totals *totals,
              const atomic_int *stop)
{
    return model_run_traced(cfg, rep, metrics, totals, stop, NULL);
}

int model_run_traced(const struct model_config *cfg, uint64_t rep, double *metrics, struct model_totals *totals,
                     const atomic_int *stop, struct model_trace *trace)
{
    struct model_watch w = {.stop = stop, .totals = totals, .trace = trace};
    return model_run_watched(cfg, rep, metrics, &w);
}

int model_run_watched(const struct model_config *cfg, uint64_t rep, double *metrics, const struct model_watch *w)
{
    const struct model_watch none = {0};
    if (!w) w = &none;
    struct model_trace *trace = w->trace;
    struct model *m = calloc(1, sizeof *m);
    if (!m) abort();
    m->cfg = cfg;
    m->rep = rep;
    m->trace = trace;
    m->counting = cfg->run.warmup_days == 0;
    qsketch_reset(&m->cycle_quantiles); /* empty: not zeroed (sim/quantile.h) */
    m->sim = sim_new(m);
    if (!m->sim) abort();
    setup(m, cfg, w->general_path);
    if (trace && trace->stock >= m->nstocks) trace->stock = 0; /* no such stock point: the first */
    if (trace && !m->stocks[trace->stock].unlimited) {
        struct stock *traced = &m->stocks[trace->stock];
        traced->on_levels = trace_levels;
        traced->on_levels_ctx = m;
        if (m->counting) trace_levels(m, 0, traced);
    }
    /* the lean allocation's stock point stays lean: only locations close one, and only
       locations and a trace give one information sharing or an on_levels hook */
    assert(!m->lean || stock_is_lean(&m->stocks[0]));

    struct sim *sim = m->sim;
    double warmup = cfg->run.warmup_days, end = warmup + cfg->run.horizon_days;
    if (warmup > 0) sim_schedule(sim, warmup, EVENT_RESET, on_reset, NULL);
    demand_start(m);
    for (size_t p = 0; p < m->nstocks; p++)
        if (!m->stocks[p].closed) stock_start(&m->stocks[p], sim);
    network_start(m);
    echelon_start(m);
    supplier_start(m);
    if (cfg->contract.ntargets) contract_start(m, w->contract_periods);

    int stopped = 0;
    uint64_t next_check = STOP_CHECK_EVENTS; /* events run, counted by the kernel (chains included) */
    /* events run up to `limit`: first the middle of the window, where the backlog is
       recorded (before the first event at or after it), then the end */
    double mid = warmup + cfg->run.horizon_days / 2, limit = mid;
    bool mid_seen = false;
    size_t in_system_mid = 0;
    double backordered_mid = 0;
    for (;;) { /* the kernel runs STOP_CHECK_EVENTS at a time, then progress and stop are seen to */
        if (!sim_run_before(sim, limit, next_check)) {
            if (mid_seen || !(sim_next_time(sim) < end)) break;
            mid_seen = true;
            in_system_mid = order_pool_in_use(&m->pool);
            backordered_mid = backordered_now(m);
            limit = end;
            continue;
        }
        next_check = sim_events_run(sim) + STOP_CHECK_EVENTS;
        if (w->progress) w->progress(w->progress_ctx, sim_now(sim) / end);
        if (w->stop && atomic_load(w->stop)) {
            stopped = 1;
            break;
        }
    }
    sim_run_until(sim, stopped ? sim_now(sim) : end);
    if (!mid_seen) in_system_mid = order_pool_in_use(&m->pool), backordered_mid = backordered_now(m);

    model_fold_instant(m);
    if (cfg->contract.ntargets && !stopped) contract_finish(m);
    model_metrics_compute(m, end, metrics);
    if (!stopped && (m->features & FEATURE_DISRUPTIONS))
        stopped = supplier_twin_metrics(cfg, rep, w->general_path, metrics, w->stop);
    if (w->totals) {
        model_metrics_totals(m, w->totals);
        w->totals->orders_in_system_mid = in_system_mid;
        w->totals->orders_in_system_final = order_pool_in_use(&m->pool);
        w->totals->backordered_mid = backordered_mid;
    }

    for (size_t p = 0; p < m->nstocks; p++) stock_fini(&m->stocks[p]);
    if (cfg->customers.on) customers_fini(&m->customers), loyalty_fini(m);
    returns_fini(m);
    echelon_fini(m);
    supplier_fini(m);
    order_pool_fini(&m->pool);
    for (int i = 0; i < SRC_COUNT; i++)
        if (m->rng[i]) gsl_rng_free(m->rng[i]);
    sim_free(m->sim);
    free(m);
    return stopped;
}
