/* test_validation.c - the analytic cases of shared/validation/CASES.md. Each runs from a
 * scenario file in tests/validation/ through the reader and the replication runner,
 * the way a user runs it, and passes when the exact value lies inside the simulated
 * 99% confidence interval (plus the relative slack the case allows). Fixed seeds make
 * the outcome deterministic. Every line is printed, so the evidence is in the log. */
#include "check.h"
#include "cli/simulate.h"
#include "models/metrics.h"
#include "scenarios/scenario.h"

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
    double *rows = malloc((size_t)reps * METRIC_COUNT * sizeof *rows);
    const struct model_config *cfg = &sc.cfg;
    struct simulate_opts o = {.threads = 2};
    size_t missing = simulate(&cfg, 1, reps, &o, rows);
    simulate_summarise(rows, reps, s);
    free(rows);
    return missing ? -1 : 0;
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
    return check_done("test_validation");
}
