/* test_validation.c - the analytic cases of shared/validation/CASES.md. Each runs from a
 * scenario file in tests/validation/ through the reader and the replication runner,
 * the way a user runs it, and passes when the exact value lies inside the simulated
 * 99% confidence interval (plus the relative slack the case allows). Fixed seeds make
 * the outcome deterministic. Every line is printed, so the evidence is in the log. */
#include "check.h"
#include "cli/simulate.h"
#include "cli/sweep.h"
#include "models/theory.h"
#include "models/metrics.h"
#include "scenarios/scenario.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct expect {
    const char *metric;
    double exact;
    double rel_slack; /* allowed relative bias on top of the CI (CASES.md states it) */
};

struct vcase {
    const char *id, *file;
    struct expect e[5];
};

static const struct vcase cases[] = {
    {"Q1 M/M/1", "q1_mm1.ini", {{"order_cycle_days_mean", 10, 0}, {"processing_utilisation", 0.9, 0}}},
    {"Q2 M/M/5", "q2_mmc.ini", {{"order_cycle_days_mean", 1.5541125541, 0}, {"processing_utilisation", 0.8, 0}}},
    {"Q3 M/D/1", "q3_md1.ini", {{"order_cycle_days_mean", 5.5, 0}}},
    {"Q4 delays", "q4_delays.ini",
     {{"order_cycle_days_mean", 2, 0}, {"order_cycle_days_p50", 2, 0}, {"order_cycle_days_p95", 2, 0},
      {"order_cycle_days_p99", 2, 0}}},
    {"I1 base stock", "i1_base_stock.ini",
     {{"fill_rate", 0.4702572668, 0}, {"mean_backorders", 1.776706348, 0}, {"mean_on_hand", 1.776706348, 0},
      {"order_cycle_days_mean", 0.3553412696, 0}}},
    {"I1 random lead", "i1_random_lead.ini",
     {{"fill_rate", 0.4702572668, 0}, {"mean_backorders", 1.776706348, 0}, {"mean_on_hand", 1.776706348, 0},
      {"order_cycle_days_mean", 0.3553412696, 0}}},
    {"I2 lost sales", "i2_lost_sales.ini",
     {{"fill_rate", 0.8411080385, 0}, {"mean_on_hand", 3.177839231, 0}, {"time_out_of_stock", 0.1588919615, 0},
      {"lost_sales_rate", 1 - 0.8411080385, 0}}},
    {"I2 random lead", "i2_random_lead.ini",
     {{"fill_rate", 0.8411080385, 0}, {"mean_on_hand", 3.177839231, 0}, {"time_out_of_stock", 0.1588919615, 0}}},
    {"I3 small Erlang", "i3_small_erlang.ini", {{"fill_rate", 0.7894736842, 0}}},
    {"I4 periodic normal", "i4_periodic_normal.ini",
     {{"cost_total_per_day", 1.997605193, 0.005}, {"fill_rate", 0.9816160653, 0.005},
      {"mean_on_hand", 7.523152662, 0.005}, {"mean_backorders", 0.9191967344, 0.005}}},
    {"I5 EOQ", "i5_eoq.ini",
     {{"replenishments_per_day", 0.5, 0}, {"cost_ordering_per_day", 25, 0}, {"mean_on_hand", 100.5, 0},
      {"stockout_rate", 0, 0}, {"fill_rate", 1, 0}}},
};

/* Run a case file; s receives the summaries. Returns 0 or -1. */
static int run_case(const char *dir, const char *file, struct summary *s)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    static struct scenario sc;
    if (scenario_load(&sc, path, NULL, 0, stderr) != 0) return -1;
    unsigned reps = sc.cfg.run.replications;
    size_t nm = metric_count(&sc.cfg);
    double *rows = malloc((size_t)reps * nm * sizeof *rows);
    const struct model_config *cfg = &sc.cfg;
    struct simulate_opts o = {.threads = 2};
    size_t missing = simulate(&cfg, 1, reps, &o, rows);
    simulate_summarise(rows, reps, nm, s);
    free(rows);
    return missing ? -1 : 0;
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
        double sim = 2 * delta / (100 * s.mean);                              /* sd of safety stock per point */
        double hw = sim * summary_halfwidth(&s, 0.99) / s.mean;               /* delta method */
        double exact = 0.01 / gsl_ran_ugaussian_pdf(z);                       /* the derivative */
        double secant = 2 * delta / (100 * (gsl_cdf_ugaussian_P(z + delta) - gsl_cdf_ugaussian_P(z - delta)));
        int ok = fabs(sim - exact) <= hw + fabs(secant - exact);
        char id[40];
        snprintf(id, sizeof id, "S2 at %g%%", 100 * levels[j]);
        printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", id, "safety sd per CSL point", sim, hw, exact,
               ok ? "inside" : "OUTSIDE");
        check(ok, "%s: %.4f +- %.3g sd per point contains 0.01/phi(z) = %.4f (finite-difference bias %.4f)", id,
              sim, hw, exact, fabs(secant - exact));
    }
    free(d);
    sweep_free(&r);
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
    printf("%-20s %-24s %14.8g %12.3g %14.10g  (formula; simulation differs by design)\n", file,
           "cycle_service_level", s[M_CYCLE_SERVICE_LEVEL].mean, summary_halfwidth(&s[M_CYCLE_SERVICE_LEVEL], 0.99),
           f.cycle_service_level);
    printf("%-20s %-24s %14.8g %12.3g %14.10g  (formula)\n", file, "fill_rate", s[M_FILL_RATE].mean,
           summary_halfwidth(&s[M_FILL_RATE], 0.99), f.fill_rate);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/validation";
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
            check(ok, "%s: %s = %.8g +- %.3g (99%%) contains the exact %.10g", vc->id, e->metric, s[m].mean,
                  hw, e->exact);
        }
        if (strcmp(vc->id, "Q2 M/M/5") == 0) {
            /* P(wait) = W_q (c mu - lambda) for M/M/c; W_q = mean cycle - mean service */
            int m = metric_find("order_cycle_days_mean");
            double pwait = (s[m].mean - 1) * (5 - 4), hw = summary_halfwidth(&s[m], 0.99);
            int ok = fabs(pwait - 0.5541125541) <= hw;
            printf("%-20s %-24s %14.8g %12.3g %14.10g  %s\n", vc->id, "P(wait) from W_q", pwait, hw,
                   0.5541125541, ok ? "inside" : "OUTSIDE");
            check(ok, "Q2 M/M/5: P(wait) = %.6g contains Erlang C 0.5541125541", pwait);
        }
    }
    test_safety_per_point(dir);
    test_chopra(dir, "s1_chopra.ini");
    test_chopra(dir, "s1_chopra_weekly.ini");
    return check_done("test_validation");
}
