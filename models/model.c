/* model.c - the order cycle: event handlers that move an order from stage to stage,
 * the warm-up reset, and the metrics computed at the end of a replication.
 * A stage whose time is a constant 0 with unlimited servers is skipped by a direct
 * call instead of an event, so scenarios without an order cycle run at full speed. */
#include "model.h"
#include "event_class.h"
#include "order.h"
#include "policy.h"
#include "station.h"
#include "stock.h"
#include "sim/quantile.h"
#include "sim/rng.h"
#include "sim/sim.h"
#include "sim/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What happens to orders, counted since the warm-up reset. */
struct flow {
    uint64_t placed;
    double units_placed;
    uint64_t delivered, on_time, perfect, dropped;
    double units_delivered;
    struct tally cycle, transmission, processing, stock_wait, picking, delivery;
};

struct model {
    const struct model_config *cfg;
    struct sim *sim;
    gsl_rng *rng[SRC_COUNT];
    struct order_pool pool;
    struct stock stock;
    struct station processing, picking;
    bool skip_processing, skip_picking;
    struct flow flow;
    struct qsketch cycle_quantiles;
    struct model_trace *trace; /* optional */
    bool counting;             /* inside the statistics window (for the trace) */
};

static struct model *model_of(struct sim *sim)
{
    return sim_owner(sim);
}

/* ---- tracing for charts ---- */

void model_trace_init(struct model_trace *t, size_t limit)
{
    *t = (struct model_trace){.limit = limit};
}

void model_trace_fini(struct model_trace *t)
{
    free(t->cycle);
    free(t->levels);
    *t = (struct model_trace){0};
}

/* Grow an array to hold one more element; false when the limit is reached. */
static bool room(void **items, size_t *cap, size_t n, size_t size, struct model_trace *t)
{
    if (n >= t->limit) {
        t->truncated = true;
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
    if (room((void **)&t->cycle, &t->cap_cycle, t->ncycle, sizeof *t->cycle, t)) t->cycle[t->ncycle++] = cycle;
}

static void trace_levels(void *ctx, double now, const struct stock *s)
{
    struct model *m = ctx;
    struct model_trace *t = m->trace;
    if (!m->counting) return;
    if (room((void **)&t->levels, &t->cap_levels, t->nlevels, sizeof *t->levels, t))
        t->levels[t->nlevels++] = (struct level_point){now, s->on_hand, s->backordered, stock_position(s)};
}

static double draw(struct model *m, const struct dist *d, enum rng_source src)
{
    return dist_is_zero(d) ? 0 : dist_sample(d, m->rng[src]);
}

/* ---- the end of an order's life ---- */

static void on_delivered(struct sim *sim, void *ctx)
{
    struct model *m = model_of(sim);
    struct order *o = ctx;
    const struct order_cycle_config *oc = &m->cfg->order_cycle;
    double now = sim_now(sim), cycle = now - o->placed;
    struct flow *f = &m->flow;
    f->delivered++;
    f->units_delivered += o->filled;
    bool on_time = !oc->has_promise || cycle <= oc->promise_days + 1e-9;
    bool in_full = o->lost == 0;
    if (oc->has_promise && on_time) f->on_time++;
    if (on_time && in_full) f->perfect++;
    tally_add(&f->cycle, cycle);
    qsketch_add(&m->cycle_quantiles, cycle);
    if (m->trace && m->counting) trace_cycle(m->trace, cycle);
    tally_add(&f->transmission, o->received - o->placed);
    tally_add(&f->processing, o->processed - o->received);
    tally_add(&f->stock_wait, o->allocated - o->processed);
    tally_add(&f->picking, o->picked - o->allocated);
    tally_add(&f->delivery, now - o->picked);
    order_free(&m->pool, o);
}

/* A lost-sale order with nothing allocated is not shipped. */
static void drop(struct model *m, struct order *o)
{
    m->flow.dropped++;
    order_free(&m->pool, o);
}

/* ---- picking and delivery ---- */

static void after_picking(struct sim *sim, struct order *o)
{
    o->picked = sim_now(sim);
    if (o->delivery_days > 0)
        sim_schedule(sim, o->picked + o->delivery_days, EVENT_ORDER, on_delivered, o);
    else
        on_delivered(sim, o);
}

static void on_picked(struct sim *sim, void *ctx)
{
    station_depart(&model_of(sim)->picking, sim);
    after_picking(sim, ctx);
}

/* The order has all the stock it will get: on to picking. */
static void on_allocated(struct sim *sim, struct order *o)
{
    struct model *m = model_of(sim);
    o->allocated = sim_now(sim);
    if (m->skip_picking) {
        after_picking(sim, o);
        return;
    }
    o->service = o->picking_days;
    station_arrive(&m->picking, sim, o);
}

/* ---- allocation ---- */

static void after_processing(struct sim *sim, struct order *o)
{
    struct model *m = model_of(sim);
    o->processed = sim_now(sim);
    stock_allocate(&m->stock, sim, o);
    if (o->filled >= o->units)
        on_allocated(sim, o);
    else if (o->lost > 0 && o->filled > 0)
        on_allocated(sim, o);
    else if (o->lost > 0)
        drop(m, o);
    /* else: backordered; the stock calls on_allocated when it is complete */
}

static void on_processed(struct sim *sim, void *ctx)
{
    station_depart(&model_of(sim)->processing, sim);
    after_processing(sim, ctx);
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

/* ---- demand ---- */

static void on_arrival(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    const struct model_config *c = m->cfg;
    double now = sim_now(sim);
    sim_schedule(sim, now + dist_sample(&c->demand.interarrival_days, m->rng[SRC_INTERARRIVAL]),
                 EVENT_ORDER, on_arrival, NULL);
    double units = dist_sample(&c->demand.units_per_order, m->rng[SRC_UNITS]);
    if (!(units > 0)) return; /* a draw of 0 units is not an order */

    struct order *o = order_new(&m->pool);
    o->placed = now;
    o->units = units;
    o->transmission_days = draw(m, &c->order_cycle.transmission_days, SRC_TRANSMISSION);
    o->processing_days = draw(m, &c->order_cycle.processing.days, SRC_PROCESSING);
    o->picking_days = draw(m, &c->order_cycle.picking.days, SRC_PICKING);
    o->delivery_days = draw(m, &c->order_cycle.delivery_days, SRC_DELIVERY);
    m->flow.placed++;
    m->flow.units_placed += units;
    if (o->transmission_days > 0)
        sim_schedule(sim, now + o->transmission_days, EVENT_ORDER, on_received, o);
    else
        on_received(sim, o);
}

/* ---- warm-up ---- */

static void on_reset(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    double now = sim_now(sim);
    memset(&m->flow, 0, sizeof m->flow);
    qsketch_reset(&m->cycle_quantiles);
    stock_restart(&m->stock, now);
    timeavg_restart(&m->processing.busy_avg, now);
    timeavg_restart(&m->picking.busy_avg, now);
    m->counting = true;
    if (m->trace && !m->stock.unlimited) trace_levels(m, now, &m->stock); /* the level the window starts at */
}

/* ---- metrics ---- */

static double ratio(double num, double den)
{
    return den > 0 ? num / den : NAN;
}

static void compute_metrics(const struct model *m, double end, double *x)
{
    const struct model_config *c = m->cfg;
    const struct stock *s = &m->stock;
    const struct stock_counts *sc = &s->counts;
    const struct flow *f = &m->flow;
    const struct cost_config *k = &c->costs;
    double days = c->run.horizon_days;

    for (int i = 0; i < METRIC_COUNT; i++) x[i] = NAN;
    x[M_FILL_RATE] = ratio(sc->filled_now, sc->demanded);
    x[M_STOCKOUT_RATE] = ratio((double)sc->short_allocations, (double)sc->allocations);
    x[M_ORDER_FILL_RATE] = 1 - x[M_STOCKOUT_RATE];
    if (!s->unlimited) x[M_CYCLE_SERVICE_LEVEL] = ratio((double)sc->cycles_ok, (double)sc->cycles);
    x[M_LOST_SALES_RATE] = ratio(sc->lost, sc->demanded);
    if (c->order_cycle.has_promise) x[M_ON_TIME_RATE] = ratio((double)f->on_time, (double)f->delivered);
    x[M_PERFECT_ORDER_RATE] = ratio((double)f->perfect, (double)(f->delivered + f->dropped));

    x[M_ORDER_CYCLE_MEAN] = tally_mean(&f->cycle);
    x[M_ORDER_CYCLE_P50] = qsketch_quantile(&m->cycle_quantiles, 0.50);
    x[M_ORDER_CYCLE_P95] = qsketch_quantile(&m->cycle_quantiles, 0.95);
    x[M_ORDER_CYCLE_P99] = qsketch_quantile(&m->cycle_quantiles, 0.99);
    x[M_CYCLE_TRANSMISSION] = tally_mean(&f->transmission);
    x[M_CYCLE_PROCESSING] = tally_mean(&f->processing);
    x[M_CYCLE_STOCK_WAIT] = tally_mean(&f->stock_wait);
    x[M_CYCLE_PICKING] = tally_mean(&f->picking);
    x[M_CYCLE_DELIVERY] = tally_mean(&f->delivery);
    x[M_PROCESSING_UTILISATION] = station_utilisation(&m->processing, end);
    x[M_PICKING_UTILISATION] = station_utilisation(&m->picking, end);

    x[M_MEAN_ON_HAND] = stock_mean_on_hand(s, end);
    x[M_MEAN_BACKORDERS] = stock_mean_backordered(s, end);
    x[M_MEAN_ON_ORDER] = stock_mean_on_order(s, end);
    x[M_TIME_OUT_OF_STOCK] = stock_time_empty(s, end);
    if (!s->unlimited) x[M_REPLENISHMENTS_PER_DAY] = (double)sc->replenishments / days;
    if (c->inventory.policy->uses_reorder_point)
        x[M_REORDER_UNDERSHOOT] = ratio(sc->undershoot, (double)sc->replenishments);

    x[M_ORDERS_PER_DAY] = (double)f->placed / days;
    x[M_UNITS_PER_DAY] = f->units_placed / days;

    double on_hand = s->unlimited ? 0 : x[M_MEAN_ON_HAND];
    double backorders = s->unlimited ? 0 : x[M_MEAN_BACKORDERS];
    x[M_COST_HOLDING] = k->holding_per_unit_day * on_hand;
    x[M_COST_PURCHASE] = k->order_per_unit * sc->ordered / days;
    x[M_COST_ORDERING] = k->order_fixed * (double)sc->replenishments / days + x[M_COST_PURCHASE];
    x[M_COST_STAFF] = k->processing_per_server_day * c->order_cycle.processing.servers +
                      k->picking_per_server_day * c->order_cycle.picking.servers;
    x[M_COST_SHORTAGE] = k->backorder_per_unit_day * backorders +
                         (k->backorder_per_unit * sc->backordered + k->lost_sale_per_unit * sc->lost) / days;
    x[M_COST_TOTAL] = x[M_COST_HOLDING] + x[M_COST_ORDERING] + x[M_COST_STAFF] + x[M_COST_SHORTAGE];
    x[M_REVENUE] = c->revenue.price_per_unit * f->units_delivered / days;
    x[M_PROFIT] = x[M_REVENUE] - x[M_COST_TOTAL];
}

static void fill_totals(const struct model *m, struct model_totals *t)
{
    const struct stock *s = &m->stock;
    double waiting = 0;
    for (const struct order *o = s->waiting_head; o; o = o->next) waiting += o->units - o->filled;
    *t = (struct model_totals){
        .demanded = s->counts.demanded,
        .filled_now = s->counts.filled_now,
        .backordered = s->counts.backordered,
        .lost = s->counts.lost,
        .allocations = s->counts.allocations,
        .delivered = m->flow.delivered,
        .dropped = m->flow.dropped,
        .placed = m->flow.placed,
        .stock_initial = s->totals.initial,
        .stock_ordered = s->totals.ordered,
        .stock_received = s->totals.received,
        .stock_issued = s->totals.issued,
        .stock_final = s->on_hand,
        .on_order_final = s->on_order,
        .backordered_final = s->backordered,
        .waiting_units_final = waiting,
        .peak_orders_in_flight = m->pool.peak,
        .events = sim_events_run(m->sim),
    };
}

/* ---- one replication ---- */

enum { STOP_CHECK_EVENTS = 1 << 16 };

int model_run(const struct model_config *cfg, uint64_t rep, double *metrics,
              struct model_totals *totals, const atomic_int *stop)
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
    m->trace = trace;
    m->counting = cfg->run.warmup_days == 0;
    m->sim = sim_new(m);
    if (!m->sim) abort();
    for (int i = 0; i < SRC_COUNT; i++) m->rng[i] = rng_stream_new(cfg->run.seed, rep, (uint64_t)i);
    order_pool_init(&m->pool);
    const struct order_cycle_config *oc = &cfg->order_cycle;
    station_init(&m->processing, oc->processing.servers, EVENT_ORDER, on_processed);
    station_init(&m->picking, oc->picking.servers, EVENT_ORDER, on_picked);
    m->skip_processing = oc->processing.servers == 0 && dist_is_zero(&oc->processing.days);
    m->skip_picking = oc->picking.servers == 0 && dist_is_zero(&oc->picking.days);
    stock_init(&m->stock, &cfg->inventory, m->rng[SRC_LEAD_TIME], &m->pool, on_allocated);
    if (trace && !m->stock.unlimited) {
        m->stock.on_levels = trace_levels;
        m->stock.on_levels_ctx = m;
        if (m->counting) trace_levels(m, 0, &m->stock);
    }

    struct sim *sim = m->sim;
    double warmup = cfg->run.warmup_days, end = warmup + cfg->run.horizon_days;
    if (warmup > 0) sim_schedule(sim, warmup, EVENT_RESET, on_reset, NULL);
    double first = cfg->demand.has_first_order
                       ? cfg->demand.first_order_days
                       : dist_sample(&cfg->demand.interarrival_days, m->rng[SRC_INTERARRIVAL]);
    sim_schedule(sim, first, EVENT_ORDER, on_arrival, NULL);
    stock_start(&m->stock, sim);

    int stopped = 0;
    uint64_t since_check = 0;
    double mid = warmup + cfg->run.horizon_days / 2, next;
    bool mid_seen = false;
    size_t in_system_mid = 0;
    double backordered_mid = 0;
    while ((next = sim_next_time(sim)) < end) {
        if (!mid_seen && next >= mid) { /* the backlog half-way through the window */
            mid_seen = true;
            in_system_mid = m->pool.in_use;
            backordered_mid = m->stock.backordered;
        }
        sim_step(sim);
        if (++since_check == STOP_CHECK_EVENTS) {
            since_check = 0;
            if (w->progress) w->progress(w->progress_ctx, sim_now(sim) / end);
            if (w->stop && atomic_load(w->stop)) {
                stopped = 1;
                break;
            }
        }
    }
    sim_run_until(sim, stopped ? sim_now(sim) : end);
    if (!mid_seen) in_system_mid = m->pool.in_use, backordered_mid = m->stock.backordered;

    compute_metrics(m, end, metrics);
    if (w->totals) {
        fill_totals(m, w->totals);
        w->totals->orders_in_system_mid = in_system_mid;
        w->totals->orders_in_system_final = m->pool.in_use;
        w->totals->backordered_mid = backordered_mid;
    }

    stock_fini(&m->stock);
    order_pool_fini(&m->pool);
    for (int i = 0; i < SRC_COUNT; i++) gsl_rng_free(m->rng[i]);
    sim_free(m->sim);
    free(m);
    return stopped;
}
