/* test_network.c - stocking locations ([location.NAME]): small networks worked out by hand,
 * the square-root law of pooling against simulated reorder points, and a single
 * location that behaves exactly like no location at all. Every figure is printed, so
 * the evidence is in the log. */
#include "check.h"
#include "scenario_runs.h"
#include "cli/simulate.h"
#include "models/metrics.h"
#include "models/model.h"
#include "reader/scenario.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* path with up to two --set assignments (NULL for none): tests/scenario_runs.h. */
static struct scenario *load2(const char *path, const char *set, const char *set2)
{
    return runs_load(path, set, set2);
}

/* Load path with one --set override (or NULL). */
static struct scenario *load(const char *path, const char *set)
{
    return load2(path, set, NULL);
}

/* Run all of cfg's replications; their summaries into s (sized by metric_count). */
static void run(const struct model_config *cfg, struct summary *s)
{
    check(runs_all(cfg, s) == 0, "every replication ran");
}

static void expect(const struct model_config *cfg, const struct summary *s, const char *what, const char *metric,
                   double exact)
{
    long m = metric_lookup(cfg, metric);
    if (!check(m >= 0, "%s: metric %s exists", what, metric)) return;
    double got = s[m].mean;
    printf("%-22s %-34s %12.6f  by hand %12.6f\n", what, metric, got, exact);
    check(fabs(got - exact) < 1e-9 * (1 + fabs(exact)), "%s: %s = %.9g, by hand %.9g", what, metric, got, exact);
}

/* cover.ini: home has 10 units for 50 one-unit orders, spare 3 days away has 100. */
static void test_cover(void)
{
    struct summary s[512];
    struct scenario *sc = load("tests/network/cover.ini", "locations.when_short=transship");
    if (!check(sc != NULL, "cover.ini loads")) return;
    run(&sc->cfg, s);
    /* orders at 0.5 .. 49.5: the first 10 from home (cycle 1 day: the delivery), the
       other 40 from spare (3 days in transfer + 1), of which those placed by 45.5 are
       delivered inside the 50 days: 36 */
    double cycle = (10 * 1.0 + 36 * 4.0) / 46;
    expect(&sc->cfg, s, "transship", "fill_rate", 1);
    expect(&sc->cfg, s, "transship", "filled_elsewhere_rate", 40.0 / 50);
    expect(&sc->cfg, s, "transship", "stockout_rate", 0);
    expect(&sc->cfg, s, "transship", "transshipments_per_day", 40.0 / 50);
    expect(&sc->cfg, s, "transship", "units_transshipped_per_day", 40.0 / 50);
    expect(&sc->cfg, s, "transship", "cost_transfers_per_day", 40 * 4.0 / 50);
    expect(&sc->cfg, s, "transship", "shipped_direct_rate", 0);
    expect(&sc->cfg, s, "transship", "order_cycle_days_mean", cycle);
    expect(&sc->cfg, s, "transship", "location.home.fill_rate", 10.0 / 50);
    expect(&sc->cfg, s, "transship", "location.spare.units_sent_per_day", 40.0 / 50);
    expect(&sc->cfg, s, "transship", "region.here.from_home_rate", 10.0 / 50);

    sc = load("tests/network/cover.ini", "locations.when_short=ship_direct");
    if (!check(sc != NULL, "cover.ini loads with ship_direct")) return;
    run(&sc->cfg, s);
    expect(&sc->cfg, s, "ship_direct", "fill_rate", 1);
    expect(&sc->cfg, s, "ship_direct", "shipped_direct_rate", 40.0 / 50);
    expect(&sc->cfg, s, "ship_direct", "transshipments_per_day", 0);
    expect(&sc->cfg, s, "ship_direct", "cost_transfers_per_day", 40 * 7.0 / 50);
    expect(&sc->cfg, s, "ship_direct", "order_cycle_days_mean", cycle); /* 1 + 3 days from spare */

    sc = load("tests/network/cover.ini", "locations.when_short=wait");
    if (!check(sc != NULL, "cover.ini loads with wait")) return;
    run(&sc->cfg, s);
    expect(&sc->cfg, s, "wait", "fill_rate", 10.0 / 50);
    expect(&sc->cfg, s, "wait", "stockout_rate", 40.0 / 50);
    expect(&sc->cfg, s, "wait", "filled_elsewhere_rate", 0);
    expect(&sc->cfg, s, "wait", "cost_transfers_per_day", 0);
}

/* close.ini: b serves everyone until it closes at day 20; its 80 units go to a. */
static void test_close(void)
{
    struct summary s[512];
    struct scenario *sc = load("tests/network/close.ini", NULL);
    if (!check(sc != NULL, "close.ini loads")) return;
    run(&sc->cfg, s);
    /* 20 orders from b (1 day); then a: the orders at 20.5, 21.5, 22.5 wait for b's
       stock to arrive at 23 and travel 1 + 3 days; 23 more (23.5 .. 45.5) take 4 days
       and are delivered in the window */
    double cycle = (20 * 1.0 + (6.5 + 5.5 + 4.5) + 23 * 4.0) / 46;
    expect(&sc->cfg, s, "close", "fill_rate", 47.0 / 50);
    expect(&sc->cfg, s, "close", "rerouted_rate", 30.0 / 50);
    expect(&sc->cfg, s, "close", "units_transshipped_per_day", 80.0 / 50);
    expect(&sc->cfg, s, "close", "cost_transfers_per_day", 80 * 4.0 / 50);
    expect(&sc->cfg, s, "close", "order_cycle_days_mean", cycle);
    expect(&sc->cfg, s, "close", "locations_open_mean", (2 * 20.0 + 30) / 50);
    expect(&sc->cfg, s, "close", "location.b.open_share", 20.0 / 50);
    expect(&sc->cfg, s, "close", "cost_locations_per_day", 10 + 10 * 20.0 / 50);

    /* the other way round: only a is open until b opens at day 20 with its 100 units */
    sc = load("tests/network/close.ini", "locations.open_schedule=0:1, 20:2");
    if (!check(sc != NULL, "close.ini loads with b opening at day 20")) return;
    run(&sc->cfg, s);
    /* a has nothing: the 20 orders before day 20 wait for good (backorders at a, which
       never reorders) and b fills the 30 after it */
    expect(&sc->cfg, s, "open", "fill_rate", 30.0 / 50);
    expect(&sc->cfg, s, "open", "rerouted_rate", 20.0 / 50);
    expect(&sc->cfg, s, "open", "location.b.open_share", 30.0 / 50);
    expect(&sc->cfg, s, "open", "order_cycle_days_mean", 1);

    /* Purchases count when bought; profit adds back the stock still owned. At 2 a unit:
       closing at day 20, b's 80 units are on the road to a until day 23. Over 21 days, 20
       units were sold and 80 are still owned in transit: stock worth 2 x 20 less */
    sc = load2("tests/network/close.ini", "costs.order_per_unit=2", "run.horizon_days=21");
    if (!check(sc != NULL, "close.ini loads with a unit cost, 21 days")) return;
    run(&sc->cfg, s);
    expect(&sc->cfg, s, "value in transit", "cost_purchase_per_day", 0);
    expect(&sc->cfg, s, "value in transit", "stock_value_change_per_day", -2 * 20.0 / 21);
    /* over 50 days all 50 units are sold from b's 100; 50 are left at a */
    sc = load2("tests/network/close.ini", "costs.order_per_unit=2", NULL);
    if (!check(sc != NULL, "close.ini loads with a unit cost")) return;
    run(&sc->cfg, s);
    expect(&sc->cfg, s, "value after transit", "stock_value_change_per_day", -2 * 50.0 / 50);
    /* b opens at day 20: its 100 first units are bought then; 30 are sold, 70 left */
    sc = load2("tests/network/close.ini", "costs.order_per_unit=2", "locations.open_schedule=0:1, 20:2");
    if (!check(sc != NULL, "close.ini loads with a unit cost and b opening at day 20")) return;
    run(&sc->cfg, s);
    expect(&sc->cfg, s, "value of opening", "cost_purchase_per_day", 2 * 100.0 / 50);
    expect(&sc->cfg, s, "value of opening", "stock_value_change_per_day", 2 * 70.0 / 50);
    /* profit: 29 units delivered by day 50 (the last is on the road), the 30 sold at 2 a
       unit, a open 50 days and b 30, at 10 a day each */
    expect(&sc->cfg, s, "value of opening", "profit_per_day", 10 * 29.0 / 50 - 2 * 30.0 / 50 - 10 - 10 * 30.0 / 50);
}

/* default.ini with one location named: the same shop, the same numbers. */
static void test_one_location(void)
{
    const char *tmp = "build-network-one.ini";
    FILE *in = fopen("scenarios/default.ini", "r"), *out = fopen(tmp, "w");
    if (!check(in && out, "default.ini copied")) {
        if (in) fclose(in);
        if (out) fclose(out);
        return;
    }
    char line[512];
    while (fgets(line, sizeof line, in)) fputs(line, out);
    fputs("\n[location.shop]\n", out);
    fclose(in);
    fclose(out);
    static struct summary a[512], b[512];
    struct scenario *sc = load("scenarios/default.ini", NULL);
    if (!check(sc != NULL, "default.ini loads")) return;
    run(&sc->cfg, a);
    sc = load(tmp, NULL);
    remove(tmp);
    if (!check(sc != NULL, "default.ini with [location.shop] loads")) return;
    run(&sc->cfg, b);
    int same = 0, differ = 0;
    for (size_t m = 0; m < METRIC_COUNT; m++) {
        if (metric_defs[m].feature & FEATURE_LOCATIONS) continue;
        bool eq = (isnan(a[m].mean) && isnan(b[m].mean)) || a[m].mean == b[m].mean;
        if (eq)
            same++;
        else
            differ++, printf("one location: %s %.17g vs %.17g\n", metric_defs[m].name, a[m].mean, b[m].mean);
    }
    check(differ == 0, "one location: %d metrics the same as without locations, %d differ", same, differ);
}

/* The square-root law. For each of K independent groups of replications, find by
 * simulation the reorder point that gives a target fill rate, for one warehouse of
 * the regional network (all four alike) and for the central one; safety stock is that
 * reorder point minus the mean lead-time demand (+ 0.5: demand comes in whole units,
 * so ordering at s means a stockout only beyond s + 1). With normal demand the ratio of
 * the four regional safety stocks together to the central one is sqrt(4) = 2 (the
 * batches are economic ones, growing with sqrt(demand), so equal fill rates need equal
 * safety factors). Lead-time demand here is Poisson, a little skewed to the right, the
 * more so the smaller its mean: the exact ratio for Poisson demand (poisson_reorder_point)
 * is a little above 2. Pass when the simulated ratio's 95% interval contains the exact
 * one, and the exact one is within 5% of sqrt(4). */

/* Exact fill rate of (s, Q) with unit Poisson demand, lead-time demand mean `lead_mean`
 * and backorders: the position is uniform on s+1 .. s+Q, and an arriving unit is filled
 * when fewer than the position's units arrived over the lead time. */
static double poisson_fill(double lead_mean, int q, int s)
{
    double sum = 0;
    for (int y = s + 1; y <= s + q; y++) sum += y >= 1 ? gsl_cdf_poisson_P((unsigned)(y - 1), lead_mean) : 0;
    return sum / q;
}

/* The reorder point reaching the target fill rate exactly, interpolated between whole
 * numbers as the simulation's search is. */
static double poisson_reorder_point(double lead_mean, int q, double target)
{
    int s = (int)lead_mean;
    while (poisson_fill(lead_mean, q, s) < target) s++;
    double below = poisson_fill(lead_mean, q, s - 1), at = poisson_fill(lead_mean, q, s);
    return s - 1 + (target - below) / (at - below);
}

static double fill_at(struct model_config *c, double s, struct summary *sum)
{
    for (size_t l = 0; l < c->nlocations; l++) c->locations[l].inventory.reorder_point = s;
    run(c, sum);
    return sum[M_FILL_RATE].mean;
}

/* The reorder point where the fill rate reaches target: bisection over whole numbers
 * (the same random numbers at every point, so fill rises with s), then a straight line
 * between the last one short and the first one reaching it. */
static double reorder_point_for(struct model_config *c, double target, double lo, double hi, struct summary *sum)
{
    double flo = fill_at(c, lo, sum), fhi = fill_at(c, hi, sum);
    if (!(flo < target && fhi >= target)) return NAN;
    while (hi - lo > 1) {
        double mid = floor((lo + hi) / 2), f = fill_at(c, mid, sum);
        if (f >= target)
            hi = mid, fhi = f;
        else
            lo = mid, flo = f;
    }
    return lo + (target - flo) / (fhi - flo);
}

static void test_pooling(void)
{
    enum { GROUPS = 10 };
    const double target = 0.99;
    static struct summary sum[512];
    static struct scenario regional, central;
    if (!check(scenario_load(&regional, "scenarios/pooling_regional.ini", NULL, 0, stderr) == 0,
               "pooling_regional.ini loads") ||
        !check(scenario_load(&central, "scenarios/pooling_central.ini", NULL, 0, stderr) == 0,
               "pooling_central.ini loads"))
        return;
    struct model_config *r = &regional.cfg, *c = &central.cfg;
    double lead = 6, per_region = 10; /* the files' figures: lead time, orders a day per region */
    double ratio[GROUPS], sum_ratio = 0;
    printf("%-8s %14s %14s %14s %14s %8s\n", "group", "regional s", "regional SS", "central s", "central SS", "ratio");
    for (int g = 0; g < GROUPS; g++) {
        r->run.seed = c->run.seed = 1000 + (uint64_t)g;
        r->run.replications = c->run.replications = 10;
        double sr = reorder_point_for(r, target, lead * per_region, lead * per_region + 60, sum);
        double scen = reorder_point_for(c, target, 4 * lead * per_region, 4 * lead * per_region + 120, sum);
        double ss_r = 4 * (sr + 0.5 - lead * per_region), ss_c = scen + 0.5 - 4 * lead * per_region;
        ratio[g] = ss_r / ss_c;
        sum_ratio += ratio[g];
        printf("%-8d %14.2f %14.2f %14.2f %14.2f %8.3f\n", g, sr, ss_r, scen, ss_c, ratio[g]);
    }
    double mean = sum_ratio / GROUPS, var = 0;
    for (int g = 0; g < GROUPS; g++) var += (ratio[g] - mean) * (ratio[g] - mean);
    double hw = gsl_cdf_tdist_Pinv(0.975, GROUPS - 1) * sqrt(var / (GROUPS - 1) / GROUPS);
    double exact_r = poisson_reorder_point(lead * per_region, 60, target);
    double exact_c = poisson_reorder_point(4 * lead * per_region, 120, target);
    double exact = 4 * (exact_r + 0.5 - lead * per_region) / (exact_c + 0.5 - 4 * lead * per_region);
    printf("pooling: safety stock of 4 regional / 1 central = %.3f +- %.3f (95%%); exact for Poisson demand "
           "%.3f (s = %.2f and %.2f); sqrt(4) = 2\n",
           mean, hw, exact, exact_r, exact_c);
    check(r->locations[0].inventory.order_quantity == 60 && c->locations[0].inventory.order_quantity == 120 &&
              dist_is_constant(&r->locations[0].inventory.lead_time_days) &&
              dist_mean(&r->locations[0].inventory.lead_time_days) == lead && r->nlocations == 4 && r->nregions == 4 &&
              c->nregions == 4 && fabs(dist_mean(&r->demand.interarrival_days) - 0.025) < 1e-12,
          "pooling: the files' figures are those the exact ones assume (Q 60 and 120, lead time 6, 40 orders a "
          "day over 4 regions)");
    check(isfinite(mean) && fabs(mean - exact) <= hw,
          "pooling: regional / central safety stock for a %.0f%% fill rate = %.3f +- %.3f contains the exact %.3f",
          100 * target, mean, hw, exact);
    check(fabs(exact / 2 - 1) < 0.05, "pooling: the exact ratio %.3f is within 5%% of sqrt(4) = 2", exact);
    check(hw < 0.1, "pooling: the interval (+- %.3f) is narrow enough to tell 2 from 1.9 or 2.1", hw);
}

/* The shipped scenarios: figures that follow from their files by hand. */
static void test_shipped(void)
{
    static struct summary s[512];
    struct scenario *sc = load("scenarios/life_cycle_locations.ini", NULL);
    if (check(sc != NULL, "life_cycle_locations.ini loads")) {
        run(&sc->cfg, s);
        /* open_schedule 0:1, 120:3, 240:5, 600:3, 720:1 over 900 days */
        expect(&sc->cfg, s, "life cycle", "locations_open_mean",
               (1 * 120.0 + 3 * 120 + 5 * 360 + 3 * 120 + 1 * 180) / 900);
        expect(&sc->cfg, s, "life cycle", "location.north.open_share", 600.0 / 900);
        expect(&sc->cfg, s, "life cycle", "location.east.open_share", 360.0 / 900);
        expect(&sc->cfg, s, "life cycle", "cost_locations_per_day", 60 + 2 * 40 * 600.0 / 900 + 2 * 40 * 360.0 / 900);
        long u = metric_lookup(&sc->cfg, "units_transshipped_per_day");
        expect(&sc->cfg, s, "life cycle", "cost_transfers_per_day", s[u].mean * sc->cfg.network.transfer_per_unit);
    }
    /* the introduction alone: only the hub is open, so every region but its own (1 in 5)
       is rerouted */
    sc = load("scenarios/life_cycle_locations.ini", "run.horizon_days=120");
    if (check(sc != NULL, "life_cycle_locations.ini loads for the introduction")) {
        run(&sc->cfg, s);
        double hw = summary_halfwidth(&s[M_REROUTED_RATE], 0.99);
        printf("%-22s %-34s %12.6f  +- %.4f  by hand %12.6f\n", "introduction", "rerouted_rate",
               s[M_REROUTED_RATE].mean, hw, 0.8);
        check(fabs(s[M_REROUTED_RATE].mean - 0.8) <= hw, "introduction: rerouted_rate %.4f +- %.4f (99%%) contains 4/5",
              s[M_REROUTED_RATE].mean, hw);
    }
    /* transshipment.ini: what was moved costs 3 a unit */
    sc = load("scenarios/transshipment.ini", NULL);
    if (check(sc != NULL, "transshipment.ini loads")) {
        run(&sc->cfg, s);
        double units = s[M_UNITS_TRANSSHIPPED_PER_DAY].mean;
        expect(&sc->cfg, s, "transshipment", "cost_transfers_per_day", 3 * units);
        double with = s[M_FILL_RATE].mean;
        sc = load("scenarios/transshipment.ini", "locations.when_short=wait");
        if (check(sc != NULL, "transshipment.ini loads with wait")) {
            run(&sc->cfg, s);
            printf("transshipment: fill rate %.4f with transshipment, %.4f without\n", with, s[M_FILL_RATE].mean);
            check(with > s[M_FILL_RATE].mean + 0.02, "transshipment raises the fill rate (%.4f against %.4f)", with,
                  s[M_FILL_RATE].mean);
        }
    }
}

/* Echelons ([location.NAME] replenished_from, models/echelon.c). */
static void test_echelons(void)
{
    static struct summary with[512], without[512];
    /* an upstream location that never runs short behaves as the outside supplier: the
       store draws the same lead times at the same moments, so its figures are the same */
    struct scenario *sc = load("tests/network/echelon_ample.ini", NULL);
    if (check(sc != NULL, "echelon_ample.ini loads")) run(&sc->cfg, without);
    sc = load("tests/network/echelon_ample.ini", "location.store.replenished_from=dc");
    if (check(sc != NULL, "echelon_ample.ini loads with replenished_from")) {
        run(&sc->cfg, with);
        static const char *const same[] = {"fill_rate",       "cycle_service_level", "mean_on_hand",
                                           "mean_backorders", "time_out_of_stock",   "order_cycle_days_mean"};
        for (size_t k = 0; k < sizeof same / sizeof same[0]; k++) {
            char name[64];
            snprintf(name, sizeof name, "location.store.%s", same[k]);
            long i = metric_lookup(&sc->cfg, name);
            if (i < 0) i = metric_lookup(&sc->cfg, snprintf(name, sizeof name, "%s", same[k]) >= 0 ? name : "");
            printf("%-22s %-34s %12.9f  outside supplier %12.9f\n", "ample dc", name, with[i].mean, without[i].mean);
            check(with[i].mean == without[i].mean, "ample dc: %s %.9g is the outside supplier's %.9g", name,
                  with[i].mean, without[i].mean);
        }
        /* customers buy only at the store: the scenario's cycle service level and time out
           of stock are the store's, the dc's cycles (never short) and empty time left out */
        static const char *const facing[] = {"cycle_service_level", "time_out_of_stock"};
        for (size_t k = 0; k < sizeof facing / sizeof facing[0]; k++) {
            char name[64];
            snprintf(name, sizeof name, "location.store.%s", facing[k]);
            long all = metric_lookup(&sc->cfg, facing[k]), store = metric_lookup(&sc->cfg, name);
            printf("%-22s %-34s %12.9f  store %12.9f\n", "ample dc", facing[k], with[all].mean, with[store].mean);
            check(with[all].mean == with[store].mean, "ample dc: the customers' %s %.9g is the store's %.9g", facing[k],
                  with[all].mean, with[store].mean);
        }
        expect(&sc->cfg, with, "ample dc", "location.dc.downstream_fill_rate", 1);
        expect(&sc->cfg, with, "ample dc", "location.dc.downstream_backorders_mean", 0);
        /* the store orders Q = 6 each time: its daily orders vary more than its demand */
        long b = metric_lookup(&sc->cfg, "location.store.bullwhip_ratio");
        check(with[b].mean > 1.5, "ample dc: an (s, Q) store amplifies its demand's variance (%.3f)", with[b].mean);
    }
    /* a three-level chain, a tree below the dc, a dc with its own customers: the books */
    sc = load("tests/network/echelon_chain.ini", NULL);
    if (!check(sc != NULL, "echelon_chain.ini loads")) return;
    const struct model_config *c = &sc->cfg;
    size_t nm = metric_count(c);
    double *x = malloc(nm * sizeof *x);
    for (uint64_t rep = 0; rep < c->run.replications; rep++) {
        struct model_totals t;
        model_run(c, rep, x, &t, NULL);
        double scale = 1 + t.demanded, days = c->run.horizon_days, goods = t.goods_issued_cost / days;
        check(fabs(t.stock_final - (t.stock_initial + t.stock_received + t.stock_restocked - t.stock_issued)) <
                  1e-6 * scale,
              "chain rep %llu: on hand = initial + received - issued", (unsigned long long)rep);
        check(fabs(t.on_order_final - (t.stock_ordered - t.stock_received)) < 1e-6 * scale,
              "chain rep %llu: on order = ordered - received (shipments between locations included)",
              (unsigned long long)rep);
        check(fabs(x[M_COST_PURCHASE] - x[M_STOCK_VALUE_CHANGE] - goods) < 1e-9 * (1 + goods),
              "chain rep %llu: purchases - increase in stock value = goods issued at cost (%.9g - %.9g vs %.9g)",
              (unsigned long long)rep, x[M_COST_PURCHASE], x[M_STOCK_VALUE_CHANGE], goods);
        check(fabs(x[M_COST_PURCHASE] - 10 * t.units_ordered / days) < 1e-9 * (1 + goods),
              "chain rep %llu: purchases = unit cost x units bought from the outside supplier (the factory's)",
              (unsigned long long)rep);
        check(t.peak_orders_in_flight < 5000, "chain rep %llu: orders in flight stay bounded (%zu)",
              (unsigned long long)rep, t.peak_orders_in_flight);
        for (size_t l = 0; l < 2; l++) { /* factory and dc replenish others */
            const double *y = x + metric_location_base(c, l);
            check(y[LM_DOWNSTREAM_FILL_RATE] >= 0 && y[LM_DOWNSTREAM_FILL_RATE] <= 1 &&
                      y[LM_DOWNSTREAM_LEAD_TIME_P95] >= y[LM_DOWNSTREAM_LEAD_TIME_MEAN] * 0.5 &&
                      y[LM_DOWNSTREAM_LEAD_TIME_MEAN] >= (l == 0 ? 2 : 0.5),
                  "chain rep %llu: %s's fill given %.4f, lead time %.3f (p95 %.3f) at least the transport leg",
                  (unsigned long long)rep, c->locations[l].name, y[LM_DOWNSTREAM_FILL_RATE],
                  y[LM_DOWNSTREAM_LEAD_TIME_MEAN], y[LM_DOWNSTREAM_LEAD_TIME_P95]);
        }
        check(isnan(x[metric_location_base(c, 2) + LM_DOWNSTREAM_FILL_RATE]),
              "chain rep %llu: a store replenishes nobody: no fill given", (unsigned long long)rep);
        /* the customers' time out of stock: the dc (a region's home) and the stores, each
           open throughout; the factory only replenishes the dc and keeps its own figure */
        double facing = 0, factory = x[metric_location_base(c, 0) + LM_TIME_OUT_OF_STOCK];
        for (size_t l = 1; l < 4; l++) facing += x[metric_location_base(c, l) + LM_TIME_OUT_OF_STOCK];
        facing /= 3;
        check(fabs(x[M_TIME_OUT_OF_STOCK] - facing) < 1e-12 && fabs(factory - facing) > 1e-6,
              "chain rep %llu: time out of stock %.6f is the dc's and the stores' (%.6f), not the factory's %.6f",
              (unsigned long long)rep, x[M_TIME_OUT_OF_STOCK], facing, factory);
        /* the customers' replenishment orders and their undershoot: the dc's and the stores'
           orders (the undershoot over the dc's and north's, the (s, Q) ones), not the factory's,
           whose periodic review orders far below its s; each keeps its own figure */
        const double *f = x + metric_location_base(c, 0);
        double placed = 0, below = 0, with_s = 0;
        for (size_t l = 1; l < 4; l++) {
            const double *y = x + metric_location_base(c, l);
            placed += y[LM_REPLENISHMENTS_PER_DAY];
            if (l == 3) {
                check(isnan(y[LM_REORDER_UNDERSHOOT]), "chain rep %llu: a base stock store has no s to fall below",
                      (unsigned long long)rep);
                continue;
            }
            below += y[LM_REORDER_UNDERSHOOT] * y[LM_REPLENISHMENTS_PER_DAY];
            with_s += y[LM_REPLENISHMENTS_PER_DAY];
        }
        check(fabs(x[M_REPLENISHMENTS_PER_DAY] - placed) < 1e-12 && f[LM_REPLENISHMENTS_PER_DAY] > 0.05,
              "chain rep %llu: replenishment orders %.6f/day are the dc's and the stores' (%.6f), not with the "
              "factory's %.6f",
              (unsigned long long)rep, x[M_REPLENISHMENTS_PER_DAY], placed, f[LM_REPLENISHMENTS_PER_DAY]);
        check(fabs(x[M_REORDER_UNDERSHOOT] - below / with_s) < 1e-9 &&
                  f[LM_REORDER_UNDERSHOOT] > x[M_REORDER_UNDERSHOOT] + 0.5,
              "chain rep %llu: undershoot %.4f is the dc's and north's (%.4f), not with the factory's %.4f",
              (unsigned long long)rep, x[M_REORDER_UNDERSHOOT], below / with_s, f[LM_REORDER_UNDERSHOOT]);
    }
    free(x);
}

/* One metric of a summary: mean and 95% half-width, printed. */
static double mean_hw(const struct model_config *c, const struct summary *s, const char *name, double *hw)
{
    double mean;
    if (!check(runs_metric(c, s, name, &mean, hw), "metric %s exists", name)) return *hw = NAN;
    return mean;
}

/* share_demand (tests/network/sharing.ini): the Beer Game's lesson in numbers. The store
 * orders Q = 10 (five days' demand) at a time; the dc keeps a base stock of 16. Without
 * sharing the dc passes each batch on (its orders vary as the store's: bullwhip ratio
 * 1); with sharing it orders as the customers buy, so its orders vary far less than
 * the batches it must fill, and it fills more of them from stock while holding less.
 * With one-for-one replenishment below (sharing_one_for_one.ini) the store's orders are
 * the demand already: sharing changes nothing, to the last digit. */
static void test_sharing(void)
{
    static struct summary no[512], yes[512];
    static const char *const names[] = {"location.dc.bullwhip_ratio", "location.dc.downstream_fill_rate",
                                        "location.dc.mean_on_hand", "location.store.fill_rate"};
    enum { BULLWHIP, DC_FILL, DC_ON_HAND, STORE_FILL, N };
    double m0[N], h0[N], m1[N], h1[N];
    struct scenario *sc = load("tests/network/sharing.ini", "location.dc.share_demand=no");
    if (!check(sc != NULL, "sharing.ini loads")) return;
    run(&sc->cfg, no);
    for (int k = 0; k < N; k++) m0[k] = mean_hw(&sc->cfg, no, names[k], &h0[k]);
    sc = load("tests/network/sharing.ini", "location.dc.share_demand=yes");
    if (!check(sc != NULL, "sharing.ini loads with share_demand = yes")) return;
    run(&sc->cfg, yes);
    for (int k = 0; k < N; k++) {
        m1[k] = mean_hw(&sc->cfg, yes, names[k], &h1[k]);
        printf("%-34s no %10.5f +- %.5f   yes %10.5f +- %.5f\n", names[k], m0[k], h0[k], m1[k], h1[k]);
    }
    check(fabs(m0[BULLWHIP] - 1) < 1e-6, "no sharing: a base-stock dc passes the batches on (ratio %.6f)",
          m0[BULLWHIP]);
    check(m1[BULLWHIP] + h1[BULLWHIP] < 0.5, "sharing: the dc's orders vary far less than the batches (%.4f +- %.4f)",
          m1[BULLWHIP], h1[BULLWHIP]);
    check(m1[DC_FILL] - h1[DC_FILL] > m0[DC_FILL] + h0[DC_FILL],
          "sharing raises the dc's fill rate to the store (%.4f +- %.4f vs %.4f +- %.4f)", m1[DC_FILL], h1[DC_FILL],
          m0[DC_FILL], h0[DC_FILL]);
    check(m1[DC_ON_HAND] + h1[DC_ON_HAND] < m0[DC_ON_HAND] - h0[DC_ON_HAND],
          "... while the dc holds less (%.3f +- %.3f vs %.3f +- %.3f)", m1[DC_ON_HAND], h1[DC_ON_HAND], m0[DC_ON_HAND],
          h0[DC_ON_HAND]);
    /* a periodic review upstream (every day) judges the shared position too */
    sc = load2("tests/network/sharing.ini", "location.dc.share_demand=no", "location.dc.review_days=1");
    if (!check(sc != NULL, "sharing.ini loads with a daily review")) return;
    run(&sc->cfg, no);
    for (int k = 0; k < N; k++) m0[k] = mean_hw(&sc->cfg, no, names[k], &h0[k]);
    sc = load2("tests/network/sharing.ini", "location.dc.share_demand=yes", "location.dc.review_days=1");
    if (!check(sc != NULL, "sharing.ini loads with a daily review and share_demand = yes")) return;
    run(&sc->cfg, yes);
    for (int k = 0; k < N; k++) m1[k] = mean_hw(&sc->cfg, yes, names[k], &h1[k]);
    check(m0[BULLWHIP] > 0.9 && m1[BULLWHIP] + h1[BULLWHIP] < 0.5,
          "daily review: sharing smooths the dc's orders too (ratio %.4f without, %.4f +- %.4f with)", m0[BULLWHIP],
          m1[BULLWHIP], h1[BULLWHIP]);
    check(m1[DC_FILL] - h1[DC_FILL] > m0[DC_FILL] + h0[DC_FILL],
          "daily review: sharing raises the dc's fill rate (%.4f +- %.4f vs %.4f +- %.4f)", m1[DC_FILL], h1[DC_FILL],
          m0[DC_FILL], h0[DC_FILL]);
    /* one for one below: identical runs */
    sc = load("tests/network/sharing_one_for_one.ini", "location.dc.share_demand=no");
    if (!check(sc != NULL, "sharing_one_for_one.ini loads")) return;
    run(&sc->cfg, no);
    size_t nm = metric_count(&sc->cfg);
    sc = load("tests/network/sharing_one_for_one.ini", "location.dc.share_demand=yes");
    if (!check(sc != NULL, "sharing_one_for_one.ini loads with share_demand = yes")) return;
    run(&sc->cfg, yes);
    size_t differ = 0;
    for (size_t i = 0; i < nm; i++)
        if (!(no[i].mean == yes[i].mean || (isnan(no[i].mean) && isnan(yes[i].mean)))) differ++;
    for (int k = 0; k < N; k++) {
        m0[k] = mean_hw(&sc->cfg, no, names[k], &h0[k]);
        printf("one for one: %-34s no %10.5f   yes %10.5f\n", names[k], m0[k],
               mean_hw(&sc->cfg, yes, names[k], &h1[k]));
    }
    check(differ == 0, "one for one below: sharing changes none of the %zu metrics (%zu differ)", nm, differ);
}

/* Metrics of two summaries that differ (NaN equals NaN), and the largest difference
 * between two means relative to 1 + their size. */
static size_t metrics_differ(const struct summary *a, const struct summary *b, size_t nm, double *largest)
{
    size_t differ = 0;
    *largest = 0;
    for (size_t i = 0; i < nm; i++) {
        if (isnan(a[i].mean) && isnan(b[i].mean)) continue;
        double d = fabs(a[i].mean - b[i].mean) / (1 + fabs(a[i].mean));
        if (!(d == 0)) differ++;
        if (!(d <= *largest)) *largest = d;
    }
    return differ;
}

/* stock_basis = echelon (models/echelon.c, echelon_position). One for one below, an
 * echelon base stock S_e = S_dc + S_store is the installation base stock S_dc: the
 * store's position is always S_store, so the echelon position is the dc's plus S_store.
 * The runs must agree in every metric, under continuous and periodic review at the dc
 * (echelon_basis.ini). With an (s, Q) store the two differ: the dc's echelon position
 * falls as customers buy, so it orders unit by unit (sharing.ini); and share_demand at
 * S is echelon stock at S + the middle of the store's range (3 + 13) / 2 = 8, exactly. */
static void test_echelon_basis(void)
{
    static struct summary inst[512], ech[512];
    for (int periodic = 0; periodic < 2; periodic++) {
        const char *review = periodic ? "location.dc.review_days=1" : NULL;
        struct scenario *sc = load2("tests/network/echelon_basis.ini", review, NULL);
        if (!check(sc != NULL, "echelon_basis.ini loads")) return;
        run(&sc->cfg, inst);
        size_t nm = metric_count(&sc->cfg);
        sc = load2("tests/network/echelon_basis.ini", "location.dc.stock_basis=echelon", "location.dc.order_up_to=9");
        if (!check(sc != NULL, "echelon_basis.ini loads with stock_basis = echelon")) return;
        if (periodic) sc->cfg.locations[0].inventory.review_days = 1;
        run(&sc->cfg, ech);
        double largest;
        size_t differ = metrics_differ(inst, ech, nm, &largest);
        double hw, fill = mean_hw(&sc->cfg, ech, "location.dc.downstream_fill_rate", &hw);
        printf("one for one, %s dc: installation S = 5 vs echelon S_e = 9: %zu of %zu metrics differ (largest %.3g); "
               "dc fill to the store %.4f\n",
               periodic ? "periodic" : "continuous", differ, nm, largest, fill);
        check(largest < 1e-12,
              "one for one, %s review at the dc: echelon S_e = S_dc + S_store is installation S_dc "
              "(%zu metrics differ, largest by %.3g)",
              periodic ? "periodic" : "continuous", differ, largest);
        check(fill < 0.9, "... with a dc often short (fill %.4f), so what it owes is in play", fill);
    }
    /* an (s, Q) store: echelon stock orders as customers buy */
    static struct summary shared[512];
    struct scenario *sc = load2("tests/network/sharing.ini", "location.dc.share_demand=no", NULL);
    if (!check(sc != NULL, "sharing.ini loads")) return;
    run(&sc->cfg, inst);
    size_t nm = metric_count(&sc->cfg);
    double h0, b0 = mean_hw(&sc->cfg, inst, "location.dc.bullwhip_ratio", &h0);
    sc = load2("tests/network/sharing.ini", "location.dc.stock_basis=echelon", "location.dc.order_up_to=24");
    if (!check(sc != NULL, "sharing.ini loads with stock_basis = echelon")) return;
    run(&sc->cfg, ech);
    double h1, b1 = mean_hw(&sc->cfg, ech, "location.dc.bullwhip_ratio", &h1);
    double largest;
    size_t differ = metrics_differ(inst, ech, nm, &largest);
    printf("(s, Q) store: dc bullwhip ratio installation %.5f +- %.5f, echelon %.5f +- %.5f; %zu metrics differ\n", b0,
           h0, b1, h1, differ);
    check(fabs(b0 - 1) < 1e-6 && b1 + h1 < 0.5,
          "(s, Q) store: installation stock passes the batches on (%.4f), echelon stock orders as customers buy "
          "(%.4f +- %.4f)",
          b0, b1, h1);
    sc = load2("tests/network/sharing.ini", "location.dc.share_demand=yes", NULL);
    if (!check(sc != NULL, "sharing.ini loads with share_demand = yes")) return;
    run(&sc->cfg, shared);
    differ = metrics_differ(shared, ech, nm, &largest);
    check(largest < 1e-12, "share_demand at S = 16 is echelon stock at S_e = 16 + 8 (%zu metrics differ, by %.3g)",
          differ, largest);
    /* echelon stock at two levels of a chain (factory periodic sS, dc sQ): the books */
    sc = load2("tests/network/echelon_chain.ini", "location.factory.stock_basis=echelon",
               "location.dc.stock_basis=echelon");
    if (!check(sc != NULL, "echelon_chain.ini loads with echelon stock at the factory and the dc")) return;
    const struct model_config *c = &sc->cfg;
    double *x = malloc(metric_count(c) * sizeof *x);
    for (uint64_t rep = 0; rep < c->run.replications; rep++) {
        struct model_totals t;
        model_run(c, rep, x, &t, NULL);
        double scale = 1 + t.demanded, goods = t.goods_issued_cost / c->run.horizon_days;
        check(fabs(t.stock_final - (t.stock_initial + t.stock_received + t.stock_restocked - t.stock_issued)) <
                      1e-6 * scale &&
                  fabs(t.on_order_final - (t.stock_ordered - t.stock_received)) < 1e-6 * scale &&
                  fabs(x[M_COST_PURCHASE] - x[M_STOCK_VALUE_CHANGE] - goods) < 1e-9 * (1 + goods),
              "echelon chain rep %llu: on hand, on order and the cost of goods reconcile", (unsigned long long)rep);
    }
    free(x);
}

int main(void)
{
    test_cover();
    test_close();
    test_one_location();
    test_shipped();
    test_pooling();
    test_echelons();
    test_sharing();
    test_echelon_basis();
    return check_done("test_network");
}
