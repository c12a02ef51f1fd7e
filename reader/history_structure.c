/* history_structure.c - a history's structure in reports (history_structure.h). */
#include "history_structure.h"
#include "keys.h"
#include "lang/lang.h"
#include "sim/num.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What each mode keeps of the structure sim/series.h tests, and of a weekly or monthly
 * history's variation between periods (its days are a period's total spread evenly:
 * drawn one by one, a month's demand varies far less than the months did). */
enum { KEEPS_TREND = 1, KEEPS_WEEKLY = 2, KEEPS_AUTOCORRELATION = 4, KEEPS_PERIODS = 8 };
static const unsigned mode_keeps[] = {
    [HISTORY_OFF] = 0,
    [HISTORY_REPLAY] = KEEPS_TREND | KEEPS_WEEKLY | KEEPS_AUTOCORRELATION | KEEPS_PERIODS,
    [HISTORY_BOOTSTRAP] = KEEPS_PERIODS, /* it draws whole periods (models/history_play.h) */
    [HISTORY_FIT] = 0,
    [HISTORY_BLOCK_BOOTSTRAP] = KEEPS_AUTOCORRELATION | KEEPS_PERIODS,
    [HISTORY_WEEKDAY_BOOTSTRAP] = KEEPS_WEEKLY,
};

/* The sd of a weekly or monthly history's period totals, and what days drawn one by one
 * give over a period of the mean length. */
static void period_sds(const struct history_info *hi, double *between, double *one_by_one)
{
    const struct demand_history *h = &hi->h;
    double sum = 0, ss = 0, n = (double)h->nperiods;
    for (size_t k = 0; k < h->nperiods; k++) {
        double total = 0;
        for (size_t i = h->first[h->period_first[k]]; i < h->first[h->period_first[k + 1]]; i++) total += h->units[i];
        sum += total, ss += total * total;
    }
    double mean = sum / n;
    *between = n > 1 ? sqrt(fmax(0, (ss - n * mean * mean) / (n - 1))) : 0;
    *one_by_one = hi->sd_per_day * sqrt((double)h->ndays / n);
}

/* The structure that matters (significant) and that mode loses. */
static unsigned lost(const struct history_info *hi, enum history_mode mode)
{
    const struct series_structure *s = &hi->structure;
    unsigned has =
        (s->trend ? KEEPS_TREND : 0) | (s->weekly ? KEEPS_WEEKLY : 0) | (s->autocorrelated ? KEEPS_AUTOCORRELATION : 0);
    if (hi->h.nperiods > 1) {
        double between, one_by_one;
        period_sds(hi, &between, &one_by_one);
        if (between > one_by_one) has |= KEEPS_PERIODS;
    }
    unsigned keeps = (size_t)mode < sizeof mode_keeps / sizeof mode_keeps[0] ? mode_keeps[mode] : 0;
    return has & ~keeps;
}

int history_structure_warnings(const struct history_info *hi, enum history_mode mode)
{
    unsigned l = lost(hi, mode);
    return !!(l & KEEPS_TREND) + !!(l & KEEPS_WEEKLY) + !!(l & KEEPS_AUTOCORRELATION) + !!(l & KEEPS_PERIODS);
}

static void describe_weekly_and_autocorrelation(FILE *out, const struct series_structure *s, const char *prefix);
static void describe_mode_and_warnings(FILE *out, const struct history_info *hi, enum history_mode mode,
                                       const char *prefix);

size_t history_warning_lines(const struct history_info *hi, enum history_mode mode, char (*texts)[640], size_t max)
{
    /* the kinds of history_describe_structure's warnings, without their figures, so that a
       batch says each once for all the rows it holds for */
    static const struct {
        unsigned kind;
        const char *text;
    } kinds[] = {
        {KEEPS_TREND, N_("loses the trend of the history's daily demand; replay keeps it")},
        {KEEPS_AUTOCORRELATION,
         N_("loses the autocorrelation of the history's days; replay and block_bootstrap keep it")},
        {KEEPS_WEEKLY, N_("loses the history's weekly pattern; replay and weekday_bootstrap keep it")},
        {KEEPS_PERIODS, N_("draws each day on its own, and loses the variation between the history's periods; "
                           "replay, bootstrap and block_bootstrap keep it")},
    };
    if (mode == HISTORY_OFF) return 0; /* no history mode, no word for it */
    unsigned l = lost(hi, mode);
    const char *word = key_defs[K_DEMAND_HISTORY_MODE].choice((size_t)mode - 1);
    size_t n = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds && n < max; k++)
        if (l & kinds[k].kind) /* the mode, then what it does: "bootstrap loses ..." */
            snprintf(texts[n++], sizeof texts[0], "%s %s", word, _(kinds[k].text));
    return n;
}

/* A daily change, signed, with %+.3g's digits but no exponent (into buf, 40 bytes):
 * "+0.0000566", not "+5.66e-05"; "-0.782". */
static const char *change_text(double x, char buf[40])
{
    char v[38];
    num_about(x, 3, v, sizeof v);
    snprintf(buf, 40, "%s%s", *v == '-' ? "" : "+", v);
    return buf;
}

static const char *verdict(bool significant)
{
    return significant ? _("significant") : _("not significant");
}

void history_describe_structure(FILE *out, const struct history_info *hi, enum history_mode mode, const char *prefix)
{
    const struct series_structure *s = &hi->structure;
    if (s->n < 21) {
        fprintf(out,
                _("%s  structure: fewer than 21 days, too few to test for a trend, a weekly pattern or "
                  "autocorrelation\n"),
                prefix);
        return;
    }
    fprintf(out, _("%s  structure of the daily totals (each test at the 1%% level, allowing for the others):\n"),
            prefix);
    char change[40];
    fprintf(out, _("%s    trend: daily demand changes by %s units each day (t = %.2f, p = %.2g): %s\n"), prefix,
            change_text(s->slope, change), s->slope_t, s->slope_p, verdict(s->trend));
    if (hi->options.period != HISTORY_PERIOD_DAY) {
        fprintf(out,
                hi->options.period == HISTORY_PERIOD_WEEK
                    ? _("%s    weekly pattern, autocorrelation: not tested: the days are spread evenly from weekly "
                        "totals,\n%s      so they are alike within a week whatever the demand did\n")
                    : _("%s    weekly pattern, autocorrelation: not tested: the days are spread evenly from monthly "
                        "totals,\n%s      so they are alike within a month whatever the demand did\n"),
                prefix, prefix);
    } else {
        describe_weekly_and_autocorrelation(out, s, prefix);
    }
    describe_mode_and_warnings(out, hi, mode, prefix);
}

/* The weekly pattern's and the autocorrelation's lines of the description. */
static void describe_weekly_and_autocorrelation(FILE *out, const struct series_structure *s, const char *prefix)
{
    char factors[7 * 8] = "";
    for (int c = 0; c < 7; c++) {
        size_t used = strlen(factors);
        snprintf(factors + used, sizeof factors - used, "%s%.2f", c ? " " : "", s->weekday_factor[c]);
    }
    fprintf(out,
            _("%s    weekly pattern: %s (F = %.2f, p = %.2g): %s\n"
              "%s      (each weekday's mean over the mean; days 1-7 of each week from the first day)\n"),
            prefix, factors, s->weekly_f, s->weekly_p, verdict(s->weekly), prefix);
    char acf[SERIES_LAGS * 8] = "";
    for (int k = 1; k <= SERIES_LAGS; k++) {
        size_t used = strlen(acf);
        char r[40];
        snprintf(acf + used, sizeof acf - used, "%s%s", k > 1 ? " " : "", num_fixed(s->acf[k], 2, r, sizeof r));
    }
    /* wrapped at a terminal's width: check's "; " prefix takes two more columns */
    lang_printf_wrapped(
        out, LANG_LINE_MAX,
        _("%s    autocorrelation, lags 1-7: %s (±%.2f if independent)\n"
          "%s      without the trend and weekday means: lag 1 %.2f, Ljung-Box Q = %.1f, p = %.2g: %s\n"),
        prefix, acf, s->acf_bound, prefix, s->resid_lag1, s->ljung_box_q, s->ljung_box_p, verdict(s->autocorrelated));
}

/* The block length in use, and a warning for each structure the mode loses. */
static void describe_mode_and_warnings(FILE *out, const struct history_info *hi, enum history_mode mode,
                                       const char *prefix)
{
    const struct series_structure *s = &hi->structure;
    if (mode == HISTORY_BLOCK_BOOTSTRAP) {
        size_t b = s->block_days > hi->h.ndays ? hi->h.ndays : s->block_days;
        fprintf(out,
                _("%s    block_bootstrap: blocks of %zu days by Politis & White's rule\n"
                  "%s      (history_block_days sets another length)\n"),
                prefix, b, prefix);
    }
    unsigned l = lost(hi, mode);
    const char *word = key_defs[K_DEMAND_HISTORY_MODE].choice((size_t)mode - 1);
    char change[40];
    if (l & KEEPS_TREND)
        fprintf(out,
                _("%s  Warning: %s loses the trend (daily demand changing by %s units each day; p = %.2g);\n"
                  "%s    replay keeps it.\n"),
                prefix, word, change_text(s->slope, change), s->slope_p, prefix);
    if (l & KEEPS_AUTOCORRELATION)
        fprintf(out,
                _("%s  Warning: %s loses the autocorrelation (lag 1 %.2f; Ljung-Box p = %.2g);\n"
                  "%s    replay and block_bootstrap keep it.\n"),
                prefix, word, s->acf[1], s->ljung_box_p, prefix);
    if (l & KEEPS_WEEKLY) {
        double lo = s->weekday_factor[0], hi_f = s->weekday_factor[0];
        for (int c = 1; c < 7; c++) lo = fmin(lo, s->weekday_factor[c]), hi_f = fmax(hi_f, s->weekday_factor[c]);
        fprintf(out,
                _("%s  Warning: %s loses the weekly pattern (weekday factors %.2f to %.2f; p = %.2g);\n"
                  "%s    replay and weekday_bootstrap keep it.\n"),
                prefix, word, lo, hi_f, s->weekly_p, prefix);
    }
    if (l & KEEPS_PERIODS) {
        double between, one_by_one;
        period_sds(hi, &between, &one_by_one);
        fprintf(out,
                hi->options.period == HISTORY_PERIOD_MONTH
                    ? _("%s  Warning: %s draws each day on its own, and loses the variation between the months\n"
                        "%s    (sd %.1f units a month in the history, about %.1f so drawn); replay, bootstrap and\n"
                        "%s    block_bootstrap keep it.\n")
                    : _("%s  Warning: %s draws each day on its own, and loses the variation between the weeks\n"
                        "%s    (sd %.1f units a week in the history, about %.1f so drawn); replay, bootstrap and\n"
                        "%s    block_bootstrap keep it.\n"),
                prefix, word, prefix, between, one_by_one, prefix);
    }
}

double *history_daily_totals(const struct demand_history *h)
{
    double *x = calloc(h->ndays ? h->ndays : 1, sizeof *x);
    if (!x) abort();
    for (size_t k = 0; k < h->ndays; k++)
        for (size_t i = h->first[k]; i < h->first[k + 1]; i++) x[k] += h->units[i];
    return x;
}

double history_sum_variance(const struct demand_history *h, double days, double *independent)
{
    double *x = history_daily_totals(h);
    size_t hi_days = (size_t)ceil(days);
    if (hi_days < 1) hi_days = 1;
    double *g = malloc((hi_days + 1) * sizeof *g);
    if (!g) abort();
    series_autocovariances(x, h->ndays, hi_days, g);
    size_t lo_days = (size_t)floor(days);
    double vlo = series_sum_variance(g, lo_days), vhi = series_sum_variance(g, hi_days);
    double v = vlo + (days - (double)lo_days) * (vhi - vlo);
    *independent = days * g[0];
    free(x), free(g);
    return v;
}
