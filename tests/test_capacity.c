/* test_capacity.c - a stock point's capacity: storage capacity, where
 * what does not fit is refused or costs an overflow rate (worked out by hand on a
 * deterministic shelf, and against the same shelf without refusals), at a location
 * replenished by another (refused units go back upstream; the books still balance),
 * and a maximum order quantity under every policy and review. Every figure is
 * printed, so the evidence is in the log. */
#include "check.h"
#include "scenario_runs.h"
#include "cli/simulate.h"
#include "models/metrics.h"
#include "models/model.h"
#include "models/policy.h"
#include "reader/scenario.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static struct scenario *load2(const char *path, const char *set, const char *set2)
{
    return runs_load(path, set, set2);
}

/* Run all of cfg's replications; their summaries into s (sized by metric_count). */
static void run(const struct model_config *cfg, struct summary *s)
{
    check(runs_all(cfg, s) == 0, "every replication ran");
}

/* The mean of a metric over the replications, and its 95% half-width. */
static double mean_hw(const struct model_config *c, const struct summary *s, const char *name, double *hw)
{
    double mean;
    if (!check(runs_metric(c, s, name, &mean, hw), "metric %s exists", name)) return *hw = NAN;
    return mean;
}

static void expect(const struct model_config *cfg, const struct summary *s, const char *what, const char *metric,
                   double exact)
{
    double hw, got = mean_hw(cfg, s, metric, &hw);
    printf("%-24s %-28s %12.9f  by hand %12.9f\n", what, metric, got, exact);
    check(fabs(got - exact) < 1e-9 * (1 + fabs(exact)), "%s: %s = %.12g, by hand %.12g", what, metric, got, exact);
}

/* The books of every replication of cfg: on hand and on order reconcile with what was
 * ordered, received, refused and issued; purchases less the increase in stock value
 * are the goods issued at cost (unit cost `cost`). sent_back: the units refused went
 * back onto an upstream location's shelf, so they are in the received units too. */
static void check_books(const struct model_config *c, const char *what, double cost, bool sent_back)
{
    size_t nm = metric_count(c);
    double *x = malloc(nm * sizeof *x);
    for (uint64_t rep = 0; rep < c->run.replications; rep++) {
        struct model_totals t;
        model_run(c, rep, x, &t, NULL);
        double scale = 1 + t.demanded, days = c->run.horizon_days, goods = t.goods_issued_cost / days;
        check(fabs(t.stock_final - (t.stock_initial + t.stock_received + t.stock_restocked - t.stock_issued)) <
                  1e-6 * scale,
              "%s rep %llu: on hand = initial + received - issued", what, (unsigned long long)rep);
        double gone = sent_back ? 0 : t.stock_refused;
        check(fabs(t.on_order_final - (t.stock_ordered - t.stock_received - gone)) < 1e-6 * scale,
              "%s rep %llu: on order = ordered - received - refused (%.6g = %.6g - %.6g - %.6g)", what,
              (unsigned long long)rep, t.on_order_final, t.stock_ordered, t.stock_received, t.stock_refused);
        check(fabs(x[M_COST_PURCHASE] - x[M_STOCK_VALUE_CHANGE] - goods) < 1e-9 * (1 + goods) * cost,
              "%s rep %llu: purchases - increase in stock value = goods issued at cost (%.9g - %.9g vs %.9g)", what,
              (unsigned long long)rep, x[M_COST_PURCHASE], x[M_STOCK_VALUE_CHANGE], goods);
    }
    free(x);
}

/* tests/capacity/storage.ini: one unit a day at 0.5, 1.5, ...; (s, Q) = (0, 10) with a
 * lead time of 0, so on hand runs 10, 9, ..., 1, one day each; the shelf holds 7. */
static void test_storage_by_hand(void)
{
    static struct summary s[256];
    struct scenario *sc = load2("tests/capacity/storage.ini", NULL, NULL);
    if (!check(sc != NULL, "storage.ini loads")) return;
    run(&sc->cfg, s);
    /* cost: 3, 2, 1 units above 7 one day each in ten; each costs 2 a day */
    expect(&sc->cfg, s, "overflow at a cost", "overflow_units_mean", 0.6);
    expect(&sc->cfg, s, "overflow at a cost", "cost_overflow_per_day", 2 * 0.6);
    expect(&sc->cfg, s, "overflow at a cost", "units_refused_per_day", 0);
    expect(&sc->cfg, s, "overflow at a cost", "mean_on_hand", 5.5);
    expect(&sc->cfg, s, "overflow at a cost", "cost_purchase_per_day", 1);
    /* total cost: holding 0.1 x 5.5, purchases 1 a day, overflow 1.2 */
    expect(&sc->cfg, s, "overflow at a cost", "cost_total_per_day", 0.55 + 1 + 1.2);
    check_books(&sc->cfg, "overflow at a cost", 1, false);

    sc = load2("tests/capacity/storage.ini", "inventory.storage_overflow=refuse", NULL);
    if (!check(sc != NULL, "storage.ini loads with refuse")) return;
    run(&sc->cfg, s);
    /* refuse: starts at 7 (at most full), takes 7 of every 10 delivered at 6.5, 13.5,
       ..., 699.5: 100 deliveries, 300 units refused in 700 days; on hand 7, ..., 1 */
    expect(&sc->cfg, s, "refused", "units_refused_per_day", 300.0 / 700);
    expect(&sc->cfg, s, "refused", "overflow_units_mean", 0);
    expect(&sc->cfg, s, "refused", "cost_overflow_per_day", 0);
    expect(&sc->cfg, s, "refused", "mean_on_hand", 4);
    expect(&sc->cfg, s, "refused", "replenishments_per_day", 100.0 / 700);
    /* refused units are not bought: 1000 ordered, 300 refused, 700 bought */
    expect(&sc->cfg, s, "refused", "cost_purchase_per_day", 700.0 / 700);
    check_books(&sc->cfg, "refused", 1, false);
}

/* tests/capacity/storage_poisson.ini: (s, Q) = (4, 12) on a shelf of 10, Poisson
 * demand. Refusing what does not fit starts each cycle lower: lower fill, more orders. */
static void test_storage_refuse_costs_service(void)
{
    static struct summary kept[256], refused[256];
    struct scenario *sc = load2("tests/capacity/storage_poisson.ini", NULL, NULL);
    if (!check(sc != NULL, "storage_poisson.ini loads")) return;
    run(&sc->cfg, kept);
    check_books(&sc->cfg, "Poisson, kept", 10, false);
    static const char *const names[] = {"fill_rate", "units_refused_per_day", "overflow_units_mean", "mean_on_hand",
                                        "replenishments_per_day"};
    enum { FILL, REFUSED, OVERFLOW, ON_HAND, ORDERS, N };
    double m0[N], h0[N], m1[N], h1[N];
    for (int k = 0; k < N; k++) m0[k] = mean_hw(&sc->cfg, kept, names[k], &h0[k]);
    sc = load2("tests/capacity/storage_poisson.ini", "inventory.storage_overflow=refuse", NULL);
    if (!check(sc != NULL, "storage_poisson.ini loads with refuse")) return;
    run(&sc->cfg, refused);
    check_books(&sc->cfg, "Poisson, refused", 10, false);
    for (int k = 0; k < N; k++) {
        m1[k] = mean_hw(&sc->cfg, refused, names[k], &h1[k]);
        printf("%-24s kept %10.5f +- %.5f   refused %10.5f +- %.5f\n", names[k], m0[k], h0[k], m1[k], h1[k]);
    }
    check(m0[REFUSED] == 0 && m1[REFUSED] - h1[REFUSED] > 0.1, "only refuse refuses (%.4f, %.4f a day)", m0[REFUSED],
          m1[REFUSED]);
    check(m0[OVERFLOW] - h0[OVERFLOW] > 0.1 && m1[OVERFLOW] == 0,
          "kept units stand above the capacity (%.4f), refused ones never (%.4f)", m0[OVERFLOW], m1[OVERFLOW]);
    check(m1[FILL] + h1[FILL] < m0[FILL] - h0[FILL], "refusing lowers the fill rate (%.4f +- %.4f vs %.4f +- %.4f)",
          m1[FILL], h1[FILL], m0[FILL], h0[FILL]);
    check(m1[ORDERS] - h1[ORDERS] > m0[ORDERS] + h0[ORDERS],
          "... and the position, short of what was refused, reorders sooner (%.4f vs %.4f orders a day)", m1[ORDERS],
          m0[ORDERS]);
}

/* Refused at a store replenished by a dc: the units ride back to the dc's shelf. */
static void test_storage_downstream(void)
{
    static struct summary s[512];
    struct scenario *sc = load2("tests/network/echelon_chain.ini", "location.north.storage_capacity=7",
                                "location.north.storage_overflow=refuse");
    if (!check(sc != NULL, "echelon_chain.ini loads with a small shelf at north")) return;
    run(&sc->cfg, s);
    double hw, r = mean_hw(&sc->cfg, s, "units_refused_per_day", &hw);
    printf("%-24s %-28s %12.6f +- %.6f\n", "north refuses", "units_refused_per_day", r, hw);
    check(r - hw > 0, "north, (s, Q) = (5, 8) on a shelf of 7, refuses some units (%.4f a day)", r);
    double hn, rn = mean_hw(&sc->cfg, s, "location.north.units_refused_per_day", &hn);
    double hd, rd = mean_hw(&sc->cfg, s, "location.dc.units_refused_per_day", &hd);
    check(fabs(rn - r) < 1e-12 && rd == 0, "... all of them at north (%.6f of %.6f; dc %.6f)", rn, r, rd);
    check_books(&sc->cfg, "north refuses", 10, true);
}

/* max_order_units under every policy that orders, continuous and periodic review:
 * no order is larger, the cap binds, and over the window the units ordered still
 * follow the units demanded (the position below target orders more next time). The
 * cap is above the mean demand between two orders (2 units a day, reviews every 2
 * days; one-for-one base stock orders each customer's 1 to 3 units, mean 2, so its
 * cap is 2.5), or the backlog would grow without end. */
static void test_max_order(void)
{
    static const char *const policies[] = {"sQ", "sS", "base_stock"};
    for (size_t p = 0; p < sizeof policies / sizeof policies[0]; p++) {
        for (int periodic = 0; periodic < 2; periodic++) {
            for (int capped = 0; capped < 2; capped++) {
                struct scenario *sc = load2("tests/capacity/max_order.ini", NULL, NULL);
                if (!check(sc != NULL, "max_order.ini loads")) return;
                struct model_config *c = &sc->cfg;
                struct inventory_config *inv = &c->inventory;
                inv->policy = policy_find(policies[p]);
                inv->order_quantity = 8; /* sQ */
                if (!inv->policy->uses_reorder_point) inv->order_up_to = 10;
                inv->review_days = periodic ? 2 : 0;
                double cap = !inv->policy->uses_reorder_point && !periodic ? 2.5 : 5;
                inv->max_order_units = capped ? cap : 0;
                size_t nm = metric_count(c);
                double *x = malloc(nm * sizeof *x);
                double largest = 0, ordered = 0, demanded = 0;
                for (uint64_t rep = 0; rep < c->run.replications; rep++) {
                    struct model_totals t;
                    model_run(c, rep, x, &t, NULL);
                    largest = fmax(largest, t.largest_replenishment);
                    ordered += t.units_ordered;
                    demanded += t.demanded;
                }
                free(x);
                printf("%-10s %-10s %-8s largest order %8.4f  units ordered / demanded %.5f\n", policies[p],
                       periodic ? "periodic" : "continuous", capped ? "capped" : "free", largest, ordered / demanded);
                if (capped)
                    check(largest <= cap + 1e-9 && largest > cap - 1e-9,
                          "%s, %s review: the largest order is max_order_units = %g (%.9g)", policies[p],
                          periodic ? "periodic" : "continuous", cap, largest);
                else
                    check(largest > cap + 0.4, "%s, %s review: without the cap the policy orders more than %g (%.4g)",
                          policies[p], periodic ? "periodic" : "continuous", cap, largest);
                check(fabs(ordered / demanded - 1) < 0.01,
                      "%s, %s review, %s: units ordered follow units demanded (%.5f)", policies[p],
                      periodic ? "periodic" : "continuous", capped ? "capped" : "free", ordered / demanded);
            }
        }
    }
}

int main(void)
{
    test_storage_by_hand();
    test_storage_refuse_costs_service();
    test_storage_downstream();
    test_max_order();
    return check_done("test_capacity");
}
