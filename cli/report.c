/* report.c - formatting of results. Rates are shown as percentages with their
 * half-width in percentage points; rows with no value in any replication are left
 * out (a stage that is not modelled, utilisation of unlimited servers), except
 * on-time rate, which says how to get one. */
#include "report.h"
#include "models/metrics.h"
#include "models/policy.h"
#include "models/theory.h"
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
    const struct cost_config *k = &sc->cfg.costs;
    if (m == M_COST_STAFF && k->processing_per_server_day == 0 && k->picking_per_server_day == 0) return false;
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

/* One row of the theory block: target (or blank), formula, simulated with CI. */
static void theory_row(FILE *out, const char *label, double target, double formula, const struct summary *sim)
{
    char t[20] = "", f[20], m[40];
    if (!isnan(target)) snprintf(t, sizeof t, "%.2f %%", 100 * target);
    if (isfinite(formula))
        snprintf(f, sizeof f, "%9.2f %%", 100 * formula);
    else
        snprintf(f, sizeof f, "%11s", "n/a");
    if (isfinite(sim->mean))
        snprintf(m, sizeof m, "%9.2f %% ± %.2f", 100 * sim->mean, 100 * (isnan(sim->ci95) ? 0 : sim->ci95));
    else
        snprintf(m, sizeof m, "%11s (nothing to count)", "n/a");
    fprintf(out, "  %-26s %9s %s %s\n", label, t, f, m);
}

static bool outside(double formula, const struct summary *sim)
{
    return isnan(sim->ci95) || fabs(formula - sim->mean) > sim->ci95;
}

/* The normal approximation's prediction next to the simulated service, with the
 * reasons for any gap that apply to this scenario. */
static void report_theory(FILE *out, const struct scenario *sc, const struct summary *s)
{
    const struct inventory_config *inv = &sc->cfg.inventory;
    const struct policy_type *p = inv->policy;
    if (!p->holds_stock) return;
    struct protection pr = theory_protection(&sc->cfg);
    double level = p->uses_reorder_point ? inv->reorder_point : inv->order_up_to;
    const char *name = p->uses_reorder_point ? "s" : "S";
    struct prediction f = theory_predict(&pr, level);
    char lv[40];
    num_format(round(level * 10) / 10, lv, sizeof lv);

    fputs("\nTheory next to simulation (normal approximation of demand over the lead time)\n", out);
    if (sc->lever.key) {
        char target[40];
        fprintf(out, "  Service lever %s = %s sets %s = %s%s%s\n", sc->lever.key,
                num_format(sc->lever.target, target, sizeof target), name, lv,
                sc->lever.replaced[0] ? ", in place of " : "", sc->lever.replaced);
    }
    if (!(pr.demand_sd > 0) || !isfinite(f.safety_factor)) { /* a constant: no normal curve to fit */
        fprintf(out, "  Demand over %.1f days%s: %.1f units, always the same; %s = %s. With no variation the\n"
                     "  normal approximation has nothing to add: stock runs out only if %s is below %.1f.\n",
                pr.days, inv->review_days > 0 ? " (lead time + review period)" : " (the lead time)", pr.demand_mean,
                name, lv, name, pr.demand_mean);
        return;
    }
    fprintf(out, "  Demand over %.1f days%s: mean %.1f, sd %.1f units; %s = %s = mean %s %.2f sd\n", pr.days,
            inv->review_days > 0 ? " (lead time + review period)" : " (the lead time)", pr.demand_mean,
            pr.demand_sd, name, lv, f.safety_factor < 0 ? "-" : "+", fabs(f.safety_factor));
    fprintf(out, "  %-26s %9s %11s %11s\n", "", sc->lever.key && sc->lever.key[0] == 't' ? "target" : "", "formula",
            "simulated");
    bool csl_lever = sc->lever.key && strcmp(sc->lever.key, "target_cycle_service_level") == 0;
    bool fill_lever = sc->lever.key && strcmp(sc->lever.key, "target_fill_rate") == 0;
    theory_row(out, "Cycle service level", csl_lever ? sc->lever.target : NAN, f.cycle_service_level,
               &s[M_CYCLE_SERVICE_LEVEL]);
    theory_row(out, "Fill rate", fill_lever ? sc->lever.target : NAN, f.fill_rate, &s[M_FILL_RATE]);

    if (s[M_CYCLE_SERVICE_LEVEL].n == 0 && s[M_FILL_RATE].n == 0) {
        fputs("  No order reached allocation and no replenishment cycle ended in the statistics window:\n"
              "  there is nothing to compare (lengthen horizon_days).\n", out);
        return;
    }
    if (!outside(f.cycle_service_level, &s[M_CYCLE_SERVICE_LEVEL]) && !outside(f.fill_rate, &s[M_FILL_RATE])) {
        fputs("  Formula and simulation agree within the 95% confidence interval.\n", out);
        return;
    }
    fputs("  Why they differ:\n", out);
    int reasons = 0;
    double undershoot = s[M_REORDER_UNDERSHOOT].mean;
    if (p->uses_reorder_point && undershoot > 0.02 * pr.demand_sd) {
        fprintf(out, "  - orders were placed %.1f units below s on average (undershoot: demand comes in orders\n"
                     "    of several units%s). The formula assumes ordering exactly at s; in effect the\n"
                     "    reorder point is lower, which lowers service.\n",
                undershoot, inv->review_days > 0 ? " and is only seen at reviews" : "");
        reasons++;
    }
    const struct dist *gap = &sc->cfg.demand.interarrival_days, *lead = &inv->lead_time_days;
    if (dist_is_constant(gap) && dist_is_constant(lead) && inv->review_days == 0 && p->uses_reorder_point) {
        double every = dist_mean(gap), days = dist_mean(lead);
        double covered = ceil(days / every - 1e-9) - 1; /* receipts come first at equal times */
        if (fabs(covered - days / every) > 0.05) {
            fprintf(out, "  - orders come every %g days and replenishment takes %g: one ordered right after an\n"
                         "    order arrives in time for all but the orders within the next %g days, so stock\n"
                         "    must cover %g orders, where the formula assumes %.2f. This %s service.\n",
                    every, days, days, covered, days / every,
                    covered < days / every ? "raises" : "lowers");
            reasons++;
        }
    }
    double orders = pr.demand_mean / dist_mean(&sc->cfg.demand.units_per_order);
    if (orders < 30) {
        fprintf(out, "  - only %.1f orders arrive over %.1f days: demand is lumpier than the normal curve the\n"
                     "    formula uses.\n", orders, pr.days);
        reasons++;
    }
    if (inv->shortage == SHORTAGE_LOST_SALE) {
        fputs("  - with lost sales the position never goes below 0; the formulas assume backorders.\n", out);
        reasons++;
    }
    if (s[M_CYCLE_SERVICE_LEVEL].ci95 > 0.03 || s[M_FILL_RATE].ci95 > 0.03) {
        fputs("  - the simulated figures are uncertain by the ± shown; more replications narrow it.\n", out);
        reasons++;
    }
    if (!reasons)
        fputs("  - none of the usual reasons (undershoot, lumpy demand, lost sales) applies here:\n"
              "    the gap is worth a closer look.\n", out);
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
    for (size_t i = 0; i < sc->nnotes; i++) fprintf(out, "Note: %s.\n", sc->notes[i]);

    for (int g = 0; g < GROUP_COUNT; g++) {
        bool any = false;
        for (int m = 0; m < METRIC_COUNT; m++)
            if (metric_defs[m].group == (enum metric_group)g && worth_showing(m, &s[m], sc)) any = true;
        if (!any) continue;
        fprintf(out, "\n%s\n", metric_group_titles[g]);
        for (int m = 0; m < METRIC_COUNT; m++)
            if (metric_defs[m].group == (enum metric_group)g && worth_showing(m, &s[m], sc))
                print_row(out, m, &s[m]);
        if (g == GROUP_SERVICE) report_theory(out, sc, s);
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
