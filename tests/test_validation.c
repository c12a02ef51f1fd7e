/* test_validation.c - the analytic cases of tests/validation/README.md. Each runs from a
 * scenario file in tests/validation/ through the reader and the replication runner,
 * the way a user runs it, and passes when the exact value lies inside the simulated
 * 99% confidence interval (plus the relative slack the case allows). Fixed seeds make
 * the outcome deterministic. Every line is printed, so the evidence is in the log. */
#include "check.h"
#include "contract_exact.h"
#include "markov_ss.h"
#include "cli/simulate.h"
#include "cli/sweep.h"
#include "models/contract.h"
#include "models/theory.h"
#include "models/metrics.h"
#include "reader/scenario.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct expect {
    const char *metric;
    double exact;
    double rel_slack; /* allowed relative bias on top of the CI (tests/validation/README.md) */
};

struct vcase {
    const char *id, *file;
    struct expect e[5];
};

static const struct vcase cases[] = {
    {"Q1 M/M/1", "q1_mm1.ini", {{"order_cycle_days_mean", 10, 0}, {"processing_utilisation", 0.9, 0}}},
    {"Q2 M/M/5", "q2_mmc.ini", {{"order_cycle_days_mean", 1.5541125541, 0}, {"processing_utilisation", 0.8, 0}}},
    {"Q3 M/D/1", "q3_md1.ini", {{"order_cycle_days_mean", 5.5, 0}}},
    {"Q4 delays",
     "q4_delays.ini",
     {{"order_cycle_days_mean", 2, 0},
      {"order_cycle_days_p50", 2, 0},
      {"order_cycle_days_p95", 2, 0},
      {"order_cycle_days_p99", 2, 0}}},
    {"I1 base stock",
     "i1_base_stock.ini",
     {{"fill_rate", 0.4702572668, 0},
      {"mean_backorders", 1.776706348, 0},
      {"mean_on_hand", 1.776706348, 0},
      {"order_cycle_days_mean", 0.3553412696, 0}}},
    {"I1 random lead",
     "i1_random_lead.ini",
     {{"fill_rate", 0.4702572668, 0},
      {"mean_backorders", 1.776706348, 0},
      {"mean_on_hand", 1.776706348, 0},
      {"order_cycle_days_mean", 0.3553412696, 0}}},
    {"I2 lost sales",
     "i2_lost_sales.ini",
     {{"fill_rate", 0.8411080385, 0},
      {"mean_on_hand", 3.177839231, 0},
      {"time_out_of_stock", 0.1588919615, 0},
      {"lost_sales_rate", 1 - 0.8411080385, 0}}},
    {"I2 random lead",
     "i2_random_lead.ini",
     {{"fill_rate", 0.8411080385, 0}, {"mean_on_hand", 3.177839231, 0}, {"time_out_of_stock", 0.1588919615, 0}}},
    {"I3 small Erlang", "i3_small_erlang.ini", {{"fill_rate", 0.7894736842, 0}}},
    {"I4 periodic normal",
     "i4_periodic_normal.ini",
     {{"cost_total_per_day", 1.997605193, 0.005},
      {"fill_rate", 0.9816160653, 0.005},
      {"mean_on_hand", 7.523152662, 0.005},
      {"mean_backorders", 0.9191967344, 0.005}}},
    {"I5 EOQ",
     "i5_eoq.ini",
     {{"replenishments_per_day", 0.5, 0},
      {"cost_ordering_per_day", 25, 0},
      {"mean_on_hand", 100.5, 0},
      {"stockout_rate", 0, 0},
      {"fill_rate", 1, 0}}},
    {"R1 returns flow",
     "r1_returns_flow.ini",
     {{"cost_purchase_per_day", 4.1, 0},
      {"units_returned_per_day", 1.5, 0},
      {"units_restocked_per_day", 0.9, 0},
      {"refunds_per_day", 7.5, 0},
      {"cost_returns_per_day", 3, 0}}},
    {"R2 returns lift",
     "r2_returns_lift.ini",
     {{"orders_per_day", 7.5, 0},
      {"units_returned_per_day", 6, 0},
      {"units_restocked_per_day", 3, 0},
      {"refunds_per_day", 30, 0},
      {"cost_purchase_per_day", 12, 0}}},
};

/* Run a case file with overrides sets[0..nsets); s receives the summaries and, when
 * rows_out is not NULL, *rows_out the replications' metric rows (the caller frees
 * them), *reps_out their number and *nm_out the metrics in a row. Returns 0 or -1. */
static int run_case_rows(const char *dir, const char *file, const struct scenario_override *sets, size_t nsets,
                         struct summary *s, double **rows_out, unsigned *reps_out, size_t *nm_out)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    static struct scenario sc;
    if (scenario_load(&sc, path, sets, nsets, stderr) != 0) return -1;
    unsigned reps = sc.cfg.run.replications;
    size_t nm = metric_count(&sc.cfg);
    double *rows = malloc((size_t)reps * nm * sizeof *rows);
    const struct model_config *cfg = &sc.cfg;
    struct simulate_opts o = {.threads = 2};
    size_t missing = simulate(&cfg, 1, reps, &o, rows);
    simulate_summarise(rows, reps, nm, s);
    if (rows_out) {
        *rows_out = rows;
        *reps_out = reps;
        *nm_out = nm;
    } else {
        free(rows);
    }
    return missing ? -1 : 0;
}

/* Run a case file as it is; s receives the summaries. Returns 0 or -1. */
static int run_case(const char *dir, const char *file, struct summary *s)
{
    return run_case_rows(dir, file, NULL, 0, s, NULL, NULL, NULL);
}

/* One comparison line and its check: sim +- hw (99%) against exact. */
static void compare_row(const char *id, const char *what, double sim, double hw, double exact)
{
    int ok = !isnan(sim) && fabs(sim - exact) <= hw + 1e-9 * (1 + fabs(exact));
    printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", id, what, sim, hw, exact, ok ? "inside" : "OUTSIDE");
    check(ok, "%s: %s = %.8g +- %.3g (99%%) contains the exact %.10g", id, what, sim, hw, exact);
}

/* CT: a contract's per-period fill rate, missed periods and expected penalty against the
 * exact distribution of the Erlang loss chain over a period (tests/contract_exact.h). */
static void test_contract(const char *dir)
{
    const char *id = "CT contract";
    const struct contract_exact_model em = {.S = 14,
                                            .lambda = 5,
                                            .mu = 0.5,
                                            .T = 10,
                                            .target = 0.93,
                                            .penalty_per_point = 20,
                                            .penalty_per_missed_period = 100};
    struct contract_exact_result ex;
    if (!check(contract_exact_solve(&em, &ex) == 0, "%s: the exact distribution is computed", id)) return;
    /* the exact computation checks itself: E[D] = lambda T, E[L] / E[D] = Erlang's B */
    double B = 1;
    for (int n = 1; n <= em.S; n++) B = 10 * B / (n + 10 * B);
    check(fabs(ex.mean_demanded - 50) < 1e-9 && fabs(ex.mean_lost / ex.mean_demanded - B) < 1e-10 &&
              ex.dropped_mass < 1e-12,
          "%s: exact E[D] = %.10g (50), E[L]/E[D] = %.12f (ErlangB %.12f), mass cut %.2g", id, ex.mean_demanded,
          ex.mean_lost / ex.mean_demanded, B, ex.dropped_mass);
    /* the values tests/validation/README.md and ct_contract.ini state */
    check(fabs(ex.p_missed - 0.3134777987) < 1e-9 && fabs(ex.penalty_per_period - 66.33541262) < 1e-7 &&
              fabs(ex.mean_fill - 0.9475280893) < 1e-9 && fabs(ex.sd_fill - 0.05929450456) < 1e-10,
          "%s: the stated exact values (P(miss) %.10f, penalty %.8f, mean period fill %.10f, sd %.10f)", id,
          ex.p_missed, ex.penalty_per_period, ex.mean_fill, ex.sd_fill);

    char path[512];
    snprintf(path, sizeof path, "%s/ct_contract.ini", dir);
    static struct scenario sc;
    if (!check(scenario_load(&sc, path, NULL, 0, stderr) == 0, "%s: %s loads", id, path)) {
        contract_exact_free(&ex);
        return;
    }
    const struct model_config *cfg = &sc.cfg;
    unsigned reps = cfg->run.replications;
    size_t nm = metric_count(cfg), nper = simulate_contract_values(cfg);
    double *rows = malloc((size_t)reps * nm * sizeof *rows), *periods = malloc((size_t)reps * nper * sizeof *periods);
    struct simulate_opts o = {.threads = 2, .contract_periods = periods};
    if (check(nper == 2000 && simulate(&cfg, 1, reps, &o, rows) == 0, "%s: %u replications of 2000 periods run", id,
              reps)) {
        struct summary *s = malloc(nm * sizeof *s);
        simulate_summarise(rows, reps, nm, s);
        compare_row(id, "fill_rate (long run)", s[M_FILL_RATE].mean, summary_halfwidth(&s[M_FILL_RATE], 0.99), 1 - B);
        compare_row(id, "periods_missed_share", s[M_CONTRACT_PERIODS_MISSED_SHARE].mean,
                    summary_halfwidth(&s[M_CONTRACT_PERIODS_MISSED_SHARE], 0.99), ex.p_missed);
        compare_row(id, "penalty_per_day", s[M_CONTRACT_PENALTY].mean, summary_halfwidth(&s[M_CONTRACT_PENALTY], 0.99),
                    ex.penalty_per_period / em.T);
        /* the target's own block: its missed share, and the mean and sd of its period values */
        struct summary *b = s + metric_contract_base(cfg, 0);
        compare_row(id, "fill_rate.periods_missed", b[CM_PERIODS_MISSED_SHARE].mean,
                    summary_halfwidth(&b[CM_PERIODS_MISSED_SHARE], 0.99), ex.p_missed);
        compare_row(id, "fill_rate.period_mean", b[CM_PERIOD_MEAN].mean, summary_halfwidth(&b[CM_PERIOD_MEAN], 0.99),
                    ex.mean_fill);
        compare_row(id, "fill_rate.period_sd", b[CM_PERIOD_SD].mean, summary_halfwidth(&b[CM_PERIOD_SD], 0.99),
                    ex.sd_fill);
        /* the distribution: per replication, the mean period fill and the share of periods
           at or below x, against the exact distribution function */
        double *per = malloc(reps * sizeof *per);
        const double xs[] = {-1, 0.85, 0.9, 0.95, 0.99};
        for (size_t k = 0; k < sizeof xs / sizeof xs[0]; k++) {
            for (unsigned r = 0; r < reps; r++) {
                double acc = 0;
                for (size_t j = 0; j < nper; j++) {
                    double v = periods[(size_t)r * nper + j];
                    acc += xs[k] < 0 ? v : v <= xs[k] + 1e-12;
                }
                per[r] = acc / (double)nper;
            }
            struct summary sm = summary_of(per, reps, 1);
            char what[40];
            if (xs[k] < 0)
                snprintf(what, sizeof what, "mean period fill");
            else
                snprintf(what, sizeof what, "P(period fill <= %.2f)", xs[k]);
            compare_row(id, what, sm.mean, summary_halfwidth(&sm, 0.99),
                        xs[k] < 0 ? ex.mean_fill : contract_exact_cdf(&ex, xs[k]));
        }
        free(per);
        free(s);
    }
    free(rows);
    free(periods);
    scenario_fini(&sc);
    contract_exact_free(&ex);
}

/* S2: the slope of CSL in k, from paired differences of a sweep. */
static void test_safety_per_point(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/s2_safety_per_point.ini", dir);
    static struct sweep_result r;
    struct simulate_opts o = {.threads = 2};
    if (!check(sweep_run(path, NULL, 0, &o, &r, stderr) == 0 && r.n == 8, "S2: %s sweeps 8 points", path)) return;
    const double levels[] = {0.90, 0.95, 0.99, 0.999}, delta = 0.1;
    double *d = malloc(r.reps * sizeof *d);
    for (size_t j = 0; j < 4; j++) {
        size_t lo = 2 * j, hi = lo + 1;
        for (size_t rep = 0; rep < r.reps; rep++)
            d[rep] = r.rows[(hi * r.reps + rep) * r.nm + M_CYCLE_SERVICE_LEVEL] -
                     r.rows[(lo * r.reps + rep) * r.nm + M_CYCLE_SERVICE_LEVEL];
        struct summary s = summary_of(d, r.reps, 1);
        double z = gsl_cdf_ugaussian_Pinv(levels[j]);
        double sim = 2 * delta / (100 * s.mean);                /* sd of safety stock per point */
        double hw = sim * summary_halfwidth(&s, 0.99) / s.mean; /* delta method */
        double exact = 0.01 / gsl_ran_ugaussian_pdf(z);         /* the derivative */
        double secant = 2 * delta / (100 * (gsl_cdf_ugaussian_P(z + delta) - gsl_cdf_ugaussian_P(z - delta)));
        int ok = fabs(sim - exact) <= hw + fabs(secant - exact);
        char id[40];
        snprintf(id, sizeof id, "S2 at %g%%", 100 * levels[j]);
        printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", id, "safety sd per CSL point", sim, hw, exact,
               ok ? "inside" : "OUTSIDE");
        check(ok, "%s: %.4f +- %.3g sd per point contains 0.01/phi(z) = %.4f (finite-difference bias %.4f)", id, sim,
              hw, exact, fabs(secant - exact));
    }
    free(d);
    sweep_free(&r);
}

/* R1's flow balance replication by replication: units replenished - (units issued -
 * units restocked) is 0 in expectation (every unit demanded is issued, backorders
 * waiting; the base-stock position returns to S), so its mean over replications must
 * hold 0 in its 99% CI; and the returns' own ratios, restocked / returned = 0.6 and
 * refunds / returned = 0.5 x 10, hold in every replication's expectation. */
static void test_returns_balance(const char *dir)
{
    static struct summary s[METRIC_COUNT];
    double *rows;
    unsigned reps;
    size_t nm;
    if (!check(run_case_rows(dir, "r1_returns_flow.ini", NULL, 0, s, &rows, &reps, &nm) == 0,
               "R1: r1_returns_flow.ini loads and runs"))
        return;
    double *gap = malloc(reps * sizeof *gap), *restock = malloc(reps * sizeof *restock);
    for (unsigned r = 0; r < reps; r++) {
        const double *x = rows + (size_t)r * nm;
        gap[r] = x[M_COST_PURCHASE] - (x[M_UNITS_PER_DAY] - x[M_UNITS_RESTOCKED_PER_DAY]);
        restock[r] = x[M_UNITS_RESTOCKED_PER_DAY] - 0.6 * x[M_UNITS_RETURNED_PER_DAY];
    }
    struct summary g = summary_of(gap, reps, 1), k = summary_of(restock, reps, 1);
    double hw = summary_halfwidth(&g, 0.99), hk = summary_halfwidth(&k, 0.99);
    int ok = fabs(g.mean) <= hw, okk = fabs(k.mean) <= hk;
    printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", "R1 flow balance", "replenished-(iss-rest)", g.mean, hw, 0.0,
           ok ? "inside" : "OUTSIDE");
    printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", "R1 flow balance", "restocked-0.6 returned", k.mean, hk, 0.0,
           okk ? "inside" : "OUTSIDE");
    check(ok, "R1: units replenished - (issued - restocked) per day = %.3g +- %.3g (99%%) holds 0", g.mean, hw);
    check(okk, "R1: restocked - 0.6 x returned per day = %.3g +- %.3g (99%%) holds 0", k.mean, hk);
    double refund_ratio = s[M_REFUNDS].mean / s[M_UNITS_RETURNED_PER_DAY].mean;
    check(fabs(refund_ratio - 5) < 1e-9, "R1: refunds = 0.5 x price 10 x units returned, exactly (%.12g)",
          refund_ratio);
    free(gap);
    free(restock);
    free(rows);
}

/* S1: the formula's values through the reader, printed next to the simulation. The
 * simulated values are not asserted: they differ from the formula by design (lumpy or
 * overshooting demand); the run report explains why. */
static void test_chopra(const char *dir, const char *file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    static struct scenario sc;
    if (!check(scenario_load(&sc, path, NULL, 0, stderr) == 0, "S1: %s loads", file)) return;
    struct protection p = theory_protection(&sc.cfg);
    struct prediction f = theory_predict(&p, sc.cfg.inventory.reorder_point);
    check(fabs(f.cycle_service_level - 0.9213503965) < 1e-7 && fabs(f.shortage_per_cycle - 25.12727083) < 1e-3 &&
              fabs(f.fill_rate - 0.9974872729) < 1e-7,
          "S1: %s gives Chopra & Meindl's CSL, shortage per cycle and fill rate", file);
    struct summary s[METRIC_COUNT];
    if (run_case(dir, file, s) != 0) return;
    printf("%-20s %-24s %14.8g %12.3g %14.10g  (formula; simulation differs by design)\n", file, "cycle_service_level",
           s[M_CYCLE_SERVICE_LEVEL].mean, summary_halfwidth(&s[M_CYCLE_SERVICE_LEVEL], 0.99), f.cycle_service_level);
    printf("%-20s %-24s %14.8g %12.3g %14.10g  (formula)\n", file, "fill_rate", s[M_FILL_RATE].mean,
           summary_halfwidth(&s[M_FILL_RATE], 0.99), f.fill_rate);
}

/* E1, E2: echelons, one-for-one base stock with Poisson demand, constant lead times and
 * backorders at every stage, against Axsater's exact method (tests/validation/README.md).
 * The warehouse's outstanding orders X0 ~ Poisson(Lambda L0) (Lambda: the demand of all
 * its stores); its backorders B0 = (X0 - S0)+; a store's share of them is B0 itself
 * (serial) or Binomial(B0, 1/2) (two identical stores); the store's outstanding orders
 * are that share plus its own demand over L1, Poisson(lambda L1), independent of it. */
enum { ECH_K = 120 }; /* support of the distributions: far beyond any mass that counts */

struct echelon_exact {
    double dc_fill, dc_backorders, lead_time, store_fill, store_backorders, store_on_hand;
};

static struct echelon_exact echelon_exact(double lam_total, double l0, int s0, double lam_store, double l1, int s1,
                                          bool split)
{
    double b0[ECH_K] = {0}, bi[ECH_K] = {0}, y[ECH_K] = {0};
    struct echelon_exact e = {0};
    for (int k = 0; k < ECH_K; k++) {
        double p = gsl_ran_poisson_pdf((unsigned)k, lam_total * l0);
        if (k < s0) e.dc_fill += p;
        b0[k > s0 ? k - s0 : 0] += p;
        if (k > s0) e.dc_backorders += (k - s0) * p;
    }
    for (int b = 0; b < ECH_K; b++)
        for (int j = 0; j <= b; j++)
            bi[j] += split ? b0[b] * gsl_ran_binomial_pdf((unsigned)j, 0.5, (unsigned)b) : (j == b ? b0[b] : 0);
    for (int k = 0; k < ECH_K; k++)
        for (int j = 0; j <= k; j++) y[k] += bi[j] * gsl_ran_poisson_pdf((unsigned)(k - j), lam_store * l1);
    for (int k = 0; k < ECH_K; k++) {
        if (k < s1) e.store_fill += y[k], e.store_on_hand += (s1 - k) * y[k];
        if (k > s1) e.store_backorders += (k - s1) * y[k];
    }
    e.lead_time = l1 + e.dc_backorders / lam_total; /* Little: a unit waits B0 / Lambda at the dc */
    return e;
}

/* One comparison against an exact value: the metric called `name` in the case's layout,
 * its mean inside the confidence interval at `level`. */
static void exact_row(const char *id, const struct model_config *cfg, const struct summary *s, const char *name,
                      double exact, double level)
{
    long i = metric_lookup(cfg, name);
    if (!check(i >= 0, "%s: metric %s exists", id, name)) return;
    double hw = summary_halfwidth(&s[i], level);
    int ok = !isnan(s[i].mean) && fabs(s[i].mean - exact) <= hw + 1e-9 * (1 + fabs(exact));
    printf("%-20s %-40s %12.8g %10.3g %12.8g  %s\n", id, name, s[i].mean, hw, exact, ok ? "inside" : "OUTSIDE");
    check(ok, "%s: %s = %.8g +- %.3g (%.0f%%) contains the exact %.8g", id, name, s[i].mean, hw, 100 * level, exact);
}

/* One echelon comparison at 95%. */
static void echelon_row(const char *id, const struct model_config *cfg, const struct summary *s, const char *name,
                        double exact)
{
    exact_row(id, cfg, s, name, exact, 0.95);
}

/* The store's orders in a day under (s, Q) with unit Poisson demand: Q N, N = floor((C +
 * D) / Q), C uniform on 0..Q-1 and D ~ Poisson(lambda) independent (E3); its bullwhip
 * ratio is Q^2 Var(N) / lambda. */
static double bullwhip_sq_exact(double lambda, int q)
{
    double en = 0, en2 = 0;
    for (int c = 0; c < q; c++)
        for (int d = 0; d < ECH_K; d++) {
            double p = gsl_ran_poisson_pdf((unsigned)d, lambda) / q, n = floor((double)(c + d) / q);
            en += p * n;
            en2 += p * n * n;
        }
    return (double)q * q * (en2 - en * en) / lambda;
}

/* Load a case and run it; returns its summaries (the caller frees them) or NULL. */
static struct summary *echelon_run(const char *dir, const char *id, const char *file, struct scenario *sc)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (!check(scenario_load(sc, path, NULL, 0, stderr) == 0, "%s: %s loads", id, path)) return NULL;
    struct summary *s = calloc(metric_count(&sc->cfg), sizeof *s);
    if (!s) abort();
    if (!check(run_case_rows(dir, file, NULL, 0, s, NULL, NULL, NULL) == 0, "%s: %s runs", id, file)) {
        free(s);
        return NULL;
    }
    return s;
}

static void test_echelons(const char *dir)
{
    static const struct {
        const char *id, *file, *stores[2];
        bool split;
    } echelon_cases[] = {{"E1 serial", "e1_serial.ini", {"store"}, false},
                         {"E2 tree", "e2_tree.ini", {"east", "west"}, true}};
    printf("%-20s %-40s %12s %10s %12s\n", "case", "metric", "simulated", "95% CI +-", "exact");
    static struct scenario sc;
    for (size_t c = 0; c < sizeof echelon_cases / sizeof echelon_cases[0]; c++) {
        const char *id = echelon_cases[c].id;
        struct summary *s = echelon_run(dir, id, echelon_cases[c].file, &sc);
        if (!s) continue;
        /* the parameters, read back from the scenario: what the exact method takes */
        const struct model_config *cfg = &sc.cfg;
        const struct inventory_config *dc = &cfg->locations[0].inventory, *st = &cfg->locations[1].inventory;
        double lam = 1 / dist_mean(&cfg->demand.interarrival_days);
        size_t nstores = echelon_cases[c].split ? 2 : 1;
        struct echelon_exact e =
            echelon_exact(lam, dist_mean(&dc->lead_time_days), (int)dc->order_up_to, lam / (double)nstores,
                          dist_mean(&st->lead_time_days), (int)st->order_up_to, echelon_cases[c].split);
        echelon_row(id, cfg, s, "location.dc.downstream_fill_rate", e.dc_fill);
        echelon_row(id, cfg, s, "location.dc.downstream_backorders_mean", e.dc_backorders);
        echelon_row(id, cfg, s, "location.dc.downstream_lead_time_mean", e.lead_time);
        for (size_t k = 0; k < nstores; k++) {
            char name[96];
            snprintf(name, sizeof name, "location.%s.fill_rate", echelon_cases[c].stores[k]);
            echelon_row(id, cfg, s, name, e.store_fill);
            snprintf(name, sizeof name, "location.%s.mean_backorders", echelon_cases[c].stores[k]);
            echelon_row(id, cfg, s, name, e.store_backorders);
            snprintf(name, sizeof name, "location.%s.mean_on_hand", echelon_cases[c].stores[k]);
            echelon_row(id, cfg, s, name, e.store_on_hand);
        }
        echelon_row(id, cfg, s, "fill_rate", e.store_fill);
        free(s);
    }
    struct summary *s = echelon_run(dir, "E3 bullwhip", "e3_bullwhip.ini", &sc);
    if (!s) return;
    const struct inventory_config *st = &sc.cfg.locations[1].inventory;
    double lam = 1 / dist_mean(&sc.cfg.demand.interarrival_days);
    echelon_row("E3 bullwhip", &sc.cfg, s, "location.store.bullwhip_ratio",
                bullwhip_sq_exact(lam, (int)st->order_quantity));
    echelon_row("E3 bullwhip", &sc.cfg, s, "location.dc.bullwhip_ratio", 1);
    free(s);
}

/* D1, D2, C1, Y1: the outside supplier (models/supplier.h), one-for-one base stock S,
 * Poisson demand lambda, backorders (tests/validation/README.md). The orders
 * outstanding at t are those at the supplier at t - L (L: the constant lead time after
 * an order leaves it) plus Poisson(lambda L) placed since, independent of them. A unit
 * demand is filled iff fewer than S are outstanding (PASTA). */
enum { SUP_K = 200 }; /* support of the distributions: far beyond any mass that counts */

/* At the supplier, up Exp(mean u) / down Exp(mean d): 0 while up; while down, by
 * memorylessness, the demand since it went down, geometric with ratio lambda/(lambda+mu),
 * mu = 1/d. */
static void disruption_queue(double lambda, double u, double d, double *q)
{
    double up = u / (u + d), mu = 1 / d, r = lambda / (lambda + mu);
    for (int k = 0; k < SUP_K; k++) q[k] = (1 - up) * (1 - r) * pow(r, k);
    q[0] += up;
}

/* At the supplier, capacity c a day and unit orders: the M/D/1 number in system, the
 * stationary distribution of its embedded chain at departures (equal to the
 * time-average one), by power iteration on the chain truncated at SUP_K. */
static void md1_queue(double lambda, double c, double *q)
{
    double a[SUP_K], next[SUP_K];
    for (int k = 0; k < SUP_K; k++) a[k] = gsl_ran_poisson_pdf((unsigned)k, lambda / c), q[k] = k == 0;
    for (int it = 0; it < 20000; it++) {
        for (int j = 0; j < SUP_K; j++) next[j] = q[0] * a[j];
        for (int i = 1; i < SUP_K; i++)
            for (int j = i - 1; j < SUP_K; j++) next[j] += q[i] * a[j - i + 1];
        double sum = 0;
        for (int j = 0; j < SUP_K; j++) sum += next[j];
        for (int j = 0; j < SUP_K; j++) q[j] = next[j] / sum;
    }
}

struct supply_exact {
    double fill, backorders, on_hand;
};

/* Outstanding = at the supplier (q) + Poisson(lambda L); the stock point's figures. */
static struct supply_exact supply_exact(const double *q, double lambda, double lead, int s)
{
    struct supply_exact e = {0};
    for (int k = 0; k < SUP_K; k++) {
        double p = 0;
        for (int j = 0; j <= k; j++) /* GSL's Poisson pdf is NaN at mean 0 */
            p += q[j] * (lead > 0 ? gsl_ran_poisson_pdf((unsigned)(k - j), lambda * lead) : j == k);
        if (k < s) e.fill += p, e.on_hand += (s - k) * p;
        if (k > s) e.backorders += (k - s) * p;
    }
    return e;
}

/* One supplier comparison at 99% (as the main table: some twenty rows, so that a chance
 * miss of one at 95% does not fail the suite). */
static void supply_row(const char *id, const struct model_config *cfg, const struct summary *s, const char *name,
                       double exact)
{
    exact_row(id, cfg, s, name, exact, 0.99);
}

static void test_supplier(const char *dir)
{
    static struct scenario sc;
    static const char *const disruption_cases[][2] = {{"D1 disruption", "d1_disruption.ini"},
                                                      {"D2 disruption, L>0", "d2_disruption_lead.ini"}};
    printf("%-20s %-40s %12s %10s %12s\n", "case", "metric", "simulated", "99% CI +-", "exact");
    for (size_t c = 0; c < 2; c++) {
        const char *id = disruption_cases[c][0];
        struct summary *s = echelon_run(dir, id, disruption_cases[c][1], &sc);
        if (!s) continue;
        const struct inventory_config *inv = &sc.cfg.inventory;
        double lam = 1 / dist_mean(&sc.cfg.demand.interarrival_days), q[SUP_K];
        double u = dist_mean(&inv->supplier_up_days), d = dist_mean(&inv->supplier_down_days);
        disruption_queue(lam, u, d, q);
        struct supply_exact e = supply_exact(q, lam, dist_mean(&inv->lead_time_days), (int)inv->order_up_to);
        struct supply_exact full =
            supply_exact((double[SUP_K]){1}, lam, dist_mean(&inv->lead_time_days), (int)inv->order_up_to);
        supply_row(id, &sc.cfg, s, "fill_rate", e.fill);
        supply_row(id, &sc.cfg, s, "mean_backorders", e.backorders);
        supply_row(id, &sc.cfg, s, "mean_on_hand", e.on_hand);
        supply_row(id, &sc.cfg, s, "supply_availability", u / (u + d));
        supply_row(id, &sc.cfg, s, "fill_rate_lost_to_disruptions", full.fill - e.fill);
        free(s);
    }
    struct summary *s = echelon_run(dir, "C1 capacity", "c1_capacity.ini", &sc);
    if (s) {
        const struct inventory_config *inv = &sc.cfg.inventory;
        double lam = 1 / dist_mean(&sc.cfg.demand.interarrival_days), c = inv->supplier_capacity_per_day, q[SUP_K];
        md1_queue(lam, c, q);
        struct supply_exact e = supply_exact(q, lam, dist_mean(&inv->lead_time_days), (int)inv->order_up_to);
        double rho = lam / c;
        supply_row("C1 capacity", &sc.cfg, s, "fill_rate", e.fill);
        supply_row("C1 capacity", &sc.cfg, s, "mean_backorders", e.backorders);
        supply_row("C1 capacity", &sc.cfg, s, "mean_on_hand", e.on_hand);
        /* Pollaczek-Khinchine: W = 1/c + rho / (2 c (1 - rho)) */
        supply_row("C1 capacity", &sc.cfg, s, "supplier_wait_days_mean", 1 / c + rho / (2 * c * (1 - rho)));
        free(s);
    }
    /* Y1: what arrives is E[yield] of what is ordered, and (paid for at 1 a unit) equals
       the demand in the long run; with a constant yield of 0.5, exactly half arrives */
    s = echelon_run(dir, "Y1 yield", "y1_yield.ini", &sc);
    if (s) {
        double lam = 1 / dist_mean(&sc.cfg.demand.interarrival_days);
        supply_row("Y1 yield", &sc.cfg, s, "supply_yield_mean", dist_mean(&sc.cfg.inventory.supply_yield));
        supply_row("Y1 yield", &sc.cfg, s, "cost_purchase_per_day", lam);
        free(s);
    }
    struct scenario_override half = {.assignment = "inventory.supply_yield=0.5"};
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, "y1_yield.ini");
    if (check(scenario_load(&sc, path, &half, 1, stderr) == 0, "Y1 yield 0.5 loads")) {
        s = calloc(metric_count(&sc.cfg), sizeof *s);
        if (!s) abort();
        if (check(run_case_rows(dir, "y1_yield.ini", &half, 1, s, NULL, NULL, NULL) == 0, "Y1 yield 0.5 runs")) {
            long i = metric_lookup(&sc.cfg, "supply_yield_mean");
            printf("%-20s %-40s %12.8g %10s %12.8g  %s\n", "Y1 yield 0.5", "supply_yield_mean", s[i].mean, "0", 0.5,
                   s[i].mean == 0.5 ? "equal" : "DIFFERENT");
            check(s[i].mean == 0.5 && s[i].ci95 == 0, "Y1 constant yield 0.5: exactly half of every order arrives");
            supply_row("Y1 yield 0.5", &sc.cfg, s, "cost_purchase_per_day",
                       1 / dist_mean(&sc.cfg.demand.interarrival_days));
        }
        free(s);
    }
}

/* LK: Law & Kelton's (s,S) inventory model over 120 months from 60 units
 * (tests/validation/lk_ss.ini, one servlab day = one month), against exact expectations
 * from the Markov chain of tests/markov_ss.h. The model is stated here from the
 * textbook, independently of the scenario file the simulation reads. */
static const int lk_policies[][2] = {{20, 40}, {20, 60},  {20, 80}, {20, 100}, {40, 60},
                                     {40, 80}, {40, 100}, {60, 80}, {60, 100}};
#define LK_POLICIES (sizeof lk_policies / sizeof lk_policies[0])
#define LK_NODES 16   /* Gauss-Legendre nodes per smooth piece of a month */
#define LK_TAIL 1e-15 /* demand tail mass dropped */

static struct markov_ss_model lk_model(int s, int S)
{
    return (struct markov_ss_model){.s = s,
                                    .S = S,
                                    .initial = 60,
                                    .periods = 120,
                                    .rate = 10,
                                    .size_pmf = {0, 1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
                                    .max_size = 4,
                                    .lead_min = 0.5,
                                    .lead_max = 1,
                                    .order_fixed = 32,
                                    .order_per_unit = 3,
                                    .holding = 1,
                                    .backlog = 5};
}

/* The metrics compared one to one with the chain's expectations (all are means over
 * the run of levels or of per-month sums, so their expectations are the chain's). */
static const struct {
    const char *metric;
    size_t exact; /* offset of the value in struct markov_ss_result */
} lk_metrics[] = {
    {"cost_total_per_day", offsetof(struct markov_ss_result, cost_total)},
    {"cost_ordering_per_day", offsetof(struct markov_ss_result, cost_ordering)},
    {"cost_holding_per_day", offsetof(struct markov_ss_result, cost_holding)},
    {"cost_shortage_per_day", offsetof(struct markov_ss_result, cost_shortage)},
    {"mean_on_hand", offsetof(struct markov_ss_result, mean_on_hand)},
    {"mean_backorders", offsetof(struct markov_ss_result, mean_backorders)},
    {"mean_on_order", offsetof(struct markov_ss_result, mean_on_order)},
    {"time_out_of_stock", offsetof(struct markov_ss_result, time_out_of_stock)},
    {"replenishments_per_day", offsetof(struct markov_ss_result, replenishments)},
};
#define LK_METRICS (sizeof lk_metrics / sizeof lk_metrics[0])

static double lk_value(const struct markov_ss_result *r, size_t offset)
{
    return *(const double *)(const void *)((const char *)r + offset);
}

/* One policy's figures: exact, simulated mean and 99% half-width; the last column is
 * the fill rate as a ratio of expectations (see lk_pooled_fill). */
struct lk_row {
    double exact[LK_METRICS + 1], mean[LK_METRICS + 1], hw[LK_METRICS + 1];
};

/* servlab's fill_rate is each run's ratio filled / demanded, averaged over runs: over a
 * finite horizon its expectation is not the ratio of expected units the chain gives.
 * The ratio of the sums over all runs estimates the latter; its 99% half-width is the
 * delta method's. Units demanded = units_per_day * horizon: with no order-cycle
 * delays, every order is allocated when placed. */
static void lk_pooled_fill(const double *rows, unsigned reps, size_t nm, double *ratio, double *hw)
{
    double sy = 0, sx = 0;
    for (unsigned r = 0; r < reps; r++) {
        const double *x = &rows[(size_t)r * nm];
        sy += x[M_FILL_RATE] * x[M_UNITS_PER_DAY];
        sx += x[M_UNITS_PER_DAY];
    }
    *ratio = sy / sx;
    double *d = malloc(reps * sizeof *d);
    for (unsigned r = 0; r < reps; r++) {
        const double *x = &rows[(size_t)r * nm];
        d[r] = x[M_FILL_RATE] * x[M_UNITS_PER_DAY] - *ratio * x[M_UNITS_PER_DAY];
    }
    struct summary s = summary_of(d, reps, 1);
    *hw = summary_halfwidth(&s, 0.99) / (sx / reps);
    free(d);
}

/* Largest difference between two solutions' values. */
static double lk_diff(const struct markov_ss_result *a, const struct markov_ss_result *b)
{
    double d = fabs(a->fill_ratio_of_means - b->fill_ratio_of_means);
    for (size_t i = 0; i < LK_METRICS; i++)
        d = fmax(d, fabs(lk_value(a, lk_metrics[i].exact) - lk_value(b, lk_metrics[i].exact)));
    return d;
}

static void test_law_kelton(const char *dir, struct lk_row *table)
{
    /* The chain on a case with a closed form: from level 0 with no orders (s far below
     * anything reachable), the backlog grows by 25 units a month on average, so its
     * time average over 4 months is 25 * 2 = 50; nothing is ever on hand. */
    struct markov_ss_model never = lk_model(-400, -400);
    never.initial = 0;
    never.periods = 4;
    struct markov_ss_result nr = {0};
    int solved = markov_ss_solve(&never, LK_NODES, LK_TAIL, &nr) == 0;
    check(solved && fabs(nr.mean_backorders - 50) < 1e-9 && nr.mean_on_hand == 0 &&
              fabs(nr.time_out_of_stock - 1) < 1e-12 && nr.fill_ratio_of_means == 0 && nr.replenishments == 0,
          "LK chain: with no orders from level 0, mean backorders over 4 months = 50 (%.12g), nothing on hand",
          nr.mean_backorders);
    for (size_t p = 0; p < LK_POLICIES; p++) {
        int s = lk_policies[p][0], S = lk_policies[p][1];
        char id[24];
        snprintf(id, sizeof id, "LK (%d,%d)", s, S);
        struct markov_ss_model mm = lk_model(s, S);
        struct markov_ss_result ex, more_nodes, less_tail;
        if (!check(markov_ss_solve(&mm, LK_NODES, LK_TAIL, &ex) == 0 &&
                       markov_ss_solve(&mm, 2 * LK_NODES, LK_TAIL, &more_nodes) == 0 &&
                       markov_ss_solve(&mm, LK_NODES, 1e-25, &less_tail) == 0,
                   "%s: the Markov chain solves", id))
            continue;
        check(lk_diff(&ex, &more_nodes) < 1e-9, "%s: exact values converged in quadrature nodes (%d vs %d: %.2g)", id,
              LK_NODES, 2 * LK_NODES, lk_diff(&ex, &more_nodes));
        check(lk_diff(&ex, &less_tail) < 1e-9 && fabs(ex.lost_mass) < 1e-12,
              "%s: demand truncation does not matter (tail 1e-15 vs 1e-25: %.2g; mass dropped %.2g)", id,
              lk_diff(&ex, &less_tail), ex.lost_mass);

        char set_s[64], set_S[64];
        snprintf(set_s, sizeof set_s, "inventory.reorder_point=%d", s - 1); /* orders at I <= s - 1 */
        snprintf(set_S, sizeof set_S, "inventory.order_up_to=%d", S);
        const struct scenario_override sets[] = {{.assignment = set_s}, {.assignment = set_S}};
        struct summary sm[METRIC_COUNT];
        double *rows = NULL;
        unsigned reps = 0;
        size_t nm = 0;
        if (!check(run_case_rows(dir, "lk_ss.ini", sets, 2, sm, &rows, &reps, &nm) == 0, "%s: lk_ss.ini loads and runs",
                   id)) {
            free(rows);
            continue;
        }
        struct lk_row row;
        for (size_t i = 0; i <= LK_METRICS; i++) {
            const char *name;
            if (i < LK_METRICS) {
                name = lk_metrics[i].metric;
                int m = metric_find(name);
                row.exact[i] = lk_value(&ex, lk_metrics[i].exact);
                row.mean[i] = sm[m].mean;
                row.hw[i] = summary_halfwidth(&sm[m], 0.99);
            } else {
                name = "fill_rate pooled";
                row.exact[i] = ex.fill_ratio_of_means;
                lk_pooled_fill(rows, reps, nm, &row.mean[i], &row.hw[i]);
            }
            int ok = fabs(row.mean[i] - row.exact[i]) <= row.hw[i] + 1e-9 * (1 + fabs(row.exact[i]));
            printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", id, name, row.mean[i], row.hw[i], row.exact[i],
                   ok ? "inside" : "OUTSIDE");
            check(ok, "%s: %s = %.8g +- %.3g (99%%) contains the exact %.10g", id, name, row.mean[i], row.hw[i],
                  row.exact[i]);
        }
        if (table) table[p] = row;
        free(rows);
    }
}

/* The two tables of tests/validation/README.md, in Markdown. */
static void lk_print_tables(const struct lk_row *table)
{
    static const char *const head[LK_METRICS + 1] = {"total",        "ordering",     "holding",  "shortage",
                                                     "on hand",      "backorders",   "on order", "out of stock",
                                                     "orders/month", "fill (pooled)"};
    for (int sim = 0; sim < 2; sim++) {
        printf("\n| (s,S) |");
        for (size_t i = 0; i <= LK_METRICS; i++) printf(" %s |", head[i]);
        printf("\n|---|");
        for (size_t i = 0; i <= LK_METRICS; i++) printf("---:|");
        putchar('\n');
        for (size_t p = 0; p < LK_POLICIES; p++) {
            printf("| (%d,%d) |", lk_policies[p][0], lk_policies[p][1]);
            for (size_t i = 0; i <= LK_METRICS; i++) {
                if (sim)
                    printf(" %.4f ± %.4f |", table[p].mean[i], table[p].hw[i]);
                else
                    printf(" %.6f |", table[p].exact[i]);
            }
            putchar('\n');
        }
    }
}

/* test_validation [--lk-table] [DIR]: DIR holds the case files (default
 * tests/validation). --lk-table runs only Law & Kelton's policies and prints their
 * exact and simulated tables in Markdown, as tests/validation/README.md shows them. */
int main(int argc, char **argv)
{
    int lk_table = argc > 1 && strcmp(argv[1], "--lk-table") == 0;
    const char *dir = argc > 1 + lk_table ? argv[1 + lk_table] : "tests/validation";
    if (lk_table) {
        static struct lk_row table[LK_POLICIES];
        test_law_kelton(dir, table);
        lk_print_tables(table);
        return check_done("test_validation");
    }
    printf("%-20s %-24s %14s %12s %14s\n", "case", "metric", "simulated", "99% CI +-", "exact");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const struct vcase *vc = &cases[c];
        struct summary s[METRIC_COUNT];
        if (!check(run_case(dir, vc->file, s) == 0, "%s: %s loads and runs", vc->id, vc->file)) continue;
        for (size_t i = 0; i < 5 && vc->e[i].metric; i++) {
            const struct expect *e = &vc->e[i];
            int m = metric_find(e->metric);
            if (!check(m >= 0, "%s: metric %s exists", vc->id, e->metric)) continue;
            double hw = s[m].n > 1 ? summary_halfwidth(&s[m], 0.99) : 0;
            double allowed = hw + e->rel_slack * fabs(e->exact) + 1e-9 * (1 + fabs(e->exact));
            int ok = !isnan(s[m].mean) && fabs(s[m].mean - e->exact) <= allowed;
            printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", vc->id, e->metric, s[m].mean, hw, e->exact,
                   ok ? "inside" : "OUTSIDE");
            check(ok, "%s: %s = %.8g +- %.3g (99%%) contains the exact %.10g", vc->id, e->metric, s[m].mean, hw,
                  e->exact);
        }
        if (strcmp(vc->id, "Q2 M/M/5") == 0) {
            /* P(wait) = W_q (c mu - lambda) for M/M/c; W_q = mean cycle - mean service */
            int m = metric_find("order_cycle_days_mean");
            double pwait = (s[m].mean - 1) * (5 - 4), hw = summary_halfwidth(&s[m], 0.99);
            int ok = fabs(pwait - 0.5541125541) <= hw;
            printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", vc->id, "P(wait) from W_q", pwait, hw, 0.5541125541,
                   ok ? "inside" : "OUTSIDE");
            check(ok, "Q2 M/M/5: P(wait) = %.6g contains Erlang C 0.5541125541", pwait);
        }
    }
    test_law_kelton(dir, NULL);
    test_returns_balance(dir);
    test_contract(dir);
    test_safety_per_point(dir);
    test_chopra(dir, "s1_chopra.ini");
    test_chopra(dir, "s1_chopra_weekly.ini");
    test_echelons(dir);
    test_supplier(dir);
    return check_done("test_validation");
}
