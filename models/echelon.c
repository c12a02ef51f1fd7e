/* echelon.c - locations replenished by other locations ([location.NAME]
 * replenished_from): a serial chain or a tree of stocking points (echelons).
 *
 * A downstream location's replenishment order is a demand on its upstream location the
 * moment it is placed (stock_supply): what upstream has on hand is shipped at once, the
 * rest waits there as a backorder (upstream's `owed`), filled first come first served
 * as upstream's own replenishments come in (after its customers' waiting lines, which
 * the stock serves first). Every shipment travels the downstream location's own
 * lead_time_days (the transport leg), drawn from its lead-time stream. The order is
 * received in as many pieces as it was shipped; the last piece ends its replenishment
 * cycle, and its realised lead time (placing to the last piece) is the upstream
 * location's downstream_lead_time. Upstream holds stock under its own policy and lead
 * time, like any location; its position counts what it owes (stock_position).
 *
 * Costs: only the outside supplier's deliveries are purchases. Units shipped between
 * locations stay the firm's: taken off upstream's shelf (not sold), in transit
 * (m->in_transit, as a transfer), then on downstream's shelf (stock_owned).
 *
 * The bullwhip ratio of a location: over the whole days of the statistics window
 * (bucket k is [warmup + k - 1, warmup + k)), the variance of the units it ordered per
 * day divided by the variance of the units demanded of it per day (its customers'
 * units reaching allocation, plus the units its downstream locations ordered).
 * units_ordered_per_day is the mean of the same orders: the flow along the link into
 * each location, drawn on the supply chain chart (cli/charts.c).
 *
 * Information sharing ([location.NAME] share_demand): the policy of an upstream
 * location that shares demand judges, at every review, its own position plus, for every location
 * below it, that location's position less the middle of its policy's range
 * (shared_position): an echelon position, shifted so that the same levels keep about
 * the same stock. Orders between the locations leave it alone; customers' demand below
 * lowers it at once, and the stock points below tell a continuous-review upstream to
 * review (shares_with), so it reorders as customers buy rather than when a batch order
 * comes; a periodic review orders what the customers bought since the last review.
 *
 * Echelon stock ([location.NAME] stock_basis = echelon): the policy of the location
 * judges its echelon inventory position (echelon_position), every review, periodic or
 * continuous; the locations below tell it to review as shares_with does for sharing.
 * Sharing and echelon stock are not given together (reader/scenario.c): sharing keeps
 * installation levels and shifts the echelon position to fit them, echelon stock asks
 * for echelon levels.
 *
 * Storage capacity below (storage_overflow = refuse): units a downstream location
 * refuses go back onto upstream's shelf when the shipment arrives (the truck takes
 * them back at once) and may fill what upstream owes. */
#include "event_class.h"
#include "metrics.h"
#include "model_internal.h"
#include "network.h"
#include "policy.h"

#include <math.h>
#include <stdlib.h>

/* One location's echelon state. */
struct echelon_site {
    struct order *owed_head, *owed_tail; /* downstream orders waiting here, first come first served;
                                            an order's units are what is still owed */
    double ordered_in;                   /* units downstream locations ordered (since the restart) */
    double shipped_now;                  /* ... of which shipped the moment they were ordered */
    struct tally lead;                   /* realised lead time of the downstream orders completed */
    struct qsketch lead_q;
    struct timeavg owed_avg; /* units owed to downstream locations */
    /* the day buckets: the counts at the start of the current day, and the days so far */
    double demand_mark, ordered_mark;
    struct tally demand_days, order_days; /* units per day */
};

static struct echelon_site *site_of(struct model *m, const struct stock *s)
{
    return &m->echelons[s - m->stocks];
}

/* Units demanded of location l so far (since the restart): by its customers and by
 * the locations it replenishes. */
static double demand_seen(const struct model *m, size_t l)
{
    return m->stocks[l].counts.demanded + m->echelons[l].ordered_in;
}

static void on_upstream_arrival(struct sim *sim, struct stock *up);

/* A shipment of an upstream location arrives downstream. */
static void on_shipment_arrived(struct sim *sim, void *ctx)
{
    struct order *sh = ctx, *r = sh->home;
    struct model *m = model_of(sim);
    struct stock *down = r->home;
    double units = sh->units;
    order_free(&m->pool, sh);
    m->in_transit -= units;
    r->pending--;
    bool last = r->pending == 0 && r->units == 0;
    if (last) {
        struct echelon_site *e = &m->echelons[location_upstream(m->cfg, (size_t)(down - m->stocks))];
        double lead = sim_now(sim) - r->placed;
        tally_add(&e->lead, lead);
        qsketch_add(&e->lead_q, lead);
        order_free(&m->pool, r);
    }
    /* units refused for want of room (storage_capacity) ride back to upstream's shelf
       with the truck, and go to what upstream owes first */
    double refused = stock_receive(down, sim, units, last);
    if (refused > 0) {
        struct stock *up = &m->stocks[location_upstream(m->cfg, (size_t)(down - m->stocks))];
        stock_receive_transfer(up, sim, refused);
        on_upstream_arrival(sim, up);
    }
}

/* Send `units` of downstream order r on its way (the downstream location's lead time). */
static void ship(struct model *m, struct order *r, double units)
{
    struct stock *down = r->home;
    struct order *sh = order_new(&m->pool);
    sh->units = units;
    sh->home = r;
    r->pending++;
    m->in_transit += units;
    double lead = dist_sample(&down->cfg->lead_time_days, down->lead_rng);
    sim_schedule(m->sim, sim_now(m->sim) + lead, EVENT_RECEIPT, on_shipment_arrived, sh);
}

/* stock_supply_fn: downstream stock point `down` placed replenishment order r. */
static void on_supply(struct sim *sim, struct stock *down, struct order *r)
{
    struct model *m = model_of(sim);
    int u = location_upstream(m->cfg, (size_t)(down - m->stocks));
    struct stock *up = &m->stocks[u];
    struct echelon_site *e = &m->echelons[u];
    e->ordered_in += r->units;
    r->pending = 0;
    double sent = stock_supply(up, sim, r->units);
    e->shipped_now += sent;
    r->units -= sent;
    if (r->units <= UNITS_DUST) {
        r->units = 0;
    } else { /* a backorder at upstream */
        r->next = NULL;
        if (e->owed_tail)
            e->owed_tail->next = r;
        else
            e->owed_head = r;
        e->owed_tail = r;
    }
    timeavg_set(&e->owed_avg, sim_now(sim), up->owed);
    if (sent > 0 || r->units == 0) ship(m, r, sent);
}

/* stock_arrival_fn: stock came in at an upstream location; ship what it owes, first
 * come first served. */
static void on_upstream_arrival(struct sim *sim, struct stock *up)
{
    struct model *m = model_of(sim);
    struct echelon_site *e = site_of(m, up);
    struct order *r;
    while ((r = e->owed_head) && up->on_hand > 0) {
        double sent = stock_ship_owed(up, sim, r->units);
        r->units -= sent;
        bool done = r->units <= UNITS_DUST;
        if (done) {
            r->units = 0;
            e->owed_head = r->next;
            if (!e->owed_head) e->owed_tail = NULL;
        }
        if (sent > 0 || done) ship(m, r, sent);
        if (!done) break;
    }
    timeavg_set(&e->owed_avg, sim_now(sim), up->owed);
}

/* The end of one day of the statistics window: close its bucket. */
static void close_day(struct model *m)
{
    for (size_t l = 0; l < m->cfg->nlocations; l++) {
        struct echelon_site *e = &m->echelons[l];
        double demand = demand_seen(m, l), ordered = m->stocks[l].counts.ordered;
        tally_add(&e->demand_days, demand - e->demand_mark);
        tally_add(&e->order_days, ordered - e->ordered_mark);
        e->demand_mark = demand;
        e->ordered_mark = ordered;
    }
}

static void on_day_end(struct sim *sim, void *ctx)
{
    (void)ctx;
    struct model *m = model_of(sim);
    close_day(m);
    double next = sim_now(sim) + 1;
    /* the last day, ending at the window's end, is closed by echelon_metrics */
    if (next < m->cfg->run.warmup_days + m->cfg->run.horizon_days)
        sim_schedule(sim, next, EVENT_REVIEW, on_day_end, NULL);
}

/* Information sharing (share_demand). The middle of the range a location's position
 * keeps under its policy: (s, s+Q] for sQ, (s, S] for sS, S for base stock. */
static double position_centre(const struct inventory_config *cfg)
{
    double low = cfg->policy->uses_reorder_point ? cfg->reorder_point : cfg->order_up_to;
    double high = cfg->policy->uses_order_quantity ? cfg->reorder_point + cfg->order_quantity : cfg->order_up_to;
    return (low + high) / 2;
}

/* What the locations below l (l itself and its descendants) hold beyond the middle of
 * their positions' ranges: each one's position less its centre. A replenishment order
 * between two of them moves units from one position to the other and leaves the sum
 * alone; an end customer's demand lowers it. */
static double below_excess(const struct model *m, size_t l)
{
    const struct model_config *c = m->cfg;
    double x = stock_position(&m->stocks[l]) - position_centre(&c->locations[l].inventory);
    for (size_t d = 0; d < c->nlocations; d++)
        if (location_upstream(c, d) == (int)l) x += below_excess(m, d);
    return x;
}

/* The position an upstream location that shares demand judges: its own, plus the
 * excess of the locations below it over the middle of their ranges (an echelon
 * position, less what the downstream policies keep on average). With one-for-one
 * replenishment below, the excess is always 0 and nothing changes; with batches, it
 * falls as customers buy instead of all at once when a batch is ordered. */
static double shared_position(const struct stock *s, const void *ctx)
{
    const struct model *m = ctx;
    size_t l = (size_t)(s - m->stocks);
    double x = stock_position(s);
    for (size_t d = 0; d < m->cfg->nlocations; d++)
        if (location_upstream(m->cfg, d) == (int)l) x += below_excess(m, d);
    return x;
}

/* Echelon stock ([location.NAME] stock_basis = echelon): the echelon inventory
 * position of location l is the sum of the installation positions (stock_position) of
 * l and of every location below it. Between l and a location d it replenishes, what l
 * owes d is subtracted from l's position and counted in d's on order, so it cancels:
 * what is left is l's on hand and outstanding orders, plus, below it, the stock on hand
 * and in transit less the end customers' backorders (Axsäter, Clark and Scarf). Orders
 * between the locations leave it alone; only the outside supplier's deliveries and the
 * end customers' demand move it. Unlike shared_position, nothing is shifted: the levels
 * are echelon levels (an echelon base stock S_e = S_l + the installation levels below
 * keeps, one for one, the very same path as installation stock). */
static double echelon_position(const struct stock *s, const void *ctx)
{
    const struct model *m = ctx;
    size_t l = (size_t)(s - m->stocks);
    double x = stock_position(s);
    for (size_t d = 0; d < m->cfg->nlocations; d++)
        if (location_upstream(m->cfg, d) == (int)l) x += echelon_position(&m->stocks[d], ctx);
    return x;
}

/* Some location at or above l sees the demand below it: it shares demand, or judges
 * its echelon stock. */
static bool shares_above(const struct model_config *c, int l)
{
    for (; l >= 0; l = location_upstream(c, (size_t)l))
        if (c->locations[l].share_demand || c->locations[l].echelon_basis) return true;
    return false;
}

void echelon_setup(struct model *m)
{
    const struct model_config *c = m->cfg;
    bool any = false;
    for (size_t l = 0; l < c->nlocations; l++) any |= location_upstream(c, l) >= 0;
    if (!any) return;
    m->echelons = calloc(c->nlocations, sizeof *m->echelons);
    if (!m->echelons) abort();
    for (size_t l = 0; l < c->nlocations; l++) {
        struct echelon_site *e = &m->echelons[l];
        tally_reset(&e->lead);
        qsketch_reset(&e->lead_q);
        timeavg_init(&e->owed_avg, 0, 0);
        if (location_upstream(c, l) >= 0) m->stocks[l].supply = on_supply;
        if (location_supplies(c, l)) m->stocks[l].on_arrival = on_upstream_arrival;
        if (c->locations[l].share_demand) { /* any review: a periodic review judges it at each review */
            m->stocks[l].judged_position = shared_position;
            m->stocks[l].judged_ctx = m;
        }
        if (c->locations[l].echelon_basis) { /* any review: a periodic review judges it too */
            m->stocks[l].judged_position = echelon_position;
            m->stocks[l].judged_ctx = m;
        }
        if (shares_above(c, location_upstream(c, l))) m->stocks[l].shares_with = &m->stocks[location_upstream(c, l)];
    }
}

void echelon_start(struct model *m)
{
    if (!m->echelons) return;
    double first = m->cfg->run.warmup_days + 1;
    if (first <= m->cfg->run.warmup_days + m->cfg->run.horizon_days)
        sim_schedule(m->sim, first, EVENT_REVIEW, on_day_end, NULL);
}

void echelon_restart(struct model *m, double now)
{
    if (!m->echelons) return;
    for (size_t l = 0; l < m->cfg->nlocations; l++) { /* the stocks' counts restart at 0 too */
        struct echelon_site *e = &m->echelons[l];
        e->ordered_in = e->shipped_now = 0;
        tally_reset(&e->lead);
        qsketch_reset(&e->lead_q);
        timeavg_restart(&e->owed_avg, now);
        e->demand_mark = e->ordered_mark = 0;
        tally_reset(&e->demand_days), tally_reset(&e->order_days);
    }
}

void echelon_metrics(const struct model *m, double end, double *x)
{
    if (!m->echelons) return;
    const struct model_config *c = m->cfg;
    /* the last whole day of the window ends at `end`: its events have all run */
    double days = c->run.horizon_days;
    for (size_t l = 0; l < c->nlocations; l++) {
        const struct echelon_site *e = &m->echelons[l];
        double *y = x + metric_location_base(c, l);
        struct tally dv = e->demand_days, ov = e->order_days;
        if ((double)dv.n < floor(days)) {
            tally_add(&dv, demand_seen(m, l) - e->demand_mark);
            tally_add(&ov, m->stocks[l].counts.ordered - e->ordered_mark);
        }
        y[LM_BULLWHIP_RATIO] = ratio(tally_variance(&ov), tally_variance(&dv));
        y[LM_UNITS_ORDERED_PER_DAY] = m->stocks[l].counts.ordered / days; /* the supply chart's flows */
        /* its own orders: the scenario's figures count only the locations customers buy from */
        const struct stock_counts *sc = &m->stocks[l].counts;
        y[LM_REPLENISHMENTS_PER_DAY] = (double)sc->replenishments / days;
        if (m->stocks[l].cfg->policy->uses_reorder_point)
            y[LM_REORDER_UNDERSHOOT] = ratio(sc->undershoot, (double)sc->replenishments);
        if (!location_supplies(c, l)) continue;
        y[LM_DOWNSTREAM_FILL_RATE] = ratio(e->shipped_now, e->ordered_in);
        y[LM_DOWNSTREAM_LEAD_TIME_MEAN] = tally_mean(&e->lead);
        y[LM_DOWNSTREAM_LEAD_TIME_P95] = qsketch_quantile(&e->lead_q, 0.95);
        y[LM_DOWNSTREAM_BACKORDERS_MEAN] = timeavg_mean(&e->owed_avg, end);
    }
}

void echelon_fini(struct model *m)
{
    free(m->echelons);
    m->echelons = NULL;
}
