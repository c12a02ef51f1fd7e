/* report.c - formatting of results. Rates are shown as percentages with their
 * half-width in percentage points; rows with no value in any replication are left
 * out (a stage that is not modelled, utilisation of unlimited servers), except
 * on-time rate, which says how to get one. */
#include "report.h"
#include "models/metrics.h"
#include "models/policy.h"
#include "sim/num.h"
#include "sim/rng.h"

#include <math.h>
#include <string.h>

const char *report_field(double x, char *buf, size_t n)
{
    if (isnan(x) || isinf(x))
        buf[0] = '\0';
    else
        snprintf(buf, n, "%.10g", x == 0 ? 0.0 : x); /* no "-0" */
    return buf;
}

/* How a kind of metric is shown: scale, decimals, unit. Small per-day figures get more
 * decimals; a half-width is always shown with its mean's decimals. */
static void style_of(enum metric_kind kind, double mean, double *scale, int *decimals, const char **unit)
{
    *scale = 1, *decimals = 2, *unit = "";
    switch (kind) {
    case KIND_RATE:
    case KIND_SHARE: *scale = 100, *decimals = 2, *unit = "%"; return;
    case KIND_DAYS: *decimals = 3, *unit = "days"; return;
    case KIND_UNITS: *decimals = 1, *unit = "units"; return;
    case KIND_PER_DAY: *decimals = fabs(mean) < 1 ? 4 : 2, *unit = "/day"; return;
    case KIND_MONEY_PER_DAY: *decimals = 2, *unit = ""; return;
    }
}

/* Rows that say nothing are left out: no value at all, a stage-breakdown row that is
 * 0 in every replication, and figures that are 0 by construction (lost sales when
 * customers wait, backorders when sales are lost). */
static bool worth_showing(int m, const struct summary *s, const struct scenario *sc)
{
    if (m == M_ON_TIME_RATE) return true;
    if (s->n == 0) return false;
    bool lost_sales = sc->cfg.inventory.shortage == SHORTAGE_LOST_SALE;
    bool holds_stock = sc->cfg.inventory.policy->holds_stock;
    if (m == M_LOST_SALES_RATE && (!lost_sales || !holds_stock)) return false;
    if ((m == M_MEAN_BACKORDERS || m == M_CYCLE_STOCK_WAIT) && (lost_sales || !holds_stock)) return false;
    bool breakdown = m >= M_CYCLE_TRANSMISSION && m <= M_CYCLE_DELIVERY;
    return !(breakdown && s->mean == 0 && (s->n < 2 || s->sd == 0));
}

static void print_row(FILE *out, int m, const struct summary *s)
{
    const struct metric_def *d = &metric_defs[m];
    if (s->n == 0) {
        fprintf(out, "  %-38s %9s   %s\n", d->label, "n/a",
                m == M_ON_TIME_RATE ? "(no promise: set [order_cycle] promise_days)" : "");
        return;
    }
    char value[40], ci[40] = "";
    const char *unit;
    double scale;
    int decimals;
    style_of(d->kind, s->mean, &scale, &decimals, &unit);
    snprintf(value, sizeof value, "%.*f", decimals, scale * s->mean);
    if (!isnan(s->ci95)) snprintf(ci, sizeof ci, "%.*f", decimals, scale * s->ci95);
    fprintf(out, "  %-38s %9s %-5s %s %-7s  %s\n", d->label, value, unit, *ci ? "±" : " ", ci, d->name);
}

void report_table(FILE *out, const struct scenario *sc, const struct summary *s)
{
    const struct run_config *run = &sc->cfg.run;
    char horizon[40], warmup[40];
    num_format(run->horizon_days, horizon, sizeof horizon);
    num_format(run->warmup_days, warmup, sizeof warmup);
    fprintf(out, "servlab %s — %s\n", SERVLAB_VERSION, sc->path);
    fprintf(out, "%u replication%s of %s days", run->replications, run->replications == 1 ? "" : "s", horizon);
    if (run->warmup_days > 0) fprintf(out, " after a %s-day warm-up", warmup);
    fprintf(out, "; seed %llu, generator %s\n", (unsigned long long)run->seed, rng_generator_name());
    fprintf(out, "Each figure is the mean over replications, ± the half-width of its 95%% confidence "
                 "interval.\n");

    for (int g = 0; g < GROUP_COUNT; g++) {
        bool any = false;
        for (int m = 0; m < METRIC_COUNT; m++)
            if (metric_defs[m].group == (enum metric_group)g && worth_showing(m, &s[m], sc)) any = true;
        if (!any) continue;
        fprintf(out, "\n%s\n", metric_group_titles[g]);
        for (int m = 0; m < METRIC_COUNT; m++)
            if (metric_defs[m].group == (enum metric_group)g && worth_showing(m, &s[m], sc))
                print_row(out, m, &s[m]);
    }
    if (!sc->cfg.inventory.policy->holds_stock)
        fputs("\n(policy = none: stock is not modelled, so it never runs out and costs nothing to hold.)\n", out);
    if (sc->nwarnings) {
        fputs("\nWarnings\n", out);
        for (size_t i = 0; i < sc->nwarnings; i++) fprintf(out, "  ! %s\n", sc->warnings[i]);
    }
}

void report_csv(FILE *out, const struct summary *s)
{
    fputs("metric,mean,ci95,sd,n\n", out);
    for (int m = 0; m < METRIC_COUNT; m++) {
        char a[40], b[40], c[40];
        fprintf(out, "%s,%s,%s,%s,%zu\n", metric_defs[m].name, report_field(s[m].mean, a, sizeof a),
                report_field(s[m].ci95, b, sizeof b), report_field(s[m].sd, c, sizeof c), s[m].n);
    }
}

void report_summary_header(FILE *out, const struct scenario *sc, const char *command)
{
    const struct run_config *run = &sc->cfg.run;
    char horizon[40], warmup[40];
    fprintf(out, "servlab %s %s %s\n", SERVLAB_VERSION, command, sc->path);
    fprintf(out, "seed: %llu\n", (unsigned long long)run->seed);
    fprintf(out, "generator: %s\n", rng_generator_name());
    fprintf(out, "replications: %u\n", run->replications);
    fprintf(out, "horizon_days: %s\n", num_format(run->horizon_days, horizon, sizeof horizon));
    fprintf(out, "warmup_days: %s\n", num_format(run->warmup_days, warmup, sizeof warmup));
    for (size_t i = 0; i < sc->nwarnings; i++) fprintf(out, "warning: %s\n", sc->warnings[i]);
}
