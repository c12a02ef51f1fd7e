/* network.c - see network.h; and the part of a replication that concerns stocking
 * locations (models/model_internal.h): which are open, stock moved between them, the
 * cover of a short line from another location, and the network's metrics. */
#include "network.h"
#include "event_class.h"
#include "model_internal.h"
#include "units.h"

#include <string.h>

int network_nearest_open(const struct model_config *c, int from, const bool *open)
{
    const double *days = c->locations[from].transfer_days;
    int best = -1;
    for (int j = 0; j < (int)c->nlocations; j++)
        if (open[j] && (best < 0 || days[j] < days[best])) best = j;
    return best;
}

bool location_supplies(const struct model_config *c, size_t l)
{
    for (size_t d = 0; d < c->nlocations; d++)
        if (location_upstream(c, d) == (int)l) return true;
    return false;
}

bool location_faces_customers(const struct model_config *c, size_t l)
{
    for (size_t r = 0; r < c->nregions; r++)
        if (c->regions[r].home == (int)l) return true;
    return !location_supplies(c, l);
}

unsigned network_open_at(const struct network_config *nw, double t)
{
    unsigned n = nw->open_count[0];
    for (size_t k = 1; k < nw->nchanges && nw->change_days[k] <= t; k++) n = nw->open_count[k];
    return n;
}

/* ---- a replication's locations ---- */

static void count_transfer(struct model *m, double units)
{
    m->flow.transfers++;
    m->flow.units_transferred += units;
    m->flow.transfer_cost += units * m->cfg->network.transfer_per_unit;
}

/* Stock moved between locations (not for a customer) arrives. */
static void on_transfer_arrived(struct sim *sim, void *ctx)
{
    struct order *r = ctx;
    struct model *m = model_of(sim);
    m->in_transit -= r->units;
    stock_receive_transfer(r->home, sim, r->units);
    order_free(&m->pool, r);
}

/* Send what location `from` has on hand, up to `units`, to location `to`'s shelf. */
static void move_stock(struct model *m, int from, int to, double units)
{
    double sent = stock_send(&m->stocks[from], m->sim, units, false);
    if (sent <= 0) return;
    count_transfer(m, sent);
    m->in_transit += sent;
    struct order *r = order_new(&m->pool); /* carries the shipment, like a replenishment */
    r->units = sent;
    r->home = &m->stocks[to];
    sim_schedule(m->sim, sim_now(m->sim) + transfer_days(m, from, to), EVENT_RECEIPT, on_transfer_arrived, r);
}

/* A closed location received stock: on to the nearest open one. */
static void on_surplus(struct sim *sim, struct stock *s)
{
    struct model *m = model_of(sim);
    int from = (int)(s - m->stocks), to = network_nearest_open(m->cfg, from, m->open);
    if (to >= 0) move_stock(m, from, to, s->on_hand);
}

static void line_moved(void *ctx, struct order_line *l)
{
    l->order->location = *(const int *)ctx;
}

/* From now on the first `count` locations are open: a location that opens gets its
 * first stock; one that closes hands its waiting lines and its stock to the nearest
 * open location, and what it still has on order follows on arrival (on_surplus). */
static void set_open(struct model *m, unsigned count)
{
    const struct model_config *c = m->cfg;
    double now = sim_now(m->sim);
    bool was[MAX_LOCATIONS];
    memcpy(was, m->open, sizeof was);
    for (size_t l = 0; l < c->nlocations; l++) {
        m->open[l] = l < count;
        timeavg_set(&m->open_avg[l], now, m->open[l]);
    }
    timeavg_set(&m->open_count_avg, now, count);
    for (size_t l = 0; l < c->nlocations; l++)
        if (m->open[l] && !was[l]) stock_open(&m->stocks[l], m->sim, c->locations[l].inventory.initial_on_hand);
    for (size_t l = 0; l < c->nlocations; l++) {
        if (m->open[l] || !was[l]) continue;
        struct stock *s = &m->stocks[l];
        stock_close(s);
        int to = network_nearest_open(c, (int)l, m->open);
        stock_hand_over_waiting(s, &m->stocks[to], m->sim, line_moved, &to);
        if (s->on_hand > 0) move_stock(m, (int)l, to, s->on_hand);
    }
}

static void on_network_change(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    set_open(m, network_open_at(&m->cfg->network, sim_now(sim)));
}

static void on_transshipped(struct sim *sim, void *ctx)
{
    model_line_filled(sim, ctx);
}

/* Under when_short = ship_direct the nearest other open location that has the missing
 * units sends them straight to the customer (a longer delivery, a cost per order); under
 * transship, to the serving location first (the order waits the transfer time; a cost
 * per unit). */
double network_cover(struct model *m, struct order *o, struct order_line *l, double missing)
{
    const struct model_config *c = m->cfg;
    int at = o->location, best = -1;
    for (int j = 0; j < (int)c->nlocations; j++) {
        if (j == at || !m->open[j] || stock_available(&m->stocks[j], o->priority) < missing - UNITS_DUST) continue;
        if (best < 0 || transfer_days(m, j, at) < transfer_days(m, best, at)) best = j;
    }
    if (best < 0) return 0;
    double sent = stock_send(&m->stocks[best], m->sim, missing, true), days = transfer_days(m, best, at);
    l->filled += sent;
    o->helped = true;
    m->flow.covered += sent;
    if (c->network.when_short == WHEN_SHORT_SHIP_DIRECT) {
        if (!o->shipped_direct) {
            o->shipped_direct = true;
            m->flow.shipped_direct++;
            m->flow.transfer_cost += c->network.ship_direct_per_order;
            o->delivery_days += days; /* one product, so one line: added once */
            o->expedite_days += days;
        }
    } else {
        count_transfer(m, sent);
        o->pending++;
        sim_schedule(m->sim, sim_now(m->sim) + days, EVENT_RECEIPT, on_transshipped, l);
    }
    return sent;
}

void network_setup(struct model *m)
{
    const struct model_config *cfg = m->cfg;
    unsigned open = cfg->network.open_count[0];
    for (size_t l = 0; l < cfg->nlocations; l++) {
        m->open[l] = l < open;
        if (!m->open[l]) stock_init_closed(&m->stocks[l]);
        m->stocks[l].on_surplus = on_surplus;
        timeavg_init(&m->open_avg[l], 0, m->open[l]);
    }
    timeavg_init(&m->open_count_avg, 0, open);
    for (size_t r = 0; r < cfg->nregions; r++) m->region_shares[r] = cfg->regions[r].share;
}

void network_start(struct model *m)
{
    const struct network_config *nw = &m->cfg->network;
    for (size_t k = 1; k < nw->nchanges; k++)
        sim_schedule(m->sim, nw->change_days[k], EVENT_REVIEW, on_network_change, NULL);
}

/* Per location and per region, and the network's own figures. */
void network_metrics(const struct model *m, double end, double *x)
{
    const struct model_config *c = m->cfg;
    const struct flow *f = &m->flow;
    double days = c->run.horizon_days, fixed = 0;
    for (size_t l = 0; l < c->nlocations; l++) {
        const struct stock *s = &m->stocks[l];
        const struct stock_counts *sc = &s->counts;
        const struct location_config *lc = &c->locations[l];
        double *y = x + metric_location_base(c, l);
        double open = timeavg_mean(&m->open_avg[l], end);
        y[LM_ORDERS_PER_DAY] = (double)sc->lines / days;
        y[LM_FILL_RATE] = ratio(sc->filled_now, sc->demanded);
        y[LM_OPEN_SHARE] = open;
        y[LM_UNITS_SENT_PER_DAY] = s->sent / days;
        double hold = 0;
        if (!s->unlimited) {
            y[LM_CYCLE_SERVICE_LEVEL] = ratio((double)sc->cycles_ok, (double)sc->cycles);
            y[LM_TIME_OUT_OF_STOCK] = ratio(stock_time_empty(s, end), open);
            y[LM_MEAN_ON_HAND] = stock_mean_on_hand(s, end);
            y[LM_MEAN_BACKORDERS] = stock_mean_backordered(s, end);
            hold = lc->holding_per_unit_day * y[LM_MEAN_ON_HAND];
            y[LM_UNITS_REFUSED_PER_DAY] = sc->refused / days;
            y[LM_OVERFLOW_UNITS_MEAN] = stock_mean_overflow(s, end);
            if (lc->inventory.storage_capacity > 0) /* overflow space is storage too */
                hold += lc->inventory.overflow_per_unit_day * y[LM_OVERFLOW_UNITS_MEAN];
        }
        y[LM_COST] = hold + lc->order_fixed * (double)sc->replenishments / days + lc->fixed_per_day * open;
        fixed += lc->fixed_per_day * open;
    }
    for (size_t r = 0; r < c->nregions; r++) {
        const struct region_flow *rf = &f->regions[r];
        double *y = x + metric_region_base(c, r);
        y[RM_ORDERS_PER_DAY] = (double)rf->placed / days;
        y[RM_FILL_RATE] = ratio(rf->filled, rf->demanded);
        y[RM_FROM_HOME_RATE] = ratio((double)rf->from_home, (double)rf->allocated);
        y[RM_ON_TIME_RATE] = ratio((double)rf->on_time, (double)rf->promised);
        y[RM_ORDER_CYCLE_MEAN] = ratio(rf->cycle_sum, (double)rf->delivered);
    }
    x[M_LOCATIONS_OPEN_MEAN] = timeavg_mean(&m->open_count_avg, end);
    x[M_TRANSSHIPMENTS_PER_DAY] = (double)f->transfers / days;
    x[M_UNITS_TRANSSHIPPED_PER_DAY] = f->units_transferred / days;
    x[M_REROUTED_RATE] = ratio((double)f->rerouted, (double)f->placed);
    x[M_SHIPPED_DIRECT_RATE] = ratio((double)f->shipped_direct, (double)f->allocated);
    x[M_COST_TRANSFERS] = f->transfer_cost / days;
    x[M_COST_LOCATIONS] = fixed;
    echelon_metrics(m, end, x);
}
