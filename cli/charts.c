/* charts.c - composing charts: titles that state the finding, axes with units, the
 * profit-maximising point marked and labelled. */
#include "charts.h"
#include "plots/chart.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int draw(const char *path, const struct chart *c)
{
    char err[1400];
    if (chart_write(path, c, err, sizeof err) == 0) return 0;
    fprintf(stderr, "servlab: %s\n", err);
    return -1;
}

/* A column of one metric's means (or half-widths) over the sweep points (free it). */
static double *column(const struct sweep_result *r, int m, bool ci)
{
    double *v = malloc(r->n * sizeof *v);
    if (!v) abort();
    for (size_t i = 0; i < r->n; i++) {
        const struct summary *s = &r->s[i * METRIC_COUNT + (size_t)m];
        v[i] = ci ? s->ci95 : s->mean;
    }
    return v;
}

static double *percent(const double *x, size_t n)
{
    double *v = malloc(n * sizeof *v);
    if (!v) abort();
    for (size_t i = 0; i < n; i++) v[i] = 100 * x[i];
    return v;
}

/* "fill rate" for fill_rate: the service measure in words. */
static const char *service_words(const struct sweep_result *r, char *buf, size_t n)
{
    snprintf(buf, n, "%s", metric_defs[r->service].name);
    for (char *p = buf; *p; p++)
        if (*p == '_') *p = ' ';
    return buf;
}

static void axis_label(const struct sweep_result *r, char *buf, size_t n)
{
    char words[60];
    service_words(r, words, sizeof words);
    words[0] = (char)toupper((unsigned char)words[0]);
    snprintf(buf, n, "%s achieved (%%)", words);
}

static void subtitle(const struct sweep_result *r, bool whiskers, char *buf, size_t n)
{
    const char *file = strrchr(r->base.path, '/') ? strrchr(r->base.path, '/') + 1 : r->base.path;
    snprintf(buf, n, "%.60s: %.60s over %zu values; %u replications each, same random numbers%s", file,
             r->base.sweep.parameter, r->n, r->reps, whiskers ? "; whiskers: 95 % CI" : "");
}


/* Means or half-widths of paired changes (free it). */
static double *changes(const struct summary *d, size_t n, bool ci)
{
    double *v = malloc(n * sizeof *v);
    if (!v) abort();
    for (size_t i = 0; i < n; i++) v[i] = ci ? d[i].ci95 : d[i].mean;
    return v;
}

int charts_service_curve(const char *path, const struct sweep_result *r)
{
    double *x = percent(r->service_level, r->n);
    double *rev = changes(r->delta_revenue, r->n, false), *rev_ci = changes(r->delta_revenue, r->n, true);
    double *cost = changes(r->delta_cost, r->n, false), *cost_ci = changes(r->delta_cost, r->n, true);
    double *profit = changes(r->delta_profit, r->n, false), *profit_ci = changes(r->delta_profit, r->n, true);
    char title[200], sub[600], xl[120], yl[200], mark[300];
    const struct curve_optimum *o = &r->opt;
    const char *key = strrchr(r->base.sweep.parameter, '.') + 1;
    char words[60];
    snprintf(title, sizeof title, "Service curve: profit peaks at a %s of %.2f %%%s",
             service_words(r, words, sizeof words), 100 * r->service_level[o->best],
             o->at_lower_edge || o->at_upper_edge ? " (edge of the range)" : "");
    subtitle(r, true, sub, sizeof sub);
    axis_label(r, xl, sizeof xl);
    snprintf(yl, sizeof yl, "change per day vs. %.2f %% (money)", 100 * r->service_level[r->baseline]);
    snprintf(mark, sizeof mark, "most profitable: %.2f %% (%s = %.4g), profit %.0f a day",
             100 * r->service_level[o->best], key, r->x[o->best], r->s[o->best * METRIC_COUNT + M_PROFIT].mean);
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .npanels = 1};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){.ylabel = yl, .nseries = 3, .nmarks = 1, .y_from_zero = true};
    p->series[0] = (struct chart_series){"revenue", x, rev, rev_ci, r->n, COLOUR_GREEN, STYLE_LINE, false};
    p->series[1] = (struct chart_series){"total cost", x, cost, cost_ci, r->n, COLOUR_VERMILLION, STYLE_LINE, false};
    p->series[2] = (struct chart_series){"profit = revenue - cost", x, profit, profit_ci, r->n, COLOUR_BLUE,
                                         STYLE_LINE, false};
    p->marks[0] = (struct chart_mark){x[o->best], profit[o->best], mark, COLOUR_BLACK};
    int rc = draw(path, &c);
    free(x), free(rev), free(rev_ci), free(cost), free(cost_ci), free(profit), free(profit_ci);
    return rc;
}

int charts_cost_breakdown(const char *path, const struct sweep_result *r)
{
    double *x = percent(r->service_level, r->n);
    double *holding = column(r, M_COST_HOLDING, false), *ordering = column(r, M_COST_ORDERING, false);
    double *purchase = column(r, M_COST_PURCHASE, false), *staff = column(r, M_COST_STAFF, false);
    double *shortage = column(r, M_COST_SHORTAGE, false);
    bool any_staff = false;
    for (size_t i = 0; i < r->n; i++) {
        ordering[i] -= purchase[i]; /* the fixed part: purchases are the goods themselves */
        any_staff |= staff[i] != 0;
    }
    char sub[600], xl[120];
    subtitle(r, false, sub, sizeof sub);
    axis_label(r, xl, sizeof xl);
    struct chart c = {.title = "What each level of service costs, by kind", .subtitle = sub, .xlabel = xl, .npanels = 1};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){.ylabel = "cost per day (purchases of goods not shown)", .y_from_zero = true};
    p->series[p->nseries++] = (struct chart_series){"holding stock", x, holding, NULL, r->n, COLOUR_BLUE, STYLE_LINE, false};
    p->series[p->nseries++] = (struct chart_series){"shortages (backorders, lost sales)", x, shortage, NULL, r->n,
                                                    COLOUR_VERMILLION, STYLE_LINE, false};
    p->series[p->nseries++] = (struct chart_series){"fixed cost of orders", x, ordering, NULL, r->n, COLOUR_ORANGE,
                                                    STYLE_LINE, false};
    if (any_staff)
        p->series[p->nseries++] = (struct chart_series){"staff", x, staff, NULL, r->n, COLOUR_PURPLE, STYLE_LINE, false};
    int rc = draw(path, &c);
    free(x), free(holding), free(ordering), free(purchase), free(staff), free(shortage);
    return rc;
}

int charts_marginal_cost(const char *path, const struct sweep_result *r)
{
    double *x = malloc(r->n * sizeof *x), *y = malloc(r->n * sizeof *y);
    if (!x || !y) abort();
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (isnan(r->marginal[i])) continue;
        x[k] = 100 * r->service_level[i];
        y[k++] = r->marginal[i];
    }
    char title[200], sub[600], xl[120], yl[200], words[60], mark[200];
    service_words(r, words, sizeof words);
    snprintf(title, sizeof title, "Diminishing returns: each extra point of %s costs more than the last", words);
    subtitle(r, false, sub, sizeof sub);
    axis_label(r, xl, sizeof xl);
    snprintf(yl, sizeof yl, "extra cost per day of 1 more point of %s", words);
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .npanels = 1};
    c.panels[0] = (struct chart_panel){.ylabel = yl, .nseries = 1, .y_from_zero = true};
    c.panels[0].series[0] = (struct chart_series){NULL, x, y, NULL, k, COLOUR_VERMILLION, STYLE_LINE, false};
    const struct curve_optimum *o = &r->opt;
    if (!isnan(r->marginal[o->best])) {
        snprintf(mark, sizeof mark, "profit peaks here: %.2f %%", 100 * r->service_level[o->best]);
        c.panels[0].marks[c.panels[0].nmarks++] =
            (struct chart_mark){100 * r->service_level[o->best], r->marginal[o->best], mark, COLOUR_BLUE};
    }
    int rc = draw(path, &c);
    free(x), free(y);
    return rc;
}
