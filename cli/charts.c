/* charts.c - composing charts: titles that state the finding, axes with units, the
 * profit-maximising point marked and labelled. Every text is in the user's language
 * (lang/lang.h); metric, key and file names stay as written. */
#include "charts.h"
#include "contract_report.h"
#include "plots/chart.h"
#include "cli/report.h"
#include "cli/grid.h"
#include "cli/html.h"
#include "lang/lang.h"
#include "models/metrics.h"
#include "models/network.h"
#include "models/policy.h"
#include "reader/keys.h"
#include "sim/num.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* At most `most` bytes of text, cut between UTF-8 characters (a file named in Chinese
 * is not broken in the middle of a character), into buf of n bytes. */
static const char *cut(const char *text, size_t most, char *buf, size_t n)
{
    size_t len = strlen(text), end = len < most ? len : most;
    while (end < len && end > 0 && ((unsigned char)text[end] & 0xC0) == 0x80) end--;
    snprintf(buf, n, "%.*s", (int)end, text);
    return buf;
}

/* "default.ini" or "default.ini with costs.holding_per_unit_day=0.2": the scenario a
 * chart shows, naming what --set changed (buf holds n bytes). */
static const char *scenario_name(const struct scenario *sc, char *buf, size_t n)
{
    const char *file = strrchr(sc->path, '/') ? strrchr(sc->path, '/') + 1 : sc->path;
    char name[64], changes[164];
    cut(file, 60, name, sizeof name);
    if (sc->changes[0]) /* TRANSLATORS: a scenario file and the keys --set changed, e.g. default.ini with run.seed=2 */
        snprintf(buf, n, _("%s with %s"), name, cut(sc->changes, 160, changes, sizeof changes));
    else
        snprintf(buf, n, "%s", name);
    return buf;
}

static int draw(const struct chart_target *to, const struct chart *c)
{
    char err[1400];
    if ((!to->path || chart_write(to->path, c, err, sizeof err) == 0) &&
        (!to->svg || chart_write_svg_text(to->svg, c, err, sizeof err) == 0))
        return 0;
    fprintf(stderr, "servlab: %s\n", err);
    return -1;
}

/* A column of one metric's means (or half-widths) over the sweep points (free it). */
static double *column(const struct sweep_result *r, int m, bool ci)
{
    double *v = malloc(r->n * sizeof *v);
    if (!v) abort();
    for (size_t i = 0; i < r->n; i++) {
        struct summary s = sweep_at(r, i, m);
        v[i] = ci ? s.ci95 : s.mean;
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

static const char *service_words(const struct sweep_result *r, char *buf, size_t n)
{
    return report_metric_words(metric_defs[r->service].name, buf, n);
}

static void axis_label(const struct sweep_result *r, char *buf, size_t n)
{
    char words[100];
    service_words(r, words, sizeof words);
    /* TRANSLATORS: the x axis of a service curve, e.g. "Fill rate achieved (%)" (English
       capitalises the first letter of the result) */
    snprintf(buf, n, _("%s achieved (%%)"), words);
    if (islower((unsigned char)buf[0])) buf[0] = (char)toupper((unsigned char)buf[0]);
}

static void subtitle(const struct sweep_result *r, bool whiskers, char *buf, size_t n)
{
    char file[240], key[44];
    scenario_name(&r->base, file, sizeof file);
    cut(strrchr(r->base.sweep.parameter, '.') + 1, 40, key, sizeof key);
    if (whiskers) /* TRANSLATORS: scenario file: swept key at N values x N replications ... */
        snprintf(buf, n, _("%s: %s at %zu values x %u replications, same random numbers; whiskers: 95%% CI"), file, key,
                 r->n, r->reps);
    else
        snprintf(buf, n, _("%s: %s at %zu values x %u replications, same random numbers"), file, key, r->n, r->reps);
}

/* ---- the sweep charts' x axis ([sweep] x_axis) ---- */

struct x_axis {
    enum chart_scale scale; /* CHART_LINEAR or CHART_SHORTFALL */
    bool lever;             /* the lever's own values, on a linear scale */
    bool crowded;           /* auto chose the shortfall because points crowd near 100 % */
    bool flat;              /* auto chose the lever because service does not move */
    size_t at_100;          /* auto chose the lever because this many points reach 100 % */
    size_t rising;          /* auto chose the lever because service rises at only this many */
    size_t steps;           /* of this many steps (both 0 otherwise) */
};

/* Service levels (in %) that span less than this many points draw as one stack of
 * points: auto then draws along the lever (a return policy's refund, a complaints
 * budget: levers that buy something other than the service rate). */
#define FLAT_SERVICE_SPAN 0.01

static bool service_flat(const double *levels, size_t n)
{
    double lo = INFINITY, hi = -INFINITY;
    size_t finite = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(levels[i])) lo = fmin(lo, levels[i]), hi = fmax(hi, levels[i]), finite++;
    return finite >= 2 && hi - lo < FLAT_SERVICE_SPAN;
}

/* Points at exactly 100 % (levels in %): on a service axis they stand on one x, their
 * whiskers stacked into one bar. Two there still read; from AT_100_LEVER on, auto draws
 * along the lever. */
enum { AT_100_LEVER = 3 };

static size_t points_at_100(const double *levels, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += levels[i] == 100;
    return k;
}

/* What the charts of sweep r draw along x: as [sweep] x_axis says; auto draws the
 * lever when service does not move (service_flat), when several points reach 100 %
 * (points_at_100) or when service rises at fewer than half the steps (as the table
 * then leaves the cost of a point out, sweep_marginal_meaningful: along service the
 * curves would run back and forth), else the shortfall when the points crowd near 100 %
 * (chart_crowds_near_100). levels: the service levels of the points,
 * in % (n of them). allow_lever: false for the class chart, whose files have no lever
 * value (lever reads as auto). */
static struct x_axis choose_x_axis(const struct sweep_result *r, const double *levels, size_t n, bool allow_lever)
{
    enum sweep_x_axis want = r->base.sweep.x_axis;
    if (want == SWEEP_X_LEVER && allow_lever) return (struct x_axis){CHART_LINEAR, true, false, false, 0, 0, 0};
    if (want == SWEEP_X_SERVICE) return (struct x_axis){CHART_LINEAR, false, false, false, 0, 0, 0};
    if (want == SWEEP_X_SHORTFALL) return (struct x_axis){CHART_SHORTFALL, false, false, false, 0, 0, 0};
    if (allow_lever && service_flat(levels, n)) return (struct x_axis){CHART_LINEAR, true, false, true, 0, 0, 0};
    size_t full = points_at_100(levels, n);
    if (allow_lever && full >= AT_100_LEVER) return (struct x_axis){CHART_LINEAR, true, false, false, full, 0, 0};
    if (allow_lever && !r->x2 && !sweep_marginal_meaningful(r))
        return (struct x_axis){CHART_LINEAR, true, false, false, 0, sweep_rising_steps(r), r->n - 1};
    bool crowded = chart_crowds_near_100(levels, n);
    return (struct x_axis){crowded ? CHART_SHORTFALL : CHART_LINEAR, false, crowded, false, 0, 0, 0};
}

/* Point i of sweep r along x. */
static double x_at(const struct x_axis *a, const struct sweep_result *r, size_t i)
{
    return a->lever ? r->x[i] : chart_scale_at(a->scale, 100 * r->service_level[i]);
}

/* The x values of every point of r (free it). */
static double *x_column(const struct x_axis *a, const struct sweep_result *r)
{
    double *v = malloc(r->n * sizeof *v);
    if (!v) abort();
    for (size_t i = 0; i < r->n; i++) v[i] = x_at(a, r, i);
    return v;
}

/* The title of an axis that carries a lever's values (SECTION.KEY as swept): the lever
 * in the course's words with its unit, "reorder point s (units)", where the key table
 * gives it a term (reader/keys.def); otherwise, and for a named section's copy
 * ("product.A.reorder_point"), the key as the user typed it. A count names what it
 * counts ("order clerks"), and a share needs no unit. */
static void lever_axis_label(const char *parameter, char *buf, size_t n)
{
    const char *dot = strrchr(parameter, '.');
    char section[120];
    int k = -1;
    if (dot && (size_t)(dot - parameter) < sizeof section) {
        snprintf(section, sizeof section, "%.*s", (int)(dot - parameter), parameter);
        k = key_find(section, dot + 1);
    }
    const struct key_def *d = k >= 0 ? &key_defs[k] : NULL;
    const char *name = d && d->term && !d->family ? C_("lever", d->term) : parameter;
    if (d && d->type == KEY_NUMBER && d->unit[0] && strncmp(d->unit, "share", 5) != 0)
        /* TRANSLATORS: a chart axis: a lever and its unit, e.g. "reorder point s (units)" */
        snprintf(buf, n, _("%s (%s)"), name, C_("unit", d->unit));
    else
        snprintf(buf, n, "%s", name);
}

/* The x axis's title for the scale a. */
static void x_axis_label(const struct x_axis *a, const struct sweep_result *r, char *buf, size_t n)
{
    if (a->lever) {
        lever_axis_label(r->base.sweep.parameter, buf, n);
        return;
    }
    axis_label(r, buf, n);
    if (a->scale != CHART_SHORTFALL) return;
    size_t used = strlen(buf);
    /* TRANSLATORS: added after the x axis's title, e.g. "Fill rate achieved (%)" */
    snprintf(buf + used, n - used, "%s", _(", on a log scale of what falls short of 100%"));
}

/* The subtitle's words on the x axis when it is not the service level as usual,
 * appended to buf (n bytes). */
static void x_axis_note(const struct x_axis *a, char *buf, size_t n)
{
    size_t used = strlen(buf);
    if (a->crowded) /* TRANSLATORS: added to a chart's subtitle */
        snprintf(buf + used, n - used, "%s", _("; x: log scale, as points crowd near 100%"));
    else if (a->flat) /* TRANSLATORS: added to a chart's subtitle */
        snprintf(buf + used, n - used, "%s", _("; x: the lever, as service is the same at every point"));
    else if (a->at_100) /* TRANSLATORS: added to a chart's subtitle; the number of points at 100 % */
        snprintf(buf + used, n - used, _("; x: the lever, as %zu points reach 100%%"), a->at_100);
    else if (a->steps) /* TRANSLATORS: added to a chart's subtitle; steps where service rises, of all steps */
        snprintf(buf + used, n - used,
                 P_("; x: the lever, as service rises at only %zu of its %zu step",
                    "; x: the lever, as service rises at only %zu of its %zu steps", a->steps),
                 a->rising, a->steps);
}

/* A change in money with its sign, in as many decimals as show it: whole from 10 up,
 * one below that, two below 1 ("+0.24", where whole money would say "+0"); never "-0". */
static const char *signed_change(double x, char *buf, size_t n)
{
    double a = fabs(x);
    char digits[40];
    num_fixed(x, a >= 10 || a == 0 ? 0 : a >= 1 ? 1 : 2, digits, sizeof digits);
    snprintf(buf, n, "%s%s", digits[0] == '-' ? "" : "+", digits);
    return buf;
}

/* Labels of the points of r with the lever's value, when the lever is a count (number
 * of locations, servers) and the x axis is not the lever itself: n strings (free with
 * free_labels), or NULL. */
enum { LEVER_LABELS_MOST = 20 }; /* beyond, the labels would bury the curve */
static char **lever_labels(const struct x_axis *a, const struct sweep_result *r)
{
    if (a->lever || r->n > LEVER_LABELS_MOST || !sweep_lever_is_count(r)) return NULL;
    char **t = calloc(r->n, sizeof *t);
    if (!t) abort();
    const char *key = strrchr(r->base.sweep.parameter, '.') + 1;
    for (size_t i = 0; i < r->n; i++) {
        char label[80];
        snprintf(label, sizeof label, "%s = %.0f", key, r->x[i]);
        if (!(t[i] = strdup(label))) abort();
    }
    return t;
}

static void free_labels(char **t, size_t n)
{
    for (size_t i = 0; t && i < n; i++) free(t[i]);
    free(t);
}

/* Means or half-widths of paired changes (free it). */
static double *changes(const struct summary *d, size_t n, bool ci)
{
    double *v = malloc(n * sizeof *v);
    if (!v) abort();
    for (size_t i = 0; i < n; i++) v[i] = ci ? d[i].ci95 : d[i].mean;
    return v;
}

/* The point the service curve's changes are against: the first one along the x axis, at
 * its left end, which a reader takes for the start. Along service that is the lowest
 * service (r->baseline); along the lever, the lever's lowest value, wherever the lowest
 * service lies. */
static size_t changes_base(const struct x_axis *a, const struct sweep_result *r)
{
    if (!a->lever) return r->baseline;
    size_t b = 0;
    for (size_t i = 1; i < r->n; i++)
        if (r->x[i] < r->x[b]) b = i;
    return b;
}

int charts_service_curve(const struct chart_target *to, const struct sweep_result *r)
{
    double *levels = percent(r->service_level, r->n);
    struct x_axis xa = choose_x_axis(r, levels, r->n, true);
    double *x = x_column(&xa, r);
    size_t b = changes_base(&xa, r);
    struct summary *d_rev = r->delta_revenue, *d_cost = r->delta_cost, *d_profit = r->delta_profit;
    struct summary *own = NULL;
    if (b != r->baseline) {
        own = malloc(3 * r->n * sizeof *own);
        if (!own) abort();
        d_rev = own, d_cost = own + r->n, d_profit = own + 2 * r->n;
        sweep_changes(r, b, d_rev, d_cost, d_profit);
    }
    double *rev = changes(d_rev, r->n, false), *rev_ci = changes(d_rev, r->n, true);
    double *cost = changes(d_cost, r->n, false), *cost_ci = changes(d_cost, r->n, true);
    double *profit = changes(d_profit, r->n, false), *profit_ci = changes(d_profit, r->n, true);
    free(own);
    /* lever values with four digits, as a title has room for (sweep_lever_text: no "1e+06") */
    char title[400], sub[1000], xl[240], yl[300], mark[500], peak[40], at[40];
    const struct curve_optimum *o = &r->opt;
    const char *key = strrchr(r->base.sweep.parameter, '.') + 1;
    char words[100];
    service_words(r, words, sizeof words);
    bool edge = (o->at_lower_edge || o->at_upper_edge) && !sweep_profit_flat(r);
    if (sweep_profit_same(r)) /* no peak: the lever changes no cost or revenue */
        snprintf(title, sizeof title, _("Service curve: the same profit at every value of %s"), key);
    else if (xa.flat || !isfinite(r->service_level[o->best]))
        /* the service level is the same everywhere, or has no data at the peak (reaction_elsewhere
           where no order met a stockout): the title names the lever's value */
        snprintf(title, sizeof title,
                 edge ? _("Service curve: profit peaks at %s = %s (edge of the range)")
                      : _("Service curve: profit peaks at %s = %s"),
                 key, sweep_lever_text(r->x[o->best], 4, at));
    else if (edge)
        /* TRANSLATORS: the service level where profit peaks (">99.99" when just below 100), then the service rate in
           words */
        snprintf(title, sizeof title, _("Service curve: profit peaks at %s%% %s (edge of the range)"),
                 report_percent(r->service_level[o->best], 2, peak, sizeof peak), words);
    else
        snprintf(title, sizeof title, _("Service curve: profit peaks at %s%% %s"),
                 report_percent(r->service_level[o->best], 2, peak, sizeof peak), words);
    subtitle(r, true, sub, sizeof sub);
    x_axis_note(&xa, sub, sizeof sub);
    x_axis_label(&xa, r, xl, sizeof xl);
    /* the changes are against the axis's first point (changes_base), named by what x shows */
    char base[160];
    if (xa.lever)
        snprintf(base, sizeof base, "%s = %s", key, sweep_lever_text(r->x[b], 4, at));
    else
        /* TRANSLATORS: the service level the y axis's changes are against, as in
           "change per day vs. 97.50% (money)" */
        snprintf(base, sizeof base, C_("vs. level", "%.2f%%"), 100 * r->service_level[b]);
    /* TRANSLATORS: the y axis's title; %s is the point the changes are against, "97.50%" or
       "refund_share = 0" */
    snprintf(yl, sizeof yl, _("change per day vs. %s (money)"), base);
    /* the number beside the diamond is the one the y axis shows there: the change */
    /* TRANSLATORS: swept key = its value at the peak, the change in profit there against the
       point the y axis's changes are against ("97.50%" or "refund_share = 0") */
    char change[48];
    snprintf(mark, sizeof mark, _("%s = %s: profit %s a day vs. %s"), key, sweep_lever_text(r->x[o->best], 4, at),
             signed_change(profit[o->best], change, sizeof change), base);
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .npanels = 1, .x_scale = xa.scale};
    struct chart_panel *p = &c.panels[0];
    /* the legend goes above the curves: three curves that rise, peak and fall cross every
       corner of the frame, and a legend in one would hide a curve or the peak */
    /* no peak to mark where every point earns the same */
    *p = (struct chart_panel){
        .ylabel = yl, .nseries = 3, .nmarks = sweep_profit_same(r) ? 0 : 1, .y_from_zero = true, .legend_on_top = true};
    p->series[0] = (struct chart_series){_("revenue"), x, rev, rev_ci, r->n, COLOUR_GREEN, STYLE_LINE, false};
    /* the cost profit charges: total cost less the increase in stock value (cli/sweep.h) */
    p->series[1] = (struct chart_series){
        _("cost (total, less stock kept)"), x, cost, cost_ci, r->n, COLOUR_VERMILLION, STYLE_LINE, false};
    p->series[2] =
        (struct chart_series){_("profit = revenue - cost"), x, profit, profit_ci, r->n, COLOUR_BLUE, STYLE_LINE, false};
    p->marks[0] = (struct chart_mark){x[o->best], profit[o->best], mark, COLOUR_BLACK, p->legend_on_top ? 2 : 0};
    char **labels = lever_labels(&xa, r);
    p->point_labels[2] = (const char *const *)labels;
    int rc = draw(to, &c);
    free_labels(labels, r->n);
    free(levels), free(x), free(rev), free(rev_ci), free(cost), free(cost_ci), free(profit), free(profit_ci);
    return rc;
}

int charts_cost_breakdown(const struct chart_target *to, const struct sweep_result *r)
{
    double *levels = percent(r->service_level, r->n);
    struct x_axis xa = choose_x_axis(r, levels, r->n, true);
    double *x = x_column(&xa, r);
    double *holding = column(r, M_COST_HOLDING, false), *ordering = column(r, M_COST_ORDERING, false);
    double *purchase = column(r, M_COST_PURCHASE, false), *shortage = column(r, M_COST_SHORTAGE, false);
    for (size_t i = 0; i < r->n; i++) ordering[i] -= purchase[i]; /* the fixed part: purchases are the goods */
    char sub[1000], xl[240];
    subtitle(r, false, sub, sizeof sub);
    x_axis_note(&xa, sub, sizeof sub);
    x_axis_label(&xa, r, xl, sizeof xl);
    char title[300];
    if (xa.lever) /* along the lever, the points are its values, not levels of service */
        snprintf(title, sizeof title, _("What each value of %s costs, by kind"),
                 strrchr(r->base.sweep.parameter, '.') + 1);
    else
        snprintf(title, sizeof title, "%s", _("What each level of service costs, by kind"));
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .npanels = 1, .x_scale = xa.scale};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){.ylabel = _("cost per day (the goods themselves not shown)"), .y_from_zero = true};
    p->series[p->nseries++] =
        (struct chart_series){_("holding stock"), x, holding, NULL, r->n, COLOUR_BLUE, STYLE_LINE, false};
    p->series[p->nseries++] = (struct chart_series){
        _("shortages (backorders, lost sales)"), x, shortage, NULL, r->n, COLOUR_VERMILLION, STYLE_LINE, false};
    p->series[p->nseries++] =
        (struct chart_series){_("fixed cost of orders"), x, ordering, NULL, r->n, COLOUR_ORANGE, STYLE_LINE, false};
    /* the other costs, each only when this scenario has it */
    const struct {
        int metric;
        const char *label;
        enum chart_colour colour;
    } others[] = {{M_COST_STAFF, N_("staff"), COLOUR_PURPLE},
                  {M_COST_EXPEDITE, N_("express deliveries"), COLOUR_SKY},
                  {M_COST_ERRORS, N_("wrong and damaged orders"), COLOUR_GREY},
                  {M_COST_CHANNELS, N_("order channels"), COLOUR_BLACK},
                  {M_COST_ACQUISITION, N_("winning new customers"), COLOUR_GREEN},
                  {M_COST_LOCATIONS, N_("keeping locations open"), COLOUR_BROWN},
                  {M_COST_TRANSFERS, N_("transshipments and direct shipments"), COLOUR_NAVY},
                  /* green again: a B2B contract and a customer base seldom meet in one scenario */
                  {M_CONTRACT_PENALTY, N_("contract penalties"), COLOUR_GREEN},
                  /* brown and navy again: after-sale costs seldom meet a network's */
                  {M_COST_COMPLAINTS, N_("complaints desk"), COLOUR_BROWN},
                  {M_COST_RETURNS, N_("customer returns (shipping back, handling)"), COLOUR_NAVY}};
    double *extra[sizeof others / sizeof others[0]] = {NULL};
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++) {
        extra[k] = column(r, others[k].metric, false);
        bool any = false;
        for (size_t i = 0; i < r->n; i++) any |= isfinite(extra[k][i]) && extra[k][i] != 0;
        if (any && p->nseries < CHART_MAX_SERIES)
            p->series[p->nseries++] =
                (struct chart_series){_(others[k].label), x, extra[k], NULL, r->n, others[k].colour, STYLE_LINE, false};
    }
    /* refunds, where some point has them: no cost (they come off revenue), but what a
       return policy mostly spends (scenarios/returns.ini), dashed apart from the costs */
    double *refunds = column(r, M_REFUNDS, false);
    bool refunded = false;
    for (size_t i = 0; i < r->n; i++) refunded |= isfinite(refunds[i]) && refunds[i] != 0;
    if (refunded && p->nseries < CHART_MAX_SERIES)
        p->series[p->nseries++] = (struct chart_series){_("refunds (not a cost: already taken off revenue)"),
                                                        x,
                                                        refunds,
                                                        NULL,
                                                        r->n,
                                                        COLOUR_BLACK,
                                                        STYLE_LINE,
                                                        true};
    /* the lever's values on the costliest curve: above the others, its labels clear of them */
    size_t top = 0;
    double most = -INFINITY;
    for (size_t s = 0; s < p->nseries; s++)
        for (size_t i = 0; i < r->n; i++)
            if (p->series[s].y[i] > most) most = p->series[s].y[i], top = s;
    char **labels = lever_labels(&xa, r);
    p->point_labels[top] = (const char *const *)labels;
    int rc = draw(to, &c);
    free_labels(labels, r->n);
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++) free(extra[k]);
    free(refunds);
    free(levels), free(x), free(holding), free(ordering), free(purchase), free(shortage);
    return rc;
}

/* Does the marginal cost go on a log scale: is no point below 0, and do the positive
 * points span more than two powers of ten (max > 100 x min)? y: k values. */
static bool marginal_log(const double *y, size_t k)
{
    double lo = INFINITY, hi = 0;
    for (size_t i = 0; i < k; i++) {
        if (y[i] < 0) return false; /* the title is about costs below 0: they must be seen */
        if (y[i] > 0) lo = fmin(lo, y[i]), hi = fmax(hi, y[i]);
    }
    return hi > 100 * lo;
}

int charts_marginal_cost(const struct chart_target *to, const struct sweep_result *r)
{
    double *levels = percent(r->service_level, r->n);
    struct x_axis xa = choose_x_axis(r, levels, r->n, true);
    double *x = malloc(r->n * sizeof *x), *y = malloc(r->n * sizeof *y);
    char **all = lever_labels(&xa, r);
    const char **text = calloc(r->n, sizeof *text);
    if (!x || !y || !text) abort();
    /* a point per figure the table shows; a figure after a "—" is measured over the whole
       span since the point before it (cli/sweep.c), so one line joins them all */
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (isnan(r->marginal[i])) continue;
        x[k] = x_at(&xa, r, i);
        text[k] = all ? all[i] : NULL;
        y[k++] = r->marginal[i];
    }
    char title[400], sub[1000], xl[240], yl[300], words[100], mark[300];
    service_words(r, words, sizeof words);
    bool falls = false; /* better service that saves other costs (express, lost customers) */
    for (size_t i = 0; i < k; i++) falls |= y[i] < 0;
    /* TRANSLATORS: %s is the service rate in words; a point is one percentage point */
    if (falls)
        snprintf(title, sizeof title, _("What one more point of %s costs: below 0 where it saves other costs"), words);
    else
        /* the trend, not each step: neighbouring points can cost about the same */
        snprintf(title, sizeof title, _("Diminishing returns: the nearer 100%%, the more each extra point of %s costs"),
                 words);
    subtitle(r, false, sub, sizeof sub);
    x_axis_note(&xa, sub, sizeof sub);
    x_axis_label(&xa, r, xl, sizeof xl);
    bool log_y = marginal_log(y, k);
    size_t zeros = 0;
    if (log_y) { /* points at 0 cannot sit on a log scale: left out, and the subtitle says how many */
        size_t kept = 0;
        for (size_t i = 0; i < k; i++) {
            if (y[i] <= 0) {
                zeros++;
                continue;
            }
            x[kept] = x[i], text[kept] = text[i], y[kept++] = log10(y[i]);
        }
        k = kept;
        size_t used = strlen(sub);
        if (zeros) /* TRANSLATORS: added to the subtitle: the y axis is logarithmic and N points cost nothing */
            snprintf(sub + used, sizeof sub - used,
                     P_("; y: log scale (%zu point costs 0, not drawn)",
                        "; y: log scale (%zu points cost 0, not drawn)", zeros),
                     zeros);
        else
            snprintf(sub + used, sizeof sub - used, "%s", _("; y: log scale"));
    }
    size_t noise = sweep_noise_steps(r);
    if (noise) { /* TRANSLATORS: added to the subtitle, as the table's "—" */
        size_t used = strlen(sub);
        snprintf(sub + used, sizeof sub - used,
                 P_("; %zu step within noise: not drawn", "; %zu steps within noise: not drawn", noise), noise);
    }
    snprintf(yl, sizeof yl, _("extra cost per day of 1 more point of %s"), words);
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .npanels = 1, .x_scale = xa.scale};
    c.panels[0] = (struct chart_panel){
        .ylabel = yl, .nseries = 1, .y_from_zero = true, .y_scale = log_y ? CHART_LOG : CHART_LINEAR};
    c.panels[0].series[0] = (struct chart_series){NULL, x, y, NULL, k, COLOUR_VERMILLION, STYLE_LINE, false};
    if (all) c.panels[0].point_labels[0] = text;
    const struct curve_optimum *o = &r->opt;
    double best_y = log_y ? chart_scale_at(CHART_LOG, r->marginal[o->best]) : r->marginal[o->best];
    if (!isnan(r->marginal[o->best]) && isfinite(r->service_level[o->best])) { /* never "n/a%" */
        char peak[40];
        snprintf(mark, sizeof mark, _("profit peaks here: %s%%"),
                 report_percent(r->service_level[o->best], 2, peak, sizeof peak));
        c.panels[0].marks[c.panels[0].nmarks++] =
            (struct chart_mark){x_at(&xa, r, o->best), best_y, mark, COLOUR_BLUE, 0};
    }
    int rc = draw(to, &c);
    free_labels(all, r->n);
    free(text), free(levels), free(x), free(y);
    return rc;
}

/* ---- run: the order cycle ---- */

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A round bin width near span / bins: 1, 2 or 5 times a power of ten. */
static double nice_width(double span, int bins)
{
    double raw = span / bins, p = pow(10, floor(log10(raw))), f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

void charts_cycle_histogram(const struct model_trace *t, struct cycle_histogram *h)
{
    memset(h, 0, sizeof *h);
    size_t n = t->ncycle;
    if (n == 0) return;
    double *v = malloc(n * sizeof *v);
    if (!v) abort();
    memcpy(v, t->cycle, n * sizeof *v);
    qsort(v, n, sizeof *v, by_value);
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += v[i];
    h->mean = sum / (double)n;
    h->p95 = v[(size_t)ceil(0.95 * (double)n) - 1];
    h->total = (double)n;
    /* leave out the last 0.1 %: one huge wait would squash the rest */
    double hi = v[(size_t)ceil(0.999 * (double)n) - 1];
    double lo = v[0] > 0.5 * hi ? floor(v[0]) : 0, w;
    if (hi - v[0] < 1e-9 * (1 + fabs(hi))) { /* all (nearly) equal: centre them in a bin */
        w = nice_width(1 + fabs(v[0]), 40);
        lo = v[0] - 10.5 * w;
        if (v[0] >= 0 && lo < 0) lo = 0; /* never negative days: orders filled at once sit in the first bin */
        hi = lo + 21 * w;
    } else {
        w = nice_width(hi - lo, 60);
        lo = floor(lo / w) * w;
    }
    size_t bins = (size_t)ceil((hi - lo) / w + 1e-9);
    if (bins < 1) bins = 1;
    if (bins > 80) bins = 80;
    h->nbins = bins;
    for (size_t b = 0; b <= bins; b++) h->edges[b] = lo + w * (double)b;
    for (size_t i = 0; i < n; i++) {
        double b = floor((v[i] - lo) / w);
        if (b >= (double)bins)
            h->beyond++;
        else
            h->counts[b < 0 ? 0 : (size_t)b]++;
    }
    free(v);
}

void charts_cycle_csv(FILE *out, const struct cycle_histogram *h)
{
    fputs("from_days,to_days,orders\n", out);
    for (size_t b = 0; b < h->nbins; b++) {
        char a[40], z[40];
        fprintf(out, "%s,%s,%.0f\n", report_field(h->edges[b], a, sizeof a), report_field(h->edges[b + 1], z, sizeof z),
                h->counts[b]);
    }
    if (h->beyond) {
        char a[40];
        fprintf(out, "%s,,%zu\n", report_field(h->edges[h->nbins], a, sizeof a), h->beyond);
    }
}

int charts_order_cycle(const struct chart_target *to, const struct scenario *sc, const struct cycle_histogram *h)
{
    char title[400], sub[1000], mean[160], p95[160], promise[160], file[240];
    scenario_name(sc, file, sizeof file);
    if (h->p95 == 0 && h->mean == 0)
        snprintf(title, sizeof title, "%s", _("Order-cycle time: all orders arrive the moment they are placed"));
    else if (h->p95 == 0)
        snprintf(title, sizeof title, _("Order-cycle time: 95%% of orders arrive the moment they are placed"));
    else
        snprintf(title, sizeof title, _("Order-cycle time: mean %.2f days, 95%% of orders within %.2f days"), h->mean,
                 h->p95);
    /* TRANSLATORS: scenario file, then the number of orders in the histogram */
    if (h->beyond)
        snprintf(sub, sizeof sub,
                 _("%s, replication 1: %.0f orders, from order placed to goods received; the slowest 0.1%% lie "
                   "further right"),
                 file, h->total);
    else
        snprintf(sub, sizeof sub, _("%s, replication 1: %.0f orders, from order placed to goods received"), file,
                 h->total);
    snprintf(mean, sizeof mean, _("mean %.2f"), h->mean);
    snprintf(p95, sizeof p95, _("95th percentile %.2f"), h->p95);
    struct chart c = {.title = title, .subtitle = sub, .xlabel = _("order-cycle time (days)"), .npanels = 1};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){.ylabel = _("orders"), .nseries = 1, .y_from_zero = true};
    p->series[0] = (struct chart_series){NULL, h->edges, h->counts, NULL, h->nbins, COLOUR_SKY, STYLE_BARS, false};
    p->marks[p->nmarks++] = (struct chart_mark){h->mean, NAN, mean, COLOUR_BLUE, 0};
    p->marks[p->nmarks++] = (struct chart_mark){h->p95, NAN, p95, COLOUR_VERMILLION, 1};
    const struct order_cycle_config *oc = &sc->cfg.order_cycle;
    if (oc->has_promise) {
        char days[40];
        /* TRANSLATORS: the delivery promise, in days */
        snprintf(promise, sizeof promise, _("promise %s"), num_about(oc->promise_days, 10, days, sizeof days));
        p->marks[p->nmarks++] = (struct chart_mark){oc->promise_days, NAN, promise, COLOUR_BLACK, 2};
    }
    return draw(to, &c);
}

/* ---- run: a contract's per-period service ---- */

enum { CONTRACT_BINS = 40 };

/* Where a target's histogram starts (in %): below its lowest value, and a little below
 * the target so that the target's line is inside. */
static double contract_low(const double *v, size_t n, double target)
{
    double lo = 100 * target - 2;
    for (size_t i = 0; i < n; i++) lo = fmin(lo, 100 * v[i]);
    return floor(fmax(lo, 0));
}

/* The histogram of per-period values v (shares) in %: CONTRACT_BINS bins from lo to 100
 * (a value of exactly 100 % counts in the last bin). */
struct contract_histogram {
    double edges[CONTRACT_BINS + 1], counts[CONTRACT_BINS];
};

static void contract_histogram(const double *v, size_t n, double lo, struct contract_histogram *h)
{
    double width = (100 - lo) / CONTRACT_BINS;
    if (!(width > 0)) lo = 100 - CONTRACT_BINS * 0.05, width = 0.05; /* every value at 100 % */
    for (size_t b = 0; b <= CONTRACT_BINS; b++) h->edges[b] = lo + (double)b * width;
    for (size_t b = 0; b < CONTRACT_BINS; b++) h->counts[b] = 0;
    for (size_t i = 0; i < n; i++) {
        double b = floor((100 * v[i] - lo) / width);
        h->counts[b < 0 ? 0 : b >= CONTRACT_BINS ? CONTRACT_BINS - 1 : (size_t)b]++;
    }
}

int charts_contract(const struct chart_target *to, const struct scenario *sc, const struct summary *s,
                    const struct contract_periods *p)
{
    const struct contract_config *k = &sc->cfg.contract;
    size_t all = (size_t)p->reps * p->nperiods, ntargets = k->ntargets < 2 ? k->ntargets : 2;
    double *v = malloc((all ? all : 1) * sizeof *v);
    if (!v) abort();
    /* the panels share x: both histograms start at the lower of their starts */
    double lo = 100;
    for (size_t t = 0; t < ntargets; t++)
        lo = fmin(lo, contract_low(v, contract_target_values(p, t, v), k->targets[t].target));
    struct contract_histogram h[2];
    char ylabel[2][160], target[2][80], longrun[2][80], title[300], sub[600], file[240];
    struct contract_penalty_stats ps;
    contract_penalty_stats(&sc->cfg, p, &ps);
    snprintf(title, sizeof title, _("Service per contract period: %.1f%% of the periods missed a target"),
             100 * ps.missed);
    scenario_name(sc, file, sizeof file);
    char days[40];
    /* TRANSLATORS: scenario file; periods per replication, their length in days; all periods */
    snprintf(sub, sizeof sub, _("%s: %zu periods of %s days in each replication, %zu in all"), file, p->nperiods,
             num_about(k->period_days, 10, days, sizeof days), all);
    struct chart c = {.title = title, .subtitle = sub, .xlabel = _("service in the period (%)"), .npanels = ntargets};
    for (size_t t = 0; t < ntargets; t++) {
        const struct contract_target *tg = &k->targets[t];
        contract_histogram(v, contract_target_values(p, t, v), lo, &h[t]);
        /* TRANSLATORS: a histogram's y axis: periods, by the metric's name (fill_rate) */
        char words[100];
        snprintf(ylabel[t], sizeof ylabel[t], _("periods (%s)"),
                 report_metric_words(metric_defs[tg->metric].name, words, sizeof words));
        char percent[40];
        snprintf(target[t], sizeof target[t], _("target %s"), num_about(100 * tg->target, 10, percent, sizeof percent));
        snprintf(longrun[t], sizeof longrun[t], _("long run %.2f"), 100 * s[tg->metric].mean);
        struct chart_panel *q = &c.panels[t];
        *q = (struct chart_panel){.ylabel = ylabel[t], .nseries = 1, .y_from_zero = true};
        q->series[0] =
            (struct chart_series){NULL, h[t].edges, h[t].counts, NULL, CONTRACT_BINS, COLOUR_SKY, STYLE_BARS, false};
        q->marks[q->nmarks++] = (struct chart_mark){100 * tg->target, NAN, target[t], COLOUR_VERMILLION, 0};
        q->marks[q->nmarks++] = (struct chart_mark){100 * s[tg->metric].mean, NAN, longrun[t], COLOUR_BLUE, 2};
    }
    free(v);
    return draw(to, &c);
}

/* ---- run: stock over time ---- */

/* The points of stock_trajectory.csv: at most the first 365 days of the statistics window
 * (docs/contract.md); the chart draws them all. */
static size_t window_points(const struct scenario *sc, const struct model_trace *t)
{
    double last = sc->cfg.run.warmup_days + 365;
    size_t n = 0;
    while (n < t->nlevels && t->levels[n].t <= last) n++;
    return n;
}

size_t charts_traced_index(const struct scenario *sc)
{
    if (sc->cfg.nproducts || !sc->cfg.nlocations) return 0;
    for (size_t l = 0; l < sc->cfg.nlocations; l++)
        if (location_faces_customers(&sc->cfg, l)) return l;
    return 0;
}

const struct inventory_config *charts_traced_stock(const struct scenario *sc)
{
    return sc->cfg.nproducts    ? &sc->cfg.products[0].inventory
           : sc->cfg.nlocations ? &sc->cfg.locations[charts_traced_index(sc)].inventory
                                : &sc->cfg.inventory;
}

void charts_trajectory_csv(FILE *out, const struct scenario *sc, const struct model_trace *t)
{
    fputs("day,on_hand,backordered,position\n", out);
    size_t n = window_points(sc, t);
    for (size_t i = 0; i < n; i++) {
        char a[40], b[40], c[40], d[40];
        const struct level_point *l = &t->levels[i];
        fprintf(out, "%s,%s,%s,%s\n", report_field(l->t, a, sizeof a), report_field(l->on_hand, b, sizeof b),
                report_field(l->backordered, c, sizeof c), report_field(l->position, d, sizeof d));
    }
}

/* The chart draws the whole statistics window, or its first deliveries when it holds too
 * many to see (trajectory_window); the CSV keeps its year (docs/contract.md). A long run is thinned to at most
 * TRAJECTORY_BUCKETS * 8 points: in each stretch of time (about a pixel of the plot) the first and the last point and
 * each level's lowest and highest, in time order, so every stock-out and every delivery's peak still shows and the line
 * looks as drawn whole. A year of most scenarios stays under the limit. */
enum { TRAJECTORY_BUCKETS = 1200, TRAJECTORY_KEEP = 8 };

static int index_order(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Fill keep[] with the indices of t->levels to draw, ascending; returns how many. keep
 * holds TRAJECTORY_BUCKETS * TRAJECTORY_KEEP entries. */
static size_t trajectory_thin(const struct model_trace *t, size_t n, size_t *keep)
{
    size_t m = 0;
    if (n <= (size_t)TRAJECTORY_BUCKETS * TRAJECTORY_KEEP) {
        for (size_t i = 0; i < n; i++) keep[i] = i;
        return n;
    }
    double t0 = t->levels[0].t, span = t->levels[n - 1].t - t0;
    for (size_t i = 0, b = 0; i < n; b++) {
        double end = t0 + span * (double)(b + 1) / TRAJECTORY_BUCKETS;
        size_t k[TRAJECTORY_KEEP] = {i, i, i, i, i, i, i, i}, j = i;
        for (; j < n && (t->levels[j].t <= end || b + 1 == TRAJECTORY_BUCKETS); j++) {
            const struct level_point *l = &t->levels[j];
            if (l->on_hand < t->levels[k[1]].on_hand) k[1] = j;
            if (l->on_hand > t->levels[k[2]].on_hand) k[2] = j;
            if (l->backordered < t->levels[k[3]].backordered) k[3] = j;
            if (l->backordered > t->levels[k[4]].backordered) k[4] = j;
            if (l->position < t->levels[k[5]].position) k[5] = j;
            if (l->position > t->levels[k[6]].position) k[6] = j;
            k[7] = j;
        }
        if (j == i) continue; /* an empty stretch */
        qsort(k, TRAJECTORY_KEEP, sizeof *k, index_order);
        for (size_t q = 0; q < TRAJECTORY_KEEP; q++)
            if (q == 0 || k[q] != k[q - 1]) keep[m++] = k[q];
        i = j;
    }
    return m;
}

/* A trajectory with more than TRAJECTORY_MOST deliveries in its window (a delivery under
 * about 7 pixels of the plot wide) is a solid band: its cycles, reorder point and
 * stock-outs are lost (diminishing_returns.ini's 3,650 daily deliveries, basket.ini's
 * one-for-one base stock, a supply chain's store). Such a chart draws its first
 * TRAJECTORY_RISES deliveries, the window rounded up to whole tens of days, and says so in
 * its subtitle and on its x axis; the report's figures are the whole window's, and
 * stock_trajectory.csv keeps its first year whatever is drawn (docs/contract.md). A shorter trajectory (default.ini's
 * 25 deliveries a year, life_cycle.ini's whole life) is drawn whole. A delivery is a rise of the net stock (on hand
 * less backordered) that does not raise the inventory position: a delivery that only clears backorders counts, a
 * customer's return (returns.ini: both rise) does not. Returns how many of t->levels to draw; *days the days drawn, 0
 * when all of them are. */
enum { TRAJECTORY_RISES = 40, TRAJECTORY_MOST = 150 };

static bool trajectory_delivery(const struct level_point *before, const struct level_point *after)
{
    return after->on_hand - after->backordered > before->on_hand - before->backordered &&
           after->position <= before->position;
}

static size_t trajectory_window(const struct scenario *sc, const struct model_trace *t, double *days)
{
    *days = 0;
    size_t deliveries = 0, i = 1, cut = 0;
    for (; i < t->nlevels && deliveries <= TRAJECTORY_MOST; i++)
        if (trajectory_delivery(&t->levels[i - 1], &t->levels[i]) && ++deliveries == TRAJECTORY_RISES) cut = i + 1;
    if (deliveries <= TRAJECTORY_MOST) return t->nlevels;
    double start = t->levels[0].t, end = start + 10 * ceil((t->levels[cut - 1].t - start) / 10);
    if (end >= start + sc->cfg.run.horizon_days) return t->nlevels;
    while (cut < t->nlevels && t->levels[cut].t <= end) cut++;
    *days = end - start;
    return cut;
}

int charts_stock_trajectory(const struct chart_target *to, const struct scenario *sc, const struct model_trace *t)
{
    double window_days;
    size_t drawn = trajectory_window(sc, t, &window_days);
    size_t cap =
        drawn < (size_t)TRAJECTORY_BUCKETS * TRAJECTORY_KEEP ? drawn : (size_t)TRAJECTORY_BUCKETS * TRAJECTORY_KEEP;
    size_t *keep = malloc((cap + 1) * sizeof *keep);
    double *x = malloc((cap + 1) * sizeof *x), *on = malloc((cap + 1) * sizeof *on);
    double *back = malloc((cap + 1) * sizeof *back), *pos = malloc((cap + 1) * sizeof *pos);
    if (!keep || !x || !on || !back || !pos) abort();
    size_t n = trajectory_thin(t, drawn, keep);
    for (size_t i = 0; i < n; i++) {
        const struct level_point *l = &t->levels[keep[i]];
        x[i] = l->t, on[i] = l->on_hand, back[i] = l->backordered, pos[i] = l->position;
    }
    free(keep);
    bool products = sc->cfg.nproducts > 0, located = sc->cfg.nlocations > 0;
    size_t traced = charts_traced_index(sc);
    const struct inventory_config *inv = charts_traced_stock(sc);
    bool has_s = inv->policy->uses_reorder_point;
    double level = has_s ? inv->reorder_point : inv->order_up_to;
    double lx[2] = {n ? x[0] : 0, n ? x[n - 1] : 1}, ly[2] = {level, level};
    char title[400], sub[1000], lv[40], label[160], file[240], what[300];
    scenario_name(sc, file, sizeof file);
    if (products) /* TRANSLATORS: the first product's name */
        snprintf(what, sizeof what, _("Stock over time of %s"), sc->cfg.products[0].name);
    else if (located)
        /* TRANSLATORS: the location's name */
        snprintf(what, sizeof what, _("Stock over time at %s"), sc->cfg.locations[traced].name);
    else
        snprintf(what, sizeof what, "%s", _("Stock over time"));
    const char *shortage = inv->shortage == SHORTAGE_LOST_SALE ? _("lost sales")
                           : inv->shortage == SHORTAGE_REACT   ? _("reactions")
                                                               : _("backorders");
    /* TRANSLATORS: "Stock over time", the inventory policy in words ("base-stock policy"),
       and what happens to demand met by no stock (lost sales, reactions or backorders) */
    snprintf(title, sizeof title, C_("stock chart title", "%s: %s, %s"), what, _(inv->policy->reading), shortage);
    /* which part is drawn: the whole window, unless the trace reached its limit
       (servlab.c: trace_first_replication) before the run's end */
    double warmup = sc->cfg.run.warmup_days, shown = n ? x[n - 1] - warmup : 0;
    char first[40], horizon[40]; /* 36500 days, not %.4g's 3.65e+04 */
    if (window_days > 0)
        /* TRANSLATORS: the scenario's file name and how many deliveries of the stock point
           the chart draws (a long run's whole window would be a solid band) */
        snprintf(sub, sizeof sub, _("%s, replication 1, its first %d deliveries"), file, (int)TRAJECTORY_RISES);
    else if (t->levels_truncated && shown < sc->cfg.run.horizon_days)
        /* TRANSLATORS: the scenario's file name, the days drawn, the statistics window's
           length in days; the rest of the run was too long to keep */
        snprintf(sub, sizeof sub, _("%s, replication 1, the first %s of %s days (the rest too long to keep)"), file,
                 num_about(floor(shown), 10, first, sizeof first),
                 num_about(sc->cfg.run.horizon_days, 10, horizon, sizeof horizon));
    else
        snprintf(sub, sizeof sub, _("%s, replication 1, the whole statistics window"), file);
    /* several stock points: the title names the one drawn, the subtitle says it is one of
       several (a chain's stores are not the factory at its head) */
    size_t len = strlen(sub), count = products ? sc->cfg.nproducts : located ? sc->cfg.nlocations : 0;
    if (count > 1 && products) /* TRANSLATORS: how many products, the first one's name (the one drawn) */
        snprintf(sub + len, sizeof sub - len, _("; drawn: the first of %zu products, %s"), count,
                 sc->cfg.products[0].name);
    else if (count > 1 && traced > 0) { /* a supply chain: the first that serves customers */
        size_t facing = 0;
        for (size_t l = 0; l < count; l++) facing += location_faces_customers(&sc->cfg, l);
        /* TRANSLATORS: the location drawn, how many serve customers (the stores, not the
           factory or the distribution centre that replenish them), how many there are */
        snprintf(sub + len, sizeof sub - len,
                 P_("; drawn: %s, the first of %zu location that serves customers (of %zu)",
                    "; drawn: %s, the first of %zu locations that serve customers (of %zu)", facing),
                 sc->cfg.locations[traced].name, facing, count);
    } else if (count > 1) /* TRANSLATORS: how many locations, the first one's name (the one drawn) */
        snprintf(sub + len, sizeof sub - len, _("; drawn: the first of %zu locations, %s"), count,
                 sc->cfg.locations[0].name);
    num_format(round(level * 10) / 10, lv, sizeof lv);
    if (has_s)
        snprintf(label, sizeof label, _("reorder point s = %s"), lv);
    else
        snprintf(label, sizeof label, _("order-up-to S = %s"), lv);
    char xl[240], warm[40], part[40], whole[40];
    if (window_days > 0 && sc->cfg.run.warmup_days > 0)
        /* TRANSLATORS: the days drawn, the statistics window's days, the warm-up's days */
        snprintf(xl, sizeof xl, _("day (the first %s of the %s days counted after the %s-day warm-up)"),
                 num_about(window_days, 10, part, sizeof part),
                 num_about(sc->cfg.run.horizon_days, 10, whole, sizeof whole),
                 num_about(sc->cfg.run.warmup_days, 10, warm, sizeof warm));
    else if (window_days > 0) /* TRANSLATORS: the days drawn, the statistics window's days (no warm-up) */
        snprintf(xl, sizeof xl, _("day (the first %s of the %s days counted)"),
                 num_about(window_days, 10, part, sizeof part),
                 num_about(sc->cfg.run.horizon_days, 10, whole, sizeof whole));
    else
        snprintf(xl, sizeof xl, _("day (statistics start after the %s-day warm-up)"),
                 num_about(sc->cfg.run.warmup_days, 10, warm, sizeof warm));
    struct chart c = {.title = title,
                      .subtitle = sub,
                      .xlabel = sc->cfg.run.warmup_days > 0 || window_days > 0 ? xl : _("day"),
                      .npanels = 1};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){.ylabel = C_("axis", "units"), .y_from_zero = true, .legend_on_top = true};
    p->series[p->nseries++] =
        (struct chart_series){_("inventory position"), x, pos, NULL, n, COLOUR_GREY, STYLE_STEPS, false};
    p->series[p->nseries++] = (struct chart_series){_("on hand"), x, on, NULL, n, COLOUR_BLUE, STYLE_STEPS, false};
    if (inv->shortage != SHORTAGE_LOST_SALE)
        p->series[p->nseries++] =
            (struct chart_series){_("backordered"), x, back, NULL, n, COLOUR_VERMILLION, STYLE_STEPS, false};
    p->series[p->nseries++] = (struct chart_series){label, lx, ly, NULL, 2, COLOUR_BLACK, STYLE_LINE, true};
    int rc = draw(to, &c);
    free(x), free(on), free(back), free(pos);
    return rc;
}

/* ---- run: the customer base over time ---- */

void charts_customers_csv(FILE *out, const struct model_trace *t)
{
    fputs("day,active_customers\n", out);
    for (size_t i = 0; i < t->ncustomers; i++) {
        char a[40], b[40];
        fprintf(out, "%s,%s\n", report_field(t->customers[i].t, a, sizeof a),
                report_field(t->customers[i].active, b, sizeof b));
    }
}

int charts_customers(const struct chart_target *to, const struct scenario *sc, const struct model_trace *t)
{
    size_t n = t->ncustomers;
    double *x = malloc((n + 1) * sizeof *x), *y = malloc((n + 1) * sizeof *y);
    if (!x || !y) abort();
    for (size_t i = 0; i < n; i++) x[i] = t->customers[i].t, y[i] = t->customers[i].active;
    char sub[1000], file[240];
    scenario_name(sc, file, sizeof file);
    snprintf(sub, sizeof sub, _("%s, replication 1: won by acquisition, lost to churn and to poor service"), file);
    struct chart c = {.title = _("Active customers over time"), .subtitle = sub, .xlabel = _("day"), .npanels = 1};
    c.panels[0] = (struct chart_panel){.ylabel = _("active customers"), .nseries = 1, .y_from_zero = true};
    c.panels[0].series[0] = (struct chart_series){NULL, x, y, NULL, n, COLOUR_BLUE, STYLE_STEPS, false};
    if (sc->cfg.run.warmup_days > 0)
        c.panels[0].marks[c.panels[0].nmarks++] =
            (struct chart_mark){sc->cfg.run.warmup_days, NAN, _("statistics start after the warm-up"), COLOUR_GREY, 0};
    int rc = draw(to, &c);
    free(x), free(y);
    return rc;
}

/* ---- run: customers per stage of the loyalty ladder ---- */

void charts_customer_stages_csv(FILE *out, const struct model_trace *t)
{
    fputs("day,new,satisfied,loyal\n", out);
    for (size_t i = 0; i < t->ncustomers; i++) {
        const struct customer_point *c = &t->customers[i];
        char a[40], b[40], d[40], e[40];
        fprintf(out, "%s,%s,%s,%s\n", report_field(c->t, a, sizeof a), report_field(c->stage[STAGE_NEW], b, sizeof b),
                report_field(c->stage[STAGE_SATISFIED], d, sizeof d), report_field(c->stage[STAGE_LOYAL], e, sizeof e));
    }
}

int charts_customer_stages(const struct chart_target *to, const struct scenario *sc, const struct model_trace *t)
{
    size_t n = t->ncustomers;
    double *x = malloc((n + 1) * sizeof *x), *y[STAGES];
    if (!x) abort();
    for (int st = 0; st < STAGES; st++)
        if (!(y[st] = malloc((n + 1) * sizeof *y[st]))) abort();
    for (size_t i = 0; i < n; i++) {
        x[i] = t->customers[i].t;
        for (int st = 0; st < STAGES; st++) y[st][i] = t->customers[i].stage[st];
    }
    char sub[1000], file[240];
    scenario_name(sc, file, sizeof file);
    snprintf(sub, sizeof sub, _("%s, replication 1: each order judged against the customer's expectation"), file);
    char xl[240], warm[40];
    snprintf(xl, sizeof xl, _("day (statistics start after the %s-day warm-up)"),
             num_about(sc->cfg.run.warmup_days, 10, warm, sizeof warm));
    struct chart c = {.title = _("Customers on the loyalty ladder"),
                      .subtitle = sub,
                      .xlabel = sc->cfg.run.warmup_days > 0 ? xl : _("day"),
                      .npanels = 1};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){.ylabel = _("customers"), .y_from_zero = true, .legend_on_top = true};
    static const enum chart_colour colours[STAGES] = {COLOUR_ORANGE, COLOUR_SKY, COLOUR_BLUE};
    const char *names[STAGES] = {_("new"), _("satisfied"), _("loyal")};
    for (int st = 0; st < STAGES; st++)
        p->series[p->nseries++] = (struct chart_series){names[st], x, y[st], NULL, n, colours[st], STYLE_STEPS, false};
    if (sc->cfg.run.warmup_days > 0)
        p->marks[p->nmarks++] = (struct chart_mark){sc->cfg.run.warmup_days, NAN, NULL, COLOUR_GREY, 0};
    int rc = draw(to, &c);
    free(x);
    for (int st = 0; st < STAGES; st++) free(y[st]);
    return rc;
}

/* ---- run: the supply chain (echelons) ---- */

/* Location l's metric m, its mean over the replications. */
static double location_mean(const struct model_config *c, const struct summary *s, size_t l, int m)
{
    return s[metric_location_base(c, l) + (size_t)m].mean;
}

/* Does some region call location l home: do customers buy from it? */
static bool serves_customers(const struct model_config *c, size_t l)
{
    for (size_t r = 0; r < c->nregions; r++)
        if (c->regions[r].home == (int)l) return true;
    return false;
}

/* Levels from the outside supplier: 1 for a location it replenishes. */
static int location_level(const struct model_config *c, size_t l)
{
    int level = 1;
    for (int u = location_upstream(c, l); u >= 0 && level <= MAX_LOCATIONS; u = location_upstream(c, (size_t)u))
        level++;
    return level;
}

void charts_supply_chain_csv(FILE *out, const struct scenario *sc, const struct summary *s)
{
    const struct model_config *c = &sc->cfg;
    fputs("location,replenished_from,level,units_ordered_per_day,downstream_fill_rate,downstream_lead_time_mean,"
          "fill_rate,orders_per_day,mean_on_hand,bullwhip_ratio\n",
          out);
    static const int cols[] = {LM_UNITS_ORDERED_PER_DAY,
                               LM_DOWNSTREAM_FILL_RATE,
                               LM_DOWNSTREAM_LEAD_TIME_MEAN,
                               LM_FILL_RATE,
                               LM_ORDERS_PER_DAY,
                               LM_MEAN_ON_HAND,
                               LM_BULLWHIP_RATIO};
    for (size_t l = 0; l < c->nlocations; l++) {
        int u = location_upstream(c, l);
        fprintf(out, "%s,%s,%d", c->locations[l].name, u >= 0 ? c->locations[u].name : "", location_level(c, l));
        bool customers = serves_customers(c, l);
        for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
            /* what customers got, only where customers buy */
            bool none = !customers && (cols[k] == LM_FILL_RATE || cols[k] == LM_ORDERS_PER_DAY);
            char f[40];
            fprintf(out, ",%s", report_field(none ? NAN : location_mean(c, s, l, cols[k]), f, sizeof f));
        }
        fputc('\n', out);
    }
}

/* "93.1%", or "-" for no value. */
static const char *percent_text(double x, char *buf, size_t n)
{
    if (isfinite(x))
        snprintf(buf, n, "%.1f%%", 100 * x);
    else
        snprintf(buf, n, "-");
    return buf;
}

/* "2.01", "12.3", "140", or "-": three significant digits, rounded first (9.998 is
 * "10", beside 10.0's "10", where choosing the decimals first wrote "10.00"). */
static const char *amount_text(double x, char *buf, size_t n)
{
    if (!isfinite(x))
        snprintf(buf, n, "-");
    else
        num_about(x, 3, buf, n);
    return buf;
}

int charts_supply_chain(const struct chart_target *to, const struct scenario *sc, const struct summary *s)
{
    const struct model_config *c = &sc->cfg;
    size_t nl = c->nlocations;
    struct chart_flow *f = calloc(1, sizeof *f);
    /* each node's texts: its lines, then the line under it and its arrow's two */
    enum { BELOW = CHART_FLOW_LINES, FLOW, LEAD, SLOTS };
    char(*text)[SLOTS][160] = calloc(CHART_FLOW_NODES, sizeof *text);
    if (!f || !text) abort();
    /* nodes: the outside supplier (0), the locations (1 + l), then the customers of each
       location they buy from */
    int level[MAX_LOCATIONS], levels = 0, customers_of[MAX_LOCATIONS];
    for (size_t l = 0; l < nl; l++) {
        level[l] = location_level(c, l);
        if (level[l] > levels) levels = level[l];
    }
    f->n = 1 + nl;
    f->nodes[0] = (struct chart_flow_node){.name = _("outside supplier"), .colour = COLOUR_GREY, .from = -1};
    for (size_t l = 0; l < nl; l++) {
        customers_of[l] = -1;
        if (!serves_customers(c, l)) continue;
        customers_of[l] = (int)f->n;
        f->nodes[f->n++] = (struct chart_flow_node){
            .name = C_("supply chain", "customers"), .column = levels + 1, .colour = COLOUR_GREY, .from = 1 + (int)l};
    }
    /* rows: each leaf of the tree (a location that replenishes none, with its customers
       beside it; the customers of one that does, above the locations it replenishes) a
       row of its own, top to bottom in file order; every location midway between its
       first and last; the supplier midway between the locations it replenishes */
    double next_row = 0;
    double first[MAX_LOCATIONS];
    /* depth first, without recursion: a stack of locations still to place */
    int stack[MAX_LOCATIONS], top = 0;
    for (size_t l = nl; l-- > 0;)
        if (location_upstream(c, l) < 0) stack[top++] = (int)l;
    bool placed[MAX_LOCATIONS] = {false};
    while (top > 0) {
        int l = stack[top - 1];
        if (!placed[l]) { /* first visit: its customers' row, then its locations */
            placed[l] = true;
            first[l] = -1;
            if (!location_supplies(c, (size_t)l)) {
                f->nodes[1 + l].row = next_row++;
                if (customers_of[l] >= 0) f->nodes[customers_of[l]].row = f->nodes[1 + l].row;
                top--;
                continue;
            }
            if (customers_of[l] >= 0) f->nodes[customers_of[l]].row = first[l] = next_row++;
            for (size_t d = nl; d-- > 0;)
                if (location_upstream(c, d) == l) stack[top++] = (int)d;
            continue;
        }
        /* second visit: its locations are placed */
        top--;
        double lo = first[l], hi = -1;
        for (size_t d = 0; d < nl; d++) {
            if (location_upstream(c, d) != l) continue;
            if (lo < 0) lo = f->nodes[1 + d].row;
            hi = f->nodes[1 + d].row;
        }
        f->nodes[1 + l].row = (lo + hi) / 2;
    }
    double lo = -1, hi = 0;
    for (size_t l = 0; l < nl; l++) {
        if (location_upstream(c, l) >= 0) continue;
        if (lo < 0) lo = f->nodes[1 + l].row;
        hi = f->nodes[1 + l].row;
    }
    f->nodes[0].row = (lo + hi) / 2;
    /* the texts */
    char a[40];
    for (size_t l = 0; l < nl; l++) {
        struct chart_flow_node *nd = &f->nodes[1 + l];
        char(*t)[160] = text[1 + l];
        int u = location_upstream(c, l), k = 0;
        nd->name = c->locations[l].name;
        nd->column = level[l];
        nd->colour = COLOUR_BLUE;
        nd->from = u < 0 ? 0 : 1 + u;
        /* "fill rate" over the rates it gives: short lines keep the boxes narrow */
        bool down = location_supplies(c, l), cust = customers_of[l] >= 0;
        if (down || cust) nd->lines[k++] = _("fill rate"), nd->head = down + cust;
        if (down) {
            snprintf(t[k], sizeof t[k], _("downstream %s"),
                     percent_text(location_mean(c, s, l, LM_DOWNSTREAM_FILL_RATE), a, sizeof a));
            nd->lines[k] = t[k], k++;
        }
        if (cust) {
            snprintf(t[k], sizeof t[k], _("customers %s"),
                     percent_text(location_mean(c, s, l, LM_FILL_RATE), a, sizeof a));
            nd->lines[k] = t[k], k++;
        }
        snprintf(t[k], sizeof t[k], _("on hand %s"), amount_text(location_mean(c, s, l, LM_MEAN_ON_HAND), a, sizeof a));
        nd->lines[k] = t[k], k++;
        snprintf(t[BELOW], sizeof t[BELOW], _("bullwhip %s"),
                 amount_text(location_mean(c, s, l, LM_BULLWHIP_RATIO), a, sizeof a));
        nd->below = t[BELOW];
        snprintf(t[FLOW], sizeof t[FLOW], _("%s units/day"),
                 amount_text(location_mean(c, s, l, LM_UNITS_ORDERED_PER_DAY), a, sizeof a));
        nd->arrow[0] = t[FLOW];
        if (u >= 0) {
            snprintf(t[LEAD], sizeof t[LEAD], _("lead %s days"),
                     amount_text(location_mean(c, s, (size_t)u, LM_DOWNSTREAM_LEAD_TIME_MEAN), a, sizeof a));
            nd->arrow[1] = t[LEAD];
        }
        if (customers_of[l] >= 0) {
            char(*ct)[160] = text[customers_of[l]];
            snprintf(ct[FLOW], sizeof ct[FLOW], _("%s orders/day"),
                     amount_text(location_mean(c, s, l, LM_ORDERS_PER_DAY), a, sizeof a));
            f->nodes[customers_of[l]].arrow[0] = ct[FLOW];
        }
    }
    char sub[1000], file[240];
    scenario_name(sc, file, sizeof file);
    snprintf(sub, sizeof sub, _("%s: means over %u replications"), file, c->run.replications);
    f->note = _("arrows: the units ordered a day along the link, and the realised lead time of those orders\n"
                "fill rate downstream: the share of the units the locations below ordered that were shipped at once;\n"
                "on hand: units, mean; bullwhip: the variance of the orders a location places / of the demand it sees");
    struct chart ch = {
        .title = _("The supply chain: the flows and each stage's fill rate"), .subtitle = sub, .flow = f};
    /* the page draws the diagram in HTML (html_flow): in the page's type, laid out for the
       screen, where one drawing 1280 wide shrinks its text below 12 pixels at 800 */
    int rc = draw(&(struct chart_target){.path = to->path}, &ch);
    if (to->svg) html_flow(to->svg, f, ch.title, ch.subtitle);
    free(f), free(text);
    return rc;
}

/* ---- compare: one curve per scenario ---- */

/* Do two sweeps draw the same curve (files that differ only in the swept key)? */
static bool same_curve(const struct sweep_result *a, const struct sweep_result *b)
{
    if (a->n != b->n) return false;
    for (size_t i = 0; i < a->n; i++)
        if (a->service_level[i] != b->service_level[i] ||
            sweep_at(a, i, M_PROFIT).mean != sweep_at(b, i, M_PROFIT).mean)
            return false;
    return true;
}

int charts_compare(const struct chart_target *to, const struct sweep_result *const *sweeps, const char *const *labels,
                   const double *own_service, const double *own_profit, size_t n)
{
    enum { MOST = CHARTS_COMPARE_MOST };
    _Static_assert(3 * MOST <= CHART_MAX_SERIES, "a curve, a best point and an own point per scenario");
    static const enum chart_colour colours[MOST] = {COLOUR_BLUE, COLOUR_VERMILLION, COLOUR_GREEN, COLOUR_ORANGE,
                                                    COLOUR_SKY,  COLOUR_PURPLE,     COLOUR_BLACK};
    size_t shown = n < MOST ? n : MOST;
    double *x[MOST], *y[MOST], px[MOST], py[MOST], ox[MOST], oy[MOST];
    char title[400], sub[1000], xl[240], words[100], shared[MOST][300];
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .npanels = 1};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){.ylabel = _("profit per day (money)")};
    /* files whose curves coincide share one grey curve; each keeps its own dot */
    size_t group[MOST], members[MOST] = {0};
    bool any_shared = false;
    for (size_t k = 0; k < shown; k++) {
        group[k] = k;
        for (size_t j = 0; j < k; j++)
            if (group[j] == j && same_curve(sweeps[j], sweeps[k])) {
                group[k] = j;
                break;
            }
        members[group[k]]++;
    }
    /* the x axis as a sweep's (x_axis = auto: the shortfall when the points crowd near
       100 %), over every curve's points and every file's own */
    size_t npoints = shown, ncurves = 0;
    for (size_t k = 0; k < shown; k++) npoints += sweeps[k]->n, ncurves += group[k] == k;
    double *levels = malloc(npoints * sizeof *levels);
    if (!levels) abort();
    npoints = 0;
    for (size_t k = 0; k < shown; k++) {
        for (size_t i = 0; i < sweeps[k]->n; i++) levels[npoints++] = 100 * sweeps[k]->service_level[i];
        levels[npoints++] = 100 * own_service[k];
    }
    struct x_axis xa = choose_x_axis(sweeps[0], levels, npoints, false);
    free(levels);
    c.x_scale = xa.scale;
    for (size_t k = 0; k < shown; k++) {
        const struct sweep_result *r = sweeps[k];
        x[k] = percent(r->service_level, r->n);
        for (size_t i = 0; i < r->n; i++) x[k][i] = chart_scale_at(xa.scale, x[k][i]);
        y[k] = column(r, M_PROFIT, false);
        px[k] = x[k][r->opt.best], py[k] = y[k][r->opt.best];
        if (group[k] != k) continue;
        if (members[k] == 1) {
            p->series[p->nseries++] =
                (struct chart_series){labels[k], x[k], y[k], NULL, r->n, colours[k], STYLE_LINE, false};
            continue;
        }
        snprintf(shared[k], sizeof shared[k], P_("%zu file, one curve", "%zu files, one curve", members[k]),
                 members[k]);
        any_shared = true;
        p->series[p->nseries++] =
            (struct chart_series){shared[k], x[k], y[k], NULL, r->n, COLOUR_GREY, STYLE_LINE, false};
    }
    for (size_t k = 0; k < shown; k++) {
        ox[k] = chart_scale_at(xa.scale, 100 * own_service[k]), oy[k] = own_profit[k];
        bool alone = members[group[k]] == 1;
        enum chart_colour best = alone ? colours[k] : COLOUR_GREY;
        if (group[k] == k)
            p->series[p->nseries++] = (struct chart_series){NULL, &px[k], &py[k], NULL, 1, best, STYLE_PEAK, false};
        p->series[p->nseries++] =
            (struct chart_series){alone ? NULL : labels[k], &ox[k], &oy[k], NULL, 1, colours[k], STYLE_DOTS, false};
    }
    service_words(sweeps[0], words, sizeof words);
    if (any_shared) /* the title counts what the legend shows: curves, some shared by several files */
        /* TRANSLATORS: the service rate in words, the number of curves drawn, the number of files */
        snprintf(
            title, sizeof title,
            P_("Profit against %s: %zu curve for %zu files", "Profit against %s: %zu curves for %zu files", ncurves),
            words, ncurves, shown);
    else
        snprintf(title, sizeof title, _("Profit against %s: each scenario's curve"), words);
    const char *key = strrchr(sweeps[0]->base.sweep.parameter, '.');
    char why[300] = "";
    if (any_shared) /* the same curve means the same scenario but for the swept key */
        /* TRANSLATORS: added to the end of the subtitle below; %s is a key name */
        snprintf(why, sizeof why, _("; files on one curve differ only in %s"),
                 key ? key + 1 : sweeps[0]->base.sweep.parameter);
    if (n > shown) /* TRANSLATORS: the last %s is empty or the sentence "; files on one curve ..." */
        snprintf(sub, sizeof sub,
                 _("%zu scenarios (the 7 most profitable drawn) on the same random numbers: ● as written, ◆ best "
                   "point%s"),
                 n, why);
    else
        snprintf(sub, sizeof sub,
                 P_("%zu scenario on the same random numbers: ● as written, ◆ best point%s",
                    "%zu scenarios on the same random numbers: ● as written, ◆ best point%s", n),
                 n, why);
    x_axis_note(&xa, sub, sizeof sub);
    x_axis_label(&xa, sweeps[0], xl, sizeof xl);
    int rc = draw(to, &c);
    for (size_t k = 0; k < shown; k++) free(x[k]), free(y[k]);
    return rc;
}

/* ---- compare: a whole class ---- */

/* The ranked entries of r in rank order (equal ranks as given): n = r->ranked (free it). */
static size_t *by_rank(const struct compare_result *r)
{
    size_t *order = malloc((r->ranked + 1) * sizeof *order), k = 0;
    if (!order) abort();
    for (size_t rank = 1; rank <= r->n; rank++)
        for (size_t i = 0; i < r->n; i++)
            if (!r->e[i].refused && r->e[i].rank == rank) order[k++] = i;
    return order;
}

static bool below_best(const struct compare_result *r, size_t i)
{
    const struct summary *d = &r->e[i].vs_best;
    return i != r->best && d->n > 1 && fabs(d->mean) > d->ci95;
}

/* The lowest value a class chart's axis shows: the body of the class, its lower
 * quartile less three times its interquartile range, or less min_gap when that is wider
 * (a class of near-identical results keeps its near ones); -INFINITY with fewer than
 * five values, too few to tell a stray one. A value below it is drawn as an off-scale
 * marker at the axis's foot, with its value: one absurd submission (an order quantity of
 * 1, -555% of the best) would otherwise flatten every other point into one line. */
static double class_floor(const double *v, size_t n, double min_gap)
{
    if (n < 5) return -INFINITY;
    double *s = malloc(n * sizeof *s);
    if (!s) abort();
    memcpy(s, v, n * sizeof *s);
    for (size_t i = 1; i < n; i++) /* insertion sort: a class is small */
        for (size_t j = i; j > 0 && s[j - 1] > s[j]; j--) {
            double t = s[j];
            s[j] = s[j - 1], s[j - 1] = t;
        }
    double q1 = s[(n - 1) / 4], q3 = s[3 * (n - 1) / 4];
    free(s);
    return q1 - fmax(3 * (q3 - q1), min_gap);
}

/* Each ranked file's profit as a share of the best's, a dot per rank with the paired 95%
 * interval of its difference to the best (in % of the best) as whiskers, the y axis on
 * the data: a class lies within a few per cent of the best, which bars from 0 hide (all
 * at 98-100 % of a 0-120 % axis look alike). With no profit at the best, a bar per rank
 * of the profit itself. */
int charts_compare_share(const struct chart_target *to, const struct compare_result *r)
{
    size_t n = r->ranked, *order = by_rank(r);
    double best = r->e[r->best].s[M_PROFIT].mean;
    bool share = best > 0;
    /* dots: x is the rank; bars: each group's bars over 2n - 1 slots, a bar and an empty
       gap in turn, so that 60 bars stand apart: edges k - 0.35, k + 0.35, ... */
    double *x = malloc(2 * n * sizeof *x), *near = calloc(2 * n, sizeof *near), *lower = calloc(2 * n, sizeof *lower);
    double *near_err = calloc(2 * n, sizeof *near_err), *lower_err = calloc(2 * n, sizeof *lower_err);
    double *near_x = malloc(n * sizeof *near_x), *lower_x = malloc(n * sizeof *lower_x);
    if (!x || !near || !lower || !near_err || !lower_err || !near_x || !lower_x) abort();
    /* the best has its own dot (or bar) and legend entry: it is the yardstick, not one of
       the files "not significantly below" it, and the title counts only the others */
    double *top = calloc(2 * n, sizeof *top), top_x = 0, top_y = 0;
    if (!top) abort();
    size_t nlower = 0, nnear = 0;
    /* the axis's foot: the body of the class (class_floor), at least 50 points of the best
       below its lower quartile; the shares below it are drawn at the foot, labelled */
    double floor_at = -INFINITY;
    if (share) {
        for (size_t k = 0; k < n; k++) x[k] = 100 * r->e[order[k]].s[M_PROFIT].mean / best;
        floor_at = class_floor(x, n, 50);
    }
    double *off_x = malloc((n + 1) * sizeof *off_x), *off_y = malloc((n + 1) * sizeof *off_y);
    char **off_text = calloc(n + 1, sizeof *off_text);
    if (!off_x || !off_y || !off_text) abort();
    size_t noff = 0;
    for (size_t k = 0; k < n; k++) {
        const struct compare_entry *e = &r->e[order[k]];
        bool low = below_best(r, order[k]), is_best = order[k] == r->best;
        if (share) {
            double v = 100 * e->s[M_PROFIT].mean / best, hw = 100 * e->vs_best.ci95 / best;
            if (v < floor_at && !is_best) {
                char label[64];
                /* TRANSLATORS: an off-scale point's label: its rank and its share of the best */
                snprintf(label, sizeof label, _("%zu ↓ %.0f%%"), e->rank, v);
                if (!(off_text[noff] = strdup(label))) abort();
                off_x[noff] = (double)(k + 1), off_y[noff++] = floor_at;
                continue;
            }
            if (is_best)
                top_x = (double)(k + 1), top_y = v;
            else if (low)
                lower_x[nlower] = (double)(k + 1), lower[nlower] = v, lower_err[nlower++] = hw;
            else
                near_x[nnear] = (double)(k + 1), near[nnear] = v, near_err[nnear++] = isfinite(hw) ? hw : 0;
            continue;
        }
        x[2 * k] = (double)(k + 1) - 0.35, x[2 * k + 1] = (double)(k + 1) + 0.35;
        if (is_best)
            top[2 * k] = e->s[M_PROFIT].mean;
        else if (low)
            lower[2 * k] = e->s[M_PROFIT].mean, nlower++;
        else
            near[2 * k] = e->s[M_PROFIT].mean, nnear++;
    }
    double lx[2] = {0.5, (double)n + 0.5}, ly[2] = {100, 100};
    char title[400], sub[1000], top_label[200], near_label[200], lower_label[200];
    if (n == 1) /* nothing to compare: no verdict, no legend */
        snprintf(title, sizeof title, "%s",
                 r->submissions ? _("Profit as a share of the best: one submission so far, nothing to compare yet")
                                : _("Profit as a share of the best: one file, nothing to compare it with"));
    else if (share && nnear == 0 && r->submissions)
        /* TRANSLATORS: every submission but the best is significantly below it; the number of them */
        snprintf(title, sizeof title,
                 P_("Profit as a share of the best: the other submission is significantly lower",
                    "Profit as a share of the best: all %zu other submissions are significantly lower", n - 1),
                 n - 1);
    else if (share && nnear == 0)
        /* TRANSLATORS: every file but the best is significantly below it; the number of them */
        snprintf(title, sizeof title,
                 P_("Profit as a share of the best: the other file is significantly lower",
                    "Profit as a share of the best: all %zu other files are significantly lower", n - 1),
                 n - 1);
    else if (share && r->submissions)
        /* TRANSLATORS: of the submissions other than the best (the second number), how many
           are not significantly below the best's profit (the first) */
        snprintf(title, sizeof title,
                 P_("Profit as a share of the best: %zu of the %zu other submission not significantly lower",
                    "Profit as a share of the best: %zu of the %zu other submissions not significantly lower", n - 1),
                 nnear, n - 1);
    else if (share) /* TRANSLATORS: of the files other than the best (the second number), how many are not
                       significantly below the best's profit (the first) */
        snprintf(title, sizeof title,
                 P_("Profit as a share of the best: %zu of the %zu other file not significantly lower",
                    "Profit as a share of the best: %zu of the %zu other files not significantly lower", n - 1),
                 nnear, n - 1);
    else
        snprintf(title, sizeof title, "%s",
                 r->submissions ? _("Profit per day of each submission, by rank")
                                : _("Profit per day of each file, by rank"));
    if (share) /* TRANSLATORS: the best file, its profit a day, the number of replications */
        snprintf(sub, sizeof sub,
                 _("100%% = the best, %s: %.0f a day; whiskers: the paired 95%% interval of the difference; %u "
                   "replications on the same random numbers"),
                 r->e[r->best].label, best, r->reps);
    else
        snprintf(sub, sizeof sub,
                 _("even the best, %s, makes no profit (%.0f a day): bars show the profit itself, not a share"),
                 r->e[r->best].label, best);
    char off_label[200] = "";
    /* TRANSLATORS: the legend's entry for the points far below the class: the share of the
       best below which they lie (the axis's foot) */
    if (noff) snprintf(off_label, sizeof off_label, _("↓ under %.0f%%: at the foot, value beside"), floor_at);
    snprintf(top_label, sizeof top_label, "%s", _("the best"));
    snprintf(near_label, sizeof near_label, "%s", _("not significantly below the best"));
    snprintf(lower_label, sizeof lower_label, "%s", _("significantly below the best"));
    /* ranks are whole: ticks 1, 2, 5, 10 ... apart, at most 12 of them (PLplot's own
       choice labels 0.5 and 1.5 when there are one or two files) */
    static const double rank_steps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    size_t step = 0;
    while (step + 1 < sizeof rank_steps / sizeof *rank_steps && (double)n / rank_steps[step] > 12) step++;
    struct chart c = {.title = title,
                      .subtitle = sub,
                      .xlabel = r->submissions ? _("rank (1 = most profitable; the table names each submission)")
                                               : _("rank (1 = most profitable; the table names each file)"),
                      .npanels = 1,
                      .x_tick = rank_steps[step]};
    struct chart_panel *p = &c.panels[0];
    /* xgettext:no-c-format */
    const char *share_axis = _("profit as % of the best");
    /* a share axis at least 5 points high, never above 100 % unless a dot or whisker is */
    *p = (struct chart_panel){.ylabel = share ? share_axis : _("profit per day (money)"),
                              .y_from_zero = !share,
                              .legend_on_top = true,
                              .y_min_span = share ? 5 : 0,
                              .y_ceiling_on = share,
                              .y_ceiling = 100};
    if (share) {
        p->series[p->nseries++] = (struct chart_series){NULL, lx, ly, NULL, 2, COLOUR_BLACK, STYLE_LINE, true};
        p->series[p->nseries++] = (struct chart_series){n > 1 ? top_label : NULL, &top_x,     &top_y, NULL, 1,
                                                        COLOUR_VERMILLION,        STYLE_DOTS, false};
        if (nnear)
            p->series[p->nseries++] =
                (struct chart_series){near_label, near_x, near, near_err, nnear, COLOUR_BLUE, STYLE_DOTS, false};
        if (nlower)
            p->series[p->nseries++] =
                (struct chart_series){lower_label, lower_x, lower, lower_err, nlower, COLOUR_GREY, STYLE_DOTS, false};
        if (noff) {
            p->point_labels[p->nseries] = (const char *const *)off_text;
            p->series[p->nseries++] =
                (struct chart_series){off_label, off_x, off_y, NULL, noff, COLOUR_GREY, STYLE_POINTS, false};
        }
    } else {
        p->series[p->nseries++] = (struct chart_series){n > 1 ? top_label : NULL, x,          top,  NULL, 2 * n - 1,
                                                        COLOUR_VERMILLION,        STYLE_BARS, false};
        if (nnear)
            p->series[p->nseries++] =
                (struct chart_series){near_label, x, near, NULL, 2 * n - 1, COLOUR_BLUE, STYLE_BARS, false};
        if (nlower)
            p->series[p->nseries++] =
                (struct chart_series){lower_label, x, lower, NULL, 2 * n - 1, COLOUR_GREY, STYLE_BARS, false};
    }
    int rc = draw(to, &c);
    free(order), free(x), free(top), free(near), free(lower), free(near_err), free(lower_err), free(near_x),
        free(lower_x);
    for (size_t k = 0; k < noff; k++) free(off_text[k]);
    free(off_text), free(off_x), free(off_y);
    return rc;
}

int charts_class(const struct chart_target *to, const struct sweep_result *curve, const struct compare_result *r)
{
    size_t n = r->ranked, *order = by_rank(r);
    double *cx = percent(curve->service_level, curve->n), *cy = column(curve, M_PROFIT, false);
    double *x = malloc((n + 1) * sizeof *x), *y = malloc((n + 1) * sizeof *y);
    char **text = calloc(n + 1, sizeof *text);
    if (!x || !y || !text) abort();
    /* one label per point: files that land on the same point (identical files, on the
       same random numbers) have the same profit, so the same rank: "36 ×4" */
    size_t shared = 0, *count = calloc(n + 1, sizeof *count);
    if (!count) abort();
    for (size_t k = 0; k < n; k++) {
        const struct compare_entry *e = &r->e[order[k]];
        x[k] = 100 * e->s[curve->service].mean, y[k] = e->s[M_PROFIT].mean;
        size_t first = k;
        for (size_t j = 0; j < k && first == k; j++)
            if (x[j] == x[k] && y[j] == y[k]) first = j;
        count[first]++;
        shared += first != k;
    }
    /* the axis's foot: the body of the class (class_floor, at least half the best's profit
       below its lower quartile), or the curve's lowest point when that is lower; a point
       below it is drawn at the foot, its profit in its label */
    double floor_at = class_floor(y, n, n ? 0.5 * fabs(r->e[r->best].s[M_PROFIT].mean) : 0);
    for (size_t i = 0; i < curve->n; i++) floor_at = fmin(floor_at, cy[i]);
    size_t noff = 0;
    for (size_t k = 0; k < n; k++) {
        if (!count[k]) continue; /* drawn under another file's label */
        char label[64];
        bool off = y[k] < floor_at;
        if (off && count[k] > 1) /* TRANSLATORS: an off-scale point's rank, how many share it, its profit */
            snprintf(label, sizeof label, _("%zu ×%zu ↓ %.0f"), r->e[order[k]].rank, count[k], y[k]);
        else if (off) /* TRANSLATORS: an off-scale point's rank and its profit a day */
            snprintf(label, sizeof label, _("%zu ↓ %.0f"), r->e[order[k]].rank, y[k]);
        else if (count[k] > 1) /* TRANSLATORS: a rank, and how many files share the point, e.g. "36 ×4" */
            snprintf(label, sizeof label, _("%zu ×%zu"), r->e[order[k]].rank, count[k]);
        else
            snprintf(label, sizeof label, "%zu", r->e[order[k]].rank);
        if (!(text[k] = strdup(label))) abort();
    }
    /* the far points in a series of their own, at the foot, their labels with them */
    double *ox = malloc((n + 1) * sizeof *ox), *oy = malloc((n + 1) * sizeof *oy);
    char **otext = calloc(n + 1, sizeof *otext);
    if (!ox || !oy || !otext) abort();
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        if (y[k] < floor_at) {
            ox[noff] = x[k], oy[noff] = floor_at, otext[noff++] = text[k];
            continue;
        }
        x[kept] = x[k], y[kept] = y[k], text[kept++] = text[k];
    }
    free(count);
    const struct curve_optimum *o = &curve->opt;
    double px = cx[o->best], py = cy[o->best];
    char title[400], sub[1000], xl[240], curve_label[300], file[240], peak[200], words[100], level[40];
    /* the peak's service level with its measure's words ("fill rate 99.63", then "%"):
       the subtitle names what the percentage is, as the axes do */
    report_metric_words(metric_defs[curve->service].name, words, sizeof words);
    snprintf(peak, sizeof peak, "%s %s", words,
             report_percent(px / 100, 2, level, sizeof level)); /* cx is in percent */
    /* a class that crowds near 100 % on the axis the curve spans (the files' points and
       the curve's lowest, where the axis starts): the shortfall scale, as a sweep's, so
       that their numbers stand apart */
    /* the x axis from every point, the far ones too */
    size_t nall = kept + noff;
    double *xall = malloc((nall + 1) * sizeof *xall);
    if (!xall) abort();
    memcpy(xall, x, kept * sizeof *xall);
    memcpy(xall + kept, ox, noff * sizeof *xall);
    xall[nall] = INFINITY;
    for (size_t i = 0; i < curve->n; i++) xall[nall] = fmin(xall[nall], cx[i]);
    struct x_axis xa = choose_x_axis(curve, xall, isfinite(xall[nall]) ? nall + 1 : nall, false);
    free(xall);
    for (size_t i = 0; i < curve->n; i++) cx[i] = chart_scale_at(xa.scale, cx[i]);
    for (size_t k = 0; k < kept; k++) x[k] = chart_scale_at(xa.scale, x[k]);
    for (size_t k = 0; k < noff; k++) ox[k] = chart_scale_at(xa.scale, ox[k]);
    px = chart_scale_at(xa.scale, px);
    scenario_name(&curve->base, file, sizeof file);
    /* the class server's word for what is ranked is a submission (r->submissions), compare's
       a file */
    if (r->submissions) /* TRANSLATORS: the number of students' submissions, then the base scenario file */
        snprintf(
            title, sizeof title,
            P_("%zu submission against the service curve of %s", "%zu submissions against the service curve of %s", n),
            n, file);
    else /* TRANSLATORS: the number of files, then the base scenario file */
        snprintf(title, sizeof title,
                 P_("%zu file against the service curve of %s", "%zu files against the service curve of %s", n), n,
                 file);
    const char *key = strrchr(curve->base.sweep.parameter, '.');
    key = key ? key + 1 : curve->base.sweep.parameter;
    if (shared && r->submissions)
        /* TRANSLATORS: how many submissions land on another's point, the peak's service level with its measure ("fill
         * rate 99.63"), the replications */
        snprintf(sub, sizeof sub,
                 P_("● each submission, numbered by rank (%zu lands on another's point); ◆ the curve's profit "
                    "peak, %s%%; %u replications",
                    "● each submission, numbered by rank (%zu land on another's point); ◆ the curve's profit "
                    "peak, %s%%; %u replications",
                    shared),
                 shared, peak, curve->reps);
    else if (shared) /* TRANSLATORS: how many files land on another's point, the peak's service level with its measure
                        ("fill rate 99.63"), the replications */
        snprintf(sub, sizeof sub,
                 P_("● each file as written, numbered by rank (%zu lands on another's point); ◆ the curve's profit "
                    "peak, %s%%; %u replications",
                    "● each file as written, numbered by rank (%zu land on another's point); ◆ the curve's profit "
                    "peak, %s%%; %u replications",
                    shared),
                 shared, peak, curve->reps);
    else if (r->submissions)
        snprintf(sub, sizeof sub,
                 _("● each submission, numbered by rank (the table names its student); ◆ the curve's profit peak, "
                   "%s%%; %u replications"),
                 peak, curve->reps);
    else
        snprintf(sub, sizeof sub,
                 _("● each file as written, numbered by rank (the table names it); ◆ the curve's profit peak, %s%%; "
                   "%u replications"),
                 peak, curve->reps);
    x_axis_note(&xa, sub, sizeof sub);
    x_axis_label(&xa, curve, xl, sizeof xl);
    /* TRANSLATORS: the base scenario file, the swept key, how many values */
    snprintf(curve_label, sizeof curve_label, _("%s: %s at %zu values"), file, key, curve->n);
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .npanels = 1, .x_scale = xa.scale};
    struct chart_panel *p = &c.panels[0];
    /* the legend above the data: a class's dots reach every corner of the frame, the
       files at 100 % pile up along its right edge */
    *p = (struct chart_panel){.ylabel = _("profit per day (money)"), .legend_on_top = true};
    p->series[p->nseries++] =
        (struct chart_series){curve_label, cx, cy, NULL, curve->n, COLOUR_BLUE, STYLE_LINE, false};
    p->point_labels[p->nseries] = (const char *const *)text;
    p->series[p->nseries++] = (struct chart_series){NULL, x, y, NULL, kept, COLOUR_VERMILLION, STYLE_DOTS, false};
    char off_label[200] = "";
    if (noff) {
        /* TRANSLATORS: the legend's entry for the points far below the class: the profit a
           day below which they lie (the axis's foot) */
        snprintf(off_label, sizeof off_label, _("↓ under %.0f a day: at the foot, profit beside"), floor_at);
        p->point_labels[p->nseries] = (const char *const *)otext;
        p->series[p->nseries++] =
            (struct chart_series){off_label, ox, oy, NULL, noff, COLOUR_GREY, STYLE_POINTS, false};
    }
    /* the peak over any file's dot at the same place */
    p->series[p->nseries++] = (struct chart_series){NULL, &px, &py, NULL, 1, COLOUR_BLUE, STYLE_PEAK, false};
    int rc = draw(to, &c);
    for (size_t k = 0; k < kept; k++) free(text[k]);
    for (size_t k = 0; k < noff; k++) free(otext[k]);
    free(text), free(x), free(y), free(cx), free(cy), free(order), free(ox), free(oy), free(otext);
    return rc;
}

/* ---- batch: recommended service against margin and variability ---- */

/* The demand-variability classes of the batch chart: fixed bands of the coefficient of
 * variation of a day's demand (README, "Planner"), the same for every table, so that a
 * colour means the same thing on two tables: steady below 0.5, erratic above 1. */
static const double BATCH_CV_BANDS[2] = {0.5, 1.0};

/* Whether charts_batch draws row: it has a recommended service and a margin. */
static bool batch_point(const struct batch_row *row)
{
    return isfinite(row->best_service) && isfinite(row->margin);
}

size_t charts_batch_points(const struct batch_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++) n += batch_point(&r->rows[i]);
    return n;
}

int charts_batch(const struct chart_target *to, const struct batch_result *r)
{
    /* three groups by the coefficient of variation of daily demand: BATCH_CV_BANDS */
    /* six series: each group's unlabelled points (dots), then its labelled ones (diamonds,
       so that a label's point stands out among the dots it may lie over); when every
       point is labelled, dots only */
    double *x = malloc(6 * r->n * sizeof *x), *y = malloc(6 * r->n * sizeof *y);
    const char **names = calloc(6 * r->n, sizeof *names); /* point labels, series by series */
    char **text = calloc(r->n, sizeof *text);
    size_t *top = malloc(r->n * sizeof *top);
    if (!x || !y || !names || !text || !top) abort();
    /* the labels: every row of a small table; of a larger one, the rows with the largest
       material gains (the ones worth acting on), so that the chart stays readable */
    size_t ntop = batch_top_gains(r, top, r->n), nsig = 0;
    while (nsig < ntop && r->rows[top[nsig]].gain_material) nsig++;
    bool all = r->n <= BATCH_CHART_LABEL_ALL;
    size_t nlabelled = all ? r->n : nsig < BATCH_CHART_LABELS ? nsig : BATCH_CHART_LABELS;
    for (size_t i = 0; i < r->n; i++) {
        const struct batch_row *row = &r->rows[i];
        size_t len = strlen(row->id) + 40;
        text[i] = malloc(len);
        if (!text[i]) abort();
        if (row->gain_material) /* money's precision, as the table (a material gain is at least 0.01) */
            snprintf(text[i], len, "%s %+.2f", row->id, row->best_profit - row->profit.mean);
        else
            snprintf(text[i], len, "%s", row->id);
    }
    bool *labelled = calloc(r->n, sizeof *labelled);
    if (!labelled) abort();
    for (size_t k = 0; k < r->n; k++) labelled[k] = all;
    for (size_t k = 0; !all && k < nlabelled; k++) labelled[top[k]] = true;
    const double *cut = BATCH_CV_BANDS;
    size_t count[6] = {0};
    for (size_t i = 0; i < r->n; i++) {
        const struct batch_row *row = &r->rows[i];
        if (!batch_point(row)) continue; /* the subtitle says how many are left out */
        size_t g = (row->demand_cv < cut[0] ? 0u : row->demand_cv < cut[1] ? 1u : 2u) + (labelled[i] && !all ? 3u : 0u);
        x[g * r->n + count[g]] = 100 * row->margin;
        y[g * r->n + count[g]] = 100 * row->best_service;
        names[g * r->n + count[g]] = labelled[i] ? text[i] : NULL;
        count[g]++;
    }
    char labels[3][200], title[400], sub[1400], which[400];
    /* TRANSLATORS: CV is the coefficient of variation of a day's demand */
    snprintf(labels[0], sizeof labels[0], _("steady demand (daily CV below %.1f)"), cut[0]);
    snprintf(labels[1], sizeof labels[1], _("daily CV %.1f to %.1f"), cut[0], cut[1]);
    snprintf(labels[2], sizeof labels[2], _("erratic demand (daily CV %.1f and above)"), cut[1]);
    char words[100];
    report_metric_words(r->service, words, sizeof words);
    /* TRANSLATORS: %s is the service rate in words */
    snprintf(title, sizeof title, _("Recommended %s by margin and demand variability"), words);
    const char *slash = strrchr(r->table, '/');
    if (all && nsig)
        snprintf(which, sizeof which, "%s", _("every item labelled; +N: a material gain a day"));
    else if (all)
        snprintf(which, sizeof which, "%s", _("every item labelled; none gains materially"));
    else if (nlabelled)
        snprintf(which, sizeof which,
                 /* TRANSLATORS: how many items of the chart carry their name */
                 P_("labelled (diamond): the %zu item with the largest material gain (+N a day)",
                    "labelled (diamonds): the %zu items with the largest material gains (+N a day)", nlabelled),
                 nlabelled);
    else
        snprintf(which, sizeof which, "%s", _("no item gains materially: none labelled"));
    /* TRANSLATORS: the batch table's file name, the number of its rows, the swept key, then
       which items are labelled */
    snprintf(sub, sizeof sub, _("%s: %zu items, each at the %s that maximises its profit (%u replications); %s"),
             slash ? slash + 1 : r->table, r->n,
             strrchr(r->parameter, '.') ? strrchr(r->parameter, '.') + 1 : r->parameter, r->reps, which);
    size_t left_out = r->n - charts_batch_points(r);
    if (left_out) {
        size_t used = strlen(sub);
        snprintf(sub + used, sizeof sub - used,
                 /* TRANSLATORS: after the subtitle: items whose service has no data (no
                    order met a stockout, say) have no point */
                 P_("; %zu item without data for its %s is left out",
                    "; %zu items without data for their %s are left out", left_out),
                 left_out, words);
    }
    char xl[240], yl[240];
    snprintf(xl, sizeof xl, "%s", _("margin: (price - unit cost) / price (%)"));
    snprintf(yl, sizeof yl, _("recommended %s (%%)"), words);
    /* margins a few hundredths apart look equal on a 10-point axis; a service level is
       never drawn above 100 %, and 1 point of it is the least the axis spans */
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .npanels = 1, .x_min_span = 10};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){
        .ylabel = yl, .legend_on_top = false, .y_min_span = 1, .y_ceiling_on = true, .y_ceiling = 100};
    const enum chart_colour colours[3] = {COLOUR_BLUE, COLOUR_ORANGE, COLOUR_VERMILLION};
    for (size_t g = 0; g < 6; g++)
        if (count[g]) {
            /* a group's legend entry goes with its dots, or with its diamonds if all are labelled */
            const char *legend = g < 3 || !count[g - 3] ? labels[g % 3] : NULL;
            p->point_labels[p->nseries] = g < 3 && !all ? NULL : names + g * r->n;
            p->series[p->nseries++] = (struct chart_series){
                legend, x + g * r->n, y + g * r->n, NULL, count[g], colours[g % 3], g < 3 ? STYLE_DOTS : STYLE_POINTS,
                false};
        }
    int rc = draw(to, &c);
    for (size_t i = 0; i < r->n; i++) free(text[i]);
    free(text), free(names), free(labelled), free(top);
    free(x), free(y);
    return rc;
}

/* ---- sweep with two levers: the profit surface ---- */

int charts_profit_surface(const struct chart_target *to, const struct sweep_result *r)
{
    const struct sweep_config *sw = &r->base.sweep;
    struct chart_surface *sf = calloc(1, sizeof *sf);
    double *x = malloc(r->n1 * sizeof *x), *y = malloc(r->n2 * sizeof *y);
    double *z = malloc(r->n * sizeof *z), *z2 = malloc(r->n * sizeof *z2);
    if (!sf || !x || !y || !z || !z2) abort();
    sweep_lever_values(r, 0, x);
    sweep_lever_values(r, 1, y);
    /* the chart's axes ascend; a lever given descending is read backwards */
    bool flip1 = r->n1 > 1 && x[0] > x[r->n1 - 1], flip2 = r->n2 > 1 && y[0] > y[r->n2 - 1];
    bool *region = malloc(r->n * sizeof *region);
    if (!region) abort();
    for (size_t a = 0; a < r->n1; a++)
        for (size_t b = 0; b < r->n2; b++) {
            size_t i = (flip1 ? r->n1 - 1 - a : a) * r->n2 + (flip2 ? r->n2 - 1 - b : b), k = a * r->n2 + b;
            z[k] = sweep_at(r, i, M_PROFIT).mean;
            z2[k] = 100 * r->service_level[i];
            region[k] = r->near[i];
        }
    if (flip1) sweep_lever_values(r, 0, x), qsort(x, r->n1, sizeof *x, by_value);
    if (flip2) sweep_lever_values(r, 1, y), qsort(y, r->n2, sizeof *y, by_value);
    char words[100], title[400], sub[1000], file[240], zl[200], rl[300], best[200], refined[200];
    char levels[GRID_TARGETS][120], reach[GRID_TARGETS][160], tags[GRID_TARGETS][40], v[2][40];
    report_metric_words(metric_defs[r->service].name, words, sizeof words);
    scenario_name(&r->base, file, sizeof file);
    const struct surface_optimum *o = &r->grid;
    /* TRANSLATORS: the title of the two-lever chart; %s are the two keys, as written */
    snprintf(title, sizeof title, _("Profit over %s and %s: the best pair and the cheapest way to each service level"),
             strrchr(sw->parameter, '.') + 1, strrchr(sw->parameter2, '.') + 1);
    snprintf(sub, sizeof sub, _("%s: %zu x %zu points x %u replications, same random numbers; shades: profit per day"),
             file, r->n1, r->n2, r->reps);
    snprintf(zl, sizeof zl, _("profit per day (labelled)"));
    snprintf(rl, sizeof rl, _("not significantly below the best"));
    char xl[200], yl[200];
    lever_axis_label(sw->parameter, xl, sizeof xl);
    lever_axis_label(sw->parameter2, yl, sizeof yl);
    *sf = (struct chart_surface){.ylabel = yl,
                                 .x = x,
                                 .y = y,
                                 .nx = r->n1,
                                 .ny = r->n2,
                                 .z = z,
                                 .z_label = zl,
                                 .z2 = z2,
                                 .colour2 = COLOUR_VERMILLION,
                                 .region = o->near > 1 ? region : NULL,
                                 .region_label = rl};
    /* a target's contour is drawn where the service crosses it: in the legend only then
       (its place, and so its dash, kept); one that no point reaches, or every point does,
       is said in the subtitle instead, the lowest not reached and the highest reached */
    double lo = INFINITY, hi = -INFINITY;
    for (size_t k = 0; k < r->n; k++)
        if (isfinite(z2[k])) lo = fmin(lo, z2[k]), hi = fmax(hi, z2[k]);
    size_t unreached = GRID_TARGETS, everywhere = GRID_TARGETS;
    for (size_t t = 0; t < GRID_TARGETS; t++) {
        /* TRANSLATORS: a service contour's legend entry, e.g. "fill rate 99%" */
        snprintf(levels[t], sizeof levels[t], _("%s %g%%"), words, 100 * grid_targets[t]);
        sf->levels2[t] = 100 * grid_targets[t];
        bool drawn = lo < sf->levels2[t] && hi >= sf->levels2[t];
        sf->level_labels2[t] = drawn ? levels[t] : NULL;
        if (!(hi >= sf->levels2[t]) && unreached == GRID_TARGETS) unreached = t;
        if (lo >= sf->levels2[t]) everywhere = t;
    }
    sf->nlevels2 = GRID_TARGETS;
    if (everywhere < GRID_TARGETS)
        /* TRANSLATORS: added to the two-lever chart's subtitle: every point of the grid reaches
           this service level ("fill rate 95%"), so no contour is drawn for it */
        snprintf(sub + strlen(sub), sizeof sub - strlen(sub), _("; every point reaches %s"), levels[everywhere]);
    if (unreached < GRID_TARGETS)
        /* TRANSLATORS: added to the two-lever chart's subtitle: no point of the grid reaches
           this service level ("on-time rate 95%"), nor the higher ones, so no contour is drawn */
        snprintf(sub + strlen(sub), sizeof sub - strlen(sub), _("; no point reaches %s"), levels[unreached]);
    snprintf(best, sizeof best, _("highest profit: %s a day"),
             num_format(round(100 * sweep_at(r, o->best, M_PROFIT).mean) / 100, v[0], sizeof v[0]));
    sf->points[sf->npoints++] =
        (struct chart_surface_point){r->x[o->best], r->x2[o->best], best, COLOUR_VERMILLION, true, NULL};
    if (o->refined) {
        snprintf(refined, sizeof refined, _("quadratic peak: %s a day"),
                 num_format(round(100 * o->profit) / 100, v[0], sizeof v[0]));
        sf->points[sf->npoints++] = (struct chart_surface_point){o->x1, o->x2, refined, COLOUR_BLACK, false, NULL};
    }
    /* each target's most profitable point, where it is not the best itself; targets that
       share a point share its label */
    for (size_t t = 0; t < GRID_TARGETS; t++) {
        size_t i = grid_best_reaching(r, grid_targets[t]);
        if (i == (size_t)-1 || i == o->best) continue;
        size_t t2 = t + 1;
        while (t2 < GRID_TARGETS && grid_best_reaching(r, grid_targets[t2]) == i) t2++;
        /* TRANSLATORS: the most profitable point reaching a service level, e.g. "best for ≥ 99.9%: 1178.06 a day" */
        snprintf(reach[t], sizeof reach[t], _("most profitable at ≥ %g%%: %s a day"), 100 * grid_targets[t2 - 1],
                 num_format(round(100 * sweep_at(r, i, M_PROFIT).mean) / 100, v[1], sizeof v[1]));
        snprintf(tags[t], sizeof tags[t], "≥ %g%%", 100 * grid_targets[t2 - 1]);
        if (sf->npoints < CHART_SURFACE_POINTS)
            sf->points[sf->npoints++] =
                (struct chart_surface_point){r->x[i], r->x2[i], reach[t], COLOUR_VERMILLION, false, tags[t]};
        t = t2 - 1;
    }
    struct chart c = {.title = title, .subtitle = sub, .xlabel = xl, .surface = sf};
    int rc = draw(to, &c);
    free(x), free(y), free(z), free(z2), free(region), free(sf);
    return rc;
}

int charts_ipa(const struct chart_target *to, const struct ipa_result *r)
{
    /* one series per quadrant, in its colour, and the elements on par with their target (on
       the target's line, their gap within its noise) in blue; every point labelled with its
       element, one on par saying so */
    static const enum chart_colour colours[IPA_UNPLACED] = {COLOUR_VERMILLION, COLOUR_GREEN, COLOUR_GREY, COLOUR_ORANGE,
                                                            COLOUR_BLUE};
    double x[IPA_UNPLACED][IPA_ELEMENTS], y[IPA_UNPLACED][IPA_ELEMENTS], e[IPA_UNPLACED][IPA_ELEMENTS];
    double xe[IPA_ELEMENTS]; /* the on-par points' gap intervals, whiskers across the target's line */
    const char *text[IPA_UNPLACED][IPA_ELEMENTS];
    char par[IPA_ELEMENTS][200], unsure[IPA_ELEMENTS][200];
    size_t count[IPA_UNPLACED] = {0}, nunsure = 0;
    for (size_t i = 0; i < r->n; i++) {
        const struct ipa_row *row = &r->rows[i];
        if (row->quadrant == IPA_UNPLACED) continue;
        size_t q = row->quadrant, k = count[q]++;
        x[q][k] = row->gap, y[q][k] = row->importance, e[q][k] = row->importance_ci;
        text[q][k] = _(ipa_element_label(row->element));
        if (row->quadrant == IPA_ON_PAR) { /* TRANSLATORS: a point's label: the element, on par with its target */
            snprintf(par[i], sizeof par[i], _("%s: on par"), text[q][k]);
            text[q][k] = par[i];
            xe[k] = row->gap_ci;
        }
        if (ipa_uncertain(row)) { /* as the table says it (the subtitle says what it means) */
            /* TRANSLATORS: a point's label: the element; its importance's interval includes 0 */
            snprintf(unsure[i], sizeof unsure[i], _("%s (uncertain)"), text[q][k]);
            text[q][k] = unsure[i];
            nunsure++;
        }
    }
    char title[400], sub[600], file[240];
    scenario_name(&r->base, file, sizeof file);
    /* TRANSLATORS: the scenario file */
    snprintf(title, sizeof title, _("Importance-performance matrix: %s"), file);
    bool targets = false;
    for (size_t i = 0; i < r->n; i++) targets |= r->rows[i].has_target;
    if (!targets) /* the matrix has no point to show */
        snprintf(sub, sizeof sub,
                 /* TRANSLATORS: the replications */
                 _("no element has a target: give them in [ipa] (servlab keys ipa) or use --against; %u replications"),
                 r->reps);
    else if (!r->placed)
        snprintf(sub, sizeof sub,
                 /* TRANSLATORS: the replications */
                 _("no lever moved its element significantly, so no element is placed: more replications may tell; "
                   "%u replications"),
                 r->reps);
    else if (*r->against) {
        const char *rival = strrchr(r->against, '/') ? strrchr(r->against, '/') + 1 : r->against;
        /* TRANSLATORS: the competitor's file, the importance line, the replications */
        snprintf(sub, sizeof sub,
                 _("targets: what %s achieves; whiskers: 95%% interval; the line across: mean importance %.2f; %u "
                   "replications"),
                 rival, r->threshold, r->reps);
    } else /* TRANSLATORS: the importance line, the replications */
        snprintf(sub, sizeof sub,
                 _("targets from the file's [ipa]; whiskers: 95%% interval; the line across: mean importance %.2f; %u "
                   "replications"),
                 r->threshold, r->reps);
    if (nunsure && r->placed) { /* TRANSLATORS: after the subtitle: what a label's "(uncertain)" means */
        size_t used = strlen(sub);
        snprintf(sub + used, sizeof sub - used, "%s", _("; uncertain: importance's interval includes 0"));
    }
    struct chart c = {.title = title,
                      .subtitle = sub,
                      .xlabel = _("performance against the target (points of a rate; percent shorter for a time)"),
                      .npanels = 1};
    struct chart_panel *p = &c.panels[0];
    *p = (struct chart_panel){.ylabel = r->customers ? _("importance: customers kept per unit")
                                                     : _("importance: profit per day per unit")};
    for (size_t q = 0; q < IPA_UNPLACED; q++) {
        if (!count[q]) continue;
        p->point_labels[p->nseries] = text[q];
        if (q == IPA_ON_PAR) p->series_xerr[p->nseries] = xe;
        p->series[p->nseries++] =
            (struct chart_series){NULL, x[q], y[q], e[q], count[q], colours[q], STYLE_DOTS, false};
    }
    p->quadrants = true;
    p->quadrant_x = 0;
    p->quadrant_y = isfinite(r->threshold) ? r->threshold : 0;
    p->quadrant_names[0] = _(ipa_quadrant_label(IPA_CONCENTRATE));
    p->quadrant_names[1] = _(ipa_quadrant_label(IPA_KEEP_UP));
    p->quadrant_names[2] = _(ipa_quadrant_label(IPA_LOW_PRIORITY));
    p->quadrant_names[3] = _(ipa_quadrant_label(IPA_OVERKILL));
    return draw(to, &c);
}

/* The decimals that tell bands `width` apart: one significant digit of it, 0 to 6. */
static int band_decimals(double width)
{
    int d = width > 0 && isfinite(width) ? -(int)floor(log10(width)) : 2;
    return d < 0 ? 0 : d > 6 ? 6 : d;
}

/* Metric m's axis, as the service curve's and the profit charts' name theirs. */
static const char *metric_axis(int m, char *buf, size_t n)
{
    const struct metric_def *d = &metric_defs[m];
    char words[100];
    report_metric_words(d->name, words, sizeof words);
    if (m == M_PROFIT)
        snprintf(buf, n, "%s", _("profit per day (money)"));
    else if (d->kind == KIND_RATE || d->kind == KIND_SHARE)
        snprintf(buf, n, _("%s achieved (%%)"), words);
    else
        snprintf(buf, n, "%s", words);
    if (islower((unsigned char)buf[0])) buf[0] = (char)toupper((unsigned char)buf[0]);
    return buf;
}

int charts_optimise(const struct chart_target *to, const struct optimise_result *r)
{
    enum { BANDS = 3 };
    /* the best band dark blue, the next light blue, the worst pink: told apart projected */
    static const enum chart_colour band_colour[BANDS] = {COLOUR_NAVY, COLOUR_SKY, COLOUR_PURPLE};
    size_t n = r->npoints ? r->npoints : 1;
    double *buf = malloc(14 * n * sizeof *buf);
    if (!buf) abort();
    double *mean = buf, *ci = buf + n, *lx = buf + 2 * n, *ly = buf + 3 * n, *bx = buf + 4 * n, *by = buf + 7 * n,
           *be = buf + 10 * n, *gx = buf + 13 * n;
    double req_line[2], req_x[2];
    bool *meets = malloc(n * sizeof *meets), *has = malloc(n * sizeof *has);
    if (!meets || !has) abort();
    bool two = r->nlevers == 2;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < r->npoints; i++) {
        has[i] = optimise_point_mean(r, i, r->metric, &mean[i], &ci[i], &meets[i]);
        lx[i] = optimise_value(r, 0, r->points[i].at[0]);
        ly[i] = two ? optimise_value(r, 1, r->points[i].at[1]) : mean[i];
        if (has[i] && meets[i]) lo = fmin(lo, mean[i]), hi = fmax(hi, mean[i]);
    }
    /* the points that meet --require in BANDS equal bands of the objective (two levers),
       the best band first; those that miss it grey */
    double width = hi > lo ? (hi - lo) / BANDS : 0;
    size_t count[BANDS] = {0}, ngrey = 0;
    double *gy = malloc(n * sizeof *gy), *ge = malloc(n * sizeof *ge);
    if (!gy || !ge) abort();
    for (size_t i = 0; i < r->npoints; i++) {
        if (!has[i]) continue;
        if (!meets[i]) {
            gx[ngrey] = lx[i], gy[ngrey] = ly[i], ge[ngrey++] = ci[i];
            continue;
        }
        size_t b = 0;
        if (two && width > 0) { /* from the best end: band 0 the top third when maximising */
            double from_best = r->sense > 0 ? hi - mean[i] : mean[i] - lo;
            b = (size_t)(from_best / width);
            if (b >= BANDS) b = BANDS - 1;
        }
        bx[b * n + count[b]] = lx[i], by[b * n + count[b]] = ly[i], be[b * n + count[b]] = ci[i];
        count[b]++;
    }
    const struct metric_def *d = &metric_defs[r->metric];
    bool share = d->kind == KIND_RATE || d->kind == KIND_SHARE;
    char title[400], sub[600], file[240], yl[200], band_text[BANDS][200], grey_text[300], chosen[300], required[200];
    scenario_name(&r->base, file, sizeof file);
    /* TRANSLATORS: the scenario file */
    snprintf(title, sizeof title, _("The points the search tried: %s"), file);
    metric_axis(r->metric, yl, sizeof yl);
    size_t tried = 0;
    for (size_t i = 0; i < r->npoints; i++) tried += has[i];
    if (two) { /* TRANSLATORS: points tried, the grid's points, the objective (as the y axis names it) */
        snprintf(sub, sizeof sub, _("%zu of the grid's %zu points tried; colour: %s"), tried, optimise_grid_points(r),
                 yl);
        char *colour = strstr(sub, yl); /* the axis's name inside a sentence: "profit per day" */
        if (colour && isupper((unsigned char)*colour) && !isupper((unsigned char)colour[1]))
            *colour = (char)tolower((unsigned char)*colour);
    } else /* TRANSLATORS: points tried, the grid's points */
        snprintf(sub, sizeof sub, _("%zu of the grid's %zu points tried; whiskers: 95%% interval"), tried,
                 optimise_grid_points(r));
    struct chart c = {.title = title, .subtitle = sub, .xlabel = r->lever[0].parameter, .npanels = 1};
    struct chart_panel *p = &c.panels[0];
    /* two levers: the legend above the grid, which fills the frame; one: where it hides least */
    *p = (struct chart_panel){.ylabel = two ? r->lever[1].parameter : yl, .legend_on_top = two};
    int dec = band_decimals(width);
    for (size_t b = 0; b < BANDS; b++) {
        if (!count[b]) continue;
        const char *label = NULL;
        if (two && width > 0) {
            double top = r->sense > 0 ? hi - (double)b * width : lo + (double)(b + 1) * width,
                   bottom = r->sense > 0 ? hi - (double)(b + 1) * width : lo + (double)b * width;
            char a[40], z[40];
            /* TRANSLATORS: a band of the objective's values, low to high ("1100 to 1179") */
            snprintf(band_text[b], sizeof band_text[b], _("%s to %s"), num_fixed(bottom, dec, a, sizeof a),
                     num_fixed(top, dec, z, sizeof z));
            if (share) snprintf(band_text[b] + strlen(band_text[b]), sizeof band_text[b] - strlen(band_text[b]), "%%");
            label = band_text[b];
        } else if (r->req_metric >= 0) /* TRANSLATORS: the points that meet --require */
            label = _("meets the requirement");
        p->series[p->nseries++] = (struct chart_series){
            label,      bx + b * n, by + b * n, two ? NULL : be + b * n, count[b], band_colour[two ? b : 0],
            STYLE_DOTS, false};
    }
    if (ngrey) {
        /* TRANSLATORS: the points that miss --require ("misses fill_rate >= 95%") */
        snprintf(grey_text, sizeof grey_text, _("misses %s"), optimise_requirement_text(r, required, sizeof required));
        p->series[p->nseries++] =
            (struct chart_series){grey_text, gx, gy, two ? NULL : ge, ngrey, COLOUR_GREY, STYLE_DOTS, false};
    }
    double px[1] = {optimise_value(r, 0, r->points[r->best].at[0])},
           py[1] = {two ? optimise_value(r, 1, r->points[r->best].at[1]) : mean[r->best]};
    optimise_point_text(r, r->best, chosen, sizeof chosen);
    p->series[p->nseries++] = (struct chart_series){chosen, px, py, NULL, 1, COLOUR_VERMILLION, STYLE_PEAK, false};
    /* one lever with a requirement: that metric beneath, its bound a dashed line */
    double *qm = malloc(n * sizeof *qm), *qc = malloc(n * sizeof *qc), *qx = malloc(n * sizeof *qx),
           *gm = malloc(n * sizeof *gm), *gc = malloc(n * sizeof *gc), *gqx = malloc(n * sizeof *gqx);
    if (!qm || !qc || !qx || !gm || !gc || !gqx) abort();
    char ql[200], bound_text[200];
    if (!two && r->req_metric >= 0) {
        size_t nq = 0, ng = 0;
        for (size_t i = 0; i < r->npoints; i++) {
            double m, h;
            bool ok;
            if (!has[i] || !optimise_point_mean(r, i, r->req_metric, &m, &h, &ok)) continue;
            if (meets[i])
                qx[nq] = lx[i], qm[nq] = m, qc[nq++] = h;
            else
                gqx[ng] = lx[i], gm[ng] = m, gc[ng++] = h;
        }
        const struct metric_def *q = &metric_defs[r->req_metric];
        bool qshare = q->kind == KIND_RATE || q->kind == KIND_SHARE;
        metric_axis(r->req_metric, ql, sizeof ql);
        struct chart_panel *p2 = &c.panels[c.npanels++];
        *p2 = (struct chart_panel){.ylabel = ql, .legend_on_top = false};
        req_x[0] = optimise_value(r, 0, 0), req_x[1] = optimise_value(r, 0, r->n[0] - 1);
        req_line[0] = req_line[1] = (qshare ? 100 : 1) * r->req_value;
        optimise_requirement_text(r, required, sizeof required);
        /* TRANSLATORS: the dashed line of the requirement ("fill_rate >= 95%") */
        snprintf(bound_text, sizeof bound_text, _("required: %s"), required);
        p2->series[p2->nseries++] =
            (struct chart_series){bound_text, req_x, req_line, NULL, 2, COLOUR_VERMILLION, STYLE_LINE, true};
        if (nq)
            p2->series[p2->nseries++] = (struct chart_series){NULL, qx, qm, qc, nq, band_colour[0], STYLE_DOTS, false};
        if (ng)
            p2->series[p2->nseries++] = (struct chart_series){NULL, gqx, gm, gc, ng, COLOUR_GREY, STYLE_DOTS, false};
    }
    int rc = draw(to, &c);
    free(qm), free(qc), free(qx), free(gm), free(gc), free(gqx);
    free(gy), free(ge), free(meets), free(has), free(buf);
    return rc;
}
