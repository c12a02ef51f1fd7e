/* contract_report.c - a service contract in the run report (cli/contract_report.h). */
#include "contract_report.h"
#include "report.h"
#include "lang/lang.h"
#include "models/contract.h"
#include "models/metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The q-quantile of sorted v[0..n) (linear between order statistics, as R's type 7). */
static double quantile(const double *v, size_t n, double q)
{
    if (n == 0) return NAN;
    double h = (double)(n - 1) * q;
    size_t lo = (size_t)floor(h);
    if (lo + 1 >= n) return v[n - 1];
    return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

static const double *period_values(const struct contract_periods *p, unsigned rep, size_t period)
{
    return p->values + ((size_t)rep * p->nperiods + period) * p->ntargets;
}

size_t contract_target_values(const struct contract_periods *p, size_t target, double *out)
{
    size_t n = 0;
    for (unsigned r = 0; r < p->reps; r++)
        for (size_t k = 0; k < p->nperiods; k++) {
            double x = period_values(p, r, k)[target];
            if (!isnan(x)) out[n++] = x;
        }
    return n;
}

void contract_target_stats(const struct model_config *c, const struct contract_periods *p, size_t target,
                           struct contract_target_stats *out)
{
    size_t all = (size_t)p->reps * p->nperiods, n = 0, missed = 0;
    double *v = malloc((all ? all : 1) * sizeof *v), sum = 0;
    if (!v) abort();
    for (unsigned r = 0; r < p->reps; r++)
        for (size_t k = 0; k < p->nperiods; k++) {
            double x = period_values(p, r, k)[target];
            if (contract_shortfall_points(&c->contract.targets[target], x) > 0) missed++;
            if (isnan(x)) continue;
            v[n++] = x;
            sum += x;
        }
    qsort(v, n, sizeof *v, by_value);
    static const double qs[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
    *out = (struct contract_target_stats){
        .n = n, .mean = n ? sum / (double)n : NAN, .below = all ? (double)missed / (double)all : NAN};
    for (int i = 0; i < 5; i++) out->q[i] = quantile(v, n, qs[i]);
    free(v);
}

void contract_penalty_stats(const struct model_config *c, const struct contract_periods *p,
                            struct contract_penalty_stats *out)
{
    size_t all = (size_t)p->reps * p->nperiods, missed = 0;
    double *v = malloc((all ? all : 1) * sizeof *v), sum = 0;
    if (!v) abort();
    for (unsigned r = 0; r < p->reps; r++)
        for (size_t k = 0; k < p->nperiods; k++) {
            bool miss;
            double pen = contract_period_penalty(&c->contract, period_values(p, r, k), &miss);
            v[r * p->nperiods + k] = pen;
            sum += pen;
            missed += miss;
        }
    qsort(v, all, sizeof *v, by_value);
    *out = (struct contract_penalty_stats){.n = all,
                                           .mean = all ? sum / (double)all : NAN,
                                           .p50 = quantile(v, all, 0.5),
                                           .p95 = quantile(v, all, 0.95),
                                           .max = all ? v[all - 1] : NAN,
                                           .missed = all ? (double)missed / (double)all : NAN};
    free(v);
}

/* Money as the report shows it: two decimals. */
static const char *money(double x, char *buf, size_t n)
{
    snprintf(buf, n, "%.2f", x);
    return buf;
}

/* A share as the table shows it: "98.3" (percent), "-" for none. */
static void pct_cell(FILE *out, double x, int width)
{
    if (isnan(x))
        fprintf(out, "%*s", width, "-");
    else
        fprintf(out, "%*.1f", width, 100 * x);
}

void report_contract(FILE *out, const struct scenario *sc, const struct summary *s, const struct contract_periods *p)
{
    const struct model_config *c = &sc->cfg;
    const struct contract_config *k = &c->contract;
    if (!k->ntargets || !p || !p->values) return;
    char days[40];
    fprintf(out, "\n");
    fprintf(out, _("Service contract: each replication reviews %zu whole periods of %s days (%zu periods in all)\n"),
            p->nperiods, report_field(k->period_days, days, sizeof days), (size_t)p->reps * p->nperiods);
    static const char *const heads[] = {N_("long run"), N_("mean"), "p5",  "p25",
                                        N_("median"),   "p75",      "p95", N_("missed")};
    fputs("  ", out);
    lang_pad(out, "", 26, false);
    fputc(' ', out);
    lang_pad(out, "", 8, true);
    fputc(' ', out);
    /* TRANSLATORS: over the columns mean ... p95 of the contract table */
    fprintf(out, "%s\n", _("per period, over every period of every replication"));
    fputs("  ", out);
    lang_pad(out, _("target (%)"), 26, false);
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
        fputc(' ', out);
        lang_pad(out, _(heads[h]), h == 0 ? 8 : 7, true);
    }
    fputs("\n", out);
    for (size_t t = 0; t < k->ntargets; t++) {
        const struct contract_target *tg = &k->targets[t];
        struct contract_target_stats st;
        contract_target_stats(c, p, t, &st);
        char name[80], pct[40];
        snprintf(name, sizeof name, "%s %s %s", metric_defs[tg->metric].name,
                 tg->at_most ? "<=" : ">=", report_field(100 * tg->target, pct, sizeof pct));
        fputs("  ", out);
        report_cell(out, name, 26, false);
        fputc(' ', out);
        pct_cell(out, s[tg->metric].mean, 8);
        fputc(' ', out);
        pct_cell(out, st.mean, 7);
        for (int i = 0; i < 5; i++) fputc(' ', out), pct_cell(out, st.q[i], 7);
        fputc(' ', out);
        pct_cell(out, st.below, 7);
        fputc('\n', out);
    }
    struct contract_penalty_stats ps;
    contract_penalty_stats(c, p, &ps);
    char a[40], b[40], m[40], x[40], d[40];
    fprintf(out, _("  Periods that missed any target: %.1f%% (contract_periods_missed_share)\n"), 100 * ps.missed);
    fprintf(out, _("  Penalty per period: mean %s, median %s, 95th percentile %s, largest %s\n"),
            money(ps.mean, a, sizeof a), money(ps.p50, b, sizeof b), money(ps.p95, m, sizeof m),
            money(ps.max, x, sizeof x));
    fprintf(out, _("  That is %s a day (contract_penalty_per_day), counted in the total cost and so in profit.\n"),
            money(s[M_CONTRACT_PENALTY].mean, d, sizeof d));
    fputs(_("  Per target: contract.METRIC.periods_missed_share, .period_mean and .period_sd in --format csv.\n"), out);
    fputs(_("  The long run is the whole window's value; the contract judges each period on its own counts,\n"
            "  and per-period service spreads far wider than the long-run average: the periods below target\n"
            "  are what the penalties charge, even when the long-run value meets the target.\n"),
          out);
}

void contract_periods_csv(FILE *out, const struct scenario *sc, const struct contract_periods *p)
{
    const struct model_config *c = &sc->cfg;
    const struct contract_config *k = &c->contract;
    fputs("replication,period,start_day", out);
    for (size_t t = 0; t < k->ntargets; t++) fprintf(out, ",%s", metric_defs[k->targets[t].metric].name);
    fputs(",missed,penalty\n", out);
    for (unsigned r = 0; r < p->reps; r++)
        for (size_t j = 0; j < p->nperiods; j++) {
            const double *v = period_values(p, r, j);
            char buf[40];
            fprintf(out, "%u,%zu,%s", r + 1, j + 1,
                    report_field(c->run.warmup_days + (double)j * k->period_days, buf, sizeof buf));
            for (size_t t = 0; t < k->ntargets; t++) fprintf(out, ",%s", report_field(v[t], buf, sizeof buf));
            bool missed;
            double pen = contract_period_penalty(k, v, &missed);
            fprintf(out, ",%d,%s\n", missed ? 1 : 0, report_field(pen, buf, sizeof buf));
        }
}
