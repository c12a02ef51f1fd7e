/* supplier.c - the outside supplier of a stock point: capacity, up and down periods,
 * random yield (models/supplier.h), and the twin replication that measures what the
 * disruptions cost in service. */
#include "supplier.h"
#include "event_class.h"
#include "metrics.h"
#include "model_internal.h"
#include "network.h"
#include "policy.h"

#include <math.h>
#include <stdlib.h>

/* One stock point's supplier. */
struct supplier {
    struct stock *stock; /* the stock point it replenishes */
    gsl_rng *up_down_rng, *yield_rng;
    struct order *head, *tail; /* orders placed and not yet shipped, first come first served */
    bool up;
    bool making;                            /* capacity: the head order is being made (the supplier is up) */
    double left;                            /* capacity: units of the head order still to make, as of `since` */
    double since;                           /* capacity: when `left` was last brought up to date */
    sim_handle made;                        /* capacity: the event that ships the head order, while making */
    struct timeavg up_avg;                  /* 1 while up */
    struct tally wait;                      /* days from placing to leaving, orders shipped since the restart */
    double units_arrived_of, units_arrived; /* orders received since the restart: units ordered, units that came */
};

static struct supplier *supplier_of(struct model *m, const struct stock *s)
{
    return &m->suppliers[s - m->stocks];
}

/* The inventory settings of stock point p whose outside supplier is modelled, or NULL:
 * stock points that hold stock, replenished by the outside supplier, with a key given. */
static const struct inventory_config *modelled(const struct model_config *c, size_t p)
{
    const struct inventory_config *inv = c->nlocations  ? &c->locations[p].inventory
                                         : c->nproducts ? &c->products[p].inventory
                                                        : &c->inventory;
    if (c->nlocations && location_upstream(c, p) >= 0) return NULL;
    return inv->policy->holds_stock && supplier_modelled(inv) ? inv : NULL;
}

static size_t stock_points(const struct model_config *c)
{
    return c->nlocations ? c->nlocations : c->nproducts ? c->nproducts : 1;
}

bool supplier_in_use(const struct model_config *c)
{
    for (size_t p = 0; p < stock_points(c); p++)
        if (modelled(c, p)) return true;
    return false;
}

bool supplier_disruptions_in_use(const struct model_config *c)
{
    for (size_t p = 0; p < stock_points(c); p++)
        if (modelled(c, p) && supplier_disrupted(modelled(c, p))) return true;
    return false;
}

static void on_arrived(struct sim *sim, void *ctx)
{
    struct order *r = ctx;
    struct model *m = model_of(sim);
    struct stock *s = r->home;
    struct supplier *sp = supplier_of(m, s);
    double ordered = r->units;
    order_free(&m->pool, r);
    double share = s->cfg->supply_yield.type ? dist_sample(&s->cfg->supply_yield, sp->yield_rng) : 1;
    double units = ordered * share;
    sp->units_arrived_of += ordered;
    sp->units_arrived += units;
    if (ordered - units > UNITS_DUST)
        stock_receive_short(s, sim, units, ordered);
    else
        stock_receive(s, sim, ordered, true);
}

/* Order r leaves the supplier now and travels the stock point's lead time. */
static void ship(struct model *m, struct supplier *sp, struct order *r)
{
    double now = sim_now(m->sim);
    tally_add(&sp->wait, now - r->placed);
    double lead = dist_sample(&sp->stock->cfg->lead_time_days, sp->stock->lead_rng);
    sim_schedule(m->sim, now + lead, EVENT_RECEIPT, on_arrived, r);
}

static struct order *pop(struct supplier *sp)
{
    struct order *r = sp->head;
    sp->head = r->next;
    if (!sp->head) sp->tail = NULL;
    return r;
}

static void serve(struct model *m, struct supplier *sp);

static void on_made(struct sim *sim, void *ctx)
{
    struct supplier *sp = ctx;
    struct model *m = model_of(sim);
    sp->making = false;
    sp->left = 0;
    ship(m, sp, pop(sp));
    serve(m, sp);
}

/* While up: ship what is waiting (no capacity limit), or make the head order. */
static void serve(struct model *m, struct supplier *sp)
{
    if (!sp->up) return;
    double capacity = sp->stock->cfg->supplier_capacity_per_day;
    if (!(capacity > 0)) {
        while (sp->head) ship(m, sp, pop(sp));
        return;
    }
    if (sp->making || !sp->head) return;
    double now = sim_now(m->sim);
    if (!(sp->left > 0)) sp->left = sp->head->units; /* a new head order; else one stopped by a disruption */
    sp->since = now;
    sp->making = true;
    sp->made = sim_schedule(m->sim, now + sp->left / capacity, EVENT_RECEIPT, on_made, sp);
}

/* stock_supply_fn: stock point s placed replenishment order r with its supplier. */
static void on_order(struct sim *sim, struct stock *s, struct order *r)
{
    struct model *m = model_of(sim);
    struct supplier *sp = supplier_of(m, s);
    r->next = NULL;
    if (sp->tail)
        sp->tail->next = r;
    else
        sp->head = r;
    sp->tail = r;
    serve(m, sp);
}

static void on_up(struct sim *sim, void *ctx);

static void on_down(struct sim *sim, void *ctx)
{
    struct supplier *sp = ctx;
    double now = sim_now(sim);
    if (sp->making) { /* the order being made stops where it is */
        sim_cancel(sim, sp->made);
        sp->left -= (now - sp->since) * sp->stock->cfg->supplier_capacity_per_day;
        if (sp->left < UNITS_DUST) sp->left = UNITS_DUST; /* its end was due now: it leaves when up again */
        sp->making = false;
    }
    sp->up = false;
    timeavg_set(&sp->up_avg, now, 0);
    sim_schedule(sim, now + dist_sample(&sp->stock->cfg->supplier_down_days, sp->up_down_rng), EVENT_RECEIPT, on_up,
                 sp);
}

static void on_up(struct sim *sim, void *ctx)
{
    struct supplier *sp = ctx;
    struct model *m = model_of(sim);
    double now = sim_now(sim);
    sp->up = true;
    timeavg_set(&sp->up_avg, now, 1);
    serve(m, sp);
    sim_schedule(sim, now + dist_sample(&sp->stock->cfg->supplier_up_days, sp->up_down_rng), EVENT_RECEIPT, on_down,
                 sp);
}

void supplier_setup(struct model *m)
{
    const struct model_config *c = m->cfg;
    if (!supplier_in_use(c)) return;
    m->suppliers = calloc(m->nstocks, sizeof *m->suppliers);
    if (!m->suppliers) abort();
    for (size_t p = 0; p < m->nstocks; p++) {
        if (!modelled(c, p)) continue;
        struct supplier *sp = &m->suppliers[p];
        sp->stock = &m->stocks[p];
        sp->up = true;
        timeavg_init(&sp->up_avg, 0, 1);
        tally_reset(&sp->wait);
        if (sp->stock->cfg->supplier_up_days.type)
            sp->up_down_rng = rng(m, (enum rng_source)(SRC_SUPPLIER_UP_DOWN + p));
        if (sp->stock->cfg->supply_yield.type) sp->yield_rng = rng(m, (enum rng_source)(SRC_SUPPLY_YIELD + p));
        sp->stock->outside = on_order;
    }
}

void supplier_start(struct model *m)
{
    if (!m->suppliers) return;
    for (size_t p = 0; p < m->nstocks; p++) {
        struct supplier *sp = &m->suppliers[p];
        if (!sp->up_down_rng) continue;
        sim_schedule(m->sim, dist_sample(&sp->stock->cfg->supplier_up_days, sp->up_down_rng), EVENT_RECEIPT, on_down,
                     sp);
    }
}

void supplier_restart(struct model *m, double now)
{
    if (!m->suppliers) return;
    for (size_t p = 0; p < m->nstocks; p++) {
        struct supplier *sp = &m->suppliers[p];
        if (!sp->stock) continue;
        timeavg_restart(&sp->up_avg, now);
        tally_reset(&sp->wait);
        sp->units_arrived_of = sp->units_arrived = 0;
    }
}

void supplier_metrics(const struct model *m, double end, double *x)
{
    if (!m->suppliers) return;
    const struct model_config *c = m->cfg;
    double up = 0, wait = 0, waits = 0, of = 0, arrived = 0;
    size_t n = 0;
    for (size_t p = 0; p < m->nstocks; p++) {
        const struct supplier *sp = &m->suppliers[p];
        if (!sp->stock) continue;
        double a = timeavg_mean(&sp->up_avg, end);
        up += a, n++;
        wait += sp->wait.n ? tally_mean(&sp->wait) * (double)sp->wait.n : 0, waits += (double)sp->wait.n;
        of += sp->units_arrived_of, arrived += sp->units_arrived;
        if (!c->nlocations) continue;
        double *y = x + metric_location_base(c, p);
        y[LM_SUPPLY_AVAILABILITY] = a;
        y[LM_SUPPLIER_WAIT_DAYS_MEAN] = tally_mean(&sp->wait);
        y[LM_SUPPLY_YIELD_MEAN] = ratio(sp->units_arrived, sp->units_arrived_of);
    }
    x[M_SUPPLY_AVAILABILITY] = up / (double)n; /* the mean over the stock points' suppliers */
    x[M_SUPPLIER_WAIT_DAYS_MEAN] = ratio(wait, waits);
    x[M_SUPPLY_YIELD_MEAN] = ratio(arrived, of);
}

void supplier_fini(struct model *m)
{
    free(m->suppliers);
    m->suppliers = NULL;
}

/* inv's supplier, always up and delivering in full (its capacity kept). */
static void undisrupt(struct inventory_config *inv)
{
    inv->supplier_up_days = inv->supplier_down_days = inv->supply_yield = (struct dist){0};
}

int supplier_twin_metrics(const struct model_config *cfg, uint64_t rep, bool general_path, double *x,
                          const atomic_int *stop)
{
    struct model_config twin = {0};
    model_config_copy(&twin, cfg);
    undisrupt(&twin.inventory);
    for (size_t p = 0; p < twin.nproducts; p++) undisrupt(&twin.products[p].inventory);
    for (size_t l = 0; l < twin.nlocations; l++) undisrupt(&twin.locations[l].inventory);
    double *y = malloc(metric_count(&twin) * sizeof *y);
    if (!y) abort();
    struct model_watch w = {.stop = stop, .general_path = general_path};
    int stopped = model_run_watched(&twin, rep, y, &w);
    if (!stopped) {
        x[M_FILL_RATE_LOST_TO_DISRUPTIONS] = y[M_FILL_RATE] - x[M_FILL_RATE];
        for (size_t l = 0; l < cfg->nlocations; l++) {
            if (!modelled(cfg, l) || !supplier_disrupted(modelled(cfg, l))) continue;
            size_t b = metric_location_base(cfg, l);
            x[b + LM_FILL_RATE_LOST_TO_DISRUPTIONS] = y[b + LM_FILL_RATE] - x[b + LM_FILL_RATE];
        }
    }
    free(y);
    model_config_fini(&twin);
    return stopped;
}
