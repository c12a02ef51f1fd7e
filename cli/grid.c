/* grid.c - the two-lever sweep's tables and notes. Every number is summarised from the
 * rows on demand (sweep_at), so the grid keeps nothing per point but its rows and a few
 * readings (cli/sweep.h). */
#include "grid.h"

#include "report.h"
#include "lang/lang.h"
#include "sim/num.h"
#include "sim/rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const double grid_targets[GRID_TARGETS] = {0.95, 0.99, 0.999};

static const char *key_part(const char *parameter)
{
    const char *dot = strrchr(parameter, '.');
    return dot ? dot + 1 : parameter;
}

size_t grid_best_reaching(const struct sweep_result *r, double target)
{
    size_t best = (size_t)-1;
    double best_profit = -INFINITY;
    for (size_t i = 0; i < r->n; i++) {
        if (!(r->service_level[i] >= target - 1e-12)) continue;
        double p = sweep_at(r, i, M_PROFIT).mean;
        if (best == (size_t)-1 || p > best_profit) best = i, best_profit = p;
    }
    return best;
}

/* A cell of one_table: x with `decimals` decimals (a share as report_percent writes
 * it), or "n/a" (40 bytes in c). */
static const char *cell_text(double x, bool share, int decimals, char c[40])
{
    if (!isfinite(x)) return snprintf(c, 40, "n/a"), c;
    if (share) return report_percent(x, decimals, c, 40);
    snprintf(c, 40, "%.*f", decimals, x);
    return c;
}

/* One table: rows the first lever, columns the second, each cell value(i) with
 * `decimals` decimals and a mark: * the best, + not significantly worse. */
static void one_table(FILE *out, const struct sweep_result *r, const char *title, int metric, bool share, int decimals)
{
    const struct sweep_config *sw = &r->base.sweep;
    const char *k1 = key_part(sw->parameter), *k2 = key_part(sw->parameter2);
    lang_printf_wrapped(out, LANG_LINE_MAX, "\n%s\n", title);
    /* the corner names both levers: "reorder_point \ order_quantity" */
    char corner[220];
    snprintf(corner, sizeof corner, "%s \\ %s", k1, k2);
    int cw = 0, kw = (int)strlen(corner); /* cw: a cell's blank and figure, as wide as the widest */
    char c[40];
    for (size_t i = 0; i < r->n; i++) {
        int w = (int)strlen(cell_text(sweep_at(r, i, metric).mean, share, decimals, c)) + 2;
        if (w > cw) cw = w;
    }
    int d1 = sweep_lever_digits(r, 0), d2 = sweep_lever_digits(r, 1);
    for (size_t j = 0; j < r->n2; j++) {
        char v[40];
        int w = (int)strlen(sweep_lever_text(r->x2[j], d2, v)) + 1;
        if (w > cw) cw = w;
    }
    /* a corner too wide for a terminal takes two lines (lang_head_break, given the
       columns the cells leave it): the first lever's name (the rows') and the backslash
       above the second's (the columns'), each ending where the column does */
    int room = LANG_LINE_MAX - 2 - (int)r->n2 * (cw + 1); /* a cell: a blank, cw - 1, a mark */
    size_t lower, upper = lang_head_break(corner, room, &lower);
    if (upper) { /* the keys are ASCII: a column a byte */
        int w1 = (int)upper, w2 = (int)strlen(corner + lower);
        kw = w1 > w2 ? w1 : w2;
    }
    /* columns still too many for a terminal go in blocks, each under its own head */
    size_t fit = (size_t)((LANG_LINE_MAX - 2 - kw) / (cw + 1));
    if (fit == 0) fit = 1;
    for (size_t j0 = 0; j0 < r->n2; j0 += fit) {
        size_t j1 = j0 + fit < r->n2 ? j0 + fit : r->n2;
        if (j0 > 0) fputc('\n', out);
        if (upper)
            fprintf(out, "  %*.*s\n  %*s", kw, (int)upper, corner, kw, corner + lower);
        else
            fprintf(out, "  %*s", kw, corner);
        for (size_t j = j0; j < j1; j++) {
            char v[40];
            fprintf(out, j + 1 < j1 ? " %*s " : " %*s", cw - 1,
                    sweep_lever_text(r->x2[j], d2, v)); /* the mark's column, but at the end */
        }
        fputc('\n', out);
        for (size_t a = 0; a < r->n1; a++) {
            char v[40];
            fprintf(out, "  %*s", kw, sweep_lever_text(r->x[a * r->n2], d1, v));
            for (size_t b = j0; b < j1; b++) {
                size_t i = a * r->n2 + b;
                cell_text(sweep_at(r, i, metric).mean, share, decimals, c);
                char mark = i == r->grid.best ? '*' : r->near[i] ? '+' : ' ';
                fprintf(out, " %*s", cw - 1, c);
                if (mark != ' ' || b + 1 < j1) fputc(mark, out); /* no blank at the line's end */
            }
            fputc('\n', out);
        }
    }
}

void grid_table(FILE *out, const struct sweep_result *r)
{
    const struct scenario *b = &r->base;
    const struct sweep_config *sw = &b->sweep;
    char f1[40], t1[40], f2[40], t2[40];
    int d1 = sweep_lever_digits(r, 0), d2 = sweep_lever_digits(r, 1);
    fprintf(out, "servlab %s sweep — %s\n", SERVLAB_VERSION, b->path);
    /* lines that carry a name are wrapped to a terminal (lang_printf_wrapped) */
    lang_printf_wrapped(out, LANG_LINE_MAX,
                        _("%s from %s to %s (%zu values) by %s from %s to %s (%zu values): a grid of %zu points;\n"),
                        sw->parameter, sweep_lever_text(r->x[0], d1, f1), sweep_lever_text(r->x[r->n - 1], d1, t1),
                        r->n1, sw->parameter2, sweep_lever_text(r->x2[0], d2, f2),
                        sweep_lever_text(r->x2[r->n2 - 1], d2, t2), r->n2, r->n);
    fprintf(out,
            P_("%u replication each on the same random numbers.\n",
               "%u replications each on the same random numbers.\n", r->reps),
            r->reps);
    fprintf(out, _("seed %llu, generator %s. Money is per day; ± is the half-width of the 95%% confidence interval.\n"),
            (unsigned long long)b->cfg.run.seed, rng_generator_name());
    report_changed_line(out, b->changes);
    for (size_t i = 0; i < b->nnotes; i++) fprintf(out, _("Note: %s.\n"), b->notes[i]);
    char title[300];
    snprintf(title, sizeof title,
             _("Profit per day (rows: %s; columns: %s). * the highest; + not significantly lower (paired 95%%)."),
             key_part(sw->parameter), key_part(sw->parameter2));
    one_table(out, r, title, M_PROFIT, false, 2);
    char service_shown[100];
    snprintf(title, sizeof title, _("%s, %% (marks as above)"),
             report_metric_prose(metric_defs[r->service].name, service_shown, sizeof service_shown));
    one_table(out, r, title, r->service, true, 3); /* as the sweep's table */
    grid_notes(out, r);
    if (b->nwarnings || r->npoint_warnings) {
        fputs(_("\nWarnings\n"), out);
        for (size_t i = 0; i < b->nwarnings; i++) report_warning(out, b->warnings[i]);
        for (size_t i = 0; i < r->npoint_warnings; i++) report_warning(out, r->point_warnings[i]);
    }
}

/* "KEY from LO to HI" of the flat top's points, or "KEY = V" when they share one value
 * (sweep_lever_text, with the lever's digits) */
static const char *lever_range(const char *key, double lo, double hi, int digits, char *buf, size_t size)
{
    char a[40], b[40];
    if (lo == hi)
        /* TRANSLATORS: the flat top's points all have this value of the lever, e.g. "order_quantity = 1400" */
        snprintf(buf, size, C_("flat top", "%s = %s"), key, sweep_lever_text(lo, digits, a));
    else
        /* TRANSLATORS: the flat top's points span this range of the lever, e.g. "reorder_point from 500 to 700" */
        snprintf(buf, size, C_("flat top", "%s from %s to %s"), key, sweep_lever_text(lo, digits, a),
                 sweep_lever_text(hi, digits, b));
    return buf;
}

void grid_notes(FILE *out, const struct sweep_result *r)
{
    const struct sweep_config *sw = &r->base.sweep;
    const struct surface_optimum *o = &r->grid;
    const char *k1 = key_part(sw->parameter), *k2 = key_part(sw->parameter2);
    char service_shown[100];
    const char *service = report_metric_prose(metric_defs[r->service].name, service_shown, sizeof service_shown);
    struct summary p = sweep_at(r, o->best, M_PROFIT);
    char a[40], b[40], pc[60] = "", sv[40];
    int d1 = sweep_lever_digits(r, 0), d2 = sweep_lever_digits(r, 1); /* the values as the tables write them */
    if (isfinite(p.ci95)) snprintf(pc, sizeof pc, " ± %.2f", p.ci95);
    lang_printf_wrapped(out, LANG_LINE_MAX,
                        /* TRANSLATORS: the two levers and their values, the service and its level ("97.50%", or
                           "n/a" where it has no data), the profit, its ± */
                        _("\nProfit is highest at %s = %s, %s = %s (marked *): %s %s, profit %.2f%s a day.\n"), k1,
                        sweep_lever_text(r->x[o->best], d1, a), k2, sweep_lever_text(r->x2[o->best], d2, b), service,
                        report_percent_or(r->service_level[o->best], 2, _("n/a"), sv, sizeof sv), p.mean, pc);
    if (o->at_edge1 || o->at_edge2)
        lang_printf_wrapped(
            out, LANG_LINE_MAX,
            _("That is at an end of the range of %s: profit may keep rising beyond it, so widen the range.\n"),
            o->at_edge1 ? k1 : k2);
    else if (o->refined) /* four digits: an estimate between the points, not one of them */
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            _("A quadratic through the 3 x 3 points around the best puts the peak between grid "
                              "points: %s = %s, %s = %s (profit %.2f a day).\n"),
                            k1, sweep_lever_text(o->x1, 4, a), k2, sweep_lever_text(o->x2, 4, b), o->profit);
    if (o->near > 1) {
        double lo1 = INFINITY, hi1 = -INFINITY, lo2 = INFINITY, hi2 = -INFINITY;
        for (size_t i = 0; i < r->n; i++)
            if (r->near[i]) {
                lo1 = fmin(lo1, r->x[i]), hi1 = fmax(hi1, r->x[i]);
                lo2 = fmin(lo2, r->x2[i]), hi2 = fmax(hi2, r->x2[i]);
            }
        char range1[160], range2[160];
        lang_printf_wrapped(out, LANG_LINE_MAX,
                            P_("%zu of the %zu points is not significantly lower (marked +, paired 95%% intervals), "
                               "with %s and %s: the top of the surface is flat there.\n",
                               "%zu of the %zu points are not significantly lower (marked +, paired 95%% intervals), "
                               "with %s and %s: the top of the surface is flat there.\n",
                               o->near - 1),
                            o->near - 1, r->n - 1, lever_range(k1, lo1, hi1, d1, range1, sizeof range1),
                            lever_range(k2, lo2, hi2, d2, range2, sizeof range2));
    } else
        fprintf(out, _("Every other point is significantly lower (paired 95%% intervals).\n"));
    /* the cheapest way to each target: the most profitable point that reaches it */
    fputc('\n', out);
    for (size_t t = 0; t < GRID_TARGETS; t++) {
        size_t i = grid_best_reaching(r, grid_targets[t]);
        char tv[40];
        snprintf(tv, sizeof tv, "%g", 100 * grid_targets[t]);
        if (i == (size_t)-1) {
            fprintf(out, _("%s >= %s%%: no point of the grid reaches it.\n"), service, tv);
            continue;
        }
        lang_printf_wrapped(
            out, LANG_LINE_MAX, _("%s >= %s%%: most profitable at %s = %s, %s = %s (profit %.2f a day, %s %s%%).\n"),
            service, tv, k1, sweep_lever_text(r->x[i], d1, a), k2, sweep_lever_text(r->x2[i], d2, b),
            sweep_at(r, i, M_PROFIT).mean, service, report_percent(r->service_level[i], 2, sv, sizeof sv));
    }
}

void grid_summary(FILE *out, const struct sweep_result *r)
{
    const struct sweep_config *sw = &r->base.sweep;
    const struct surface_optimum *o = &r->grid;
    const char *k1 = key_part(sw->parameter), *k2 = key_part(sw->parameter2);
    char v[40];
    fprintf(out, "parameter: %s\n", sw->parameter);
    fprintf(out, "parameter2: %s\n", sw->parameter2);
    fprintf(out, "points: %zu\n", r->n);
    fprintf(out, "grid: %zu x %zu\n", r->n1, r->n2);
    fprintf(out, "service_metric: %s\n", metric_defs[r->service].name);
    fprintf(out, "profit_max_%s: %s\n", k1, report_field(r->x[o->best], v, sizeof v));
    fprintf(out, "profit_max_%s: %s\n", k2, report_field(r->x2[o->best], v, sizeof v));
    fprintf(out, "profit_max_service: %s\n", report_field(r->service_level[o->best], v, sizeof v));
    fprintf(out, "profit_max_profit_per_day: %s\n", report_field(sweep_at(r, o->best, M_PROFIT).mean, v, sizeof v));
    fprintf(out, "profit_max_profit_ci95: %s\n", report_field(sweep_at(r, o->best, M_PROFIT).ci95, v, sizeof v));
    fprintf(out, "profit_max_at_edge: %s\n",
            o->at_edge1 && o->at_edge2 ? "both"
            : o->at_edge1              ? k1
            : o->at_edge2              ? k2
                                       : "no");
    fprintf(out, "not_significantly_lower_points: %zu\n", o->near);
    if (o->refined) {
        fprintf(out, "refined_%s: %s\n", k1, report_field(o->x1, v, sizeof v));
        fprintf(out, "refined_%s: %s\n", k2, report_field(o->x2, v, sizeof v));
        fprintf(out, "refined_profit_per_day: %s\n", report_field(o->profit, v, sizeof v));
    }
}
